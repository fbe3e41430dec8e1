/* The manual's search worker: Material's own search worker, unchanged, with one
   thing added in front of it. A word of the query that nothing in the index
   starts with is read as a typo (one missing, extra, swapped or wrong letter):
   it is replaced by the index's words within that one edit (lunr's edit
   distance, the same TokenSet lunr uses for "word~1"), the most common first,
   before Material searches. A word the index knows is never changed, so exact
   matches rank as they always did; results then show and highlight the word
   that was found, not the typo. An initial typed without its full stop
   ("Katie A") is searched as the initial, with and without the stop.

   overrides/main.html points Material at this file with the path of Material's
   worker after "#" (…/search-worker.js#workers/search.<hash>.min.js), so a new
   Material version needs no edit here. It runs as a real Web Worker over http,
   and from file:// inside the iframe of assets/javascripts/iframe-worker.js,
   where importScripts loads asynchronously: messages that come before
   Material's worker has loaded wait, and are handed on once it has. Nothing is
   stored or sent. */
(function () {
  "use strict";

  var MIN_LENGTH = 3;      // shorter words have too many neighbours one edit away
  var MAX_CANDIDATES = 3;  // words put in place of a typo, the most common first
  var QUERY = 2;           // Material's message type for a search query
  var index = null;        // the lunr index Material builds (captured below)

  // Where this script was loaded from, and so where Material's worker is.
  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : self.location.href;
  var material = decodeURIComponent(new URL(here).hash.slice(1)).split("?")[0];

  function count(term) {
    // how many pages and sections use the term, over every field
    var entry = index.invertedIndex[term];
    var docs = {};
    if (!entry) return 0;
    Object.keys(entry).forEach(function (field) {
      if (field !== "_index") Object.keys(entry[field]).forEach(function (ref) { docs[ref] = true; });
    });
    return Object.keys(docs).length;
  }

  function known(term) {
    // the index has a word starting with the term (Material searches the last
    // word typed as a prefix, so "conn" is not a typo)
    return index.tokenSet.intersect(lunr.TokenSet.fromString(term + "*")).toArray().length > 0;
  }

  function correct(word) {
    var term = word.toLowerCase();
    if (term.length < MIN_LENGTH || !lunr.stopWordFilter(term) || known(term)) return word;
    // the index first: intersect reads "*" (any letter) in its argument only
    var near = index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(term, 1)).toArray()
      .filter(function (t) { return t.length >= MIN_LENGTH; })
      .sort(function (a, b) { return count(b) - count(a) || (a < b ? -1 : 1); })
      .slice(0, MAX_CANDIDATES);
    return near.length ? near.join(" ") : word;
  }

  function initial(letter) {
    // "Katie A": a letter on its own, next to other words, is an initial. It is
    // searched as itself and with its full stop ("a."), where the index has
    // them, rather than as the start of every word (Material's trailing "*")
    var forms = [letter, letter + "."].filter(function (t) { return t in index.invertedIndex; });
    return forms.length ? forms.map(function (t) { return t + "^1"; }).join(" ") : letter;
  }

  function forgive(query) {
    var separator = lunr.tokenizer.separator;
    var several = query.trim().split(/\s+/).length > 1;
    return query.split(/(\s+)/).map(function (part) {
      // lunr's own syntax (+must -not field: ~fuzzy ^boost *wildcard "phrase") is left alone
      if (!part.trim() || /^[+\-]|[~^:*"]/.test(part)) return part;
      return part.split(separator).filter(Boolean).map(function (word) {
        return several && /^[a-z]$/i.test(word) ? initial(word.toLowerCase()) : correct(word);
      }).join(" ");
    }).join("");
  }

  // Messages that arrive before Material's worker has loaded: only in the
  // iframe used from file://, where importScripts is asynchronous.
  var pending = null;

  // Registered before Material's worker loads, so it sees each query first.
  addEventListener("message", function (event) {
    if (pending) {
      event.stopImmediatePropagation();
      pending.push(event.data);
      return;
    }
    var message = event.data;
    if (index && message && message.type === QUERY && typeof message.data === "string")
      message.data = forgive(message.data);
  });

  function capture() {
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      index = build.apply(this, arguments);
      return index;
    };
  }

  var loading = importScripts(new URL(material, here).href);
  if (loading && typeof loading.then === "function") {
    pending = [];
    loading.then(function () {
      capture();
      var queued = pending;
      pending = null;
      queued.forEach(function (data) { self.dispatchEvent(new MessageEvent("message", { data: data })); });
    });
  } else {
    capture();
  }
})();
