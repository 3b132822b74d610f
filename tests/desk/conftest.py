"""Fixtures of the desk tests: tomorrow's issue with pages in each state (the staff users in
each role are in tests/conftest.py)."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Status
from tests.conftest import make_article, make_issue, make_page


@pytest.fixture
def tomorrow(db, contributor):
    """Tomorrow's issue: 第01版 ready (approved), 第02版 not ready (submitted), 第03版 empty."""
    issue = make_issue(date=timezone.localdate() + datetime.timedelta(days=1))
    ready = make_page(issue=issue, number=1, name="要闻")
    waiting = make_page(issue=issue, number=2, name="工会")
    make_page(issue=issue, number=3, name="综合")
    make_article(page=ready, headline="劳模座谈会召开", status=Status.APPROVED, position=1)
    make_article(
        page=waiting,
        headline="职工书屋开放",
        status=Status.SUBMITTED,
        created_by=contributor,
        reporters=[("寿慧桢", "通讯员")],
    )
    return issue
