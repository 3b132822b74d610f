"""gunicorn settings: `gunicorn` from the repository root finds this file and serves the site.

Every value can be overridden by the environment (below) or on the command line. README
"Deploying" shows it behind nginx.
"""

import gc
import os

from newsroom.json_logging import stdout_config

wsgi_app = "newsroom.wsgi:application"

# nginx on the same machine proxies to this address; a unix socket works too (unix:/run/...).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# One synchronous worker per core: a request spends its time in Python and a fast local
# PostgreSQL, so more processes than cores only queue for the CPU. WEB_CONCURRENCY overrides.
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1))

# Threads in each worker, so that a connection is kept open between requests (keep-alive, which
# gunicorn's sync workers do not do): a page from the page cache costs less than accepting a new
# connection, and served 1,608 -> 3,480 req/s with keep-alive (issue 12, same sitting). Uncached
# pages are no slower: a thread waiting on PostgreSQL lets the others run.
# GUNICORN_WORKER_CLASS=sync: one request at a time per process, as before.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# Load the application once in the master, then fork: workers share its memory pages.
preload_app = True


def pre_fork(server, worker):
    """Leave what the master loaded (the whole site, ~300,000 objects) out of the workers'
    garbage collections: a full collection scanned them all in ~60 ms, holding the GIL, so every
    request of that worker waited (the article page's p99 budget is 50 ms). Frozen objects are
    never collected; they are the modules, URL patterns and templates that live as long as the
    process anyway. It also keeps the pages they sit on shared with the master (copy-on-write)."""
    gc.freeze()


# A stuck request is killed after 30 s; a worker is replaced after ~10,000 requests, so a slow
# leak in any library cannot grow without bound (MAX_REQUESTS=0: never).
timeout = 30
graceful_timeout = 30
max_requests = int(os.environ.get("MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10

# nginx keeps connections to us open (upstream keepalive); seconds an idle one is kept.
keepalive = 5

# X-Forwarded-Proto is trusted from nginx on this machine only (gunicorn's default is
# 127.0.0.1,::1; the FORWARDED_ALLOW_IPS environment variable sets it for a load balancer).
# gunicorn then marks the request https, which SECURE_SSL_REDIRECT and HSTS rely on.

# Access and error logs as JSON lines on stdout, in the same shape as the application's.
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = stdout_config(
    loglevel.upper(),
    {
        "gunicorn.error": loglevel.upper(),
        # ACCESS_LOG_LEVEL=WARNING silences access lines (a load test writes millions).
        "gunicorn.access": os.environ.get("ACCESS_LOG_LEVEL", "INFO"),
    },
)
