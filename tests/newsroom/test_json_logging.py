import json
import logging
import sys

from newsroom.json_logging import JsonFormatter


def record(message, *args, **attributes):
    return logging.makeLogRecord(
        {"name": "newsroom", "levelname": "ERROR", "msg": message, "args": args, **attributes}
    )


def test_a_traceback_stays_on_one_line():
    try:
        raise ValueError("第一行\n第二行")
    except ValueError:
        exc_info = sys.exc_info()

    line = JsonFormatter().format(record("导入失败", exc_info=exc_info))

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "导入失败"
    assert "ValueError: 第一行\n第二行" in entry["exception"]


def test_a_django_request_is_logged_as_its_method_and_path(rf):
    line = JsonFormatter().format(
        record("Internal Server Error: %s", "/articles/", request=rf.get("/articles/"))
    )

    entry = json.loads(line)
    assert entry["method"] == "GET"
    assert entry["path"] == "/articles/"


def test_gunicorns_access_log_becomes_fields():
    atoms = {"h": "127.0.0.1", "m": "GET", "U": "/healthz", "q": "", "s": "200", "D": 1500}
    # As gunicorn logs it: access_log.info(access_log_format, atoms).
    access = logging.LogRecord(
        "gunicorn.access", logging.INFO, "", 0, "%(m)s %(U)s", (atoms,), None
    )

    entry = json.loads(JsonFormatter().format(access))

    assert entry["message"] == "GET /healthz"
    assert entry["method"] == "GET"
    assert entry["path"] == "/healthz"
    assert entry["status"] == 200
    assert entry["duration_ms"] == 1.5
