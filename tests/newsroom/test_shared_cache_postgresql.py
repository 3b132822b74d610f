"""A change saved from the command line reaches readers of another process on their next
request (issue 13, item 11), with the real model, signals and commit. PostgreSQL only: the
other process needs to reach the test database, and SQLite's is in this process's memory."""

from urllib.parse import quote

import pytest
from django.db import connection

from tests.conftest import make_article
from tests.newsroom.test_shared_cache import in_another_process


@pytest.mark.django_db(transaction=True)
def test_a_headline_changed_from_the_command_line_shows_on_the_next_request(client, monkeypatch):
    database = connection.settings_dict
    credentials = quote(database["USER"]) + (
        f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else ""
    )
    address = f"{database['HOST']}:{database['PORT']}/{database['NAME']}"
    monkeypatch.setenv("DATABASE_URL", f"postgres://{credentials}@{address}")
    article = make_article(headline="命令行修改之前")
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"

    in_another_process(
        "from articles.models import Article;"
        f"article = Article.objects.get(pk={article.pk});"
        "article.headline = '命令行修改之后'; article.save()"
    )

    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "命令行修改之后" in response.content.decode()
