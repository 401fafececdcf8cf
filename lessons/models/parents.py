"""The page for parents and carers: what the lessons teach, how to talk about it at
home, what to do if it happens to their child, and every lesson's parent letter."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentBodyBlock

from .curriculum import LessonPage, ModulePage
from .guides import TeacherGuidePage


class ParentsPage(Page):
    """Written by editors (the body); the parent letters of every lesson are added from the
    lessons' teacher guides, so a letter is written once, in the guide."""

    cacheable = True

    intro = models.TextField(_("introduction"), max_length=500)
    body = StreamField(ContentBodyBlock(), verbose_name=_("body"))

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("page for parents")

    def letters_by_module(self):
        """[(module, [(lesson, guide)])] of this language, in the site's order: three queries."""
        modules = list(ModulePage.objects.live().public().filter(locale=self.locale).order_by("path"))
        lessons = list(LessonPage.objects.live().public().filter(locale=self.locale).order_by("path")
                       .only("path", "title", "slug", "age_min", "age_max", "url_path", "locale"))
        guides = {guide.path[:-TeacherGuidePage.steplen]: guide for guide in
                  TeacherGuidePage.objects.live().public().filter(locale=self.locale).only("path", "parent_letter")}
        return [
            (module, [(lesson, guides[lesson.path]) for lesson in lessons
                      if lesson.path.startswith(module.path) and lesson.path in guides
                      and guides[lesson.path].parent_letter])
            for module in modules
        ]

    def get_context(self, request, *args, **kwargs):
        return super().get_context(request, *args, **kwargs) | {"letters_by_module": self.letters_by_module()}
