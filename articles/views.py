"""The reader's site. Every view starts from Article.objects.published(), so no page shows a draft.

Querysets are built inside methods, never as class attributes: published() reads the clock, and a
scheduled article must appear when its time comes, not when the server started.

Every page runs at most six queries, however large the archive: neighbours (上一期/下一期,
上一篇/下一篇) are subqueries of the main query, and each list's related rows one prefetch each.
"""

import calendar
import datetime

from django.conf import settings
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.http import Http404, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView
from taggit.models import Tag

from regions.models import Region

from . import pagination, search, structured_data
from .filters import ArticleFilter, search_text
from .models import Article, Correction, Issue, Page, Reporter, Section, TaggedArticle, all_tags

ARTICLES_PER_PAGE = 20
RELATED_ARTICLES = 5


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


def public_pages():
    """The pages readers may reach, with their issue, in page order."""
    return Page.objects.public().select_related("issue").order_by("number")


def pages_with_headlines(issue):
    """An issue's public pages, each with its published articles in print order."""
    headlines = Prefetch(
        "articles",
        queryset=Article.objects.published()
        .order_by("position")
        .only("pk", "page_id", "position", "kicker", "headline", "subheadline"),
        to_attr="published_articles",
    )
    return public_pages().filter(issue=issue).prefetch_related(headlines)


def places_and_tags(article):
    """The article's regions (in order) and tags (by name), read together in one UNION query.

    Returned as unsaved Region and Tag objects holding pk, slug and name: enough to link them.
    """
    text = CharField()
    places = article.article_regions.order_by().values_list(
        Value("region", output_field=text), "region_id", "region__slug", "region__name", "position"
    )
    tags = (
        TaggedArticle.objects.filter(content_object=article)
        .order_by()
        .values_list(
            Value("tag", output_field=text),
            "tag_id",
            "tag__slug",
            "tag__name",
            Value(0, output_field=IntegerField()),
        )
    )
    rows = sorted(places.union(tags, all=True), key=lambda row: row[-1])
    regions = [
        Region(pk=pk, slug=slug, name=name) for kind, pk, slug, name, _ in rows if kind == "region"
    ]
    tags = [Tag(pk=pk, slug=slug, name=name) for kind, pk, slug, name, _ in rows if kind == "tag"]
    return regions, sorted(tags, key=lambda tag: tag.name)


# Issues and pages


class IssueDetailView(DetailView):
    """An issue: its pages (版面导航), and on each page its headline groups (标题导航)."""

    def get_queryset(self):
        return Issue.objects.published().with_neighbours()

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), date=self.kwargs["date"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(pages=pages_with_headlines(self.object), **kwargs)


class HomeView(IssueDetailView):
    """The latest issue readers may see."""

    template_name = "articles/home.html"

    def get_object(self, queryset=None):
        # None on a site with nothing published yet; the template says so.
        return self.get_queryset().first()


class IssueListView(ListView):
    """往期: issues with published articles, newest first, with how many each carries."""

    paginate_by = 30

    def get(self, request, *args, **kwargs):
        # The e-paper's usual address for a month: /issues/?month=2024-10.
        month = parse_month(request.GET.get("month", ""))
        if month:
            return redirect("articles:calendar", year=month.year, month=month.month)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        counts = (
            Article.objects.published()
            .filter(issue=OuterRef("pk"))
            .order_by()
            .values("issue")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Issue.objects.published().annotate(article_count=Subquery(counts))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Evaluated once here: the template reads the first issue before listing them all.
        context["issue_list"] = context["object_list"] = list(context["object_list"])
        return context


def parse_month(value):
    """datetime.date(2024, 10, 1) for "2024-10"; None for anything else."""
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None


def month_url(day):
    return reverse("articles:calendar", kwargs={"year": day.year, "month": day.month})


class IssueCalendarView(TemplateView):
    """往期 by month: a calendar whose days with a published issue link to it."""

    template_name = "articles/issue_calendar.html"

    def get_context_data(self, **kwargs):
        year, month = self.kwargs["year"], self.kwargs["month"]
        if not (1 <= month <= 12 and datetime.MINYEAR < year < datetime.MAXYEAR):
            raise Http404("没有这个月份。")
        first = datetime.date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        published = Issue.objects.published()
        issues = {issue.date: issue for issue in published.filter(date__range=(first, last))}
        # The nearest issues outside the month, so that 上个月/下个月 skip months without one.
        around = published.aggregate(
            previous=Max("date", filter=Q(date__lt=first)),
            next=Min("date", filter=Q(date__gt=last)),
        )
        weeks = [
            [(day, issues.get(day)) if day.month == month else (None, None) for day in week]
            for week in calendar.Calendar().monthdatescalendar(year, month)
        ]
        missing = self.request.GET.get("missing", "")
        return super().get_context_data(
            calendar_month=first,
            weeks=weeks,
            weekdays=["一", "二", "三", "四", "五", "六", "日"],
            issue_count=len(issues),
            previous_month=around["previous"],
            next_month=around["next"],
            previous_month_url=around["previous"] and month_url(around["previous"]),
            next_month_url=around["next"] and month_url(around["next"]),
            missing_date=parse_date(missing),
            **kwargs,
        )


def parse_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def issue_jump(request):
    """The jump-to-date form: the issue of that day, or else that month's calendar."""
    day = parse_date(request.GET.get("date", ""))
    if day is None:
        return redirect("articles:issue_list")
    if Issue.objects.published().filter(date=day).exists():
        return redirect("articles:issue", date=day)
    return redirect(f"{month_url(day)}?missing={day.isoformat()}")


class PageDetailView(DetailView):
    """A page (版): its published articles in print order, and the issue's other pages."""

    def get_object(self, queryset=None):
        # The issue's public pages with their article counts (版面导航), this one among them.
        counts = (
            Article.objects.published()
            .filter(page=OuterRef("pk"))
            .order_by()
            .values("page")
            .annotate(n=Count("pk"))
            .values("n")
        )
        self.sibling_pages = list(
            public_pages()
            .filter(issue__date=self.kwargs["date"])
            .annotate(article_count=Subquery(counts))
        )
        for page in self.sibling_pages:
            if page.number == self.kwargs["number"]:
                return page
        raise Http404("这一期没有这个版面。")

    def get_context_data(self, **kwargs):
        page, siblings = self.object, self.sibling_pages
        index = siblings.index(page)
        articles = published_list_items().filter(page=page).order_by("position")
        return super().get_context_data(
            articles=articles,
            sibling_pages=siblings,
            previous_page=siblings[index - 1] if index > 0 else None,
            next_page=siblings[index + 1] if index + 1 < len(siblings) else None,
            **kwargs,
        )


# Articles


class ArticleDetailView(DetailView):
    """An article as printed, with its credits, photos, corrections and related articles.

    Six queries: the article with its issue, page, section and page neighbours; all its credits;
    its photos; its places and tags; its corrections; related articles.
    """

    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return self.articles().select_related("issue", "page", "section")

    def articles(self):
        return Article.objects.published().with_neighbours()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            withdrawn = Article.objects.filter(pk=kwargs["pk"], status=Article.Status.WITHDRAWN)
            if not withdrawn.exists():
                raise
            return TemplateResponse(request, "410.html", status=410)

    def get_context_data(self, **kwargs):
        article = self.object
        # The page's issue is the article's: its link needs the date, not another query.
        article.page.issue = article.issue
        credits = list(article.bylines.select_related("reporter").order_by("position"))
        article.text_bylines = [credit for credit in credits if credit.photo_id is None]
        photos = list(article.photos.order_by("position"))
        for photo in photos:
            photo.credit_list = [credit for credit in credits if credit.photo_id == photo.pk]
        regions, tags = places_and_tags(article)
        image = next((photo.image for photo in photos if photo.image), None)
        image_url = self.request.build_absolute_uri(image.url) if image else None
        return super().get_context_data(
            photos=photos,
            regions=regions,
            tags=tags,
            corrections=list(article.corrections.all()),
            related_articles=Article.objects.published().related_to(
                article, regions, tags, limit=RELATED_ARTICLES
            ),
            image_url=image_url,
            json_ld=structured_data.json_ld_script(
                structured_data.news_article(article, self.request, tags=tags, image_url=image_url)
            ),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article exactly as readers will see it, for editors and its author only.

    Everyone else gets 404, as if the article did not exist; the response is never cached.
    """

    def articles(self):
        return Article.objects.with_neighbours()

    def get(self, request, *args, **kwargs):
        # Straight to DetailView: a withdrawn article is previewed, not answered with 410.
        return DetailView.get(self, request, *args, **kwargs)

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        user = self.request.user
        # An anonymous user's pk is None, like an imported article's created_by: check first.
        if not (user.is_authenticated and article.can_be_seen_by(user)):
            raise Http404("没有这篇稿件。")
        return article

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response


class KeysetPaginationMixin:
    """Article lists paged by the article before or after (articles/pagination.py), not OFFSET."""

    paginate_by = ARTICLES_PER_PAGE

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

    def get_queryset(self):
        return published_list_items()


class SearchView(ListView):
    """Search: every word ANDed, headline matches first, then the newest."""

    template_name = "articles/search.html"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        self.query = search_text(self.request.GET.get("q"))
        return Article.objects.published().for_listing().search(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        for article in context["object_list"]:
            article.snippet = search.snippet(article.body, self.query)
        return context


class CorrectionListView(ListView):
    """更正: the corrections of published articles, newest first."""

    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        return Correction.objects.published().select_related("article__issue")


# Reporters, sections, tags (and regions, in regions/views.py)


class PublishedArticlesOfView(KeysetPaginationMixin, SingleObjectMixin, ListView):
    """The page of one reporter, section, tag or region: its published articles, newest first.

    Subclasses set `model` and `template_name`, and say which articles are the object's in
    `articles_of()`. The object is found in `get_object_queryset()` (404 when it is not there).
    """

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=self.get_object_queryset())
        return super().get(request, *args, **kwargs)

    def get_object_queryset(self):
        return self.model._default_manager.all()

    def get_queryset(self):
        return self.articles_of(self.object, published_list_items())

    def articles_of(self, obj, articles):
        raise NotImplementedError


class ReporterDetailView(PublishedArticlesOfView):
    model = Reporter
    template_name = "articles/reporter_detail.html"

    def articles_of(self, reporter, articles):
        return articles.credited_to(reporter)


class SectionDetailView(PublishedArticlesOfView):
    model = Section
    template_name = "articles/section_detail.html"

    def articles_of(self, section, articles):
        return articles.filter(section=section)


class TagDetailView(PublishedArticlesOfView):
    template_name = "articles/tag_detail.html"

    def get_object_queryset(self):
        return all_tags().public()

    def articles_of(self, tag, articles):
        return articles.filter(tags=tag)


# Robots and errors


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        absolute = self.request.build_absolute_uri
        return super().get_context_data(
            sitemap_url=absolute(reverse("articles:sitemap")),
            news_sitemap_url=absolute(reverse("articles:news_sitemap")),
            **kwargs,
        )


def server_error(request):
    """The 500 page, rendered without the request: its context processors might fail too."""
    return HttpResponseServerError(render_to_string("500.html", {"site_name": settings.SITE_NAME}))
