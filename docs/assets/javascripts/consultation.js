/* Consultation mode's phase timer (pcr/consultation.md). Reads the agenda's
   phases from the headings that carry data-minutes and counts down the current
   phase and the whole review. Once started, the timer is a bar that stays at the
   top of the screen (consult.css), and Start, Next and Back bring the current
   phase's heading, roles and prompts right under it. Going over a time box shows
   on the clock and is announced once, politely (role="status"); there is no
   sound, and the ticking clock is not announced. While it runs it asks the
   browser to keep the screen awake (Screen Wake Lock API, where there is one)
   and lets go on pause, on reset and whenever the page is hidden.
   Nothing is stored: no cookies, no localStorage or sessionStorage, no requests.
   Reloading the page resets the timer. A no-op on every other page. */
(function () {
  function clock(seconds) {
    var s = Math.abs(Math.round(seconds));
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

  function hours(seconds) {
    var s = Math.abs(Math.round(seconds));
    var h = Math.floor(s / 3600);
    var rest = clock(s % 3600);
    return h + ":" + (rest.length < 5 ? "0" : "") + rest;
  }

  function headingText(h) {
    var copy = h.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (a) { a.remove(); });
    // "2. Strengths and ... (0:15–0:30, 15 min)" -> "Strengths and ..."
    return copy.textContent.replace(/\s+/g, " ").trim()
      .replace(/^\d+\.\s*/, "").replace(/\s*\([^()]*\)$/, "");
  }

  /* The screen stays on while the timer runs, where the browser allows it. */
  function wakeLock() {
    var sentinel = null;
    var wanted = false;
    function request() {
      if (!wanted || sentinel || document.hidden || !("wakeLock" in navigator)) return;
      navigator.wakeLock.request("screen").then(function (s) {
        sentinel = s;
        s.addEventListener("release", function () { if (sentinel === s) sentinel = null; });
        if (!wanted) release();
      }).catch(function () { /* refused (battery saver, no permission): the timer still runs */ });
    }
    function release() {
      if (!sentinel) return;
      var s = sentinel;
      sentinel = null;
      s.release().catch(function () {});
    }
    document.addEventListener("visibilitychange", function () {
      if (document.hidden) release(); else request();
    });
    return {
      keep: function () { wanted = true; request(); },
      free: function () { wanted = false; release(); }
    };
  }

  function init() {
    var box = document.querySelector("[data-consult-timer]");
    if (!box) return;
    var headings = Array.prototype.slice.call(document.querySelectorAll("h3[data-minutes]"));
    if (!headings.length) return;
    var phases = headings.map(function (h) {
      return { el: h, id: h.id, title: headingText(h), seconds: parseInt(h.getAttribute("data-minutes"), 10) * 60 };
    });
    var total = phases.reduce(function (sum, p) { return sum + p.seconds; }, 0);

    var phaseEl = box.querySelector("[data-timer-phase]");
    var clockEl = box.querySelector("[data-timer-clock]");
    var remainingEl = box.querySelector("[data-timer-remaining]");
    var statusEl = box.querySelector("[data-timer-status]");
    var startBtn = box.querySelector("[data-timer-start]");
    var nextBtn = box.querySelector("[data-timer-next]");
    var backBtn = box.querySelector("[data-timer-back]");
    var resetBtn = box.querySelector("[data-timer-reset]");
    var screen = wakeLock();

    function fresh() {
      return { index: 0, used: 0, elapsed: 0, running: false, started: false, last: 0, timer: null, announcedEnd: false };
    }
    var state = fresh();

    function announce(text) {
      // clear first so the same words are announced again
      statusEl.textContent = "";
      window.setTimeout(function () { statusEl.textContent = text; }, 50);
    }

    function describe(i) {
      var p = phases[i];
      return "Phase " + (i + 1) + " of " + phases.length + ": " + p.title;
    }

    function render() {
      var p = phases[state.index];
      var left = p.seconds - state.used;
      var reviewLeft = total - state.elapsed;
      phaseEl.textContent = describe(state.index);
      clockEl.textContent = left >= 0 ? clock(left) + " left" : clock(left) + " over";
      remainingEl.textContent = hours(reviewLeft) + (reviewLeft >= 0 ? "" : " over");
      box.classList.toggle("manual-timer--over", left < 0);
      box.classList.toggle("manual-timer--active", state.started);
      startBtn.textContent = state.running ? "Pause" : (state.started ? "Resume" : "Start");
      nextBtn.disabled = state.index >= phases.length - 1;
      backBtn.disabled = state.index === 0;
      phases.forEach(function (ph, i) {
        ph.el.classList.toggle("manual-agenda__phase--current", i === state.index);
        if (i === state.index) ph.el.setAttribute("aria-current", "step");
        else ph.el.removeAttribute("aria-current");
      });
    }

    /* The current phase's heading right under the bar, its roles and prompts below. */
    function showPhase() {
      var header = document.querySelector(".md-header");
      var above = (header ? header.getBoundingClientRect().height : 0) + box.getBoundingClientRect().height;
      var top = phases[state.index].el.getBoundingClientRect().top + window.pageYOffset - above - 8;
      window.scrollTo(0, Math.max(0, top));
    }

    function tick() {
      var now = Date.now();
      var delta = Math.floor((now - state.last) / 1000);
      if (delta < 1) return;
      state.last += delta * 1000;
      state.used += delta;
      state.elapsed += delta;
      var p = phases[state.index];
      if (!state.announcedEnd && state.used >= p.seconds) {
        state.announcedEnd = true;
        announce("Time is up for phase " + (state.index + 1) + ": " + p.title + "." +
                 (state.index < phases.length - 1 ? " Move to the next phase when ready." : " The review's time is up."));
      }
      render();
    }

    function start() {
      var first = !state.started;
      state.running = true;
      state.started = true;
      state.last = Date.now();
      state.timer = window.setInterval(tick, 250);
      screen.keep();
      render();
      if (first) showPhase();
      announce("Timer running. " + describe(state.index) + ", " + clock(phases[state.index].seconds - state.used) + " left.");
    }

    function pause() {
      state.running = false;
      window.clearInterval(state.timer);
      state.timer = null;
      screen.free();
      render();
      announce("Timer paused. " + describe(state.index) + ", " + clock(phases[state.index].seconds - state.used) + " left.");
    }

    function go(index) {
      if (index < 0 || index >= phases.length) return;
      state.index = index;
      state.used = 0;
      state.announcedEnd = false;
      if (state.running) state.last = Date.now();
      render();
      if (state.started) showPhase();
      announce(describe(state.index) + ", " + Math.round(phases[state.index].seconds / 60) + " minutes.");
    }

    startBtn.addEventListener("click", function () {
      if (state.running) pause(); else start();
    });
    nextBtn.addEventListener("click", function () { go(state.index + 1); });
    backBtn.addEventListener("click", function () { go(state.index - 1); });
    resetBtn.addEventListener("click", function () {
      if (state.running) window.clearInterval(state.timer);
      screen.free();
      state = fresh();
      render();
      announce("Timer reset. " + describe(0) + ", " + Math.round(phases[0].seconds / 60) + " minutes.");
    });

    box.hidden = false;
    var fallback = document.querySelector(".manual-timer__fallback");
    if (fallback) fallback.hidden = true;
    render();
    box.setAttribute("data-total-seconds", String(total));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
