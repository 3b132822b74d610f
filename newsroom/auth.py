"""The admin login, with a limit on attempts per client address and per username.

Counted in the database (newsroom.models.LoginAttempts), not the cache: the limit must hold
while Redis is down, and the database, which login needs anyway, counts atomically. Each attempt
takes its place in both counts before the password is checked, so however many arrive at once,
no more than the limit are checked; a failure keeps its place, a success gives it back (and
clears the username's count: its owner has shown the password). Past either limit the form
refuses, even the right password, with HTTP 429 and Retry-After, until the window has passed.

Per address, so that one address cannot try every account; per username, so that many
addresses cannot try one. The address's limit is higher: editors behind one office NAT share it.
"""

import datetime
import hashlib
import math

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import LoginAttempts


def count_key(kind, value):
    return hashlib.sha256(f"{kind}\n{value}".encode()).hexdigest()


class LoginLimit:
    """The two counts one login attempt is held to."""

    def __init__(self, request, username):
        address = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR")
        self.address_key = count_key("address", address)
        self.username_key = count_key("username", username.casefold())

    def take(self):
        """Count this attempt against both; None, or the seconds to wait when refused."""
        now = timezone.now()
        window_ends = now + datetime.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)
        limits = [
            (self.address_key, settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS),
            (self.username_key, settings.LOGIN_FAILURE_LIMIT),
        ]
        taken = []
        for key, limit in limits:
            if not LoginAttempts.objects.take(key, limit, now, window_ends):
                for earlier in taken:
                    LoginAttempts.objects.give_back(earlier)
                return LoginAttempts.objects.retry_after([key], now)
            taken.append(key)
        return None

    def succeeded(self):
        LoginAttempts.objects.give_back(self.address_key)
        LoginAttempts.objects.filter(key=self.username_key).delete()


class RateLimitedAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "too_many_attempts": "登录失败次数过多，已暂时锁定，请 %(minutes)d 分钟后再试。",
    }

    retry_after = None

    def clean(self):
        username = self.cleaned_data.get("username")
        if not username:
            return super().clean()
        limit = LoginLimit(self.request, username)
        self.retry_after = limit.take()
        if self.retry_after is not None:
            # Refused before authenticate(): past the limit even the right password is no use.
            raise ValidationError(
                self.error_messages["too_many_attempts"],
                code="too_many_attempts",
                params={"minutes": math.ceil(self.retry_after / 60)},
            )
        cleaned_data = super().clean()  # a failure raises, and its attempt stays counted
        limit.succeeded()
        return cleaned_data
