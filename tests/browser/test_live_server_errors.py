"""An exception raised in the live server's thread fails the browser test that caused it."""

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_an_exception_in_a_view_is_recorded_for_the_test(live_site, live_server_errors, settings):
    settings.ROOT_URLCONF = "tests.browser.failing_urls"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{live_site}/boom/")
    assert refused.value.code == 500
    [error] = live_server_errors
    assert error.startswith("exception serving /boom/")
    assert "RuntimeError: 测试用的服务器异常" in error
    live_server_errors.clear()  # expected here; left in the list, it would fail this test


def test_a_test_that_leaves_a_server_exception_fails_with_its_traceback():
    # In a pytest of its own, on SQLite (a second PostgreSQL test database of the same name
    # would collide with this run's).
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + ["tests/browser/live_server_self_test.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed" in run.stdout
    assert "exception serving /boom/" in run.stdout
    assert "RuntimeError: 测试用的服务器异常" in run.stdout
