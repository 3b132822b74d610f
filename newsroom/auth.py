"""The admin login, with a limit on failed attempts per username and client address.

Our own few lines on Django's cache rather than django-axes: axes brings database tables, an
authentication backend, a middleware and a dozen settings for what is here one counter per
username and address. On Redis the count is shared by every app server.
"""

import hashlib

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError


class LoginFailures:
    """Failed logins for one username from one address, in a window opened by the first one."""

    def __init__(self, request, username):
        address = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR")
        # Hashed: usernames may hold spaces or Chinese, which cache keys should not.
        digest = hashlib.sha256(f"{username.casefold()}\n{address}".encode()).hexdigest()
        self.key = f"login-failures:{digest}"

    def exceeded(self):
        return cache.get(self.key, 0) >= settings.LOGIN_FAILURE_LIMIT

    def record(self):
        # add() opens the window and incr() keeps its expiry, so it closes 15 minutes after the
        # first failure however many follow.
        cache.add(self.key, 0, timeout=settings.LOGIN_FAILURE_WINDOW)
        try:
            cache.incr(self.key)
        except ValueError:  # the window closed between add() and incr()
            cache.set(self.key, 1, timeout=settings.LOGIN_FAILURE_WINDOW)

    def clear(self):
        cache.delete(self.key)


class RateLimitedAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "too_many_attempts": "登录失败次数过多，账号已暂时锁定，请 %(minutes)d 分钟后再试。",
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if not username:
            return super().clean()
        failures = LoginFailures(self.request, username)
        if failures.exceeded():
            # Refused before authenticate(): past the limit even the right password is no use.
            raise ValidationError(
                self.error_messages["too_many_attempts"],
                code="too_many_attempts",
                params={"minutes": settings.LOGIN_FAILURE_WINDOW // 60},
            )
        try:
            cleaned_data = super().clean()
        except ValidationError:
            failures.record()
            raise
        failures.clear()
        return cleaned_data
