"""What every page of one site and language shows around its content: the home link,
the menu, the footer links, the helplines, the reporting routes and the quick exit.

It is the same for every page, so it is read from the database once per publish and
language and kept in the shared cache under the page-cache generation (a publish, a
changed helpline or setting starts a new one, cms.wagtail_hooks), then once per
request from there. A page that is not in the page cache still pays nothing for it.

When the database is down or the Host is not ours (the 500, 503 and 400 pages), the
chrome still renders: no menu, and the helpline from Django settings.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from . import page_cache
from .routing import site_for_request
from .models import Helpline, ReportingRoute, SafeguardingSettings, fallback_helpline

logger = logging.getLogger(__name__)


@dataclass
class Chrome:
    home: Page | None = None
    menu: list = field(default_factory=list)
    footer: list = field(default_factory=list)
    helplines: list = field(default_factory=list)
    reporting_routes: list = field(default_factory=list)
    quick_exit_url: str = SafeguardingSettings._meta.get_field("quick_exit_url").default
    help_page_url: str = ""


def _for_locale(model, locale):
    rows = list(model.objects.filter(locale=locale))
    if not rows and locale != Locale.get_default():
        rows = list(model.objects.filter(locale=Locale.get_default()))
    return rows


def _build(site, language_code):
    """Everything from the database; without a site (a PDF, made without a request) only
    the helplines and routes, which do not depend on one."""
    locale = Locale.objects.filter(language_code=language_code).first() or Locale.get_default()
    chrome = Chrome(helplines=_for_locale(Helpline, locale), reporting_routes=_for_locale(ReportingRoute, locale))
    if site is None:
        return chrome
    chrome.home = site.root_page.get_translation_or_none(locale) or site.root_page
    children = list(chrome.home.get_children().live().public().order_by("path"))
    chrome.menu = [page for page in children if page.show_in_menus]
    chrome.footer = [page for page in children if not page.show_in_menus]
    settings = SafeguardingSettings.for_site(site)
    chrome.quick_exit_url = settings.quick_exit_url
    help_page = settings.help_page.get_translation_or_none(locale) if settings.help_page_id else None
    help_page = help_page or settings.help_page
    chrome.help_page_url = help_page.get_url() if help_page and help_page.live else ""
    return chrome


def for_request(request):
    """The chrome for this request's site and language (for no request: the helplines of the
    active language), read at most once per request."""
    if request is not None and hasattr(request, "_chrome"):
        return request._chrome
    try:
        site = site_for_request(request) if request is not None else None
        language = get_language()
        chrome = page_cache.for_generation(f"chrome:{site.pk if site else 'none'}:{language}",
                                           lambda: _build(site, language))
    except (DatabaseError, DisallowedHost):
        # The 500 page must still show help when the database is the problem, the 400 page for a bad Host too.
        logger.exception("The site's menus and helplines could not be read")
        chrome = Chrome(helplines=[fallback_helpline()])
    if request is not None:
        request._chrome = chrome
    return chrome
