"""What the desk shows one user: the issues being made, page by page, and what waits for them.

Everything is read in a fixed number of queries whatever the number of articles (the tests pin
the count): the pages with their articles, credits and sign-offs come in prefetches, the counts
per status are made from the articles already read.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone

from articles.models import Article, Byline, Issue, Page, Status, StatusChange

from .models import IssueSignOff, PageSignOff
from .readiness import MISSING, NOT_READY, READY, STATE_LABELS, page_state

# The columns a desk row needs: not the body, nor the search columns (the whole text again).
ROW_FIELDS = [
    "id",
    "headline",
    "status",
    "position",
    "page_id",
    "issue_id",
    "created_by_id",
    "published_at",
    "updated_at",
]
# How many rows each task list shows; the count above it says how many there are in all.
TASK_ROWS = 20
# The status changes the desk offers as one click (the others need the article's own page).
DESK_ACTIONS = (Status.SUBMITTED, Status.APPROVED, Status.RETURNED, Status.PUBLISHED)


def desk_rows(queryset, *related_fields):
    """Articles as the desk lists them: few columns, text credits, the reason of a 退回修改."""
    reason = StatusChange.objects.filter(
        article=models.OuterRef("pk"), to_status=Status.RETURNED
    ).order_by("-created_at", "-id")
    return queryset.only(*ROW_FIELDS, *related_fields).annotate(
        returned_reason=models.Subquery(reason.values("comment")[:1])
    )


def with_credits(queryset):
    return queryset.prefetch_related(
        models.Prefetch(
            "bylines",
            queryset=Byline.objects.filter(photo__isnull=True)
            .select_related("reporter")
            .order_by("position"),
            to_attr="text_bylines",
        )
    )


def issues_on_the_desk(today=None, date=None):
    """The issue asked for, else the issue being made and the next (dated today or later), else
    the latest issue, so that the desk is never empty while any issue exists."""
    today = today or timezone.localdate()
    issues = Issue.objects.order_by("date").prefetch_related(
        models.Prefetch(
            "sign_offs",
            queryset=IssueSignOff.objects.in_force().select_related("signed_by"),
            to_attr="sign_offs_in_force",
        )
    )
    if date is not None:
        return list(issues.filter(date=date))
    coming = list(issues.filter(date__gte=today)[:2])
    return coming or list(issues.order_by("-date")[:1])


@dataclass
class PageBoard:
    page: Page
    articles: list
    state: str = field(init=False)

    def __post_init__(self):
        self.state = page_state(article.status for article in self.articles)

    @property
    def sign_off(self):
        return next(iter(self.page.sign_offs_in_force), None)

    @property
    def state_label(self):
        if self.sign_off:
            return "已签版" if self.state == READY else "签版后有变动"
        return STATE_LABELS[self.state]

    @property
    def is_missing(self):
        return self.state == MISSING

    @property
    def can_sign_off(self):
        return self.state == READY and self.sign_off is None


@dataclass
class IssueBoard:
    issue: Issue
    pages: list

    @property
    def counts(self):
        """(status label, how many) for each status present, in workflow order."""
        counter = Counter(a.status for page in self.pages for a in page.articles)
        return [(status.label, counter[status]) for status in Status if counter[status]]

    @property
    def sign_off(self):
        return next(iter(self.issue.sign_offs_in_force), None)

    @property
    def missing_pages(self):
        return [page for page in self.pages if page.state == MISSING]

    @property
    def unready_pages(self):
        return [page for page in self.pages if page.state == NOT_READY]

    @property
    def can_sign_off(self):
        return (
            self.sign_off is None
            and bool(self.pages)
            and all(page.sign_off and page.state == READY for page in self.pages)
        )


def issue_boards(issues):
    """Each issue's pages in order, each page's articles in print order, in four queries."""
    articles = with_credits(desk_rows(Article.objects.order_by("position", "pk")))
    pages = (
        Page.objects.filter(issue__in=issues)
        .order_by("number")
        .prefetch_related(
            models.Prefetch("articles", queryset=articles, to_attr="desk_articles"),
            models.Prefetch(
                "sign_offs",
                queryset=PageSignOff.objects.in_force().select_related("signed_by"),
                to_attr="sign_offs_in_force",
            ),
        )
    )
    by_issue = {}
    for page in pages:
        by_issue.setdefault(page.issue_id, []).append(PageBoard(page, page.desk_articles))
    return [IssueBoard(issue, by_issue.get(issue.pk, [])) for issue in issues]


@dataclass
class Task:
    """A list of what waits for the user: its title, how many, the first rows."""

    title: str
    help: str
    count: int
    rows: list


def task(title, help_text, queryset):
    rows = with_credits(
        desk_rows(
            queryset.select_related("issue", "page"), "issue__date", "page__number", "page__name"
        )
    )
    return Task(title, help_text, queryset.count(), list(rows[:TASK_ROWS]))


def tasks_for(user):
    """What waits for this user, by what their role may do."""
    tasks = []
    articles = Article.objects.all()
    if user.has_perm("articles.review_article"):
        tasks.append(
            task(
                "待我审核",
                "已提交、等待编辑审核的稿件。",
                articles.filter(status=Status.SUBMITTED).order_by("updated_at", "pk"),
            )
        )
    # The duty editor's (值班主任/总编): who signs off the issue publishes what is approved.
    if user.has_perm("articles.publish_issue"):
        tasks.append(
            task(
                "待签发",
                "已审核、等待发布的稿件。",
                articles.filter(status=Status.APPROVED).order_by("issue__date", "pk"),
            )
        )
    if not user.has_perm("articles.review_article"):
        own = articles.filter(created_by=user)
        tasks.append(
            task(
                "退回修改",
                "编辑退回、请按意见修改后再提交的稿件。",
                own.filter(status=Status.RETURNED).order_by("-updated_at", "-pk"),
            )
        )
        tasks.append(
            task("我的稿件", "我写的全部稿件和它们的状态。", own.order_by("-updated_at", "-pk"))
        )
    return tasks


def desk_actions(article, user):
    """The one-click status changes this user may make to this article from the desk."""
    return [to for to in article.available_transitions(user) if to in DESK_ACTIONS]
