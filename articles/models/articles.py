"""The article: its place in print, its text, its status, and what is derived from them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from articles import search
from articles.body_text import BodyBlocksMixin, blocks_of

from .history import HistoryMixin, snapshot_digest
from .issues import Issue, Page, Section
from .parts import TaggedArticle
from .querysets import SEARCH_FIELDS, ArticleManager
from .status import PUBLIC_STATUSES, Status
from .workflow import TRANSITIONS, WorkflowMixin


class Origin(models.TextChoices):
    """Where an article came from: an import may change only its own work, never an editor's."""

    ADMIN = "admin", "后台录入"
    IMPORT = "import", "版面导入"


class Article(BodyBlocksMixin, WorkflowMixin, HistoryMixin, models.Model):
    Status = Status
    Origin = Origin

    issue = models.ForeignKey(
        Issue, verbose_name="期", on_delete=models.PROTECT, related_name="articles", editable=False
    )
    page = models.ForeignKey(
        Page, verbose_name="版", on_delete=models.PROTECT, related_name="articles"
    )
    position = models.PositiveSmallIntegerField("版内顺序", default=1)
    section = models.ForeignKey(
        Section,
        verbose_name="栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    kicker = models.CharField("引题", max_length=200, blank=True)
    headline = models.CharField("主题", max_length=200)
    subheadline = models.CharField("副题", max_length=300, blank=True)
    dateline = models.CharField("电头", max_length=100, blank=True, help_text="如“本报讯”。")
    body = models.TextField(
        "正文",
        help_text="每段一行。以“## ”开头的一行是插题（小标题）。",
    )
    regions = models.ManyToManyField(
        "regions.Region",
        verbose_name="地区",
        through="ArticleRegion",
        related_name="articles",
        blank=True,
    )
    tags = TaggableManager("标签", through=TaggedArticle, blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True, db_index=True)
    editor_note = models.TextField(
        "编者按/编辑备注", blank=True, help_text="内部备注，不对读者显示。"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建者",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    version = models.PositiveIntegerField("版本", default=1, editable=False)
    origin = models.CharField(
        "来源", max_length=10, choices=Origin.choices, default=Origin.ADMIN, editable=False
    )
    # The snapshot_digest() of the article as an import last wrote it: while the article's own
    # digest is still this, nobody has changed it since, and a re-import may update it.
    import_digest = models.CharField("导入指纹", max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    # Derived from the text, credits, places and tags by refresh_search(); see articles/search.py.
    search_document = models.TextField(editable=False, blank=True, default="")
    search_terms = search.SearchTermsField(editable=False, blank=True, default="")
    search_title = models.TextField(editable=False, blank=True, default="")
    search_title_terms = search.SearchTermsField(editable=False, blank=True, default="")

    objects = ArticleManager()

    class Meta:
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        ordering = ["-issue__date", "page__number", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page", "position"], name="article_position_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="article_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(origin__in=Origin.values), name="article_origin_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=PUBLIC_STATUSES)
                | models.Q(published_at__isnull=False),
                name="article_public_has_publish_time",
            ),
            models.CheckConstraint(condition=~models.Q(headline=""), name="article_has_headline"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            # Only readers' articles, so that "is it published?" is answered from the index: for
            # an issue (its pages, 上一期/下一期) and for the ids a filter finds (counts, lists).
            models.Index(
                fields=["issue", "published_at"],
                condition=models.Q(status__in=[status.value for status in PUBLIC_STATUSES]),
                name="article_public_issue_idx",
            ),
            models.Index(
                fields=["id", "published_at"],
                condition=models.Q(status__in=[status.value for status in PUBLIC_STATUSES]),
                name="article_public_idx",
            ),
        ]
        permissions = [
            ("submit_article", "提交审核"),
            ("review_article", "审稿（退回、通过）"),
            ("publish_article", "签发（发布、定时发布）"),
            ("withdraw_article", "撤稿"),
            ("publish_issue", "整期签发"),
            ("view_statistics", "查看通讯员发稿统计"),
        ]

    def __str__(self):
        return self.headline

    def natural_key(self):
        return self.page.natural_key() + (self.position,)

    natural_key.dependencies = ["articles.page", "articles.section", "regions.region"]

    def get_absolute_url(self):
        return reverse("articles:article", kwargs={"pk": self.pk})

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # Remembered so that save() can refuse a status change made outside the workflow.
        article._loaded_status = article.__dict__.get("status")
        return article

    def clean(self):
        if self.status in PUBLIC_STATUSES and self.published_at is None:
            raise ValidationError({"published_at": "发布的稿件需要发布时间。"})

    def save(self, *args, **kwargs):
        # The issue is the page's issue; storing it too lets lists filter by issue without a join.
        if self.page_id is not None:
            self.issue_id = self.page.issue_id
        loaded = getattr(self, "_loaded_status", None)
        if (
            loaded is not None
            and loaded != self.status
            and (loaded, self.status) not in TRANSITIONS
        ):
            raise ValidationError(
                f"稿件不能从“{Status(loaded).label}”直接改为“{Status(self.status).label}”。"
            )
        super().save(*args, **kwargs)
        self._loaded_status = self.status

    def is_published(self):
        """The same rule as ArticleQuerySet.published(), for one article in hand."""
        return (
            self.status in PUBLIC_STATUSES
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_untouched_import(self, snapshot, has_status_changes=False):
        """Still the import's own work: an imported draft exactly as the import last wrote it,
        never moved through the workflow. Only such an article may a re-import change."""
        return (
            self.origin == Origin.IMPORT
            and self.status == Status.DRAFT
            and not has_status_changes
            and self.import_digest == snapshot_digest(snapshot)
        )

    def refresh_search(self):
        """Rebuild the search document from the article and its related rows (one UPDATE)."""
        self.set_search_columns(
            self.bylines.select_related("reporter"),
            self.article_regions.select_related("region__parent"),
            [tag.name for tag in self.tags.all()],
        )
        type(self)._default_manager.filter(pk=self.pk).update(
            **{name: getattr(self, name) for name in SEARCH_FIELDS}
        )

    def set_search_columns(self, bylines, article_regions, tag_names):
        """The search columns from the text, the credited names, the places, tags and section.

        bylines and article_regions may be rows not yet saved (the import computes the columns
        before it writes the article).
        """
        names = [b.name for b in bylines]
        # A county's city is searchable too: 湖州 finds the news of 长兴县 as well.
        places = []
        for ar in article_regions:
            for region in (ar.region, ar.region.parent):
                if region is not None and region.kind != region.Kind.PROVINCE:
                    places += [region.name, region.short_name]
        section = [self.section.name] if self.section_id else []
        self.search_document, self.search_terms = search.document(
            self.kicker,
            self.headline,
            self.subheadline,
            self.dateline,
            self.body,
            " ".join(names + places + list(tag_names) + section),
        )
        self.search_title, self.search_title_terms = search.title_document(
            self.kicker, self.headline, self.subheadline
        )

    @property
    def blocks(self):
        """The body as ("crosshead" | "paragraph", text) pairs, in order."""
        return blocks_of(self.body)

    @property
    def summary(self):
        paragraphs = self.paragraphs
        first = paragraphs[0] if paragraphs else ""
        return first if len(first) <= 120 else first[:119] + "…"
