"""The demo curriculum: complete, safe by CONTENT_GUIDE.md, and loadable twice."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from cms.models import Helpline, ReportingRoute
from lessons.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def test_every_demo_page_renders_in_english(client, demo_pages):
    assert len(demo_pages) >= 18
    for page in demo_pages:
        assert page.url.startswith("/en/")
        assert client.get(page.url).status_code == 200, page.url


def test_the_three_modules_exist_in_order(home):
    assert [m.title for m in ModulePage.objects.child_of(home)] == [
        "Consent", "Sexting and intimate images", "Online bystanders",
    ]


def test_every_module_has_at_least_three_lessons_and_an_illustration_with_alt_text():
    for module in ModulePage.objects.filter(locale__language_code="en"):
        assert LessonPage.objects.child_of(module).count() >= 3
        assert module.illustration and module.illustration_alt


def test_every_lesson_starts_and_ends_with_help():
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        block_types = [block.block_type for block in lesson.body]
        assert block_types[0] == "help" and block_types[-1] == "help", lesson.title


def test_every_lesson_has_a_scenario_a_discussion_and_a_key_message():
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        block_types = {block.block_type for block in lesson.body}
        assert {"scenario", "discussion", "key_message"} <= block_types, lesson.title


def lesson_text(lesson):
    """The lesson and its easy-read version, without the help boxes (they show the settings' helplines)."""
    blocks = list(lesson.body) + list(lesson.easy_read)
    return " ".join(str(block.render()) for block in blocks if block.block_type != "help")


def test_no_helpline_number_is_typed_into_lesson_text():
    """Helplines come from the Safeguarding settings (CONTENT_GUIDE rule 7)."""
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        assert not re.search(r"\b(116 ?000|102|112)\b", lesson_text(lesson)), lesson.title


def test_lessons_for_ten_to_twelve_have_no_sexual_content():
    words = re.compile(r"\b(nudes?|sexting|sexual|intimate|sextortion)\b", re.IGNORECASE)
    for lesson in LessonPage.objects.filter(age_max__lte=12):
        assert not words.search(lesson_text(lesson) + lesson.intro), lesson.title


def test_no_lesson_tells_anyone_to_think_before_they_send():
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        assert "think before you send" not in lesson_text(lesson).lower(), lesson.title


def test_safeguarding_settings_exist_per_language():
    assert set(Helpline.objects.filter(number="116 000").values_list("locale__language_code", flat=True)) == {
        "en", "fr", "nl", "de",
    }
    assert list(Helpline.objects.filter(number="102").values_list("locale__language_code", flat=True)) == ["nl"]
    assert ReportingRoute.objects.filter(name="Take It Down", locale__language_code="en").exists()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest": list(Page.objects.order_by("pk").values_list("latest_revision_id", flat=True)),
        "images": get_image_model().objects.count(),
        "helplines": Helpline.objects.count(),
        "routes": ReportingRoute.objects.count(),
    }


def test_loading_the_demo_content_again_changes_nothing():
    before = snapshot()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert snapshot() == before
    assert "nothing changed" in output.getvalue()


def test_loading_again_leaves_an_editors_change_alone():
    lesson = LessonPage.objects.first()
    lesson.title = "Changed by an editor"
    lesson.save_revision().publish()
    call_command("load_demo_content", stdout=io.StringIO())
    lesson.refresh_from_db()
    assert lesson.title == "Changed by an editor"


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_demo_page_exists_and_renders_in_french_and_dutch(client, language):
    english = Page.objects.live().filter(depth__gte=2, locale__language_code="en")
    translated = Page.objects.live().filter(depth__gte=2, locale__language_code=language)
    assert translated.count() == english.count()
    for page in translated:
        assert page.url.startswith(f"/{language}/")
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_translated_pages_stay_linked_to_their_source_for_sync(language):
    from wagtail_localize.models import Translation

    for page in Page.objects.live().filter(depth__gte=2, locale__language_code=language):
        source = page.get_translation(Locale.objects.get(language_code="en"))
        assert Translation.objects.filter(source__object_id=source.translation_key, target_locale=page.locale).exists(), page.url


def test_translated_parents_route_to_their_children(client):
    for page in Page.objects.filter(locale__language_code__in=["fr", "nl"], depth__lte=3):
        assert page.numchild == Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count(), page.url
