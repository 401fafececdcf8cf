"""A protocol for staff: what to do, step by step, when something has happened at
school (the demo's: an intimate image of a pupil is being shared)."""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import pdf
from cms.blocks import RICH_TEXT_FEATURES, every_helpline_box
from cms.models import CheckAgainBy

from .blocks import ProtocolStepsBlock

PDF_STYLESHEET = "protocols/css/protocol-pdf.css"
PDF_KEPT_FOR = 24 * 60 * 60  # a made PDF is kept by the fingerprint of its HTML: any change makes a new one


@dataclass(frozen=True)
class Answer:
    label: str
    next_key: str
    next_number: int
    next_title: str


@dataclass(frozen=True)
class DecisionStep:
    number: int
    value: dict
    answers: list

    @property
    def key(self):
        return self.value["key"]

    @property
    def is_end(self):
        return not self.answers


class ProtocolPage(RoutablePageMixin, CheckAgainBy, Page):
    """A decision path for staff under stress: what to do in the first minutes, then
    questions whose answers lead to the next step, each path ending with what to do
    and whom to call. Works as plain links (no JavaScript) and prints as a one-page
    flowchart and a full PDF."""

    cacheable = True

    intro = models.TextField(_("introduction"), max_length=500)
    right_now = RichTextField(
        _("in the first minutes"), features=RICH_TEXT_FEATURES,
        help_text=_("The few things to do, and not do, straight away: a short list a reader takes in at a glance."),
    )
    steps = StreamField(ProtocolStepsBlock(), verbose_name=_("steps"),
                        help_text=_("The first step is where the reader starts."))

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("right_now"), FieldPanel("steps"), FieldPanel("review_by"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("steps")]

    class Meta:
        verbose_name = _("staff protocol")

    def step_graph(self):
        return ProtocolStepsBlock.graph(self.steps)

    def first_step(self):
        return self.steps[0].value if self.steps else None

    def titles_by_key(self):
        return {child.value["key"]: child.value["title"] for child in self.steps}

    def decision_steps(self):
        """Each step, numbered in the order the editor wrote them, with its answers'
        targets resolved: what the page, the flowchart and the full PDF show."""
        numbers = {child.value["key"]: number for number, child in enumerate(self.steps, start=1)}
        titles = self.titles_by_key()
        return [
            DecisionStep(
                number=numbers[child.value["key"]], value=child.value,
                answers=[Answer(answer["label"], answer["next_step"], numbers.get(answer["next_step"]),
                                titles.get(answer["next_step"], "")) for answer in child.value["answers"]],
            )
            for child in self.steps
        ]

    def get_context(self, request, *args, **kwargs):
        return super().get_context(request, *args, **kwargs) | {"helplines_box": every_helpline_box()}

    # --- the printable versions -------------------------------------------------

    def pdf_html(self, flowchart=False):
        with translation.override(self.locale.language_code):
            return render_to_string(
                "protocols/pdf/flowchart.html" if flowchart else "protocols/pdf/protocol.html",
                {"page": self, "LANGUAGE_CODE": self.locale.language_code, "helplines_box": every_helpline_box(),
                 "title": self.title},
            )

    def pdf_bytes(self, flowchart=False):
        html = self.pdf_html(flowchart)
        key = "protocol-pdf:" + hashlib.sha256((html + pdf.static_bytes(PDF_STYLESHEET).decode()).encode()).hexdigest()
        content = cache.get(key)
        if content is None:
            content = pdf.render_pdf(html, PDF_STYLESHEET)
            cache.set(key, content, PDF_KEPT_FOR)
        return content

    def pdf_filename(self, flowchart=False):
        kind = "flowchart" if flowchart else "protocol"
        return f"upstander-{self.slug}-{kind}-{self.locale.language_code}.pdf"

    def _pdf_response(self, flowchart):
        response = HttpResponse(self.pdf_bytes(flowchart), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.pdf_filename(flowchart)}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @path("")
    def index(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def full_pdf(self, request):
        return self._pdf_response(flowchart=False)

    @path("flowchart/pdf/", name="flowchart_pdf")
    def flowchart_pdf(self, request):
        return self._pdf_response(flowchart=True)
