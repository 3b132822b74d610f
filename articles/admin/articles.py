"""The article: list, filters, search, and the change form with its bylines, photos and places.

Who may do what is decided here on the server, from the article's own rules
(articles/models/workflow.py), never only by what the page shows:

- Contributors (通讯员/记者) see only their own articles: someone else's, published or not, is
  refused (403) even by URL, with its history and revisions (they read published ones on the
  site, like everyone). The editors' note (编辑备注) is internal to the desk: contributors never
  see it, not even on their own articles.
- The status and publish time are not form fields: they change only through the workflow
  (the buttons on the change page, the bulk actions), which check permissions per transition.
- Every save keeps a revision, and a save from an out-of-date form is refused (no lost edits).
"""

from django.contrib import admin
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.urls import path, reverse

from articles.models import (
    PUBLIC_STATUSES,
    Article,
    ArticleRegion,
    Byline,
    Issue,
    Page,
    Status,
)

from . import reports
from .filters import IssueDateListFilter, RegionListFilter, TagListFilter
from .forms import (
    ArticleAdminForm,
    BylineForm,
    BylineFormSet,
    EditConflict,
    PageChoiceField,
    TransitionForm,
    WorkflowActionForm,
    page_label,
)
from .paging import BoundedCountPaginator
from .photos import PhotoInlineMixin, PhotoOriginalView
from .workflow import ArticleWorkflowViews, BulkTransitionActions

# Once readers may have seen an article, only a superuser may delete it; editors withdraw it.
ONCE_PUBLIC_STATUSES = (*PUBLIC_STATUSES, Status.WITHDRAWN)


# How many of the latest issues' pages the article form offers: two weeks of a daily. Older
# articles keep their own page in the list; 60 issues (480 options) took 70 ms to render.
PAGE_CHOICE_ISSUES = 14


def has_been_public(article):
    if article.status in ONCE_PUBLIC_STATUSES:
        return True
    # Withdrawn and then put back to draft: it was public once, so it stays undeletable.
    return article.status_changes.filter(from_status=Status.WITHDRAWN).exists()


class NamedAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete with its column's name as placeholder: select2's combobox takes
    its accessible name from the text it shows, which is empty in a blank row otherwise."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-placeholder"] = attrs.get("aria-label", "")
        return attrs


class ArticlePartInline(admin.TabularInline):
    """An inline that may change only while its article may be changed by this user.

    A table row's fields have no <label> of their own: each gets its column's name as
    aria-label, so that a screen reader says what the field is.
    """

    class Media:
        js = ["admin/newsroom-autocomplete.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = NamedAutocompleteSelect(db_field, self.admin_site)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            getattr(field.widget, "widget", field.widget).attrs["aria-label"] = str(field.label)
        return field

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and editable(request, obj)


def editable(request, article):
    return article is None or article.pk is None or article.can_be_edited_by(request.user)


class BylineInline(ArticlePartInline):
    model = Byline
    form = BylineForm
    formset = BylineFormSet
    fields = ["position", "role", "reporter", "organisation", "photo"]
    ordering = ["position"]
    autocomplete_fields = ["reporter"]
    extra = 1


class PhotoInline(PhotoInlineMixin, ArticlePartInline):
    pass


class ArticleRegionInline(ArticlePartInline):
    model = ArticleRegion
    fields = ["position", "region"]
    ordering = ["position"]
    autocomplete_fields = ["region"]
    extra = 1


@admin.register(Article)
class ArticleAdmin(
    ArticleWorkflowViews, PhotoOriginalView, BulkTransitionActions, admin.ModelAdmin
):
    form = ArticleAdminForm
    action_form = WorkflowActionForm
    list_display = [
        "headline",
        "issue_and_page",
        "section",
        "byline",
        "region_names",
        "tag_names",
        "status",
        "published_at",
    ]
    list_filter = ["status", IssueDateListFilter, "section", RegionListFilter, TagListFilter]
    # bylines__ spans a reverse relation; the changelist then de-duplicates rows by itself.
    search_fields = ["headline", "kicker", "subheadline", "body", "bylines__reporter__name"]
    search_help_text = "按主题、引题、副题、正文或署名作者姓名搜索。"
    list_select_related = ["issue", "page", "section"]
    list_per_page = 50
    # The full count is an extra COUNT(*) over the whole table on every filtered page.
    show_full_result_count = False
    save_on_top = True

    fieldsets = [
        ("标题", {"fields": ["kicker", "headline", "subheadline"]}),
        ("版面", {"fields": ["page", "position", "section"]}),
        ("正文", {"fields": ["dateline", "body"]}),
        ("标签", {"fields": ["tags"]}),
        ("发布", {"fields": ["status", "published_at"]}),
        ("编辑备注", {"fields": ["editor_note"]}),
        ("记录", {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]}),
    ]
    # Status and publish time change only through the workflow, never as plain form fields.
    readonly_fields = ["status", "published_at", "created_by", "created_at", "updated_at"]
    inlines = [BylineInline, PhotoInline, ArticleRegionInline]
    actions = [
        "submit_selected",
        "approve_selected",
        "schedule_selected",
        "publish_selected",
        "withdraw_selected",
    ]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"

        def view(method):
            return self.admin_site.admin_view(method)

        custom = [
            path(
                "statistics/",
                view(self.statistics_view),
                name=f"{prefix}_statistics",
            ),
            path(
                "<path:object_id>/transition/",
                view(self.transition_view),
                name=f"{prefix}_transition",
            ),
            path(
                "<path:object_id>/revisions/",
                view(self.revisions_view),
                name=f"{prefix}_revisions",
            ),
            path(
                "<path:object_id>/revisions/<int:number>/",
                view(self.revision_view),
                name=f"{prefix}_revision",
            ),
            path(
                "<path:object_id>/photos/<int:photo_id>/original/",
                view(self.photo_original_view),
                name=f"{prefix}_photo_original",
            ),
            path(
                "<path:object_id>/correction/",
                view(self.correction_view),
                name=f"{prefix}_correction",
            ),
        ]
        # Before the defaults: their "<path:object_id>/" would swallow these URLs.
        return custom + super().get_urls()

    # Who sees and changes what.

    def all_articles(self, request):
        # for_listing() prefetches bylines, regions and tags, so the list costs the same
        # number of queries for 10 rows as for 100.
        return super().get_queryset(request).for_listing()

    def get_search_results(self, request, queryset, search_term):
        """The readers' search index instead of LIKE over every body: the same words found.

        It covers search_fields (headline group, body, credited names) and more (tags, places),
        and on PostgreSQL answers from the GIN index instead of reading 100,000 bodies.
        """
        if not search_term.strip():
            return queryset, False
        return queryset.matching(search_term), False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if not request.GET.get(SEARCH_VAR, "").strip():
            return super().get_paginator(
                request, queryset, per_page, orphans, allow_empty_first_page
            )
        return BoundedCountPaginator(queryset, per_page, orphans, allow_empty_first_page)

    def get_queryset(self, request):
        articles = self.all_articles(request)
        if request.user.has_perm("articles.review_article"):
            return articles
        return articles.filter(created_by=request.user)

    def get_object(self, request, object_id, from_field=None):
        # Looked up among all articles, not only the contributor's list, so that opening someone
        # else's draft is refused by the permissions below (403) instead of called missing.
        field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
        try:
            return self.all_articles(request).get(**{field.name: field.to_python(object_id)})
        except (Article.DoesNotExist, ValidationError, ValueError):
            return None

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or obj.can_be_seen_by(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or obj.can_be_edited_by(request.user)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or request.user.is_superuser:
            return True
        return obj.can_be_edited_by(request.user) and not has_been_public(obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.sees_editor_notes(request):
            fieldsets = [(t, o) for t, o in fieldsets if "editor_note" not in o["fields"]]
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        # The version the form was opened at travels with it, hidden, for the conflict check.
        (title, options), *rest = fieldsets
        return [(title, {**options, "fields": [*options["fields"], "base_version"]}), *rest]

    def get_form(self, request, obj=None, **kwargs):
        # The page select below must offer the article's own page, however old it is.
        request.editing_page_id = obj.page_id if obj is not None else None
        return super().get_form(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "page":
            kwargs["form_class"] = PageChoiceField
            # The pages of the latest issues (and the article's own): a select of every page
            # of a 30-year archive would be 70,000 options and seconds to render.
            # Ids, not a subquery: "IN (subquery) OR pk =" makes PostgreSQL scan every page.
            recent = list(
                Issue.objects.order_by("-date").values_list("pk", flat=True)[:PAGE_CHOICE_ISSUES]
            )
            current = getattr(request, "editing_page_id", None)
            kwargs["queryset"] = (
                Page.objects.select_related("issue")
                .filter(Q(issue__in=recent) | Q(pk=current))
                .order_by("-issue__date", "number")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Saving: the version check, the author, and a revision for every save.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Another save landed between the form's check and our UPDATE; the transaction has
            # been rolled back. Handling the POST again shows the conflict as a form error,
            # with everything the editor typed still in the form.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            base = form.cleaned_data["base_version"]
            # The check is in the UPDATE itself, so that of two saves in the same instant only
            # one can pass, whatever the form saw.
            bumped = Article.objects.filter(pk=obj.pk, version=base).update(
                version=F("version") + 1
            )
            if not bumped:
                raise EditConflict
            obj.version = base + 1
            # Before the write: the stored text becomes revision 1 if it has none yet.
            Article.objects.filter(pk=obj.pk).keep_originals()
        else:
            obj.created_by = request.user
            obj.status, obj.published_at = Status.DRAFT, None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # After the inlines and tags, so that the revision holds the article as saved.
        super().save_related(request, form, formsets, change)
        form.instance.save_revision(request.user, revision_comment(form, formsets, change))

    # The change page: workflow buttons, history, preview and corrections.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(self.workflow_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, article):
        transitions = article.available_transitions(request.user)
        form = TransitionForm()
        form.fields["to_status"].choices = [
            (value, label)
            for value, label in form.fields["to_status"].choices
            if value in transitions
        ]
        can_correct = request.user.has_perm("articles.add_correction") and article.is_published()
        return {
            "transition_form": form if transitions else None,
            "transition_url": reverse("admin:articles_article_transition", args=[article.pk]),
            "needs_publish_time": Status.SCHEDULED in transitions,
            "last_status_change": article.status_changes.select_related("user").first(),
            "preview_url": preview_url(article),
            "correction_url": (
                reverse("admin:articles_article_correction", args=[article.pk])
                if can_correct
                else None
            ),
            "corrections": article.corrections.all(),
        }

    def view_on_site(self, article):
        # Readers' URL only once readers may see it; before that, the preview link serves.
        return article.get_absolute_url() if article.is_published() else None

    def statistics_view(self, request):
        return reports.report(request, self.admin_site.each_context(request))

    # The list's columns.

    @admin.display(description="期 / 版", ordering="issue__date")
    def issue_and_page(self, article):
        return page_label(article.issue, article.page)

    @admin.display(description="署名")
    def byline(self, article):
        return "、".join(str(byline) for byline in article.text_bylines)

    @admin.display(description="地区")
    def region_names(self, article):
        return "、".join(row.region.name for row in article.ordered_regions)

    @admin.display(description="标签")
    def tag_names(self, article):
        return "、".join(sorted(tag.name for tag in article.tags.all()))


def preview_url(article):
    # The preview view belongs to the public site, under the article's own address.
    return reverse("articles:article", kwargs={"pk": article.pk}) + "preview/"


def revision_comment(form, formsets, change):
    if not change:
        return "新建稿件"
    changed = [str(form.fields[name].label) for name in form.changed_data if name != "base_version"]
    changed += [
        str(formset.model._meta.verbose_name_plural)
        for formset in formsets
        if formset.has_changed()
    ]
    return ("修改：" + "、".join(changed))[:200] if changed else "保存（无改动）"
