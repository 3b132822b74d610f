"""Site-wide views: robots.txt and the error pages the project answers itself.

The error pages are rendered with the site's name only, without the request's context
processors: the 500 page's may fail too, and 400 and 405 answer requests refused before any view
ran (newsroom.request_checks), whose input is the problem.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import TemplateView

READ_ONLY_METHODS = ("GET", "HEAD", "OPTIONS")


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        absolute = self.request.build_absolute_uri
        return super().get_context_data(
            sitemap_url=absolute(reverse("articles:sitemap")),
            news_sitemap_url=absolute(reverse("articles:news_sitemap")),
            **kwargs,
        )


def error_page(template_name, status):
    return HttpResponse(
        render_to_string(template_name, {"site_name": settings.SITE_NAME}), status=status
    )


def server_error(request):
    """The 500 page (handler500)."""
    return error_page("500.html", 500)


def bad_request(request, exception=None):
    """400, for handler400 (Django's own SuspiciousOperations) and for newsroom.request_checks."""
    return error_page("400.html", 400)


def method_not_allowed(allowed=READ_ONLY_METHODS):
    response = error_page("405.html", 405)
    response["Allow"] = ", ".join(allowed)
    return response
