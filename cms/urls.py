from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.urls import serve_pattern
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import routing, views
from .sitemaps import MultilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("language/<str:language_code>/", views.choose_language, name="choose_language"),
    path("", include("classroom.short_urls")),
    path("", views.root_redirect, name="root"),
]

if settings.UPSTANDER_SERVE_MEDIA:
    # Development and tests only: production serves media from its storage or proxy.
    urlpatterns += [
        re_path(
            r"^%s(?P<path>.*)$" % settings.MEDIA_URL.lstrip("/"),
            serve_static_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("campaign-box/", include("petitions.urls")),
    path("class/", include("classroom.urls")),
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),  # before Wagtail's own, which it wraps
    path("", include(wagtail_urls)),
)
