"""Nothing reaches pupils without a safeguarding reviewer's approval."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from lessons.models import LessonPage, ModulePage
from tests.test_admin import lesson_form

pytestmark = pytest.mark.django_db


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_roles_exist():
    assert {"Editors", "Translators", "Safeguarding reviewers"} <= set(Group.objects.values_list("name", flat=True))


def test_every_page_in_every_locale_is_under_the_safeguarding_review():
    workflow = Workflow.objects.get(name="Safeguarding review")
    assert workflow.active
    for lesson in LessonPage.objects.all()[:3]:
        assert lesson.get_workflow() == workflow


def test_an_editor_cannot_publish_but_a_reviewer_can():
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    assert not module.permissions_for_user(member_of("Editors", "ed")).can_publish()
    assert not module.permissions_for_user(member_of("Translators", "tr")).can_publish()
    assert module.permissions_for_user(member_of("Safeguarding reviewers", "rev")).can_publish()


def test_a_lesson_goes_live_only_after_a_reviewer_approves(client):
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    client.force_login(member_of("Editors", "editor-1"))
    data = lesson_form()
    data.pop("action-publish")
    data["action-submit"] = "Submit to Safeguarding review"
    response = client.post(reverse("wagtailadmin_pages:add", args=("lessons", "lessonpage", module.pk)), data)
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="saying-no-online")
    assert not lesson.live
    state = lesson.current_workflow_state
    assert state is not None and state.status == "in_progress"

    client.force_login(member_of("Safeguarding reviewers", "reviewer-1"))
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk]),
        {"comment": "Checked against the content guide."},
    )
    assert response.status_code == 302  # back to the page's editor
    lesson.refresh_from_db()
    assert lesson.live


def test_a_reviewer_can_ask_for_changes_and_the_lesson_stays_offline(client):
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    client.force_login(member_of("Editors", "editor-2"))
    data = lesson_form()
    data.pop("action-publish")
    data["action-submit"] = "Submit"
    client.post(reverse("wagtailadmin_pages:add", args=("lessons", "lessonpage", module.pk)), data)
    lesson = LessonPage.objects.get(slug="saying-no-online")
    client.force_login(member_of("Safeguarding reviewers", "reviewer-2"))
    client.post(
        reverse("wagtailadmin_pages:workflow_action",
                args=[lesson.pk, "reject", lesson.current_workflow_state.current_task_state.pk]),
        {"comment": "Please add a help box at the end."},
    )
    lesson.refresh_from_db()
    assert not lesson.live


def test_the_overdue_report_lists_what_is_past_its_date_per_language(admin_client):
    from datetime import timedelta

    from django.utils import timezone

    from cms.models import Helpline

    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    LessonPage.objects.filter(pk=lesson.pk).update(review_by=timezone.localdate() - timedelta(days=1))
    Helpline.objects.filter(number="102").update(review_by=timezone.localdate() - timedelta(days=30))
    LessonPage.objects.filter(slug="consent-in-relationships").update(review_by=timezone.localdate() + timedelta(days=30))
    html = admin_client.get(reverse("overdue_report")).content.decode()
    assert "Yes, no and pressure" in html and "Awel" in html
    assert "Consent in relationships" not in html
    assert "English" in html and "Dutch" in html


def test_the_dashboard_shows_the_overdue_count(admin_client):
    from datetime import timedelta

    from django.utils import timezone

    overdue = LessonPage.objects.filter(locale__language_code="en").update(
        review_by=timezone.localdate() - timedelta(days=1))
    html = admin_client.get("/admin/").content.decode()
    assert overdue == 13
    assert "13 items are overdue for a check." in html


def test_the_audit_report_says_who_approved_what_and_when(client, admin_client):
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    client.force_login(member_of("Editors", "editor-3"))
    data = lesson_form()
    data.pop("action-publish")
    data["action-submit"] = "Submit"
    client.post(reverse("wagtailadmin_pages:add", args=("lessons", "lessonpage", module.pk)), data)
    lesson = LessonPage.objects.get(slug="saying-no-online")
    reviewer = member_of("Safeguarding reviewers", "reviewer-3")
    reviewer.first_name, reviewer.last_name = "Rita", "Reviewer"
    reviewer.save()
    client.force_login(reviewer)
    client.post(
        reverse("wagtailadmin_pages:workflow_action",
                args=[lesson.pk, "approve", lesson.current_workflow_state.current_task_state.pk]),
        {"comment": "Checked against rule 2 and rule 7."},
    )
    html = admin_client.get(reverse("approvals_report")).content.decode()
    assert "Rita Reviewer" in html and "Saying no online" in html and "Checked against rule 2 and rule 7." in html


def test_the_overdue_report_exports_a_spreadsheet(admin_client):
    from datetime import timedelta

    from django.utils import timezone

    LessonPage.objects.filter(slug="yes-no-and-pressure").update(review_by=timezone.localdate() - timedelta(days=1))
    response = admin_client.get(reverse("overdue_report") + "?export=csv")
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert response.status_code == 200 and "Yes, no and pressure" in content
