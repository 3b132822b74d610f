"""A change refreshes only the cached pages that show what changed (issue 12), on Redis and files.

Each test caches pages, changes one thing, then asks again: every page that shows the change is
rendered anew (X-Cache: MISS, the new text in it) and a page that does not is still served from
the cache (HIT).
"""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from articles import dependencies
from articles.models import Article, Reporter
from articles.models.querysets import RELATED_WINDOW
from newsroom import pagecache
from regions.models import Region
from tests.conftest import make_article, make_page, make_section, redis_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["files", "redis"], autouse=True)
def page_cache(request, settings):
    """The page cache on the test run's own file cache, then on the real Redis server."""
    if request.param == "redis":
        with redis_page_cache(settings, 14) as cache:
            yield cache
    else:
        yield caches["default"]


def cached(client, *urls):
    """Ask for each page twice: the second answer must come from the cache."""
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Cache"] == "HIT", url


def refreshed(client, url, text):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["X-Cache"] == "MISS", url
    assert text in response.content.decode(), url


def still_cached(client, url):
    assert client.get(url)["X-Cache"] == "HIT", url


def district():
    return Region.objects.filter(kind=Region.Kind.DISTRICT).select_related("parent").first()


def test_editing_an_article_refreshes_every_page_that_shows_it_and_no_other(client, regions):
    place = district()
    other = make_article(headline="无关的稿件", tags=["安全生产"])
    section = make_section("法润工心")
    article = make_article(
        headline="原来的标题",
        section=section,
        tags=["劳模"],
        regions=[place],
        reporters=[("寿慧桢", "记者")],
    )
    reporter = Reporter.objects.get(name="寿慧桢")
    showing = [
        article.get_absolute_url(),
        "/",  # its issue is the latest
        article.issue.get_absolute_url(),
        article.page.get_absolute_url(),
        "/tags/劳模/",
        place.get_absolute_url(),
        place.parent.get_absolute_url(),  # a city's page lists its districts' news
        reporter.get_absolute_url(),
        section.get_absolute_url(),
        "/articles/",
        "/feeds/rss/",
        "/feeds/tags/劳模/rss/",
    ]
    not_showing = [other.get_absolute_url(), other.issue.get_absolute_url(), "/tags/安全生产/"]
    cached(client, *showing, *not_showing)

    article.headline = "改过的标题"
    article.save()

    for url in showing:
        refreshed(client, url, "改过的标题")
    for url in not_showing:
        still_cached(client, url)


def test_an_old_article_edited_leaves_the_home_page_cached(client, db):
    old = make_article(headline="旧闻")
    make_article(headline="今天的头条")  # the latest issue
    cached(client, "/", old.get_absolute_url())

    old.headline = "旧闻（修改）"
    old.save()

    still_cached(client, "/")
    refreshed(client, old.get_absolute_url(), "旧闻（修改）")


def test_neighbours_on_the_page_are_refreshed(client, db):
    first = make_article(headline="第一篇")
    second = make_article(headline="第二篇", page=first.page, issue=first.issue, position=2)
    cached(client, second.get_absolute_url())

    first.headline = "第一篇（改）"
    first.save()

    refreshed(client, second.get_absolute_url(), "第一篇（改）")


def test_a_related_article_changed_refreshes_the_article_that_lists_it(client, db):
    article = make_article(headline="劳模事迹", tags=["劳模"])
    related = make_article(headline="另一位劳模", tags=["劳模"])
    cached(client, article.get_absolute_url())

    related.headline = "另一位劳模（改）"
    related.save()

    refreshed(client, article.get_absolute_url(), "另一位劳模（改）")


def outranked(headline, **fields):
    """An article whose related articles (five) all share more with it than a one-tag article."""
    article = make_article(headline=headline, tags=["劳模", "工匠"], **fields)
    for n in range(5):
        make_article(headline=f"同题稿件{n}", tags=["劳模", "工匠"], **fields)
    return article


def test_an_edit_leaves_cached_the_articles_of_its_tag_section_and_reporter_not_showing_it(
    client, regions
):
    place, section = district(), make_section("法润工心")
    fields = {"section": section, "regions": [place], "reporters": [("寿慧桢", "记者")]}
    reader = outranked("不受影响的稿件", **fields)
    edited = make_article(headline="被修改的稿件", tags=["劳模"], **fields)
    cached(client, reader.get_absolute_url())
    assert "被修改的稿件" not in client.get(reader.get_absolute_url()).content.decode()

    edited.headline = "修改后的标题"
    edited.save()

    still_cached(client, reader.get_absolute_url())
    refreshed(client, "/tags/劳模/", "修改后的标题")
    refreshed(client, section.get_absolute_url(), "修改后的标题")


def test_a_credit_changed_leaves_cached_another_article_of_the_reporter(client, db):
    other = make_article(headline="另一篇", reporters=[("甲记者", "记者")])
    article = make_article(headline="署名要改", reporters=[("甲记者", "记者")])
    cached(client, other.get_absolute_url())

    byline = article.bylines.get()
    byline.role = "通讯员"
    byline.save()

    still_cached(client, other.get_absolute_url())


@pytest.mark.parametrize("link", ["tag", "section", "region"])
def test_an_article_published_near_another_refreshes_the_related_articles_it_may_join(
    client, link, regions
):
    section, place = make_section("法润工心"), district()
    shared = {
        "tag": {"tags": ["劳模"]},
        "section": {"section": section},
        "region": {"regions": [place]},
    }[link]
    reader = make_article(headline="读者在看", **shared)
    chief = User.objects.create_superuser("chief", password="x")
    newcomer = make_article(headline="新来的相关稿件", status=Article.Status.APPROVED, **shared)
    far = make_article(pk=newcomer.pk + 3 * RELATED_WINDOW, headline="很久以后的稿件", **shared)
    cached(client, reader.get_absolute_url(), far.get_absolute_url())

    Article.objects.filter(pk=newcomer.pk).transition(Article.Status.PUBLISHED, chief)

    refreshed(client, reader.get_absolute_url(), "新来的相关稿件")
    # Beyond the window of ids related articles are chosen from: it cannot be among them.
    still_cached(client, far.get_absolute_url())


def test_a_tag_given_to_an_article_refreshes_the_related_articles_it_may_join(client, db):
    reader = outranked("读者在看")
    newcomer = make_article(headline="加了标签的稿件")
    reader_url = reader.get_absolute_url()
    cached(client, reader_url)

    newcomer.tags.add("劳模", "工匠", "安全生产")  # shares as much as the others, and is newer

    response = client.get(reader_url)
    assert response["X-Cache"] == "MISS"


def test_an_article_moved_into_a_section_refreshes_the_related_articles_it_may_join(client, db):
    section = make_section("法润工心")
    reader = make_article(headline="读者在看", section=section)
    newcomer = make_article(headline="转来的稿件")
    cached(client, reader.get_absolute_url())

    newcomer.section = section
    newcomer.save()

    refreshed(client, reader.get_absolute_url(), "转来的稿件")


def test_a_tag_taken_off_refreshes_the_tag_page_it_left(client, db):
    article = make_article(headline="带标签的稿件", tags=["劳模", "工匠"])
    keeper = make_article(headline="留下的稿件", tags=["劳模"])
    cached(client, "/tags/劳模/", keeper.get_absolute_url())

    article.tags.remove("劳模")

    response = client.get("/tags/劳模/")
    assert response["X-Cache"] == "MISS"
    assert "带标签的稿件" not in response.content.decode()


def test_an_article_moved_to_another_section_leaves_the_old_sections_page(client, db):
    old, new = make_section("旧栏目"), make_section("新栏目")
    make_article(headline="留在旧栏目", section=old)
    article = make_article(headline="搬家的稿件", section=old)
    cached(client, old.get_absolute_url())

    article.section = new
    article.save()

    response = client.get(old.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    assert "搬家的稿件" not in response.content.decode()
    refreshed(client, new.get_absolute_url(), "搬家的稿件")


def test_an_article_moved_to_another_page_leaves_the_old_page(client, db):
    article = make_article(headline="换版的稿件")
    stays = make_article(headline="留下", page=article.page, issue=article.issue, position=2)
    old_page = article.page
    cached(client, old_page.get_absolute_url(), stays.get_absolute_url())

    article.page = make_page(issue=article.issue, number=2, name="工会")
    article.save()

    response = client.get(old_page.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    assert "换版的稿件" not in response.content.decode()
    # Its former neighbour no longer links to it.
    assert "换版的稿件" not in client.get(stays.get_absolute_url()).content.decode()


def test_a_reporter_credited_instead_of_another_refreshes_both_pages(client, db):
    article = make_article(headline="署名变了", reporters=[("甲记者", "记者")])
    make_article(reporters=[("甲记者", "记者")])
    make_article(reporters=[("乙记者", "记者")])
    first, second = Reporter.objects.get(name="甲记者"), Reporter.objects.get(name="乙记者")
    cached(client, first.get_absolute_url(), second.get_absolute_url())

    byline = article.bylines.get()
    byline.reporter = second
    byline.save()

    assert "署名变了" not in client.get(first.get_absolute_url()).content.decode()
    refreshed(client, second.get_absolute_url(), "署名变了")


def test_publishing_a_page_shows_on_the_home_page_and_leaves_the_archive_cached(client, db):
    chief = User.objects.create_superuser("chief", password="x")
    old = make_article(headline="存档稿件")
    make_article(headline="昨天的头条")
    draft = make_article(headline="新一期头条", status=Article.Status.APPROVED)
    cached(client, "/", "/issues/", old.get_absolute_url())
    # A draft is never public, so never cached for readers.
    assert client.get(draft.get_absolute_url()).status_code == 404

    Article.objects.filter(page=draft.page).transition(Article.Status.PUBLISHED, chief)

    refreshed(client, "/", "新一期头条")
    refreshed(client, draft.get_absolute_url(), "新一期头条")
    assert client.get("/issues/")["X-Cache"] == "MISS"
    still_cached(client, old.get_absolute_url())


def test_a_change_to_a_section_refreshes_every_page(client, db):
    section = make_section("老栏目名")
    article = make_article(section=section)
    other = make_article()
    cached(client, article.get_absolute_url(), other.get_absolute_url())

    section.name = "新栏目名"
    section.save()

    refreshed(client, article.get_absolute_url(), "新栏目名")
    assert client.get(other.get_absolute_url())["X-Cache"] == "MISS"


def test_a_page_rendered_while_what_it_shows_changed_is_not_stored(db):
    # The reader read the article before the editor's change committed, and asked the cache after:
    # storing it under the new generations would keep the old text until the next change.
    article = make_article()
    url = article.get_absolute_url()

    def render_while_edited(request):
        dependencies.record(request, dependencies.key("article", article.pk))
        pagecache.new_generations({dependencies.key("article", article.pk)})
        return HttpResponse("旧的内容")

    middleware = pagecache.AnonymousPageCacheMiddleware(render_while_edited)
    assert middleware(RequestFactory().get(url))["X-Cache"] == "MISS"

    served = pagecache.AnonymousPageCacheMiddleware(lambda request: HttpResponse("新的内容"))
    response = served(RequestFactory().get(url))
    assert response["X-Cache"] == "MISS"
    assert response.content.decode() == "新的内容"


def test_a_generation_the_cache_dropped_is_not_read_as_the_old_one(client, page_cache, db):
    article = make_article(headline="原标题")
    url = article.get_absolute_url()
    cached(client, url)
    page_cache.delete(pagecache.GENERATION_KEY.format(dependencies.key("article", article.pk)))

    assert client.get(url)["X-Cache"] == "MISS"
    still_cached(client, url)


def test_with_targeting_off_a_change_refreshes_every_page(client, settings, db):
    settings.PAGE_CACHE_TARGETED = False
    article, other = make_article(), make_article()
    cached(client, other.get_absolute_url())

    article.save()

    assert client.get(other.get_absolute_url())["X-Cache"] == "MISS"


def test_a_page_asked_for_again_is_one_read_of_the_cache(client, page_cache, monkeypatch, db):
    # The process remembers which generations a URL's page was stored under and reads them with
    # the page: a hit is one round trip. A new process (a new client's middleware) does not know
    # them yet and needs two, once.
    reads = []
    get_many = page_cache.get_many
    monkeypatch.setattr(page_cache, "get_many", lambda keys: reads.append(keys) or get_many(keys))
    url = make_article(headline="原标题").get_absolute_url()
    assert client.get(url)["X-Cache"] == "MISS"

    reads.clear()
    assert client.get(url)["X-Cache"] == "HIT"
    assert len(reads) == 1

    another_process = type(client)()
    reads.clear()
    assert another_process.get(url)["X-Cache"] == "HIT"
    assert len(reads) == 2
    reads.clear()
    assert another_process.get(url)["X-Cache"] == "HIT"
    assert len(reads) == 1


def test_a_remembered_page_is_not_served_once_a_generation_it_shows_is_new(client, db):
    article = make_article(headline="原标题")
    url = article.get_absolute_url()
    cached(client, url)  # remembered by this client's middleware

    pagecache.new_generations({dependencies.key("reporter", 0), dependencies.key("article", 0)})
    still_cached(client, url)
    pagecache.new_generations({dependencies.key("article", article.pk)})
    assert client.get(url)["X-Cache"] == "MISS"
    still_cached(client, url)


def test_a_process_remembers_a_bounded_number_of_pages_then_starts_over(
    client, page_cache, monkeypatch, db
):
    # Past REMEMBERED_URLS pages the process forgets them all (its memory stays bounded): a page
    # it forgot is still served from the cache, at the cost of a second read, once.
    monkeypatch.setattr(pagecache, "REMEMBERED_URLS", 2)
    reads = []
    get_many = page_cache.get_many
    monkeypatch.setattr(page_cache, "get_many", lambda keys: reads.append(keys) or get_many(keys))
    first, second, third = (make_article().get_absolute_url() for _ in range(3))
    for url in (first, second):
        assert client.get(url)["X-Cache"] == "MISS"

    assert client.get(third)["X-Cache"] == "MISS"  # the third page: the first two forgotten
    reads.clear()
    assert client.get(first)["X-Cache"] == "HIT"
    assert len(reads) == 2
    reads.clear()
    assert client.get(third)["X-Cache"] == "HIT"
    assert len(reads) == 1


def test_a_page_cached_before_the_change_committed_is_refreshed_at_commit(
    client, django_capture_on_commit_callbacks, db
):
    """A reader may render the old text between the write and its commit: the pages that show
    the change are refreshed again at commit, and still only those."""
    article, other = make_article(headline="原标题"), make_article(headline="无关的稿件")
    cached(client, other.get_absolute_url())
    with django_capture_on_commit_callbacks() as at_commit:
        article.headline = "改过的标题"
        article.save()
        cached(client, article.get_absolute_url())  # rendered before the commit
    for callback in at_commit:
        callback()

    refreshed(client, article.get_absolute_url(), "改过的标题")
    still_cached(client, other.get_absolute_url())
