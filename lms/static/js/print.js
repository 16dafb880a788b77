// A button with data-print opens the browser's print dialog (scripts are external: the CSP).
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
