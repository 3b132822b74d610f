"""The article: list, filters, search, and the change form with its bylines, photos and places."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from articles.models import Article, ArticleRegion, Byline, Page, Photo

from .filters import RegionListFilter, TagListFilter


def page_label(issue, page):
    """A page as editors name it, with its issue date: 2024年10月08日 第02版 工会."""
    return f"{issue.date:%Y年%m月%d日} {page}"


class PageChoiceField(forms.ModelChoiceField):
    # Page.__str__ has no date ("第02版 工会" exists in every issue), so the select adds it.
    def label_from_instance(self, page):
        return page_label(page.issue, page)


class BylineForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        # The same rule as the byline_person_or_organisation constraint, in the editor's words.
        # The error sits on a field so that the constraint's own message is not shown as well.
        if bool(cleaned_data.get("reporter")) == bool(cleaned_data.get("organisation")):
            self.add_error("reporter", "请选择作者，或填写署名单位（二者只填一项）。")
        return cleaned_data


class BylineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A photo credit can only point at this article's photos, not at every photo on file.
        article = self.instance
        photos = article.photos.all() if article.pk else Photo.objects.none()
        form.fields["photo"].queryset = photos


class BylineInline(admin.TabularInline):
    model = Byline
    form = BylineForm
    formset = BylineFormSet
    fields = ["position", "role", "reporter", "organisation", "photo"]
    ordering = ["position"]
    autocomplete_fields = ["reporter"]
    extra = 1


class PhotoInline(admin.TabularInline):
    model = Photo
    fields = ["position", "caption", "image"]
    ordering = ["position"]
    extra = 0


class ArticleRegionInline(admin.TabularInline):
    model = ArticleRegion
    fields = ["position", "region"]
    ordering = ["position"]
    autocomplete_fields = ["region"]
    extra = 1


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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
    list_filter = ["status", "issue", "section", RegionListFilter, TagListFilter]
    # bylines__ spans a reverse relation; the changelist then de-duplicates rows by itself.
    search_fields = ["headline", "kicker", "subheadline", "body", "bylines__reporter__name"]
    search_help_text = "按主题、引题、副题、正文或署名作者姓名搜索。"
    # Every article has an issue date, drafts included; published_at is empty until publishing.
    date_hierarchy = "issue__date"
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
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [BylineInline, PhotoInline, ArticleRegionInline]

    def get_queryset(self, request):
        # for_listing() prefetches bylines, regions and tags, so the list costs the same
        # number of queries for 10 rows as for 100.
        return super().get_queryset(request).for_listing()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "page":
            kwargs["form_class"] = PageChoiceField
            kwargs["queryset"] = Page.objects.select_related("issue").order_by(
                "-issue__date", "number"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

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
