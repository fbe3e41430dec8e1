/* Change log: "show changes made on or after <date>", for a reader who wants
   what is new since, say, their training. Hides the versions dated before the
   chosen date (and their entries in the table of contents) and says how many
   remain. Without JavaScript the form stays hidden and every version shows.
   Nothing is stored: no cookie, no local storage, no change to the address. */
(function () {
  var form = document.querySelector("form[data-manual-since]");
  if (!form) return;
  var input = form.querySelector("input[type=date]");
  var status = form.querySelector("[role=status]");
  var releases = Array.prototype.slice.call(document.querySelectorAll("section.manual-release[data-date]"));
  var total = releases.length;

  function tocLinks(release) {
    var heading = release.querySelector("h2[id]");
    if (!heading) return [];
    return Array.prototype.slice.call(
      document.querySelectorAll('.md-nav--secondary a[href="#' + heading.id + '"]')
    );
  }

  function plural(n) { return n === 1 ? "version" : "versions"; }

  function apply() {
    var since = input.value;  /* "YYYY-MM-DD", or "" when cleared or incomplete */
    var shown = 0;
    releases.forEach(function (release) {
      var keep = !since || release.getAttribute("data-date") >= since;
      release.hidden = !keep;
      tocLinks(release).forEach(function (a) { a.parentElement.hidden = !keep; });
      if (keep) shown += 1;
    });
    if (!since) {
      status.textContent = total === 1 ? "Showing the one version." : "Showing all " + total + " versions.";
    } else if (shown) {
      status.textContent = "Showing " + shown + " of " + total + " " + plural(total) +
        ": the changes made on or after " + since + ".";
    } else {
      status.textContent = "No changes were made on or after " + since + ". The newest is version " +
        status.getAttribute("data-newest-version") + " of " + status.getAttribute("data-newest-date") + ".";
    }
  }

  input.addEventListener("input", apply);
  input.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
