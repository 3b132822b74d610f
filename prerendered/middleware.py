"""Serves an article's public page from its rendered row; renders and stores it when there is none.

Placed after every middleware that shapes a fresh page (security headers, CSP, the page cache), so
that a page served from its row goes out exactly as a freshly rendered one. The live view is the
fallback for everything: no row, a failing database, a preview (another view), a list page number
in the query string (the canonical URL would keep it), or a page that could not be stored.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import DatabaseError
from django.http import HttpResponse

from articles import dependencies
from articles.models import Article
from articles.views.articles import ArticleDetailView

from .models import RenderedArticle, Version

logger = logging.getLogger(__name__)


@dataclass
class Rendering:
    """A page being rendered to be stored: what was current before it read anything."""

    article_id: int
    origin: str
    version: int
    expires_at: datetime | None


class RenderedArticleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        rendering = getattr(request, "prerendering", None)
        if rendering is not None and self._storable(request, response):
            RenderedArticle.objects.store(
                rendering.article_id,
                rendering.origin,
                response.content.decode(response.charset),
                dependencies.recorded(request),
                rendering.expires_at,
                rendering.version,
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            getattr(view_func, "view_class", None) is not ArticleDetailView
            or request.method not in ("GET", "HEAD")
            or "page" in request.GET
        ):
            return None
        article_id = view_kwargs["pk"]
        origin = f"{request.scheme}://{request.get_host()}"
        try:
            found = RenderedArticle.objects.page(article_id, origin)
            if found is None and request.method == "GET":
                # Read before the view reads the article (see prerendered.models).
                request.prerendering = Rendering(
                    article_id, origin, Version.current(), Article.objects.next_publication_time()
                )
        except DatabaseError:
            logger.warning("Rendered article %s not read", article_id, exc_info=True)
            return None
        if found is None:
            return None
        html, shown = found
        dependencies.record(request, *shown.split())
        return HttpResponse(html)

    @staticmethod
    def _storable(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and dependencies.recorded(request)
        )
