"""Changelist filters the admin cannot declare from a field alone."""

from functools import cached_property

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from taggit.models import Tag

from articles.models import ArticleRegion, TaggedArticle
from regions.models import Region

TOP_LEVEL_KINDS = [Region.Kind.PROVINCE, Region.Kind.CITY]


class RegionListFilter(admin.SimpleListFilter):
    """The province and its cities; a chosen city also lists its districts and counties.

    Listing all 100-odd divisions would bury the sidebar, so the editor narrows one level at a
    time. A city includes everything under it, as on the public site (Region.objects.within).
    """

    title = "地区"
    parameter_name = "region"

    @cached_property
    def selected_region(self):
        code = self.value()
        return Region.objects.filter(code=code).first() if code else None

    def lookups(self, request, model_admin):
        shown = Q(kind__in=TOP_LEVEL_KINDS)
        region = self.selected_region
        if region is not None:
            city = region if region.kind == Region.Kind.CITY else region.parent
            if city is not None and city.kind == Region.Kind.CITY:
                shown |= Q(parent=city)
        return [
            (region.code, region.name if region.kind in TOP_LEVEL_KINDS else f"　{region.name}")
            for region in Region.objects.filter(shown).order_by("code")
        ]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.selected_region is None:
            return queryset.none()
        # EXISTS rather than a join: an article in two districts of one city is listed once.
        in_region = ArticleRegion.objects.filter(
            article=OuterRef("pk"), region__in=Region.objects.within(self.selected_region)
        )
        return queryset.filter(Exists(in_region))


class TagListFilter(admin.SimpleListFilter):
    """Tags used by at least one article (taggit's Tag table also serves other models)."""

    title = "标签"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        used = Tag.objects.filter(Exists(TaggedArticle.objects.filter(tag=OuterRef("pk"))))
        return list(used.order_by("name").values_list("slug", "name"))

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        # An article carries a tag at most once (tagged_article_unique), so no duplicate rows.
        return queryset.filter(tags__slug=self.value())
