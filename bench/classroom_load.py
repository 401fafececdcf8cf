"""Load on live classroom sessions: 30 classes of 30 pupils polling and answering,
against the site served by gunicorn with several workers, on 127.0.0.1 only.

    .venv/bin/python bench/classroom_load.py [--seconds 20] [--workers 4]

Uses PostgreSQL + Redis when DATABASE_URL / REDIS_URL are set (make bench-classroom
sets them to this machine's), else a throw-away SQLite file. Bounded in time and in
requests; prints requests per second and p50/p95/p99 latency for polling and answering.
"""

import argparse
import http.client
import os
import random
import secrets
import statistics
import sys
import threading
import time
import urllib.parse

from production_server import HOST, ROOT, gunicorn, production_environment

sys.path.insert(0, str(ROOT))
CLASSES, PUPILS = 30, 30
MAX_REQUESTS = 200_000


def prepare(env):
    """Migrate, load the demo, and open 30 sessions of 30 seats with the ORM."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--without-translations", verbosity=0, stdout=open(os.devnull, "w"))
    from classroom.models import ClassroomSession, Seat
    from classroom.services import advance
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.filter(locale__language_code="en").first()
    classes = []
    for _ in range(CLASSES):
        session, _secret = ClassroomSession.start(quiz)
        seats = Seat.objects.bulk_create(Seat(session=session) for _ in range(PUPILS))
        session.quiz = quiz
        advance(session, "start")
        question_id, question = session.current_question()
        options = [option.id for option in question.block.answer_options(question.value)]
        classes.append((session, seats, question_id, options))
    return classes


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.timings = {"poll": [], "poll (304)": [], "answer": []}
        self.errors = 0
        self.count = 0

    def add(self, kind, seconds, ok=True):
        with self.lock:
            self.timings[kind].append(seconds * 1000)
            self.count += 1
            if not ok:
                self.errors += 1


def pupil(port, session, seat, question_id, options, recorder, deadline):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    csrf = secrets.token_hex(16)
    cookie = f"upstander_seat_{session.pk.hex}={seat.token}; csrftoken={csrf}"
    state_url = f"/en/class/{session.pk}/state/?view=pupil"
    etag = None
    answered = False
    time.sleep(random.random() * 2)  # pupils do not all start on the same millisecond
    while time.monotonic() < deadline and recorder.count < MAX_REQUESTS:
        headers = {"Cookie": cookie, "Accept": "application/json"}
        if etag:
            headers["If-None-Match"] = etag
        started = time.perf_counter()
        try:
            connection.request("GET", state_url, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            recorder.add("poll", time.perf_counter() - started, ok=False)
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=10)
            time.sleep(1)
            continue
        recorder.add("poll (304)" if response.status == 304 else "poll", time.perf_counter() - started,
                     response.status in (200, 304))
        etag = response.getheader("ETag") or etag
        if not answered and random.random() < 0.3:
            body = urllib.parse.urlencode({"question": question_id, "answer": random.choice(options),
                                           "csrfmiddlewaretoken": csrf})
            started = time.perf_counter()
            try:
                connection.request("POST", f"/en/class/{session.pk}/answer/", body=body, headers={
                    **headers, "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                    "Origin": f"http://{HOST}:{port}", "Referer": f"http://{HOST}:{port}/"})
                response = connection.getresponse()
                response.read()
                recorder.add("answer", time.perf_counter() - started, response.status == 200)
            except (OSError, http.client.HTTPException):
                recorder.add("answer", time.perf_counter() - started, ok=False)
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
            answered = True
        time.sleep(2)
    connection.close()


def percentile(values, share):
    return statistics.quantiles(values, n=100)[share - 1] if len(values) > 1 else (values[0] if values else 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    env = production_environment()
    classes = prepare(env)
    with gunicorn(env, args.port, args.workers, threads=8):
        recorder = Recorder()
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=pupil, args=(args.port, session, seat, question_id, options, recorder, deadline))
            for session, seats, question_id, options in classes for seat in seats
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 30)
        elapsed = time.monotonic() - started

    database = env["DATABASE_URL"].split(":")[0]
    print(f"{CLASSES} classes x {PUPILS} pupils, {args.seconds} s, gunicorn {args.workers} workers x 8 threads, "
          f"database {database}, cache {'redis' if env.get('REDIS_URL') else 'local memory (per worker)'}")
    print(f"{recorder.count} requests in {elapsed:.1f} s: {recorder.count / elapsed:.0f} requests/s, {recorder.errors} errors")
    print(f"{'kind':12} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in recorder.timings.items():
        if values:
            print(f"{kind:12} {len(values):>7} {percentile(values, 50):>8.1f} {percentile(values, 95):>8.1f} "
                  f"{percentile(values, 99):>8.1f}")


if __name__ == "__main__":
    main()
