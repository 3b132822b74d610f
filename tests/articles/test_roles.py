"""Byline roles: one list (articles/roles.py) for what the importer reads and what the
admin suggests."""

from articles.importing.bylines import (
    DEFAULT_PHOTO_ROLE,
    DEFAULT_TEXT_ROLE,
    ROLE_WORDS,
    SLASH_ROLES,
)
from articles.models.people import Byline, Role
from articles.roles import ROLES


def test_every_role_the_parser_reads_or_gives_is_a_role_the_admin_suggests():
    given = {*ROLE_WORDS, *SLASH_ROLES.values(), DEFAULT_TEXT_ROLE, DEFAULT_PHOTO_ROLE, "供图"}
    assert given <= set(Role.values)
    assert Role.values == list(ROLES.values())


def test_longer_role_words_are_tried_first():
    assert ROLE_WORDS.index("本报记者") < ROLE_WORDS.index("记者")
    assert ROLE_WORDS.index("全媒体记者") < ROLE_WORDS.index("记者")


def test_byline_role_stays_free_text_defaulting_to_reporter():
    field = Byline._meta.get_field("role")
    assert field.choices is None
    assert field.default == Role.REPORTER == "记者"
