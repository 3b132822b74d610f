"""People credited in bylines, and the credit itself: who did what in one article."""

from django.db import models
from django.urls import reverse

from articles.roles import ROLES
from articles.slugs import unique_slug

from .parts import ArticlePartManager
from .status import published_condition


class ReporterKind(models.TextChoices):
    STAFF = "staff", "本报采编人员"
    CORRESPONDENT = "correspondent", "通讯员"
    OTHER = "other", "其他"


class ReporterQuerySet(models.QuerySet):
    def public(self):
        """Reporters credited on at least one published article.

        Asked per reporter as "the first public credit" (a scalar subquery with LIMIT 1, which
        PostgreSQL cannot flatten): it stops at that credit. As EXISTS it was planned as a hash
        of every credit and every article (130 ms a request at 100,000 articles).
        """
        public_credits = Byline.objects.filter(
            published_condition("article__"), reporter=models.OuterRef("pk")
        )
        first = models.Subquery(public_credits.order_by().values("pk")[:1])
        return self.alias(first_public_credit=first).filter(first_public_credit__isnull=False)


class ReporterManager(models.Manager.from_queryset(ReporterQuerySet)):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Reporter(models.Model):
    Kind = ReporterKind

    name = models.CharField("姓名", max_length=30, unique=True)
    slug = models.SlugField("拼音", max_length=60, unique=True, blank=True)
    kind = models.CharField("身份", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    unit = models.CharField("单位", max_length=100, blank=True, help_text="通讯员所在单位。")

    objects = ReporterManager()

    class Meta:
        verbose_name = "署名作者"
        verbose_name_plural = "署名作者"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ReporterKind.values),
                name="reporter_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Reporter, self.name, separator="-", exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:reporter", kwargs={"slug": self.slug})


# Role words as printed. A person's role belongs to one article, not to the person. The list is
# the parser's (articles/roles.py): one definition for what the importer reads and
# what the admin suggests.
Role = models.TextChoices("Role", list(ROLES.items()))


class Byline(models.Model):
    """One credit: a reporter (or an organisation) in a role, for the text or for one photo."""

    article = models.ForeignKey(
        "articles.Article", verbose_name="稿件", on_delete=models.CASCADE, related_name="bylines"
    )
    photo = models.ForeignKey(
        "articles.Photo",
        verbose_name="图片",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="credits",
        help_text="留空表示文字署名；选择图片表示该图的摄影署名。",
    )
    reporter = models.ForeignKey(
        Reporter,
        verbose_name="作者",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bylines",
    )
    organisation = models.CharField(
        "署名单位", max_length=100, blank=True, help_text="以单位署名（如某某县总工会）时填写。"
    )
    # Free text, not a closed list: pages print roles we cannot enumerate (新华社记者, 首席记者);
    # the admin suggests the usual ones (Role).
    role = models.CharField(
        "身份",
        max_length=30,
        blank=True,
        default=Role.REPORTER,
        help_text="按版面所印，如 记者、通讯员、实习生；单位署名可留空。",
    )
    position = models.PositiveSmallIntegerField("顺序", default=1)

    objects = ArticlePartManager()

    class Meta:
        verbose_name = "署名"
        verbose_name_plural = "署名"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="byline_position_unique_in_article"
            ),
            # A credit names a person or an organisation, never both and never neither.
            models.CheckConstraint(
                condition=(models.Q(reporter__isnull=False) & models.Q(organisation=""))
                | (models.Q(reporter__isnull=True) & ~models.Q(organisation="")),
                name="byline_person_or_organisation",
            ),
        ]
        # A reporter's articles read from the index alone (their page, the list's filter).
        indexes = [models.Index(fields=["reporter", "article"], name="byline_reporter_article_idx")]

    def __str__(self):
        who = self.reporter.name if self.reporter_id else self.organisation
        label = f"{self.role} {who}" if self.role else who
        return f"{label} 摄" if self.photo_id else label

    def natural_key(self):
        return self.article.natural_key() + (self.position,)

    natural_key.dependencies = ["articles.article", "articles.reporter", "articles.photo"]

    @property
    def name(self):
        return self.reporter.name if self.reporter_id else self.organisation

    @property
    def is_photo_credit(self):
        return self.photo_id is not None
