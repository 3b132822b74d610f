"""Anonymous pages are cached, and change for readers as soon as published content changes."""

import datetime
import time
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from articles.models import Article
from newsroom.pagecache import AnonymousPageCacheMiddleware
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def get(client, url="/articles/"):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_second_anonymous_request_is_served_from_cache(client, seed):
    first, second = get(client), get(client)
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    # Security headers are added to cached pages too.
    assert "default-src 'self'" in second["Content-Security-Policy"]


def test_query_string_is_part_of_the_key(client, seed):
    get(client, "/articles/")
    assert get(client, "/articles/?page=1")["X-Cache"] == "MISS"


def test_publishing_shows_at_once(client, seed):
    editor = User.objects.create_superuser("chief", password="x")
    article = make_article(headline="刚刚签发的新闻", status=Article.Status.APPROVED)
    assert "刚刚签发的新闻" not in get(client).content.decode()
    article.transition(Article.Status.PUBLISHED, editor)
    response = get(client)
    assert response["X-Cache"] == "MISS"
    assert "刚刚签发的新闻" in response.content.decode()


def test_withdrawing_and_correcting_show_at_once(client, seed):
    chief = User.objects.create_superuser("chief", password="x")
    article = Article.objects.get(position=1)
    url = article.get_absolute_url()
    get(client, url)
    assert get(client, url)["X-Cache"] == "HIT"
    article.add_correction("第二段数字有误。")
    assert "第二段数字有误。" in get(client, url).content.decode()
    article.transition(Article.Status.WITHDRAWN, chief)
    assert client.get(url).status_code == 410


def test_bulk_publish_invalidates_too(client, seed):
    editor = User.objects.create_superuser("chief", password="x")
    make_article(headline="批量签发的新闻", status=Article.Status.APPROVED)
    get(client)
    Article.objects.filter(status=Article.Status.APPROVED).transition(
        Article.Status.PUBLISHED, editor
    )
    assert "批量签发的新闻" in get(client).content.decode()


def test_page_is_not_kept_past_a_scheduled_publication(client, seed):
    make_article(
        headline="马上发布",
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + datetime.timedelta(milliseconds=900),
    )
    get(client)
    # The article goes public in under a second, so the page was not stored.
    assert get(client)["X-Cache"] == "MISS"


def test_logged_in_editors_are_never_served_from_or_stored_in_cache(client, seed):
    get(client)  # cached for anonymous readers
    client.force_login(User.objects.create_superuser("editor", password="x"))
    for _ in range(2):
        assert "X-Cache" not in get(client)


def test_previews_are_never_cached(client, seed):
    editor = User.objects.create_superuser("editor", password="x")
    draft = make_article(status=Article.Status.DRAFT, created_by=editor)
    client.force_login(editor)
    url = f"/articles/{draft.pk}/preview/"
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 404


def test_error_pages_are_not_cached(client, seed):
    client.get("/articles/999999/")
    assert client.get("/articles/999999/").get("X-Cache") != "HIT"


# The response's own Cache-Control, whatever the request: the rule that keeps previews (and
# anything else a view marks private) out of the shared cache even with no session cookie.


def serve_twice(cache_control):
    """Two anonymous requests (no cookie at all) through the middleware; the view's calls."""
    calls = []

    def view(request):
        calls.append(request.path)
        response = HttpResponse("预览：本稿尚未发布")
        response["Cache-Control"] = cache_control
        return response

    middleware = AnonymousPageCacheMiddleware(view)
    responses = [middleware(RequestFactory().get("/articles/1/preview/")) for _ in range(2)]
    return len(calls), [r["X-Cache"] for r in responses]


@pytest.mark.parametrize(
    "cache_control", ["private", "no-store", "no-cache", "max-age=60, Private", " NO-STORE "]
)
def test_a_response_marked_private_no_store_or_no_cache_is_never_stored(cache_control):
    assert serve_twice(cache_control) == (2, ["MISS", "MISS"])


@pytest.mark.parametrize("cache_control", ["", "public, max-age=60", "max-age=0, must-revalidate"])
def test_any_other_response_to_an_anonymous_reader_is_stored(cache_control):
    assert serve_twice(cache_control) == (1, ["MISS", "HIT"])


def test_connect_listens_once_for_content_changes_and_for_the_cache_coming_back():
    """What the app's start-up wires (newsroom/apps.py), wired again here and observed."""
    from articles.signals import content_changed
    from newsroom import pagecache
    from newsroom.cache import recovered

    for signal in (content_changed, recovered):
        signal.disconnect(dispatch_uid="pagecache")
    pagecache.connect()
    pagecache.connect()  # twice, as a reloaded app would: still one receiver each

    generations = []
    for signal in (content_changed, recovered):
        # One receiver of the page cache's (content_changed has others: prerendered's).
        assert len([key for key, *_ in signal.receivers if key[0] == "pagecache"]) == 1
        # Every change starts a new generation of EVERYTHING, whatever it touches.
        before = caches["default"].get(pagecache.EVERYTHING_KEY)
        signal.send(sender=Article)
        after = caches["default"].get(pagecache.EVERYTHING_KEY)
        assert after is not None and after != before
        generations.append(after)
    assert len(set(generations)) == 2


def through_middleware(requests, status=200, streaming=False, set_cookie=False):
    """Requests through the middleware in front of a view; the view's calls and the responses."""
    from django.http import StreamingHttpResponse

    calls = []

    def view(request):
        calls.append((request.method, request.get_full_path()))
        if streaming:
            return StreamingHttpResponse(iter(["流"]))
        response = HttpResponse("页面", status=status, content_type="text/html; charset=utf-8")
        response["X-Frame-Options"] = "DENY"
        if set_cookie:
            response.set_cookie("seen", "1")
        return response

    middleware = AnonymousPageCacheMiddleware(view)
    return calls, [middleware(request) for request in requests]


def test_a_stored_page_comes_back_whole_as_a_hit():
    factory = RequestFactory()
    calls, (first, second) = through_middleware(
        [factory.get("/articles/"), factory.get("/articles/")]
    )
    assert len(calls) == 1
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert (second.status_code, second.content) == (200, "页面".encode())
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["X-Frame-Options"] == "DENY"


def test_head_is_served_from_the_page_a_get_stored_and_post_never():
    factory = RequestFactory()
    calls, responses = through_middleware(
        [factory.get("/a/"), factory.head("/a/"), factory.post("/a/"), factory.post("/a/")]
    )
    assert [r.get("X-Cache") for r in responses] == ["MISS", "HIT", None, None]
    assert calls == [("GET", "/a/"), ("POST", "/a/"), ("POST", "/a/")]


@pytest.mark.parametrize("path", ["/admin/", "/admin/articles/article/", "/healthz", "/healthz/db"])
def test_the_admin_and_health_checks_are_never_cached(path):
    factory = RequestFactory()
    calls, responses = through_middleware([factory.get(path), factory.get(path)])
    assert len(calls) == 2
    assert [r.get("X-Cache") for r in responses] == [None, None]


def test_a_request_with_a_session_cookie_is_never_cached():
    factory = RequestFactory()
    request = factory.get("/a/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    calls, responses = through_middleware([factory.get("/a/"), request])
    assert len(calls) == 2 and responses[1].get("X-Cache") is None


@pytest.mark.parametrize(
    "kind", [{"status": 404}, {"status": 301}, {"streaming": True}, {"set_cookie": True}]
)
def test_errors_redirects_streams_and_responses_setting_cookies_are_not_stored(kind):
    factory = RequestFactory()
    calls, responses = through_middleware([factory.get("/a/"), factory.get("/a/")], **kind)
    assert len(calls) == 2
    assert [r["X-Cache"] for r in responses] == ["MISS", "MISS"]


def test_the_key_is_the_host_and_the_full_path():
    factory = RequestFactory()
    requests = [
        factory.get("/a/", {"page": "2"}),
        factory.get("/a/", {"page": "3"}),
        factory.get("/a/", {"page": "2"}, HTTP_HOST="localhost"),
        factory.get("/a/", {"page": "2"}),
    ]
    calls, responses = through_middleware(requests)
    assert [r["X-Cache"] for r in responses] == ["MISS", "MISS", "MISS", "HIT"]
    assert len(calls) == 3


def test_a_lost_generation_is_replaced_and_old_pages_are_not_served():
    from newsroom import pagecache

    factory = RequestFactory()
    # The generation every page shows (pagecache.ALL), dropped by the cache.
    shown_by_all = pagecache.GENERATION_KEY.format(pagecache.ALL)
    calls, _ = through_middleware([factory.get("/a/")])
    caches["default"].delete(shown_by_all)
    calls, responses = through_middleware([factory.get("/a/"), factory.get("/a/")])
    assert [r["X-Cache"] for r in responses] == ["MISS", "HIT"]
    assert caches["default"].get(shown_by_all) is not None


def test_a_forgotten_next_publication_is_looked_up_before_a_page_is_stored(client, seed):
    from newsroom import pagecache

    make_article(
        headline="马上发布",
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + datetime.timedelta(milliseconds=900),
    )
    caches["default"].delete(pagecache.NEXT_PUBLICATION_KEY)  # a cache that lost it
    get(client)
    assert get(client)["X-Cache"] == "MISS"


# Nothing scheduled: kept for PAGE_CACHE_TIMEOUT, an hour by default.
@pytest.mark.parametrize(
    "seconds_ahead, kept_for", [(None, 3600), (7200, 3600), (100.5, 100), (1.5, 1)]
)
def test_a_page_is_kept_until_the_next_publication_and_never_longer(
    monkeypatch, seconds_ahead, kept_for
):
    """How long the page is stored for, read from the cache call itself (no waiting)."""
    from newsroom import pagecache

    real = pagecache._cache()
    stored = []

    class Recording:
        def __getattr__(self, name):
            return getattr(real, name)

        def set(self, key, value, timeout=None):
            if key.startswith("pagecache:page:"):
                stored.append(timeout)
            return real.set(key, value, timeout=timeout)

    now = 1_900_000_000.0
    monkeypatch.setattr(pagecache, "_cache", Recording)
    monkeypatch.setattr(pagecache, "time", SimpleNamespace(time=lambda: now))
    upcoming = 0 if seconds_ahead is None else now + seconds_ahead
    # Asked before the page was rendered: it vouches for the time the page was read in.
    real.set(pagecache.NEXT_PUBLICATION_KEY, (upcoming, now - 10), timeout=None)
    through_middleware([RequestFactory().get("/a/")])
    assert stored == [kept_for]


@pytest.mark.parametrize(
    "clock_during_render, asked_at",
    [(10.0, -10.0), (1.0, 0.5)],
    ids=["a-scheduled-article-went-public", "asked-again-by-another-process"],
)
def test_a_page_rendered_across_a_publication_is_not_kept(
    monkeypatch, db, clock_during_render, asked_at
):
    """The page read its articles before the scheduled one went public (or before the stored
    time was asked again, which vouches only for what comes after): it may lack it, so it is
    sent but not stored, whatever the next publication now is."""
    from newsroom import pagecache

    clock = SimpleNamespace(now=1_900_000_000.0)
    monkeypatch.setattr(pagecache, "time", SimpleNamespace(time=lambda: clock.now))
    start = clock.now
    cache = pagecache._cache()
    cache.set(pagecache.NEXT_PUBLICATION_KEY, (start + 5, start + asked_at), timeout=None)

    def render(request):
        clock.now = start + clock_during_render  # the render takes its time
        return HttpResponse("页面")

    middleware = AnonymousPageCacheMiddleware(render)
    assert middleware(RequestFactory().get("/a/"))["X-Cache"] == "MISS"
    assert middleware(RequestFactory().get("/a/"))["X-Cache"] == "MISS"


def test_a_page_rendered_while_the_cache_lost_the_next_publication_is_sent_not_kept(db):
    """Nothing vouches then for how long the page stays right: sent, and rendered again next."""
    from newsroom import pagecache

    def render(request):
        pagecache._cache().delete(pagecache.NEXT_PUBLICATION_KEY)  # evicted meanwhile
        return HttpResponse("页面")

    middleware = AnonymousPageCacheMiddleware(render)
    for _ in range(2):
        response = middleware(RequestFactory().get("/a/"))
        assert (response.status_code, response["X-Cache"]) == (200, "MISS")


def past_the_caches_default_timeout(monkeypatch):
    """The file cache's clock moved past its default timeout (the page cache's own clock not)."""
    import django.core.cache.backends.filebased as filebased

    later = time.time() + caches["default"].default_timeout + 60
    monkeypatch.setattr(filebased, "time", SimpleNamespace(time=lambda: later))


@pytest.mark.parametrize("since", ["a-change", "an-empty-cache"])
def test_a_page_stays_cached_past_the_caches_own_default_timeout(monkeypatch, since):
    """Kept for PAGE_CACHE_TIMEOUT (an hour), not for the cache's default timeout (five
    minutes): the generations a change or the first page starts last until the next change."""
    from newsroom import pagecache

    if since == "a-change":
        pagecache.new_generation()
    else:
        caches["default"].clear()
    calls, (first,) = through_middleware([RequestFactory().get("/a/")])
    past_the_caches_default_timeout(monkeypatch)
    calls, (second,) = through_middleware([RequestFactory().get("/a/")])
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")


def test_the_next_publication_is_not_looked_up_again_when_the_caches_default_timeout_passes(
    monkeypatch, django_assert_num_queries
):
    """Looked up when content changes (on the write path), then known until the next change:
    a page rendered later costs only its own queries (this view's: none)."""
    from newsroom import pagecache

    pagecache.bump()
    past_the_caches_default_timeout(monkeypatch)
    with django_assert_num_queries(0):
        calls, (response,) = through_middleware([RequestFactory().get("/b/")])
    assert response["X-Cache"] == "MISS"


def test_a_next_publication_asked_at_the_instant_the_page_started_vouches_for_it(monkeypatch):
    """A coarse clock can give both the same reading: asked no later than the page started,
    the stored time covers what the page read, so the page is kept (until that publication)."""
    from newsroom import pagecache

    now = 1_900_000_000.0
    monkeypatch.setattr(pagecache, "time", SimpleNamespace(time=lambda: now))
    pagecache._cache().set(pagecache.NEXT_PUBLICATION_KEY, (now + 5, now), timeout=None)

    calls, responses = through_middleware([RequestFactory().get("/a/")] * 2)
    assert [r["X-Cache"] for r in responses] == ["MISS", "HIT"]
    assert len(calls) == 1
