"""The demo curriculum, held to the content guide's safety rules in every language:
what pupils may read, where help shows up, and how quizzes treat harms."""

import re
import tomllib
from pathlib import Path

import polib
import pytest
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from lessons.models import LessonPage, TeacherGuidePage, TeacherHubPage
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "fr", "nl"]
SUICIDE_PREVENTION_LINES = {"en": ["1813", "0800 32 123"], "fr": ["0800 32 123"], "nl": ["1813"]}
TEACHER_PAGE_TYPES = (TeacherGuidePage, TeacherHubPage)


def text_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    main = response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return " ".join(strip_tags(main).split())


def lesson_text(lesson):
    """What a lesson itself says to pupils: intro, note, objectives and body (not the help boxes or the page around it)."""
    parts = [lesson.intro, lesson.content_note] + [str(item.value) for item in lesson.learning_objectives]
    parts += [str(block.render()) for block in lesson.body if block.block_type != "help"]
    return " ".join(strip_tags(" ".join(parts)).split())


def easy_read_text(lesson):
    """What the lesson's easy-read version says to pupils (not its help boxes)."""
    parts = [str(block.render()) for block in lesson.easy_read if block.block_type != "help"]
    return " ".join(strip_tags(" ".join(parts)).split())


def versions(lesson):
    """The standard lesson and its easy-read version, with their help boxes: each must be safe on its own."""
    return [
        ("standard", lesson_text(lesson), [block for block in lesson.body if block.block_type == "help"]),
        ("easy read", easy_read_text(lesson), [block for block in lesson.easy_read if block.block_type == "help"]),
    ]


def translated(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def pupil_pages(language):
    """Every page pupils can reach: all but the teacher guides and the teacher hub."""
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific()
    return [page for page in pages if not isinstance(page, TEACHER_PAGE_TYPES)]


# --- the law and the campaign's story -----------------------------------------------

ARTICLE_NUMBER = re.compile(r"\b(?:art(?:icle|ikel|\.)?s?)\s*\d|\b371/\d|\b417/\d", re.IGNORECASE)
ORIGIN_STORY = re.compile(r"\b2017\b|15-year-old|15 ans|15-jarige|bus stop|arrêt de bus|bushalte", re.IGNORECASE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_pupil_page_cites_an_article_number(client, language):
    for page in pupil_pages(language):
        assert not ARTICLE_NUMBER.search(text_of(client, page)), page.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_petition_tells_the_campaigns_origin(client, language):
    for page in pupil_pages(language):
        if page.specific_class.__name__ == "PetitionPage":
            continue
        assert not ORIGIN_STORY.search(text_of(client, page)), page.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_petition_tells_the_story_after_a_content_note_beside_suicide_prevention_lines(client, language):
    petition = next(page for page in pupil_pages(language) if page.specific_class.__name__ == "PetitionPage")
    html = client.get(petition.url).content.decode()
    note, story = html.index('class="content-note"'), html.index('class="origin-story__story"')
    assert note < story
    section = html[html.index('class="origin-story"'):].split("</section>", 2)
    assert all(number in "".join(section) for number in SUICIDE_PREVENTION_LINES[language])


def test_teacher_guides_of_lessons_from_fourteen_name_the_law_and_its_dates():
    for guide in TeacherGuidePage.objects.filter(locale__language_code="en"):
        if guide.lesson.age_min >= 14:
            law = strip_tags(guide.law_note)
            assert "2020" in law and "2022" in law, guide.title


def test_every_teacher_guide_carries_a_check_again_by_date():
    for guide in TeacherGuidePage.objects.all():
        assert guide.review_by, guide.title


def test_every_long_lesson_plan_says_what_to_drop_when_time_is_short():
    for guide in TeacherGuidePage.objects.all():
        if guide.lesson.duration >= 45:
            assert guide.short_on_time.strip(), guide.title


# --- help where it is needed ------------------------------------------------------

IMAGE_SHARED = re.compile(
    r"\b(nudes?|intimate|exposure group|sextortion|sexual (image|picture|photo|video)"
    r"|(photo|picture|image)s? .{0,40}(going round|spread|shared))", re.IGNORECASE)


def test_every_lesson_about_a_shared_image_lists_the_removal_routes_in_its_help_boxes():
    about_images = []
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        if IMAGE_SHARED.search(lesson_text(lesson)):
            about_images.append(lesson.slug)
            for version, _text, help_boxes in versions(lesson):
                assert help_boxes and all(box.value["show_reporting_routes"] for box in help_boxes), (lesson.title, version)
    assert {"nudes-pressure-and-exposure-groups", "sextortion-its-not-your-fault", "what-the-law-says"} <= set(about_images)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_lesson_about_a_shared_image_shows_take_it_down_with_its_link(client, language):
    lesson = translated(LessonPage.objects.get(locale__language_code="en", slug="nudes-pressure-and-exposure-groups"), language)
    help_box = client.get(lesson.url).content.decode().split('class="help-box"')[1].split("</section>")[0]
    assert 'href="https://takeitdown.ncmec.org"' in help_box and "Take It Down" in help_box
    assert 'href="https://stopncii.org"' in help_box


def test_french_pages_show_ecoute_enfants_103(client):
    html = client.get("/fr/").content.decode()
    assert "Écoute-Enfants" in html and 'href="tel:103"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_police_101_is_listed_beside_112(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert 'href="tel:101"' in html and 'href="tel:112"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_help_page_lists_the_suicide_prevention_lines(client, language):
    help_page = Page.objects.get(locale__language_code="en", slug="help", depth=3)
    html = client.get(help_page.get_translation(Locale.objects.get(language_code=language)).url).content.decode()
    assert all(number in html for number in SUICIDE_PREVENTION_LINES[language])


def test_suicide_prevention_lines_are_not_in_lesson_help_boxes(client):
    lesson = translated(LessonPage.objects.get(locale__language_code="en", slug="nudes-pressure-and-exposure-groups"), "nl")
    assert "1813" not in client.get(lesson.url).content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_teacher_guide_lists_the_suicide_prevention_lines_and_advice_for_adults(client, language):
    for guide in TeacherGuidePage.objects.filter(locale__language_code=language):
        html = client.get(guide.url).content.decode()
        assert all(number in html for number in SUICIDE_PREVENTION_LINES[language]), guide.url
    guide = TeacherGuidePage.objects.filter(locale__language_code="nl").first()
    assert "1712" in client.get(guide.url).content.decode()


def test_the_disclosure_card_names_the_belgian_referral_routes():
    from lessons.models import DisclosureCard

    card = strip_tags(DisclosureCard.objects.get(locale__language_code="en").body)
    for route in ("CLB", "PMS", "Vertrouwenscentrum Kindermishandeling", "1712", "SOS Enfants", "police", "Child Focus"):
        assert route in card, route


# --- quizzes: harms have a right answer ---------------------------------------------

HARM_WORDS = re.compile(r"nude|intimate|forward|pass(es|ing)? (it|one) on|shouldn't have|exposure|blame|pressur", re.IGNORECASE)


def test_opinion_scales_are_never_about_a_harm():
    for quiz in QuizPage.objects.filter(locale__language_code="en"):
        for question in quiz.questions:
            if question.block_type == "opinion_scale":
                assert not HARM_WORDS.search(question.value["question"]), (quiz.title, question.value["question"])


@pytest.mark.parametrize("lesson_slug", [
    "yes-no-and-pressure", "nudes-pressure-and-exposure-groups", "sextortion-its-not-your-fault",
])
def test_the_quizzes_on_pressure_exposure_and_sextortion_give_right_answers(lesson_slug):
    quiz = QuizPage.objects.get(locale__language_code="en", slug="quiz", url_path__contains=f"/{lesson_slug}/")
    assert all(question.block.scored for question in quiz.questions), quiz.title


def test_feedback_on_a_harmful_choice_says_no_plainly():
    """An option that forwards, blames or gives in is answered "No: ...", not "Not quite"."""
    harmful = re.compile(r"forward|pass it on|send (it|one)|do what|blame|shouldn't have|share it|open it", re.IGNORECASE)
    for quiz in QuizPage.objects.filter(locale__language_code="en"):
        for question in quiz.questions:
            if not question.block.scored or "options" not in question.value:
                continue
            for option in question.value["options"]:
                if not option["correct"] and harmful.search(option["text"]):
                    assert not option["feedback"].startswith("Not quite"), (quiz.title, option["text"])


# --- the sextortion script ------------------------------------------------------------

SCRIPT = {
    "don't pay": re.compile(r"don't pay|do not pay|never pay|paying", re.IGNORECASE),
    "stop replying": re.compile(r"stop (replying|answering|responding)", re.IGNORECASE),
    "keep the conversation, never the image": re.compile(r"never (of )?the (image|picture|photo)|not the (image|picture|photo)", re.IGNORECASE),
    "report": re.compile(r"report", re.IGNORECASE),
    "a trusted adult": re.compile(r"trusted adult|adult you trust|someone you trust", re.IGNORECASE),
    "not your fault": re.compile(r"not (your|his|her|their) fault", re.IGNORECASE),
}
THREAT = re.compile(r"sextortion|threaten(s|ed|ing)? to (share|send|post)|blackmail", re.IGNORECASE)


def test_wherever_a_threat_appears_the_sextortion_script_is_complete():
    with_threats = []
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        for version, text, _help_boxes in versions(lesson):
            if THREAT.search(text):
                with_threats.append((lesson.slug, version))
                missing = [step for step, pattern in SCRIPT.items() if not pattern.search(text)]
                assert not missing, (lesson.title, version, missing)
    assert {(slug, version) for slug in ("sextortion-its-not-your-fault", "consent-in-relationships")
            for version in ("standard", "easy read")} <= set(with_threats)


def test_threats_and_the_law_stay_out_of_lessons_for_twelve_to_fourteen():
    law_or_threat = re.compile(r"sextortion|blackmail|criminal code|against the law|\bcrime\b", re.IGNORECASE)
    for lesson in LessonPage.objects.filter(locale__language_code="en", age_max__lte=14):
        for version, text, _help_boxes in versions(lesson):
            assert not law_or_threat.search(text), (lesson.title, version)


# --- one name, one role ------------------------------------------------------------

CONTENT = ROOT / "demo" / "content"
CAST = tomllib.loads((CONTENT / "lessons" / "cast.toml").read_text())["lessons"]


def _bundle_texts():
    """Every demo text of each lesson (lesson, quiz, guide) in English, French and Dutch."""
    texts = {slug: "" for slug in CAST}
    for kind, pattern in (("lessons", "lessons/0*.toml"), ("quizzes", "quizzes/0*.toml"), ("guides", "guides/0*.toml")):
        for path in CONTENT.glob(pattern):
            for item in tomllib.loads(path.read_text())[kind]:
                texts[item.get("slug") or item["lesson"]] += str(item)
    for path in CONTENT.glob("translations/*/*__*.po"):
        slug = path.stem.split("__")[1]
        texts[slug] += " ".join(entry.msgstr for entry in polib.pofile(str(path)))
    return texts


def test_every_character_belongs_to_one_lesson_only():
    texts = _bundle_texts()
    for slug, names in CAST.items():
        for other, text in texts.items():
            if other == slug:
                continue
            for name in names:
                assert not re.search(rf"\b{name}\b", text), f"{name} of “{slug}” also appears in “{other}”"


def test_every_listed_character_appears_in_its_lesson():
    texts = _bundle_texts()
    for slug, names in CAST.items():
        for name in names:
            assert re.search(rf"\b{name}\b", texts[slug]), f"{name} is listed for “{slug}” but not in it"
