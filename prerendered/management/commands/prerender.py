"""Render the public pages that have no stored row yet, before any reader asks for them.

After a deploy every row belongs to the old release, and a new article's page is rendered by its
first reader: this renders them ahead, newest articles first, then the first page of every public
list. Each page goes through the site's own middleware and views, exactly as a reader's request
(so it is stored, or not, by the same rules: prerendered.middleware), but past the page cache,
which would otherwise answer it without reaching the row. Safe beside readers and editors: a page
rendered across a change is not stored (prerendered.models), and running it twice renders only
what is missing.
"""

import time
import urllib.parse

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.http.request import validate_host
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Reporter, Section, all_tags
from prerendered.middleware import SERVED_HEADER
from prerendered.models import RenderedArticle, release
from regions.models import Region

PAGE_CACHE = "newsroom.pagecache.AnonymousPageCacheMiddleware"


def missing_articles(origin):
    """Published articles whose page has no row for origin under this release, newest first."""
    stored = RenderedArticle.objects.filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()),
        origin=origin,
        release=release(),
    )
    return (
        Article.objects.published()
        .exclude(pk__in=stored.values("article_id"))
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)
    )


def list_paths():
    """The first page of every public list: the index, and each section's, reporter's, tag's and
    region's that a published article reaches."""
    yield reverse("articles:article_list")
    for model in (Section, Reporter, Region):
        for obj in model.objects.public().order_by("pk"):
            yield obj.get_absolute_url()
    for slug in all_tags().public().order_by("pk").values_list("slug", flat=True):
        yield reverse("articles:tag", kwargs={"slug": slug})


class Command(BaseCommand):
    help = "预先渲染尚无存档的公开页（稿件页，及各列表第一页），供读者直接读取。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--origin",
            required=True,
            help="读者访问的站点地址，如 https://epaper.example.cn（页面中的绝对链接用它）",
        )
        parser.add_argument("--limit", type=int, help="至多渲染这么多篇稿件（最新的在前）")
        parser.add_argument("--no-lists", action="store_true", help="只渲染稿件页")

    def handle(self, *args, origin, limit, no_lists, **options):
        scheme, host = self.parse_origin(origin)
        handler = self.handler()
        factory = RequestFactory(headers={"host": host})
        origin = f"{scheme}://{host}"
        articles = missing_articles(origin)
        if limit is not None:
            articles = articles[:limit]
        paths = [reverse("articles:article", kwargs={"pk": pk}) for pk in articles]
        if not no_lists:
            paths += list(list_paths())
        started, counts = time.monotonic(), dict.fromkeys(("stored", "had", "not", "failed"), 0)
        for number, path in enumerate(paths, 1):
            request = factory.get(path, secure=scheme == "https")
            response = handler.get_response(request)
            if response.status_code != 200:
                counts["failed"] += 1
                self.stderr.write(f"{path}: {response.status_code}")
            elif response.get(SERVED_HEADER) == "stored":
                counts["had"] += 1  # a list, or a page another process rendered meanwhile
            elif getattr(getattr(request, "prerendering", None), "stored", False):
                counts["stored"] += 1
            else:
                counts["not"] += 1  # a change committed while it was rendered: see above
            if number % 500 == 0:
                self.stdout.write(f"{number}/{len(paths)}  {time.monotonic() - started:.0f} s")
        self.stdout.write(
            f"渲染 {len(paths)} 页，用时 {time.monotonic() - started:.1f} 秒："
            f"存入 {counts['stored']}，原已存有 {counts['had']}，未存入（渲染时内容有变）"
            f" {counts['not']}，出错 {counts['failed']}"
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} 页未能渲染（见上）。")

    @staticmethod
    def parse_origin(origin):
        parts = urllib.parse.urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
            raise CommandError(
                f"--origin 应是站点地址，如 https://epaper.example.cn，而不是 {origin}"
            )
        if not validate_host(parts.hostname, settings.ALLOWED_HOSTS):
            raise CommandError(f"{parts.hostname} 不在 ALLOWED_HOSTS 中：读者的请求不会被接受。")
        return parts.scheme, parts.netloc

    @staticmethod
    def handler():
        """The site's request handling, past the page cache (see the module's docstring)."""
        middleware = [name for name in settings.MIDDLEWARE if name != PAGE_CACHE]
        handler = BaseHandler()
        with override_settings(MIDDLEWARE=middleware):
            handler.load_middleware()
        return handler
