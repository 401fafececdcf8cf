"""What the load benchmarks share: production settings for a throw-away site,
and gunicorn serving it on 127.0.0.1 until the block ends."""

import contextlib
import http.client
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def production_environment(**extra):
    """Environment for cms.settings.production on 127.0.0.1, with the demo content:
    DATABASE_URL and REDIS_URL from the caller's environment (make bench-site and
    make bench-classroom give this machine's PostgreSQL and Redis)."""
    missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not os.environ.get(name)]
    if missing:
        sys.exit(f"Set {' and '.join(missing)} (production settings need them), or run it with make bench-site.")
    workdir = Path(tempfile.mkdtemp(prefix="upstander-bench-"))
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ["REDIS_URL"],
        "MEDIA_ROOT": str(workdir / "media"),
        "UPSTANDER_GUIDE_PDF_ON_PUBLISH": "false",
        "UPSTANDER_DEMO": "true",
        **extra,
    }


def warm_up(port, path, seconds=2, clients=8):
    """A couple of seconds of requests, so every worker has served some before anything is measured."""
    deadline = time.monotonic() + seconds

    def hit():
        connection = http.client.HTTPConnection(HOST, port, timeout=5)
        while time.monotonic() < deadline:
            try:
                connection.request("GET", path)
                connection.getresponse().read()
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=5)
        connection.close()

    threads = [threading.Thread(target=hit) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@contextlib.contextmanager
def gunicorn(env, port, workers, threads, ready_path="/"):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"{HOST}:{port}",
         "--workers", str(workers), "--threads", str(threads), "--keep-alive", "5", "--log-level", "warning",
         "--preload"],  # every worker ready at once: no measurement while one is still importing
        cwd=ROOT, env={**os.environ, **env},
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection(HOST, port, timeout=1).request("GET", ready_path)
                break
            except OSError:
                time.sleep(0.2)
        warm_up(port, ready_path)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=10)
