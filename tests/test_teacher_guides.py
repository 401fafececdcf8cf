"""Teacher guides: the page, its PDF (made, stored, refreshed), the module pack and the hub."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.pdf import check_local_url
from lessons.models import GuideDownloadCount, GuidePdf, LessonPage, ModulePage, TeacherGuidePage
from tests.factories.lessons import DisclosureCardFactory, TeacherGuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    TeacherGuidePage.objects.child_of(lesson).delete()
    return LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture
def guide(lesson):
    return TeacherGuidePageFactory(
        parent=lesson,
        title="Teacher guide: Yes, no and pressure",
        worksheet_title="My answers",
        worksheet="<ol><li>Write one way to say no.</li></ol>",
    )


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def download(client, guide):
    response = client.get(guide.url + "pdf/")
    return response, b"".join(response.streaming_content) if response.streaming else response.content


def test_guide_page_shows_lesson_overview_plan_key_and_safeguarding(client, guide, lesson):
    html = client.get(guide.url).content.decode()
    for objective in lesson.learning_objectives:
        assert objective.value.replace("'", "&#x27;") in html
    assert "45 minutes in all" in html
    assert "Quiz answer key" in html
    first = lesson.quiz().answer_key()[0]
    assert first.correct_options[0].text.replace("'", "&#x27;") in html
    assert "If a pupil tells you something has happened" in html
    assert "116 000" in html and "Take It Down" in html


def test_lesson_page_links_to_its_guide(client, guide, lesson):
    assert f'href="{guide.url}"' in client.get(lesson.url).content.decode()


def test_pdf_downloads_with_its_name_type_and_content(client, guide):
    response, content = download(client, guide)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="upstander-yes-no-and-pressure-teacher-guide-en.pdf"'
    reader, text = pdf_text(content)
    assert "Yes, no and pressure" in text
    assert "Quiz answer key" in text
    assert "116 000" in text
    assert "If a pupil tells you something has happened" in text
    assert "My answers" in text  # the worksheet
    assert len(reader.pages) >= 4
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4


def test_pdf_pages_are_numbered_with_a_running_header(client, guide):
    _, content = download(client, guide)
    reader, _ = pdf_text(content)
    second_page = reader.pages[1].extract_text()
    assert f"2 / {len(reader.pages)}" in second_page
    assert "Yes, no and pressure" in second_page


def test_a_second_download_serves_the_stored_file(client, guide):
    download(client, guide)
    stored = GuidePdf.objects.get(page=guide)
    response, content = download(client, guide)
    assert response.streaming  # a file from storage, not made again
    assert GuidePdf.objects.get(page=guide).pk == stored.pk
    assert content == stored.file.open("rb").read()


def test_publishing_the_quiz_makes_a_fresh_pdf(client, guide, lesson):
    _, before = download(client, guide)
    quiz = lesson.quiz()
    first = quiz.questions[0]
    first.value["question"] = "A reworded first question about a free yes?"
    quiz.save_revision().publish()
    _, after = download(client, guide)
    assert "A reworded first question about a free yes?" in pdf_text(after)[1]
    assert GuidePdf.objects.filter(page=guide).count() == 1  # the old file was replaced


def test_editing_the_disclosure_card_changes_the_next_pdf(client, guide):
    download(client, guide)
    card = guide.disclosure_card
    card.body = "<ul><li>Ask the pupil what they would like to happen next.</li></ul>"
    card.save()
    _, after = download(client, guide)
    assert "Ask the pupil what they would like to happen next." in pdf_text(after)[1]


def test_editing_a_helpline_changes_the_next_pdf(client, guide):
    from cms.models import Helpline

    download(client, guide)
    helpline = Helpline.objects.get(locale=guide.locale, number="116 000")
    helpline.hours = "Every day, all day and night"
    helpline.save()  # as the snippet editor saves it
    _, after = download(client, guide)
    assert "Every day, all day and night" in pdf_text(after)[1]


def test_editing_a_reporting_route_changes_the_next_pdf(client, guide):
    from cms.models import ReportingRoute

    download(client, guide)
    route = ReportingRoute.objects.get(locale=guide.locale, name="Take It Down")
    route.description = "Removes images, quietly."
    route.save()  # as the snippet editor saves it
    _, after = download(client, guide)
    assert "Removes images, quietly." in pdf_text(after)[1]


def test_a_change_to_the_pdf_stylesheet_changes_the_fingerprint(guide, monkeypatch):
    from lessons.models import pdfs as guide_pdf

    html = guide_pdf.pdf_html([guide], guide.title)
    before = guide_pdf.pdf_fingerprint(guide, html)
    original = guide_pdf._file_bytes
    monkeypatch.setattr(guide_pdf, "_file_bytes", lambda path: original(path) + b"/* changed */")
    assert guide_pdf.pdf_fingerprint(guide, html) != before


def test_a_change_to_the_templates_changes_the_fingerprint(guide, settings):
    from lessons.models import pdfs as guide_pdf

    before = guide_pdf.pdf_fingerprint(guide, guide_pdf.pdf_html([guide], guide.title))
    with override_settings(LANGUAGE_CODE="en"):
        from django.template import engines

        engine = engines["django"].engine
        original = engine.get_template

        def changed_template(name):
            template = original(name)
            if name == "lessons/includes/guide_sections.html":
                return engine.from_string(template.source + "<p>A new closing line.</p>")
            return template

        engine.get_template = changed_template
        try:
            html = guide_pdf.pdf_html([guide], guide.title)
        finally:
            engine.get_template = original
    assert "A new closing line." in html
    assert guide_pdf.pdf_fingerprint(guide, html) != before


@override_settings(UPSTANDER_GUIDE_PDF_ON_PUBLISH=True)
def test_publishing_the_guide_stores_its_pdf_straight_away(guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert GuidePdf.objects.filter(page=guide).exists()


def test_a_missing_stored_file_is_made_on_the_spot(client, guide):
    download(client, guide)
    stored = GuidePdf.objects.get(page=guide)
    stored.file.storage.delete(stored.file.name)
    response, content = download(client, guide)
    assert response.status_code == 200 and content.startswith(b"%PDF")


def test_an_unpublished_guide_gives_404(client, guide):
    url = guide.url
    guide.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(url + "pdf/").status_code == 404


def test_downloads_are_counted_without_anything_about_who(client, guide):
    download(client, guide)
    download(client, guide)
    assert GuideDownloadCount.objects.get(page=guide).count == 2
    assert {f.name for f in GuideDownloadCount._meta.get_fields()} == {"page", "count"}


def test_the_pdf_never_fetches_from_another_host():
    with pytest.raises(ValueError):
        check_local_url("https://fonts.example/font.woff2")
    with pytest.raises(ValueError):
        check_local_url("file:///etc/passwd")


def test_a_crafted_fragment_cannot_point_the_pdf_at_another_file(settings):
    from pathlib import Path

    media = Path(settings.MEDIA_ROOT).resolve()
    with pytest.raises(ValueError):
        check_local_url(f"file:///etc/hostname#/../..{media}/guides/x.pdf")


def test_an_allowed_file_is_fetched_by_its_resolved_path(settings):
    from pathlib import Path

    media = Path(settings.MEDIA_ROOT).resolve()
    assert check_local_url(f"file://{media}/guides/../guides/x.pdf?v=1#top") == (media / "guides" / "x.pdf").as_uri()


def test_module_pack_holds_every_guide_of_the_module(client, guide):
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    response = client.get(module.url + "teacher-guides/pdf/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="upstander-consent-teacher-guides-en.pdf"'
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Yes, no and pressure" in pdf_text(content)[1]


def test_module_page_offers_its_pack(client, guide):
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    assert "teacher-guides/pdf/" in client.get(module.url).content.decode()


def guide_form(card, minutes, short_on_time="If time is short, shorten the discussion."):
    return nested_form_data({
        "title": "Teacher guide: test",
        "slug": "teacher-guide",
        "preparation": rich_text("<p>Read it.</p>"),
        "ground_rules": streamfield([("rule", "We listen.")]),
        "lesson_plan": streamfield([
            ("step", {"minutes": m, "activity": "Step", "description": rich_text("<p>Do.</p>"), "notes": ""})
            for m in minutes
        ]),
        "short_on_time": short_on_time,
        "discussion_prompts": streamfield([]),
        "more_support": rich_text(""),
        "law_note": rich_text(""),
        "more_challenge": rich_text(""),
        "disclosure_card": card.pk,
        "safeguarding_notes": rich_text(""),
        "parent_letter": rich_text("<p>Dear parent,</p>"),
        "worksheet_title": "",
        "worksheet": rich_text(""),
        "curriculum_links": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    })


def add_guide(editor_client, lesson, minutes, **fields):
    url = reverse("wagtailadmin_pages:add", args=("lessons", "teacherguidepage", lesson.pk))
    return editor_client.post(url, guide_form(DisclosureCardFactory(), minutes, **fields))


def test_editor_can_add_a_guide_whose_plan_fits_the_lesson(editor_client, lesson):
    response = add_guide(editor_client, lesson, [15, 30])
    assert response.status_code == 302
    assert TeacherGuidePage.objects.child_of(lesson).exists()


def test_a_guide_for_a_long_lesson_must_say_what_to_drop_when_time_is_short(editor_client, lesson):
    response = add_guide(editor_client, lesson, [15, 30], short_on_time="")
    assert response.status_code == 200
    assert "say which step to drop" in " ".join(response.context["form"].errors["short_on_time"])
    assert not TeacherGuidePage.objects.child_of(lesson).exists()


def test_editor_is_told_when_the_plan_does_not_add_up_to_the_lesson(editor_client, lesson):
    response = add_guide(editor_client, lesson, [15, 20])
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["lesson_plan"])
    assert "The steps add up to 35 minutes, but the lesson lasts 45" in message


# --- the demo guides and the teacher hub ---------------------------------------

def test_every_demo_lesson_has_a_guide_whose_plan_fills_the_lesson():
    for lesson in LessonPage.objects.filter(slug__in=DEMO_LESSONS):
        guide = lesson.guide()
        assert guide is not None, lesson.title
        assert guide.planned_minutes == lesson.duration, lesson.title
        assert guide.disclosure_card and guide.parent_letter, lesson.title


DEMO_LESSONS = [
    "ask-before-you-snap-or-post", "yes-no-and-pressure", "consent-in-relationships",
    "pictures-that-arent-ours-to-share", "nudes-pressure-and-exposure-groups", "sextortion-its-not-your-fault",
    "fake-nudes-made-with-ai", "sextortion-when-someone-asks-for-money",
    "what-the-law-says", "kind-in-the-group-chat", "the-five-ds-online", "from-witness-to-upstander",
    "outing-and-exposure-of-lgbtq-pupils",
]


@pytest.fixture
def hub():
    from lessons.models import TeacherHubPage

    return TeacherHubPage.objects.get(locale__language_code="en")


def listed(client, hub, **params):
    return [guide.lesson_for_listing.slug for guide in client.get(hub.url, params).context["guides"]]


def test_hub_lists_every_english_guide(client, hub):
    assert sorted(listed(client, hub, language="en")) == sorted(DEMO_LESSONS)


def test_hub_lists_guides_in_every_language_there_is(client, hub):
    from lessons.models import TeacherGuidePage

    assert len(listed(client, hub)) == TeacherGuidePage.objects.live().count()


def test_hub_filters_by_age_band(client, hub):
    assert sorted(listed(client, hub, age="16-18", language="en")) == [
        "consent-in-relationships", "from-witness-to-upstander", "outing-and-exposure-of-lgbtq-pupils",
        "what-the-law-says",
    ]


def test_hub_filters_by_module(client, hub):
    module = ModulePage.objects.get(locale__language_code="en", slug="online-bystanders")
    assert listed(client, hub, module=str(module.translation_key), language="en") == [
        "kind-in-the-group-chat", "the-five-ds-online", "from-witness-to-upstander",
        "outing-and-exposure-of-lgbtq-pupils",
    ]


def test_hub_filters_by_language(client, hub):
    assert len(listed(client, hub, language="en")) == len(DEMO_LESSONS)


def test_hub_explains_an_unknown_filter(client, hub):
    response = client.get(hub.url, {"language": "xx"})
    assert response.status_code == 200
    assert "Please check the filters above." in response.content.decode()


def test_hub_is_reachable_from_the_home_page(client, hub, home):
    assert f'href="{hub.url}"' in client.get(home.url).content.decode()


def test_hub_lists_guides_in_a_fixed_number_of_queries(client, hub, lesson, settings):
    settings.UPSTANDER_PAGE_CACHE_SECONDS = 0  # count the queries of rendering
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(hub.url)  # warm the caches
    with CaptureQueriesContext(connection) as before:
        client.get(hub.url)
    TeacherGuidePageFactory(parent=lesson)
    client.get(hub.url)
    with CaptureQueriesContext(connection) as after:
        client.get(hub.url)
    assert len(after) == len(before)


def test_editors_see_download_counts(client, guide):
    download(client, guide)
    client.force_login(get_user_model().objects.create_superuser("counts", "c@example.com", "pw"))
    html = client.get(reverse("guide_downloads")).content.decode()
    assert guide.title in html and "<td>1</td>" in html
