"""A circuit breaker for the Redis cache.

django-redis (with IGNORE_EXCEPTIONS) turns a Redis error into a cache miss,
and short socket timeouts bound each wait; but a Redis that accepts
connections and never answers would still cost every cache call its full
timeout, several per page. After one failure this connection class stops
trying for OPEN_SECONDS, so the site serves from the database at full speed
and tries Redis again afterwards. No well-kept library does this for
django-redis, hence this small module; it is per process, which is enough:
each app server learns of the outage on its own first failure."""

import logging
import threading
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OPEN_SECONDS = 30
FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


class Breaker:
    def __init__(self):
        self._open_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_open(self):
        return time.monotonic() < self._open_until

    def trip(self, error):
        with self._lock:
            if not self.is_open:
                logger.warning("Redis unavailable (%s): not trying again for %s s", error, OPEN_SECONDS)
            self._open_until = time.monotonic() + OPEN_SECONDS

    def reset(self):
        self._open_until = 0.0


breaker = Breaker()


class BreakerConnection(Connection):
    """A Redis connection that fails at once while the breaker is open, and opens it on any failure."""

    def _guarded(self, method, *args, **kwargs):
        if breaker.is_open:
            raise RedisConnectionError("Redis is treated as down for a while (circuit breaker open)")
        try:
            return method(*args, **kwargs)
        except FAILURES as error:
            breaker.trip(error)
            raise

    def connect(self, *args, **kwargs):
        return self._guarded(super().connect, *args, **kwargs)

    def send_command(self, *args, **kwargs):
        return self._guarded(super().send_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        return self._guarded(super().read_response, *args, **kwargs)


def redis_cache(url, **options):
    """The CACHES entry for Redis at url: django-redis, errors as misses, short timeouts, the breaker."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.3,
            "SOCKET_TIMEOUT": 0.3,
            "CONNECTION_POOL_KWARGS": {"connection_class": BreakerConnection},
            **options,
        },
    }
