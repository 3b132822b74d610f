"""Django's Redis cache, with one redis-py client per server kept instead of one per call.

Django's RedisCacheClient makes a new redis.Redis for every get or set (it shares the
connection pool, not the client), and redis-py fills a table of ~170 response callbacks in
each. Keeping one cut a cached page from 460 to 320 µs in-process. A client is
safe to share between threads, and its pool reconnects after gunicorn forks a worker.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
