"""Admin login attempts: at most five per username and twenty per address in 15 minutes, counted
atomically in the database; refused with 429 and Retry-After. Issue 13, item 9."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from newsroom.models import LoginAttempts

PASSWORD = "correct horse battery staple"
LOCKED_OUT = "登录失败次数过多"


@pytest.fixture
def editor(django_user_model):
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
def test_the_429_says_when_to_retry(client, editor):
    fail(client, 5)

    response = log_in(client, PASSWORD)

    assert 0 < int(response["Retry-After"]) <= settings.LOGIN_FAILURE_WINDOW + 1
    assert "15 分钟后再试" in response.content.decode()


@pytest.mark.django_db
def test_four_failures_do_not_lock_and_a_success_starts_the_count_again(client, editor):
    fail(client, 4)
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()

    fail(client, 4)

    assert log_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_one_address_cannot_try_every_account(client, editor):
    # As found: each username had five tries of its own, so one address could try them all.
    for n in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        assert log_in(client, "wrong", username=f"user{n}").status_code == 200

    assert log_in(client, "wrong", username="yet-another").status_code == 429
    assert log_in(client, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_many_addresses_cannot_try_one_account(client, editor):
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        assert log_in(client, "wrong", address=f"198.51.100.{n}").status_code == 200

    assert log_in(client, PASSWORD, address="192.0.2.1").status_code == 429


@pytest.mark.django_db
def test_others_are_not_locked_out_by_one_address_and_one_username(
    client, editor, django_user_model
):
    django_user_model.objects.create_user("other", password=PASSWORD, is_staff=True)
    fail(client, 5)

    assert log_in(client, PASSWORD, username="other", address="198.51.100.1").status_code == 302


@pytest.mark.django_db
def test_an_offices_successful_logins_do_not_use_up_its_address(client, editor):
    for n in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS - 1):
        assert log_in(client, "wrong", username=f"typo{n}").status_code == 200
    for _ in range(3):
        assert log_in(client, PASSWORD).status_code == 302
        client.logout()

    assert log_in(client, "wrong", username="typo-again").status_code == 200


@pytest.mark.django_db
def test_the_lock_ends_when_the_window_has_passed(client, editor):
    fail(client, 5)
    assert log_in(client, PASSWORD).status_code == 429

    LoginAttempts.objects.update(window_ends=timezone.now() - datetime.timedelta(seconds=1))

    assert log_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_failures_for_unknown_usernames_count_too(client, editor):
    fail(client, 5, username="nobody")

    response = log_in(client, "anything", username="nobody")

    assert response.status_code == 429


@pytest.mark.django_db
def test_behind_a_proxy_the_readers_address_is_the_one_counted(client, editor, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 3
    # Every request arrives from nginx on 127.0.0.1; X-Real-IP tells the readers apart.
    nginx = {"address": "127.0.0.1"}
    fail(client, 3, username="a", **nginx, HTTP_X_REAL_IP="203.0.113.7")

    assert log_in(client, PASSWORD, **nginx, HTTP_X_REAL_IP="203.0.113.7").status_code == 429
    assert log_in(client, PASSWORD, **nginx, HTTP_X_REAL_IP="198.51.100.1").status_code == 302


@pytest.mark.django_db
def test_the_session_cookie_is_http_only_and_same_site(client, editor):
    response = log_in(client, PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
