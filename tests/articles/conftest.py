"""Fixtures of the articles tests: staff users in each role the migration creates."""

import pytest

from tests.articles.admin_helpers import CHIEFS, CONTRIBUTORS, EDITORS, make_user


@pytest.fixture
def contributor(db):
    return make_user(CONTRIBUTORS, "contributor")


@pytest.fixture
def other_contributor(db):
    return make_user(CONTRIBUTORS, "other-contributor")


@pytest.fixture
def editor(db):
    return make_user(EDITORS, "editor")


@pytest.fixture
def chief(db):
    return make_user(CHIEFS, "chief")
