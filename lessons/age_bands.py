"""Age bands, following Belgian school stages.

A band "10-12" means pupils from their 10th birthday until their 12th, so the
bands do not overlap: a 12-year-old is in 12-14. A lesson's "age_min-age_max"
is read the same way; a lesson with age_min == age_max fits that one age.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

AGE_LIMIT_MIN = 8
AGE_LIMIT_MAX = 18


@dataclass(frozen=True)
class AgeBand:
    start: int
    end: int
    stage: str

    @property
    def slug(self):
        return f"{self.start}-{self.end}"

    @property
    def label(self):
        return format_lazy("{} · {}", self.slug, self.stage)

    def lesson_filter(self, prefix=""):
        """A Q object matching lessons whose ages overlap this band."""
        age_min, age_max = f"{prefix}age_min", f"{prefix}age_max"
        return Q(**{f"{age_min}__lt": self.end}) & (
            Q(**{f"{age_max}__gt": self.start}) | Q(**{f"{age_min}__gte": self.start})
        )

    def fits(self, age_min, age_max):
        """The same rule as lesson_filter, for one lesson in memory."""
        return age_min < self.end and (age_max > self.start or age_min >= self.start)


AGE_BANDS = (
    AgeBand(10, 12, _("end of primary school")),
    AgeBand(12, 14, _("first stage of secondary")),
    AgeBand(14, 16, _("second stage of secondary")),
    AgeBand(16, 18, _("third stage of secondary")),
)


def age_band_from_slug(slug):
    return next((band for band in AGE_BANDS if band.slug == slug), None)


def age_band_choices():
    return [(band.slug, band.label) for band in AGE_BANDS]
