import logging

from django.conf import settings
from django.contrib.admin import site as admin_site
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from .db_router import reader_traffic

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """A database that is down or unreachable gives readers a 503 page, not a server error.

    Django wraps psycopg's and sqlite3's connection errors in OperationalError or InterfaceError.
    Nothing needs restarting when the database returns: CONN_HEALTH_CHECKS drops the broken
    connection and the next request opens a new one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("database unavailable", exc_info=exception, extra={"request": request})
        # Rendered without the request: its context processors could query the database again.
        page = render_to_string("503.html", {"site_name": settings.SITE_NAME})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        # Neither nginx's micro-cache nor a CDN may keep the outage page.
        response["Cache-Control"] = "no-store"
        return response


class ReaderTrafficMiddleware:
    """Mark anonymous reading, which newsroom.db_router may send to the read replica."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse(f"{admin_site.name}:index")

    def __call__(self, request):
        if not self.is_reader_traffic(request):
            return self.get_response(request)
        with reader_traffic():
            return self.get_response(request)

    def is_reader_traffic(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.admin_prefix)
        )
