"""Requests per second and latency of the main pages and forms, against the
production stack (gunicorn, several workers) on 127.0.0.1, with a static file
served by the same stack as the ceiling.

    .venv/bin/python bench/site_load.py [--seconds 5] [--workers 4] [--clients 8]

Uses DATABASE_URL / REDIS_URL when set (make bench-site sets PostgreSQL + Redis),
else a throw-away SQLite file. Bounded in time; talks only to 127.0.0.1.
"""

import argparse
import http.client
import os
import re
import secrets
import statistics
import sys
import threading
import time
import urllib.parse

from production_server import HOST, ROOT, gunicorn, production_environment

sys.path.insert(0, str(ROOT))


def prepare(env):
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--without-translations", verbosity=0, stdout=open(os.devnull, "w"))
    call_command("collectstatic", "--no-input", verbosity=0)
    from django.contrib.staticfiles.storage import staticfiles_storage

    return staticfiles_storage.url("cms/css/site.css")


def get(connection, path, headers=None):
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    return response, response.read()


def scenario_get(path):
    def run(connection):
        response, _ = get(connection, path)
        return response.status == 200
    return run


def scenario_quiz(connection):
    """Load the quiz (its form has a fresh submission token) and send answers."""
    response, body = get(connection, "/en/consent/yes-no-and-pressure/quiz/")
    html = body.decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]+)"', html))
    for name in sorted(set(re.findall(r'name="(q_[^"]+)"', html))):
        fields[name] = re.search(r'name="%s" value="([^"]+)"' % re.escape(name), html).group(1)
    connection.request("POST", "/en/consent/yes-no-and-pressure/quiz/", body=urllib.parse.urlencode(fields),
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = connection.getresponse()
    response.read()
    return response.status == 302


def scenario_petition(connection):
    """Load the petition (a signed start time in the form) and sign with a new address."""
    from django.core import signing

    from petitions.forms import STARTED_SALT

    response, body = get(connection, "/en/petition/")
    html = body.decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    fields = {"csrfmiddlewaretoken": token, "first_name": "Sam", "email": f"{secrets.token_hex(6)}@example.com",
              "postcode_or_country": "1000", "age_confirmed": "on", "privacy_consent": "on", "website": "",
              "started": signing.dumps(time.time() - 30, salt=STARTED_SALT)}
    connection.request("POST", "/en/petition/", body=urllib.parse.urlencode(fields),
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = connection.getresponse()
    response.read()
    return response.status == 200


def measure(port, scenario, seconds, clients):
    timings, failures = [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                ok = scenario(connection)
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
            with lock:
                timings.append((time.perf_counter() - started) * 1000)
                failures[0] += 0 if ok else 1
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begin
    quantiles = statistics.quantiles(timings, n=100) if len(timings) > 1 else [0] * 99
    return len(timings) / elapsed, quantiles[49], quantiles[94], failures[0], len(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    env = production_environment(
        UPSTANDER_SIGNATURES_PER_HOUR="1000000", UPSTANDER_TRUSTED_PROXY_COUNT="0",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    static_url = prepare(env)
    with gunicorn(env, args.port, args.workers, threads=2, ready_path=static_url):
        scenarios = {
            "static file (ceiling)": scenario_get(static_url),
            "home": scenario_get("/en/"),
            "module": scenario_get("/en/consent/"),
            "lesson": scenario_get("/en/consent/yes-no-and-pressure/"),
            "quiz submission": scenario_quiz,
            "petition signing": scenario_petition,
        }
        results = {name: measure(args.port, run, args.seconds, args.clients) for name, run in scenarios.items()}
    ceiling = results["static file (ceiling)"][0]
    print(f"gunicorn {args.workers} workers, {args.clients} clients, {args.seconds:g} s each, "
          f"database {env['DATABASE_URL'].split(':')[0]}, cache {'redis' if env.get('REDIS_URL') else 'local memory'}")
    print(f"{'':24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'of ceiling':>11} {'failed':>7}")
    for name, (rps, p50, p95, failed, count) in results.items():
        print(f"{name:24} {rps:>8.0f} {p50:>8.1f} {p95:>8.1f} {rps / ceiling:>10.0%} {failed:>4}/{count}")


if __name__ == "__main__":
    main()
