"""A page's image and zones are content: storing or correcting them refreshes cached pages."""

import datetime

import pytest

from tests.articles.printed_helpers import add_page_pdf, column_rects
from tests.conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(db):
    return make_page(issue=make_issue(date=datetime.date(2024, 10, 8)), number=1, name="要闻")


def cached_twice(client, url):
    """The page fetched twice by a reader: the second answer comes from the page cache."""
    client.get(url)
    response = client.get(url)
    assert response["X-Cache"] == "HIT"
    return response


def test_a_zone_corrected_by_an_editor_shows_on_the_next_request(client, page, admin_user):
    article = make_article(page=page, position=1, headline="第1篇稿件")
    page_pdf = add_page_pdf(page, [(article, column_rects(0))])
    before = cached_twice(client, page.get_absolute_url()).content.decode()
    assert 'class="zone"' in before

    page_pdf.zones.get().correct([[0.5, 0.2, 0.9, 0.8]], admin_user)

    response = client.get(page.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    assert response.content != before.encode()


def test_a_page_pdf_stored_after_the_page_was_cached_shows_at_once(client, page):
    article = make_article(page=page, position=1, headline="第1篇稿件")
    cached_twice(client, page.get_absolute_url())
    cached_twice(client, article.get_absolute_url())

    add_page_pdf(page, [(article, column_rects(0))])

    on_page = client.get(page.get_absolute_url())
    assert on_page["X-Cache"] == "MISS" and 'class="zone"' in on_page.content.decode()
    in_article = client.get(article.get_absolute_url())
    assert in_article["X-Cache"] == "MISS"
    assert 'class="printed-position"' in in_article.content.decode()


def test_a_deleted_page_pdf_leaves_no_cached_image(client, page):
    article = make_article(page=page, position=1, headline="第1篇稿件")
    page_pdf = add_page_pdf(page, [(article, column_rects(0))])
    assert 'class="zone"' in cached_twice(client, page.get_absolute_url()).content.decode()

    page_pdf.delete()

    response = client.get(page.get_absolute_url())
    assert response["X-Cache"] == "MISS" and 'class="zone"' not in response.content.decode()
