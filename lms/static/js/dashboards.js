// Opens the dashboards' filter box on wide screens; on phones it stays closed under its summary.
(function () {
  if (!window.matchMedia("(min-width: 900px)").matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach(function (box) { box.open = true; });
})();
