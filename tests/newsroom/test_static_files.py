import re

from django.templatetags.static import static


def test_static_files_have_hashed_names_cached_for_a_year(client):
    url = static("css/site.css")

    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "gzip"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admins_static_files_are_served_too(client):
    response = client.get(static("admin/js/core.js"))

    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
