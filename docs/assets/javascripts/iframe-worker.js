/* Search from file://. Chromium will not start a Web Worker from a page opened
   from disk, so there Material's search worker runs in a hidden iframe instead.
   This is the approach of the iframe-worker package (MIT, by Material's author),
   rewritten so that nothing runs as inline script: the iframe gets the worker's
   globals (postMessage, importScripts) from this file and loads the worker as an
   ordinary script from the site, so the page's content security policy
   (script-src 'self' and the theme's hashes only, permanency/csp.py) holds from
   disk as it does over http. Material's offline plugin loads it as a polyfill
   (mkdocs.yml, extra.polyfills; the plugin looks for "iframe-worker" in the
   name). Over http it does nothing and the browser's own Worker runs. */
(() => {
  "use strict";
  if (location.protocol !== "file:") return;

  // an ordinary <script src> in the iframe: allowed by script-src 'self'
  function load(doc, src) {
    return new Promise((resolve, reject) => {
      const script = doc.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      doc.body.appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.title = "Search worker";  // never shown; named for checkers all the same
      document.body.appendChild(this.iframe);
      const scope = this.iframe.contentWindow;  // about:blank: same origin, same policy
      scope.postMessage = data => this.emit("message", { data: structuredClone(data) });
      scope.importScripts = (...urls) =>
        urls.reduce((done, src) => done.then(() => load(scope.document, src)), Promise.resolve());
      this.ready = load(scope.document, url);
      this.ready.catch(error => this.emit("error", { error, message: error.message, filename: `${url}` }));
    }

    emit(type, init) {
      const event = type === "message" ? new MessageEvent(type, init) : new ErrorEvent(type, init);
      this.dispatchEvent(event);
      const handler = this[`on${type}`];
      if (typeof handler === "function") handler.call(this, event);
    }

    postMessage(data) {
      this.ready.then(() => {
        const scope = this.iframe.contentWindow;
        if (scope) scope.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      }, () => {});
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.Worker = FrameWorker;
})();
