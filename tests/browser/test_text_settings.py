"""Text settings: larger text, more line spacing and an easier-to-read font, kept in the
browser only, applied before the page is drawn, and still accessible at 200 % zoom."""

from .harness import assert_no_serious_axe_violations

LESSON = "/en/consent/yes-no-and-pressure/"

# Records the <html> classes at the moment <body> is parsed: before anything is drawn.
CLASSES_WHEN_BODY_STARTS = """
new MutationObserver(function (records, observer) {
    if (document.body) { window.classesWhenBodyStarts = document.documentElement.className; observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def choose(page, *labels):
    page.get_by_text("Text settings").first.click()
    for label in labels:
        page.get_by_label(label).check()


def test_larger_text_is_kept_and_applied_before_the_next_page_is_drawn(open_page):
    page = open_page(LESSON)
    page.context.add_init_script(CLASSES_WHEN_BODY_STARTS)
    choose(page, "Larger text")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    page.goto("/en/")
    assert "text-large" in page.evaluate("window.classesWhenBodyStarts")
    page.get_by_text("Text settings").first.click()
    assert page.get_by_label("Larger text").is_checked()


def test_turning_a_setting_off_is_kept_too(open_page):
    page = open_page(LESSON)
    choose(page, "More space between lines")
    page.get_by_label("More space between lines").uncheck()
    page.reload()
    assert "text-spacious" not in page.evaluate("document.documentElement.className")


def test_every_setting_at_200_percent_zoom_fits_the_width_and_passes_axe(open_page):
    page = open_page(LESSON, width=640, height=450)  # a 1280 x 900 screen at 200 % zoom
    choose(page, "Larger text", "More space between lines", "Easier-to-read font")
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Verdana")
    assert_no_serious_axe_violations(page)


def test_without_javascript_the_control_is_not_offered(open_page):
    page = open_page(LESSON, javascript=False)
    assert not page.get_by_text("Text settings").first.is_visible()
