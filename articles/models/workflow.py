"""The editorial workflow: which status changes exist, who may make them, and their record.

draft → submitted → approved → scheduled / published → withdrawn; an editor may send a submitted
article back (退回修改) to its author with a comment. The allowed pairs live in one table that the
model, the admin, the bulk actions and a database constraint on the record all read.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.functions import Trim
from django.utils import timezone

from articles.signals import content_changed

from .parts import Photo
from .status import PUBLIC_STATUSES, Status

# (from, to) → the permission that allows it (codename on articles.Article).
TRANSITIONS = {
    (Status.DRAFT, Status.SUBMITTED): "submit_article",
    (Status.RETURNED, Status.SUBMITTED): "submit_article",
    (Status.SUBMITTED, Status.RETURNED): "review_article",
    (Status.SUBMITTED, Status.APPROVED): "review_article",
    (Status.APPROVED, Status.RETURNED): "review_article",
    (Status.APPROVED, Status.SCHEDULED): "publish_article",
    (Status.APPROVED, Status.PUBLISHED): "publish_article",
    (Status.SCHEDULED, Status.PUBLISHED): "publish_article",
    (Status.SCHEDULED, Status.APPROVED): "publish_article",
    (Status.PUBLISHED, Status.WITHDRAWN): "withdraw_article",
    (Status.SCHEDULED, Status.WITHDRAWN): "withdraw_article",
    (Status.WITHDRAWN, Status.DRAFT): "withdraw_article",
}

# What a person does, as a button or an action label, for each target status.
ACTION_LABELS = {
    Status.SUBMITTED: "提交审核",
    Status.RETURNED: "退回修改",
    Status.APPROVED: "审核通过",
    Status.SCHEDULED: "定时发布",
    Status.PUBLISHED: "发布",
    Status.WITHDRAWN: "撤稿",
    Status.DRAFT: "恢复为草稿",
}

# A contributor's own article may be edited only while it is still with them.
AUTHOR_EDITABLE = (Status.DRAFT, Status.RETURNED)


def allowed_targets(from_status):
    return [to for (frm, to) in TRANSITIONS if frm == from_status]


class StatusChange(models.Model):
    """One transition: who moved which article from what to what, when, and why."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name="稿件",
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField("原状态", max_length=20, choices=Status.choices)
    to_status = models.CharField("新状态", max_length=20, choices=Status.choices)
    comment = models.TextField("意见", blank=True)
    created_at = models.DateTimeField("时间", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "状态变更"
        verbose_name_plural = "状态变更"
        ordering = ["-created_at", "-id"]
        constraints = [
            # The database itself refuses a record of a transition the workflow does not have.
            models.CheckConstraint(
                condition=models.Q(
                    *[models.Q(from_status=frm, to_status=to) for frm, to in TRANSITIONS],
                    _connector=models.Q.OR,
                ),
                name="status_change_allowed_transition",
            ),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


def user_may(user, from_status, to_status, article=None):
    """Whether user may move an article (or any article, when none is given) between statuses."""
    codename = TRANSITIONS.get((from_status, to_status))
    if codename is None or not user.has_perm(f"articles.{codename}"):
        return False
    if codename == "submit_article" and article is not None:
        # Contributors submit their own work; editors may submit on anyone's behalf.
        return article.created_by_id == user.pk or user.has_perm("articles.review_article")
    return True


def photos_lacking_alt(article):
    """An article's uploaded photos with no alt text (an OuterRef or a pk for `article`).

    The one rule of what stops publishing besides the status: a picture readers are shown needs
    its description for those who cannot see it. Photos without an upload (an imported
    caption) have no picture to describe.
    """
    return (
        Photo.objects.filter(article=article)
        .exclude(image="")
        .annotate(alt_text=Trim("alt"))
        .filter(alt_text="")
    )


def refuse_without_alt(headlines, to_status):
    """ValidationError naming the articles that cannot be made public for want of alt text."""
    if to_status not in PUBLIC_STATUSES or not headlines:
        return
    names = "、".join(f"《{headline}》" for headline in headlines[:5])
    more = f"等 {len(headlines)} 篇" if len(headlines) > 5 else ""
    raise ValidationError(
        f"{names}{more}的图片缺少替代文字：请在稿件的“图片”栏为每张上传的图片填写替代文字"
        f"（为看不到图片的读者描述画面），再{ACTION_LABELS[to_status]}。",
        code="alt_text",
    )


def transition_values(from_status, to_status, published_at, comment, publish_at, now):
    """The field values a transition writes, or a ValidationError saying why it cannot happen."""
    if (from_status, to_status) not in TRANSITIONS:
        raise ValidationError(
            f"不能从“{Status(from_status).label}”改为“{Status(to_status).label}”。",
            code="transition",
        )
    values = {"status": to_status}
    if to_status == Status.RETURNED and not comment.strip():
        raise ValidationError("退回修改时请写明意见。", code="comment")
    if to_status == Status.SCHEDULED:
        if publish_at is None or publish_at <= now:
            raise ValidationError("定时发布需要一个将来的发布时间。", code="publish_at")
        values["published_at"] = publish_at
    elif to_status == Status.PUBLISHED:
        # A due schedule keeps its time; otherwise the article is published now.
        values["published_at"] = published_at if published_at and published_at <= now else now
    elif to_status in (Status.APPROVED, Status.DRAFT) and from_status in (
        Status.SCHEDULED,
        Status.WITHDRAWN,
    ):
        values["published_at"] = None
    return values


class WorkflowMixin:
    """Article methods for moving one article through the workflow."""

    def available_transitions(self, user):
        return [to for to in allowed_targets(self.status) if user_may(user, self.status, to, self)]

    def can_be_edited_by(self, user):
        if user.has_perm("articles.review_article"):
            return self.status != Status.WITHDRAWN or user.has_perm("articles.withdraw_article")
        return (
            user.has_perm("articles.change_article")
            and self.created_by_id == user.pk
            and self.status in AUTHOR_EDITABLE
        )

    def can_be_seen_by(self, user):
        """Unpublished work is visible to editors and to its author only."""
        return user.has_perm("articles.review_article") or self.created_by_id == user.pk

    def transition(self, to_status, user, comment="", publish_at=None):
        """Move this article to to_status as user, or raise ValidationError / PermissionDenied.

        The UPDATE is conditional on the status we read, so two people acting at once cannot
        both move it: the second finds nothing to update and is told so.
        """
        from_status = self.status
        now = timezone.now()
        values = transition_values(
            from_status, to_status, self.published_at, comment, publish_at, now
        )
        if not user_may(user, from_status, to_status, self):
            raise PermissionDenied("您没有权限执行此操作。")
        if to_status in PUBLIC_STATUSES and photos_lacking_alt(self.pk).exists():
            refuse_without_alt([self.headline], to_status)
        with transaction.atomic():
            updated = (
                type(self)
                ._default_manager.filter(pk=self.pk, status=from_status)
                .update(version=models.F("version") + 1, **values)
            )
            if not updated:
                raise ValidationError("稿件状态已被他人更改，请刷新后重试。", code="stale")
            StatusChange.objects.create(
                article=self,
                user=user,
                from_status=from_status,
                to_status=to_status,
                comment=comment,
                created_at=now,
            )
        for name, value in values.items():
            setattr(self, name, value)
        self.version += 1
        self._loaded_status = to_status
        _announce(type(self), [self.pk])


class WorkflowQuerySetMixin:
    """Moving many articles at once, with the same rules as one at a time."""

    def transition(self, to_status, user, comment="", publish_at=None):
        """Move every article here that user may move to to_status; return the moved ids.

        Runs a fixed number of queries whatever the number of articles: one locked read, one
        UPDATE per source status, one insert of the records.
        """
        now = timezone.now()
        sources = [frm for (frm, to) in TRANSITIONS if to == to_status and user_may(user, frm, to)]
        if not sources:
            return []
        moved = []
        with transaction.atomic():
            rows = list(
                self.select_for_update()
                .filter(status__in=sources)
                .annotate(
                    lacks_alt=models.Exists(photos_lacking_alt(models.OuterRef("pk")))
                    if to_status in PUBLIC_STATUSES
                    else models.Value(False)
                )
                .values_list("pk", "status", "created_by_id", "lacks_alt", "headline")
                .order_by()
            )
            own_only = "submit_article" in {
                TRANSITIONS[(frm, to_status)] for frm in sources
            } and not user.has_perm("articles.review_article")
            by_source, lacking = {}, []
            for pk, status, author_id, lacks_alt, headline in rows:
                if own_only and author_id != user.pk:
                    continue
                by_source.setdefault(status, []).append(pk)
                if lacks_alt:
                    lacking.append(headline)
            # All or nothing: an issue published at once appears whole (Issue.publish).
            refuse_without_alt(lacking, to_status)
            for from_status, pks in by_source.items():
                values = transition_values(from_status, to_status, None, comment, publish_at, now)
                if to_status == Status.PUBLISHED:
                    values["published_at"] = models.Case(
                        models.When(published_at__lte=now, then=models.F("published_at")),
                        default=models.Value(now),
                    )
                self.model._default_manager.filter(pk__in=pks, status=from_status).update(
                    version=models.F("version") + 1, **values
                )
                moved += [(pk, from_status) for pk in pks]
            StatusChange.objects.bulk_create(
                StatusChange(
                    article_id=pk,
                    user=user,
                    from_status=from_status,
                    to_status=to_status,
                    comment=comment,
                    created_at=now,
                )
                for pk, from_status in moved
            )
        if moved:
            _announce(self.model, [pk for pk, _ in moved])
        return [pk for pk, _ in moved]

    def publish_due(self, now=None):
        """Flip scheduled articles whose time has come to published; return their ids.

        Readers already see them (the published rule compares the time), so this only tidies the
        status. Safe to run concurrently: rows another run holds are skipped, and the UPDATE only
        touches rows still scheduled, so each article is flipped and recorded once.
        """
        now = now or timezone.now()
        with transaction.atomic():
            pks = list(
                self.select_for_update(skip_locked=True)
                .filter(status=Status.SCHEDULED, published_at__lte=now)
                .values_list("pk", flat=True)
                .order_by()
            )
            if not pks:
                return []
            self.model._default_manager.filter(pk__in=pks, status=Status.SCHEDULED).update(
                status=Status.PUBLISHED, version=models.F("version") + 1
            )
            StatusChange.objects.bulk_create(
                StatusChange(
                    article_id=pk,
                    from_status=Status.SCHEDULED,
                    to_status=Status.PUBLISHED,
                    comment="定时发布到点",
                    created_at=now,
                )
                for pk in pks
            )
        _announce(self.model, pks)
        return pks


def _announce(model, pks):
    # Status changes are UPDATEs, which send no model signals: say so for the page caches, with
    # what the pages showing these articles show (one query).
    keys = model._default_manager.filter(pk__in=pks).page_dependencies(publication_changed=True)
    content_changed.send(sender=model, keys=keys)
