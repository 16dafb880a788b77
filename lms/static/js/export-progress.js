// Polls an export's status every 1.5 s and moves its progress bar until the file is ready.
(function () {
  const box = document.getElementById("export");
  if (!box) return;
  const bar = document.getElementById("export-bar");
  const label = document.getElementById("export-label");
  const count = document.getElementById("export-count");
  const download = document.getElementById("export-download");
  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const data = await response.json();
      bar.style.width = data.percent + "%";
      bar.parentElement.setAttribute("aria-valuenow", data.percent);
      label.textContent = data.label;
      // The worker counts the rows when it starts: nothing to show before.
      count.textContent = data.total ? data.done + " / " + data.total : "";
      if (data.status === "done") { download.hidden = false; return; }
      // A failure is shown by the page itself, with its "try again" button.
      if (data.status === "failed") { window.location.reload(); return; }
    } catch (error) { /* a dropped connection: try again */ }
    setTimeout(poll, 1500);
  }
  if (box.dataset.status !== "done" && box.dataset.status !== "failed") poll();
})();
