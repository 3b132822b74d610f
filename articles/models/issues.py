"""The print structure: an issue (期) is made of pages (版); sections (栏目) recur across issues."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse

from articles.dates import chinese_date
from articles.slugs import unique_slug

from .status import Status, with_published_articles


class IssueQuerySet(models.QuerySet):
    def published(self):
        """Issues with at least one article readers may see."""
        return with_published_articles(self)

    def with_neighbours(self):
        """Annotated with the dates of the published issues before and after (上一期/下一期)."""
        published = self.model._default_manager.published().order_by()
        return self.annotate(
            previous_date=models.Subquery(
                published.filter(date__lt=models.OuterRef("date"))
                .order_by("-date")
                .values("date")[:1]
            ),
            next_date=models.Subquery(
                published.filter(date__gt=models.OuterRef("date"))
                .order_by("date")
                .values("date")[:1]
            ),
        )


class IssueManager(models.Manager.from_queryset(IssueQuerySet)):
    def get_by_natural_key(self, date):
        return self.get(date=date)


class Issue(models.Model):
    date = models.DateField("出版日期", unique=True)
    number = models.PositiveIntegerField("期号", unique=True, help_text="报纸的总期号。")
    note = models.TextField("备注", blank=True)

    objects = IssueManager()

    class Meta:
        verbose_name = "期"
        verbose_name_plural = "期"
        ordering = ["-date"]

    def __str__(self):
        return f"{chinese_date(self.date)} 第{self.number}期"

    def natural_key(self):
        return (self.date.isoformat(),)

    def get_absolute_url(self):
        return reverse("articles:issue", kwargs={"date": self.date})

    def publish(self, user):
        """Publish every approved article of this issue at once (整期签发); return their ids.

        One transaction: readers see the whole issue appear together, or none of it.
        """
        if not user.has_perm("articles.publish_issue"):
            raise PermissionDenied("只有值班主任/总编可以整期签发。")
        return self.articles.filter(status=Status.APPROVED).transition(Status.PUBLISHED, user)


class PageQuerySet(models.QuerySet):
    def public(self):
        """Pages carrying at least one published article: the only pages readers may reach."""
        return with_published_articles(self)


class PageManager(models.Manager.from_queryset(PageQuerySet)):
    def get_by_natural_key(self, date, number):
        return self.get(issue__date=date, number=number)


class Page(models.Model):
    issue = models.ForeignKey(
        Issue, verbose_name="期", on_delete=models.CASCADE, related_name="pages"
    )
    number = models.PositiveSmallIntegerField("版次")
    name = models.CharField("版名", max_length=50, blank=True, help_text="如“工会”“要闻”。")
    topic = models.TextField(
        "专题", blank=True, help_text="横跨整版的通栏标题；印成两行时每行一行。"
    )

    objects = PageManager()

    class Meta:
        verbose_name = "版"
        verbose_name_plural = "版"
        ordering = ["issue", "number"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "number"], name="page_number_unique_in_issue"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="page_number_positive"),
        ]

    def __str__(self):
        return self.label(self.number, self.name)

    @staticmethod
    def label(number, name):
        """第03版 要闻: a page as readers see it named (lists read the two as values)."""
        label = f"第{number:02d}版"
        return f"{label} {name}" if name else label

    def natural_key(self):
        return self.issue.natural_key() + (self.number,)

    natural_key.dependencies = ["articles.issue"]

    def get_absolute_url(self):
        return reverse("articles:page", kwargs={"date": self.issue.date, "number": self.number})

    @property
    def topic_lines(self):
        return [line for line in self.topic.splitlines() if line.strip()]


class SectionQuerySet(models.QuerySet):
    def public(self):
        """Sections with at least one published article."""
        return with_published_articles(self)


class SectionManager(models.Manager.from_queryset(SectionQuerySet)):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Section(models.Model):
    name = models.CharField("栏目名", max_length=50, unique=True)
    slug = models.SlugField("拼音", max_length=60, unique=True, blank=True)
    description = models.TextField("简介", blank=True)

    objects = SectionManager()

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = "栏目"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Section, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})
