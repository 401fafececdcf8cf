"""The teacher hub: every guide, by age band, module and language, in a fixed number of queries."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page

from ..forms import GuideFilterForm
from .curriculum import LessonPage, ModulePage
from .guides import TeacherGuidePage


class TeacherHubPage(Page):
    """Every teacher guide, filterable by age band, module and language."""

    cacheable = True

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("teacher hub")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.guides_for(request.GET))
        return context

    def guides_for(self, params):
        """The form and the guides it selects."""
        modules = list(ModulePage.objects.live().public().filter(locale=self.locale).order_by("path"))
        language_names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        used_languages = TeacherGuidePage.objects.live().public().values_list("locale__language_code", flat=True).distinct()
        languages = [(code, language_names.get(code, code)) for code in sorted(set(used_languages))]
        form = GuideFilterForm(params or None, modules=modules, languages=languages)

        lessons = LessonPage.objects.live().public()
        guides = TeacherGuidePage.objects.live().public().select_related("locale")
        if form.is_bound and not form.is_valid():
            form.describe_errors()
            return {"form": form, "guides": []}
        data = form.cleaned_data if form.is_bound else {}
        lessons = form.filter_by_age(lessons) if form.is_bound else lessons
        if data.get("language"):
            locale = Locale.objects.filter(language_code=data["language"]).first()
            lessons, guides = lessons.filter(locale=locale), guides.filter(locale=locale)
        if data.get("module"):
            # The chosen module in every language: translations share a translation key.
            paths = ModulePage.objects.filter(translation_key=data["module"]).values_list("path", flat=True)
            within = Q()
            for module_path in paths:
                within |= Q(path__startswith=module_path)
            lessons = lessons.filter(within) if paths else lessons.none()

        lesson_by_path = {lesson.path: lesson for lesson in lessons.only("path", "title", "age_min", "age_max", "slug")}
        module_by_path = {module.path: module for module in ModulePage.objects.live().only("path", "title")}
        steplen = TeacherGuidePage.steplen
        listed = []
        for guide in guides.order_by("locale__language_code", "path"):
            lesson = lesson_by_path.get(guide.path[:-steplen])
            if lesson:
                guide.lesson_for_listing = lesson
                guide.module_for_listing = module_by_path.get(guide.path[: -2 * steplen])
                listed.append(guide)
        return {"form": form, "guides": listed}
