from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import auth, health

admin.site.site_header = f"{settings.SITE_NAME} 采编系统"
admin.site.site_title = "采编系统"
admin.site.index_title = "稿件管理"
admin.site.login_form = auth.RateLimitedAuthenticationForm

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # Before admin.site.urls, which would otherwise answer /admin/login/ itself.
    path("admin/login/", auth.admin_login),
    path("admin/", admin.site.urls),
    path("regions/", include("regions.urls")),
    path("", include("articles.urls")),
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Rendered without the request's context processors, which may need the database that failed.
handler500 = "articles.views.server_error"
# Django's own refusals (TooManyFieldsSent, RequestDataTooBig, DisallowedHost) get the same page
# as newsroom.request_checks.
handler400 = "newsroom.errors.bad_request"
