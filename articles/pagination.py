"""Pages of an article list found by the article they follow, never by counting rows past.

Lists are in print order: the newest issue first, then by page number and position. A page is
addressed by the place in print of the article before or after it (its *key*), for example
`2024-10-08.2.3` (the 3rd article of page 2 of the 8 October issue). The database answers
"the 20 articles after this one" from indexes, so page 2,000 costs what page 1 does (an OFFSET would
read and throw away every row before it), and a link stays right while new issues appear above.

    ?after=<key>   the articles that follow <key> in the list (older: 下一页)
    ?before=<key>  the articles that precede it (newer: 上一页)
    ?page=N        numbered pages, for old links, up to MAX_NUMBERED_PAGE (a bounded OFFSET)

A malformed key, a page number past MAX_NUMBERED_PAGE or past the end, or two of these parameters
at once is a 404 (no link on the site makes them); a well-formed key past either end of the list
is an empty page. The total is counted up to MAX_COUNTED only ("超过 1000 篇"): counting every match
of a filter would cost more than the page itself.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

ARTICLES_PER_PAGE = 20
MAX_COUNTED = 1000
MAX_NUMBERED_PAGE = 50
KEY = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})\.([0-9]{1,4})\.([0-9]{1,4})$")
PRINT_ORDER = ("-issue__date", "page__number", "position")
REVERSE_PRINT_ORDER = ("issue__date", "-page__number", "-position")


def print_key(article):
    """The article's place in print as a key: needs its issue and page (select_related)."""
    return f"{article.issue.date.isoformat()}.{article.page.number}.{article.position}"


def parse_key(value):
    """(date, page number, position) for a key, or Http404 for anything else."""
    match = KEY.match(value)
    if match is None:
        raise Http404("分页参数无效。")
    try:
        day = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        raise Http404("分页参数无效。") from None
    return day, int(match.group(2)), int(match.group(3))


def after(articles, key):
    """The articles after the key in print order. The date bound alone is what an index can use."""
    day, number, position = key
    later_on_the_day = Q(page__number__gt=number) | Q(page__number=number, position__gt=position)
    return articles.filter(issue__date__lte=day).filter(Q(issue__date__lt=day) | later_on_the_day)


def before(articles, key):
    day, number, position = key
    earlier_on_the_day = Q(page__number__lt=number) | Q(page__number=number, position__lt=position)
    return articles.filter(issue__date__gte=day).filter(Q(issue__date__gt=day) | earlier_on_the_day)


def page_number(value):
    """A numbered page as an int from 1 to MAX_NUMBERED_PAGE, or Http404."""
    # isdigit() alone admits "²", which int() refuses.
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_NUMBERED_PAGE:
        raise Http404("页码无效。")
    return int(value)


@dataclass
class KeysetPage:
    """One page of a list, shaped for the templates like Django's Page where it can be."""

    object_list: list
    count: int = 0
    next_key: str | None = None
    previous_key: str | None = None
    number: int | None = None
    # This page's own parameter ("?after=…", "?page=3"; "" for the first page): its canonical URL.
    query_string: str = ""

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def count_capped(self):
        """True when there are more than MAX_COUNTED articles: the count is then a lower bound."""
        return self.count > MAX_COUNTED

    @property
    def max_counted(self):
        return MAX_COUNTED

    def has_next(self):
        return self.next_key is not None

    def has_previous(self):
        return self.previous_key is not None

    def has_other_pages(self):
        return self.has_next() or self.has_previous()


def paginate(articles, query, per_page):
    """The page of `articles` (a QuerySet, in any order) that the query string asks for.

    The page (then the queryset's prefetches) and the bounded count: one query each. An empty
    queryset (.none(), as for an invalid filter) is an empty first page without a query.
    """
    after_key, before_key, number = query.get("after"), query.get("before"), query.get("page")
    if sum(value is not None for value in (after_key, before_key, number)) > 1:
        raise Http404("分页参数冲突。")
    if after_key is not None:
        following = after(articles, parse_key(after_key)).order_by(*PRINT_ORDER)
        rows, has_more = _fetch(following, per_page)
        # Reached from the page before it: there is one (if the key was made up, it may be empty).
        page = _page(rows, newer=True, older=has_more, query_string=f"?after={after_key}")
    elif before_key is not None:
        preceding = before(articles, parse_key(before_key)).order_by(*REVERSE_PRINT_ORDER)
        rows, has_more = _fetch(preceding, per_page)
        page = _page(rows[::-1], newer=has_more, older=True, query_string=f"?before={before_key}")
    else:
        number = page_number(number) if number is not None else 1
        start = (number - 1) * per_page
        rows, has_more = _fetch(articles.order_by(*PRINT_ORDER)[start:], per_page)
        if number > 1 and not rows:
            raise Http404("没有这一页。")
        page = _page(
            rows,
            newer=number > 1,
            older=has_more,
            query_string=f"?page={number}" if number > 1 else "",
        )
        page.number = number
    page.count = articles.order_by().values("pk")[: MAX_COUNTED + 1].count()
    return page


def _fetch(articles, per_page):
    """The first per_page rows, and whether there are more (one row more is read to tell)."""
    rows = list(articles[: per_page + 1])
    return rows[:per_page], len(rows) > per_page


def _page(rows, newer, older, query_string):
    return KeysetPage(
        object_list=rows,
        previous_key=print_key(rows[0]) if newer and rows else None,
        next_key=print_key(rows[-1]) if older and rows else None,
        query_string=query_string,
    )
