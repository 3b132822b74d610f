import pytest


@pytest.mark.django_db
def test_health_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_health_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-store" in response["Cache-Control"]


def test_health_is_503_when_the_database_is_unreachable(client, database_outage):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_recovers_by_itself_when_the_database_comes_back(client, database_outage):
    assert client.get("/healthz").status_code == 503

    database_outage.end()

    assert client.get("/healthz").status_code == 200
