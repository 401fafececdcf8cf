"""A teacher who has just heard about an image in a class group chat finds the staff
protocol from the home page and follows it, on a phone, without JavaScript."""

from protocols.models import ProtocolPage

from .harness import NARROW


def test_a_teacher_on_a_phone_follows_the_protocol_from_the_home_page_without_javascript(open_page):
    protocol = ProtocolPage.objects.get(locale__language_code="en")
    first, = [step for step in protocol.decision_steps() if step.number == 1]
    answer = first.answers[-1]
    page = open_page("/en/", width=NARROW, javascript=False)
    page.locator(".staff-alert").get_by_role("link", name=protocol.title).click()
    page.get_by_role("link", name="Then go step by step").click()
    assert page.url.endswith(f"#step-{first.key}")
    page.get_by_role("link", name=answer.label).first.click()
    assert page.url.endswith(f"#step-{answer.next_key}")
    heading = page.locator(f"#step-{answer.next_key}-title")
    assert heading.is_visible()
    assert answer.next_title in heading.inner_text()

