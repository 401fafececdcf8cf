"""Rate limits, on django-ratelimit, kept only in the shared cache (Redis in
production, so they hold across app servers; nothing reaches the database).

A client is its connection's address (REMOTE_ADDR), unless the site says how
many reverse proxies in front add X-Forwarded-For (UPSTANDER_TRUSTED_PROXY_COUNT,
0 by default, so nobody can forge an address). With N trusted proxies the
client is the N-th address from the right of X-Forwarded-For: the one the
outermost trusted proxy appended; anything left of it the client could have
written itself. (django-ipware counts proxies inside the header instead, which
does not fit a proxy that appends the address it sees, so the rule is here,
in one tested place.)
IPv6 addresses are grouped by /64 (RATELIMIT_IPV6_MASK), because one home or
school gets a whole /64. A whole school often sits behind one address, so
the limits in settings are sized for a school, not for a person; README.md
lists them."""

import ipaddress

from django.conf import settings
from django_ratelimit.core import get_usage, is_ratelimited


def client_ip(request):
    """RATELIMIT_IP_META_KEY and django-axes' client address: through the trusted proxies only."""
    proxies = settings.UPSTANDER_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # not an address: fall back to the connection's
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"


def is_limited(request, scope, limit, window_seconds, per="", count=True):
    """Count this request against scope (for this client, and `per` something, e.g. a session);
    True when it goes over the limit. With count=False, only look: True once the limit is reached."""
    group = f"{scope}:{per}" if per else scope
    rate = (limit, window_seconds)
    if count:
        return is_ratelimited(request, group=group, key="ip", rate=rate, increment=True)
    usage = get_usage(request, group=group, key="ip", rate=rate, increment=False)
    return bool(usage) and usage["count"] >= limit
