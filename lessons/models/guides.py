"""Teacher guides: a guide per lesson (its PDF is made by pdfs.py), and the shared disclosure card."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, every_helpline_box
from cms.models import CheckAgainBy
from guardrails.forms import ContentCheckedPageForm
from guardrails.models import JustifiedContent

from ..blocks import CurriculumLinkBlock, DiscussionPromptBlock, LessonPlanBlock
from .pdfs import serve_guide_pdf


class DisclosureCard(TranslatableMixin, models.Model):
    """What a teacher does when a pupil discloses: one card per language, shared by every guide."""

    title = models.CharField(_("title"), max_length=120)
    body = RichTextField(_("what to do"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("title"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("disclosure card")
        verbose_name_plural = _("disclosure cards")

    def __str__(self):
        return self.title


# A 50-minute period loses a few minutes to settling in: longer plans say what to drop.
SHORT_ON_TIME_FROM_MINUTES = 45


class TeacherGuidePageForm(ContentCheckedPageForm):
    def clean(self):
        cleaned_data = super().clean()
        plan = cleaned_data.get("lesson_plan")
        lesson = self.parent_page.specific if self.parent_page else None
        duration = getattr(lesson, "duration", None)
        if duration and duration >= SHORT_ON_TIME_FROM_MINUTES and not cleaned_data.get("short_on_time"):
            self.add_error(
                "short_on_time",
                _("A lesson of %(duration)s minutes rarely fits a real period: say which step to drop when time is short.")
                % {"duration": duration},
            )
        if plan is not None and duration:
            total = sum(step.value["minutes"] or 0 for step in plan)
            if total != duration:
                self.add_error(
                    "lesson_plan",
                    _("The steps add up to %(total)s minutes, but the lesson lasts %(duration)s. "
                      "Adjust the steps so they add up to %(duration)s.") % {"total": total, "duration": duration},
                )
        return cleaned_data


class TeacherGuidePage(RoutablePageMixin, JustifiedContent, CheckAgainBy, Page):
    """How to teach one lesson. The overview, objectives and answer key come
    from the lesson and its quiz; the helplines from the safeguarding settings."""

    cacheable = True

    preparation = RichTextField(_("preparation and materials"), features=RICH_TEXT_FEATURES)
    ground_rules = StreamField(
        [("rule", blocks.CharBlock(max_length=250, label=_("Ground rule"), icon="tick"))],
        min_num=1,
        verbose_name=_("ground rules to agree with the class"),
    )
    lesson_plan = StreamField(LessonPlanBlock(), verbose_name=_("timed lesson plan"))
    short_on_time = models.TextField(
        _("if you are short on time"), max_length=400, blank=True,
        help_text=_("Which step to drop or shorten when the period is shorter than the plan. "
                    "Required for lessons of 45 minutes or more."),
    )
    discussion_prompts = StreamField(
        [("prompt", DiscussionPromptBlock())], blank=True, verbose_name=_("discussion prompts")
    )
    more_support = RichTextField(_("for pupils who need more support"), features=RICH_TEXT_FEATURES, blank=True)
    more_challenge = RichTextField(_("for pupils who want more challenge"), features=RICH_TEXT_FEATURES, blank=True)
    special_needs = RichTextField(
        _("teaching it in special-needs education"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Smaller steps, the easy-read version, the pictogram cards, and what to watch for."),
    )
    disclosure_card = models.ForeignKey(
        DisclosureCard,
        verbose_name=_("disclosure card"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        help_text=_("What to do when a pupil tells you something has happened. Required."),
    )
    safeguarding_notes = RichTextField(
        _("safeguarding notes for this lesson"), features=RICH_TEXT_FEATURES, blank=True
    )
    law_note = RichTextField(
        _("the law, for teachers"), features=RICH_TEXT_FEATURES, blank=True,
        help_text=_("Name the law and its date, and what it protects; no penalty figures. "
                    "Article numbers change: set the “check again by” date."),
    )
    parent_letter = RichTextField(_("letter to parents and carers"), features=RICH_TEXT_FEATURES)
    worksheet_title = models.CharField(_("worksheet title"), max_length=120, blank=True)
    worksheet = RichTextField(
        _("pupil worksheet"), features=RICH_TEXT_FEATURES, blank=True,
        help_text=_("Optional: printed on its own page at the end of the PDF."),
    )
    curriculum_links = StreamField([("link", CurriculumLinkBlock())], blank=True, verbose_name=_("curriculum links"))

    parent_page_types = ["lessons.LessonPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    base_form_class = TeacherGuidePageForm

    content_panels = Page.content_panels + [
        FieldPanel("preparation"),
        FieldPanel("ground_rules"),
        FieldPanel("lesson_plan"),
        FieldPanel("short_on_time"),
        FieldPanel("discussion_prompts"),
        MultiFieldPanel(
            [FieldPanel("more_support"), FieldPanel("more_challenge"), FieldPanel("special_needs")],
            heading=_("Differentiation"),
        ),
        MultiFieldPanel([FieldPanel("disclosure_card"), FieldPanel("safeguarding_notes")], heading=_("Safeguarding")),
        MultiFieldPanel([FieldPanel("law_note"), FieldPanel("review_by")], heading=_("The law")),
        FieldPanel("parent_letter"),
        MultiFieldPanel([FieldPanel("worksheet_title"), FieldPanel("worksheet")], heading=_("Pupil worksheet")),
        FieldPanel("curriculum_links"),
        FieldPanel("safeguarding_justification"),
    ]
    search_fields = Page.search_fields + [index.SearchField("preparation")]

    class Meta:
        verbose_name = _("teacher guide")

    @cached_property
    def lesson(self):
        return self.get_parent().specific

    @cached_property
    def quiz(self):
        return self.lesson.quiz()

    @property
    def planned_minutes(self):
        return sum(step.value["minutes"] for step in self.lesson_plan)

    def answer_key(self):
        return self.quiz.answer_key() if self.quiz else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            lesson=self.lesson, answer_key=self.answer_key(), quiz=self.quiz, guide_help_box=every_helpline_box()
        )
        return context

    def pdf_filename(self):
        return f"upstander-{self.lesson.slug}-teacher-guide-{self.locale.language_code}.pdf"

    @path("pdf/", name="pdf")
    def download_pdf(self, request):
        return serve_guide_pdf(request, self)
