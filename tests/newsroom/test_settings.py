"""The settings module under a production environment: `check --deploy`, cookies, cache, logs."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

from newsroom.settings import cache_from_url


def run_manage(*args, **environment):
    """manage.py in a fresh process, with a production environment plus `environment`."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "SECURE_HTTPS", "REDIS_URL", "LOG_LEVEL", "DATABASE_REPLICA_URL"}
    }
    env.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="news.example.cn")
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_settings(*names, **environment):
    """{name: repr(value)} for settings names, as the production environment sets them."""
    code = (
        "import json; from django.conf import settings;"
        f"print(json.dumps({{name: repr(eval('settings.' + name)) for name in {names!r}}}))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_finds_nothing_to_warn_about():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


HTTPS_SETTINGS = ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")


def test_production_redirects_to_https_and_keeps_cookies_secure():
    assert production_settings(*HTTPS_SETTINGS) == dict.fromkeys(HTTPS_SETTINGS, "True")


def test_secure_https_off_allows_plain_http_with_debug_off():
    assert production_settings(*HTTPS_SETTINGS, SECURE_HTTPS="0") == dict.fromkeys(
        HTTPS_SETTINGS, "False"
    )


def test_a_replica_url_adds_the_replica_and_its_router():
    found = production_settings(
        "DATABASES['replica']", "DATABASE_ROUTERS", DATABASE_REPLICA_URL="sqlite:///tmp/r.sqlite3"
    )

    assert "'NAME': '/tmp/r.sqlite3'" in found["DATABASES['replica']"]
    assert "'TEST': {'MIRROR': 'default'" in found["DATABASES['replica']"]
    assert found["DATABASE_ROUTERS"] == "['newsroom.db_router.ReplicaRouter']"


def test_without_a_replica_url_there_is_no_router():
    found = production_settings("DATABASES.keys()", "DATABASE_ROUTERS")

    assert found == {"DATABASES.keys()": "dict_keys(['default'])", "DATABASE_ROUTERS": "[]"}


def test_the_cache_is_redis_when_configured_and_files_shared_by_the_machine_otherwise():
    redis = cache_from_url("redis://127.0.0.1:6379/1", "/srv/cache")
    files = cache_from_url(None, "/srv/cache")

    assert (redis["BACKEND"], redis["LOCATION"]) == (
        "newsroom.cache.RedisCache",
        "redis://127.0.0.1:6379/1",
    )
    assert (files["BACKEND"], files["LOCATION"]) == ("newsroom.cache.FileCache", "/srv/cache")


def test_sessions_are_kept_in_the_database_not_the_cache():
    found = production_settings("SESSION_ENGINE")

    assert found == {"SESSION_ENGINE": "'django.contrib.sessions.backends.db'"}


def test_logs_are_json_lines_on_stdout_at_the_configured_level():
    code = (
        "import logging; log = logging.getLogger('newsroom.test');"
        "log.info('不该出现'); log.warning('稿件 %s 已发布', 7, extra={'article_id': 7})"
    )

    result = run_manage("shell", "--no-imports", "-c", code, LOG_LEVEL="WARNING")

    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["level"] == "WARNING"
    assert record["logger"] == "newsroom.test"
    assert record["message"] == "稿件 7 已发布"
    assert record["article_id"] == 7
