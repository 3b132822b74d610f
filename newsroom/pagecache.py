"""Whole-page cache for anonymous readers, invalidated by the events that change pages.

Every change to published content (an article saved, published, withdrawn or corrected; a
credit, tag, page or issue edited) starts a new generation in the shared cache. A cached page
remembers the generation it was rendered under and is served only while that is still current,
so readers see a change as soon as the event's transaction commits, on every app server at once.

A generation is a random token, set, not a counter incremented: a set is atomic on every backend
(the file cache writes by renaming) where an increment is not, and two processes incrementing
at once could both write the same next number, or a slow one put back an earlier number under
which stale pages were kept. A token is never reused, so a page is served only under the one it
was rendered under. A missing generation (a new cache, or one that dropped the key) is replaced
by a new token, never read as a default that old pages could have been stored under.

The cache may fail (newsroom.cache): the page is then rendered and sent uncached. When it answers
again, a new generation starts, since changes made meanwhile could not invalidate it.
A page is also never kept past the next scheduled publication, so an article scheduled for 08:00
appears at 08:00 without any job or event.

Editors (a session cookie), previews (Cache-Control: private/no-store), non-GET requests and
responses that set cookies are never cached nor served from cache.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from articles.models import Article
from articles.signals import content_changed

from .cache import recovered as cache_recovered

GENERATION_KEY = "pagecache:generation"
NEXT_PUBLICATION_KEY = "pagecache:next-publication"
PAGE_KEY = "pagecache:page:{}"
DEFAULT_TIMEOUT = 300
NEVER_CACHED_PREFIXES = ("/admin/", "/healthz")


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def new_generation():
    """Invalidate every cached page in the shared cache (for every process that uses it)."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _current_generation(found):
    generation = found.get(GENERATION_KEY)
    if generation is None:
        # Added, not set: another process may be starting one too; then theirs is current.
        cache = _cache()
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _refresh_next_publication():
    """Store when the next scheduled article goes public (0: none); return that timestamp."""
    upcoming = Article.objects.next_publication_time()
    when = upcoming.timestamp() if upcoming else 0
    _cache().set(NEXT_PUBLICATION_KEY, when, timeout=None)
    return when


def _changed():
    new_generation()
    _refresh_next_publication()


def bump():
    """Invalidate every cached page: now, and again when the current transaction commits.

    Now, so the writer's own next read is fresh; again at commit, because a reader who rendered
    the old content meanwhile may have cached it under the new generation. The next scheduled
    publication is looked up here, on the write path, so that reading never has to.
    """
    _changed()
    transaction.on_commit(_changed)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        cache = _cache()
        # Hashed: a long Chinese search URL would pass the cache's 250-character key limit.
        url = f"{request.get_host()}{request.get_full_path()}".encode()
        key = PAGE_KEY.format(hashlib.sha256(url).hexdigest())
        found = cache.get_many([GENERATION_KEY, NEXT_PUBLICATION_KEY, key])
        generation = _current_generation(found)
        entry = found.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            return self._rebuild(entry, request)
        response = self.get_response(request)
        # No generation: the cache is failing, so the page goes out uncached.
        if generation is not None and self._cacheable_response(response):
            upcoming = found.get(NEXT_PUBLICATION_KEY)
            if upcoming is None or (upcoming and upcoming <= time.time()):
                upcoming = _refresh_next_publication()
            # Never kept past the moment a scheduled article becomes public.
            timeout = DEFAULT_TIMEOUT
            if upcoming:
                timeout = min(timeout, int(upcoming - time.time()))
            if timeout > 0:
                headers = [(k, v) for k, v in response.items() if k.lower() != "x-cache"]
                cache.set(
                    key,
                    (generation, response.status_code, headers, response.content),
                    timeout=timeout,
                )
        response["X-Cache"] = "MISS"
        return response

    def _cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and self.session_cookie not in request.COOKIES
            and not request.path.startswith(NEVER_CACHED_PREFIXES)
        )

    @staticmethod
    def _cacheable_response(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        directives = {
            d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        return not directives & {"private", "no-store", "no-cache"}

    @staticmethod
    def _rebuild(entry, request):
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response


def connect():
    """Listen for content changes (called from the app config once apps are ready)."""
    content_changed.connect(lambda sender, **kwargs: bump(), weak=False, dispatch_uid="pagecache")
    cache_recovered.connect(
        lambda sender, **kwargs: new_generation(), weak=False, dispatch_uid="pagecache"
    )
