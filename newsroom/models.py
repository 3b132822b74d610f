"""What the project itself keeps: the count of admin login attempts (newsroom.auth)."""

from django.db import IntegrityError, models, transaction
from django.db.models import F


class LoginAttemptsQuerySet(models.QuerySet):
    def take(self, key, limit, now, window_ends):
        """Count one attempt against key; False, counting nothing, once `limit` are counted.

        One conditional UPDATE decides, so that of twenty attempts arriving at once exactly
        `limit` are let through: the database serialises the updates of one row and checks
        the condition again on the row each one finds.
        """
        self.filter(window_ends__lte=now).delete()
        counted = self.filter(key=key, attempts__lt=limit)
        if counted.update(attempts=F("attempts") + 1):
            return True
        if not self.filter(key=key).exists():
            try:
                with transaction.atomic():
                    self.create(key=key, attempts=1, window_ends=window_ends)
                return True
            except IntegrityError:
                pass
        # The window is open: at the limit, or opened by another attempt an instant ago.
        return bool(counted.update(attempts=F("attempts") + 1))

    def give_back(self, key):
        """Uncount one attempt: it was refused on another count, or it succeeded."""
        self.filter(key=key, attempts__gt=0).update(attempts=F("attempts") - 1)

    def retry_after(self, keys, now):
        """Seconds until the last of these keys' windows closes."""
        ends = self.filter(key__in=keys).aggregate(last=models.Max("window_ends"))["last"]
        return max(1, int((ends - now).total_seconds()) + 1) if ends else 1


class LoginAttempts(models.Model):
    """Admin login attempts counted against one address or one username, in a window that the
    first one opens; a success gives its own back (see newsroom.auth)."""

    # A SHA-256 of the kind and value: usernames may hold spaces or Chinese, addresses vary.
    key = models.CharField("键", max_length=64, unique=True)
    attempts = models.PositiveIntegerField("次数", default=0)
    window_ends = models.DateTimeField("窗口结束", db_index=True)

    objects = LoginAttemptsQuerySet.as_manager()

    class Meta:
        verbose_name = "登录尝试计数"
        verbose_name_plural = "登录尝试计数"
        ordering = ["window_ends"]

    def __str__(self):
        return f"{self.key[:12]}…: {self.attempts}"
