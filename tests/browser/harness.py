"""Checks that browser journeys share: axe-core, visible focus, the demo's page types."""

import warnings
from importlib.resources import files

AXE_JS = files("axe_playwright_python") / "axe.min.js"
WIDE, NARROW = 1280, 360

# Every page type of the demo, for checks that run on all of them.
PAGE_TYPES = {
    "home": "/en/",
    "module": "/en/consent/",
    "lesson": "/en/consent/yes-no-and-pressure/",
    "lesson-easy-read": "/en/consent/yes-no-and-pressure/easy-read/",
    "teacher-guide": "/en/consent/yes-no-and-pressure/teacher-guide/",
    "teacher-hub": "/en/teachers/",
    "petition": "/en/petition/",
    "quiz": "/en/consent/yes-no-and-pressure/quiz/",
    "quiz-easy-read": "/en/consent/yes-no-and-pressure/quiz/easy-read/",
    "lesson-finder": "/en/lessons/?age=12-14",
    "content": "/en/help/",
    "staff-protocol": "/en/when-an-image-is-shared/",
    "parents": "/en/parents/",
    "search": "/en/search/?q=consent",
    "not-found": "/en/no-such-page/",
}


class AxeModerateFinding(UserWarning):
    """A moderate or minor axe-core finding: listed in the test output, not a failure."""


def axe_violations(page):
    # Judged from the top of the page: scrolled, the sticky help bar covers the
    # header's controls and axe would count them as too small to tap.
    page.evaluate("window.scrollTo(0, 0)")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations'], "
        "runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
    )
    return result["violations"]


def describe(violation):
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    return f"[{violation['impact']}] {violation['id']}: {violation['help']} ({targets})"


def assert_no_serious_axe_violations(page):
    violations = axe_violations(page)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    for violation in violations:
        if violation not in serious:
            warnings.warn(AxeModerateFinding(f"{page.url}: {describe(violation)}"), stacklevel=2)
    assert serious == [], f"{page.url}:\n" + "\n".join(describe(v) for v in serious)


def has_visible_focus(page):
    """The focused element shows a focus indicator (an outline or a ring)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            const ring = style.boxShadow && style.boxShadow !== 'none';
            return outline || ring;
        }"""
    )


def answer_visible_questions(page):
    """Choose the first answer of every question the page shows."""
    for fieldset in page.locator("fieldset.question:visible").all():
        fieldset.locator("input").first.check()
