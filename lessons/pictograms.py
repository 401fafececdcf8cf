"""The pictograms of the easy-read lessons: ten recurring ideas, drawn here as
small SVGs so no page or PDF loads a picture from anywhere else.

A pictogram never stands alone: the page always writes the idea beside it
(the line of text it illustrates, or its label on a printed card), so the
drawing is hidden from screen readers. The drawings share one style: thick
dark strokes on a light tile, the way easy-read pictogram sets (Sclera,
ARASAAC) keep a shape readable at a glance and when printed in black.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

INK = "#1f2937"
TILE = "#eef6f4"
ACCENT = "#0f766e"
STOP_RED = "#b91c1c"


@dataclass(frozen=True)
class Pictogram:
    name: str
    label: Promise
    drawing: str  # SVG shapes inside a 64 x 64 view box

    def svg(self, size=48, css_class="pictogram"):
        """For a page, where the idea is written beside it: hidden from screen readers."""
        return format_html(
            '<svg class="{}" width="{}" height="{}" viewBox="0 0 64 64" aria-hidden="true" focusable="false">'
            '{}</svg>',
            css_class, size, size, self._tile(),
        )

    def figure_svg(self, size=160):
        """For a printed card (a PDF figure): titled, so the tagged PDF gives it its text alternative."""
        return format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="pictogram" width="{}" height="{}" viewBox="0 0 64 64" '
            'role="img"><title>{}</title>{}</svg>',
            size, size, self.label, self._tile(),
        )

    def _tile(self):
        return format_html(
            '<rect x="1" y="1" width="62" height="62" rx="12" fill="{}" stroke="{}" stroke-width="2"/>{}',
            TILE, ACCENT, mark_safe(self.drawing),
        )


_STROKE = f'fill="none" stroke="{INK}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"'

PICTOGRAMS = {
    pictogram.name: pictogram
    for pictogram in [
        Pictogram(
            "phone",
            _("Phone"),
            f'<rect x="21" y="9" width="22" height="46" rx="5" {_STROKE}/>'
            f'<line x1="29" y1="48" x2="35" y2="48" {_STROKE}/>',
        ),
        Pictogram(
            "picture",
            _("Picture"),
            f'<rect x="10" y="14" width="44" height="36" rx="4" {_STROKE}/>'
            f'<circle cx="22" cy="25" r="4" fill="{INK}"/>'
            f'<path d="M12 46 L26 33 L35 41 L42 35 L52 45" {_STROKE}/>',
        ),
        Pictogram(
            "stop",
            _("Stop"),
            f'<path d="M23 8 H41 L56 23 V41 L41 56 H23 L8 41 V23 Z" fill="{STOP_RED}"/>'
            f'<path d="M26 42 V26 M31 42 V22 M36 42 V23 M41 42 V28 M26 42 Q33 48 41 42" '
            f'fill="none" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>',
        ),
        Pictogram(
            "ask",
            _("Ask"),
            f'<path d="M12 14 H52 V42 H30 L20 52 V42 H12 Z" {_STROKE}/>'
            f'<path d="M27 23 Q27 18 32 18 Q37 18 37 23 Q37 27 32 29 V32" {_STROKE}/>'
            f'<circle cx="32" cy="37.5" r="2.5" fill="{INK}"/>',
        ),
        Pictogram(
            "trusted_adult",
            _("Trusted adult"),
            f'<circle cx="24" cy="15" r="6" {_STROKE}/><path d="M14 54 V32 Q14 25 24 25 Q34 25 34 32 V54" {_STROKE}/>'
            f'<circle cx="45" cy="30" r="5" {_STROKE}/><path d="M38 54 V44 Q38 38 45 38 Q52 38 52 44 V54" {_STROKE}/>'
            f'<path d="M34 34 L40 39" {_STROKE}/>',
        ),
        Pictogram(
            "helpline",
            _("Helpline"),
            f'<path d="M16 12 L24 12 L28 22 L23 26 Q27 35 36 40 L40 35 L50 39 L50 47 Q50 52 44 52 '
            f'Q14 48 12 18 Q12 12 16 12 Z" {_STROKE}/>'
            f'<path d="M38 12 Q50 14 52 26 M37 20 Q43 21 44 27" {_STROKE}/>',
        ),
        Pictogram(
            "report",
            _("Report"),
            f'<line x1="16" y1="8" x2="16" y2="56" {_STROKE}/>'
            f'<path d="M16 11 H46 L40 21 L46 31 H16" fill="{ACCENT}" stroke="{INK}" stroke-width="4" stroke-linejoin="round"/>',
        ),
        Pictogram(
            "group_chat",
            _("Group chat"),
            f'<path d="M8 12 H38 V32 H20 L12 39 V32 H8 Z" {_STROKE}/>'
            f'<path d="M26 38 H56 V54 H52 V60 L44 54 H26 Z" fill="{TILE}" stroke="{INK}" stroke-width="4" stroke-linejoin="round"/>'
            f'<circle cx="16" cy="22" r="2.5" fill="{INK}"/><circle cx="23" cy="22" r="2.5" fill="{INK}"/>'
            f'<circle cx="30" cy="22" r="2.5" fill="{INK}"/>',
        ),
        Pictogram(
            "delete",
            _("Delete"),
            f'<path d="M14 18 H50 M26 18 V12 H38 V18 M18 18 L21 54 H43 L46 18" {_STROKE}/>'
            f'<path d="M28 26 V46 M36 26 V46" {_STROKE}/>',
        ),
        Pictogram(
            "not_your_fault",
            _("Not your fault"),
            f'<path d="M32 52 Q10 38 10 24 Q10 13 20 13 Q28 13 32 21 Q36 13 44 13 Q54 13 54 24 Q54 38 32 52 Z" '
            f'fill="{ACCENT}" stroke="{INK}" stroke-width="4" stroke-linejoin="round"/>'
            f'<path d="M22 30 L29 37 L42 24" fill="none" stroke="#ffffff" stroke-width="4" stroke-linecap="round" '
            f'stroke-linejoin="round"/>',
        ),
    ]
}


def choices():
    return [(name, pictogram.label) for name, pictogram in PICTOGRAMS.items()]


def svg(name, size=48):
    pictogram = PICTOGRAMS.get(name)
    return pictogram.svg(size) if pictogram else ""
