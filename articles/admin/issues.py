"""The print structure: issues with their pages and the pages' articles, and sections."""

from django.contrib import admin
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article, Issue, Page, Section


class PageInline(admin.TabularInline):
    model = Page
    fields = ["number", "name", "topic", "article_links"]
    readonly_fields = ["article_links"]
    ordering = ["number"]
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        # One query for all pages' articles, however many pages and articles the issue has.
        articles = Article.objects.order_by("position").only(
            "pk", "page_id", "position", "headline", "status"
        )
        return super().get_queryset(request).prefetch_related(Prefetch("articles", articles))

    @admin.display(description="本版稿件")
    def article_links(self, page):
        if page.pk is None:
            return "—"
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a>（{}）</li>',
                (
                    (
                        reverse("admin:articles_article_change", args=[article.pk]),
                        article.headline,
                        article.get_status_display(),
                    )
                    for article in page.articles.all()
                ),
            ),
        )


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["date", "number", "page_count", "article_count"]
    date_hierarchy = "date"
    fields = ["date", "number", "note"]
    # Explicit: an annotated (GROUP BY) queryset ignores Meta.ordering.
    ordering = ["-date"]
    inlines = [PageInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                page_count=Count("pages", distinct=True),
                article_count=Count("articles", distinct=True),
            )
        )

    @admin.display(description="版数", ordering="page_count")
    def page_count(self, issue):
        return issue.page_count

    @admin.display(description="稿件数", ordering="article_count")
    def article_count(self, issue):
        return issue.article_count


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["issue", "number", "name", "topic", "article_count"]
    list_display_links = ["issue", "number"]
    list_filter = ["issue"]
    list_select_related = ["issue"]
    search_fields = ["name", "topic"]
    date_hierarchy = "issue__date"
    ordering = ["-issue__date", "number"]
    fields = ["issue", "number", "name", "topic"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="稿件数", ordering="article_count")
    def article_count(self, page):
        return page.article_count


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    fields = ["name", "slug", "description"]
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="稿件数", ordering="article_count")
    def article_count(self, section):
        return section.article_count
