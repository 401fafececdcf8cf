from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, ContentBodyBlock


class HomePage(Page):

    cacheable = True
    heading = models.CharField(_("heading"), max_length=120, blank=True)
    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "lessons.ModulePage",
        "lessons.LessonFinderPage",
        "lessons.TeacherHubPage",
        "lessons.ParentsPage",
        "petitions.PetitionPage",
        "protocols.ProtocolPage",
        "cms.ContentPage",
    ]

    content_panels = Page.content_panels + [
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")


class ContentPage(Page):
    """A plain page: help, about, privacy notice."""

    cacheable = True

    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    body = StreamField(ContentBodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("content page")


class CheckAgainBy(models.Model):
    """A date by which an editor checks the content again: laws, numbers and services change.
    Every model with it shows in Reports › Overdue for a check (guardrails) once the date passes."""

    review_by = models.DateField(
        _("check again by"), null=True, blank=True,
        help_text=_("When to check this again (laws, numbers and services change). "
                    "The overdue report lists it after this date."),
    )

    class Meta:
        abstract = True


class SafeguardingItem(CheckAgainBy, TranslatableMixin, models.Model):
    """Common shape of the per-language safeguarding entries editors keep up to date."""

    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("what it is for"), max_length=250, blank=True)
    link = models.URLField(_("web address"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name


class Helpline(SafeguardingItem):
    """A helpline for one language: 116 000 in every Belgian language, Awel 102 in Dutch...

    Its purpose says where it is shown (CONTENT_GUIDE rule 7): lines for young
    people in the help button and every help box; suicide-prevention lines on
    the help page, in every teacher guide and beside the campaign's origin;
    lines that advise adults about a child in the teacher guides."""

    class Purpose(models.TextChoices):
        YOUNG_PEOPLE = "young_people", _("For young people: the help button, every help box and the guides")
        SUICIDE_PREVENTION = "suicide_prevention", _(
            "Suicide prevention: the help page, the teacher guides and beside the campaign's story"
        )
        ADULTS = "adults", _("Advice for adults worried about a child: the teacher guides")

    number = models.CharField(
        _("phone number"), max_length=30, help_text=_("As people dial it, e.g. “116 000”.")
    )
    hours = models.CharField(_("opening hours"), max_length=100, blank=True)
    show_in_help_button = models.BooleanField(
        _("show in the help button"),
        default=False,
        help_text=_("The help button on every page shows the first helpline marked here."),
    )
    is_emergency = models.BooleanField(
        _("emergency number"), default=False, help_text=_("For immediate danger, e.g. 112.")
    )
    purpose = models.CharField(
        _("where it is shown"), max_length=20, choices=Purpose.choices, default=Purpose.YOUNG_PEOPLE
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("purpose"),
        FieldPanel("number"),
        FieldPanel("hours"),
        FieldPanel("description"),
        FieldPanel("link"),
        FieldPanel("show_in_help_button"),
        FieldPanel("is_emergency"),
        FieldPanel("sort_order"),
        FieldPanel("review_by"),
    ]

    class Meta(SafeguardingItem.Meta):
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")

    @property
    def tel_uri(self):
        digits = "".join(ch for ch in self.number if ch.isdigit() or ch == "+")
        return f"tel:{digits}"

    def __str__(self):
        return f"{self.name} ({self.number})"


class ReportingRoute(SafeguardingItem):
    """A way to report content or have an image removed (the platform, Take It Down, StopNCII, the police)."""

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        UNDER_18 = "under_18", _("Images taken before 18")
        ADULTS = "adults", _("Adults (18 and over)")

    audience = models.CharField(
        _("for whom"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("audience"),
        FieldPanel("description"),
        FieldPanel("link"),
        FieldPanel("sort_order"),
        FieldPanel("review_by"),
    ]

    class Meta(SafeguardingItem.Meta):
        verbose_name = _("reporting or removal route")
        verbose_name_plural = _("reporting and removal routes")


@register_setting(icon="warning")
class SafeguardingSettings(BaseSiteSetting):
    quick_exit_url = models.URLField(
        _("quick exit address"),
        default="https://www.google.com/",
        help_text=_(
            "The everyday website the quick-exit button leads to. Choose one that looks "
            "ordinary on a shared screen."
        ),
    )

    help_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("help page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the help button leads to; each language shows its own translation."),
    )

    panels = [
        HelpPanel(
            content=_(
                "Helplines and reporting routes are kept per language under "
                "Safeguarding in the menu."
            )
        ),
        FieldPanel("quick_exit_url"),
        FieldPanel("help_page"),
    ]

    class Meta:
        verbose_name = _("safeguarding settings")

    def clean(self):
        super().clean()
        if not self.quick_exit_url.startswith("https://"):
            raise ValidationError({"quick_exit_url": _("Use an https:// address.")})


def fallback_helpline():
    """The helpline from Django settings, used when the database cannot answer."""
    return Helpline(**settings.UPSTANDER_FALLBACK_HELPLINE, show_in_help_button=True)
