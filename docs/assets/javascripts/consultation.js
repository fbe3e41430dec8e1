/* Consultation mode's phase timer (pcr/consultation.md). Reads the agenda's
   phases from the headings that carry data-minutes, counts down the current
   phase, and moves to the next on request. Changes of phase and the end of a
   time box are announced politely (role="status"); the ticking clock is not.
   Nothing is stored: no cookies, no localStorage or sessionStorage, no requests.
   Reloading the page resets the timer. A no-op on every other page. */
(function () {
  function clock(seconds) {
    var s = Math.abs(Math.round(seconds));
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

  function headingText(h) {
    var copy = h.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (a) { a.remove(); });
    // "2. Strengths and ... (0:15–0:30, 15 min)" -> "Strengths and ..."
    return copy.textContent.replace(/\s+/g, " ").trim()
      .replace(/^\d+\.\s*/, "").replace(/\s*\([^()]*\)$/, "");
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
    var elapsedEl = box.querySelector("[data-timer-elapsed]");
    var statusEl = box.querySelector("[data-timer-status]");
    var startBtn = box.querySelector("[data-timer-start]");
    var nextBtn = box.querySelector("[data-timer-next]");
    var resetBtn = box.querySelector("[data-timer-reset]");

    var state = { index: 0, used: 0, elapsed: 0, running: false, last: 0, timer: null, announcedEnd: false };

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
      phaseEl.textContent = describe(state.index);
      clockEl.textContent = left >= 0 ? clock(left) + " left" : clock(left) + " over";
      clockEl.classList.toggle("manual-timer__clock--over", left < 0);
      elapsedEl.textContent = clock(state.elapsed);
      startBtn.textContent = state.running ? "Pause" : (state.used || state.elapsed ? "Resume" : "Start");
      startBtn.setAttribute("aria-pressed", state.running ? "true" : "false");
      nextBtn.disabled = state.index >= phases.length - 1;
      phases.forEach(function (ph, i) {
        ph.el.classList.toggle("manual-agenda__phase--current", i === state.index);
        if (i === state.index) ph.el.setAttribute("aria-current", "step");
        else ph.el.removeAttribute("aria-current");
      });
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
      state.running = true;
      state.last = Date.now();
      state.timer = window.setInterval(tick, 250);
      announce("Timer running. " + describe(state.index) + ", " + clock(phases[state.index].seconds - state.used) + " left.");
    }

    function pause() {
      state.running = false;
      window.clearInterval(state.timer);
      state.timer = null;
      announce("Timer paused. " + describe(state.index) + ", " + clock(phases[state.index].seconds - state.used) + " left.");
    }

    startBtn.addEventListener("click", function () {
      if (state.running) pause(); else start();
      render();
    });
    nextBtn.addEventListener("click", function () {
      if (state.index >= phases.length - 1) return;
      state.index += 1;
      state.used = 0;
      state.announcedEnd = false;
      if (state.running) state.last = Date.now();
      render();
      announce(describe(state.index) + ", " + Math.round(phases[state.index].seconds / 60) + " minutes.");
    });
    resetBtn.addEventListener("click", function () {
      if (state.running) window.clearInterval(state.timer);
      state = { index: 0, used: 0, elapsed: 0, running: false, last: 0, timer: null, announcedEnd: false };
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
