from django.shortcuts import render
from django.utils.translation import gettext as _

from .models import GuideDownloadCount, ModulePage, TeacherGuidePage


def guide_downloads(request):
    """Anonymous download counts: per guide, and per module pack."""
    counts = dict(GuideDownloadCount.objects.values_list("page_id", "count"))
    guides = TeacherGuidePage.objects.select_related("locale").order_by("locale__language_code", "path")
    modules = ModulePage.objects.select_related("locale").order_by("locale__language_code", "path")
    rows = [(guide, _("Guide"), counts.get(guide.pk, 0)) for guide in guides]
    rows += [(module, _("Module pack"), counts.get(module.pk, 0)) for module in modules]
    return render(request, "lessons/admin/guide_downloads.html", {"rows": rows, "page_title": _("Guide downloads")})
