"""Helpers for the articles tests: what a reader page shows, and articles made to fill one."""

import datetime
import itertools
import random
import re

from django.urls import reverse
from django.utils import timezone

from articles.dates import chinese_date
from articles.models import Article, Byline, Photo, Reporter
from regions.models import Region
from tests.conftest import make_article, make_issue, make_page, on_postgresql

SEED_DATE = datetime.date(2024, 10, 8)
SEED_HEADLINES = [
    "全域式创新 领头雁带动 一贯制孵化",
    "技能引领新“食”尚",
    "立足小窗口 赛出新水平",
    "引领职工学法知法护法",
    "“劳动专列” 主题公交车上路",
    "沉浸式感悟红色精神",
    "永把“廉”字刻心头",
]


# Helpers


def text(response):
    """The page's text as a reader sees it: blocks apart, inline tags dropped, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"</?(?:p|h[1-6]|li|ul|dl|dt|dd|div|nav|figcaption)\b[^>]*>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def headlines_in(response):
    """The article headlines a page links to, in order."""
    html = response.content.decode()
    return re.findall(r'class="headline"><a href="/articles/\d+/">([^<]+)</a>', html)


def assert_headings_in_order(html):
    """One h1 first, and no level skipped on the way down (h1 → h3 would skip h2)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(after - before <= 1 for before, after in itertools.pairwise(levels)), levels


def seed_article(position):
    return Article.objects.get_by_natural_key(SEED_DATE.isoformat(), 2, position)


def list_url(**params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("articles:article_list") + (f"?{query}" if query else "")


def past():
    return timezone.now() - datetime.timedelta(hours=1)


def future():
    return timezone.now() + datetime.timedelta(days=1)


# Every way an article can be out of readers' sight.
HIDDEN = {
    "draft": lambda: {"status": Article.Status.DRAFT},
    "submitted": lambda: {"status": Article.Status.SUBMITTED},
    "withdrawn": lambda: {"status": Article.Status.WITHDRAWN, "published_at": past()},
    "published-in-the-future": lambda: {
        "status": Article.Status.PUBLISHED,
        "published_at": future(),
    },
    "scheduled-for-tomorrow": lambda: {
        "status": Article.Status.SCHEDULED,
        "published_at": future(),
    },
}


def add_articles(page, count, section=None, region=None, photo_by=None):
    """Add `count` published articles at the end of `page`, each with everything lists show.

    Bylines in two roles, a region, two tags and a credited photo: enough that any per-article
    query in a view or template shows up as a growing query count.
    """
    start = page.articles.count() + 1
    for position in range(start, start + count):
        article = make_article(
            page=page,
            position=position,
            section=section,
            reporters=[("寿慧桢", "记者"), ("徐婧", "通讯员"), ("吴倩", "通讯员")],
            regions=[region or Region.objects.get(code="330502")],
            tags=["劳模", "工匠"],
        )
        photo = Photo.objects.create(article=article, caption="比赛现场。")
        reporter, _ = Reporter.objects.get_or_create(name=photo_by or "杨磊")
        Byline.objects.create(
            article=article, photo=photo, reporter=reporter, role="通讯员", position=9
        )


# An article page rendered (prerendered: none stored since the last change to what it shows):
# the row looked for, what is current before the view reads (the change count, the next
# scheduled publication), the view's own six (the article with its issue, page and section; its
# credits; photos; places, tags and page neighbours; corrections; related articles), and the row
# stored in a savepoint (the change count again, the row upserted, its old names deleted and
# its names written; on PostgreSQL first the lock timeout of the store).
RENDERED_ARTICLE_QUERIES = 3 + 6 + 6 + (1 if on_postgresql() else 0)
# A list of articles (the index, a reporter's, section's, tag's or region's page, unfiltered)
# rendered: the same three before, its own six (see its test), the same six to store it.
RENDERED_LIST_QUERIES = 3 + 6 + 6 + (1 if on_postgresql() else 0)
# A page of one by a key that is no published article's place (上一页/下一页 links only make real
# ones): the same three before, its own six, and the look-up that finds the key made up; it is
# not stored, so every such request costs this.
MADE_UP_KEY_LIST_QUERIES = 3 + 6 + 1


def assert_fixed_query_count(client, django_assert_num_queries, url, add, expected):
    """The view at `url` runs exactly `expected` queries with 2 articles, and again with 15.

    `add(n)` adds n articles the view shows. Returns the response with 15 articles.
    """
    add(2)
    with django_assert_num_queries(expected):
        small = client.get(url)
    add(13)
    with django_assert_num_queries(expected):
        large = client.get(url)
    assert small.status_code == large.status_code == 200
    return large


def generated_set(seed=7):
    """Articles over several issues with random credits; returns what the numbers must be."""
    rng = random.Random(seed)
    people = [
        Reporter.objects.create(name=name, unit=unit)
        for name, unit in [
            ("甲一", "湖州市总工会"),
            ("乙二", "湖州市总工会"),
            ("丙三", "宁波市总工会"),
            ("丁四", ""),
        ]
    ]
    expected = {}
    for day in range(6):
        issue = make_issue(date=datetime.date(2024, 3, 1) + datetime.timedelta(days=day))
        for number in (1, 2):
            page = make_page(issue=issue, number=number)
            for position in range(1, 4):
                status = rng.choice([Article.Status.PUBLISHED] * 3 + [Article.Status.DRAFT])
                article = make_article(page=page, position=position, status=status)
                credited = rng.sample(people, rng.randint(1, 3))
                pos = 1
                for person in credited:
                    role = rng.choice(["记者", "通讯员"])
                    Byline.objects.create(article=article, reporter=person, role=role, position=pos)
                    pos += 1
                    if status == Article.Status.PUBLISHED:
                        row = expected.setdefault((person.name, role), [0, 0, set()])
                        row[0] += 1
                        row[2].add(f"{chinese_date(issue.date)} 第{number:02d}版")
                if rng.random() < 0.5:
                    photo = Photo.objects.create(article=article, position=1, caption="图")
                    person = rng.choice(people)
                    Byline.objects.create(
                        article=article, photo=photo, reporter=person, role="通讯员", position=pos
                    )
                    if status == Article.Status.PUBLISHED:
                        row = expected.setdefault((person.name, "通讯员"), [0, 0, set()])
                        row[1] += 1
                        row[2].add(f"{chinese_date(issue.date)} 第{number:02d}版")
    return expected
