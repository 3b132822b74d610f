"""Load-independent cost of one page, in-process: CPU time, Python function calls, SQL queries.

    PAGE_CACHE=0 DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        .venv/bin/python bench/profile_page.py /articles/1234/ --requests 200

The machine is shared, so wall-clock rates drift with its load; the process's own CPU time per
request drifts much less, and the number of Python function calls (cProfile) and of queries not
at all. Each figure is taken after a warm-up request (which may build derived data, such as the
article page's rendered row), then over --requests requests. With --cold FIRST, also the first
request of --requests articles from id FIRST on (a page nobody asked for since its last change:
their rendered rows, if any, are deleted first).
"""

import argparse
import cProfile
import pstats
import statistics
import time

from django_setup import ROOT  # noqa: F401  (sets Django up: before any Django import)

# isort: split
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def cpu_ms(client, url, requests):
    """CPU milliseconds per request: the median of five rounds of `requests` requests."""
    rounds = []
    for _ in range(5):
        started = time.process_time()
        for _ in range(requests // 5):
            response = client.get(url)
            assert response.status_code == 200, response.status_code
        rounds.append((time.process_time() - started) * 1000 / (requests // 5))
    return statistics.median(rounds)


def calls(client, url):
    profile = cProfile.Profile()
    profile.enable()
    client.get(url)
    profile.disable()
    return pstats.Stats(profile).total_calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--cold", type=int, metavar="FIRST")
    args = parser.parse_args()
    client = Client()
    assert client.get(args.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(args.url)
    print(f"{args.url}: {len(queries)} queries a request")
    print(f"function calls a request (cProfile): {calls(client, args.url)}")
    print(f"CPU a request: {cpu_ms(client, args.url, args.requests):.2f} ms")
    if args.cold:
        cold(client, range(args.cold, args.cold + args.requests))


def cold(client, ids):
    """The first request of each article in ids: CPU, calls and queries, on average."""
    if apps.is_installed("prerendered"):
        from prerendered.models import RenderedArticle

        RenderedArticle.objects.filter(article_id__in=ids).delete()
    urls = [f"/articles/{pk}/" for pk in ids]
    profile = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profile.enable()
        started = time.process_time()
        for url in urls:
            assert client.get(url).status_code == 200, url
        spent = time.process_time() - started
        profile.disable()
    n = len(urls)
    print(
        f"first requests of {n} articles: {len(queries) / n:.1f} queries, "
        f"{pstats.Stats(profile).total_calls / n:.0f} function calls (cProfile on), "
        f"CPU {spent * 1000 / n:.2f} ms (profiled) a request"
    )


if __name__ == "__main__":
    main()
