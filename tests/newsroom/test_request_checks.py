"""Input no view can use is refused with the styled 400 page before any view runs; the public
site only reads (405). Issue 13, items 4, 5 and 10, each as it was found, then the class."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.articles.admin_helpers import EDITORS, client_for, make_user
from tests.newsroom.test_security_headers import assert_security_headers

pytestmark = pytest.mark.django_db

FIVE_THOUSAND_DIGITS = "9" * 5000
REFUSED = "无法处理的请求"


def assert_refused(response):
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert REFUSED in page
    assert 'rel="stylesheet"' in page


@pytest.fixture
def editor_client(db):
    return client_for(make_user(EDITORS, "editor"))


# Item 4, as found: NUL bytes gave 500s (PostgreSQL refuses NUL in text).


@pytest.mark.parametrize(
    "url", ["/tags/%00/", "/tags/a%00b/", "/feeds/tags/%00/rss/", "/search/?q=a%00b"]
)
def test_nul_bytes_on_public_pages_are_400(client, url):
    assert_refused(client.get(url))


@pytest.mark.parametrize("query", ["tag=a%00", "status=%00", "region=%00"])
def test_nul_bytes_in_admin_filters_are_400(editor_client, query):
    assert_refused(editor_client.get(f"{reverse('admin:articles_article_changelist')}?{query}"))


def test_nul_bytes_in_the_admin_autocomplete_are_400(editor_client):
    url = reverse("admin:autocomplete")
    query = "app_label=articles&model_name=byline&field_name=reporter&term=a%00"

    assert_refused(editor_client.get(f"{url}?{query}"))


def test_views_that_coped_by_themselves_answer_the_same_400(client):
    # /articles/?q=a%00b gave 200 and /reporters/a%00/ 404: the check was per view.
    assert_refused(client.get("/articles/?q=a%00b"))
    assert_refused(client.get("/reporters/a%00/"))


# Item 5, as found: outsized input gave 500s.


@pytest.mark.parametrize(
    "url", ["/articles/", "/reporters/shou-hui-zhen/", "/regions/hangzhou/", "/search/"]
)
# Refused before the view looks the reporter or region up: no rows needed.
def test_a_page_number_of_five_thousand_digits_is_400(client, url):
    assert_refused(client.get(f"{url}?page={FIVE_THOUSAND_DIGITS}"))


def test_more_query_parameters_than_django_allows_is_400(client):
    query = "&".join(f"p{n}=1" for n in range(1500))

    assert_refused(client.get(f"/articles/?{query}"))


def test_as_many_parameters_as_django_allows_are_served(client, seed):
    query = "&".join(f"p{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS))

    assert client.get(f"/articles/?{query}").status_code == 200


def test_a_page_number_in_other_digits_is_404_not_500(client, seed):
    # "²".isdigit() is true, but int("²") fails.
    assert client.get("/articles/?page=%C2%B2").status_code == 404


# The class: wherever it appears, for every URL, public and admin.


@pytest.mark.parametrize(
    "url",
    [
        "/articles/?q=%FF",  # not UTF-8
        "/articles/?q=%ED%A0%80",  # a lone surrogate, encoded
        "/articles/?%FF=1",
        "/tags/%FF/",
        "/tags/%ED%A0%80/",
        "/tags/a%01b/",  # other control characters
        "/search/?q=a%7Fb",
        "/search/?q=a%C2%85b",  # C1 control (NEL)
        "/search/?q%00=1",
        "/articles/99999999999999999999/",  # past a 64-bit key
        "/articles/?section=9223372036854775808",
        "/admin/articles/article/99999999999999999999/change/",
        "/admin/articles/article/?q=a%00",
        "/admin/login/?next=/%00",
    ],
)
def test_unusable_input_anywhere_is_400(client, editor_client, url):
    assert_refused(client.get(url))
    assert_refused(editor_client.get(url))


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%E5%8A%B3%E6%A8%A1%09%E9%A3%8E%E9%87%87",  # a tab, pasted into the box
        "/search/?q=6222020200112233445",  # a 19-digit card number fits in 64 bits
        "/tags/%E5%8A%B3%E6%A8%A1/",
        "/articles/?page=2",
    ],
)
def test_usable_input_is_served(client, seed, url):
    assert client.get(url).status_code in (200, 404)
    assert REFUSED not in client.get(url).content.decode()


def test_refusal_comes_before_any_view_or_database(client, database_outage):
    # With the database down a view would answer 503; the refusal never gets that far.
    assert_refused(client.get("/tags/%00/"))


def test_the_refusal_carries_the_security_headers(client, db):
    assert_security_headers(client.get("/tags/%00/"))


def test_a_posted_form_with_too_many_fields_is_the_styled_400(client, db):
    data = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    assert_refused(client.post(reverse("admin:login"), data))


def test_a_posted_form_past_the_size_limit_is_the_styled_400(client, db):
    data = {"username": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}

    assert_refused(client.post(reverse("admin:login"), data))


# Item 10, as found: PUT, DELETE, PATCH and POST gave the CSRF page's 403; TRACE the feed.


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace"])
@pytest.mark.parametrize("url", ["/", "/articles/", "/feeds/rss/", "/sitemap.xml", "/healthz"])
def test_writing_to_a_public_page_is_405(method, url, db):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)(url)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_the_405_page_is_the_styled_one(client, db):
    page = client.post("/articles/").content.decode()

    assert "不支持的请求方式" in page
    assert 'rel="stylesheet"' in page


def test_options_says_what_a_public_page_allows(client, db):
    response = client.options("/articles/")

    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_the_admin_still_takes_posts(client, admin_user):
    response = client.post(reverse("admin:login"), {"username": "admin", "password": "password"})

    assert response.status_code == 302
