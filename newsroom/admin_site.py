"""The editors' admin site: its titles, its login (with the failed-attempt limit) and its index.

One AdminSite subclass, installed as the default site (newsroom.apps.NewsroomAdminConfig), so
that `admin.site` and `@admin.register` everywhere mean this site. Pages of the whole desk rather
than of one model (the editors' desk) belong here, in get_urls() and index().
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS

from desk import urls as desk_urls
from desk.views import desk

from .auth import RateLimitedAuthenticationForm


class NewsroomAdminSite(admin.AdminSite):
    site_header = f"{settings.SITE_NAME} 采编系统"
    site_title = "采编系统"
    index_title = "稿件管理"
    login_form = RateLimitedAuthenticationForm

    def index(self, request, extra_context=None):
        """The desk (工作台): what the issue being made needs and what waits for this user.

        Every model's list stays one click away in the menu sidebar the desk page keeps.
        """
        return desk(request, {**self.each_context(request), **(extra_context or {})})

    def get_urls(self):
        return desk_urls.urls_for(self.admin_view) + super().get_urls()

    def login(self, request, extra_context=None):
        """The admin's login, answering 429 Too Many Requests, with when to retry, while the
        limit on attempts holds (newsroom.auth)."""
        response = super().login(request, extra_context)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if form is not None and form.has_error(NON_FIELD_ERRORS, code="too_many_attempts"):
            response.status_code = 429
            response["Retry-After"] = str(form.retry_after)
        return response
