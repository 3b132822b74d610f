"""Reader traffic reads from the replica; writes, migrations and editors use the primary.

"replica" is a second alias on the same server, a TEST mirror of default (see conftest.py).
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connections
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from newsroom.db_router import ReplicaRouter, reader_traffic
from newsroom.middleware import ReaderTrafficMiddleware

pytestmark = [
    pytest.mark.django_db(databases=["default", "replica"]),
    pytest.mark.usefixtures("replica"),
]

ROUTER = ["newsroom.db_router.ReplicaRouter"]


def test_reader_traffic_reads_from_the_replica():
    router = ReplicaRouter()

    with reader_traffic():
        assert router.db_for_read(Article) == "replica"
    assert router.db_for_read(Article) == "default"


def test_writes_and_migrations_stay_on_the_primary():
    router = ReplicaRouter()

    with reader_traffic():
        assert router.db_for_write(Article) == "default"
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")


def test_an_orm_read_is_answered_by_the_replica(settings):
    settings.DATABASE_ROUTERS = ROUTER

    with reader_traffic(), CaptureQueriesContext(connections["replica"]) as on_replica:
        # The editorial groups come from a migration, so the replica's connection sees them.
        names = set(Group.objects.values_list("name", flat=True))

    assert "编辑" in names
    assert len(on_replica) == 1


@pytest.mark.parametrize(
    ("method", "path", "cookies", "reads_from"),
    [
        ("get", "/articles/", {}, "replica"),
        ("head", "/", {}, "replica"),
        ("get", "/", {"sessionid": "an-editor"}, "default"),
        ("get", "/admin/login/", {}, "default"),
        ("post", "/articles/", {}, "default"),
    ],
)
def test_only_anonymous_reading_outside_the_admin_is_reader_traffic(
    rf, method, path, cookies, reads_from
):
    request = getattr(rf, method)(path)
    request.COOKIES.update(cookies)
    middleware = ReaderTrafficMiddleware(
        lambda request: HttpResponse(ReplicaRouter().db_for_read(Article))
    )

    assert middleware(request).content.decode() == reads_from


def test_an_anonymous_page_view_reads_from_the_replica(client, settings):
    settings.DATABASE_ROUTERS = ROUTER

    with CaptureQueriesContext(connections["replica"]) as on_replica:
        response = client.get("/")

    assert response.status_code == 200
    assert len(on_replica) > 0


def test_an_editors_page_view_reads_from_the_primary(client, settings, django_user_model):
    settings.DATABASE_ROUTERS = ROUTER
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))

    with CaptureQueriesContext(connections["replica"]) as on_replica:
        response = client.get("/")

    assert response.status_code == 200
    assert len(on_replica) == 0
