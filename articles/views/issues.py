"""The paper as printed: the latest issue (home), an issue, its pages, and 往期 by month."""

import calendar
import datetime

from django.db.models import (
    Count,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from articles import dependencies
from articles.models import Article, Issue, Page

from . import printed_page
from .lists import published_list_items


def public_pages():
    """The pages readers may reach, with their issue, in page order."""
    return Page.objects.public().select_related("issue").order_by("number")


def pages_with_headlines(issue):
    """An issue's public pages, each with its published articles in print order and, when it
    has a PDF, its page images (版面缩略图), each page's `picture` (small sizes)."""
    headlines = Prefetch(
        "articles",
        queryset=Article.objects.published()
        .order_by("position")
        .only("pk", "page_id", "position", "kicker", "headline", "subheadline"),
        to_attr="published_articles",
    )
    pages = list(
        public_pages()
        .filter(issue=issue)
        .select_related("pdf")
        .defer(*printed_page.HEAVY_FIELDS)
        .prefetch_related(headlines, "pdf__renditions")
    )
    for page in pages:
        page.picture = printed_page.page_picture(printed_page.pdf_of(page), printed_page.SMALL)
    return pages


def printed(page, articles):
    """The page's picture (版面图) and the zones of `articles` on it: {} for a page without one.

    Two queries (renditions, zones), only for a page with a PDF.
    """
    page_pdf = printed_page.pdf_of(page)
    if page_pdf is None:
        return {}
    prefetch_related_objects([page_pdf], "renditions", "zones")
    picture = printed_page.page_picture(page_pdf)
    if picture is None:
        return {}
    return {
        "page_pdf": page_pdf,
        "picture": picture,
        "zones": printed_page.zone_links(page_pdf, articles, picture),
    }


class IssueDetailView(DetailView):
    """An issue: its pages (版面导航), and on each page its headline groups (标题导航)."""

    def get_queryset(self):
        return Issue.objects.published().with_neighbours()

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), date=self.kwargs["date"])

    def get_context_data(self, **kwargs):
        record_issue(self.request, self.object)
        return super().get_context_data(pages=pages_with_headlines(self.object), **kwargs)


def record_issue(request, issue):
    """For the page cache: the page shows this issue (None: none), and which issues are public
    (上一期/下一期, the latest)."""
    dependencies.record(request, dependencies.ISSUES)
    if issue is not None:
        dependencies.record(request, dependencies.key("issue", issue.pk))


class HomeView(IssueDetailView):
    """The latest issue readers may see, its front page (头版) as printed first."""

    template_name = "articles/home.html"

    def get_object(self, queryset=None):
        # None on a site with nothing published yet; the template says so.
        return self.get_queryset().first()

    def get_context_data(self, **kwargs):
        if self.object is None:
            record_issue(self.request, None)
            return super().get_context_data(**kwargs)
        context = super().get_context_data(**kwargs)
        front = next(iter(context["pages"]), None)
        if front is not None:
            context["front_page"] = front
            context["front"] = printed(front, front.published_articles)
        return context


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
        record_issue(self.request, None)
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
        record_issue(self.request, None)
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
            .select_related("pdf")
            .defer(*printed_page.HEAVY_FIELDS)
            .annotate(article_count=Subquery(counts))
        )
        for page in self.sibling_pages:
            if page.number == self.kwargs["number"]:
                return page
        raise Http404("这一期没有这个版面。")

    def get_context_data(self, **kwargs):
        page, siblings = self.object, self.sibling_pages
        record_issue(self.request, page.issue)
        index = siblings.index(page)
        articles = list(published_list_items().filter(page=page).order_by("position"))
        return super().get_context_data(
            articles=articles,
            **printed(page, articles),
            sibling_pages=siblings,
            previous_page=siblings[index - 1] if index > 0 else None,
            next_page=siblings[index + 1] if index + 1 < len(siblings) else None,
            **kwargs,
        )
