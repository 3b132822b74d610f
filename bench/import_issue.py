"""Time the importer on a 42-article issue (the seed page as six pages), parse and load apart.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/import_issue.py

Imports into a fresh date each round, inside a transaction that is rolled back, so the database
is left as it was. Prints the median times and the number of SQL queries of one load, and of the
same import again over it (the merge finds every article unchanged and writes nothing).
"""

import datetime
import statistics
import time

from django_setup import ROOT  # sets Django up: before any Django import

# isort: split
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.importing.parsing import parse_issue
from importing.loading import load_issue, places_from_database
from importing.plan import ImportOptions
from regions.models import Region

PAGES = 6
ROUNDS = 7


class Rollback(Exception):
    pass


def main():
    if not Region.objects.exists():
        call_command("loaddata", "regions", verbosity=0)
    page = (ROOT / "fixtures/pages/seed-page.txt").read_bytes()
    files = [(f"page{n}.txt", page) for n in range(1, PAGES + 1)]
    places = places_from_database()
    parse_times, load_times, again_times, queries, again_queries, articles = [], [], [], 0, 0, 0
    for round_ in range(ROUNDS):
        date = datetime.date(2100, 1, 1) + datetime.timedelta(days=round_)
        started = time.perf_counter()
        parsed = parse_issue(files, date, None, None, places)
        parse_times.append(time.perf_counter() - started)
        articles = len(parsed.articles)
        try:
            with transaction.atomic(), CaptureQueriesContext(connection) as context:
                started = time.perf_counter()
                load_issue(parsed, ImportOptions())
                load_times.append(time.perf_counter() - started)
                queries = len(context.captured_queries)
                with CaptureQueriesContext(connection) as again:
                    started = time.perf_counter()
                    load_issue(parsed, ImportOptions())
                    again_times.append(time.perf_counter() - started)
                again_queries = len(again.captured_queries)
                raise Rollback
        except Rollback:
            pass
    parse_ms = statistics.median(parse_times) * 1000
    load_ms = statistics.median(load_times) * 1000
    again_ms = statistics.median(again_times) * 1000
    print(
        f"{connection.vendor}：{articles} 篇、{PAGES} 版；解析 {parse_ms:.0f} ms，"
        f"写入 {load_ms:.0f} ms（{queries} 条 SQL），"
        f"合计 {parse_ms + load_ms:.0f} ms（中位数，{ROUNDS} 次）；"
        f"再次导入（全部不变）{again_ms:.0f} ms（{again_queries} 条 SQL）"
    )


if __name__ == "__main__":
    main()
