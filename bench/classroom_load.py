"""Load on live classroom sessions: 30 classes of 30 pupils, against the site
served by gunicorn on 127.0.0.1 only, with PostgreSQL and Redis.

    make bench-classroom                      (or: .venv/bin/python bench/classroom_load.py)
    .venv/bin/python bench/classroom_load.py --servers 2    (two app servers sharing PostgreSQL and Redis)

The 30 classes start within the first 10 seconds; each class's pupils open the
live page (the first full state) within 5 seconds of their class, then poll at
the interval the client uses (2 s) and answer within the first five seconds, as
a class does; each class's projector polls too. --burst opens all 900 pages
within the first 2 seconds instead (a harsher case than any real morning). Afterwards the
answers are counted in the database: every accepted answer must be stored once.
Prints requests per second, p50/p95/p99 per kind, and the same server's
static-file ceiling in the same run; asserts nothing.
"""

import argparse
import http.client
import json
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
POLL_SECONDS = 2
MAX_REQUESTS = 200_000


def prepare(env):
    """Migrate, load the demo, and open 30 sessions of 30 seats with the ORM, the first question shown."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo_content", "--without-translations", verbosity=0, stdout=open(os.devnull, "w"))
    from classroom.models import ClassroomSession, Seat
    from classroom.services import advance
    from quizzes.models import QuizPage

    quiz = QuizPage.objects.filter(locale__language_code="en").first()
    classes = []
    for _ in range(CLASSES):
        session, host_token = ClassroomSession.start(quiz)
        seats = Seat.objects.bulk_create(Seat(session=session) for _ in range(PUPILS))
        session.quiz = quiz
        advance(session, "start")
        question_id, question = session.current_question()
        options = [option.id for option in question.block.answer_options(question.value)]
        classes.append((session, host_token, [session.seat_token(seat) for seat in seats], question_id, options))
    return classes


class Recorder:
    KINDS = ("first full state", "poll", "poll (304)", "projector page", "projector poll", "answer", "static file")

    def __init__(self):
        self.lock = threading.Lock()
        self.timings = {kind: [] for kind in self.KINDS}
        self.errors = 0
        self.count = 0
        self.answers_accepted = 0

    def add(self, kind, seconds, ok=True):
        with self.lock:
            self.timings[kind].append(seconds * 1000)
            self.count += 1
            if not ok:
                self.errors += 1


def timed(connection, recorder, kind, method, url, headers, body=None, ok=(200,)):
    """One request on a kept-alive connection: (status, ETag, connection); status 0 on a network error."""
    started = time.perf_counter()
    try:
        connection.request(method, url, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException):
        recorder.add(kind, time.perf_counter() - started, ok=False)
        connection.close()
        return 0, None, http.client.HTTPConnection(HOST, connection.port, timeout=10)
    status = response.status
    measured = "poll (304)" if kind == "poll" and status == 304 else kind
    recorder.add(measured, time.perf_counter() - started, status in ok)
    return status, response.getheader("ETag"), connection


def pupil(port, session, seat_token, question_id, options, recorder, deadline, start_after):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    csrf = secrets.token_hex(16)
    headers = {"Cookie": f"{session.seat_cookie_name}={seat_token}; csrftoken={csrf}"}
    time.sleep(start_after)
    _status, _etag, connection = timed(connection, recorder, "first full state", "GET", f"/en/class/{session.pk}/",
                                       headers)
    answer_at = time.monotonic() + random.uniform(0.5, 5)  # most of a class answers within a few seconds
    etag, answered = None, False
    while time.monotonic() < deadline and recorder.count < MAX_REQUESTS:
        poll_headers = {**headers, "Accept": "application/json", **({"If-None-Match": etag} if etag else {})}
        _status, new_etag, connection = timed(connection, recorder, "poll", "GET",
                                              f"/en/class/{session.pk}/state/?view=pupil", poll_headers, ok=(200, 304))
        etag = new_etag or etag
        if not answered and time.monotonic() >= answer_at:
            body = urllib.parse.urlencode({"question": question_id, "answer": random.choice(options),
                                           "csrfmiddlewaretoken": csrf})
            status, _etag, connection = timed(connection, recorder, "answer", "POST", f"/en/class/{session.pk}/answer/", {
                **headers, "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                "Origin": f"http://{HOST}:{port}", "Referer": f"http://{HOST}:{port}/"}, body=body)
            if status == 200:
                with recorder.lock:
                    recorder.answers_accepted += 1
            answered = True
        time.sleep(POLL_SECONDS)
    connection.close()


def projector(port, session, host_token, recorder, deadline, start_after):
    time.sleep(start_after)
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    headers = {"Cookie": f"{session.host_cookie_name}={host_token}", "Accept": "application/json"}
    # The teacher opens the projector page first (it shows the join code), then it polls.
    _status, _etag, connection = timed(connection, recorder, "projector page", "GET", f"/en/class/{session.pk}/host/",
                                       {"Cookie": headers["Cookie"]})
    while time.monotonic() < deadline:
        _status, _etag, connection = timed(connection, recorder, "projector poll", "GET",
                                           f"/en/class/{session.pk}/state/?view=projector", headers)
        time.sleep(POLL_SECONDS)
    connection.close()


def static_ceiling(port, recorder, seconds=3, clients=30):
    """The same server serving a small static file: the most it can do, for comparison."""
    path = "/static/cms/js/site.js"
    deadline = time.monotonic() + seconds
    counted = []

    def hammer():
        connection, done = http.client.HTTPConnection(HOST, port, timeout=10), 0
        while time.monotonic() < deadline:
            _status, _etag, connection = timed(connection, recorder, "static file", "GET", path, {})
            done += 1
        counted.append(done)

    threads = [threading.Thread(target=hammer) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counted) / seconds


def percentile(values, share):
    return statistics.quantiles(values, n=100)[share - 1] if len(values) > 1 else (values[0] if values else 0)


def shown_answers(port, classes):
    """What the projectors show as answered, summed over the classes (the shared counters)."""
    total = 0
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    for session, host_token, _seats, _question_id, _options in classes:
        connection.request("GET", f"/en/class/{session.pk}/state/?view=projector",
                           headers={"Cookie": f"{session.host_cookie_name}={host_token}", "Accept": "application/json"})
        total += json.loads(connection.getresponse().read())["answered"]
    connection.close()
    return total


def stored_answers(classes):
    from classroom.models import SessionAnswer

    return SessionAnswer.objects.filter(session__in=[session for session, *_rest in classes]).count()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="per server (default: one per core)")
    parser.add_argument("--servers", type=int, default=1, help="app-server processes sharing PostgreSQL and Redis")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--burst", action="store_true", help="all pupils open the page within the first 2 s")
    args = parser.parse_args()

    env = production_environment()
    classes = prepare(env)
    ports = [args.port + number for number in range(args.servers)]
    recorder = Recorder()
    servers = [gunicorn(env, port, args.workers, threads=8) for port in ports]
    for server in servers:
        server.__enter__()
    try:
        ceiling = static_ceiling(ports[0], Recorder())
        deadline = time.monotonic() + args.seconds
        threads = []
        for index, (session, host_token, seat_tokens, question_id, options) in enumerate(classes):
            port = ports[index % len(ports)]  # each class on one server, the classes spread over them
            class_starts = random.uniform(0, 10)
            threads.append(threading.Thread(target=projector, args=(
                port, session, host_token, recorder, deadline, 0 if args.burst else class_starts)))
            threads += [
                threading.Thread(target=pupil, args=(
                    port, session, token, question_id, options, recorder, deadline,
                    random.uniform(0, 2) if args.burst else class_starts + random.uniform(0, 5),
                ))
                for token in seat_tokens
            ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 30)
        elapsed = time.monotonic() - started
        shown = shown_answers(ports[0], classes)
    finally:
        for server in servers:
            server.__exit__(None, None, None)

    stored = stored_answers(classes)
    arrival = "all pages opened within 2 s" if args.burst else "classes start within 10 s, each class's pupils within 5 s"
    print(f"{CLASSES} classes x {PUPILS} pupils ({arrival}), {args.seconds} s, {args.servers} app server(s) "
          f"(gunicorn {args.workers} workers x 8 threads each), PostgreSQL + Redis, load generator on this machine")
    print(f"static-file ceiling of the same server: {ceiling:.0f} requests/s")
    print(f"{recorder.count} requests in {elapsed:.1f} s: {recorder.count / elapsed:.0f} requests/s, "
          f"{recorder.errors} errors")
    print(f"answers accepted {recorder.answers_accepted}, stored {stored}: "
          f"{'none lost, none doubled' if stored == recorder.answers_accepted else 'MISMATCH'}; "
          f"the projectors count {shown}{'' if shown == stored else ' (MISMATCH)'}")
    print(f"{'kind':18} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in recorder.timings.items():
        if values:
            print(f"{kind:18} {len(values):>7} {percentile(values, 50):>8.1f} {percentile(values, 95):>8.1f} "
                  f"{percentile(values, 99):>8.1f}")


if __name__ == "__main__":
    main()
