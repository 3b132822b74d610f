"""The reader's site. Every view starts from Article.objects.published(), so no page shows a draft.

Querysets are built inside methods, never as class attributes: published() reads the clock, and a
scheduled article must appear when its time comes, not when the server started.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView

from .filters import ArticleFilter, credited_to, public_tags
from .models import Article, Byline, Issue, Page, Photo, Reporter, Section

ARTICLES_PER_PAGE = 20


def public_pages():
    """Pages carrying at least one published article: the only pages readers may reach."""
    published = Article.objects.published().filter(page=OuterRef("pk"))
    return Page.objects.filter(Exists(published)).select_related("issue").order_by("number")


def pages_with_headlines(issue):
    """An issue's public pages, each with its published articles in print order."""
    headlines = Prefetch(
        "articles",
        queryset=Article.objects.published().order_by("position"),
        to_attr="published_articles",
    )
    return public_pages().filter(issue=issue).prefetch_related(headlines)


class IssueDetailView(DetailView):
    """An issue: its pages (版面导航), and on each page its headline groups (标题导航)."""

    def get_queryset(self):
        return Issue.objects.published()

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


class PageDetailView(DetailView):
    """A page (版): its published articles in print order, and 上一版/下一版 in the same issue."""

    def get_object(self, queryset=None):
        return get_object_or_404(
            public_pages(),
            issue__date=self.kwargs["date"],
            number=self.kwargs["number"],
        )

    def get_context_data(self, **kwargs):
        page = self.object
        siblings = list(public_pages().filter(issue_id=page.issue_id))
        index = siblings.index(page)
        articles = Article.objects.published().for_listing().filter(page=page).order_by("position")
        return super().get_context_data(
            articles=articles,
            sibling_pages=siblings,
            previous_page=siblings[index - 1] if index > 0 else None,
            next_page=siblings[index + 1] if index + 1 < len(siblings) else None,
            **kwargs,
        )


class ArticleListView(FilterView):
    filterset_class = ArticleFilter
    paginate_by = ARTICLES_PER_PAGE
    template_name_suffix = "_list"

    def get_queryset(self):
        return Article.objects.published().for_listing().in_print_order()


class ArticleDetailView(DetailView):
    def get_queryset(self):
        photos = Prefetch(
            "photos",
            queryset=Photo.objects.prefetch_related(
                Prefetch("credits", queryset=Byline.objects.select_related("reporter"))
            ),
        )
        # page__issue: the link to the article's page needs the page's issue date.
        return (
            Article.objects.published()
            .for_listing()
            .select_related("page__issue")
            .prefetch_related(photos)
        )

    def get_context_data(self, **kwargs):
        article = self.object
        same_page = Article.objects.published().filter(page_id=article.page_id)
        return super().get_context_data(
            previous_article=same_page.filter(position__lt=article.position)
            .order_by("-position")
            .first(),
            next_article=same_page.filter(position__gt=article.position)
            .order_by("position")
            .first(),
            **kwargs,
        )


class PublishedArticlesOfView(SingleObjectMixin, ListView):
    """The page of one reporter, section, tag or region: its published articles, newest first.

    Subclasses set `model` and `template_name`, and say which articles are the object's in
    `articles_of()`. The object is found in `get_object_queryset()` (404 when it is not there).
    """

    paginate_by = ARTICLES_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=self.get_object_queryset())
        return super().get(request, *args, **kwargs)

    def get_object_queryset(self):
        return self.model._default_manager.all()

    def get_queryset(self):
        articles = self.articles_of(self.object, Article.objects.published())
        return articles.for_listing().in_print_order()

    def articles_of(self, obj, articles):
        raise NotImplementedError


class ReporterDetailView(PublishedArticlesOfView):
    model = Reporter
    template_name = "articles/reporter_detail.html"

    def articles_of(self, reporter, articles):
        return credited_to(articles, reporter)


class SectionDetailView(PublishedArticlesOfView):
    model = Section
    template_name = "articles/section_detail.html"

    def articles_of(self, section, articles):
        return articles.filter(section=section)


class TagDetailView(PublishedArticlesOfView):
    template_name = "articles/tag_detail.html"

    def get_object_queryset(self):
        return public_tags()

    def articles_of(self, tag, articles):
        return articles.filter(tags=tag)
