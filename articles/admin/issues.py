"""The print structure: issues with their pages and the pages' articles, and sections."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article, Issue, Page, Section, Status
from articles.models.status import published_condition

# Articles the issue's signing-off leaves as they are, and the page does not list as pending.
PUBLISHED_OR_GONE = [Status.PUBLISHED, Status.SCHEDULED, Status.WITHDRAWN]


def pages_with_articles(pages, request):
    """Pages with their articles in print order, in one query for all of them.

    A contributor sees their own articles only (as in the article admin).
    """
    articles = Article.objects.order_by("position").only(
        "pk", "page_id", "position", "headline", "status"
    )
    if not request.user.has_perm("articles.review_article"):
        articles = articles.filter(created_by=request.user)
    return pages.prefetch_related(Prefetch("articles", articles))


@admin.display(description="本版稿件")
def article_links(page):
    if page.pk is None:
        return "—"
    links = format_html_join(
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
    )
    return format_html('<ol class="page-articles">{}</ol>', links) if links else "本版还没有稿件。"


class PageInline(admin.TabularInline):
    model = Page
    fields = ["number", "name", "topic", "article_links"]
    readonly_fields = ["article_links"]
    ordering = ["number"]
    show_change_link = True
    extra = 0
    article_links = staticmethod(article_links)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "topic":
            # Two short lines (a banner), not a 40-column box that pushes the articles away.
            field.widget.attrs.update({"rows": 2, "cols": 24})
        return field

    def get_queryset(self, request):
        return pages_with_articles(super().get_queryset(request), request)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["date", "number", "page_count", "article_count", "publication"]
    date_hierarchy = "date"
    fields = ["date", "number", "note"]
    # Explicit: an annotated (GROUP BY) queryset ignores Meta.ordering.
    ordering = ["-date"]
    inlines = [PageInline]
    actions = ["publish_selected_issues"]

    def get_urls(self):
        publish = path(
            "<path:object_id>/publish/",
            self.admin_site.admin_view(self.publish_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_publish",
        )
        # Before the defaults: their "<path:object_id>/" would swallow this URL. (导入新一期 is
        # added by the importing app, importing/admin.py.)
        return [publish, *super().get_urls()]

    def has_publish_issue_permission(self, request):
        return request.user.has_perm("articles.publish_issue")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_publish_issue"] = obj is not None and self.has_publish_issue_permission(
            request
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def publish_view(self, request, object_id):
        """整期签发: a confirmation page listing the approved articles, then one POST."""
        if not self.has_publish_issue_permission(request):
            raise PermissionDenied
        issue = self.get_object(request, unquote(object_id))
        if issue is None:
            raise Http404("该期不存在。")
        if request.method == "POST":
            self.publish_and_say(request, issue)
            return HttpResponseRedirect(reverse("admin:articles_issue_change", args=[issue.pk]))
        approved = (
            issue.articles.filter(status=Status.APPROVED)
            .select_related("page")
            .order_by("page__number", "position")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": issue,
            "title": "整期签发",
            "subtitle": str(issue),
            "approved": approved,
            "others": issue.articles.exclude(status__in=[Status.APPROVED, *PUBLISHED_OR_GONE])
            .select_related("page")
            .order_by("page__number", "position"),
        }
        return TemplateResponse(request, "admin/articles/issue/publish_confirmation.html", context)

    @admin.action(description="整期签发（发布各期全部已审稿件）", permissions=["publish_issue"])
    def publish_selected_issues(self, request, queryset):
        for issue in queryset:
            self.publish_and_say(request, issue)

    def publish_and_say(self, request, issue):
        try:
            published = issue.publish(request.user)
        except ValidationError as error:
            # Nothing was published: the issue appears whole or not at all.
            self.message_user(request, f"{issue}：{'；'.join(error.messages)}", messages.ERROR)
            return
        self.message_user(
            request, f"{issue}：整期签发，{len(published)} 篇稿件已发布。", messages.SUCCESS
        )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                page_count=Count("pages", distinct=True),
                article_count=Count("articles", distinct=True),
                published_count=Count(
                    "articles", filter=published_condition("articles__"), distinct=True
                ),
            )
        )

    @admin.display(description="发布情况")
    def publication(self, issue):
        """未发布 (a draft issue: readers see nothing of it), 部分发布 n/m, or 已发布."""
        if not issue.published_count:
            return "未发布"
        if issue.published_count < issue.article_count:
            return f"部分发布 {issue.published_count}/{issue.article_count}"
        return "已发布"

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
    fields = ["issue", "number", "name", "topic", "article_links"]
    readonly_fields = ["article_links"]
    article_links = staticmethod(article_links)

    def get_queryset(self, request):
        pages = super().get_queryset(request).annotate(article_count=Count("articles"))
        return pages_with_articles(pages, request)

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
