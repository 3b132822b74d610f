"""The Redis cache (a real server on 127.0.0.1:6379) shares one client and serves the page cache."""

import contextlib
import uuid

import pytest
import redis
from django.core.cache.backends import redis as django_redis

from newsroom.cache import RedisCache
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


def test_integers_are_stored_as_integers_and_everything_else_pickled(redis_cache):
    # Integers go to Redis as they are (INCR works on them); strings of digits, negative and
    # large integers and bytes come back as the type they went in.
    values = {"n": -7, "big": 2**40, "digits": "123", "bytes": b"\x80\x05", "token": "a1b2"}
    redis_cache.set_many(values, timeout=60)

    raw = redis_cache._cache.get_client().get(redis_cache.make_key("n"))
    assert raw == b"-7"
    assert redis_cache.get_many(list(values)) == values


def test_a_pickle_protocol_below_two_keeps_djangos_reading_of_values():
    # Protocol 0 and 1 pickles do not start with PROTO: the fast reading would take them for
    # integers. A cache configured with such a serializer reads values the way Django does.
    cache = RedisCache(
        f"redis://127.0.0.1:6379/{REDIS_DATABASE}",
        {
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"serializer": lambda: django_redis.RedisSerializer(protocol=1)},
        },
    )
    try:
        cache.set_many({"article": {"headline": "劳模风采"}, "n": 3}, timeout=60)
        assert cache.get_many(["article", "n"]) == {"article": {"headline": "劳模风采"}, "n": 3}
    finally:
        cache.delete_many(["article", "n"])


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


@contextlib.contextmanager
def redis_commands(cache):
    """The commands that the Redis server receives on this test's keys meanwhile, as it logs
    them (MONITOR, on a connection of its own): what is sent, not what the client says it sent."""
    commands = []
    server = redis.Redis.from_url(cache._servers[0])
    with server.monitor() as monitor:
        yield commands
        # MONITOR sees every client of the server; this key marks where the test's part ends.
        end = cache.make_key("end-of-test")
        server.get(end)
        while end not in (command := monitor.next_command()["command"]):
            if cache.key_prefix in command:
                commands.append(command.split()[0])


@pytest.mark.django_db
def test_a_page_cache_hit_is_one_command_to_redis(client, redis_cache):
    url = make_article().get_absolute_url()
    assert client.get(url)["X-Cache"] == "MISS"
    # The first hit in a process learns which generations the page was stored under.
    assert client.get(url)["X-Cache"] == "HIT"

    with redis_commands(redis_cache) as commands:
        assert client.get(url)["X-Cache"] == "HIT"

    assert commands == ["MGET"]
