"""Generate a realistic archive for benchmarks: N articles in daily issues of 8 pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/generate.py 100000

Issues of 8 pages with 5 articles each (~40 an issue), Chinese text of 800–1,500 characters built
from the seed page's sentences, ~60 reporters in byline roles, regions from the tree, ~200 tags.
Writes through bulk_create in batches (the same rows the importer writes, search document
included), streaming: memory does not grow with N. Prints a progress line and the load rate.
"""

import argparse
import datetime
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
# Production-like settings: DEBUG off (no query log growing with N).
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag  # noqa: E402

from articles import search  # noqa: E402
from articles.models import (  # noqa: E402
    Article,
    ArticleRegion,
    Byline,
    Issue,
    Page,
    Reporter,
    Section,
    TaggedArticle,
)
from regions.models import Region  # noqa: E402

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


def next_issue_start():
    last = Issue.objects.order_by("-date").first()
    if last is None:
        return datetime.date(1995, 1, 2), 1
    return last.date + datetime.timedelta(days=1), last.number + 1


def generate(total, batch_issues=25, seed=1):
    rng = random.Random(seed)
    corpus = sentences()
    people = make_people(rng)
    tags = make_tags(rng)
    sections = [
        Section.objects.get_or_create(name=n)[0]
        for n in ["法润工心", "工会“小灵通”", "劳模风采", "一线传真", "职工之家"]
    ]
    counties = list(Region.objects.exclude(kind__in=["province", "city"]).select_related("parent"))
    date, number = next_issue_start()
    issues_needed = -(-total // (PAGES_PER_ISSUE * ARTICLES_PER_PAGE))
    made, started = 0, time.monotonic()
    now = timezone.now()
    while made < total:
        with transaction.atomic():
            issues = []
            for _ in range(min(batch_issues, issues_needed)):
                issues.append(Issue(date=date, number=number, note="基准测试数据"))
                date += datetime.timedelta(days=1)
                number += 1
            issues_needed -= len(issues)
            Issue.objects.bulk_create(issues)
            pages = Page.objects.bulk_create(
                Page(issue=issue, number=n, name=PAGE_NAMES[n - 1])
                for issue in issues
                for n in range(1, PAGES_PER_ISSUE + 1)
            )
            articles, extras = [], []
            for page in pages:
                for position in range(1, ARTICLES_PER_PAGE + 1):
                    if made + len(articles) >= total:
                        break
                    article, extra = build_article(
                        rng, corpus, page, position, people, tags, sections, counties, now
                    )
                    articles.append(article)
                    extras.append(extra)
            Article.objects.bulk_create(articles)
            bylines, places, tagged = [], [], []
            for article, (credits, regions, article_tags) in zip(articles, extras, strict=True):
                bylines += [
                    Byline(article=article, reporter=p, role=role, position=i)
                    for i, (p, role) in enumerate(credits, start=1)
                ]
                places += [
                    ArticleRegion(article=article, region=r, position=i)
                    for i, r in enumerate(regions, start=1)
                ]
                tagged += [TaggedArticle(content_object=article, tag=t) for t in article_tags]
            Byline.objects.bulk_create(bylines)
            ArticleRegion.objects.bulk_create(places)
            TaggedArticle.objects.bulk_create(tagged)
        made += len(articles)
        rate = made / (time.monotonic() - started)
        print(
            f"\r已生成 {made}/{total} 篇（{rate:,.0f} 篇/秒）", end="", file=sys.stderr, flush=True
        )
    elapsed = time.monotonic() - started
    print(file=sys.stderr)
    return made, elapsed


def build_article(rng, corpus, page, position, people, tags, sections, counties, now):
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
    region = rng.choice(counties)
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
        section=rng.choice(sections) if rng.random() < 0.2 else None,
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
    return article, (credits, [region], article_tags)


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
