"""The error pages the project answers itself, rendered like 500.html: with the site's name only.

No request context: they answer requests refused before any view ran, whose input is the problem.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

READ_ONLY_METHODS = ("GET", "HEAD", "OPTIONS")


def error_page(template_name, status):
    return HttpResponse(
        render_to_string(template_name, {"site_name": settings.SITE_NAME}), status=status
    )


def bad_request(request, exception=None):
    """400, for handler400 (Django's own SuspiciousOperations) and for newsroom.request_checks."""
    return error_page("400.html", 400)


def method_not_allowed(allowed=READ_ONLY_METHODS):
    response = error_page("405.html", 405)
    response["Allow"] = ", ".join(allowed)
    return response
