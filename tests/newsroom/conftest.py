import pytest
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
