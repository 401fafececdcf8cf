from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import readability
from .models import GuideDownloadCount, ModulePage, TeacherGuidePage


def guide_downloads(request):
    """Anonymous download counts: per guide, and per module pack."""
    counts = dict(GuideDownloadCount.objects.values_list("page_id", "count"))
    guides = TeacherGuidePage.objects.select_related("locale").order_by("locale__language_code", "path")
    modules = ModulePage.objects.select_related("locale").order_by("locale__language_code", "path")
    rows = [(guide, _("Guide"), counts.get(guide.pk, 0)) for guide in guides]
    rows += [(module, _("Module pack"), counts.get(module.pk, 0)) for module in modules]
    return render(request, "lessons/admin/guide_downloads.html", {"rows": rows, "page_title": _("Guide downloads")})


MAX_READABILITY_TEXTS = 400
MAX_READABILITY_TEXT_LENGTH = 2000


def readability_check(request):
    """The readability panel's result for the easy-read lines the editor is writing (sent by readability.js)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    texts = request.POST.getlist("text")[:MAX_READABILITY_TEXTS]
    language = request.POST.get("language", "")
    if language not in readability.LIMITS:
        return HttpResponseBadRequest(_("Unknown language."))
    result = readability.measure((text[:MAX_READABILITY_TEXT_LENGTH] for text in texts), language)
    return render(request, "lessons/admin/readability_result.html", {"readability": result})
