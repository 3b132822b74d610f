from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Length, Substr
from django.urls import reverse

# Lets constraints say code__length=6 (the documented way to use Length in a lookup).
models.CharField.register_lookup(Length)


class RegionKind(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "地级市"
    DISTRICT = "district", "市辖区"
    COUNTY = "county", "县"
    COUNTY_CITY = "county_city", "县级市"
    AUTONOMOUS_COUNTY = "autonomous_county", "自治县"


class RegionQuerySet(models.QuerySet):
    def within(self, region):
        """The region and everything under it.

        Official codes are hierarchical (33 province, 3305 湖州市, 330502 吴兴区), so a prefix
        match on the code finds the whole subtree in one indexed query, at any depth.
        """
        return self.filter(code__startswith=region.code_prefix)

    def above(self, places):
        """The regions that are or contain any of `places` (a queryset of region ids):
        every region whose page lists news about them. One query."""
        inside = self.model._default_manager.filter(
            pk__in=places, code__startswith=models.OuterRef(self.model.SUBTREE_PREFIX)
        )
        return self.with_subtree_prefix().filter(models.Exists(inside))

    def with_subtree_prefix(self):
        """Each region given its code_prefix as the database computes it (an alias, not selected).

        For queries that find a whole subtree per region at once ("has this region or any place
        under it news?"), with `code__startswith=OuterRef(Region.SUBTREE_PREFIX)`.
        """
        lengths = self.model.CODE_PREFIX_LENGTHS
        prefix = models.Case(
            *[models.When(kind=kind, then=Substr("code", 1, n)) for kind, n in lengths.items()],
            default=models.F("code"),
        )
        return self.alias(**{self.model.SUBTREE_PREFIX: prefix})

    def public(self):
        """Regions whose page has news: a published article about it or about a place under it.

        The tree knows articles only through the reverse relation Article.regions ("articles"),
        its rows (article_regions) and the published() of their manager: no import of the
        articles app. Each place is asked for "its first published article" (a scalar subquery
        with LIMIT 1, which PostgreSQL runs per place from the place's index and stops at that
        article); as EXISTS it was planned as a hash of every published article (20 ms a request
        at 30,000 articles, growing). Ordered by the article's id, the order of the (region,
        article) index: unordered, PostgreSQL expected a place's articles spread evenly through
        the table and scanned it from the start for each place (27 ms at 10,000 articles; 3 ms
        ordered).
        """
        published = self.model._meta.get_field("articles").related_model.objects.published()
        first = (
            published.filter(article_regions__region=models.OuterRef("pk"))
            .order_by("article_regions__article_id")
            .values("pk")[:1]
        )
        places_with_news = (
            self.model._default_manager.alias(first_article=models.Subquery(first))
            .filter(first_article__isnull=False)
            .filter(code__startswith=models.OuterRef(self.model.SUBTREE_PREFIX))
        )
        return self.with_subtree_prefix().filter(models.Exists(places_with_news))


class RegionManager(models.Manager.from_queryset(RegionQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Region(models.Model):
    Kind = RegionKind

    # Official codes are hierarchical (33 province, 3305 湖州市, 330502 吴兴区): the part of its
    # code that everything under a region shares. Other kinds have nothing under them.
    CODE_PREFIX_LENGTHS = {Kind.PROVINCE: 2, Kind.CITY: 4}
    # The name of the annotation RegionQuerySet.with_subtree_prefix() adds.
    SUBTREE_PREFIX = "subtree_prefix"

    code = models.CharField(
        "区划代码",
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^[0-9]{6}$", "区划代码是六位数字。")],
        help_text="国家统计局六位区划代码，如 330502。",
    )
    name = models.CharField("名称", max_length=30, help_text="正式名称，如“吴兴区”。")
    short_name = models.CharField("简称", max_length=20, help_text="如“吴兴”。")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    slug = models.SlugField("拼音", max_length=60, unique=True, help_text="用于网址，如 wuxing。")

    objects = RegionManager()

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__length=6), name="region_code_six_characters"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=RegionKind.values),
                name="region_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("regions:detail", kwargs={"slug": self.slug})

    @property
    def code_prefix(self):
        """The part of the code shared by everything under this region."""
        return self.code[: self.CODE_PREFIX_LENGTHS.get(self.kind, len(self.code))]
