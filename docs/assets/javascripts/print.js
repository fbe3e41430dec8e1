/* Print: open every collapsed block (pymdownx.details) before printing and put
   each back as it was afterwards. Nothing is stored. */
(function () {
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
