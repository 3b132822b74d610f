"""The article, its places, photos and tags, and the one rule for what readers may see."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles import search
from articles.body_text import BodyBlocksMixin, blocks_of

from .history import HistoryMixin, HistoryQuerySetMixin, snapshot_digest
from .issues import Issue, Page, Section
from .parts import ArticlePartManager
from .people import Byline
from .status import PUBLIC_STATUSES, Status
from .workflow import TRANSITIONS, WorkflowMixin, WorkflowQuerySetMixin


def published_condition(prefix=""):
    """What readers may see, as a condition: on Article, or through a relation ("article__").

    The one definition: published() filters by it, and queries that reach articles through a
    join (a reporter's public credits) use it with their prefix.
    """
    return models.Q(
        **{f"{prefix}status__in": PUBLIC_STATUSES, f"{prefix}published_at__lte": timezone.now()}
    )


class ArticleQuerySet(WorkflowQuerySetMixin, HistoryQuerySetMixin, models.QuerySet):
    def published(self):
        """What readers may see: the one definition every view, feed, sitemap and search uses."""
        return self.filter(published_condition())

    def for_listing(self):
        """Everything a list of articles shows, in a fixed number of queries."""
        return self.select_related("issue", "page", "section").prefetch_related(
            models.Prefetch(
                "bylines",
                queryset=Byline.objects.filter(photo__isnull=True).select_related("reporter"),
                to_attr="text_bylines",
            ),
            models.Prefetch(
                "article_regions",
                queryset=ArticleRegion.objects.select_related("region"),
                to_attr="ordered_regions",
            ),
            "tags",
        )

    def in_print_order(self):
        return self.order_by("-issue__date", "page__number", "position")


# Derived columns, large (the whole text again, its terms): never loaded unless asked for.
SEARCH_FIELDS = ("search_document", "search_terms", "search_title", "search_title_terms")


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        return super().get_queryset().defer(*SEARCH_FIELDS)

    def get_by_natural_key(self, date, page_number, position):
        return self.get(issue__date=date, page__number=page_number, position=position)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    objects = ArticlePartManager(article_field="content_object", own_key="tag__name")

    class Meta:
        verbose_name = "标签关联"
        verbose_name_plural = "标签关联"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique"),
        ]
        # A tag's articles read from the index alone (its page, the list's tag filter).
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_article_tag_idx")]

    def natural_key(self):
        return self.content_object.natural_key() + (self.tag.name,)

    natural_key.dependencies = ["articles.article", "taggit.tag"]


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


class ArticleRegion(models.Model):
    """An article's place; the place the story happened comes first."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_regions")
    region = models.ForeignKey(
        "regions.Region", verbose_name="地区", on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField("顺序", default=1)

    objects = ArticlePartManager(own_key="region__code")

    class Meta:
        verbose_name = "稿件地区"
        verbose_name_plural = "稿件地区"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "region"], name="article_region_unique"),
        ]
        # A place's articles read from the index alone (its page, the list's region filter).
        indexes = [models.Index(fields=["region", "article"], name="article_region_region_idx")]

    def __str__(self):
        return str(self.region)

    def natural_key(self):
        return self.article.natural_key() + (self.region.code,)

    natural_key.dependencies = ["articles.article", "regions.region"]


class Photo(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="photos"
    )
    position = models.PositiveSmallIntegerField("顺序", default=1)
    caption = models.TextField("图片说明", blank=True)
    image = models.ImageField("图片文件", upload_to="photos/%Y/%m/", blank=True)

    objects = ArticlePartManager()

    class Meta:
        verbose_name = "图片"
        verbose_name_plural = "图片"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="photo_position_unique"),
        ]

    def __str__(self):
        return self.caption or f"图{self.position}"

    def natural_key(self):
        return self.article.natural_key() + (self.position,)

    natural_key.dependencies = ["articles.article"]
