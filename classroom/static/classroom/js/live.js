/* Live updates for classroom sessions: poll the state every 2 seconds with
   If-None-Match (a 304 costs almost nothing); when the phase changes, reload.
   Without JavaScript the pages refresh themselves (meta refresh). */
(function () {
    "use strict";
    var root = document.querySelector("[data-live]");
    if (!root || !window.fetch) { return; }
    var url = root.getAttribute("data-state-url");
    var phase = root.getAttribute("data-phase");
    var role = root.getAttribute("data-live-role");
    var etag = null;
    var busy = false;

    function busyTyping() {
        // Never reload away what a pupil is choosing or writing.
        var box = document.querySelector(".pupil-live textarea");
        return !!document.querySelector(".pupil-live input:checked") || !!(box && box.value.trim());
    }

    function update(state) {
        var current = role === "host" ? state.host_phase : state.phase;
        if (current !== phase && !busyTyping()) { window.location.reload(); return; }
        document.querySelectorAll("[data-live-seats]").forEach(function (el) { el.textContent = state.seats; });
        document.querySelectorAll("[data-live-answered]").forEach(function (el) { el.textContent = state.answered; });
    }

    function poll() {
        if (busy || document.hidden) { return; }
        busy = true;
        var headers = {"Accept": "application/json"};
        if (etag) { headers["If-None-Match"] = etag; }
        fetch(url, {headers: headers, credentials: "same-origin", cache: "no-store"})
            .then(function (response) {
                if (response.status === 304) { return null; }
                etag = response.headers.get("ETag");
                return response.ok ? response.json() : null;
            })
            .then(function (state) { if (state) { update(state); } })
            .catch(function () {})
            .then(function () { busy = false; });
    }
    setInterval(poll, 2000);
})();
