"""The site plus /ceiling/: a fixed page through our whole middleware stack and gunicorn, no
database, no template (Django's ceiling, as the peer measures its own): for bench/run.py. Never
imported by the application.

    gunicorn bench.ceiling_wsgi
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path

from newsroom.wsgi import application  # noqa: F401 (what gunicorn serves)

# The size of an article page, as the peer's ceiling is.
BODY = (
    "<!DOCTYPE html><html lang=zh-CN><meta charset=utf-8><title>ceiling</title><p>"
    + "基准" * 1000
    + "</p></html>"
).encode()


def ceiling(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("ceiling/", ceiling), path("", include(settings.ROOT_URLCONF))]
settings.ROOT_URLCONF = __name__
