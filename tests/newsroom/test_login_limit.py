"""At most five failed admin logins per username and address in 15 minutes."""

import time
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

PASSWORD = "correct horse battery staple"
LOCKED_OUT = "登录失败次数过多"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model, settings):
    # A fast hasher: the default one takes most of a second per attempt.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, password, username="editor", address="203.0.113.7", **headers):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, **kwargs):
    for _ in range(times):
        assert log_in(client, "wrong", **kwargs).status_code == 200


@pytest.mark.django_db
def test_the_right_password_logs_in(client, editor):
    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_after_five_failures_even_the_right_password_is_refused_with_429(client, editor):
    fail(client, 5)

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_four_failures_do_not_lock_and_a_success_starts_the_count_again(client, editor):
    fail(client, 4)
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()

    fail(client, 4)

    assert log_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lock_is_per_username_and_address(client, editor, django_user_model):
    django_user_model.objects.create_user("other", password=PASSWORD, is_staff=True)
    fail(client, 5)

    assert log_in(client, PASSWORD, address="198.51.100.1").status_code == 302
    client.logout()
    assert log_in(client, PASSWORD, username="other").status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_when_the_window_has_passed(client, editor):
    fail(client, 5)
    later = time.time() + settings.LOGIN_FAILURE_WINDOW + 1

    with mock.patch("time.time", return_value=later):
        response = log_in(client, PASSWORD)

    assert response.status_code == 302


@pytest.mark.django_db
def test_failures_for_unknown_usernames_count_too(client, editor):
    fail(client, 5, username="nobody")

    response = log_in(client, "anything", username="nobody")

    assert response.status_code == 429


@pytest.mark.django_db
def test_behind_a_proxy_the_readers_address_is_the_one_counted(client, editor, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    # Every request arrives from nginx on 127.0.0.1; X-Real-IP tells the readers apart.
    nginx = {"address": "127.0.0.1"}
    fail(client, 5, **nginx, HTTP_X_REAL_IP="203.0.113.7")

    assert log_in(client, PASSWORD, **nginx, HTTP_X_REAL_IP="203.0.113.7").status_code == 429
    assert log_in(client, PASSWORD, **nginx, HTTP_X_REAL_IP="198.51.100.1").status_code == 302


@pytest.mark.django_db
def test_the_session_cookie_is_http_only_and_same_site(client, editor):
    response = log_in(client, PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
