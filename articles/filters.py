"""How readers narrow the article list: the FilterSet, its drop-downs and their options."""

from dataclasses import dataclass, field
from html import escape
from typing import NamedTuple

import django_filters
from django import forms
from django.db.models import CharField, F, Value
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_filters.fields import ChoiceField

from regions.models import Region

from .models import Article, Reporter, Section, all_tags

# Longer queries are cut: no reader types more, and each word costs a LIKE on every candidate.
MAX_QUERY_LENGTH = 100


def search_text(query):
    """A reader's query as searched: surrounding space dropped, cut to MAX_QUERY_LENGTH."""
    return (query or "").strip()[:MAX_QUERY_LENGTH]


def _choice_rows(queryset, kind, code=None, region_kind=None):
    """One arm of FilterChoices' UNION: (kind, pk, slug, name, code, region kind)."""
    text = CharField()
    return (
        queryset.order_by()
        .annotate(
            choice_kind=Value(kind, output_field=text),
            choice_code=code or Value("", output_field=text),
            choice_region_kind=region_kind or Value("", output_field=text),
        )
        .values_list("choice_kind", "pk", "slug", "name", "choice_code", "choice_region_kind")
    )


class Option(NamedTuple):
    """A drop-down option: enough to filter by and to label (a region's code and kind too)."""

    pk: int
    slug: str
    name: str
    code: str = ""
    kind: str = ""


@dataclass
class FilterChoices:
    """The drop-downs of the article list, read in one query.

    Four tables would otherwise be read on every request (sections, regions, reporters, tags).
    Options are plain tuples, not model instances: a few hundred are built on every request.
    """

    sections: dict = field(default_factory=dict)
    regions: dict = field(default_factory=dict)
    reporters: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)

    @classmethod
    def load(cls):
        rows = _choice_rows(Section.objects.public(), "section").union(
            _choice_rows(
                Region.objects.public(),
                "region",
                code=F("code"),
                region_kind=F("kind"),
            ),
            _choice_rows(Reporter.objects.public(), "reporter"),
            _choice_rows(all_tags().public(), "tag"),
            all=True,
        )
        choices = cls()
        for kind, pk, slug, name, code, region_kind in rows:
            getattr(choices, f"{kind}s")[slug] = Option(pk, slug, name, code, region_kind)
        return choices

    @staticmethod
    def options(objects, key=lambda option: option.name, label=lambda option: option.name):
        return [(option.slug, label(option)) for option in sorted(objects.values(), key=key)]

    def region_options(self):
        return self.options(self.regions, key=lambda region: region.code, label=region_label)


def region_label(region):
    # Districts and counties are indented under their city in the drop-down.
    if region.kind in (Region.Kind.PROVINCE, Region.Kind.CITY):
        return region.name
    return f"\u3000{region.name}"


class OptionsSelect(forms.Select):
    """A drop-down written out directly: a few hundred options, each rendered through the
    template engine, would cost the list page more than all its queries."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(option))}"'
            f"{' selected' if str(option) in selected else ''}>{escape(str(label))}</option>"
            for option, label in self.choices
        )
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(attrs), mark_safe(options))


class RegionChoiceField(ChoiceField):
    """A region given by its slug (wuxing) or its official code (330502)."""

    def __init__(self, *args, slug_by_code=None, **kwargs):
        self.slug_by_code = slug_by_code or {}
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return self.slug_by_code.get(value, value)


class RegionFilter(django_filters.ChoiceFilter):
    field_class = RegionChoiceField


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="关键词",
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    section = django_filters.ChoiceFilter(
        label="栏目", method="filter_section", empty_label="全部栏目", widget=OptionsSelect
    )
    region = RegionFilter(
        label="地区", method="filter_region", empty_label="全部地区", widget=OptionsSelect
    )
    reporter = django_filters.ChoiceFilter(
        label="作者", method="filter_reporter", empty_label="全部作者", widget=OptionsSelect
    )
    tag = django_filters.ChoiceFilter(
        label="标签", method="filter_tag", empty_label="全部标签", widget=OptionsSelect
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
        fields = ["q", "section", "region", "reporter", "tag", "issue", "date_from", "date_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = FilterChoices.load()
        self.filters["section"].extra["choices"] = self.choices.options(self.choices.sections)
        self.filters["region"].extra.update(
            choices=self.choices.region_options(),
            slug_by_code={r.code: slug for slug, r in self.choices.regions.items()},
        )
        self.filters["reporter"].extra["choices"] = self.choices.options(self.choices.reporters)
        self.filters["tag"].extra["choices"] = self.choices.options(self.choices.tags)

    def filter_search(self, queryset, name, value):
        return queryset.matching(search_text(value))

    def filter_section(self, queryset, name, slug):
        return queryset.filter(section=self.choices.sections[slug].pk)

    def filter_region(self, queryset, name, slug):
        option = self.choices.regions[slug]
        return queryset.in_region(Region(pk=option.pk, code=option.code, kind=option.kind))

    def filter_reporter(self, queryset, name, slug):
        return queryset.credited_to(self.choices.reporters[slug].pk)

    def filter_tag(self, queryset, name, slug):
        return queryset.filter(tags=self.choices.tags[slug].pk)
