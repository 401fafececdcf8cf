"""Requests per second, latency and time to first byte of every page type, served
from the page cache and without it, and of the forms, against the production stack
(gunicorn, 2 sync workers by default) on 127.0.0.1, with a static file served by the
same server as the ceiling; then a class of 30 submitting the quiz within one second.

    make bench-site        (PostgreSQL + Redis on this machine)
    DATABASE_URL=... REDIS_URL=... .venv/bin/python bench/site_load.py [--seconds 4] [--workers 2] [--threads 1]

Pages are asked for with Accept-Encoding: gzip, as browsers do. Bounded in time;
talks only to 127.0.0.1.
"""

import argparse
import gzip
import http.client
import os
import re
import secrets
import statistics
import sys
import threading
import time
import urllib.parse

from production_server import HOST, ROOT, gunicorn, production_environment, warm_up

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
    connection.request("GET", path, headers={"Accept-Encoding": "gzip", **(headers or {})})
    response = connection.getresponse()
    return response, response.read()


def text(response, body):
    return (gzip.decompress(body) if response.getheader("Content-Encoding") == "gzip" else body).decode()


def scenario_get(path):
    def run(connection):
        sent = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        first_byte = (time.perf_counter() - sent) * 1000
        response.read()
        return response.status == 200, first_byte
    return run


def page_urls():
    """One page of each type in the demo (English)."""
    from lessons.models import LessonFinderPage, LessonPage, ModulePage, TeacherGuidePage, TeacherHubPage
    from petitions.models import PetitionPage
    from quizzes.models import QuizPage

    english = {"locale__language_code": "en"}
    lesson = LessonPage.objects.live().get(slug="yes-no-and-pressure", **english)
    return {
        "home": "/en/",
        "module": lesson.get_parent().url,
        "lesson": lesson.url,
        "quiz": QuizPage.objects.child_of(lesson).live().first().url,
        "guide": TeacherGuidePage.objects.child_of(lesson).live().first().url,
        "lesson finder": LessonFinderPage.objects.live().get(**english).url,
        "teacher hub": TeacherHubPage.objects.live().get(**english).url,
        "search": "/en/search/?q=consent",
        "petition": PetitionPage.objects.live().get(slug="petition", **english).url,
    }


# Never served from the page cache: a form with a token of the visitor's own (quiz, petition)
# or a query string (search). Measured once, in the run with the page cache off.
RENDERED_EVERY_TIME = {"quiz", "search", "petition"}


def scenario_quiz(connection):
    """Load the quiz (its form has a fresh submission token) and send answers."""
    response, body = get(connection, "/en/consent/yes-no-and-pressure/quiz/")
    html = text(response, body)
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]+)"', html))
    for name in sorted(set(re.findall(r'name="(q_[^"]+)"', html))):
        fields[name] = re.search(r'name="%s" value="([^"]+)"' % re.escape(name), html).group(1)
    connection.request("POST", "/en/consent/yes-no-and-pressure/quiz/", body=urllib.parse.urlencode(fields),
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = connection.getresponse()
    response.read()
    return response.status == 302, None


def scenario_petition(connection):
    """Load the petition (a signed start time in the form) and sign with a new address."""
    from django.core import signing

    from petitions.forms import STARTED_SALT

    response, body = get(connection, "/en/petition/")
    html = text(response, body)
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    fields = {"csrfmiddlewaretoken": token, "first_name": "Sam", "email": f"{secrets.token_hex(6)}@example.com",
              "postcode_or_country": "1000", "age_confirmed": "on", "privacy_consent": "on", "website": "",
              "started": signing.dumps(time.time() - 30, salt=STARTED_SALT)}
    connection.request("POST", "/en/petition/", body=urllib.parse.urlencode(fields),
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = connection.getresponse()
    response.read()
    return response.status == 200, None


def measure(port, scenario, seconds, clients):
    """(requests/s, p50 ms, p95 ms, p50 time to first byte ms, failed, count) of one scenario."""
    timings, first_bytes, failures = [], [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                ok, first_byte = scenario(connection)
            except (OSError, http.client.HTTPException):
                ok, first_byte = False, None
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
            with lock:
                timings.append((time.perf_counter() - started) * 1000)
                if first_byte is not None:
                    first_bytes.append(first_byte)
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
    ttfb = statistics.median(first_bytes) if first_bytes else float("nan")
    return len(timings) / elapsed, quantiles[49], quantiles[94], ttfb, failures[0], len(timings)


def class_submits_quiz(port, quiz_url, pupils=30):
    """A class submitting the no-JavaScript quiz form together: every pupil loads the
    quiz, then all send their answers within the same second, each twice (a double
    click). Returns (p95 ms, p50 ms, failures, attempts stored) -- stored must equal pupils."""
    from quizzes.models import QuizAttempt

    before = QuizAttempt.objects.count()
    forms = []
    for _ in range(pupils):
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        response, body = get(connection, quiz_url)
        html = text(response, body)
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]+)"', html))
        for name in sorted(set(re.findall(r'name="(q_[^"]+)"', html))):
            fields[name] = re.search(r'name="%s" value="([^"]+)"' % re.escape(name), html).group(1)
        forms.append((connection, urllib.parse.urlencode(fields), cookie))
    barrier = threading.Barrier(pupils)
    timings, failures = [], [0]
    lock = threading.Lock()

    def pupil(connection, body, cookie):
        barrier.wait()
        time.sleep(secrets.randbelow(1000) / 1000)  # all within the same second
        for _ in range(2):
            started = time.perf_counter()
            try:
                connection.request("POST", quiz_url, body=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                    "Origin": f"http://{HOST}:{port}"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 302
            except (OSError, http.client.HTTPException):
                ok = False
            with lock:
                timings.append((time.perf_counter() - started) * 1000)
                failures[0] += 0 if ok else 1
        connection.close()

    threads = [threading.Thread(target=pupil, args=form) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    quantiles = statistics.quantiles(timings, n=100)
    return quantiles[94], quantiles[49], failures[0], QuizAttempt.objects.count() - before


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (1: sync workers)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    env = production_environment(
        UPSTANDER_SIGNATURES_PER_HOUR="1000000", UPSTANDER_TRUSTED_PROXY_COUNT="0",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    static_url = prepare(env)
    pages = page_urls()
    results = {}
    with gunicorn(env, args.port, args.workers, threads=args.threads, ready_path=static_url):
        results["static file (ceiling)"] = measure(args.port, scenario_get(static_url), args.seconds, args.clients)
        for name, url in pages.items():
            if name in RENDERED_EVERY_TIME:
                continue
            warm_up(args.port, url, seconds=0.5)  # "cached" is a page already in the cache, in every worker
            results[f"{name}, cached"] = measure(args.port, scenario_get(url), args.seconds, args.clients)
        results["quiz submission"] = measure(args.port, scenario_quiz, args.seconds, args.clients)
        results["petition signing"] = measure(args.port, scenario_petition, args.seconds, args.clients)
        burst = class_submits_quiz(args.port, pages["quiz"])
    with gunicorn({**env, "UPSTANDER_PAGE_CACHE_SECONDS": "0"}, args.port + 1, args.workers, threads=args.threads,
                  ready_path=static_url):
        for name, url in pages.items():
            results[f"{name}, uncached"] = measure(args.port + 1, scenario_get(url), args.seconds, args.clients)
    ceiling = results["static file (ceiling)"][0]
    print(f"gunicorn {args.workers} workers x {args.threads} threads, {args.clients} clients, {args.seconds:g} s each, "
          f"database {env['DATABASE_URL'].split(':')[0]}, cache {'redis' if env.get('REDIS_URL') else 'local memory'}")
    print(f"{'':26} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'TTFB p50':>9} {'of ceiling':>11} {'failed':>8}")
    for name, (rps, p50, p95, ttfb, failed, count) in results.items():
        print(f"{name:26} {rps:>7.0f} {p50:>7.1f} {p95:>7.1f} {ttfb:>9.1f} {rps / ceiling:>10.0%} {failed:>4}/{count}")
    p95, p50, failed, stored = burst
    print(f"\na class of 30 submitting the quiz within one second, each twice: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"{failed} failed, {stored} attempts stored (must be 30)")


if __name__ == "__main__":
    main()
