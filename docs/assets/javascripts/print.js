/* Print: the "Print this page" button above the content (hidden without
   JavaScript, since it needs it) opens the browser's Print; every collapsed
   block (pymdownx.details) opens before printing and goes back as it was
   afterwards. Nothing is stored. */
(function () {
  document.querySelectorAll("[data-manual-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(
      document.querySelectorAll("details:not([open])"),
      function (el) { el.setAttribute("open", ""); return true; }
    );
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (el) { el.removeAttribute("open"); });
    opened = [];
  });
})();
