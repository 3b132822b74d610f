"""The background tasks' rows in the admin read in Chinese, like the rest of it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_task_list_is_named_in_chinese(admin_client):
    html = admin_client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    html = html.content.decode()

    assert "后台任务" in html and "任务记录" in html
    assert "Tasks Database Backend" not in html and "Task Results" not in html
