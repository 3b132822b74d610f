"""A working day, compressed: readers across the whole archive while editors change and publish.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/working_day.py

Needs an archive made by bench/generate.py in that database, Redis, and a throwaway copy of the
archive you do not mind changing (it edits headlines and publishes a new issue). gunicorn serves
the site with the page cache on Redis (a database of its own, emptied first). For --duration
seconds, --readers threads, each on one kept-alive connection, ask for pages the way readers do:
the home page and the latest issue hot, articles Zipf-distributed over the whole archive (most
arrive from search and social links, a long tail), some tag and section pages. Meanwhile an
editor changes one article's headline every --edit-every seconds (a save, as in the admin) and
publishes one page of a new issue every --publish-every seconds (the bulk transition, as the
admin's action). A day's 30 s and 5 min are compressed by --speed (10: every 3 s and 30 s).

Each edited headline carries a marker 〔修订 id-n〕. A reader's response is stale when it shows
article id at revision n although revision n+1 or later had been saved before the request was
sent: that must never happen. Reports the cache hit rate, the readers' p50 and p99 (hits and
misses apart), and the stale responses; the markdown goes to bench/results/.
"""

import argparse
import bisect
import datetime
import http.client
import os
import random
import re
import threading
import time
import urllib.parse
from pathlib import Path

os.environ.setdefault("REDIS_URL", os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"))
os.environ.setdefault("BENCH_PORT", "8766")

from django_setup import ROOT  # sets Django up: before any Django import

# isort: split
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from run import PORT, start_gunicorn
from taggit.models import Tag

from articles.models import Article, Issue, Page, Section

MARKER = re.compile(r"〔修订 (\d+)-(\d+)〕")


def zipf_sampler(items, exponent, rng):
    """A function drawing one of items, the k-th with weight 1/k**exponent."""
    weights, total = [], 0.0
    for rank in range(1, len(items) + 1):
        total += 1 / rank**exponent
        weights.append(total)

    def draw():
        return items[bisect.bisect(weights, rng.random() * total)]

    return draw


class Edits:
    """The editors' log: when each revision of a headline was saved (committed)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.saved = {}  # article id -> [(saved at, revision)], in order
        self.count = 0

    def record(self, pk, revision, when):
        with self.lock:
            self.saved.setdefault(pk, []).append((when, revision))
            self.count += 1

    def latest_before(self, pk, when):
        """The newest revision of article pk saved before `when` (0: none)."""
        with self.lock:
            revisions = self.saved.get(pk, ())
            return max((rev for saved_at, rev in revisions if saved_at < when), default=0)


class Newsroom:
    """The editor: edits an article every edit_every s, publishes a page every publish_every s."""

    def __init__(self, args, hot, popular, edits, stop):
        self.args, self.hot, self.popular, self.edits, self.stop = args, hot, popular, edits, stop
        self.rng = random.Random(args.seed + 1)
        self.revisions = {}
        self.chief, _ = get_user_model().objects.get_or_create(
            username="bench-chief", defaults={"is_superuser": True, "is_staff": True}
        )
        self.pages = self.prepare_issue()
        self.published_pages = 0

    def prepare_issue(self):
        """A new issue, the day after the latest, whose pages wait approved (not yet public)."""
        latest = Issue.objects.order_by("-date").first()
        # The highest number, not the latest issue's: bench/generate.py numbers the archive it
        # puts before the seed issue after the seed's own number.
        highest = Issue.objects.order_by("-number").values_list("number", flat=True).first()
        issue = Issue.objects.create(
            date=latest.date + datetime.timedelta(days=1), number=highest + 1
        )
        section = Section.objects.first()
        pages = []
        for number in range(1, self.args.pages + 1):
            page = Page.objects.create(issue=issue, number=number, name=f"第{number}版")
            for position in range(1, 7):
                Article.objects.create(
                    issue=issue,
                    page=page,
                    position=position,
                    section=section,
                    headline=f"新一期第{number}版第{position}篇",
                    body="第一段正文。\n第二段正文。",
                    status=Article.Status.APPROVED,
                )
            pages.append(page)
        return pages

    def edit(self):
        pk = self.rng.choice(self.hot) if self.rng.random() < 0.5 else self.popular()
        article = Article.objects.get(pk=pk)
        revision = self.revisions.get(pk, 0) + 1
        base = MARKER.sub("", article.headline)[:150]
        article.headline = f"{base}〔修订 {pk}-{revision}〕"
        article.save()
        self.revisions[pk] = revision
        # Saved and committed (autocommit): from now on no reader may see an older revision.
        self.edits.record(pk, revision, time.monotonic())

    def publish(self):
        if self.published_pages >= len(self.pages):
            return
        page = self.pages[self.published_pages]
        moved = Article.objects.filter(page=page).transition(Article.Status.PUBLISHED, self.chief)
        self.published_pages += 1
        # Readers find the new page's articles from the home page at once.
        self.hot[:0] = moved

    def run(self):
        edit_every = self.args.edit_every / self.args.speed
        publish_every = self.args.publish_every / self.args.speed
        next_edit = time.monotonic() + edit_every
        next_publish = time.monotonic() + publish_every
        while not self.stop.is_set():
            now = time.monotonic()
            if now >= next_publish:
                self.publish()
                next_publish += publish_every
            if now >= next_edit:
                self.edit()
                next_edit += edit_every
            self.stop.wait(max(0.0, min(next_edit, next_publish) - time.monotonic()))
        connection.close()


class Reader(threading.Thread):
    def __init__(self, number, args, choose, edits, stop, results):
        super().__init__(daemon=True)
        self.rng = random.Random(args.seed * 1000 + number)
        self.choose, self.edits, self.stop, self.results = choose, edits, stop, results

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        records = []
        while not self.stop.is_set():
            path = self.choose(self.rng)
            sent = time.monotonic()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read().decode()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                records.append((path, 0, None, time.monotonic() - sent, [], sent, None))
                continue
            took = time.monotonic() - sent
            stale = [
                (int(pk), int(rev), self.edits.latest_before(int(pk), sent))
                for pk, rev in set(MARKER.findall(body))
            ]
            stale = [item for item in stale if item[1] < item[2]]
            records.append(
                (
                    path,
                    response.status,
                    response.getheader("X-Cache"),
                    took,
                    stale,
                    sent,
                    response.getheader("X-Rendered"),
                )
            )
        conn.close()
        self.results.extend(records)


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=180, help="seconds of traffic")
    parser.add_argument("--readers", type=int, default=8, help="reader threads (connections)")
    parser.add_argument("--speed", type=float, default=10, help="a day's clock, this many × fast")
    parser.add_argument("--edit-every", type=float, default=30, help="a day's seconds per edit")
    parser.add_argument("--publish-every", type=float, default=300, help="… per page published")
    parser.add_argument("--pages", type=int, default=8, help="pages of the new issue")
    parser.add_argument("--zipf", type=float, default=1.0, help="Zipf exponent over the archive")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--prerender",
        action="store_true",
        help="render the rows of every published page first (manage.py prerender), as a site "
        "that has been read for a day has them",
    )
    parser.add_argument(
        "--warmup", type=float, default=0.25, help="share of the run not counted (cache filling)"
    )
    args = parser.parse_args()

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    rng = random.Random(args.seed)
    archive = list(Article.objects.published().values_list("pk", flat=True))
    rng.shuffle(archive)  # popularity has nothing to do with age or id
    latest = Issue.objects.published().order_by("-date").first()
    hot = list(Article.objects.published().filter(issue=latest).values_list("pk", flat=True))
    latest_pages = [page.get_absolute_url() for page in latest.pages.order_by("number")]
    tags = [
        f"/tags/{urllib.parse.quote(slug)}/"
        for slug in Tag.objects.order_by("pk").values_list("slug", flat=True)
    ]
    sections = [section.get_absolute_url() for section in Section.objects.all()]
    popular = zipf_sampler(archive, args.zipf, rng)
    popular_tag = zipf_sampler(tags or ["/articles/"], 1.0, rng)

    def choose(reader_rng):
        roll = reader_rng.random()
        if roll < 0.15:
            return "/"
        if roll < 0.22:
            return latest.get_absolute_url()
        if roll < 0.27:
            return reader_rng.choice(latest_pages)
        if roll < 0.30:
            return popular_tag()
        if roll < 0.32:
            return reader_rng.choice(sections)
        if roll < 0.42:
            return f"/articles/{reader_rng.choice(hot)}/"
        return f"/articles/{popular()}/"

    edits, stop, results = Edits(), threading.Event(), []
    newsroom = Newsroom(args, hot, popular, edits, stop)
    if args.prerender:
        began = time.monotonic()
        call_command("prerender", "--origin", f"http://127.0.0.1:{PORT}")
        print(f"prerender: {time.monotonic() - began:.0f} s")
    server = start_gunicorn({"PAGE_CACHE": "1", "REDIS_URL": os.environ["REDIS_URL"]})
    try:
        load_before = os.getloadavg()
        started = time.monotonic()
        readers = [Reader(n, args, choose, edits, stop, results) for n in range(args.readers)]
        for reader in readers:
            reader.start()
        editor = threading.Thread(target=newsroom.run, daemon=True)
        editor.start()
        time.sleep(args.duration)
        stop.set()
        for thread in (*readers, editor):
            thread.join()
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait()
    counted_from = started + args.warmup * args.duration
    counted = [r for r in results if r[5] >= counted_from]
    report(args, results, counted, edits, newsroom, len(archive), load_before, load_after)


def report(args, everything, results, edits, newsroom, archive_size, load_before, load_after):
    """Figures for the requests after the warm-up; stale responses and errors over the whole run."""
    ok = [r for r in results if r[1] == 200]
    hits = [r for r in ok if r[2] == "HIT"]
    misses = [r for r in ok if r[2] != "HIT"]
    # A miss of the page cache served from its rendered row (prerendered/): no view ran.
    stored = [r for r in misses if r[6] == "stored"]
    rendered = [r for r in misses if r[6] != "stored"]
    stale = [(r[0], item) for r in everything for item in r[4]]
    errors = [r for r in everything if r[1] != 200]
    ms = lambda rows, q: 1000 * percentile([r[3] for r in rows], q)  # noqa: E731
    # A page asked for the first time cannot be in the cache, whatever invalidates what: the hit
    # rate of the pages asked for again is what invalidation decides.
    seen, repeated, counted = set(), [], {id(r) for r in results}
    for r in sorted(everything, key=lambda r: r[5]):
        if r[0] in seen and id(r) in counted and r[1] == 200:
            repeated.append(r)
        seen.add(r[0])
    repeated_hits = [r for r in repeated if r[2] == "HIT"]
    articles = [r for r in ok if r[0].startswith("/articles/")]
    article_hits = [r for r in articles if r[2] == "HIT"]
    lines = [
        f"# 一个工作日（压缩 {args.speed:g} 倍）：{archive_size:,} 篇稿件",
        "",
        f"{args.duration:g} s of traffic, {args.readers} readers; an edit every "
        f"{args.edit_every / args.speed:g} s ({edits.count} edits), a page published every "
        f"{args.publish_every / args.speed:g} s ({newsroom.published_pages} pages); Zipf "
        f"exponent {args.zipf:g}; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after (2 cores, shared). Figures from the requests after the first "
        f"{100 * args.warmup:g}% of the run (the cache filling); errors and stale responses over "
        f"all {len(everything):,}. Targeted invalidation: {settings.PAGE_CACHE_TARGETED}. "
        f"Rendered rows made first (manage.py prerender): {args.prerender}.",
        "",
        "| what | value |",
        "|---|---|",
        f"| requests counted | {len(results):,} ({len(everything) / args.duration:.0f}/s) |",
        f"| cache hit rate | {100 * len(hits) / max(1, len(ok)):.1f}% |",
        f"| article pages hit rate | {100 * len(article_hits) / max(1, len(articles)):.1f}% |",
        f"| hit rate of pages asked for before | "
        f"{100 * len(repeated_hits) / max(1, len(repeated)):.1f}% ({len(repeated):,} requests) |",
        f"| p50 / p99, all | {ms(ok, 0.5):.1f} / {ms(ok, 0.99):.1f} ms |",
        f"| p50 / p99, hits | {ms(hits, 0.5):.1f} / {ms(hits, 0.99):.1f} ms |",
        f"| p50 / p99, misses | {ms(misses, 0.5):.1f} / {ms(misses, 0.99):.1f} ms |",
        f"| served without rendering (a hit, or a miss read from its stored page) | "
        f"{100 * (len(hits) + len(stored)) / max(1, len(ok)):.1f}% |",
        f"| p50 / p99, misses read from their stored page | "
        f"{ms(stored, 0.5):.1f} / {ms(stored, 0.99):.1f} ms |",
        f"| p50 / p99, pages rendered by the view | "
        f"{ms(rendered, 0.5):.1f} / {ms(rendered, 0.99):.1f} ms |",
        f"| errors (not 200) | {len(errors)} |",
        f"| stale responses | {len(stale)} |",
    ]
    for path, (pk, seen, due) in stale[:10]:
        lines.append(f"| stale: {path} | article {pk} at revision {seen}, {due} saved before |")
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    Path(out / f"working_day-{archive_size}-{stamp}.md").write_text(text)


if __name__ == "__main__":
    main()
