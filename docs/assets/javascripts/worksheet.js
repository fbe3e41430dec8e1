/* Worksheets (docs/tools/): fill in on screen, print, and nothing is kept.
   What is typed lives only in the page's form controls: this script stores
   nothing (no localStorage, sessionStorage, cookies or IndexedDB) and sends
   nothing. It empties every control when the page loads, in case a browser
   restores typed values on reload, and shows the "Clear all" button, which
   empties them on request. A no-op on pages without a worksheet. */
(function () {
  function clear(sheet) {
    Array.prototype.forEach.call(sheet.querySelectorAll("input, textarea"), function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = false;
      } else {
        el.value = "";
      }
    });
  }

  function init() {
    var sheet = document.querySelector(".ws-sheet");
    if (!sheet) return;
    clear(sheet);
    Array.prototype.forEach.call(document.querySelectorAll(".ws-clear"), function (button) {
      var status = button.parentNode.querySelector(".ws-clear__status");
      button.hidden = false;
      button.addEventListener("click", function () {
        if (!window.confirm("Clear everything typed on this worksheet?")) return;
        clear(sheet);
        if (status) status.textContent = "Everything typed on this worksheet was cleared.";
      });
    });
    sheet.addEventListener("input", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".ws-clear__status"), function (s) {
        s.textContent = "";
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
