/* Progressive enhancement only: every page works without this file. */
(function () {
    "use strict";
    document.documentElement.classList.remove("no-js");

    // Quick exit: leave for a neutral site and replace this page in the history,
    // so Back does not return here. Escape pressed twice does the same.
    var exitLink = document.querySelector("[data-quick-exit]");
    function quickExit(event) {
        if (event) { event.preventDefault(); }
        if (window.speechSynthesis) { window.speechSynthesis.cancel(); }  // stop reading aloud at once
        document.body.style.visibility = "hidden";
        window.location.replace(exitLink.href);
    }
    if (exitLink) {
        exitLink.addEventListener("click", quickExit);
        var lastEscape = 0;
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") { return; }
            var now = Date.now();
            if (now - lastEscape < 1000) { quickExit(); }
            lastEscape = now;
        });
    }

    // Close the open help panel with Escape (before a second Escape exits).
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        document.querySelectorAll("details.help-button[open]").forEach(function (details) {
            details.open = false;
            details.querySelector("summary").focus();
        });
    });

    // Easy read, remembered for the visit in sessionStorage (never a cookie, nothing sent):
    // once a pupil chooses it, links to a lesson or quiz that has an easy-read version lead there.
    try {
        var READING = "upstander-reading";
        document.querySelectorAll("[data-reading-mode]").forEach(function (link) {
            link.addEventListener("click", function () { sessionStorage.setItem(READING, link.getAttribute("data-reading-mode")); });
        });
        if (document.querySelector("[data-reading-mode=standard]")) { sessionStorage.setItem(READING, "easy"); }
        if (sessionStorage.getItem(READING) === "easy") {
            document.querySelectorAll("a[data-easy-read-href]").forEach(function (link) {
                link.href = link.getAttribute("data-easy-read-href");
            });
        }
    } catch (error) { /* storage blocked: the plain links still work */ }

    // Videos from other sites load only when the viewer asks.
    document.querySelectorAll("[data-external-video]").forEach(function (figure) {
        var button = figure.querySelector("[data-external-video-load]");
        var template = figure.querySelector("template[data-external-video-embed]");
        if (!button || !template) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            var facade = figure.querySelector("[data-external-video-facade]");
            facade.replaceWith(template.content.cloneNode(true));
        });
    });
})();

/* Text settings: the control in the header; text-settings.js applies them before the page is drawn. */
(function () {
    "use strict";
    var control = document.querySelector("[data-text-settings]");
    if (!control) { return; }
    var root = document.documentElement;
    var boxes = control.querySelectorAll("input[type=checkbox]");
    control.hidden = false;
    boxes.forEach(function (box) {
        box.checked = root.classList.contains("text-" + box.name);
        box.addEventListener("change", function () {
            root.classList.toggle("text-" + box.name, box.checked);
            var saved = {};
            boxes.forEach(function (other) { saved[other.name] = other.checked; });
            try { window.localStorage.setItem("upstander-text", JSON.stringify(saved)); } catch (error) { /* not kept */ }
        });
    });
})();
