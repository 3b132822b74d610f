"""A database that goes away gives readers a styled Chinese 503 page, and the site comes back."""

import pytest
from django.views.defaults import server_error

from newsroom.middleware import DatabaseUnavailableMiddleware


@pytest.mark.parametrize("path", ["/", "/admin/"])
def test_pages_are_a_styled_503_while_the_database_is_down(client, database_outage, path):
    # An editor's session is looked up in the database too.
    client.cookies["sessionid"] = "an-editors-session"

    response = client.get(path)

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "网站暂时无法访问" in page
    assert 'rel="stylesheet"' in page
    assert "Traceback" not in page


def test_the_outage_is_logged_with_its_cause(client, database_outage, caplog):
    client.get("/")

    [record] = [r for r in caplog.records if r.name == "newsroom.middleware"]
    assert record.levelname == "ERROR"
    assert record.exc_info is not None


def test_pages_come_back_by_themselves_with_the_database(client, database_outage):
    assert client.get("/").status_code == 503

    database_outage.end()

    assert client.get("/").status_code == 200


def test_other_errors_are_left_to_the_server_error_page(rf):
    from django.db import IntegrityError

    middleware = DatabaseUnavailableMiddleware(lambda request: None)

    assert middleware.process_exception(rf.get("/"), IntegrityError("duplicate key")) is None
    assert middleware.process_exception(rf.get("/"), ZeroDivisionError()) is None


def test_a_server_error_is_a_chinese_page_without_a_traceback(rf):
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "服务器出错了" in response.content.decode()
