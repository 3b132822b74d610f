"""The repository's gunicorn.conf.py serves the site, with JSON access logs on stdout."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_when_up(url, deadline):
    while True:
        try:
            return urllib.request.urlopen(url, timeout=2)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_gunicorn_serves_the_health_check_and_logs_it_as_json(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_HTTPS": "0",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),  # used unless DATABASE_URL is set
        "CACHE_DIR": str(tmp_path / "cache"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [gunicorn, "--no-control-socket"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        response = get_when_up(f"http://127.0.0.1:{port}/healthz", time.monotonic() + 20)
        body = json.load(response)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)

    assert body == {"status": "ok", "database": "ok", "cache": "ok"}
    records = [json.loads(line) for line in output.splitlines()]
    [access] = [r for r in records if r["logger"] == "gunicorn.access"]
    assert access["path"] == "/healthz"
    assert access["status"] == 200


FREEZE_COUNT_APP = """
import gc


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(gc.get_freeze_count()).encode()]
"""


def test_workers_leave_what_the_master_loaded_out_of_garbage_collection(tmp_path):
    # A worker answers how many objects its collections skip: those the master had loaded
    # (gunicorn, the preloaded application) when it forked.
    (tmp_path / "freeze_count_app.py").write_text(FREEZE_COUNT_APP)
    port = free_port()
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [gunicorn, "--no-control-socket", "--pythonpath", str(tmp_path), "freeze_count_app"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        frozen = int(get_when_up(f"http://127.0.0.1:{port}/", time.monotonic() + 20).read())
    finally:
        server.terminate()
        server.wait(timeout=20)

    assert frozen > 10_000
