"""Generate a realistic archive for benchmarks: N articles in daily issues of 8 pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/generate.py 100000

Issues of 8 pages with 5 articles each (~40 an issue), Chinese text of 800–1,500 characters built
from the seed page's sentences, ~60 reporters in byline roles, regions from the tree, ~200 tags.
Writes through bulk_create in batches (the same rows the importer writes, search document
included), streaming: memory does not grow with N. A second process makes the next batches'
text and search terms while this one writes; the GIN search indexes are dropped for the load and
built once at the end (counted in the rate). The archive ends the day before the earliest issue
already there, so all of it is published. Prints a progress line and the load rate.
"""

import argparse
import collections
import contextlib
import datetime
import multiprocessing
import random
import re
import sys
import time
from pathlib import Path

import django_setup  # noqa: F401  (sets Django up: before any Django import)

# isort: split
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from articles import search
from articles.models import (
    Article,
    ArticleRegion,
    Byline,
    Issue,
    Page,
    Reporter,
    Section,
    TaggedArticle,
)
from regions.models import Region

PAGES_PER_ISSUE = 8
ARTICLES_PER_PAGE = 5
PAGE_NAMES = ["要闻", "工会", "综合", "劳模风采", "职工生活", "法治", "区域新闻", "副刊"]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉文婷慧桢晓晶"
    "秋凡倩飞星晨婧荣江"
)
TOPICS = [
    "劳模", "工匠", "技能竞赛", "职工维权", "普法", "产业工人", "创新创效", "职工书屋",
    "户外劳动者", "新就业形态", "安全生产", "女职工", "困难职工", "工会改革", "集体协商",
    "劳动竞赛", "职工疗休养", "红色教育", "廉洁文化", "志愿服务",
]  # fmt: skip
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "seed-page.txt"


def sentences():
    text = SEED.read_text(encoding="utf-8")
    found = [s for s in re.findall(r"[^。！？\n#]+[。！？]", text) if len(s) > 12]
    return [s.strip().replace(",", "，") for s in found]


def make_people(rng, count=60):
    names = set()
    while len(names) < count:
        names.add(
            rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        )
    units = ["杭州市总工会", "宁波市总工会", "湖州市总工会", "温州市总工会", "嘉兴市总工会", ""]
    people = []
    for i, name in enumerate(sorted(names)):
        reporter, _ = Reporter.objects.get_or_create(
            name=name,
            defaults={
                "kind": "staff" if i % 3 == 0 else "correspondent",
                "unit": "" if i % 3 == 0 else rng.choice(units),
            },
        )
        people.append(reporter)
    return people


def make_tags(rng, count=200):
    words = TOPICS + [f"{a}{b}" for a in ["职工", "工会", "劳动", "技能"] for b in TOPICS]
    tags = []
    for name in words[:count]:
        tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": name})
        tags.append(tag)
    return tags


def first_issue(issues_needed):
    """The date and number of the first generated issue.

    The archive ends the day before the earliest issue already there (or yesterday), so that
    every generated article is in the past, published, as an archive is. Numbers continue
    after the highest one in use (期号 are unique), in date order within the archive.
    """
    earliest = Issue.objects.order_by("date").values_list("date", flat=True).first()
    end = earliest or timezone.localdate()
    highest = Issue.objects.order_by("-number").values_list("number", flat=True).first() or 0
    return end - datetime.timedelta(days=issues_needed), highest + 1


class Catalogue:
    """What every article draws from: made once, in the database, before the work is split."""

    def __init__(self, rng):
        self.corpus = sentences()
        self.people = make_people(rng)
        self.tags = make_tags(rng)
        self.sections = [
            Section.objects.get_or_create(name=n)[0]
            for n in ["法润工心", "工会“小灵通”", "劳模风采", "一线传真", "职工之家"]
        ]
        self.counties = list(
            Region.objects.exclude(kind__in=["province", "city"]).select_related("parent")
        )


# Set before the worker forks, which inherits it: the catalogue is never pickled.
_catalogue = None


def build_batch(spec):
    """Unsaved issues, pages and articles (with credits, places, tags) for one batch.

    Runs in a second process: text and search terms are most of a load's Python work, and they
    are made there while this process writes the previous batch.
    """
    first_date, first_number, issue_count, article_count, seed = spec
    rng, now = random.Random(seed), timezone.now()
    issues = [
        Issue(
            date=first_date + datetime.timedelta(days=i),
            number=first_number + i,
            note="基准测试数据",
        )
        for i in range(issue_count)
    ]
    pages = [
        Page(issue=issue, number=n, name=PAGE_NAMES[n - 1])
        for issue in issues
        for n in range(1, PAGES_PER_ISSUE + 1)
    ]
    articles = []
    for page in pages:
        for position in range(1, ARTICLES_PER_PAGE + 1):
            if len(articles) < article_count:
                articles.append(build_article(rng, _catalogue, page, position, now))
    return issues, pages, articles


def write_batch(issues, pages, articles):
    """One transaction: the rows of a batch, each table in one bulk INSERT."""
    with transaction.atomic():
        Issue.objects.bulk_create(issues)
        Page.objects.bulk_create(pages)
        Article.objects.bulk_create([article for article, *_ in articles])
        Byline.objects.bulk_create(
            Byline(article=article, reporter=p, role=role, position=i)
            for article, credits, _, _ in articles
            for i, (p, role) in enumerate(credits, start=1)
        )
        ArticleRegion.objects.bulk_create(
            ArticleRegion(article=article, region=r, position=i)
            for article, _, regions, _ in articles
            for i, r in enumerate(regions, start=1)
        )
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=article, tag=t)
            for article, _, _, article_tags in articles
            for t in article_tags
        )
    return len(articles)


def batch_specs(total, batch_issues, seed):
    per_issue = PAGES_PER_ISSUE * ARTICLES_PER_PAGE
    issues_needed = -(-total // per_issue)
    date, number = first_issue(issues_needed)
    left, batch = total, 0
    while left > 0:
        count = min(batch_issues, -(-left // per_issue))
        articles = min(left, count * per_issue)
        yield date, number, count, articles, seed * 1_000_003 + batch
        date += datetime.timedelta(days=count)
        number += count
        left -= articles
        batch += 1


@contextlib.contextmanager
def search_indexes_deferred():
    """Drop the GIN search indexes for the load and build them once at the end.

    Keeping a GIN index up to date costs more than the INSERT itself (each article adds ~700
    terms); building it once from the loaded table is several times faster. PostgreSQL's
    pg_restore does the same. The definitions come from the catalogue, so whatever the
    migrations made is what comes back, even if the load fails.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [Article._meta.db_table, "%USING gin%"],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _, definition in indexes:
                cursor.execute(definition)


def progress(made, total, started):
    rate = made / (time.monotonic() - started)
    print(f"\r已生成 {made}/{total} 篇（{rate:,.0f} 篇/秒）", end="", file=sys.stderr, flush=True)


def generate(total, batch_issues=25, seed=1):
    global _catalogue
    _catalogue = Catalogue(random.Random(seed))
    made, started = 0, time.monotonic()
    # fork: the worker inherits the catalogue and Django's set-up; it never touches the database.
    connection.close()
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool, search_indexes_deferred():
        # At most two batches wait for the writer: memory stays flat however large N is.
        pending = collections.deque()
        for spec in batch_specs(total, batch_issues, seed):
            pending.append(pool.apply_async(build_batch, (spec,)))
            if len(pending) > 2:
                made += write_batch(*pending.popleft().get())
                progress(made, total, started)
        while pending:
            made += write_batch(*pending.popleft().get())
            progress(made, total, started)
        print("\n重建搜索索引…", file=sys.stderr)
    elapsed = time.monotonic() - started
    return made, elapsed


def build_article(rng, catalogue, page, position, now):
    """An unsaved article of page, with its credits, places and tags."""
    corpus, people, tags = catalogue.corpus, catalogue.people, catalogue.tags
    length = rng.randint(800, 1500)
    paragraphs, size = [], 0
    while size < length:
        paragraph = "".join(rng.choice(corpus) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        size += len(paragraph)
    if len(paragraphs) > 4 and rng.random() < 0.3:
        paragraphs.insert(2, "## " + rng.choice(TOPICS) + "引领新风尚")
    credits = [
        (p, "记者" if p.kind == "staff" else "通讯员")
        for p in rng.sample(people, rng.randint(1, 3))
    ]
    region = rng.choice(catalogue.counties)
    article_tags = rng.sample(tags, rng.randint(2, 4))
    headline = rng.choice(TOPICS) + rng.choice(
        ["引领新风尚", "助力高质量发展", "赛出新水平", "走进一线", "暖心服务"]
    )
    subheadline = f"{region.parent.short_name}{region.short_name}工会{rng.choice(TOPICS)}工作见实效"
    body = "\n".join(paragraphs)
    names = " ".join(
        [p.name for p, _ in credits]
        + [region.name, region.short_name, region.parent.name, region.parent.short_name]
        + [t.name for t in article_tags]
    )
    title, title_terms = search.title_document("", headline, subheadline)
    document, terms = search.document("", headline, subheadline, "本报讯", body, names)
    published_at = datetime.datetime.combine(
        page.issue.date, datetime.time(6), tzinfo=timezone.get_current_timezone()
    )
    article = Article(
        issue=page.issue,
        page=page,
        position=position,
        section=rng.choice(catalogue.sections) if rng.random() < 0.2 else None,
        headline=headline,
        subheadline=subheadline,
        dateline="本报讯",
        body=body,
        status=Article.Status.PUBLISHED if published_at <= now else Article.Status.SCHEDULED,
        published_at=published_at,
        search_document=document,
        search_terms=terms,
        search_title=title,
        search_title_terms=title_terms,
    )
    return article, credits, [region], article_tags


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?", default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not Region.objects.exists():
        call_command("loaddata", "regions", verbosity=0)
    made, elapsed = generate(args.articles, seed=args.seed)
    print(f"载入 {made} 篇，用时 {elapsed:.1f} 秒，{made / elapsed:,.0f} 篇/秒")
    # Fresh statistics, as autovacuum would make soon after a load this size: without them the
    # planner guesses row counts from an empty table.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
