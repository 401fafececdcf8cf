from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.models import CheckAgainBy
from cms.html import headings_in
from guardrails.forms import ContentCheckedPageForm
from guardrails.models import JustifiedContent
from quizzes.models import QuizPage

from ..age_bands import AGE_BANDS, AGE_LIMIT_MAX, AGE_LIMIT_MIN
from ..blocks import EasyReadBodyBlock, LessonBodyBlock
from ..panels import ReadabilityPanel
from ..forms import AgeAndModuleFilterForm, LessonFinderForm, tags_used_by
from .guides import TeacherGuidePage
from .pdfs import serve_module_pdf, serve_pictogram_cards


class ModulePageTag(TaggedItemBase):
    content_object = ParentalKey("lessons.ModulePage", related_name="tagged_items", on_delete=models.CASCADE)


class LessonPageTag(TaggedItemBase):
    content_object = ParentalKey("lessons.LessonPage", related_name="tagged_items", on_delete=models.CASCADE)


class ModulePageForm(WagtailAdminPageForm):
    """A module cannot be published without a petition to point to."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation or cleaned_data.get("petition"):
            return cleaned_data
        from petitions.models import PetitionSettings

        site = self.parent_page.get_site() if self.parent_page else None
        if site is None or PetitionSettings.for_site(site).default_petition_id is None:
            self.add_error(
                "petition",
                _("Every module points to a petition. Choose one here, or set a default petition in "
                  "Settings › Petition settings, then publish."),
            )
        return cleaned_data


class ModulePage(RoutablePageMixin, Page):
    """A theme of the curriculum ("Consent"), holding lessons for several ages."""

    cacheable = True

    intro = models.TextField(_("introduction"), max_length=400)
    illustration = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("illustration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    illustration_alt = models.CharField(
        _("illustration text alternative"),
        max_length=250,
        blank=True,
        help_text=_("Describe the illustration. Required when there is one."),
    )
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES, blank=True)
    tags = ClusterTaggableManager(through=ModulePageTag, blank=True, verbose_name=_("topics"))
    petition = models.ForeignKey(
        "petitions.PetitionPage",
        verbose_name=_("petition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The petition this module's call to action points to. Empty: the default petition from Settings."),
    )
    evaluation = models.ForeignKey(
        "lessons.ModuleEvaluation",
        verbose_name=_("evaluation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The anonymous before/after survey a teacher may add when running one of its lessons live."),
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["lessons.LessonPage"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("illustration"), FieldPanel("illustration_alt")],
            heading=_("Illustration"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("petition"),
        FieldPanel("evaluation"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    base_form_class = ModulePageForm

    class Meta:
        verbose_name = _("module")

    def clean(self):
        super().clean()
        if self.illustration_id and not self.illustration_alt.strip():
            raise ValidationError({"illustration_alt": _("Describe the illustration for people who cannot see it.")})

    def lessons(self):
        return LessonPage.objects.child_of(self).live().public().for_listing()

    @path("")
    def index(self, request):
        return self.render(request)

    @path("teacher-guides/pdf/", name="guides_pdf")
    def guides_pdf(self, request):
        return serve_module_pdf(request, self, list(self.teacher_guides().specific()))

    def teacher_guides(self):
        return TeacherGuidePage.objects.live().public().descendant_of(self).order_by("path")

    def has_guides(self):
        return self.teacher_guides().exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = AgeAndModuleFilterForm(request.GET)
        context.update(lessons=form.filter_by_age(self.lessons()), age_bands=AGE_BANDS, selected_band=form.band)
        return context


class LessonPageForm(ContentCheckedPageForm):
    """Publishing rules a lesson's safety depends on (drafts may be unfinished)."""

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        if not self.is_deferred_validation and body is not None:
            if not any(block.block_type == "help" for block in body):
                self.add_error(
                    "body",
                    _("Every lesson needs at least one “Get help” box, at the start and at the end "
                      "(content guide, rule 7: help in every lesson)."),
                )
        return cleaned_data


class LessonPageQuerySet(PageQuerySet):
    def for_listing(self):
        """What a lesson card needs, in a fixed number of queries."""
        return self.prefetch_related("tags").order_by("path")


class LessonPage(RoutablePageMixin, JustifiedContent, CheckAgainBy, Page):
    """One classroom lesson for a stated age range."""

    cacheable = True
    routes_kept_across_languages = ("easy-read/",)

    intro = models.TextField(
        _("introduction"), max_length=400, help_text=_("What the lesson is about, in one or two sentences.")
    )
    age_min = models.PositiveSmallIntegerField(
        _("youngest age"),
        validators=[MinValueValidator(AGE_LIMIT_MIN), MaxValueValidator(AGE_LIMIT_MAX)],
        help_text=_("In whole years, from 8 to 18."),
    )
    age_max = models.PositiveSmallIntegerField(
        _("oldest age"),
        validators=[MinValueValidator(AGE_LIMIT_MIN), MaxValueValidator(AGE_LIMIT_MAX)],
        help_text=_("In whole years, from 8 to 18; read like the age bands (12-14 is for 12- and 13-year-olds)."),
    )
    duration = models.PositiveSmallIntegerField(
        _("duration in minutes"), validators=[MinValueValidator(10), MaxValueValidator(120)]
    )
    content_note = models.TextField(
        _("content note"),
        max_length=500,
        help_text=_("Shown before the lesson: what it touches on, so pupils and teachers can prepare."),
    )
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=200, label=_("Objective"), icon="tick"))],
        min_num=1,
        verbose_name=_("learning objectives"),
        help_text=_("What pupils will be able to do, each starting with a verb."),
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"))
    easy_read = StreamField(
        EasyReadBodyBlock(),
        blank=True,
        verbose_name=_("easy-read version"),
        help_text=_("The lesson in short sentences, one idea a line, with pictograms: for pupils in special-needs "
                    "education, newcomers learning the language and anyone who reads with effort."),
    )
    tags = ClusterTaggableManager(through=LessonPageTag, blank=True, verbose_name=_("themes"))

    parent_page_types = ["lessons.ModulePage"]
    subpage_types = ["quizzes.QuizPage", "lessons.TeacherGuidePage"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max"), FieldPanel("duration")]),
                FieldPanel("content_note"),
                FieldPanel("learning_objectives"),
                FieldPanel("tags"),
                FieldPanel("review_by"),
            ],
            heading=_("For whom, and why"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("easy_read"), ReadabilityPanel()],
            heading=_("Easy-read version"),
            classname="collapsed",
        ),
        FieldPanel("safeguarding_justification"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("content_note"),
        index.FilterField("age_min"),
        index.FilterField("age_max"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    objects = PageManager.from_queryset(LessonPageQuerySet)()
    base_form_class = LessonPageForm

    class Meta:
        verbose_name = _("lesson")

    @property
    def age_range(self):
        return f"{self.age_min}-{self.age_max}"

    @property
    def age_bands(self):
        return [band for band in AGE_BANDS if band.fits(self.age_min, self.age_max)]

    def clean(self):
        super().clean()
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError(
                {"age_max": _("The oldest age must be the same as or above the youngest age (%(age_min)s).")
                 % {"age_min": self.age_min}}
            )

    def _presented_questions(self, block):
        """For a "quiz questions here" step: the quiz and its questions (classroom's template tag adds
        the teacher's live session, when one runs)."""
        if block is None or block.block_type != "quiz_questions" or self.quiz() is None:
            return {}
        quiz = self.quiz()
        chosen = list(quiz.question_blocks.values())[block.value["first"] - 1:block.value["last"]]
        questions = [
            (number, child, child.block.answer_options(child.value))
            for number, child in enumerate(chosen, start=block.value["first"])
        ]
        return {"presenting": True, "questions": questions, "quiz": quiz}

    def section_headings(self):
        """The headings a quiz question can point back to: text headings and scenario titles."""
        headings = []
        for block in self.body:
            if block.block_type == "text":
                headings += headings_in(block.value.source)
            elif block.block_type == "scenario":
                headings.append(block.value["title"])
        return headings

    def key_messages(self):
        return [block.value["text"] for block in self.body if block.block_type == "key_message"]

    def next_lesson(self):
        siblings = LessonPage.objects.sibling_of(self, inclusive=False).live().public()
        return siblings.filter(path__gt=self.path).order_by("path").first()

    def quiz(self):
        return QuizPage.objects.child_of(self).live().public().first()

    def guide(self):
        return TeacherGuidePage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            module=self.get_parent().specific, next_lesson=self.next_lesson(), quiz=self.quiz(), guide=self.guide()
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @property
    def has_easy_read(self):
        return bool(self.easy_read)

    def easy_read_full_url(self):
        return self.full_url + self.reverse_subpage("easy_read")

    def pictogram_cards_full_url(self):
        return self.full_url + self.reverse_subpage("pictogram_cards")

    def easy_read_pictograms(self):
        return EasyReadBodyBlock.pictogram_names(self.easy_read)

    @path("easy-read/", name="easy_read")
    def easy_read_version(self, request):
        if not self.easy_read:
            raise Http404
        return self.render(request, template="lessons/lesson_easy_read.html")

    @path("pictogram-cards/pdf/", name="pictogram_cards")
    def pictogram_cards(self, request):
        """The pictograms of the easy-read version as cards to print and cut out."""
        if not self.easy_read:
            raise Http404
        return serve_pictogram_cards(request, self)

    @path("present/", name="present")
    def present(self, request):
        """Presenter mode: one step of the lesson at a time, in large type, for the projector."""
        steps = list(self.body)
        try:
            step = int(request.GET.get("step", 0))
        except ValueError:
            step = 0
        step = max(0, min(step, len(steps)))  # 0 is the title slide
        block = steps[step - 1] if step else None
        return self.render(
            request,
            template="lessons/lesson_present.html",
            context_overrides={
                "step": step,
                "block": block,
                **self._presented_questions(block),
                "total": len(steps),
                "previous_step": step - 1 if step > 0 else None,
                "next_step": step + 1 if step < len(steps) else None,
            },
        )



class LessonFinderPage(Page):
    """The site-wide lesson finder: every lesson of this language, filtered by
    age band, module and theme."""

    cacheable = True

    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    results_per_page = 12

    class Meta:
        verbose_name = _("lesson finder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(ModulePage.objects.live().public().filter(locale=self.locale).order_by("path"))
        all_lessons = LessonPage.objects.live().public().filter(locale=self.locale)
        form = LessonFinderForm(
            request.GET or None, modules=modules, tags=tags_used_by(all_lessons)
        )
        lessons = form.filter(all_lessons.for_listing()) if request.GET else all_lessons.for_listing()
        form.describe_errors()
        page_of_lessons = Paginator(lessons, self.results_per_page).get_page(request.GET.get("page"))
        module_for_path = {module.path: module for module in modules}
        for lesson in page_of_lessons:
            lesson.module = module_for_path.get(lesson.path[: -self.steplen])
        context.update(form=form, lessons=page_of_lessons)
        return context
