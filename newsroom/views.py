"""Site-wide views: robots.txt and the server error page."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import TemplateView


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


def server_error(request):
    """The 500 page, rendered without the request: its context processors might fail too."""
    return HttpResponseServerError(render_to_string("500.html", {"site_name": settings.SITE_NAME}))
