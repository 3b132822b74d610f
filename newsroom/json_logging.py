"""Log records as one JSON object per line, for journald, Docker or any log shipper."""

import datetime
import json
import logging
from collections.abc import Mapping

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

# gunicorn's access-log atoms (see its access_log_format) under readable names.
_ACCESS_ATOMS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "f": "referer",
    "a": "user_agent",
}


class JsonFormatter(logging.Formatter):
    """time, level, logger and message, then the record's extras; tracebacks stay on the line."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            entry.update(self.access_fields(record.args))
        for name, value in vars(record).items():
            if name in _STANDARD_ATTRIBUTES or name in entry:
                continue
            if name == "request":
                # django.request passes the HttpRequest; its method and path are what to log.
                entry["method"] = getattr(value, "method", None)
                entry["path"] = getattr(value, "path", None)
            elif isinstance(value, str | int | float | bool) or value is None:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

    @staticmethod
    def access_fields(atoms):
        fields = {name: atoms.get(atom) for atom, name in _ACCESS_ATOMS.items()}
        fields["status"] = int(fields["status"]) if str(fields["status"]).isdigit() else None
        # D is the request's duration in microseconds.
        fields["duration_ms"] = round(int(atoms.get("D", 0)) / 1000, 3)
        return fields


def stdout_config(level, loggers):
    """A dictConfig sending every record to stdout as JSON; `loggers` names those that only
    propagate to it (their own handlers, such as Django's console and mail_admins, dropped)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "newsroom.json_logging.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            },
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            name: {"handlers": [], "level": logger_level, "propagate": True}
            for name, logger_level in loggers.items()
        },
    }
