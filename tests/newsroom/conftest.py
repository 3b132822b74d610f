import signal
import socket
import subprocess
import time

import pytest
import redis
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper

# A second alias on the same server stands in for the read replica, as Django's test runner
# expects a replica to be configured: a TEST mirror of default, sharing its test database. Added
# here, before the test databases are set up, so that only the router's tests need to know.
settings.DATABASES.setdefault(
    "replica", {**settings.DATABASES[DEFAULT_DB_ALIAS], "TEST": {"MIRROR": DEFAULT_DB_ALIAS}}
)


class DatabaseOutage:
    """The default alias pointed at a database that is not there, until end() brings it back.

    A directory that does not exist for SQLite, a closed port for PostgreSQL: both fail to connect
    with the OperationalError that a stopped server gives. end() repairs the same connection
    object in place, as the database coming back would for a running worker.
    """

    def __init__(self):
        self.working = connections[DEFAULT_DB_ALIAS]
        settings_dict = {**self.working.settings_dict}
        if self.working.vendor == "sqlite":
            settings_dict["NAME"] = "/nonexistent/dir/db.sqlite3"
        else:
            settings_dict.update(HOST="127.0.0.1", PORT="1")
        self.connection = type(self.working)(settings_dict, DEFAULT_DB_ALIAS)
        connections[DEFAULT_DB_ALIAS] = self.connection

    def end(self):
        self.connection.settings_dict.update(self.working.settings_dict)

    def restore(self):
        close_for_good(self.connection)
        connections[DEFAULT_DB_ALIAS] = self.working


def close_for_good(connection):
    """Close a second connection to the test database, which must not outlive its test.

    SQLite's close() keeps an in-memory database's connection open, and an idle one still locks
    tables against the test's own (shared cache); PostgreSQL cannot drop a test database that a
    connection still uses.
    """
    BaseDatabaseWrapper.close(connection)


@pytest.fixture
def replica():
    yield connections["replica"]
    close_for_good(connections["replica"])


@pytest.fixture
def database_outage(db):
    outage = DatabaseOutage()
    yield outage
    outage.restore()


class ThrowawayRedis:
    """A redis-server of the test's own on a spare port, to stop, freeze and start mid-test.

    stop() kills it (connections are refused, its keys are gone); freeze() stops the process
    with SIGSTOP, as an unreachable server looks to its clients (connections hang until their
    timeout, and its keys are still there when thaw() lets it go on).
    """

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.frozen = False
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        client = self.client()
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self):
        self.thaw()
        self.process.kill()
        self.process.wait()

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)
        self.frozen = True

    def thaw(self):
        if self.frozen:
            self.process.send_signal(signal.SIGCONT)
            self.frozen = False

    def client(self):
        return redis.Redis(port=self.port)

    def keys(self):
        return self.client().keys()


@pytest.fixture
def throwaway_redis(settings):
    """The default cache on a throwaway Redis, tried again at once after a failure (RETRY_AFTER
    0) unless a test says otherwise, with short timeouts for the frozen server."""
    server = ThrowawayRedis()
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": server.url,
            "RETRY_AFTER": 0,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    yield server
    server.stop()
