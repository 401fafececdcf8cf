from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

AUDITED_ACTIONS = ("wagtail.workflow.approve", "wagtail.workflow.reject", "wagtail.publish", "wagtail.unpublish")
SHOWN = 200


def approvals(request):
    """Who approved, sent back, published or unpublished what, and when: from Wagtail's own audit log."""
    entries = (
        PageLogEntry.objects.filter(action__in=AUDITED_ACTIONS)
        .select_related("user", "page", "page__locale")
        .order_by("-timestamp")[:SHOWN]
    )
    return render(request, "guardrails/approvals.html", {"entries": entries, "page_title": _("Approvals and publishing")})
