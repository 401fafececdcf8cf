"""The site-wide demo content: the home page, the helplines and reporting routes
of each language, and the plain pages (help, about, privacy)."""

import uuid

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from cms.html import clean_rich_text
from cms.models import ContentPage, Helpline, HomePage, ReportingRoute, SafeguardingSettings

from .loader import CONTENT_DIR, DemoContext, child_page, read_toml, stream_data


def _wagtail_basics():
    """What Wagtail's migrations create, made again if the database was emptied
    since (``manage.py flush``, or a browser test's clean-up)."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


def _home_page():
    _wagtail_basics()
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home:
        return home, False
    root = Page.get_first_root_node()
    content = read_toml(CONTENT_DIR / "pages.toml")["home"]
    # Wagtail's "Welcome" page occupies the slug a fresh install gives its home.
    for welcome in root.get_children().exact_type(Page).filter(numchild=0):
        welcome.delete()
    home = HomePage(
        title=content["title"],
        heading=content["heading"],
        intro=content["intro"],
        body=clean_rich_text(content["body"]),
        slug="home",
        locale=locale,
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Upstander"
    site.save()
    return home, True


def _safeguarding_items(model, entries, fields):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    created = 0
    for entry in entries:
        translation_key = uuid.uuid5(uuid.NAMESPACE_URL, f"upstander:{model.__name__}:{entry['key']}")
        for code, locale in locales.items():
            if code not in entry:
                continue
            if model.objects.filter(translation_key=translation_key, locale=locale).exists():
                continue
            shared = {name: entry[name] for name in fields if name in entry}
            model.objects.create(
                translation_key=translation_key,
                locale=locale,
                sort_order=entries.index(entry),
                **shared,
                **entry[code],
            )
            created += 1
    return created


def load():
    """Build the home page, the safeguarding data and the plain pages; returns the context the rest shares."""
    home, created = _home_page()
    context = DemoContext(home=home)
    if created:
        context.note("home page")

    safeguarding = read_toml(CONTENT_DIR / "safeguarding.toml")
    helplines = _safeguarding_items(
        Helpline, safeguarding["helplines"], ("number", "link", "show_in_help_button", "is_emergency", "purpose")
    )
    routes = _safeguarding_items(ReportingRoute, safeguarding["routes"], ("audience", "link"))
    if helplines or routes:
        context.note(f"{helplines} helplines, {routes} reporting routes")

    pages = read_toml(CONTENT_DIR / "pages.toml")["pages"]
    for content in pages:
        page, created = child_page(
            home,
            ContentPage,
            content["slug"],
            title=content["title"],
            intro=content.get("intro", ""),
            search_description=content.get("intro", ""),
            body=stream_data(content["body"], "page", content["slug"], "body"),
            show_in_menus=content["slug"] == "help",
        )
        if created:
            context.note(f"page “{page.title}”")

    site = Site.objects.get(root_page=home)
    settings = SafeguardingSettings.for_site(site)
    if settings.help_page_id is None:
        settings.help_page = home.get_children().get(slug="help")
        settings.save()
    return context
