"""How long a lesson takes when Redis accepts connections and never answers.

    .venv/bin/python bench/redis_hung.py

An in-memory database with the English demo, the cache pointed at a local
server that accepts and never answers (nothing leaves 127.0.0.1). Prints the
first request (which meets the timeout and opens the circuit breaker) and the
median of the next ones; asserts nothing.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from cms.redis_breaker import breaker, redis_cache  # noqa: E402
from test_redis_outage import HungRedis  # noqa: E402

LESSON = "/en/consent/yes-no-and-pressure/"


def main():
    setup_test_environment()
    from django.test.utils import get_runner  # noqa: F401
    from django.db import connection

    connection.creation.create_test_db(verbosity=0)
    call_command("load_demo_content", "--without-translations", stdout=io.StringIO())
    server = HungRedis()
    with override_settings(CACHES={"default": redis_cache(f"redis://127.0.0.1:{server.port}/0")},
                           UPSTANDER_PAGE_CACHE_SECONDS=60):
        breaker.reset()
        client = Client()
        start = time.perf_counter()
        client.get(LESSON)
        first = (time.perf_counter() - start) * 1000
        timings = []
        for _ in range(30):
            start = time.perf_counter()
            assert client.get(LESSON).status_code == 200
            timings.append((time.perf_counter() - start) * 1000)
    server.close()
    print(f"Redis hung (accepts, never answers), socket timeout 0.3 s, breaker open {breaker.is_open}")
    print(f"  first lesson request (meets the timeout): {first:7.1f} ms")
    print(f"  next 30 requests, median:                 {statistics.median(timings):7.1f} ms "
          f"(max {max(timings):.1f} ms)")
    print(f"  connections Redis saw: {len(server.accepted)}")


if __name__ == "__main__":
    main()
