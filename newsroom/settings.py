"""Settings for the newsroom, read from the environment with local defaults.

Locally `make run` sets DEBUG=1 and nothing else is needed: SQLite, a development key. In
production set SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; with DEBUG off a missing secret or host
list stops start-up with a clear message, and the site assumes HTTPS (SECURE_HTTPS, on unless
DEBUG). README "Deploying" lists every variable.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from newsroom.json_logging import stdout_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_from_url(url):
    """Turn DATABASE_URL into a DATABASES entry: postgres:// or sqlite:///path."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # Reuse connections across requests; health-checked so a restarted server recovers.
            "CONN_MAX_AGE": int(os.environ.get("CONN_MAX_AGE", "60")),
            "CONN_HEALTH_CHECKS": True,
            # JIT compiles plans it thinks are costly; for our millisecond queries that compile
            # step alone took 380 ms on one. Off for the web's short queries.
            "OPTIONS": {"options": "-c jit=off"},
        }
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": parts.path or ":memory:"}
    raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {parts.scheme!r}")


def cache_from_url(url, directory):
    """Redis when REDIS_URL is set (shared by every app server); otherwise files in `directory`,
    shared by every process on this machine (a per-process cache would keep showing the old
    page after a change made from the command line)."""
    if url:
        return {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": url,
            # A cache that does not answer costs this much once, then is skipped for a while.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    # Django's default of 300 files is a few dozen pages of a small site.
    return {
        "BACKEND": "newsroom.cache.FileCache",
        "LOCATION": str(directory),
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }


def origin(url):
    """https://cdn.example.com for an absolute URL (a CDN or S3 bucket); None for a local path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG:
    SECRET_KEY = SECRET_KEY or "local-development-key-not-for-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
elif not SECRET_KEY or not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "With DEBUG off, set SECRET_KEY and ALLOWED_HOSTS (comma-separated) in the environment; "
        "for local work set DEBUG=1."
    )

INSTALLED_APPS = [
    "csp",
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "taggit",
    "imagekit",
    "photos",
    "regions",
    "articles",
    "epaper",
    "importing",
    "django_tasks",
    "importing.apps.TaskQueueConfig",  # django_tasks_db, named in Chinese
    "desk",
    "prerendered",
    "newsroom",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before everything that only shapes a fresh page: a cached page was stored with the CSP and
    # frame headers it was rendered with, and needs no session, auth or database. PAGE_CACHE=0
    # turns it off (the benchmark's uncached runs).
    *(["newsroom.pagecache.AnonymousPageCacheMiddleware"] if env_bool("PAGE_CACHE", True) else []),
    "csp.middleware.CSPMiddleware",
    "newsroom.middleware.ReaderTrafficMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Refuses unusable input (400) and writes to the public site (405) before any view runs;
    # after the middleware above, so that those answers carry the same headers.
    "newsroom.request_checks.RequestCheckMiddleware",
    # Article pages from their rendered rows: inside everything above, so that such a page goes
    # out with the same headers as a freshly rendered one, and is stored by the page cache.
    "prerendered.middleware.RenderedArticleMiddleware",
    # Last, so that it is the first to see an exception from a view or a template.
    "newsroom.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        }
    }

# A read replica takes reader traffic (anonymous GETs) through newsroom.db_router; editors and
# every write stay on the primary, so editors always see their own changes.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **database_from_url(os.environ["DATABASE_REPLICA_URL"]),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["newsroom.db_router.ReplicaRouter"]

# Background work (the page PDFs of an import): django-tasks, the backport of Django 6's
# django.tasks, with its database backend: the queue is a table, `manage.py db_worker` runs it
# (make run starts one beside the site). README: Celery for more than one machine.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

CACHES = {
    "default": cache_from_url(
        os.environ.get("REDIS_URL"), os.environ.get("CACHE_DIR", BASE_DIR / "var" / "cache")
    )
}

# How long an anonymous reader's page may stay in the page cache. A change refreshes the pages that
# show it at once (newsroom/pagecache.py), so this bounds the cache's memory, and what a process
# that cannot write to a failing cache may still serve.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
# PAGE_CACHE_TARGETED=0: every change refreshes every cached page (the way before issue 12).
PAGE_CACHE_TARGETED = env_bool("PAGE_CACHE_TARGETED", True)
# In the database, not the cache: a cache outage must not sign editors out (Django's default,
# stated because the cache backend above is chosen for speed, not for keeping anything).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# `loaddata regions seed_issue` finds the project fixtures (one file per concern) here.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
# One date style everywhere, 2024年10月8日: newsroom/formats/zh_Hans/formats.py.
FORMAT_MODULE_PATH = ["newsroom.formats"]
# The project's own translations win over Django's: labels end in a full-width colon (：).
LOCALE_PATHS = [BASE_DIR / "newsroom" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = os.environ.get("STATIC_URL", "static/")
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Where uploaded page texts wait for the import's confirmation (importing/uploads.py):
# private, never served; empty means a directory in the system's temporary directory.
IMPORT_UPLOAD_DIR = os.environ.get("IMPORT_UPLOAD_DIR", "")
# The admin's upload of page PDFs (importing/views.py): one page PDF, and the whole upload.
IMPORT_MAX_PDF_BYTES = int(os.environ.get("IMPORT_MAX_PDF_BYTES", 100 * 1024 * 1024))
IMPORT_MAX_UPLOAD_BYTES = int(os.environ.get("IMPORT_MAX_UPLOAD_BYTES", 1024 * 1024 * 1024))
# Uploaded originals (photos/storage.py): outside MEDIA_ROOT, with no URL; editors only.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "photo_originals": {
        "BACKEND": "photos.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    # Hashed names (site.3f2a9c1b7d4e.css) let whitenoise and nginx cache them for a year; the
    # manifest comes from `collectstatic`, which `make test` and every deployment run first.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Photo uploads (photos/checks.py): at most this many bytes, as nginx's client_max_body_size.
PHOTO_MAX_UPLOAD_BYTES = int(os.environ.get("PHOTO_MAX_UPLOAD_BYTES", str(20 * 2**20)))
# Renditions (photos/renditions.py): made when a photo is saved (Optimistic: a URL never asks the
# storage whether the file exists), named by a hash of the original and the spec, so that a
# name's content never changes and nginx or a CDN may cache them for good.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_SPEC_CACHEFILE_NAMER = "imagekit.cachefiles.namers.hash"
IMAGEKIT_CACHEFILE_DIR = "photos/renditions"

# HTTPS everywhere in production. SECURE_HTTPS=0 is for plain-http use with DEBUG off: the test
# suite (Django's test client speaks http://testserver) and a benchmark on 127.0.0.1.
SECURE_HTTPS = env_bool("SECURE_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = SECURE_HTTPS
# Load balancers probe over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Sent only over HTTPS (SecurityMiddleware skips it on http). Preload commits every subdomain of
# the paper's domain to HTTPS for good: submit to the preload list only once they all serve it.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline script or style anywhere: the public templates link site.css and Django 5.2's admin
# loads every script from a file. The one inline <style> in the admin (change_list.html, only
# when a ModelAdmin turns off both action bars) is a column-width nicety we can lose.
# Static and media served from a CDN or a bucket (absolute STATIC_URL/MEDIA_URL) are allowed.
_static_origins = [o for o in [origin(STATIC_URL)] if o]
_media_origins = [o for o in [origin(MEDIA_URL)] if o]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF, *_static_origins],
        "script-src": [SELF, *_static_origins],
        "style-src": [SELF, *_static_origins],
        "img-src": [SELF, "data:", *_static_origins, *_media_origins],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Admin login attempts per username and per client address (newsroom.auth), counted in the
# database; past either limit the form refuses (HTTP 429, Retry-After) until the window that the
# first failure opened has passed. An address gets more: an office's editors may share one.
LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
LOGIN_FAILURE_WINDOW = 15 * 60  # seconds
# Behind nginx every request comes from 127.0.0.1: name the header that carries the reader's
# address (HTTP_X_REAL_IP with deploy/nginx.conf). Only set it when a proxy always overwrites it.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR")

# One JSON object per line on stdout, for journald, Docker or any log shipper.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
# Replace Django's own handlers (console when DEBUG, mail_admins) so each record appears once.
LOGGING = stdout_config(LOG_LEVEL, {"django": LOG_LEVEL, "django.server": LOG_LEVEL})

# A tag typed as "AI" by one editor and "ai" by another is one tag: taggit matches names without
# regard to case when tags are added. (Slugs keep Chinese text by taggit's default: /tags/劳模/.)
TAGGIT_CASE_INSENSITIVE = True

SITE_NAME = os.environ.get("SITE_NAME", "浙江工人日报")
