"""The page PDFs in the admin: each page's image with its zones, and the zones to correct.

An editor redraws a zone as numbers (one rectangle a line: left, top, right, bottom as
fractions of the page) or gives it to another article of the page; either is recorded as
theirs (Zone.correct) and kept when the page is imported again.
"""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join

from .models import PagePdf, Zone, validate_rects


def rects_text(rects):
    return "\n".join(" ".join(f"{v:.4f}" for v in rect) for rect in rects or [])


def zone_state(zone):
    """What an editor saw of a zone: its rectangles and article, as the form showed them."""
    return f"{rects_text(zone.rects)}|{zone.article_id or ''}"


class ZoneForm(forms.ModelForm):
    # Two editors correcting one zone: the second save must not silently undo the first.
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    rects_text = forms.CharField(
        label="矩形",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 34}),
        help_text="每行一个矩形：左 上 右 下，按版面宽高的比例（0–1），原点在左上角。",
    )

    class Meta:
        model = Zone
        fields = ["article"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rects_text"].initial = rects_text(self.instance.rects)
        self.fields["seen"].initial = zone_state(self.instance)
        if self.instance.page_pdf_id:
            # Only the articles of this page.
            self.fields["article"].queryset = self.fields["article"].queryset.filter(
                page=self.instance.page_pdf.page_id
            )

    def clean_rects_text(self):
        try:
            rects = [
                [float(v) for v in line.replace(",", " ").split()]
                for line in self.cleaned_data["rects_text"].splitlines()
                if line.strip()
            ]
        except ValueError as error:
            raise forms.ValidationError("坐标必须是数字。") from error
        validate_rects(rects)
        return rects

    def clean(self):
        cleaned = super().clean()
        # The instance is as the database holds it now (the form's values are set on it later).
        if self.has_changed() and cleaned.get("seen") != zone_state(self.instance):
            raise forms.ValidationError(
                "此热区在您打开后已被他人修改（现为："
                f"{rects_text(self.instance.rects) or '无矩形'}），您的修改未保存。"
                "请重新打开本页，核对后再改。",
                code="conflict",
            )
        return cleaned


class ZoneInline(admin.TabularInline):
    model = Zone
    form = ZoneForm
    fields = ["position", "article", "rects_text", "seen", "corrected_by", "corrected_at"]
    readonly_fields = ["position", "corrected_by", "corrected_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # zones come from the page; an editor corrects them


@admin.register(PagePdf)
class PagePdfAdmin(admin.ModelAdmin):
    list_display = ["page", "original_name", "processed_at"]
    list_select_related = ["page__issue"]
    search_fields = ["original_name"]
    date_hierarchy = "processed_at"
    fields = ["page", "page_image", "original_name", "file", "warnings", "processed_at"]
    readonly_fields = fields
    inlines = [ZoneInline]

    def has_add_permission(self, request):
        return False  # a page PDF comes with its issue's import

    @admin.display(description="版面图与热区")
    def page_image(self, page_pdf):
        rendition = page_pdf.renditions.filter(kind="phone", format="jpeg").first()
        if rendition is None:
            return "—"
        width, height = rendition.width, rendition.height
        zones = format_html_join(
            "",
            '<g class="import-zone" data-position="{}">{}<text x="{}" y="{}" fill="#d62728" '
            'font-size="22" font-weight="bold">{}</text></g>',
            (
                (
                    zone.position,
                    format_html_join(
                        "",
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="#d62728" '
                        'fill-opacity="0.12" stroke="#d62728" stroke-width="2"></rect>',
                        (
                            (
                                round(x0 * width, 1),
                                round(top * height, 1),
                                round((x1 - x0) * width, 1),
                                round((bottom - top) * height, 1),
                            )
                            for x0, top, x1, bottom in zone.rects
                        ),
                    ),
                    round(zone.rects[0][0] * width + 6, 1),
                    round(zone.rects[0][1] * height + 24, 1),
                    zone.position,
                )
                for zone in page_pdf.zones.all()
            ),
        )
        return format_html(
            '<div class="import-zones epaper-zones"><img src="{}" width="{}" height="{}" alt="{}">'
            '<svg viewBox="0 0 {} {}" aria-hidden="true" focusable="false">{}</svg></div>',
            rendition.file.url,
            width,
            height,
            f"{page_pdf.page}版面图，热区按稿件顺序标出",
            width,
            height,
            zones,
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not Zone:
            return super().save_formset(request, form, formset, change)
        # What the admin's history records of a formset save.
        formset.new_objects, formset.deleted_objects, formset.changed_objects = [], [], []
        for zone_form in formset.forms:
            if zone_form.has_changed():
                zone = zone_form.instance  # its article as the form set it
                zone.correct(zone_form.cleaned_data["rects_text"], request.user, zone.article)
                formset.changed_objects.append((zone, zone_form.changed_data))

    class Media:
        css = {"all": ["admin/articles/import.css"]}
