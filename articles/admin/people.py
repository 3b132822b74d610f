"""Reporters: searchable, so that bylines pick them by autocomplete."""

from django.contrib import admin
from django.db.models import Count

from articles.models import Reporter


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "unit", "slug", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "unit"]
    fields = ["name", "kind", "unit", "slug"]
    # Explicit: an annotated (GROUP BY) queryset ignores Meta.ordering.
    ordering = ["name"]

    def get_queryset(self, request):
        # Distinct: one person can hold two credits on one article (the text and a photo).
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("bylines__article", distinct=True))
        )

    @admin.display(description="稿件数", ordering="article_count")
    def article_count(self, reporter):
        return reporter.article_count
