"""Server time of the editors' desk and of the article list, on an archive (bench/generate.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/desk.py

Adds tomorrow's issue (8 pages, 40 articles in every status, two pages left empty) and a
user in each role if they are not there, then requests each page in-process through Django's
test client (the whole request: middleware, session, view, template), ROUNDS times after one
warm-up, and prints p50/p95 and the queries per request. Writes bench/results/desk.tsv.
"""

import datetime
import statistics
import time

import django_setup  # noqa: F401  (sets Django up: before any Django import)

# isort: split
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Issue, Page, Status

ROUNDS = 20
RESULTS = django_setup.ROOT / "bench" / "results" / "desk.tsv"
ROLES = {"chief": "值班主任/总编", "editor": "编辑", "contributor": "通讯员/记者"}
STATUSES = [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED, Status.SCHEDULED]


def tomorrows_issue(author):
    date = timezone.localdate() + datetime.timedelta(days=1)
    issue = Issue.objects.filter(date=date).first()
    if issue is not None:
        return issue
    number = (Issue.objects.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    issue = Issue.objects.create(date=date, number=number)
    for number in range(1, 9):
        page = Page.objects.create(issue=issue, number=number, name=f"第{number}版")
        if number > 6:
            continue  # 缺稿: two pages with nothing yet
        for position in range(1, 8):
            status = STATUSES[(number + position) % len(STATUSES)]
            Article.objects.create(
                issue=issue,
                page=page,
                position=position,
                headline=f"明日稿件{number}-{position}",
                body="正文。",
                status=status,
                published_at=timezone.now() + datetime.timedelta(hours=8)
                if status == Status.SCHEDULED
                else None,
                created_by=author,
            )
    return issue


def user(role):
    person, _ = User.objects.get_or_create(username=f"bench-{role}", defaults={"is_staff": True})
    person.groups.add(Group.objects.get(name=ROLES[role]))
    return person


def measure(client, url):
    client.get(url)  # warm-up: caches, connections
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), statistics.quantiles(times, n=20)[18], len(queries)


def main():
    users = {role: user(role) for role in ROLES}
    tomorrows_issue(users["contributor"])
    total = Article.objects.count()
    print(f"{connection.vendor}，{total:,} 篇稿件，每项 {ROUNDS} 次")
    rows = []
    pages = [
        ("工作台", "chief", "/admin/"),
        ("工作台", "editor", "/admin/"),
        ("工作台", "contributor", "/admin/"),
        ("稿件列表", "chief", "/admin/articles/article/"),
        ("稿件列表（搜索“劳模”）", "chief", "/admin/articles/article/?q=劳模"),
        ("稿件列表（状态=待审）", "chief", "/admin/articles/article/?status__exact=submitted"),
        ("稿件列表", "contributor", "/admin/articles/article/"),
    ]
    print("| 页面 | 角色 | p50 (ms) | p95 (ms) | 查询数 |")
    print("|---|---|---|---|---|")
    for name, role, url in pages:
        client = Client()
        client.force_login(users[role])
        p50, p95, queries = measure(client, url)
        rows.append((name, role, total, f"{p50:.1f}", f"{p95:.1f}", queries))
        print(f"| {name} | {role} | {p50:.1f} | {p95:.1f} | {queries} |")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("w") as out:
        out.write("page\trole\tarticles\tp50_ms\tp95_ms\tqueries\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")


if __name__ == "__main__":
    main()
