"""Helpers for the admin workflow tests: users in the roles the migration creates, and posting.

Users are staff in the migration's groups, never superusers, so the tests exercise exactly the
permissions each role holds in production. The fixtures are imported by their *_fixture names
and requested by their role names (contributor, editor, chief).
"""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from tests.articles.test_admin import form_errors, post_data_from  # noqa: F401  (re-exported)

CONTRIBUTORS, EDITORS, CHIEFS = "通讯员/记者", "编辑", "值班主任/总编"


def make_user(group, username):
    user = User.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # fresh instance: no stale permission cache


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(name="contributor")
def contributor_fixture(db):
    return make_user(CONTRIBUTORS, "contributor")


@pytest.fixture(name="other_contributor")
def other_contributor_fixture(db):
    return make_user(CONTRIBUTORS, "other-contributor")


@pytest.fixture(name="editor")
def editor_fixture(db):
    return make_user(EDITORS, "editor")


@pytest.fixture(name="chief")
def chief_fixture(db):
    return make_user(CHIEFS, "chief")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article):
    return reverse("admin:articles_article_transition", args=[article.pk])


def run_action(client, action, articles, **data):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [a.pk for a in articles], "index": "0", **data},
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]
