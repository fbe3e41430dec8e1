/* Training: knowledge checks, the course test, and the scores kept on this device.

   Knowledge check (data-training-mode="module"): each question is a fieldset of
   real radio buttons. "Check answer" writes the chosen option's feedback into the
   question's live region; "See my score" counts the answers that were right the
   first time they were checked. Course test (data-training-mode="test"): no
   per-question check; "See my score" marks every answer and shows its feedback.
   "Try again" clears everything. Without JavaScript the questions stay readable
   and a module's answer key (a <details> block) gives every answer.

   Scores: when every question has been answered, the score is kept in this
   browser's localStorage under one key, as
     {"<module or test id>": {"score": 3, "total": 4, "date": "2026-12-01"}}
   and nothing else: no answer chosen, nothing typed, nothing sent anywhere. A
   module is complete when its last score reaches the pass mark the page states
   (data-training-pass). "Clear this score" removes one entry; "Clear all my
   scores" on the course page removes the key. Works from file:// too. */
(function () {
  var KEY = "permanency-manual.training-scores";
  var OLD_KEY = "permanency-manual.training-completed";  /* ids only, from earlier versions */

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function showJsParts(root) {
    each(root.querySelectorAll("[data-training-js]"), function (el) { el.hidden = false; });
    each(root.querySelectorAll("[data-training-nojs]"), function (el) { el.hidden = true; });
  }

  /* --------------------------------------------------------------- scores */
  function isRecord(r) {
    return r && typeof r === "object" && typeof r.score === "number" && typeof r.total === "number" &&
      typeof r.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r.date);
  }

  function readScores() {
    try {
      window.localStorage.removeItem(OLD_KEY);
      var value = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      var out = {};
      if (value && typeof value === "object" && !Array.isArray(value)) {
        Object.keys(value).forEach(function (id) {
          var r = value[id];
          if (/^[a-z0-9-]+$/.test(id) && isRecord(r)) out[id] = { score: r.score, total: r.total, date: r.date };
        });
      }
      return out;
    } catch (e) {
      return {};  /* storage blocked or unreadable: nothing is kept */
    }
  }

  function writeScores(scores) {
    try {
      if (Object.keys(scores).length) window.localStorage.setItem(KEY, JSON.stringify(scores));
      else window.localStorage.removeItem(KEY);
      return true;
    } catch (e) {
      return false;
    }
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function passed(record, pass) { return record.score >= pass; }

  function scoreText(record) { return record.score + " of " + record.total + " on " + record.date; }

  /* the panel under a check: last score, complete or not, and a clear button */
  function setupRecord(box) {
    var id = box.getAttribute("data-training-record");
    var pass = parseInt(box.getAttribute("data-training-pass"), 10);
    var total = parseInt(box.getAttribute("data-training-total"), 10);
    var what = box.getAttribute("data-training-what") || "this module";
    var status = box.querySelector("[role=status]");
    var button = box.querySelector("[data-training-action=forget]");

    function render(message) {
      var record = readScores()[id];
      var text;
      if (!record) {
        text = "No score is kept for " + what + " in this browser. The pass mark is " + pass + " of " + total + ".";
      } else if (passed(record, pass)) {
        text = "Your last score: " + scoreText(record) + ". Passed (pass mark " + pass + " of " + total +
          "): " + what + " is complete.";
      } else {
        text = "Your last score: " + scoreText(record) + ". Not passed yet: the pass mark is " + pass +
          " of " + total + ". Revisit the pages the feedback names and try again.";
      }
      status.textContent = (message ? message + " " : "") + text;
      box.setAttribute("data-training-state", !record ? "none" : passed(record, pass) ? "passed" : "not-passed");
      button.disabled = !record;
    }

    button.addEventListener("click", function () {
      var scores = readScores();
      delete scores[id];
      writeScores(scores);
      render("Score cleared.");
    });
    box.hidden = false;
    render("");
    return render;
  }

  /* the course page: every module's and test's last score, and clear all */
  function setupProgress(panel) {
    var status = panel.querySelector("[role=status]");
    var total = parseInt(status.getAttribute("data-total"), 10);
    var button = panel.querySelector("[data-training-action=clear]");

    function render(message) {
      var scores = readScores();
      var complete = 0;
      each(document.querySelectorAll("[data-training-score]"), function (cell) {
        var id = cell.getAttribute("data-training-score");
        var pass = parseInt(cell.getAttribute("data-training-pass"), 10);
        var record = scores[id];
        var isModule = cell.getAttribute("data-training-kind") === "module";
        if (!record) {
          cell.textContent = "none yet";
          cell.removeAttribute("data-training-state");
          return;
        }
        var ok = passed(record, pass);
        if (ok && isModule) complete += 1;
        cell.textContent = scoreText(record) + (ok ? (isModule ? " (complete)" : " (mastery)") : " (not passed yet)");
        cell.setAttribute("data-training-state", ok ? "passed" : "not-passed");
      });
      status.textContent = (message ? message + " " : "") + complete + " of " + total +
        " modules complete in this browser.";
      button.disabled = Object.keys(scores).length === 0;
    }

    button.addEventListener("click", function () {
      writeScores({});
      render("All scores cleared.");
    });
    panel.hidden = false;
    render("");
  }

  /* ------------------------------------------- knowledge check and test */
  function setupCheck(root, onScored) {
    var id = root.getAttribute("data-training-check");
    var isTest = root.getAttribute("data-training-mode") === "test";
    var form = root.querySelector("form");
    var questions = Array.prototype.slice.call(root.querySelectorAll("fieldset.training-q"));
    var score = root.querySelector(".training-check__score");
    var first = {};  /* question id -> true/false: right the first time it was checked */

    function check(fieldset) {
      var chosen = fieldset.querySelector("input[type=radio]:checked");
      var feedback = fieldset.querySelector(".training-q__feedback");
      fieldset.classList.remove("is-correct", "is-wrong");
      if (!chosen) {
        feedback.textContent = isTest ? "Not answered." : "Choose an answer first.";
        return;
      }
      var right = chosen.getAttribute("data-correct") === "true";
      var qid = fieldset.getAttribute("data-question");
      if (!(qid in first)) first[qid] = right;
      fieldset.classList.add(right ? "is-correct" : "is-wrong");
      feedback.textContent = (right ? "Correct. " : "Not correct. ") + chosen.getAttribute("data-feedback");
    }

    questions.forEach(function (fieldset) {
      var button = fieldset.querySelector("[data-training-action=check]");
      if (button) button.addEventListener("click", function () { check(fieldset); });
      /* a new choice clears the old feedback, so what is shown always matches the choice */
      each(fieldset.querySelectorAll("input[type=radio]"), function (input) {
        input.addEventListener("change", function () {
          fieldset.classList.remove("is-correct", "is-wrong");
          fieldset.querySelector(".training-q__feedback").textContent = "";
        });
      });
    });

    /* "See my score" is the form's submit button: the score is worked out here
       and nothing is sent (the page's policy has form-action 'none' besides) */
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (isTest) {
        var unanswered = questions.filter(function (q) { return !q.querySelector("input[type=radio]:checked"); });
        if (unanswered.length) {
          score.textContent = unanswered.length + (unanswered.length === 1 ? " question is" : " questions are") +
            " not answered yet. Answer every question, then select “See my score”.";
          return;
        }
        questions.forEach(check);
      }
      var pass = parseInt(root.getAttribute("data-training-pass"), 10);
      var unchecked = questions.filter(function (q) { return !(q.getAttribute("data-question") in first); });
      var right = questions.filter(function (q) { return first[q.getAttribute("data-question")] === true; }).length;
      var text = "Your score: " + right + " of " + questions.length + (isTest ? "." : " right the first time.");
      if (unchecked.length) {
        text += " " + unchecked.length + (unchecked.length === 1 ? " question has" : " questions have") +
          " not been checked yet; the score is kept once every question has been.";
      } else {
        var scores = readScores();
        scores[id] = { score: right, total: questions.length, date: today() };
        var kept = writeScores(scores);
        text += right >= pass ? " That reaches the pass mark of " + pass + "."
          : " The pass mark is " + pass + ": read the feedback, revisit the pages it names, and try again.";
        text += kept ? " Kept in this browser with today's date." : " This browser does not allow the score to be kept.";
        if (onScored) onScored();
      }
      score.textContent = text;
    });

    form.addEventListener("reset", function () {
      first = {};
      questions.forEach(function (fieldset) {
        fieldset.classList.remove("is-correct", "is-wrong");
        fieldset.querySelector(".training-q__feedback").textContent = "";
      });
      score.textContent = "";
      window.setTimeout(function () {
        var input = questions.length && questions[0].querySelector("input[type=radio]");
        if (input) input.focus();
      }, 0);
    });
    showJsParts(root);
  }

  var records = [];
  each(document.querySelectorAll("[data-training-record]"), function (box) { records.push(setupRecord(box)); });
  each(document.querySelectorAll("[data-training-check]"), function (root) {
    setupCheck(root, function () { records.forEach(function (render) { render(""); }); });
  });
  each(document.querySelectorAll("[data-training-progress]"), setupProgress);
})();
