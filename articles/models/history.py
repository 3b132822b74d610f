"""Revisions of an article (every save keeps one) and published corrections (更正).

A small model of our own rather than django-reversion: an article's revision is one JSON snapshot
of its text, credits, places and tags, which is all the history page needs to list, diff and
restore, with no registration of follow relations or admin mixins to keep in step.
"""

import difflib
import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.dates import chinese_date

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
    "photos": "图片",
    "photo_files": "图片文件",
    "photo_alts": "图片替代文字",
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
        return f"{chinese_date(self.date)} 更正：{self.text[:20]}"


def byline_label(role, name, photo=False):
    """A credit as the history and the import's review show it: 记者 李凡, 摄影 张三 摄."""
    label = f"{role} {name}" if role else name
    return f"{label} 摄" if photo else label


def snapshot_digest(snapshot):
    """A fingerprint of a whole snapshot: equal digests, equal articles (text, credits …)."""
    text = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_snapshot(article, *, bylines, regions, photos, tags, corrections):
    """The snapshot of article, given its parts as plain values.

    bylines: labels (byline_label); regions: names; photos: (caption, image name or "", alt text)
    triples;
    tags: names; corrections: (date, text) pairs, oldest first. Every snapshot is made here,
    from rows (snapshot(), snapshots()) or from what an import is about to write, so that equal
    articles give equal snapshots and equal digests.
    """
    snapshot = {
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "dateline": article.dateline,
        "body": article.body,
        "section": article.section.name if article.section_id else "",
        "editor_note": article.editor_note,
        "bylines": list(bylines),
        # Names, not codes: the history page is read by editors (拱墅区, not 330105).
        "regions": list(regions),
        "photos": [caption for caption, _, _ in photos],
        "photo_files": [image for _, image, _ in photos if image],
        "tags": sorted(tags),
        "corrections": [f"{date:%Y-%m-%d} {text}" for date, text in corrections],
    }
    # Only once a photo has one: the digests of articles kept before alt texts existed (an
    # import's untouched drafts) stay as they were.
    if any(alt for _, _, alt in photos):
        snapshot["photo_alts"] = [alt for _, _, alt in photos]
    return snapshot


def _snapshot_from_rows(article, bylines, article_regions, photos, tags, corrections):
    return build_snapshot(
        article,
        bylines=[byline_label(b.role, b.name, b.photo_id is not None) for b in bylines],
        regions=[ar.region.name for ar in article_regions],
        photos=[(photo.caption, photo.image.name or "", photo.alt) for photo in photos],
        tags=[tag.name for tag in tags],
        corrections=[(c.date, c.text) for c in sorted(corrections, key=_by_id)],
    )


def _by_id(row):
    return row.pk


ORIGINAL_COMMENT = "原始稿件"


class HistoryQuerySetMixin:
    def keep_originals(self):
        """Revision 1 of each article here that has none yet: its stored text, as it is now.

        Called before anything changes an article (an admin save, a correction, an import's
        update), so that the wording an article started with, loaded from a fixture or
        written before revisions existed, can still be read and restored. Fixed query count.
        """
        bare = self.exclude(
            models.Exists(Revision.objects.filter(article=models.OuterRef("pk")))
        ).order_by()
        snapshots = bare.snapshots()
        if not snapshots:
            return 0
        created = dict(bare.filter(pk__in=snapshots).values_list("pk", "created_at"))
        Revision.objects.bulk_create(
            Revision(
                article_id=pk,
                number=1,
                comment=ORIGINAL_COMMENT,
                data=snapshot,
                created_at=created[pk],
            )
            for pk, snapshot in snapshots.items()
        )
        return len(snapshots)

    def snapshots(self):
        """{pk: snapshot} of these articles in a fixed number of queries, whatever their count.

        Read afresh into instances of its own, so no caller's prefetched rows can be stale here.
        """
        articles = self.select_related("section").prefetch_related(
            "bylines__reporter", "article_regions__region", "tags", "corrections", "photos"
        )
        return {
            article.pk: _snapshot_from_rows(
                article,
                article.bylines.all(),
                article.article_regions.all(),
                article.photos.all(),
                article.tags.all(),
                article.corrections.all(),
            )
            for article in articles
        }


class HistoryMixin:
    """Article methods for keeping, comparing and restoring revisions."""

    def snapshot(self):
        """The editable content as plain JSON: the text, section and note, the credits with
        their roles, the places by name, photos, tags and corrections."""
        return _snapshot_from_rows(
            self,
            self.bylines.select_related("reporter").order_by("position"),
            self.article_regions.select_related("region").order_by("position"),
            self.photos.order_by("position"),
            self.tags.all(),
            self.corrections.all(),
        )

    def save_revision(self, user=None, comment=""):
        last = self.revisions.order_by("-number").values_list("number", flat=True).first() or 0
        return self.revisions.create(
            number=last + 1, author=user, comment=comment, data=self.snapshot()
        )

    def keep_original(self):
        """Revision 1 from the stored article if it has no revision yet (keep_originals)."""
        type(self)._default_manager.filter(pk=self.pk).keep_originals()

    def add_correction(self, text, user=None, date=None):
        """A dated correction (更正) shown with the article; it is recorded as a revision too."""
        self.keep_original()
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
