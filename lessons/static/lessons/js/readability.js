/* The readability panel of a lesson's easy-read version, measured again as the
   editor types: the lines, key message, help text and questions go to the
   site's own admin view, which answers with the panel's new content. */
(function () {
    "use strict";
    function start() {
        var panel = document.querySelector("[data-readability]");
        if (!panel || !window.fetch) { return; }
        var form = panel.closest("form");
        if (!form) { return; }
        var timer = null;
        function isEasyReadText(field) {
            return /^easy_read-/.test(field.name || "") && /-text$/.test(field.name);
        }
        function measure() {
            var body = new FormData();
            body.append("language", panel.getAttribute("data-language"));
            form.querySelectorAll("input, textarea").forEach(function (field) {
                if (isEasyReadText(field) && field.value.trim()) { body.append("text", field.value); }
            });
            var token = form.querySelector("input[name=csrfmiddlewaretoken]");
            fetch(panel.getAttribute("data-url"), {
                method: "POST", body: body, credentials: "same-origin",
                headers: token ? { "X-CSRFToken": token.value } : {}
            }).then(function (response) {
                return response.ok ? response.text() : null;
            }).then(function (html) {
                if (html !== null) { panel.innerHTML = html; }
            }).catch(function () { /* keep the last result */ });
        }
        form.addEventListener("input", function (event) {
            if (!isEasyReadText(event.target)) { return; }
            clearTimeout(timer);
            timer = setTimeout(measure, 600);
        });
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
