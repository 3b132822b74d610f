"""Sign-offs (签版): the duty editor's word that a page, or the whole issue, is ready for print.

A sign-off is recorded, never edited: revoking it keeps the row and says who revoked it and
when, so the desk can tell what was signed, by whom, and what was taken back. At most one
sign-off of a page (or an issue) is in force at a time; the database refuses a second.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from .readiness import page_problem


class SignOffQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(revoked_at__isnull=True)


class SignOff(models.Model):
    """Who signed what off, when, with what note; and who revoked it, if anyone did."""

    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签版人",
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField("签版时间", default=timezone.now)
    note = models.CharField("备注", max_length=200, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="撤销人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)

    objects = SignOffQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-signed_at", "-id"]

    @classmethod
    def sign(cls, target, user, note=""):
        """Record user's sign-off of target, or raise PermissionDenied / ValidationError."""
        if not user.has_perm(f"desk.add_{cls._meta.model_name}"):
            raise PermissionDenied("只有值班主任/总编可以签版。")
        with transaction.atomic():
            # Locked, so that the readiness read below and the insert see the same articles.
            type(target)._default_manager.select_for_update().filter(pk=target.pk).first()
            problem = cls.why_not_ready(target)
            if problem:
                raise ValidationError(problem, code="not_ready")
            if cls.objects.in_force().filter(**{cls.target_field: target}).exists():
                raise ValidationError("已经签版，无需重复签版。", code="signed")
            return cls.objects.create(**{cls.target_field: target}, signed_by=user, note=note)

    def revoke(self, user):
        """Take the sign-off back; the row stays, with who revoked it and when."""
        if not user.has_perm(f"desk.delete_{self._meta.model_name}"):
            raise PermissionDenied("只有值班主任/总编可以撤销签版。")
        now = timezone.now()
        revoked = (
            type(self).objects.in_force().filter(pk=self.pk).update(revoked_by=user, revoked_at=now)
        )
        if not revoked:
            raise ValidationError("此签版已被撤销。", code="revoked")
        self.revoked_by, self.revoked_at = user, now


class PageSignOff(SignOff):
    page = models.ForeignKey(
        "articles.Page", verbose_name="版", on_delete=models.CASCADE, related_name="sign_offs"
    )
    target_field = "page"

    class Meta(SignOff.Meta):
        verbose_name = "签版"
        verbose_name_plural = "签版"
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_page_sign_off_in_force",
            )
        ]

    def __str__(self):
        return f"{self.page} 签版"

    @staticmethod
    def why_not_ready(page):
        return page_problem(page)


class IssueSignOff(SignOff):
    issue = models.ForeignKey(
        "articles.Issue", verbose_name="期", on_delete=models.CASCADE, related_name="sign_offs"
    )
    target_field = "issue"

    class Meta(SignOff.Meta):
        verbose_name = "整期签版"
        verbose_name_plural = "整期签版"
        constraints = [
            models.UniqueConstraint(
                fields=["issue"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_issue_sign_off_in_force",
            )
        ]

    def __str__(self):
        return f"{self.issue} 整期签版"

    @staticmethod
    def why_not_ready(issue):
        pages = list(issue.pages.all())
        if not pages:
            return f"{issue}还没有版面，不能整期签版。"
        signed = set(
            PageSignOff.objects.in_force()
            .filter(page__issue=issue)
            .values_list("page_id", flat=True)
        )
        unsigned = [str(page) for page in pages if page.pk not in signed]
        if unsigned:
            return f"{'、'.join(unsigned)}尚未签版，不能整期签版。"
        not_ready = [str(page) for page in pages if page_problem(page)]
        if not_ready:
            return f"{'、'.join(not_ready)}签版后有变动，请重新签版。"
        return ""
