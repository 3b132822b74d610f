"""A public list of articles (the index, a reporter's, section's, tag's or region's page, any page
of them) is rendered once after each change to what it shows and then read back in one query; a
change to an article it lists, or could list, refreshes it, and a draft is never on it."""

import datetime
from urllib.parse import unquote

import pytest
from django.db import DatabaseError
from django.test import Client
from django.utils import timezone

from articles import pagination
from articles.models import Article, Reporter, Section
from articles.views.lists import TagDetailView
from prerendered.models import RenderedList, RenderedListName, Version
from regions.models import Region
from tests.articles.helpers import HIDDEN, future
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

MIDDLEWARE = "prerendered.middleware.RenderedArticleMiddleware"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Off: it would answer a second request before the rendered row is read."""
    cache = "newsroom.pagecache.AnonymousPageCacheMiddleware"
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != cache]


def stored():
    """The paths of the stored lists, as readers type them (they are kept percent-encoded)."""
    return sorted(unquote(path) for path in RenderedList.objects.values_list("path", flat=True))


def live(settings, url):
    """The page as the view renders it, without the rendered rows."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    rows = RenderedList.objects.count()
    response = Client().get(url)
    assert RenderedList.objects.count() == rows
    return response


LISTS = [
    "index",
    "deep",
    "reporter",
    "section",
    "tag",
    "region",
    "index by tag",
    "index by city, deep",
]
# The lists `elsewhere` is not on (the index lists every article).
OWN_LISTS = ["reporter", "section", "tag", "region"]


@pytest.mark.parametrize("name", LISTS)
def test_the_next_reader_gets_the_same_list_in_one_query(
    client, settings, listed, name, django_assert_num_queries
):
    url = listed["urls"][name]
    first = client.get(url)

    with django_assert_num_queries(1):
        second = client.get(url)

    assert second.status_code == 200
    assert "第二篇" in second.content.decode()
    assert second.content == first.content == live(settings, url).content
    assert stored() == [url]
    assert (first.get("X-Rendered"), second["X-Rendered"]) == (None, "stored")


def test_a_list_records_what_it_shows_and_which_issues_are_public(client, listed):
    tag = listed["first"].tags.get()
    client.get(listed["urls"]["tag"])

    names = set(RenderedListName.objects.values_list("name", flat=True))

    assert names == {f"tag:{tag.pk}", "issues"}
    # Served from its row, the page says the same for the page cache.
    response = client.get(listed["urls"]["tag"])
    assert response.wsgi_request.page_dependencies == names


def publish_one_more(listed):
    article = make_article(
        page=listed["first"].page,
        position=3,
        section=listed["first"].section,
        headline="新发布",
        status=Article.Status.APPROVED,
    )
    article.bylines.create(reporter=Reporter.objects.get(name="寿慧桢"), role="记者", position=1)
    article.article_regions.create(region=Region.objects.get(slug="wuxing"), position=1)
    article.tags.add("劳模")
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now()
    article.save()
    return "新发布", True


def withdraw(listed):
    listed["second"].status = Article.Status.WITHDRAWN
    listed["second"].save()
    return "第二篇", False


def edit_headline(listed):
    listed["second"].headline = "改过的标题"
    listed["second"].save()
    return "改过的标题", True


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("change", [publish_one_more, withdraw, edit_headline])
def test_a_change_to_an_article_on_the_list_refreshes_it(client, settings, listed, name, change):
    url = listed["urls"][name]
    client.get(url)

    headline, shown = change(listed)
    served = client.get(url).content.decode()

    assert (headline in served) is shown
    assert served == live(settings, url).content.decode()


@pytest.mark.parametrize("name", OWN_LISTS)
def test_an_unrelated_change_leaves_the_stored_list_alone(
    client, listed, name, django_assert_num_queries
):
    url = listed["urls"][name]
    client.get(url)
    row = RenderedList.objects.get()

    listed["elsewhere"].headline = "无关稿件改"
    listed["elsewhere"].save()

    assert RenderedList.objects.get().rendered_at == row.rendered_at
    with django_assert_num_queries(1):
        client.get(url)


def test_the_index_is_refreshed_by_any_change(client, listed):
    client.get("/articles/")

    listed["elsewhere"].headline = "无关稿件改"
    listed["elsewhere"].save()

    assert stored() == []
    assert "无关稿件改" in client.get("/articles/").content.decode()


@pytest.mark.parametrize("state", HIDDEN)
@pytest.mark.parametrize("name", LISTS)
def test_an_article_readers_may_not_see_is_never_on_a_list(client, listed, name, state):
    url = listed["urls"][name]
    client.get(url)
    hidden = make_article(
        page=listed["first"].page,
        position=3,
        section=listed["first"].section,
        headline="不公开",
        reporters=[("寿慧桢", "记者")],
        regions=[Region.objects.get(slug="wuxing")],
        tags=["劳模"],
        **HIDDEN[state](),
    )
    hidden.headline = "仍不公开"
    hidden.save()

    for _ in range(2):  # rendered, then read from its row
        served = client.get(url).content.decode()
        assert "不公开" not in served
    assert stored() == [url]


def test_a_list_expires_when_a_scheduled_article_on_it_becomes_public(client, listed, monkeypatch):
    coming = future()
    make_article(
        page=listed["first"].page,
        position=3,
        headline="定时发布",
        tags=["劳模"],
        status=Article.Status.SCHEDULED,
        published_at=coming,
    )
    url = listed["urls"]["tag"]
    assert "定时发布" not in client.get(url).content.decode()
    assert "定时发布" not in client.get(url).content.decode()

    # Its time comes: no event, no write; the stored list was kept only until then.
    later = coming + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert "定时发布" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?q=第一篇",  # a search
        "?q=第一篇&tag=劳模",
        "?date_from=2024-10-01",  # a filter by any date
        "?tag=没有的标签",  # not one of the filter's choices: the error is shown
        "?region=huzhou&region=wuxing",
        "?utm_source=x",  # anything else a reader may add
        "?tag=劳模&utm_source=x",
        "?page=1&page=1",
        "?after=2024-10-08.1.1&before=2024-10-08.1.1",
    ],
)
def test_a_searched_filtered_or_decorated_list_is_rendered_live(client, listed, query):
    response = client.get("/articles/" + query)

    assert response.status_code in (200, 404)
    assert stored() == []


@pytest.mark.parametrize("parameter", ["after", "before"])
def test_a_page_key_that_is_no_published_articles_place_is_served_but_not_stored(
    client, listed, parameter
):
    # Well-formed keys can be made up without end; each is a page of its own (empty, or cut
    # anywhere): kept, they would let a crawler fill the table.
    draft = make_article(page=listed["first"].page, position=9, status=Article.Status.DRAFT)
    for key in ("1999-01-01.1.1", pagination.print_key(draft)):
        response = client.get(f"/articles/?{parameter}={key}")
        assert response.status_code == 200
    assert stored() == []

    real = f"/articles/?{parameter}={pagination.print_key(listed['second'])}"
    assert client.get(real).status_code == 200
    assert stored() == [real]


def test_search_results_are_never_stored(client, listed):
    assert client.get("/search/", {"q": "第一篇"}).status_code == 200
    assert stored() == []


def test_a_list_that_cannot_be_stored_is_still_served(client, settings, listed, monkeypatch):
    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(RenderedListName.objects, "bulk_create", fail)
    url = listed["urls"]["tag"]

    response = client.get(url)

    assert response.status_code == 200
    assert stored() == []  # the row went with the failed transaction
    assert response.content == live(settings, url).content


def test_a_list_is_rendered_live_when_the_rows_cannot_be_read(client, listed, monkeypatch):
    url = listed["urls"]["tag"]
    client.get(url)

    def fail(*args, **kwargs):
        raise DatabaseError("relation does not exist")

    monkeypatch.setattr(RenderedList.objects, "page", fail)

    assert "第二篇" in client.get(url).content.decode()


def test_a_list_rendered_while_a_change_committed_is_not_stored(client, listed, monkeypatch):
    # A writer commits while the list reads: what it read may predate the change.
    get_context_data = TagDetailView.get_context_data

    def racing(self, **kwargs):
        context = get_context_data(self, **kwargs)
        Version.bump()
        return context

    monkeypatch.setattr(TagDetailView, "get_context_data", racing)

    assert client.get(listed["urls"]["tag"]).status_code == 200
    assert stored() == []


def test_a_change_deletes_its_lists_again_when_it_commits(
    client, listed, django_capture_on_commit_callbacks
):
    url = listed["urls"]["tag"]
    with django_capture_on_commit_callbacks() as callbacks:
        edit_headline(listed)
    client.get(url)  # a reader renders between the change and its commit
    assert stored() == [url]

    for callback in callbacks:
        callback()

    assert stored() == []


def test_a_change_announced_without_names_deletes_every_list(client, listed):
    for name in LISTS:
        client.get(listed["urls"][name])
    assert len(stored()) == len(LISTS)

    section = Section.objects.get(name="别的栏目")
    section.name = "改名的栏目"
    section.save()

    assert stored() == []
    assert not RenderedListName.objects.exists()


def test_each_origin_has_its_own_list(client, listed):
    url = listed["urls"]["tag"]
    client.get(url)

    other = client.get(url, headers={"host": "localhost"})

    assert "http://localhost/" in other.content.decode()
    assert RenderedList.objects.count() == 2


def test_a_list_rendered_by_another_release_is_rendered_again(client, listed):
    url = listed["urls"]["tag"]
    first = client.get(url)
    RenderedList.objects.update(release="an older release", html="old")

    assert client.get(url).content == first.content
    assert list(RenderedList.objects.values_list("html", flat=True)) == [first.content.decode()]
