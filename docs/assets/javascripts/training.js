/* Training modules: the knowledge check and the "completed" mark.

   Knowledge check: each question is a fieldset of real radio buttons. "Check
   answer" writes the chosen option's feedback into the question's live region;
   "See my score" counts the answers that were right the first time they were
   checked; "Try again" clears everything. Without JavaScript the questions stay
   readable and the answer key below them (a <details> block) gives every answer.

   Progress: marking a module complete keeps its id, and nothing else, in this
   browser's localStorage under one key; the course page lists what is marked and
   clears it with one button. Nothing is sent anywhere. Works from file:// too. */
(function () {
  var KEY = "permanency-manual.training-completed";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function showJsParts(root) {
    each(root.querySelectorAll("[data-training-js]"), function (el) { el.hidden = false; });
    each(root.querySelectorAll("[data-training-nojs]"), function (el) { el.hidden = true; });
  }

  /* ------------------------------------------------------------ progress */
  function readCompleted() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? value.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (e) {
      return [];  /* storage blocked or unreadable: nothing is marked */
    }
  }

  function writeCompleted(ids) {
    try {
      if (ids.length) window.localStorage.setItem(KEY, JSON.stringify(ids));
      else window.localStorage.removeItem(KEY);
      return true;
    } catch (e) {
      return false;
    }
  }

  function setupComplete(box) {
    var id = box.getAttribute("data-training-complete");
    var input = box.querySelector("input[type=checkbox]");
    var status = box.querySelector("[role=status]");
    input.checked = readCompleted().indexOf(id) !== -1;
    input.addEventListener("change", function () {
      var ids = readCompleted().filter(function (x) { return x !== id; });
      if (input.checked) ids.push(id);
      if (writeCompleted(ids)) {
        status.textContent = input.checked
          ? "Marked complete in this browser."
          : "No longer marked complete.";
      } else {
        status.textContent = "This browser does not allow the mark to be kept.";
      }
    });
    box.hidden = false;
  }

  function setupProgress(panel) {
    var status = panel.querySelector("[role=status]");
    var total = parseInt(status.getAttribute("data-total"), 10);
    var button = panel.querySelector("[data-training-action=clear]");

    function render(message) {
      var ids = readCompleted();
      var marks = document.querySelectorAll("[data-training-done]");
      var done = 0;
      each(marks, function (mark) {
        var on = ids.indexOf(mark.getAttribute("data-training-done")) !== -1;
        mark.hidden = !on;
        if (on) done += 1;
      });
      status.textContent = (message ? message + " " : "") +
        (done === 0 ? "No module is marked complete in this browser."
          : "You have marked " + done + " of " + total + " modules complete in this browser.");
      button.disabled = done === 0 && ids.length === 0;
    }

    button.addEventListener("click", function () {
      writeCompleted([]);
      render("Progress cleared.");
    });
    panel.hidden = false;
    render("");
  }

  /* ----------------------------------------------------- knowledge check */
  function setupCheck(root) {
    var form = root.querySelector("form");
    var questions = Array.prototype.slice.call(root.querySelectorAll("fieldset.training-q"));
    var score = root.querySelector(".training-check__score");
    var first = {};  /* question id -> true/false: right the first time it was checked */

    function check(fieldset) {
      var chosen = fieldset.querySelector("input[type=radio]:checked");
      var feedback = fieldset.querySelector(".training-q__feedback");
      fieldset.classList.remove("is-correct", "is-wrong");
      if (!chosen) {
        feedback.textContent = "Choose an answer first.";
        return;
      }
      var right = chosen.getAttribute("data-correct") === "true";
      var qid = fieldset.getAttribute("data-question");
      if (!(qid in first)) first[qid] = right;
      fieldset.classList.add(right ? "is-correct" : "is-wrong");
      feedback.textContent = (right ? "Correct. " : "Not correct. ") + chosen.getAttribute("data-feedback");
    }

    questions.forEach(function (fieldset) {
      fieldset.querySelector("[data-training-action=check]").addEventListener("click", function () {
        check(fieldset);
      });
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
      var unchecked = questions.filter(function (q) { return !(q.getAttribute("data-question") in first); });
      var right = questions.filter(function (q) { return first[q.getAttribute("data-question")] === true; }).length;
      var text = "Your score: " + right + " of " + questions.length + " right the first time.";
      if (unchecked.length) {
        text += " " + unchecked.length + (unchecked.length === 1 ? " question has" : " questions have") +
          " not been checked yet.";
      } else if (right === questions.length) {
        text += " Well done.";
      } else {
        text += " Read the feedback, revisit the pages it names, and try again.";
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

  each(document.querySelectorAll("[data-training-check]"), setupCheck);
  each(document.querySelectorAll("[data-training-complete]"), setupComplete);
  each(document.querySelectorAll("[data-training-progress]"), setupProgress);
})();
