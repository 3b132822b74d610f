"""The rule of when a page is ready for print, on statuses alone."""

from articles.models import Status
from desk.readiness import MISSING, NOT_READY, READY, page_state


def test_a_page_without_articles_is_missing_copy():
    assert page_state([]) == MISSING


def test_withdrawn_articles_are_off_the_page():
    assert page_state([Status.WITHDRAWN]) == MISSING
    assert page_state([Status.WITHDRAWN, Status.APPROVED]) == READY


def test_one_article_not_yet_approved_keeps_the_page_not_ready():
    for waiting in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED):
        assert page_state([Status.APPROVED, waiting]) == NOT_READY


def test_approved_scheduled_and_published_are_ready():
    assert page_state([Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED]) == READY
