/* The reader's text settings (larger text, more line spacing, an easier-to-read font), applied
   before the page is drawn, so there is no flash: this file is loaded in <head> without defer.
   Kept in this browser only (localStorage): nothing is sent anywhere. site.js has the control. */
(function () {
    "use strict";
    try {
        var saved = JSON.parse(window.localStorage.getItem("upstander-text") || "{}");
        ["large", "spacious", "readable"].forEach(function (name) {
            if (saved[name] === true) { document.documentElement.classList.add("text-" + name); }
        });
    } catch (error) {
        /* storage blocked or unreadable: the defaults stand */
    }
})();
