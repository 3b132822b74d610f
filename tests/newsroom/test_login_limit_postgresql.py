"""The login limit under real concurrency (issue 13, item 9). PostgreSQL only: SQLite's test
database is in memory, where concurrent writers are refused (table locked) instead of waiting."""

import threading

import pytest
from django.db import connection
from django.test import Client

from tests.newsroom.test_login_limit import PASSWORD, log_in


@pytest.mark.django_db(transaction=True)
def test_twenty_attempts_at_once_get_five_tries_and_no_more(
    django_user_model, real_password_hasher
):
    # As found: a sixth went through when twenty arrived at once. The real password hasher, so
    # that each check takes long enough for the others to arrive while it runs.
    django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    start = threading.Barrier(20)
    statuses = []

    def attempt():
        client = Client()
        start.wait()
        try:
            statuses.append(log_in(client, "wrong").status_code)
        finally:
            # Each thread has its own connection: left open, the test database cannot be dropped.
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200] * 5 + [429] * 15
