/* Read aloud: the browser's own speech synthesis reads a part of the page in
   the page's language, sentence by sentence, and highlights the sentence it
   reads, with a voice on the device only, so nothing is sent anywhere. The control
   stays hidden where the browser has no such voice for the language (and without
   JavaScript). */
(function () {
    "use strict";
    var synth = window.speechSynthesis;
    if (!synth || !window.SpeechSynthesisUtterance) { return; }
    var language = (document.documentElement.lang || "en").toLowerCase();
    var READABLE = "h1, h2, h3, h4, p, li, dt, dd, legend, label, blockquote";
    var HIGHLIGHT = "read-aloud";

    // Only a voice on this device: a browser's network voices (Chrome's "Google ..." ones)
    // send the text to a server, and nothing a pupil reads may leave the device.
    function voiceFor(lang) {
        var voices = synth.getVoices().filter(function (voice) { return voice.localService === true; });
        var base = lang.split("-")[0];
        function code(voice) { return (voice.lang || "").toLowerCase().replace("_", "-"); }
        return voices.find(function (v) { return code(v) === lang; }) ||
            voices.find(function (v) { return code(v).split("-")[0] === base; }) || null;
    }

    function hiddenFromReaders(node, root) {
        for (var el = node.nodeType === 1 ? node : node.parentElement; el && el !== root; el = el.parentElement) {
            if (el.hidden || el.getAttribute("aria-hidden") === "true" || el.classList.contains("visually-hidden") ||
                el.tagName === "SCRIPT" || el.tagName === "STYLE" || el.hasAttribute("data-read-aloud-skip")) {
                return true;
            }
        }
        return false;
    }

    function splitSentences(text) {
        if (window.Intl && Intl.Segmenter) {
            return Array.from(new Intl.Segmenter(language, { granularity: "sentence" }).segment(text))
                .map(function (s) { return { start: s.index, end: s.index + s.segment.length }; });
        }
        var found = [], pattern = /[^.!?…]+[.!?…]*["'”’»)]*\s*/g, match;
        while ((match = pattern.exec(text))) { found.push({ start: match.index, end: match.index + match[0].length }); }
        return found;
    }

    // The sentences of the target, each with the DOM range it covers.
    function sentencesOf(target) {
        var elements = Array.from(target.querySelectorAll(READABLE)).filter(function (el) {
            return !el.querySelector(READABLE) && !hiddenFromReaders(el, target);
        });
        var sentences = [];
        elements.forEach(function (element) {
            var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            var pieces = [], text = "", node;
            while ((node = walker.nextNode())) {
                if (hiddenFromReaders(node, element)) { continue; }
                pieces.push({ node: node, start: text.length });
                text += node.data;
            }
            function position(offset) {
                for (var i = pieces.length - 1; i >= 0; i--) {
                    if (offset >= pieces[i].start) {
                        return { node: pieces[i].node, offset: Math.min(offset - pieces[i].start, pieces[i].node.length) };
                    }
                }
                return null;
            }
            splitSentences(text).forEach(function (part) {
                var raw = text.slice(part.start, part.end), trimmed = raw.trim();
                if (!/[\p{L}\p{N}]/u.test(trimmed)) { return; }
                var startOffset = part.start + raw.length - raw.trimStart().length;
                var spoken = trimmed.replace(/\s+/g, " ");
                var start = position(startOffset), end = position(startOffset + trimmed.length);
                var range = document.createRange();
                range.setStart(start.node, start.offset);
                range.setEnd(end.node, end.offset);
                sentences.push({ text: spoken, range: range, element: element });
            });
        });
        return sentences;
    }

    function ReadAloud(control, voice) {
        this.control = control;
        this.voice = voice;
        this.target = document.getElementById(control.getAttribute("data-target"));
        this.status = control.querySelector("[data-read-aloud-status]");
        this.sentences = [];
        this.current = -1;
        this.turn = 0;  // which speak() an utterance belongs to: a cancelled one must not move on
        this.state = "idle";
        this.buttons = {};
        var self = this;
        control.querySelectorAll("[data-read-aloud-action]").forEach(function (button) {
            self.buttons[button.getAttribute("data-read-aloud-action")] = button;
            button.addEventListener("click", function () { self[button.getAttribute("data-read-aloud-action")](); });
        });
        control.addEventListener("keydown", function (event) {
            if (self.state === "idle") { return; }
            if (event.key === "ArrowRight") { event.preventDefault(); self.next(); }
            else if (event.key === "ArrowLeft") { event.preventDefault(); self.previous(); }
            else if (event.key === "Escape") { self.stop(); }
        });
        control.hidden = false;
        this.render();
    }

    ReadAloud.prototype.play = function () {
        this.sentences = sentencesOf(this.target);
        this.speak(0);
    };
    ReadAloud.prototype.speak = function (index) {
        var self = this, turn = ++this.turn;
        synth.cancel();
        if (index < 0 || index >= this.sentences.length) { this.stop(); return; }
        this.current = index;
        this.state = "playing";
        var sentence = this.sentences[index];
        var utterance = new SpeechSynthesisUtterance(sentence.text);
        utterance.lang = this.voice.lang || language;
        utterance.voice = this.voice;
        utterance.addEventListener("end", function () {
            if (turn === self.turn && self.state === "playing") { self.speak(index + 1); }
        });
        this.highlight(sentence);
        this.render();
        synth.speak(utterance);
    };
    ReadAloud.prototype.pause = function () {
        if (this.state !== "playing") { return; }
        synth.pause();
        this.state = "paused";
        this.render();
    };
    ReadAloud.prototype.resume = function () {
        if (this.state !== "paused") { return; }
        synth.resume();
        this.state = "playing";
        this.render();
    };
    ReadAloud.prototype.next = function () { if (this.state !== "idle") { this.speak(Math.min(this.current + 1, this.sentences.length - 1)); } };
    ReadAloud.prototype.previous = function () { if (this.state !== "idle") { this.speak(Math.max(this.current - 1, 0)); } };
    ReadAloud.prototype.stop = function () {
        this.turn++;
        this.state = "idle";
        this.current = -1;
        synth.cancel();
        this.highlight(null);
        this.render();
    };
    ReadAloud.prototype.highlight = function (sentence) {
        document.querySelectorAll(".read-aloud-current").forEach(function (el) { el.classList.remove("read-aloud-current"); });
        if (window.CSS && CSS.highlights) {
            if (sentence) { CSS.highlights.set(HIGHLIGHT, new Highlight(sentence.range)); } else { CSS.highlights.delete(HIGHLIGHT); }
        }
        if (sentence) {
            sentence.element.classList.add("read-aloud-current");  // also where ::highlight() is not supported
            sentence.element.scrollIntoView({ block: "nearest" });
        }
    };
    ReadAloud.prototype.render = function () {
        var b = this.buttons, idle = this.state === "idle";
        var focused = document.activeElement, hadFocus = this.control.contains(focused);
        b.play.hidden = !idle;
        b.pause.hidden = this.state !== "playing";
        b.resume.hidden = this.state !== "paused";
        b.previous.disabled = idle || this.current <= 0;
        b.next.disabled = idle || this.current >= this.sentences.length - 1;
        b.stop.disabled = idle;
        this.control.setAttribute("data-state", this.state);
        if (hadFocus && (focused.hidden || focused.disabled)) {  // never leave keyboard focus on a button that went away
            (idle ? b.play : this.state === "paused" ? b.resume : b.pause).focus();
        }
        if (this.status) {
            this.status.textContent = idle ? "" : this.status.getAttribute("data-template")
                .replace("%(number)s", this.current + 1).replace("%(total)s", this.sentences.length);
        }
    };

    var started = false;
    function start() {
        var voice = voiceFor(language);
        if (started || !voice) { return; }
        started = true;
        var readers = Array.from(document.querySelectorAll("[data-read-aloud]")).map(function (control) {
            return new ReadAloud(control, voice);
        });
        window.addEventListener("pagehide", function () { readers.forEach(function (r) { r.stop(); }); });
    }
    start();
    if (!started && synth.addEventListener) { synth.addEventListener("voiceschanged", start); }
}());
