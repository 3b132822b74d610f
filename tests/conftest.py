"""Shared test helpers: small factories that build valid rows with sensible defaults."""

import contextlib
import datetime
import itertools
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, Byline, Issue, Page, Reporter, Section
from articles.signal_handlers import batched
from tests.articles.admin_helpers import CHIEFS, CONTRIBUTORS, EDITORS, make_user

_counter = itertools.count(1)


@pytest.fixture
def regions(db):
    """The whole Zhejiang tree from fixtures/regions.json."""
    call_command("loaddata", "regions", verbosity=0)


@pytest.fixture
def seed(regions):
    """Regions plus the seed issue, loaded from fixtures exactly as `make run` does."""
    call_command("loaddata", "seed_issue", verbosity=0)


def make_issue(**overrides):
    n = next(_counter)
    fields = {"date": datetime.date(2020, 1, 1) + datetime.timedelta(days=n), "number": 10000 + n}
    fields.update(overrides)
    return Issue.objects.create(**fields)


def make_page(**overrides):
    fields = {"number": 1, "name": "要闻"}
    fields.update(overrides)
    if "issue" not in fields:
        fields["issue"] = make_issue()
    return Page.objects.create(**fields)


def make_article(**overrides):
    """A published article on a fresh page unless told otherwise.

    make_article(status=Article.Status.DRAFT) gives a draft; reporters=[("寿慧桢", "记者")] adds
    bylines; regions=[region, ...] and tags=["劳模"] attach those. Built in one batch, as loaddata
    writes: its search text is written once and its change announced once.
    """
    with batched():
        return _make_article(**overrides)


def _make_article(**overrides):
    reporters = overrides.pop("reporters", [])
    regions = overrides.pop("regions", [])
    tags = overrides.pop("tags", [])
    n = next(_counter)
    fields = {
        "headline": f"测试稿件{n}",
        "body": "第一段正文。\n## 插题\n第二段正文。",
        "status": Article.Status.PUBLISHED,
        "position": 1,
    }
    fields.update(overrides)
    if "page" not in fields:
        fields["page"] = make_page(**({"issue": fields.pop("issue")} if "issue" in fields else {}))
    if fields["status"] in (Article.Status.PUBLISHED, Article.Status.SCHEDULED):
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    article = Article.objects.create(**fields)
    for position, (name, role) in enumerate(reporters, start=1):
        reporter, _ = Reporter.objects.get_or_create(name=name)
        Byline.objects.create(article=article, reporter=reporter, role=role, position=position)
    for position, region in enumerate(regions, start=1):
        article.article_regions.create(region=region, position=position)
    if tags:
        article.tags.add(*tags)
    return article


def make_section(name="法润工心"):
    return Section.objects.create(name=name)


POSTGRESQL_ONLY = (
    "PostgreSQL only (GIN indexes, row locks, concurrent sessions): not run on SQLite; "
    "CI's PostgreSQL pass runs it (DATABASE_URL=postgres://…)"
)


def on_postgresql():
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def pytest_collection_modifyitems(config, items):
    """Modules named *_postgresql.py test what only PostgreSQL has: on SQLite each of their
    tests is reported as skipped, with the reason, never silently left out."""
    if on_postgresql():
        return
    for item in items:
        if item.path.name.endswith("_postgresql.py"):
            item.add_marker(pytest.mark.skip(reason=POSTGRESQL_ONLY))


# `make mutation` runs the selected tests once per mutant, each time in a new pytest session:
# building the test database by migrations would take most of that time. It migrates one SQLite
# file first (MUTATION_TEST_DB_TEMPLATE), and each session works on its own copy of it.
MUTATION_TEST_DB_TEMPLATE = os.environ.get("MUTATION_TEST_DB_TEMPLATE")

if MUTATION_TEST_DB_TEMPLATE:

    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker, tmp_path_factory):
        import shutil

        from django.db import connections

        copy = tmp_path_factory.mktemp("db") / "test.sqlite3"
        shutil.copyfile(MUTATION_TEST_DB_TEMPLATE, copy)
        connection = connections["default"]
        assert connection.vendor == "sqlite", "make mutation runs on SQLite"
        with django_db_blocker.unblock():
            connection.close()
            connection.settings_dict["NAME"] = str(copy)
        yield


@pytest.fixture(scope="session", autouse=True)
def _private_cache_directory(tmp_path_factory):
    """The file cache in a directory of this run's own: the checkout's is shared with whatever
    else runs there (a development server would start new page generations under a test)."""
    from django.conf import settings
    from django.test import override_settings

    default = settings.CACHES["default"]
    if default["BACKEND"] != "newsroom.cache.FileCache":
        yield
        return
    # In memory where the machine has it: the cache writes a file per change (a rename each),
    # which on disk was a third of the time of loading the seed issue.
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        location = tempfile.mkdtemp(prefix="newsroom-test-cache-", dir=shm)
    else:
        location = str(tmp_path_factory.mktemp("cache"))
    with override_settings(
        CACHES={**settings.CACHES, "default": {**default, "LOCATION": location}}
    ):
        yield
    shutil.rmtree(location, ignore_errors=True)


# Django's default hasher takes half a second a password here (a million PBKDF2 rounds), paid by
# every admin_user and every login. A test about the real hasher asks for `real_password_hasher`.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture
def real_password_hasher(settings):
    from django.conf import global_settings

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with empty caches (pages, login counters): no state leaks between tests."""
    for cache in caches.all():
        cache.clear()


@contextlib.contextmanager
def redis_page_cache(settings, database):
    """The default cache on the real Redis server (127.0.0.1:6379, that database), under a key
    prefix of this test's own; its keys are removed afterwards. Not FLUSHDB: another test run
    (a second worker, CI's other pass) may be using the same database."""
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:6379/{database}",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    cache = caches["default"]
    try:
        yield cache
    finally:
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(f"{cache.key_prefix}:*"))
        if keys:
            client.delete(*keys)


@pytest.fixture
def desk_editor(django_user_model):
    """Staff, not superuser, with every permission on articles, regions and tags."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("desk-editor", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["articles", "regions", "taggit"])
    )
    return user


@pytest.fixture(params=["superuser", "editor"])
def staff_client(request, client, admin_user, desk_editor):
    """The admin as a superuser, then as a staff editor with model permissions only."""
    client.force_login(admin_user if request.param == "superuser" else desk_editor)
    return client


@pytest.fixture
def media_dirs(settings, tmp_path):
    """MEDIA_ROOT and the private storage of photo originals in the test's own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "photo_originals": {
            "BACKEND": "photos.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    return tmp_path


# Staff users in each role the migration creates (the articles, desk and importing tests).


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
