"""通讯员发稿统计: published pieces per person and role, and per unit, over a date range.

Unions pay and rank correspondents by these numbers, so they are counted straight from the
bylines of published articles: one article credited to a person in a role counts once for text,
each photo credited to them counts once, and the pages are the print pages those pieces ran on.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from articles.dates import chinese_date
from articles.models import Article, Byline


@dataclass
class Row:
    name: str
    role: str
    unit: str
    articles: int = 0
    photos: int = 0
    pages: list = field(default_factory=list)

    @property
    def total(self):
        return self.articles + self.photos


SORT_KEYS = {
    "name": lambda row: (row.name, row.role),
    "role": lambda row: (row.role, row.name),
    "unit": lambda row: (row.unit, row.name),
    "articles": lambda row: (-row.articles, -row.photos, row.name),
    "photos": lambda row: (-row.photos, -row.articles, row.name),
    "total": lambda row: (-row.total, row.name),
}


def credits_between(start, end):
    """Person credits on articles readers can see whose issue falls in [start, end]."""
    return Byline.objects.filter(
        reporter__isnull=False,
        article__in=Article.objects.published().filter(
            issue__date__gte=start, issue__date__lte=end
        ),
    )


def _page_label(date, number):
    return f"{chinese_date(date)} 第{number:02d}版"


def by_person(start, end, sort="total"):
    """One row per (person, role) in two queries: the counts, then the pages."""
    credits = credits_between(start, end)
    counted = credits.values("reporter_id", "reporter__name", "reporter__unit", "role").annotate(
        articles=Count("article", filter=Q(photo__isnull=True), distinct=True),
        photos=Count("photo", distinct=True),
    )
    rows = {
        (c["reporter_id"], c["role"]): Row(
            c["reporter__name"], c["role"], c["reporter__unit"], c["articles"], c["photos"]
        )
        for c in counted
    }
    pages = (
        credits.values_list("reporter_id", "role", "article__issue__date", "article__page__number")
        .distinct()
        .order_by("article__issue__date", "article__page__number")
    )
    for reporter_id, role, date, number in pages:
        rows[(reporter_id, role)].pages.append(_page_label(date, number))
    return sorted(rows.values(), key=SORT_KEYS.get(sort, SORT_KEYS["total"]))


def by_unit(start, end):
    """Totals per unit (单位): an article two people of one unit share counts once for it."""
    credits = credits_between(start, end)
    counted = credits.values("reporter__unit").annotate(
        articles=Count("article", filter=Q(photo__isnull=True), distinct=True),
        photos=Count("photo", distinct=True),
    )
    rows = {
        c["reporter__unit"]: Row(
            c["reporter__unit"] or "未填单位", "", c["reporter__unit"], c["articles"], c["photos"]
        )
        for c in counted
    }
    pages = (
        credits.values_list("reporter__unit", "article__issue__date", "article__page__number")
        .distinct()
        .order_by("article__issue__date", "article__page__number")
    )
    for unit, date, number in pages:
        rows[unit].pages.append(_page_label(date, number))
    return sorted(rows.values(), key=SORT_KEYS["total"])
