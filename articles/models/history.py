"""Revisions of an article (every save keeps one) and published corrections (更正).

A small model of our own rather than django-reversion: an article's revision is one JSON snapshot
of its text, credits, places and tags, which is all the history page needs to list, diff and
restore, with no registration of follow relations or admin mixins to keep in step.
"""

import difflib

from django.conf import settings
from django.db import models
from django.utils import timezone

from .issues import Section
from .status import published_condition

# The snapshot fields, with the labels the history page shows.
SNAPSHOT_LABELS = {
    "kicker": "引题",
    "headline": "主题",
    "subheadline": "副题",
    "dateline": "电头",
    "body": "正文",
    "section": "栏目",
    "bylines": "署名",
    "regions": "地区",
    "tags": "标签",
    "editor_note": "编辑备注",
    "corrections": "更正",
}


class Revision(models.Model):
    article = models.ForeignKey(
        "articles.Article", verbose_name="稿件", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField("版本号")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", default=timezone.now)
    comment = models.CharField("说明", max_length=200, blank=True)
    data = models.JSONField("内容")

    class Meta:
        verbose_name = "修改记录"
        verbose_name_plural = "修改记录"
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique"),
        ]

    def __str__(self):
        return f"第{self.number}版"

    def diff(self, other_data):
        """Line diffs from this revision to other_data, for the fields that differ.

        Returns [(label, [(tag, text), ...])] with tag one of " ", "-", "+".
        """
        changes = []
        for field, label in SNAPSHOT_LABELS.items():
            old, new = self.data.get(field, ""), other_data.get(field, "")
            if old == new:
                continue
            old_lines = old.splitlines() if isinstance(old, str) else [str(v) for v in old]
            new_lines = new.splitlines() if isinstance(new, str) else [str(v) for v in new]
            lines = [
                (line[0], line[2:])
                for line in difflib.ndiff(old_lines, new_lines)
                if line[:1] in {" ", "-", "+"}
            ]
            changes.append((label, lines))
        return changes


class CorrectionQuerySet(models.QuerySet):
    def published(self):
        """Corrections readers may see: those on articles readers may see."""
        return self.filter(published_condition("article__"))


class Correction(models.Model):
    article = models.ForeignKey(
        "articles.Article",
        verbose_name="稿件",
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    date = models.DateField("更正日期", default=timezone.localdate)
    text = models.TextField("更正说明")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="填写人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("填写时间", auto_now_add=True)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = "更正"
        verbose_name_plural = "更正"
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} 更正：{self.text[:20]}"


class HistoryMixin:
    """Article methods for keeping, comparing and restoring revisions."""

    def snapshot(self):
        """The editable content as plain JSON, credits, places, tags and corrections included."""
        return {
            "kicker": self.kicker,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "dateline": self.dateline,
            "body": self.body,
            "section": self.section.name if self.section_id else "",
            "editor_note": self.editor_note,
            "bylines": [
                f"{b.role} {b.name}" + (" 摄" if b.photo_id else "")
                for b in self.bylines.select_related("reporter").order_by("position")
            ],
            "regions": [
                ar.region.code
                for ar in self.article_regions.select_related("region").order_by("position")
            ],
            "tags": sorted(tag.name for tag in self.tags.all()),
            "corrections": [f"{c.date:%Y-%m-%d} {c.text}" for c in self.corrections.order_by("id")],
        }

    def save_revision(self, user=None, comment=""):
        last = self.revisions.order_by("-number").values_list("number", flat=True).first() or 0
        return self.revisions.create(
            number=last + 1, author=user, comment=comment, data=self.snapshot()
        )

    def add_correction(self, text, user=None, date=None):
        """A dated correction (更正) shown with the article; it is recorded as a revision too."""
        correction = self.corrections.create(
            text=text, created_by=user, date=date or timezone.localdate()
        )
        self.save_revision(user, comment=f"更正：{text[:50]}")
        return correction

    def restore_revision(self, revision, user=None):
        """Put the revision's text, section and tags back; the restore is itself a revision.

        Credits and places are shown in the diff but not rewritten: they are rows with their own
        identity (a reporter may have been merged since), so an editor re-checks them by hand.
        """
        data = revision.data
        for field in ("kicker", "headline", "subheadline", "dateline", "body", "editor_note"):
            setattr(self, field, data.get(field, ""))
        self.section = Section.objects.filter(name=data.get("section")).first()
        self.save()
        self.tags.set(data.get("tags", []))
        return self.save_revision(user, comment=f"恢复至第{revision.number}版")
