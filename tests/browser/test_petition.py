"""Signing the petition in a browser: the count goes up by one after the emailed link is confirmed."""

import re

import pytest
from django.core import mail

from .harness import assert_no_serious_axe_violations


@pytest.fixture(autouse=True)
def no_minimum_fill_time(settings):
    settings.UPSTANDER_PETITION_MIN_FILL_SECONDS = 0


def signatures_shown(page):
    text = page.locator(".petition-progress__numbers").first.inner_text()
    return int(re.search(r"(\d+)\s+signature", text).group(1))


@pytest.mark.parametrize("javascript", [True, False])
def test_signing_and_confirming_by_email_adds_one(open_page, javascript):
    page = open_page("/en/petition/", javascript=javascript)
    before = signatures_shown(page)
    page.get_by_label("First name").fill("Elif")
    page.get_by_label("Email", exact=True).fill(f"elif-{'js' if javascript else 'nojs'}@example.com")  # a new signer each
    page.get_by_label("Postcode, or country if you live outside Belgium").fill("2000")
    page.get_by_label("I am 16 or older").check()
    page.get_by_label(re.compile("I agree that my name")).check()
    page.get_by_role("button", name="Sign the petition").click()
    page.get_by_role("heading", name="Almost there: check your email").wait_for()  # after a page load: wait for it, do not sample

    link = re.search(r"http://\S+/confirm/[\w-]+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    assert signatures_shown(page) == before  # opening the link alone confirms nothing
    page.get_by_role("button", name="Confirm my signature").click()
    page.get_by_role("heading", name="Thank you: your signature counts").wait_for()  # after a page load: wait for it, do not sample
    assert signatures_shown(page) == before + 1


def test_a_form_with_errors_explains_them_and_keeps_what_was_typed(open_page):
    page = open_page("/en/petition/", javascript=False)
    page.get_by_label("First name").fill("Elif")
    page.get_by_role("button", name="Sign the petition").click()
    page.get_by_role("alert").wait_for()  # after a page load: wait for it, do not sample
    assert page.get_by_label("First name").input_value() == "Elif"
    assert_no_serious_axe_violations(open_page(page.url))


def test_supporting_from_a_lesson_returns_to_the_lesson(open_page):
    page = open_page("/en/consent/yes-no-and-pressure/", javascript=False)
    page.get_by_role("button", name="I support this").click()
    page.wait_for_url("**/en/consent/yes-no-and-pressure/?supported=1#petition")
    assert page.get_by_text("your support has been counted").is_visible()
