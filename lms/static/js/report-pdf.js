// Polls the readiness report PDF's status every 3 s and reloads the page once it is ready or
// has failed.
(function () {
  var box = document.getElementById("pdf-box");
  if (!box || !window.fetch) { return; }
  function poll() {
    fetch(box.dataset.statusUrl, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && (data.ready || data.error)) { window.location.reload(); return; }
        setTimeout(poll, 3000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
})();
