"""Render time and query count of every page type with the page cache off (the
shared cache warm, as on a running site), and quiz statistics at scale.

    .venv/bin/python bench/pages.py          (or: make bench)

Runs against a throw-away in-memory database with the demo content loaded;
talks to nothing but this process. Prints numbers; asserts nothing.
"""

import io
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

ROUNDS = 30
PAGES = {
    "home": "/en/",
    "module": "/en/consent/",
    "lesson": "/en/consent/yes-no-and-pressure/",
    "lesson, easy read": "/en/consent/yes-no-and-pressure/easy-read/",
    "quiz": "/en/consent/yes-no-and-pressure/quiz/",
    "quiz, easy read": "/en/consent/yes-no-and-pressure/quiz/easy-read/",
    "teacher guide": "/en/consent/yes-no-and-pressure/teacher-guide/",
    "lesson finder": "/en/lessons/",
    "lesson finder, filtered": "/en/lessons/?age=12-14&module=consent",
    "teacher hub": "/en/teachers/",
    "search": "/en/search/?q=consent",
    "petition": "/en/petition/",
    "help page": "/en/help/",
    "staff protocol": "/en/when-an-image-is-shared/",
    "page for parents": "/en/parents/",
}


def measure(client, url):
    client.get(url)  # warm caches
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return response.status_code, statistics.median(timings), max(timings), len(queries), len(response.content)


def add_attempts(quiz, count):
    from quizzes.models import QuizAnswer, QuizAttempt

    attempts, answers = [], []
    for index in range(count):
        chosen = {}
        for question_id, child in quiz.question_blocks.items():
            options = child.block.answer_options(child.value)
            chosen[question_id] = [options[index % len(options)].id]
        result = quiz.score(chosen)
        attempt = QuizAttempt(quiz=quiz, locale=quiz.locale, submission=uuid.uuid4(), answers=chosen,
                              score=result.score, max_score=result.max_score)
        attempts.append(attempt)
        answers += [QuizAnswer(attempt=attempt, question_id=q.question_id, option_id=o.id, question_right=q.right)
                    for q in result.questions for o in q.chosen]
    QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
    QuizAnswer.objects.bulk_create(answers, batch_size=5000)


def main():
    from django.conf import settings

    settings.UPSTANDER_PAGE_CACHE_SECONDS = 0  # measure rendering, not the page cache
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    start = time.perf_counter()
    call_command("load_demo_content", "--without-translations", stdout=io.StringIO())
    print(f"load_demo_content on an empty database: {(time.perf_counter() - start):.2f} s")
    print(f"database: {connection.vendor}\n")

    client = Client()
    print(f"{'page':28} {'status':>6} {'median ms':>10} {'max ms':>8} {'queries':>8} {'kB':>6}")
    for name, url in PAGES.items():
        status, median, worst, queries, size = measure(client, url)
        print(f"{name:28} {status:>6} {median:>10.1f} {worst:>8.1f} {queries:>8} {size / 1024:>6.1f}")

    print(f"\nqueries per page as one module grows (they must stay flat)")
    from lessons.models import LessonPage, ModulePage

    module = ModulePage.objects.get(locale__language_code="en", slug="online-bystanders")
    template = LessonPage.objects.child_of(module).first()
    urls = {"module": module.url, "lesson finder": "/en/lessons/", "teacher hub": "/en/teachers/",
            "search": "/en/search/?q=group", "parents": "/en/parents/"}
    print(f"{'lessons':>8} " + " ".join(f"{name:>14}" for name in urls))
    count = LessonPage.objects.child_of(module).count()
    for target in (10, 100, 1000):
        while count < target:
            copy = LessonPage(title=f"{template.title} {count}", slug=f"{template.slug}-{count}",
                              intro=template.intro, age_min=template.age_min, age_max=template.age_max,
                              duration=template.duration, content_note=template.content_note,
                              learning_objectives=template.learning_objectives.raw_data, body=template.body.raw_data)
            module.add_child(instance=copy)
            count += 1
        row = []
        for url in urls.values():
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            row.append(len(queries))
        print(f"{target:>8} " + " ".join(f"{n:>14}" for n in row))

    from quizzes.models import QuizPage

    quiz = QuizPage.objects.get(slug="quiz", title="Quiz: Yes, no and pressure")
    print(f"\n{'quiz attempts':>14} {'statistics ms':>14} {'queries':>8}")
    total = 0
    for target in (100, 1_000, 10_000):
        add_attempts(quiz, target - total)
        total = target
        timings = []
        for _ in range(5):
            begin = time.perf_counter()
            quiz.statistics()
            timings.append((time.perf_counter() - begin) * 1000)
        with CaptureQueriesContext(connection) as queries:
            quiz.statistics()
        print(f"{target:>14} {statistics.median(timings):>14.1f} {len(queries):>8}")

    print(f"\n{'classes evaluated':>18} {'report ms':>10} {'queries':>8}")
    total = 0
    for target in (100, 1_000, 10_000):
        add_evaluated_classes(target - total)
        total = target
        timings = []
        for _ in range(5):
            begin = time.perf_counter()
            evaluation_report()
            timings.append((time.perf_counter() - begin) * 1000)
        with CaptureQueriesContext(connection) as queries:
            evaluation_report()
        print(f"{target:>18} {statistics.median(timings):>10.1f} {len(queries):>8}")


def add_evaluated_classes(count):
    """`count` classes of 25 pupils who answered every lesson's evaluation, as sessions leave them (sums per item)."""
    import random

    from django.utils import timezone

    from evaluations.models import EvaluationRun, ItemResult
    from evaluations.statistics import PairedSums
    from lessons.models import LessonPage

    rng = random.Random(count)
    lessons = [(lesson, lesson.get_parent().specific.evaluation.items_for(lesson))
               for lesson in LessonPage.objects.filter(locale__language_code="en")]
    runs = [EvaluationRun(lesson=lesson, module_id=lesson.get_parent().pk, locale_id=lesson.locale_id,
                          week=timezone.localdate(), pupils=25)
            for lesson, _items in (rng.choice(lessons) for _ in range(count))]
    EvaluationRun.objects.bulk_create(runs, batch_size=2000)
    items_of = dict((lesson.pk, items) for lesson, items in lessons)
    results = []
    for run in runs:
        for item in items_of[run.lesson_id]:
            top, low = (5, 1) if item.is_agreement else (1, 0)
            answers = [(rng.randint(low, top), rng.randint(low, top)) for _ in range(25)]
            sums = PairedSums.of(answers, agree_from=4 if item.is_agreement else None)
            results.append(ItemResult(run=run, item_key=item.key, version=item.version, kind=item.kind, **vars(sums)))
    ItemResult.objects.bulk_create(results, batch_size=5000)


def evaluation_report():
    from evaluations import report
    from evaluations.models import EvaluationRun

    return report.rows(EvaluationRun.objects.all()), report.totals(EvaluationRun.objects.all())


if __name__ == "__main__":
    main()
