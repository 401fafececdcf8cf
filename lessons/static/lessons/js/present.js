/* Presenter mode: arrow keys, Page Up/Down (what most clickers send) and the
   space bar move between steps; the links work without this file. */
(function () {
    "use strict";
    function go(selector) {
        var link = document.querySelector(selector);
        if (link) { window.location.assign(link.href); }
    }
    document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        var target = event.target;
        if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) { return; }
        if (["ArrowRight", "PageDown", " "].indexOf(event.key) !== -1) { event.preventDefault(); go("[data-present-next]"); }
        if (["ArrowLeft", "PageUp"].indexOf(event.key) !== -1) { event.preventDefault(); go("[data-present-prev]"); }
    });
    var full = document.querySelector("[data-present-fullscreen]");
    if (full && document.documentElement.requestFullscreen) {
        full.hidden = false;
        full.addEventListener("click", function () { document.documentElement.requestFullscreen(); });
    }
})();
