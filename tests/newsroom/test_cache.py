"""The Redis cache (a real server on 127.0.0.1:6379) shares one client and serves the page cache."""

import pytest

from tests.conftest import make_article, redis_page_cache

REDIS_DATABASE = 15


@pytest.fixture
def redis_cache(settings):
    with redis_page_cache(settings, REDIS_DATABASE) as cache:
        yield cache


def test_values_round_trip_through_redis(redis_cache):
    redis_cache.set("article", {"headline": "劳模风采"}, timeout=60)
    redis_cache.add("counter", 1, timeout=None)

    assert redis_cache.get("article") == {"headline": "劳模风采"}
    assert redis_cache.incr("counter") == 2
    assert redis_cache.get_many(["article", "counter", "missing"]) == {
        "article": {"headline": "劳模风采"},
        "counter": 2,
    }


def test_one_redis_client_serves_every_call(redis_cache):
    client = redis_cache._cache.get_client("a")

    assert redis_cache._cache.get_client("b") is client
    assert redis_cache._cache.get_client("c", write=True) is client


@pytest.mark.django_db
def test_the_page_cache_stores_and_serves_pages_in_redis(client, redis_cache):
    url = make_article().get_absolute_url()

    first, second = client.get(url), client.get(url)

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
