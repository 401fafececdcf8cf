"""HTTP helpers every app uses: a redirect that only goes to this site's own
paths, and telling a database outage from a query the database refused."""

from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def is_local_path(target):
    """True for a path on this site ("/en/petition/"), never for another host, a scheme or a bare word."""
    return (
        isinstance(target, str)
        and target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(target, allowed_hosts=set())
    )


def safe_redirect(target, fallback):
    """Redirect to target when it is a path on this site, otherwise to fallback.
    Never resolves the target as a URL name (redirect("NaN") would raise)."""
    return HttpResponseRedirect(target if is_local_path(target) else fallback)


def database_is_reachable():
    """True when the database answers a trivial query: an error was about the
    query (a search syntax error, a bad value), not an outage."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False
