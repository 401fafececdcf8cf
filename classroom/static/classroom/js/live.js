/* Live updates for classroom sessions: poll the state with If-None-Match (a 304
   costs almost nothing); when the phase changes, reload. Stops when the session
   ends or disappears, waits while the tab is hidden, and after an error backs
   off with jitter so that a whole school's devices never retry in step.
   Without JavaScript the pages refresh themselves (meta refresh). */
(function () {
    "use strict";
    var root = document.querySelector("[data-live]");

    var fullscreen = document.querySelector("[data-fullscreen]");
    if (fullscreen && document.fullscreenEnabled) {
        fullscreen.hidden = false;
        fullscreen.addEventListener("click", function () {
            if (document.fullscreenElement) { document.exitFullscreen(); }
            else { document.documentElement.requestFullscreen(); }
        });
    }

    if (!root || !window.fetch) { return; }
    var url = root.getAttribute("data-state-url");
    var phase = root.getAttribute("data-phase");
    var role = root.getAttribute("data-live-role");
    var INTERVAL = 2000, MAX_DELAY = 30000;
    var etag = null;
    var failures = 0;
    var stopped = false;
    var timer = null;
    var busy = false;

    function busyTyping() {
        // Never reload away what a pupil is choosing or writing.
        var box = document.querySelector(".pupil-live textarea");
        return !!document.querySelector(".pupil-live input:checked") || !!(box && box.value.trim());
    }

    function update(state) {
        var current = role === "teacher" ? state.teacher_phase : state.phase;
        if (current !== phase && !busyTyping()) { stopped = true; window.location.reload(); return; }
        if (state.state === "ended") { stopped = true; }
        document.querySelectorAll("[data-live-seats]").forEach(function (el) { el.textContent = state.seats; });
        document.querySelectorAll("[data-live-answered]").forEach(function (el) { el.textContent = state.answered; });
    }

    function nextDelay() {
        if (!failures) { return INTERVAL; }
        var ceiling = Math.min(MAX_DELAY, INTERVAL * Math.pow(2, failures));
        return INTERVAL + Math.random() * ceiling;  // full jitter
    }

    function schedule() {
        busy = false;
        if (!stopped) { timer = window.setTimeout(poll, nextDelay()); }
    }

    function poll() {
        timer = null;
        if (document.hidden || busy) { return; }  // a hidden tab waits for visibilitychange
        busy = true;
        var headers = {"Accept": "application/json"};
        if (etag) { headers["If-None-Match"] = etag; }
        fetch(url, {headers: headers, credentials: "same-origin", cache: "no-store"})
            .then(function (response) {
                if (response.status === 404 || response.status === 410) { stopped = true; return null; }
                if (response.status === 304) { failures = 0; return null; }
                if (!response.ok) { throw new Error(String(response.status)); }
                failures = 0;
                etag = response.headers.get("ETag");
                return response.json();
            })
            .then(function (state) { if (state) { update(state); } })
            .catch(function () { failures += 1; })
            .then(schedule);
    }

    document.addEventListener("visibilitychange", function () {
        if (document.hidden || stopped || busy) { return; }
        if (timer) { window.clearTimeout(timer); }
        poll();
    });
    schedule();
})();
