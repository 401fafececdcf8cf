"""A sitemap of every language's pages, each with its translations as hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        within = Q()
        for home in homes:
            within |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(within).live().public().order_by("path")
            .select_related("locale").defer_streamfields().specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for item in items:
            translations[item.translation_key].append(item)
        urls = []
        for item in items:
            alternates = [
                {"lang_code": other.locale.language_code, "location": other.get_full_url(self.request)}
                for other in translations[item.translation_key]
            ]
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates if len(alternates) > 1 else []})
        return urls
