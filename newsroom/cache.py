"""The project's cache backends: an accelerator, never a dependency.

- Redis (REDIS_URL), shared by every app server, with one redis-py client per server kept instead
  of one per call. Django's RedisCacheClient makes a new redis.Redis for every get or set (it
  shares the connection pool, not the client), and redis-py fills a table of ~170 response
  callbacks in each. Keeping one cut a cached page from 460 to 320 µs in-process. A client is
  safe to share between threads, and its pool reconnects after gunicorn forks a worker.
- Files (no REDIS_URL), shared by every process on the machine that uses the same directory: the
  development server, its auto-reloaded successor, several workers and the command line, so a
  change made by `import_issue --publish` reaches readers on the next request. Each write is a
  rename, so a reader sees a whole value, never half of one.

Both answer a failure (Redis stopped, unreachable or refusing writes; a full or unwritable disk)
as a miss: get() gives the default, add() and delete() False, incr() the ValueError of a missing
key, writes are dropped. The failure is logged once per LOG_INTERVAL, and for RETRY_AFTER seconds
the cache is not tried at all, so that an unreachable server costs one timeout, not one per call.
When it takes a write again, `recovered` is sent: the page cache starts a new generation then,
since a change made meanwhile could not invalidate what the cache still holds. (A process that
only reads from a server refusing writes does not notice; what it serves is then at most the page
cache's timeout old.)
"""

import logging
import pickle
import threading
import time
import zlib

import redis.exceptions
from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.dispatch import Signal

logger = logging.getLogger(__name__)

LOG_INTERVAL = 60  # seconds
RETRY_AFTER = 5  # seconds

recovered = Signal()

PROBE_KEY = "cache:probe"

_UNAVAILABLE = object()

# The first byte of a pickle of protocol 2 or higher.
PICKLE_PROTO = pickle.PROTO


class Outage:
    """What one process knows of one cache server's failures (shared by its threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failing = False
        self.retry_at = 0.0
        self.logged_at = None
        self.failures = 0


_outages = {}
_outages_lock = threading.Lock()


def outage_of(location):
    with _outages_lock:
        return _outages.setdefault(location, Outage())


class FaultTolerantCache:
    """Mixed into a Django cache backend before it; `errors` are the backend's own failures."""

    errors = ()

    def __init__(self, location, params):
        # Before the backend's own set-up, which may already fail (the file cache makes its
        # directory).
        self.outage = outage_of((type(self).__name__, str(location)))
        self.retry_after = params.get("RETRY_AFTER", RETRY_AFTER)
        # A backend calls its own methods (add() calls has_key() and set()): only the outermost
        # call decides, so a failure inside is the whole operation's.
        self.depth = threading.local()
        super().__init__(location, params)

    def attempt(self, operation, fallback, *args, **kwargs):
        if getattr(self.depth, "value", 0):
            return operation(*args, **kwargs)
        outage = self.outage
        if outage.failing and time.monotonic() < outage.retry_at:
            return fallback
        self.depth.value = 1
        try:
            if outage.failing:
                # A write, as a server refusing writes (out of memory, a read-only replica) is
                # failing too. Probed before the operation, so that it sees what recovery
                # changes (the page cache's new generation), not what the cache held before.
                super().set(PROBE_KEY, 1, 60)
                self.answered()
            return operation(*args, **kwargs)
        except self.errors as error:
            self.failed(error)
            return fallback
        finally:
            self.depth.value = 0

    def failed(self, error):
        outage = self.outage
        with outage.lock:
            now = time.monotonic()
            outage.failing = True
            outage.retry_at = now + self.retry_after
            outage.failures += 1
            if outage.logged_at is not None and now - outage.logged_at < LOG_INTERVAL:
                return
            failures, outage.failures, outage.logged_at = outage.failures, 0, now
        logger.error(
            "cache unavailable, serving without it: %s",
            error,
            extra={"cache_failures": failures},
            exc_info=error,
        )

    def answered(self):
        outage = self.outage
        with outage.lock:
            if not outage.failing:
                return
            outage.failing, outage.logged_at, outage.failures = False, None, 0
        logger.warning("cache available again")
        recovered.send(sender=type(self), cache=self)

    # Django's cache API, each answered as a miss when the cache fails.

    def get(self, key, default=None, version=None):
        return self.attempt(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self.attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self.attempt(super().has_key, False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's answer: the keys that were not stored.
        return self.attempt(super().set_many, list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().add, False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self.attempt(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self.attempt(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        result = self.attempt(super().incr, _UNAVAILABLE, key, delta, version)
        if result is _UNAVAILABLE:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)

    def clear(self):
        return self.attempt(super().clear, None)


class RedisSerializer(django_redis.RedisSerializer):
    def loads(self, data):
        # Django's tries int() first and catches the ValueError for every pickled value: an
        # exception per key, and an article hit reads two dozen. Pickles (protocol 2 and up, as
        # dumps() writes them) start with PROTO; anything else was stored as an integer.
        if data[:1] == PICKLE_PROTO:
            return pickle.loads(data)
        return int(data)


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only Django's own serializer, pickling at protocol 2 or higher (whose pickles start
        # with PROTO), is replaced: a serializer named in OPTIONS is left as configured.
        given = self._serializer
        if type(given) is django_redis.RedisSerializer and given.protocol >= 2:
            self._serializer = RedisSerializer(given.protocol)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(FaultTolerantCache, django_redis.RedisCache):
    errors = (redis.exceptions.RedisError,)

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key):
        # Django warns of keys that memcached would refuse; Redis takes any key, and the check
        # (a lazy regex behind a proxy, per key) was a third of a page-cache hit's cache time.
        pass


class FileCache(FaultTolerantCache, FileBasedCache):
    # A full or unwritable disk; a file damaged outside Django (it writes by renaming).
    errors = (OSError, EOFError, pickle.UnpicklingError, zlib.error)

    def _createdir(self):
        # Also called when the backend is made: a directory that cannot be made is an outage
        # like any other, not an error on every request.
        self.attempt(super()._createdir, None)
