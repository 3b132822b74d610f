"""Time the admin's bulk 发布 of 200 approved articles, as an editor does it from the changelist.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/bulk_publish.py

The test suite pins the queries this runs (exactly, in tests/articles/test_admin_workflow.py);
how long it takes depends on the machine, so it is measured here and never asserted. Each round
makes 200 approved articles on a page of its own, publishes them through the admin's action and
rolls everything back, so the database is left as it was. Prints the median and the slowest.
"""

import argparse
import datetime
import statistics
import time

from django_setup import ROOT  # sets Django up: before any Django import

# isort: split
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from articles.models import Article, Issue, Page

EDITORS = "编辑"


class Rollback(Exception):
    """Raised at the end of a round to undo everything it wrote."""


def one_round(count):
    with transaction.atomic():
        editor = User.objects.create_user("bench-bulk-editor", is_staff=True)
        editor.groups.add(Group.objects.get(name=EDITORS))
        issue = Issue.objects.create(date=datetime.date(1900, 1, 1), number=999_999)
        page = Page.objects.create(issue=issue, number=1, name="基准")
        articles = Article.objects.bulk_create(
            Article(
                issue=issue,
                page=page,
                position=n,
                headline=f"基准稿件{n}",
                status=Article.Status.APPROVED,
            )
            for n in range(1, count + 1)
        )
        client = Client()
        client.force_login(editor)
        data = {
            "action": "publish_selected",
            ACTION_CHECKBOX_NAME: [a.pk for a in articles],
            "index": "0",
        }
        started = time.perf_counter()
        response = client.post(reverse("admin:articles_article_changelist"), data)
        elapsed = time.perf_counter() - started
        assert response.status_code == 302, response.status_code
        assert Article.objects.filter(page=page, status=Article.Status.PUBLISHED).count() == count
        raise Rollback(elapsed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    timings = []
    for _ in range(args.rounds):
        try:
            one_round(args.articles)
        except Rollback as done:
            timings.append(done.args[0])
    print(
        f"bulk publish of {args.articles} articles through the admin on {connection.vendor} "
        f"({ROOT.name}): median {statistics.median(timings) * 1000:.0f} ms, "
        f"slowest {max(timings) * 1000:.0f} ms over {args.rounds} rounds"
    )


if __name__ == "__main__":
    main()
