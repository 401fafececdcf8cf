"""What an editor meets in Wagtail's admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import ContentPage, Helpline, HomePage
from lessons.models import LessonFinderPage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [HomePage, ModulePage, LessonPage, LessonFinderPage, ContentPage])
def test_editor_can_open_every_page_type_in_the_editor(editor_client, model):
    page = model.objects.first()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200


def lesson_form(**overrides):
    fields = {
        "title": "Saying no online",
        "slug": "saying-no-online",
        "intro": "Ways to say no.",
        "age_min": "12",
        "age_max": "14",
        "duration": "45",
        "content_note": "Talks about pressure in messages.",
        "learning_objectives": streamfield([("objective", "Practise ways to say no")]),
        "body": streamfield([
            ("help", {"heading": "", "text": "", "show_reporting_routes": ""}),
            ("key_message", {"text": "A no is a full answer."}),
        ]),
        "easy_read": streamfield([]),
        "tags": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_lesson(editor_client, **overrides):
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    url = reverse("wagtailadmin_pages:add", args=("lessons", "lessonpage", module.pk))
    return editor_client.post(url, lesson_form(**overrides))


def test_editor_can_add_a_lesson_to_a_module(editor_client):
    response = add_lesson(editor_client)
    assert response.status_code == 302
    assert LessonPage.objects.filter(slug="saying-no-online").exists()


def test_editor_sees_a_clear_message_when_ages_are_the_wrong_way_round(editor_client):
    response = add_lesson(editor_client, age_min="14", age_max="12")
    assert response.status_code == 200
    assert "The oldest age must be the same as or above the youngest age" in response.content.decode()
    assert not LessonPage.objects.filter(slug="saying-no-online").exists()


def test_editor_sees_a_clear_message_for_an_age_outside_8_to_18(editor_client):
    response = add_lesson(editor_client, age_max="25")
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 18." in response.content.decode()


def test_a_lesson_needs_at_least_one_learning_objective(editor_client):
    response = add_lesson(editor_client, learning_objectives=streamfield([]))
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="saying-no-online").exists()


def test_safeguarding_snippets_are_listed_in_the_admin(editor_client):
    response = editor_client.get(reverse(Helpline.snippet_viewset.get_url_name("list")))
    assert response.status_code == 200
    assert "116 000" in response.content.decode()


def test_admin_requires_a_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_lesson_cannot_be_published_without_a_help_box(editor_client):
    response = add_lesson(editor_client, body=streamfield([("key_message", {"text": "A no is a full answer."})]))
    assert response.status_code == 200
    assert "Every lesson needs at least one “Get help” box" in " ".join(response.context["form"].errors["body"])
    assert not LessonPage.objects.filter(slug="saying-no-online").exists()


def test_a_lesson_draft_may_still_lack_its_help_box(editor_client):
    data = lesson_form(body=streamfield([("key_message", {"text": "A no is a full answer."})]))
    data.pop("action-publish")
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    response = editor_client.post(reverse("wagtailadmin_pages:add", args=("lessons", "lessonpage", module.pk)), data)
    assert response.status_code == 302
    assert not LessonPage.objects.get(slug="saying-no-online").live
