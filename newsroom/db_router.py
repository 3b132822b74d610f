"""Send reader traffic to the read replica; everything else stays on the primary.

Installed only when DATABASE_REPLICA_URL is set. "Reader traffic" is a request that
ReaderTrafficMiddleware marks: a GET or HEAD outside the admin, from a browser without a session.
Editors, previews and every write read from the primary, so nobody misses their own change while
the replica catches up.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_reader_traffic = ContextVar("reader_traffic", default=False)


@contextmanager
def reader_traffic():
    """Within this block, reads may be served by the replica."""
    token = _reader_traffic.set(True)
    try:
        yield
    finally:
        _reader_traffic.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica" if _reader_traffic.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's schema through replication.
        return db == "default"
