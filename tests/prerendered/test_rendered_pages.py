"""An article's public page is rendered once after each change to what it shows and then read
back in one query; it is never served once its article is not public or what it shows changed."""

import datetime

import pytest
from django.db import DatabaseError, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline, Correction, Reporter
from articles.views.articles import ArticleDetailView
from prerendered.models import RenderedArticle, RenderedName, ServableQuery, Version
from regions.models import Region
from tests.articles.helpers import HIDDEN, future
from tests.conftest import make_article, make_page, make_section

pytestmark = pytest.mark.django_db

MIDDLEWARE = "prerendered.middleware.RenderedArticleMiddleware"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Off: it would answer a second request before the rendered row is read."""
    cache = "newsroom.pagecache.AnonymousPageCacheMiddleware"
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != cache]


def stored():
    return list(RenderedArticle.objects.values_list("article_id", flat=True))


def live(client, settings, url):
    """The page as the view renders it, without the rendered rows (a new client: each loads
    the middleware once)."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    rows = RenderedArticle.objects.count()
    response = Client().get(url)
    assert RenderedArticle.objects.count() == rows
    return response


@pytest.fixture
def shown(regions):
    """An article with everything its page shows: credits with roles, a place, tags, a section,
    a neighbour before and after it on its page, and a related article."""
    section = make_section()
    page = make_page()
    place = Region.objects.get(slug="wuxing")
    common = {"page": page, "section": section}
    before = make_article(position=1, headline="前一篇", **common)
    article = make_article(
        position=2,
        headline="本篇",
        reporters=[("寿慧桢", "记者"), ("甲乙", "通讯员")],
        regions=[place],
        tags=["劳模", "工匠"],
        **common,
    )
    after = make_article(position=3, headline="后一篇", **common)
    related = make_article(headline="相关稿件", tags=["劳模"])
    return {"article": article, "before": before, "after": after, "related": related}


def test_the_next_reader_gets_the_same_page_in_one_query(
    client, settings, shown, django_assert_num_queries
):
    url = shown["article"].get_absolute_url()
    first = client.get(url)

    with django_assert_num_queries(1):
        second = client.get(url)

    assert second.status_code == 200
    assert second.content == first.content == live(client, settings, url).content
    assert stored() == [shown["article"].pk]
    # Only the page read back says so: the first was rendered by the view.
    assert (first.get("X-Rendered"), second["X-Rendered"]) == (None, "stored")
    for headline in ("上一篇：前一篇", "下一篇：后一篇", "相关稿件", "通讯员", "吴兴区", "工匠"):
        assert headline in second.content.decode()


def test_the_page_served_records_what_it_shows_for_the_page_cache(client, shown):
    url = shown["article"].get_absolute_url()
    rendered = client.get(url).wsgi_request.page_dependencies

    served = client.get(url).wsgi_request.page_dependencies

    assert served == rendered
    assert f"article:{shown['article'].pk}" in served


def test_each_origin_has_its_own_page(client, shown):
    # The canonical URL and the structured data are absolute.
    url = shown["article"].get_absolute_url()
    client.get(url)

    other = client.get(url, HTTP_HOST="localhost")

    assert "http://localhost/" in other.content.decode()
    assert "http://testserver/" not in other.content.decode()
    assert RenderedArticle.objects.count() == 2


@pytest.mark.parametrize("state", HIDDEN)
def test_no_page_is_stored_for_an_article_readers_may_not_see(client, state):
    article = make_article(**HIDDEN[state]())

    assert client.get(article.get_absolute_url()).status_code in (404, 410)
    assert stored() == []


def test_a_preview_is_neither_stored_nor_served_from_the_stored_page(client, editor):
    article = make_article(status=Article.Status.DRAFT, headline="草稿")
    client.force_login(editor)

    preview = client.get(reverse("articles:preview", args=[article.pk]))

    assert preview.status_code == 200 and "预览" in preview.content.decode()
    assert stored() == []
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PUBLISHED, published_at=timezone.now()
    )
    client.get(article.get_absolute_url())
    assert stored() == [article.pk]
    # The preview still renders for the editor (noindex), not the stored public page.
    preview = client.get(reverse("articles:preview", args=[article.pk])).content.decode()
    assert '<meta name="robots" content="noindex">' in preview


@pytest.mark.parametrize("state", HIDDEN)
def test_a_stored_page_is_never_served_once_its_article_is_not_public(client, state):
    article = make_article(headline="曾经公开")
    client.get(article.get_absolute_url())
    # A bulk UPDATE announces nothing: the row stays, and the read itself must refuse it.
    Article.objects.filter(pk=article.pk).update(**HIDDEN[state]())

    response = client.get(article.get_absolute_url())

    assert stored() == [article.pk]
    assert response.status_code in (404, 410)
    assert "曾经公开" not in response.content.decode()


def test_a_page_expires_when_a_scheduled_neighbour_becomes_public(client, monkeypatch):
    page = make_page()
    article = make_article(page=page, position=1)
    coming = future()
    make_article(
        page=page,
        position=2,
        headline="定时发布",
        status=Article.Status.SCHEDULED,
        published_at=coming,
    )
    assert "定时发布" not in client.get(article.get_absolute_url()).content.decode()

    # Its time comes: no event, no write; the stored page was kept only until then.
    later = coming + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert "下一篇：定时发布" in client.get(article.get_absolute_url()).content.decode()


def rename_reporter(shown):
    reporter = Reporter.objects.get(name="甲乙")
    reporter.name = "新名字"
    reporter.save()
    return "新名字"


def edit_headline(shown):
    shown["article"].headline = "改过的标题"
    shown["article"].save()
    return "改过的标题"


def add_credit(shown):
    reporter = Reporter.objects.create(name="丙丁")
    Byline.objects.create(article=shown["article"], reporter=reporter, role="摄影", position=3)
    return "丙丁"


def add_region(shown):
    shown["article"].article_regions.create(region=Region.objects.get(slug="anji"), position=2)
    return "安吉县"


def add_tag(shown):
    shown["article"].tags.add("新标签")
    return "新标签"


def add_correction(shown):
    Correction.objects.create(article=shown["article"], date=datetime.date.today(), text="更正文")
    return "更正文"


def edit_neighbour(shown):
    shown["after"].headline = "改过的后一篇"
    shown["after"].save()
    return "下一篇：改过的后一篇"


def publish_neighbour(shown):
    new = make_article(
        page=shown["article"].page, position=4, status=Article.Status.APPROVED, headline="新邻居"
    )
    shown["after"].status = Article.Status.WITHDRAWN
    shown["after"].save()
    new.status = Article.Status.PUBLISHED
    new.published_at = timezone.now()
    new.save()
    return "下一篇：新邻居"


def publish_related(shown):
    related = make_article(headline="新的相关稿件", status=Article.Status.APPROVED)
    related.tags.add("劳模", "工匠")
    related.status = Article.Status.PUBLISHED
    related.published_at = timezone.now()
    related.save()
    return "新的相关稿件"


@pytest.mark.parametrize(
    "change",
    [
        edit_headline,
        add_credit,
        add_region,
        add_tag,
        add_correction,
        rename_reporter,
        edit_neighbour,
        publish_neighbour,
        publish_related,
    ],
)
def test_a_change_to_what_the_page_shows_refreshes_it(client, settings, shown, change):
    url = shown["article"].get_absolute_url()
    client.get(url)

    expected = change(shown)
    served = client.get(url).content.decode()

    assert expected in served
    assert served == live(client, settings, url).content.decode()


def test_a_withdrawn_related_article_leaves_the_page(client, shown):
    url = shown["article"].get_absolute_url()
    assert "相关稿件" in client.get(url).content.decode()

    shown["related"].status = Article.Status.WITHDRAWN
    shown["related"].save()

    assert "相关稿件" not in client.get(url).content.decode()


def test_an_unrelated_change_leaves_the_stored_page_alone(client, shown, django_assert_num_queries):
    # Made first: a new issue or page is shown on every page, and refreshes them all.
    elsewhere = make_article(headline="无关稿件", section=make_section("别的栏目"))
    url = shown["article"].get_absolute_url()
    client.get(url)
    row = RenderedArticle.objects.get()

    elsewhere.headline = "无关稿件改"
    elsewhere.save()

    assert RenderedArticle.objects.get().rendered_at == row.rendered_at
    with django_assert_num_queries(1):
        client.get(url)


def test_a_page_that_cannot_be_stored_is_still_served(client, settings, shown, monkeypatch):
    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(RenderedName.objects, "bulk_create", fail)
    url = shown["article"].get_absolute_url()

    response = client.get(url)

    assert response.status_code == 200
    assert stored() == []  # the row went with the failed transaction
    assert response.content == live(client, settings, url).content


def test_a_page_is_rendered_live_when_the_rows_cannot_be_read(client, shown, monkeypatch):
    url = shown["article"].get_absolute_url()
    client.get(url)

    def fail(*args, **kwargs):
        raise DatabaseError("relation does not exist")

    monkeypatch.setattr(RenderedArticle.objects, "page", fail)

    assert "本篇" in client.get(url).content.decode()


def test_a_page_rendered_while_a_change_committed_is_not_stored(client, shown, monkeypatch):
    # A writer commits while the page reads: what it read may predate the change.
    get_context_data = ArticleDetailView.get_context_data

    def racing(self, **kwargs):
        context = get_context_data(self, **kwargs)
        Version.bump()
        return context

    monkeypatch.setattr(ArticleDetailView, "get_context_data", racing)

    assert client.get(shown["article"].get_absolute_url()).status_code == 200
    assert stored() == []


def test_a_change_deletes_its_pages_again_when_it_commits(
    client, shown, django_capture_on_commit_callbacks
):
    url = shown["article"].get_absolute_url()
    before = Version.current()
    with django_capture_on_commit_callbacks() as callbacks:
        edit_headline(shown)
    client.get(url)  # a reader renders between the change and its commit
    assert stored() == [shown["article"].pk]

    for callback in callbacks:
        callback()

    assert stored() == []
    assert Version.current() == before + 1


def test_a_page_rendered_by_another_release_is_rendered_again(client, shown):
    url = shown["article"].get_absolute_url()
    first = client.get(url)
    RenderedArticle.objects.update(release="an older release", html="old")

    assert client.get(url).content == first.content
    assert list(RenderedArticle.objects.values_list("html", flat=True)) == [first.content.decode()]


def test_a_list_page_number_in_the_query_string_is_rendered_live(client, shown):
    url = shown["article"].get_absolute_url()

    response = client.get(url, {"page": "2"})

    assert f"{url}?page=2" in response.content.decode()
    assert stored() == []


@pytest.mark.parametrize("at", [timezone.now(), future()])
def test_the_compiled_read_is_the_querysets(at):
    compiled = ServableQuery.of(connection)
    rows = RenderedArticle.objects.servable(12, "https://example.com", at)

    sql, params = rows.values_list("html", "shown").query.sql_with_params()

    assert compiled.sql == sql
    assert compiled.params(12, "https://example.com", at) == list(params)


def test_the_compiled_read_finds_what_the_queryset_finds(client, monkeypatch):
    article = make_article()
    client.get(article.get_absolute_url())
    origin = "http://testserver"
    later = future()

    assert RenderedArticle.objects.page(article.pk, origin) is not None
    Article.objects.filter(pk=article.pk).update(published_at=later)
    assert not RenderedArticle.objects.servable(article.pk, origin, timezone.now()).exists()
    assert RenderedArticle.objects.page(article.pk, origin) is None
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert RenderedArticle.objects.page(article.pk, origin) is not None
