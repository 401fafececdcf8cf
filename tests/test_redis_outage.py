"""Redis that is down or hung (accepts connections, never answers) costs the
site one short timeout, after which the circuit breaker keeps pages from waiting."""

import socket
import threading

import pytest
from django.urls import reverse

from cms.redis_breaker import breaker, redis_cache

pytestmark = pytest.mark.django_db


class HungRedis:
    """A server that accepts connections and never answers a byte."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def hung_redis(settings):
    server = HungRedis()
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{server.port}/0")}
    breaker.reset()
    yield server
    server.close()
    breaker.reset()


def test_with_redis_hung_pages_still_answer(client, hung_redis, lesson, petition):
    for url in (lesson.url, "/en/", "/en/petition/"):
        assert client.get(url).status_code == 200, url
    support = reverse("petitions:support", args=[petition.pk])
    assert client.post(support, {"next": "/en/"}, headers={"Origin": "http://testserver"}).status_code == 302


def test_after_one_timeout_the_site_stops_waiting_on_redis(client, hung_redis, lesson):
    client.get(lesson.url)
    assert breaker.is_open
    tried = len(hung_redis.accepted)
    for _ in range(3):
        assert client.get(lesson.url).status_code == 200
    assert len(hung_redis.accepted) == tried == 1  # one connection that timed out, then no more tries


def test_with_redis_down_pages_still_answer(client, settings, lesson):
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:1/0")}
    breaker.reset()
    assert client.get(lesson.url).status_code == 200
    assert breaker.is_open
    breaker.reset()
