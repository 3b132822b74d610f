"""How readers narrow the article list; the region, reporter and tag pages reuse the same rules."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from taggit.models import Tag

from regions.models import Region

from .models import Article, ArticleRegion, Byline, Reporter, Section, TaggedArticle


def in_region(articles, region):
    """Articles about the region or any place under it: a city includes its districts and counties.

    A subquery, not a join, so that an article about two districts of one city is listed once.
    """
    places = ArticleRegion.objects.filter(region__in=Region.objects.within(region))
    return articles.filter(pk__in=places.values("article"))


def credited_to(articles, reporter):
    """Articles crediting the reporter, for the text or for a photo (each article once)."""
    return articles.filter(pk__in=Byline.objects.filter(reporter=reporter).values("article"))


def public_tags():
    """Tags on at least one published article: a tag used only by drafts must not leak its name."""
    published = Article.objects.published().filter(pk=OuterRef("content_object"))
    tagged = TaggedArticle.objects.filter(tag=OuterRef("pk")).filter(Exists(published))
    return Tag.objects.filter(Exists(tagged)).order_by("name")


def public_reporters():
    credited = Byline.objects.filter(
        reporter=OuterRef("pk"), article__in=Article.objects.published()
    )
    return Reporter.objects.filter(Exists(credited))


class RegionChoiceField(forms.ModelChoiceField):
    """A region given by its official code (330502) or its slug (wuxing)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        lookup = {"code": value} if value.isdigit() else {"slug": value}
        try:
            return self.queryset.get(**lookup)
        except self.queryset.model.DoesNotExist:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None

    def label_from_instance(self, region):
        # Districts and counties are indented under their city in the drop-down.
        if region.kind in (Region.Kind.PROVINCE, Region.Kind.CITY):
            return region.name
        return f"\u3000{region.name}"


class RegionFilter(django_filters.ModelChoiceFilter):
    field_class = RegionChoiceField


class ArticleFilter(django_filters.FilterSet):
    section = django_filters.ModelChoiceFilter(
        label="栏目",
        field_name="section",
        to_field_name="slug",
        queryset=Section.objects.all(),
        empty_label="全部栏目",
    )
    region = RegionFilter(
        label="地区",
        method="filter_region",
        to_field_name="slug",
        queryset=Region.objects.all(),
        empty_label="全部地区",
    )
    reporter = django_filters.ModelChoiceFilter(
        label="作者",
        method="filter_reporter",
        to_field_name="slug",
        queryset=lambda request: public_reporters(),
        empty_label="全部作者",
    )
    tag = django_filters.ModelChoiceFilter(
        label="标签",
        field_name="tags",
        to_field_name="slug",
        queryset=lambda request: public_tags(),
        empty_label="全部标签",
    )
    issue = django_filters.DateFilter(
        label="出版日期",
        field_name="issue__date",
        lookup_expr="exact",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_from = django_filters.DateFilter(
        label="起始日期",
        field_name="issue__date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = django_filters.DateFilter(
        label="截止日期",
        field_name="issue__date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = Article
        fields = ["section", "region", "reporter", "tag", "issue", "date_from", "date_to"]

    def filter_region(self, queryset, name, region):
        return in_region(queryset, region)

    def filter_reporter(self, queryset, name, reporter):
        return credited_to(queryset, reporter)
