"""A teacher finds a guide in the hub and downloads its PDF."""

from pypdf import PdfReader

from .harness import assert_no_serious_axe_violations


def test_teacher_downloads_a_guide_from_the_hub(open_page, tmp_path):
    page = open_page("/en/")
    page.get_by_role("link", name="Teacher guides, ready to download").click()
    page.get_by_label("Age", exact=True).select_option("14-16")
    page.get_by_role("button", name="Show guides").click()
    page.get_by_role("link", name="Sextortion: it's not your fault", exact=True).click()
    page.get_by_role("heading", name="Quiz answer key").wait_for()  # after a page load: wait for it, do not sample
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "upstander-sextortion-its-not-your-fault-teacher-guide-en.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Sextortion" in text and "116 000" in text


def test_guide_page_prints_without_its_buttons(open_page):
    page = open_page("/en/consent/yes-no-and-pressure/teacher-guide/")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.guide__actions')).display") == "none"
    assert page.locator("#parent-letter").is_visible()


def test_hub_with_a_filter_error_has_no_serious_violations(open_page):
    page = open_page("/en/teachers/?age=99")
    assert page.get_by_text("Please check the filters above.").is_visible()
    assert_no_serious_axe_violations(page)
