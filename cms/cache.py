"""Django's Redis cache raises when Redis is down, which would turn every page
into an error. Here an unreachable Redis means cache misses (and rate limits
that let requests through), logged, while the site keeps serving."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _tolerant(method_name, fallback):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(ResilientRedisCache, self), method_name)(*args, **kwargs)
        except (RedisError, OSError) as error:  # Redis unreachable or timing out; ValueError (no such key) passes
            logger.warning("Cache unavailable (%s): %s", method_name, error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    return method


class ResilientRedisCache(RedisCache):
    get = _tolerant("get", lambda key, default=None, version=None: default)
    set = _tolerant("set", None)
    add = _tolerant("add", True)
    delete = _tolerant("delete", False)
    incr = _tolerant("incr", 1)
    get_many = _tolerant("get_many", {})
    set_many = _tolerant("set_many", [])
    delete_many = _tolerant("delete_many", None)
    clear = _tolerant("clear", None)
    touch = _tolerant("touch", False)
    has_key = _tolerant("has_key", False)
