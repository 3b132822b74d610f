"""What a search results page shows of each article, read as values rather than as models.

A results page is rendered live for every query (no stored page can answer it), so it is built
from plain values: the columns a row shows, its text credits in one more query, its headline
group and snippet with the query's words marked, its links and dates written out once.
Building twenty Article, Issue, Page, Byline and Reporter instances cost about a quarter of the
page, reverse() and the date filters about another.
"""

import re

from django.urls import reverse
from django.utils.formats import date_format

from articles import search
from articles.models import Byline, Page
from articles.templatetags.bylines import credit_html

# The columns a result shows (and published_at, by which the two groups' union is ordered).
FIELDS = (
    "pk",
    "kicker",
    "headline",
    "subheadline",
    "body",
    "published_at",
    "issue__date",
    "page__number",
    "page__name",
)
HEADLINE_GROUP = ("kicker", "headline", "subheadline")


def rows(found, query):
    """The results page's rows: each found values() row with its links, credits and marks."""
    words = search.query_words(query)
    article_url = Link("articles:article", pk="9000000001")
    page_url = Link("articles:page", date="9999-99-99", number="9000000002")
    credits = _text_credits([row["pk"] for row in found], Link("articles:reporter", slug="z9z9"))
    dates = {row["issue__date"] for row in found}
    # As the date filter writes them: the datetime attribute (Y-m-d) and the shown date.
    shown_dates = {date: (date.isoformat(), date_format(date)) for date in dates}
    return [
        {
            "url": article_url(pk=row["pk"]),
            "date": shown_dates[row["issue__date"]],
            "page": Page.label(row["page__number"], row["page__name"]),
            "page_url": page_url(date=row["issue__date"], number=row["page__number"]),
            "credits": credit_html(credits.get(row["pk"], [])),
            "snippet": search.marked_snippet(row["body"], words),
            **{part: search.marked(row[part], words) for part in HEADLINE_GROUP},
        }
        for row in found
    ]


def _text_credits(article_ids, reporter_url):
    """{article id: its text credits in order}, as (role, name, reporter's URL or None)."""
    credits = {}
    bylines = Byline.objects.filter(article__in=article_ids, photo__isnull=True).values_list(
        "article", "role", "organisation", "reporter", "reporter__name", "reporter__slug"
    )
    for article, role, organisation, reporter, name, slug in bylines:
        credit = (
            (role, organisation, None)
            if reporter is None
            else (role, name, reporter_url(slug=slug))
        )
        credits.setdefault(article, []).append(credit)
    return credits


class Link:
    """The links of one named URL, reversed once with stand-in values that are then replaced.

    reverse() costs tens of microseconds a call (it finds the resolver through the active
    language), and a results page has some seventy links of three kinds. Each stand-in must
    match its converter and occur nowhere else in the URL; every converter of these routes
    writes a value as str() does, and their values (ids, ISO dates, ASCII slugs) need no
    quoting. Reversed per request, so the script prefix and URLconf are the request's own.
    """

    def __init__(self, name, **stand_ins):
        url = reverse(name, kwargs=stand_ins)
        names = {value: key for key, value in stand_ins.items()}
        pieces = re.split(f"({'|'.join(map(re.escape, names))})", url)
        # Literal text at even positions, the name of a value at odd ones.
        self.pieces = [names[p] if i % 2 else p for i, p in enumerate(pieces)]

    def __call__(self, **values):
        return "".join(str(values[p]) if i % 2 else p for i, p in enumerate(self.pieces))
