"""A small per-client rate limit kept in the cache (Redis in production, so it
holds across app servers). Nothing about the client reaches the database; the
cache key is a keyed hash of the address, forgotten when the window ends."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address: the proxy's forwarded one when the site is set to trust it."""
    if settings.UPSTANDER_TRUSTED_PROXY_COUNT:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= settings.UPSTANDER_TRUSTED_PROXY_COUNT:
            return forwarded[-settings.UPSTANDER_TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def is_limited(request, scope, limit, window_seconds):
    """Count this request against scope; True when the client is over the limit."""
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256).hexdigest()[:32]
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{digest}:{window}"
    if cache.add(key, 1, window_seconds + 5):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds + 5)
        count = 1
    return count > limit
