"""A pupil switches a lesson to easy read, presses Listen and follows the highlighted
sentences; an editor writing a long easy-read sentence is warned while typing.

Headless Chromium here has no voices, so speech synthesis is replaced by a stand-in
that records what it is asked to say and lets the test end each sentence."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from lessons.models import LessonPage

from .harness import assert_no_serious_axe_violations

LESSON = "/en/consent/yes-no-and-pressure/"
EASY = LESSON + "easy-read/"

SPEECH_STAND_IN = """
(() => {
    const voices = %(voices)s;
    const state = window.__speech = { spoken: [], current: null, paused: false,
        finish() { const u = state.current; state.current = null; if (u) { u.dispatchEvent(new Event("end")); } } };
    class Utterance extends EventTarget {
        constructor(text) { super(); this.text = text; this.lang = ""; this.voice = null; }
    }
    const synth = {
        getVoices: () => voices,
        speak(utterance) { state.spoken.push(utterance.text); state.current = utterance; },
        cancel() { state.current = null; if (window.speechCancelled) { window.speechCancelled(); } },
        pause() { state.paused = true; },
        resume() { state.paused = false; },
        addEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    window.SpeechSynthesisUtterance = Utterance;
})();
"""
ENGLISH_VOICE = '[{"name": "Test voice", "lang": "en-GB", "default": true, "localService": true}]'
GERMAN_VOICE_ONLY = '[{"name": "Test Stimme", "lang": "de-DE", "default": true, "localService": true}]'
ENGLISH_NETWORK_VOICE_ONLY = '[{"name": "Online voice", "lang": "en-GB", "default": true, "localService": false}]'


def with_speech(open_page, path, voices=ENGLISH_VOICE):
    page = open_page(path=None)
    page.context.add_init_script(SPEECH_STAND_IN % {"voices": voices})
    page.goto(path)
    return page


def spoken(page):
    return page.evaluate("window.__speech.spoken")


def highlighted(page):
    return page.evaluate("CSS.highlights.has('read-aloud') ? "
                         "[...CSS.highlights.get('read-aloud')][0].toString().replace(/\\s+/g, ' ').trim() : null")


def first_sentences():
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    key_message = lesson.easy_read[0].value["text"]
    return key_message.split(". ")[0] + "."


# --- easy read ---------------------------------------------------------------------


def test_a_pupil_switches_to_easy_read_with_the_link_and_the_page_passes_axe(open_page):
    page = open_page(LESSON)
    page.get_by_role("link", name="Easy read").first.click()
    page.get_by_text("Standard version of this lesson").wait_for()
    assert page.url.endswith(EASY)
    assert_no_serious_axe_violations(page)


def test_easy_read_works_without_javascript(open_page):
    page = open_page(LESSON, javascript=False)
    page.get_by_role("link", name="Easy read").first.click()
    page.get_by_text("Standard version of this lesson").wait_for()
    assert page.locator(".easy-line").count() > 10
    assert not page.get_by_role("button", name="Listen").is_visible()


def test_easy_read_is_remembered_for_the_visit_without_a_cookie(open_page):
    page = open_page(EASY)
    page.goto("/en/consent/")
    card_link = page.get_by_role("heading", name="Consent in relationships").get_by_role("link")
    assert card_link.get_attribute("href") == "/en/consent/consent-in-relationships/easy-read/"
    assert page.context.cookies() == []


def test_choosing_the_standard_version_is_remembered_too(open_page):
    page = open_page(EASY)
    page.get_by_role("link", name="Standard version of this lesson").click()
    page.get_by_role("link", name="Easy read").first.wait_for()
    page.goto("/en/consent/")
    card_link = page.get_by_role("heading", name="Consent in relationships").get_by_role("link")
    assert card_link.get_attribute("href") == "/en/consent/consent-in-relationships/"


# --- read aloud ----------------------------------------------------------------------


def test_listen_reads_the_first_sentence_and_highlights_it(open_page):
    page = with_speech(open_page, EASY)
    page.get_by_role("button", name="Listen").click()
    assert spoken(page) == [first_sentences()]
    assert highlighted(page) == first_sentences()
    assert page.get_by_text("Sentence 1 of").is_visible()


def test_when_a_sentence_ends_the_next_one_is_read_and_highlighted(open_page):
    page = with_speech(open_page, EASY)
    page.get_by_role("button", name="Listen").click()
    page.evaluate("window.__speech.finish()")
    second = spoken(page)[1]
    assert len(spoken(page)) == 2
    assert highlighted(page) == second
    assert second != first_sentences()


def test_the_reader_moves_with_the_keyboard(open_page):
    page = with_speech(open_page, EASY)
    page.get_by_role("button", name="Listen").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Pause"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert highlighted(page) == spoken(page)[2]
    page.keyboard.press("ArrowLeft")
    assert highlighted(page) == spoken(page)[1]
    page.keyboard.press("Escape")
    assert highlighted(page) is None
    assert page.evaluate("document.activeElement.textContent") == "Listen"


def test_pause_and_resume(open_page):
    page = with_speech(open_page, EASY)
    page.get_by_role("button", name="Listen").click()
    page.get_by_role("button", name="Pause").click()
    assert page.evaluate("window.__speech.paused") is True
    page.get_by_role("button", name="Resume").click()
    assert page.evaluate("window.__speech.paused") is False
    assert page.get_by_role("button", name="Pause").is_visible()


def test_quick_exit_stops_the_reading(open_page):
    page = open_page(path=None)
    cancelled = []
    page.context.expose_function("speechCancelled", lambda: cancelled.append(True))
    page.context.add_init_script(SPEECH_STAND_IN % {"voices": ENGLISH_VOICE})
    page.route("https://www.google.com/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                        body="<title>Neutral</title>"))
    page.goto(EASY)
    page.get_by_role("button", name="Listen").click()
    cancelled.clear()  # starting cancels whatever was speaking before
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://www.google.com/**")
    assert cancelled


def test_listen_is_not_offered_where_the_browser_has_no_voice_for_the_language(open_page):
    page = with_speech(open_page, EASY, voices=GERMAN_VOICE_ONLY)
    page.wait_for_load_state("load")
    assert not page.get_by_role("button", name="Listen").is_visible()


def test_listen_is_not_offered_with_a_voice_that_would_send_the_text_to_a_server(open_page):
    page = with_speech(open_page, EASY, voices=ENGLISH_NETWORK_VOICE_ONLY)
    page.wait_for_load_state("load")
    assert not page.get_by_role("button", name="Listen").is_visible()


def test_the_standard_lesson_can_be_read_aloud_too(open_page):
    page = with_speech(open_page, LESSON)
    page.get_by_role("button", name="Listen").click()
    assert spoken(page) == ["Before you start"]


def test_the_easy_read_quiz_reads_its_questions_aloud(open_page):
    page = with_speech(open_page, LESSON + "quiz/easy-read/")
    quiz = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure").quiz()
    first = next(iter(quiz.question_blocks.values())).value["easy_question"]
    page.get_by_role("button", name="Listen").click()
    page.evaluate("window.__speech.finish()")
    assert spoken(page) == [f"Question 1 of {len(quiz.question_blocks)}", first.split("? ")[0] + "?"]
    assert_no_serious_axe_violations(page)


# --- the editor is warned -----------------------------------------------------------


@pytest.fixture
def editor_page(open_page, site_url):
    user = get_user_model().objects.filter(username="easy-read-editor").first() or \
        get_user_model().objects.create_superuser("easy-read-editor", "editor@example.com", "pw")
    client = Client()
    client.force_login(user)
    page = open_page(path=None)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}])
    return page


def test_an_editor_typing_a_long_easy_read_sentence_is_warned(editor_page):
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    editor_page.goto(f"/admin/pages/{lesson.pk}/edit/")
    editor_page.locator("#panel-child-content-easy_read_version-section [data-panel-toggle]").first.click()
    panel = editor_page.locator("[data-readability]")
    assert "Within the easy-read limits" in panel.inner_text()
    line = editor_page.locator("input[name^='easy_read-'][name$='-text']").nth(2)
    line.fill("When somebody takes a photo of you at a party and later puts it in the class group chat "
              "without asking you first, you can always ask them to delete it.")
    editor_page.get_by_text("Harder to read than easy read allows").wait_for()
    assert "1 sentence has more than 15 words" in panel.inner_text()
