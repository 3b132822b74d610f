"""`manage.py prerender --origin …`: the public pages with no stored row are rendered ahead of
their first reader (after a deploy, or for new articles), and only those; a draft never is."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from articles.models import Article
from prerendered.models import RenderedArticle, RenderedList
from tests.articles.helpers import HIDDEN
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
PAGE_CACHE = "newsroom.pagecache.AnonymousPageCacheMiddleware"


@pytest.fixture(autouse=True)
def site_middleware(settings):
    """The site's middleware; the page cache is off for the readers of these tests (a cached
    page would answer before the row is read) unless a test puts it back."""
    site = list(settings.MIDDLEWARE)
    settings.MIDDLEWARE = [name for name in site if name != PAGE_CACHE]
    return site


@pytest.fixture
def paper(listed):
    """listed's two articles on one page, the first printed (and published) before the second."""
    return {**listed, "older": listed["first"], "newer": listed["second"]}


def run(*args, origin=ORIGIN):
    out = StringIO()
    call_command("prerender", "--origin", origin, *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def stored_articles():
    return sorted(RenderedArticle.objects.values_list("article_id", flat=True))


def test_every_published_article_and_list_is_rendered_and_then_read_in_one_query(
    paper, django_assert_num_queries
):
    out = run()

    assert stored_articles() == sorted(
        a.pk for a in (paper["older"], paper["newer"], paper["elsewhere"])
    )
    lists = set(RenderedList.objects.values_list("path", flat=True))
    assert {"/articles/", paper["urls"]["section"]} <= lists
    assert any(path.startswith("/tags/") for path in lists)
    assert any(path.startswith("/reporters/") for path in lists)
    assert any(path.startswith("/regions/") for path in lists)
    assert "出错 0" in out
    with django_assert_num_queries(1):
        response = Client().get(paper["older"].get_absolute_url())
    assert response["X-Rendered"] == "stored"
    assert "第一篇" in response.content.decode()


def test_the_stored_page_is_the_one_a_reader_would_have_had_rendered(paper):
    url = paper["newer"].get_absolute_url()
    run("--no-lists")
    from_row = Client().get(url).content
    RenderedArticle.objects.all().delete()

    rendered_for_a_reader = Client().get(url)

    assert rendered_for_a_reader.get("X-Rendered") is None
    assert from_row == rendered_for_a_reader.content


@pytest.mark.parametrize("state", HIDDEN)
def test_an_article_readers_may_not_see_is_never_rendered(paper, state):
    hidden = make_article(position=3, headline="未公开的稿件", **HIDDEN[state]())

    run("--no-lists")

    assert hidden.pk not in stored_articles()
    assert not RenderedArticle.objects.filter(html__contains="未公开的稿件").exists()


def test_a_second_run_renders_only_what_this_release_has_not(paper):
    run("--no-lists")
    kept = RenderedArticle.objects.get(article=paper["older"])
    # As after a deploy: the row was rendered by other code.
    RenderedArticle.objects.filter(article=paper["newer"]).update(release="an-older-release")

    out = run("--no-lists")

    assert "渲染 1 页" in out and "存入 1" in out
    assert RenderedArticle.objects.get(article=paper["older"]).rendered_at == kept.rendered_at
    assert RenderedArticle.objects.get(article=paper["newer"]).release != "an-older-release"


def test_a_page_the_page_cache_holds_is_rendered_past_it(paper, settings, site_middleware):
    settings.MIDDLEWARE = site_middleware
    url = paper["newer"].get_absolute_url()
    Client().get(url)
    RenderedArticle.objects.all().delete()
    assert Client().get(url)["X-Cache"] == "HIT"

    run("--no-lists")

    assert paper["newer"].pk in stored_articles()


def test_the_limit_takes_the_newest_articles_first(paper):
    Article.objects.exclude(pk=paper["newer"].pk).update(
        published_at=paper["newer"].published_at.replace(year=2001)
    )

    run("--no-lists", "--limit", "1")

    assert stored_articles() == [paper["newer"].pk]


def test_pages_are_rendered_for_the_origin_given(paper):
    run("--no-lists", origin="https://localhost")

    row = RenderedArticle.objects.get(article=paper["newer"])
    assert row.origin == "https://localhost"
    assert "https://localhost/articles/" in row.html
    assert not RenderedArticle.objects.filter(origin=ORIGIN).exists()


@pytest.mark.parametrize(
    "origin, message",
    [
        ("epaper.example.cn", "站点地址"),
        ("ftp://localhost", "站点地址"),
        ("http://localhost/articles/", "站点地址"),
        ("https://not-allowed.example.cn", "ALLOWED_HOSTS"),
    ],
)
def test_an_origin_readers_could_not_reach_is_refused_before_anything_is_rendered(
    paper, origin, message
):
    with pytest.raises(CommandError, match=message):
        run(origin=origin)

    assert not RenderedArticle.objects.exists() and not RenderedList.objects.exists()


def test_a_row_past_its_expiry_is_rendered_again(paper):
    run("--no-lists")
    RenderedArticle.objects.filter(article=paper["older"]).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    out = run("--no-lists")

    assert "渲染 1 页" in out and "存入 1" in out
    assert RenderedArticle.objects.get(article=paper["older"]).expires_at is None


def test_lists_already_kept_are_read_not_rendered_again(paper):
    run()
    lists = RenderedList.objects.count()
    kept = dict(RenderedList.objects.values_list("path", "rendered_at"))

    out = run()

    assert f"原已存有 {lists}" in out and "存入 0" in out
    assert dict(RenderedList.objects.values_list("path", "rendered_at")) == kept
