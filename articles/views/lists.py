"""Lists of articles: the filtered list, search, corrections, and the page of one reporter,
section, tag or region. Each is paged by keys in print order (articles/pagination.py)."""

from django.db.models import Q
from django.http import Http404
from django.views.generic import ListView
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView

from articles import dependencies, pagination, search_rows
from articles.filters import ArticleFilter, search_text
from articles.models import Article, Correction, Reporter, Section, all_tags
from regions.models import Region

# What an item of an article list shows, and its place in print (the key of the next page's link).
LIST_ITEM_FIELDS = (
    "kicker",
    "headline",
    "subheadline",
    "position",
    "issue__date",
    "page__number",
    "section__id",
)


def published_list_items():
    """Published articles for a list: the body and search columns, most of a row, stay behind."""
    return Article.objects.published().for_listing().only(*LIST_ITEM_FIELDS)


class KeysetPaginationMixin:
    """Article lists paged by the article before or after (articles/pagination.py), not OFFSET."""

    paginate_by = pagination.ARTICLES_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        page = pagination.paginate(queryset, self.request.GET, page_size)
        return None, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A page of the list lists other articles than the first: its address is its own.
        context["list_canonical_url"] = self.request.build_absolute_uri(
            self.request.path + context["page_obj"].query_string
        )
        return context


class ArticleListView(KeysetPaginationMixin, FilterView):
    """稿件: every published article in print order, narrowed by ArticleFilter."""

    filterset_class = ArticleFilter
    template_name_suffix = "_list"

    def get(self, request, *args, **kwargs):
        # Any article may be on it: every change is announced to it (articles/dependencies.py).
        dependencies.record(request, dependencies.EVERYTHING)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return published_list_items()


class SearchView(ListView):
    """Search: every word ANDed, headline matches first, then the newest."""

    template_name = "articles/search.html"
    paginate_by = pagination.ARTICLES_PER_PAGE

    def get_queryset(self):
        self.query = search_text(self.request.GET.get("q"))
        return Article.objects.published().values(*search_rows.FIELDS).search(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        context["object_list"] = search_rows.rows(context["object_list"], self.query)
        return context


class CorrectionListView(ListView):
    """更正: the corrections of published articles, newest first."""

    paginate_by = pagination.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Correction.objects.published().select_related("article__issue")


# The page of one reporter, section, tag or region


class PublishedArticlesOfView(KeysetPaginationMixin, SingleObjectMixin, ListView):
    """The page of one reporter, section, tag or region: its published articles, newest first.

    Subclasses set `model` and `template_name`, and say which articles are the object's in
    `articles_of()`. The object is found in `get_object_queryset()` (404 when it is not there).
    """

    # The name of what the page shows (articles/dependencies.py): its articles announce it.
    dependency = None

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=self.get_object_queryset())
        dependencies.record(request, dependencies.key(self.dependency, self.object.pk))
        return super().get(request, *args, **kwargs)

    def get_object_queryset(self):
        # Only what a published article reaches: a draft's section or reporter is not public.
        return self.model._default_manager.public()

    def get_queryset(self):
        return self.articles_of(self.object, published_list_items())

    def articles_of(self, obj, articles):
        raise NotImplementedError


class ReporterDetailView(PublishedArticlesOfView):
    dependency = "reporter"
    model = Reporter
    template_name = "articles/reporter_detail.html"

    def articles_of(self, reporter, articles):
        return articles.credited_to(reporter)


class SectionDetailView(PublishedArticlesOfView):
    dependency = "section"
    model = Section
    template_name = "articles/section_detail.html"

    def articles_of(self, section, articles):
        return articles.filter(section=section)


class TagDetailView(PublishedArticlesOfView):
    dependency = "tag"
    template_name = "articles/tag_detail.html"

    def get_object_queryset(self):
        return all_tags().public()

    def articles_of(self, tag, articles):
        return articles.filter(tags=tag)


class RegionDetailView(PublishedArticlesOfView):
    """A region's published news, including its sub-regions' (a city's page shows its counties)."""

    dependency = "region"
    model = Region
    template_name = "regions/region_detail.html"

    def get_object(self, queryset=None):
        # The region and its children in one query, each with its parent.
        slug = self.kwargs["slug"]
        family = (
            Region.objects.public()
            .select_related("parent")
            .filter(Q(slug=slug) | Q(parent__slug=slug))
        )
        family = list(family.order_by("code"))
        region = next((place for place in family if place.slug == slug), None)
        if region is None:
            raise Http404("没有这个地区。")
        self.children = [place for place in family if place.parent_id == region.pk]
        return region

    def articles_of(self, region, articles):
        return articles.in_region(region)

    def get_context_data(self, **kwargs):
        return super().get_context_data(children=self.children, **kwargs)
