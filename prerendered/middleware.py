"""Serves an article's public page, or a public list of articles, from its rendered row; renders
and stores it when there is none.

Placed after every middleware that shapes a fresh page (security headers, CSP, the page cache), so
that a page served from its row goes out exactly as a freshly rendered one. The live view is the
fallback for everything: no row, a failing database, a preview (another view), an article page
with a list page number in the query string (the canonical URL would keep it), a filtered or
searched list, or a page that could not be stored.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.encoding import iri_to_uri

from articles import dependencies
from articles.models import Article
from articles.pagination import parse_key
from articles.views import lists
from articles.views.articles import ArticleDetailView

from .models import RenderedArticle, RenderedList, Version

logger = logging.getLogger(__name__)

# The lists whose pages are the same for every reader, and the only query strings they are kept
# for: at most one of their pagination parameters (articles/pagination.py) and, on the index, the
# filters whose values are a list of choices (a page with an invalid one is not kept). A search, a
# date or any other parameter is rendered live, and a page key (?after=, ?before=) is kept only
# when it is a published article's place in print, so that what readers type cannot fill the
# table: the rows are bounded by the archive (its articles times the filters' choices).
LIST_VIEWS = (
    lists.ArticleListView,
    lists.ReporterDetailView,
    lists.SectionDetailView,
    lists.TagDetailView,
    lists.RegionDetailView,
)
PAGINATION = ("after", "before", "page")
CHOICE_FILTERS = ("section", "region", "reporter", "tag")
SERVED_HEADER = "X-Rendered"


@dataclass
class Rendering:
    """A page being rendered to be stored: what was current before it read anything."""

    rows: object  # RenderedArticle.objects or RenderedList.objects
    key: object  # the article's id, or the list's path and query string
    origin: str
    version: int
    expires_at: datetime | None
    stored: bool = False  # set once the page is rendered, if it was kept


class RenderedArticleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        rendering = getattr(request, "prerendering", None)
        if rendering is not None and self._storable(request, response):
            shown = dependencies.recorded(request)
            if rendering.rows.model is RenderedList:
                # Which articles are public changes it whatever else it shows.
                shown = {*shown, dependencies.ISSUES}
            row = rendering.rows.store(
                rendering.key,
                rendering.origin,
                response.content.decode(response.charset),
                shown,
                rendering.expires_at,
                rendering.version,
            )
            rendering.stored = row is not None
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD"):
            return None
        view_class = getattr(view_func, "view_class", None)
        if view_class is ArticleDetailView and "page" not in request.GET:
            rows, key = RenderedArticle.objects, view_kwargs["pk"]
        elif view_class in LIST_VIEWS and self._kept_list(request, view_class):
            rows, key = RenderedList.objects, _list_key(request)
        else:
            return None
        origin = f"{request.scheme}://{request.get_host()}"
        try:
            found = rows.page(key, origin)
            if found is None and request.method == "GET":
                # Read before the view reads anything (see prerendered.models).
                request.prerendering = Rendering(
                    rows, key, origin, Version.current(), Article.objects.next_publication_time()
                )
        except DatabaseError:
            logger.warning("Rendered page %s not read", key, exc_info=True)
            return None
        if found is None:
            return None
        html, shown = found
        dependencies.record(request, *shown.split())
        response = HttpResponse(html)
        # Beside the page cache's X-Cache: how a page that missed it was served (the working
        # day's figures, and an operator's look at a slow page, tell the two kinds of miss apart).
        response[SERVED_HEADER] = "stored"
        return response

    @staticmethod
    def _kept_list(request, view_class):
        query = request.GET
        kept = PAGINATION + (CHOICE_FILTERS if view_class is lists.ArticleListView else ())
        return sum(name in PAGINATION for name in query) <= 1 and all(
            name in kept and len(query.getlist(name)) == 1 for name in query
        )

    @staticmethod
    def _storable(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and dependencies.recorded(request)
            and _valid_filters(response)
            and _real_page_key(request)
        )


def _list_key(request):
    """The list's path and query string, percent-encoded the same way however the reader's
    client encoded them (the page links its other pages with the values decoded)."""
    query = request.GET.urlencode()
    return iri_to_uri(request.path) + (f"?{query}" if query else "")


def _real_page_key(request):
    """False for a page key that is no published article's place in print: well-formed made-up
    keys are pages too (empty, or cut at any point), one per key."""
    value = request.GET.get("after") or request.GET.get("before")
    if value is None:
        return True
    day, page, position = parse_key(value)  # the view has already refused a malformed one
    return (
        Article.objects.published()
        .filter(issue__date=day, page__number=page, position=position)
        .exists()
    )


def _valid_filters(response):
    """False for a list whose filter refused a value (an empty list with the error shown)."""
    filterset = (getattr(response, "context_data", None) or {}).get("filter")
    return filterset is None or not filterset.is_bound or filterset.is_valid()
