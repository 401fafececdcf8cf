"""The petition: support and signatures, confirmation by email, abuse, signers' data."""

import csv
import io
import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from lessons.models import LessonPage, ModulePage
from petitions.forms import STARTED_SALT
from petitions.models import PetitionPage, PetitionSettings, Signature, Support
from petitions.spreadsheet import neutralise_formula
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "first_name": "Yasmine",
        "email": "Yasmine@Example.com",
        "postcode_or_country": "1030",
        "age_confirmed": "on",
        "privacy_consent": "on",
        "website": "",
        "started": signing.dumps(time.time() - 30, salt=STARTED_SALT),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign(client, petition, **overrides):
    return client.post(petition.url, form_data(**overrides))


def link_from_email(kind):
    return re.search(rf"https?://\S+/{kind}/[\w-]+/", mail.outbox[-1].body).group(0)


def counts(client, petition):
    return client.get(petition.url).context["counts"]


# What a browser sends with a form from one of this site's pages (the test client's site).
THIS_SITE = {"Origin": "http://testserver"}


def support(client, petition, data=None, headers=THIS_SITE):
    return client.post(reverse("petitions:support", args=[petition.pk]), data or {}, headers=headers)


def switch_classroom_view(client, data, headers=THIS_SITE):
    return client.post(reverse("petitions:campaign_box"), data, headers=headers)


# --- on every module and lesson -------------------------------------------------

def test_every_module_and_lesson_shows_the_petitions_call_to_action(client, petition):
    petition_urls = {translation.url for translation in petition.get_translations(inclusive=True)}
    for page in list(ModulePage.objects.live()) + list(LessonPage.objects.live()):
        html = client.get(page.url).content.decode()
        assert 'id="petition"' in html, page.url
        assert any(f'href="{url}"' in html for url in petition_urls), page.url


def test_a_module_points_to_its_own_petition_when_it_has_one(client, home):
    from tests.factories.petitions import PetitionPageFactory

    own = PetitionPageFactory(parent=home, title="Our own petition")
    module = ModulePage.objects.get(locale__language_code="en", slug="consent")
    module.petition = own
    module.save_revision().publish()
    assert "Our own petition" in client.get(module.url).content.decode()


def test_the_lesson_call_to_action_offers_only_the_anonymous_support(client):
    html = client.get(LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure").url).content.decode()
    cta = html[html.index('id="petition"'):]
    assert "I support this" in cta
    assert 'name="email"' not in cta


def test_the_call_to_action_shows_live_counts_and_progress(client, petition):
    petition.record_support()
    SignatureFactory(petition=petition, confirmed=True)
    html = client.get(ModulePage.objects.get(locale__language_code="en", slug="consent").url).content.decode()
    assert "<strong>1</strong> signature" in html and "<strong>1</strong> person supports it" in html
    assert "2 of the goal of 10000" in html


def test_a_teacher_can_hide_the_call_to_action_in_class(client):
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    response = switch_classroom_view(client, {"classroom": "1", "next": lesson.url})
    assert response["Location"] == lesson.url
    assert 'id="petition"' not in client.get(lesson.url).content.decode()
    switch_classroom_view(client, {"classroom": "0", "next": lesson.url})
    assert 'id="petition"' in client.get(lesson.url).content.decode()


def test_the_classroom_toggle_does_not_redirect_elsewhere(client):
    response = switch_classroom_view(client, {"classroom": "1", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_the_classroom_toggle_from_another_site_is_refused_and_sets_no_cookie(client):
    response = switch_classroom_view(client, {"classroom": "1", "next": "/en/"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "only works on this website" in response.content.decode()
    assert "upstander_classroom" not in response.cookies


# --- the publish rule -----------------------------------------------------------

def add_module(editor_client, home, petition_id=""):
    url = reverse("wagtailadmin_pages:add", args=("lessons", "modulepage", home.pk))
    return editor_client.post(url, nested_form_data({
        "title": "A new module", "slug": "a-new-module", "intro": "About it.", "illustration": "",
        "illustration_alt": "", "body": rich_text(""), "tags": "", "petition": petition_id,
        "comments": inline_formset([]), "action-publish": "publish",
    }))


def test_a_module_cannot_be_published_without_a_petition_to_point_to(editor_client, home, site):
    PetitionSettings.objects.filter(site=site).update(default_petition=None)
    response = add_module(editor_client, home)
    assert response.status_code == 200
    assert "Every module points to a petition" in " ".join(response.context["form"].errors["petition"])
    assert not ModulePage.objects.filter(slug="a-new-module").exists()


def test_a_module_can_be_published_with_the_default_petition(editor_client, home):
    assert add_module(editor_client, home).status_code == 302


def test_a_module_can_be_published_with_its_own_petition(editor_client, home, site, petition):
    PetitionSettings.objects.filter(site=site).update(default_petition=None)
    assert add_module(editor_client, home, petition.pk).status_code == 302


# --- support --------------------------------------------------------------------

def test_support_counts_anonymously_and_returns_to_the_page(client, petition):
    lesson = LessonPage.objects.get(locale__language_code="en", slug="yes-no-and-pressure")
    response = support(client, petition, {"next": lesson.url})
    assert response["Location"] == f"{lesson.url}?supported=1#petition"
    assert counts(client, petition)["supports"] == 1
    assert {f.name for f in Support._meta.get_fields()} == {"id", "petition", "created_on"}
    assert "your support has been counted" in client.get(response["Location"]).content.decode()


def test_support_needs_a_post(client, petition):
    assert client.get(reverse("petitions:support", args=[petition.pk])).status_code == 405
    assert Support.objects.count() == 0


def test_support_never_redirects_to_another_site(client, petition):
    response = support(client, petition, {"next": "https://evil.example/"})
    assert response["Location"].startswith(petition.url)


def test_support_is_rate_limited_per_client(client, petition, settings):
    settings.UPSTANDER_PETITION_SUPPORT_LIMIT = (3, 3600)
    statuses = [support(client, petition).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Support.objects.count() == 3


def test_support_from_this_site_is_counted_without_a_csrf_token(petition):
    response = support(Client(enforce_csrf_checks=True), petition, {"next": "/en/"})
    assert response.status_code == 302
    assert Support.objects.count() == 1


def test_support_from_another_site_gets_a_403_page_and_counts_nothing(client, petition):
    response = support(client, petition, {"next": "/en/"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "only works on this website" in response.content.decode()
    assert Support.objects.count() == 0


def test_support_from_a_null_origin_is_refused(client, petition):
    assert support(client, petition, headers={"Origin": "null"}).status_code == 403
    assert Support.objects.count() == 0


def test_support_without_origin_or_referer_is_refused(client, petition):
    assert support(client, petition, headers={}).status_code == 403
    assert Support.objects.count() == 0


def test_support_without_origin_counts_a_referer_from_this_site(client, petition):
    assert support(client, petition, headers={"Referer": "http://testserver/en/consent/"}).status_code == 302
    assert Support.objects.count() == 1


def test_support_without_origin_refuses_a_referer_from_another_site(client, petition):
    assert support(client, petition, headers={"Referer": "https://evil.example/en/consent/"}).status_code == 403
    assert Support.objects.count() == 0


def test_support_from_another_site_is_refused_before_the_rate_limit_counts_it(client, petition, settings):
    settings.UPSTANDER_PETITION_SUPPORT_LIMIT = (1, 3600)
    support(client, petition, headers={"Origin": "https://evil.example"})
    assert support(client, petition).status_code == 302


def test_support_for_a_page_that_is_not_a_live_petition_is_a_404(client, petition, lesson):
    assert client.post(reverse("petitions:support", args=[lesson.pk]), headers=THIS_SITE).status_code == 404
    assert Support.objects.count() == 0


# --- signing and confirming ----------------------------------------------------

def test_the_signing_form_asks_consent_without_ticking_it(client, petition):
    html = client.get(petition.url).content.decode()
    for name in ("age_confirmed", "privacy_consent", "updates_opt_in"):
        tag = re.search(rf'<input[^>]+name="{name}"[^>]*>', html).group(0)
        assert "checked" not in tag


def test_signing_sends_a_confirmation_email_and_counts_nothing_yet(client, petition):
    response = sign(client, petition)
    assert response.status_code == 200
    assert "check your email" in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Yasmine@Example.com"]
    assert counts(client, petition)["signatures"] == 0


def test_opening_the_link_shows_a_button_and_confirms_nothing(client, petition):
    sign(client, petition)
    response = client.get(link_from_email("confirm"))
    assert "Confirm my signature" in response.content.decode()
    assert counts(client, petition)["signatures"] == 0


def test_pressing_confirm_counts_the_signature_once(client, petition):
    sign(client, petition)
    link = link_from_email("confirm")
    assert "your signature counts" in client.post(link).content.decode()
    assert "already confirmed" in client.post(link).content.decode()
    assert counts(client, petition)["signatures"] == 1


def test_an_expired_link_is_refused_kindly(client, petition, monkeypatch):
    sign(client, petition)
    link = link_from_email("confirm")
    monkeypatch.setattr("petitions.tokens.CONFIRM_LINK_VALID_FOR", timedelta(seconds=-1))
    response = client.post(link)
    assert response.status_code == 400
    assert "expired or is not valid" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_a_forged_link_is_refused(client, petition):
    assert client.post(petition.url + "confirm/not-a-real-token/").status_code == 400


def notice(response):
    return response.content.decode().split('class="notice-panel"')[1].split("</section>")[0]


def test_signing_again_with_the_same_email_counts_once(client, petition):
    sign(client, petition)
    client.post(link_from_email("confirm"))
    sign(client, petition, email="  yasmine@EXAMPLE.com ")
    assert Signature.objects.count() == 1
    assert counts(client, petition)["signatures"] == 1


def test_signing_with_an_address_that_signed_looks_exactly_like_signing_once(client, petition):
    first = sign(client, petition, email="first@example.com")
    sign(client, petition, email="known@example.com")
    client.post(link_from_email("confirm"))
    again = sign(Client(), petition, email="known@example.com")
    assert again.status_code == first.status_code == 200
    assert notice(again) == notice(first)


def test_the_email_to_an_address_that_already_signed_says_so(client, petition):
    sign(client, petition)
    client.post(link_from_email("confirm"))
    Signature.objects.update(email_requested_at=timezone.now() - timedelta(days=1, minutes=1))
    sign(Client(), petition, email="yasmine@example.com")
    assert len(mail.outbox) == 2
    assert "already signed" in mail.outbox[-1].subject
    assert "/confirm/" not in mail.outbox[-1].body and "/withdraw/" in mail.outbox[-1].body


def test_signing_again_before_confirming_sends_the_link_again_the_next_day(client, petition):
    sign(client, petition)
    Signature.objects.update(email_requested_at=timezone.now() - timedelta(days=1, minutes=1))
    sign(client, petition, email="YASMINE@example.com")
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2 and "/confirm/" in mail.outbox[-1].body


def test_signing_again_the_same_day_sends_no_second_email(client, petition):
    sign(client, petition)
    sign(client, petition, email="YASMINE@example.com")
    sign(client, petition, email="yasmine@example.com")
    assert len(mail.outbox) == 1


def test_the_email_carries_nothing_the_signer_typed(client, petition):
    sign(client, petition, first_name="Visit evil.example now", postcode_or_country="Click here")
    email = mail.outbox[0]
    assert "evil.example" not in email.body + email.subject and "Click here" not in email.body


def test_a_name_with_control_characters_is_stored_clean(client, petition):
    sign(client, petition, first_name="Sa\x0bm\u200b", postcode_or_country="9000\x07")
    signature = Signature.objects.get()
    assert signature.first_name == "Sa m" and signature.postcode_or_country == "9000"


def test_a_name_of_only_control_characters_is_refused(client, petition):
    response = sign(client, petition, first_name="\x0b\x0b")
    assert response.status_code == 400 and not Signature.objects.exists()


def test_both_exports_survive_control_characters(admin_client, petition):
    SignatureFactory(petition=petition, first_name="Sam\x0b", email="sam@example.com", confirmed=True)
    Signature.objects.filter(email="sam@example.com").update(first_name="Sam\x0b")  # as an older form stored it
    url = reverse("signatures:index")
    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert "Sam\x0b" not in b"".join(response.streaming_content).decode() and "Sam" in b"".join(
        admin_client.get(url, {"export": "csv"}).streaming_content).decode()
    response = admin_client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    from openpyxl import load_workbook

    content = b"".join(response.streaming_content) if response.streaming else response.content
    cells = [cell.value for row in load_workbook(io.BytesIO(content)).active.iter_rows() for cell in row]
    assert "Sam" in cells


def test_withdrawing_deletes_the_signature_and_its_count(client, petition):
    sign(client, petition)
    client.post(link_from_email("confirm"))
    withdraw = link_from_email("withdraw")
    assert "Withdraw my signature" in client.get(withdraw).content.decode()
    assert "has been withdrawn" in client.post(withdraw).content.decode()
    assert Signature.objects.count() == 0
    assert counts(client, petition)["signatures"] == 0
    assert client.post(withdraw).status_code == 400


# --- bad input ------------------------------------------------------------------

def assert_nothing_signed(response, status, message):
    assert response.status_code == status
    assert message in response.content.decode()
    assert Signature.objects.count() == 0 and len(mail.outbox) == 0


def test_a_bot_filling_the_hidden_field_is_refused(client, petition):
    assert_nothing_signed(sign(client, petition, website="https://spam.example"), 400, "could not accept")


def test_a_form_sent_too_fast_is_refused(client, petition):
    started = signing.dumps(time.time(), salt=STARTED_SALT)
    assert_nothing_signed(sign(client, petition, started=started), 400, "That was very quick")


def test_a_tampered_start_time_is_refused(client, petition):
    assert_nothing_signed(sign(client, petition, started="12345"), 400, "This form has expired")


def test_signing_needs_the_age_confirmation_and_points_younger_people_to_support(client, petition):
    assert_nothing_signed(sign(client, petition, age_confirmed=None), 400, "Younger? Use “I support this”")


def test_signing_needs_consent_to_the_privacy_notice(client, petition):
    assert_nothing_signed(sign(client, petition, privacy_consent=None), 400, "Please agree to the privacy notice")


@pytest.mark.parametrize(("field", "value"), [("first_name", "x" * 61), ("email", "not-an-email"), ("postcode_or_country", "y" * 61)])
def test_overlong_or_malformed_fields_are_refused(client, petition, field, value):
    response = sign(client, petition, **{field: value})
    assert response.status_code == 400
    assert Signature.objects.count() == 0


def test_an_oversized_body_is_refused(client, petition):
    assert_nothing_signed(sign(client, petition, padding="z" * 20_000), 400, "much more than a signature")


def test_signing_is_rate_limited_per_client(client, petition, settings):
    settings.UPSTANDER_PETITION_SIGN_LIMIT = (2, 3600)
    statuses = [sign(client, petition, email=f"person{i}@example.com").status_code for i in range(4)]
    assert statuses == [200, 200, 429, 429]


def test_a_closed_petition_cannot_be_signed(client, petition):
    petition.opens_on = timezone.localdate() - timedelta(days=30)
    petition.closes_on = timezone.localdate() - timedelta(days=1)
    petition.save_revision().publish()
    assert sign(client, petition).status_code == 410
    assert support(client, petition).status_code == 410


def test_the_rate_limit_stores_nothing_about_the_client_in_the_database(client, petition):
    sign(client, petition)
    fields = {f.name for f in Signature._meta.get_fields()}
    assert not fields & {"ip", "ip_address", "user_agent", "remote_addr"}


# --- signers' data --------------------------------------------------------------

def test_export_neutralises_spreadsheet_formulas():
    assert neutralise_formula("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise_formula("+32 2") == "'+32 2"
    assert neutralise_formula("-1") == "'-1"
    assert neutralise_formula("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_formula("Noor") == "Noor"


def test_editors_export_signatures_as_safe_csv(editor_client, petition):
    SignatureFactory(petition=petition, first_name="=cmd|' /C calc'!A0", email="a@example.com")
    response = editor_client.get(reverse("signatures:index") + "?export=csv")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[1][1].startswith("'=cmd")
    assert rows[1][2] == "a@example.com"


def test_editors_search_signatures(editor_client, petition):
    SignatureFactory(petition=petition, first_name="Amira", email="amira@example.com")
    SignatureFactory(petition=petition, first_name="Tibo", email="tibo@example.com")
    html = editor_client.get(reverse("signatures:index"), {"q": "amira"}).content.decode()
    assert "amira@example.com" in html and "tibo@example.com" not in html


def test_purge_deletes_unconfirmed_signatures_after_seven_days(petition):
    old = SignatureFactory(petition=petition)
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    recent = SignatureFactory(petition=petition)
    call_command("purge_petition_data", stdout=io.StringIO())
    assert list(Signature.objects.values_list("pk", flat=True)) == [recent.pk]


def test_purge_removes_personal_data_after_a_petition_closes_and_keeps_the_count(client, petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    petition.opens_on = timezone.localdate() - timedelta(days=petition.keep_personal_data_days + 30)
    petition.closes_on = timezone.localdate() - timedelta(days=petition.keep_personal_data_days + 1)
    petition.save_revision().publish()
    call_command("purge_petition_data", stdout=io.StringIO())
    assert not Signature.objects.exclude(email="").exists()
    assert not Signature.objects.exclude(first_name="").exists()
    assert counts(client, PetitionPage.objects.get(pk=petition.pk))["signatures"] == 3


def test_purge_removes_personal_data_two_years_after_signing_even_if_the_petition_never_closes(client, petition):
    old, recent = SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=731))
    call_command("purge_petition_data", stdout=io.StringIO())
    assert Signature.objects.get(pk=old.pk).email == "" and Signature.objects.get(pk=recent.pk).email != ""
    assert counts(client, petition)["signatures"] == 2


def test_the_privacy_notice_says_what_is_kept_and_for_how_long(client):
    html = client.get("/en/privacy/").content.decode()
    assert "7 days" in html and "90 days" in html and "two years" in html and "I support this" in html


def test_the_withdraw_link_expires_after_30_days(client, petition):
    from unittest import mock

    sign(client, petition)
    withdraw = link_from_email("withdraw")
    later = time.time() + 31 * 24 * 3600
    with mock.patch("petitions.tokens.time.time", return_value=later):
        response = client.post(withdraw)
    assert response.status_code == 400
    assert Signature.objects.count() == 1
