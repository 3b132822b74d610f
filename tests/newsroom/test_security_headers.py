"""Every kind of response carries the security headers, and the CSP allows no inline script."""

import re
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import make_article

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def directives(policy):
    """{"default-src": "'self'", ...} from the header; django-csp does not keep their order."""
    return dict(directive.strip().split(" ", 1) for directive in policy.split(";"))


def assert_security_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert directives(response["Content-Security-Policy"]) == CONTENT_SECURITY_POLICY


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password="unused")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/admin/login/", "/healthz", "/no-such-page/"])
def test_public_admin_health_and_404_responses_carry_the_headers(client, path):
    response = client.get(path)

    assert response.status_code in (200, 404)
    assert_security_headers(response)


@pytest.mark.django_db
def test_an_article_page_carries_the_headers(client):
    article = make_article()

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
def test_a_page_served_from_the_cache_carries_the_headers(client):
    url = make_article().get_absolute_url()
    client.get(url)

    response = client.get(url)

    assert response["X-Cache"] == "HIT"
    assert_security_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["admin:index", "admin:articles_article_changelist"])
def test_admin_pages_for_an_editor_carry_the_headers(client, editor, url_name):
    client.force_login(editor)

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert_security_headers(response)


def test_the_outage_page_carries_the_headers(client, database_outage):
    response = client.get("/")

    assert response.status_code == 503
    assert_security_headers(response)


@pytest.mark.django_db
def test_hsts_with_preload_and_subdomains_over_https(client):
    response = client.get("/healthz", secure=True)

    assert response["Strict-Transport-Security"] == (
        f"max-age={365 * 24 * 3600}; includeSubDomains; preload"
    )


@pytest.mark.django_db
def test_http_is_redirected_to_https_except_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").headers["Location"] == "https://testserver/"
    assert client.get("/healthz").status_code == 200


# The templates themselves: CSP blocks inline <script>, <style> and style="…" in the browser, which
# the test client cannot see, so look for them in the source.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


def template_files(directory):
    return sorted(Path(directory).rglob("*.html"))


@pytest.mark.parametrize(
    "path",
    template_files(settings.BASE_DIR / "templates"),
    ids=lambda path: str(path.relative_to(settings.BASE_DIR)),
)
def test_our_templates_have_no_inline_script_or_style(path):
    source = path.read_text()

    assert not INLINE_SCRIPT.search(source)
    assert not INLINE_HANDLER.search(source)
    assert not INLINE_STYLE.search(source)


def test_the_django_admin_loads_every_script_from_a_file():
    admin_templates = Path(django.__file__).parent / "contrib" / "admin" / "templates"

    offenders = [
        path.name
        for path in template_files(admin_templates)
        if INLINE_SCRIPT.search(path.read_text()) or INLINE_HANDLER.search(path.read_text())
    ]

    assert offenders == []
