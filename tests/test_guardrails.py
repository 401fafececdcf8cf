"""The content check: flagged phrases per language, with the rule and a kinder wording."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text, streamfield

from guardrails.checks import check
from guardrails.models import FlaggedPhrase
from guardrails.phrases import PHRASES
from lessons.models import LessonPage, ModulePage
from tests.test_admin import add_lesson, lesson_form

pytestmark = pytest.mark.django_db

SAMPLES = [
    ("en", "blame", "Honestly, she should never have sent it."),
    ("en", "fear", "Remember that the internet is dangerous."),
    ("en", "image", "Save the image as evidence before you report."),
    ("fr", "blame", "Franchement, elle n'aurait jamais dû l'envoyer."),
    ("fr", "fear", "N'oublie pas qu'Internet est dangereux."),
    ("fr", "image", "Garde la photo comme preuve."),
    ("nl", "blame", "Dat is eigen schuld."),
    ("nl", "fear", "Het internet is gevaarlijk."),
    ("nl", "image", "Bewaar de foto als bewijs."),
    ("de", "blame", "Sie ist selbst schuld."),
    ("de", "fear", "Das Internet ist gefährlich."),
    ("de", "image", "Speichere das Bild als Beweis."),
]


def lesson_in(language, text):
    return LessonPage(title="A lesson", intro=text, content_note="", locale=Locale.objects.get(language_code=language),
                      age_min=12, age_max=14, duration=45)


@pytest.mark.parametrize(("language", "kind", "text"), SAMPLES)
def test_each_kind_of_flag_is_caught_in_each_language(language, kind, text):
    flags = check(lesson_in(language, text))
    assert flags, text
    phrase = FlaggedPhrase.objects.get(locale__language_code=language, phrase=flags[0].phrase)
    assert phrase.kind == kind
    assert flags[0].rule and flags[0].suggestion


def test_a_flag_quotes_the_content_guides_rule_and_suggests_kinder_wording():
    flag = check(lesson_in("en", "She shouldn't have sent it."))[0]
    assert flag.rule.startswith("Rule 2: never blame the person in the image")
    assert "It is not their fault" in flag.suggestion


def test_kind_text_is_not_flagged():
    assert check(lesson_in("en", "Sharing it without consent was wrong. It is not her fault. Screenshot the chat.")) == []


def test_every_language_has_its_starting_list():
    for code in ("en", "fr", "nl", "de"):
        assert FlaggedPhrase.objects.filter(locale__language_code=code).count() == sum(map(len, PHRASES[code].values()))


def test_publishing_a_flagged_lesson_needs_a_written_justification(admin_client):
    body = streamfield([
        ("help", {"heading": "", "text": "", "show_reporting_routes": ""}),
        ("text", rich_text("<p>She should never have sent it.</p>")),
    ])
    response = add_lesson(admin_client, body=body)
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["safeguarding_justification"])
    assert "should never have sent it" in message and "Rule 2" in message and "Try:" in message
    assert not LessonPage.objects.filter(slug="saying-no-online").exists()

    response = add_lesson(admin_client, body=body,
                          safeguarding_justification="A character says it; the next line says it is wrong.")
    assert response.status_code == 302
    assert LessonPage.objects.get(slug="saying-no-online").safeguarding_justification


def test_saving_a_draft_shows_the_flags_as_warnings(admin_client):
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    data = lesson_form(intro="Think before you send.")
    data.pop("action-publish")
    response = admin_client.post(reverse("wagtailadmin_pages:add", args=("lessons", "lessonpage", module.pk)), data,
                                 follow=True)
    assert "Content check:" in response.content.decode() and "think before you send" in response.content.decode()


def test_editors_extend_the_lists_in_the_admin(admin_client):
    response = admin_client.get(reverse(FlaggedPhrase.snippet_viewset.get_url_name("list")), {"q": "sent"})
    assert response.status_code == 200
    assert "shouldn&#x27;t have sent it" in response.content.decode() or "shouldn't have sent it" in response.content.decode()


def test_the_demo_pages_that_quote_a_phrase_carry_a_justification():
    for page in LessonPage.objects.all():
        assert not check(page) or page.safeguarding_justification, page.url_path
