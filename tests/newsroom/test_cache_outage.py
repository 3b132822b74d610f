"""The cache is an accelerator, never a dependency: a real Redis stopped mid-test (issue 13,
item 1: with Redis gone, pages and the admin login answered 500 while /healthz said ok)."""

import logging

import pytest
from django.core.cache import caches
from django.urls import reverse

from articles.models import Article
from tests.conftest import make_article
from tests.newsroom.test_login_limit import PASSWORD, fail, log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(seed):
    return Article.objects.published().order_by("pk").first()


def test_every_cache_operation_answers_as_a_miss_while_redis_is_stopped(throwaway_redis):
    cache = caches["default"]
    cache.set("kept", 1)
    throwaway_redis.stop()

    assert cache.get("kept", "default") == "default"
    assert cache.get_many(["kept"]) == {}
    assert cache.get_or_set("kept", lambda: "computed") == "computed"
    assert cache.has_key("kept") is False
    assert cache.add("new", 1) is False
    assert cache.set("new", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.touch("kept") is False
    assert cache.delete("kept") is False
    with pytest.raises(ValueError):
        cache.incr("kept")


def test_pages_are_served_uncached_while_redis_is_stopped(client, throwaway_redis, article):
    throwaway_redis.stop()

    for url in ["/", article.get_absolute_url(), "/articles/", "/feeds/rss/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Cache"] == "MISS"
    assert article.headline in client.get(article.get_absolute_url()).content.decode()


def test_pages_are_cached_again_once_redis_is_back(client, throwaway_redis, article):
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"

    throwaway_redis.stop()
    assert client.get(url)["X-Cache"] == "MISS"
    throwaway_redis.start()

    assert [client.get(url)["X-Cache"] for _ in range(2)] == ["MISS", "HIT"]


def test_pages_are_served_while_redis_is_unreachable(client, throwaway_redis, article):
    url = article.get_absolute_url()
    client.get(url)

    # Frozen: connections hang until their timeout instead of being refused.
    throwaway_redis.freeze()
    response = client.get(url)

    assert response.status_code == 200
    assert response["X-Cache"] == "MISS"
    assert article.headline in response.content.decode()


def test_a_change_that_could_not_reach_redis_shows_once_it_does(client, throwaway_redis, article):
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"

    # Out of memory, Redis refuses writes but keeps (and serves) the page already stored: the
    # change cannot start a new generation.
    throwaway_redis.client().config_set("maxmemory", 1)
    article.headline = "Redis 拒写期间改过的标题"
    article.save()
    throwaway_redis.client().config_set("maxmemory", 0)

    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "Redis 拒写期间改过的标题" in response.content.decode()


def test_the_admin_login_and_session_work_while_redis_is_stopped(client, throwaway_redis, editor):
    throwaway_redis.stop()

    assert log_in(client, PASSWORD).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_login_limit_holds_while_redis_is_stopped(client, throwaway_redis, editor):
    throwaway_redis.stop()
    fail(client, 5)

    assert log_in(client, PASSWORD).status_code == 429


def test_health_reports_the_cache_and_stays_200_without_it(client, throwaway_redis):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}

    throwaway_redis.stop()
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}

    throwaway_redis.start()
    assert client.get("/healthz").json()["status"] == "ok"


def test_the_outage_is_logged_once_not_per_request(client, throwaway_redis, article, caplog):
    throwaway_redis.stop()

    for _ in range(5):
        client.get(article.get_absolute_url())

    errors = [r for r in caplog.records if r.name == "newsroom.cache"]
    assert [r.levelno for r in errors] == [logging.ERROR]
    assert errors[0].exc_info is not None


def test_a_failed_cache_is_not_tried_again_for_a_while(client, settings, throwaway_redis, article):
    settings.CACHES = {"default": {**settings.CACHES["default"], "RETRY_AFTER": 3600}}
    throwaway_redis.stop()
    client.get(article.get_absolute_url())
    throwaway_redis.start()

    assert client.get(article.get_absolute_url())["X-Cache"] == "MISS"
    assert throwaway_redis.keys() == []


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def test_an_unwritable_file_cache_is_an_outage_too(client, settings, tmp_path, db):
    # A file where the cache directory should be: every operation fails with an OSError, from
    # the moment the backend is made.
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    settings.CACHES = {
        "default": {"BACKEND": "newsroom.cache.FileCache", "LOCATION": str(blocker / "cache")}
    }
    url = make_article().get_absolute_url()

    assert client.get(url).status_code == 200
    assert client.get("/healthz").json()["cache"] == "unavailable"


def test_a_page_costs_no_extra_query_while_redis_is_stopped(
    client, throwaway_redis, article, django_assert_num_queries
):
    # While the cache fails nothing is stored, so the next publication is not looked up either:
    # an article page is read from its rendered row (prerendered) in one query, as with no page
    # cache at all.
    throwaway_redis.stop()
    client.get(article.get_absolute_url())  # the outage noticed, logged once; the row stored

    with django_assert_num_queries(1):
        assert client.get(article.get_absolute_url())["X-Cache"] == "MISS"
