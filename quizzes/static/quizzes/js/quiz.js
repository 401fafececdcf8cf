/* Progressive enhancement of the quiz form: one question at a time, with
   feedback straight after each answer. Without this file the same form shows
   every question and is sent in one go. */
(function () {
    "use strict";
    var form = document.querySelector("form[data-quiz]");
    if (!form || !window.fetch || form.querySelector(".question--error")) { return; }

    var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));
    var submit = form.querySelector("[data-quiz-submit]");
    var checkUrl = form.getAttribute("data-check-url");
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var text = {
        check: form.getAttribute("data-label-check") || "Check my answer",
        next: form.getAttribute("data-label-next") || "Next question",
        choose: form.getAttribute("data-label-choose") || "Choose an answer first.",
        failed: form.getAttribute("data-label-failed") || "That didn't work. You can still send all your answers at the end."
    };
    form.classList.add("quiz-form--stepped");

    function show(index) {
        questions.forEach(function (fieldset, i) { fieldset.hidden = i !== index; });
        submit.hidden = true;
        var legend = questions[index].querySelector("legend");
        legend.setAttribute("tabindex", "-1");
        legend.focus();
    }

    function button(label, className) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "button " + (className || "");
        b.textContent = label;
        return b;
    }

    questions.forEach(function (fieldset, index) {
        var feedback = fieldset.querySelector("[data-question-feedback]");
        var check = button(text.check);
        var actions = document.createElement("div");
        actions.className = "question__actions";
        actions.appendChild(check);
        fieldset.appendChild(actions);

        check.addEventListener("click", function () {
            var chosen = fieldset.querySelectorAll("input:checked");
            if (!chosen.length) {
                feedback.innerHTML = "";
                var p = document.createElement("p");
                p.className = "field__error";
                p.textContent = text.choose;
                feedback.appendChild(p);
                return;
            }
            var body = new FormData();
            body.append("question", fieldset.getAttribute("data-question-id"));
            chosen.forEach(function (input) { body.append("answer", input.value); });
            check.disabled = true;
            fetch(checkUrl, {method: "POST", body: body, headers: {"X-CSRFToken": csrf}, credentials: "same-origin"})
                .then(function (response) { return response.json(); })
                .then(function (data) {
                    if (data.error) { throw new Error(data.error); }
                    feedback.innerHTML = data.html;
                    fieldset.querySelectorAll("input").forEach(function (input) {
                        input.addEventListener("click", function (event) { event.preventDefault(); });
                        input.setAttribute("aria-disabled", "true");
                    });
                    check.remove();
                    if (index < questions.length - 1) {
                        var next = button(text.next);
                        next.addEventListener("click", function () { show(index + 1); });
                        actions.appendChild(next);
                    } else {
                        submit.hidden = false;
                        actions.appendChild(submit);
                    }
                })
                .catch(function () {
                    check.disabled = false;
                    feedback.textContent = text.failed;
                    submit.hidden = false;
                });
        });
    });
    questions.forEach(function (fieldset, i) { fieldset.hidden = i !== 0; });
    submit.hidden = true;
})();
