from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from articles.urls import region_patterns

from . import health, views

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("regions/", include(region_patterns)),
    path("", include("articles.urls")),
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Rendered without the request's context processors, which may need the database that failed.
handler500 = "newsroom.views.server_error"
# Django's own refusals (TooManyFieldsSent, RequestDataTooBig, DisallowedHost) get the same page
# as newsroom.request_checks.
handler400 = "newsroom.views.bad_request"
