"""Whole-page cache for anonymous readers; a change refreshes only the pages that show it.

A page says what it shows while it is rendered (articles/dependencies.py: the article, its page,
issue, section, tags, places and reporters; a list or feed of the whole paper says nothing and is
taken to show everything). Each such thing has a generation in the shared cache, and a cached page
keeps the generations of what it showed: it is served only while every one is still current. A
change to an article starts new generations for exactly what its pages show (content_changed's
`keys`), before and after the change; a change announced without keys (an issue, page, section,
reporter, tag or region edited, an import) starts a new generation of ALL, which every page shows.
So readers see a change as soon as the event's transaction commits, on every app server at once,
and an edit of one article leaves the rest of the archive cached.

A generation is a random token, set, not a counter incremented: a set is atomic on every backend
(the file cache writes by renaming) where an increment is not, and a token is never reused, so a
page is served only under the ones it was rendered under. A missing generation (a new thing, or
one the cache dropped) is created, never read as a default that old pages could have been stored
under. Every change also starts a new generation of EVERYTHING, which is read before a page is
rendered: the page is stored only if that is still current once it is rendered, so a page made
from data read before a change committed is never stored under the generations that change
started, whatever it shows.

The cache may fail (newsroom.cache): the page is then rendered and sent uncached. When it answers
again, a new generation of ALL starts, since changes made meanwhile could not invalidate it.
A page is also never kept past the next scheduled publication, so an article scheduled for 08:00
appears at 08:00 without any job or event.

Editors (a session cookie), previews (Cache-Control: private/no-store), non-GET requests and
responses that set cookies are never cached nor served from cache.

A hit is one round trip to the cache: each process remembers which generations a URL's page was
stored under (it rarely changes) and reads them together with the page. The memory is only a
guess of which keys to read: a page is served only if every generation it was stored under was
read, and current, in that same read; otherwise they are read again, as without it.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from articles import dependencies
from articles.models import Article
from articles.signals import content_changed

from .cache import recovered as cache_recovered

# What every page shows: a change announced without saying what it touches refreshes them all.
ALL = "all"
GENERATION_KEY = "pagecache:generation:{}"
# Started by every change (articles/dependencies.py).
EVERYTHING_KEY = GENERATION_KEY.format(dependencies.EVERYTHING)
NEXT_PUBLICATION_KEY = "pagecache:next-publication"
PAGE_KEY = "pagecache:page:{}"
NEVER_CACHED_PREFIXES = ("/admin/", "/healthz")
# URLs whose generations' names a process remembers; forgotten all at once past this (a few MB).
REMEMBERED_URLS = 20_000


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 300)


def _generation():
    return uuid.uuid4().hex


def new_generations(keys):
    """Refresh every cached page that shows one of keys (for every process that uses the cache)."""
    names = {*keys, dependencies.EVERYTHING}
    generation = _generation()
    _cache().set_many({GENERATION_KEY.format(name): generation for name in names}, timeout=None)


def new_generation():
    """Invalidate every cached page in the shared cache (for every process that uses it)."""
    new_generations({ALL})


def _refresh_next_publication():
    """Store when the next scheduled article goes public (0: none), with when that was asked.

    Asked is taken after the query: no article goes public between then and the time stored
    (one whose time came while the query ran has a time before `asked`, so it was found).
    """
    upcoming = Article.objects.next_publication_time()
    when, asked = (upcoming.timestamp() if upcoming else 0), time.time()
    _cache().set(NEXT_PUBLICATION_KEY, (when, asked), timeout=None)


def _changed(keys):
    new_generations(keys)
    _refresh_next_publication()


def bump(keys=None):
    """Refresh the pages that show keys (None: every page): now, and again at commit.

    Now, so the writer's own next read is fresh; again at commit, because a reader who rendered
    the old content meanwhile may have read the first new generation. The next scheduled
    publication is looked up here, on the write path, so that reading never has to.
    """
    keys = {ALL} if keys is None else set(keys)
    _changed(keys)
    transaction.on_commit(lambda: _changed(keys))


def _current(cache, names, found):
    """The generations of names, from `found` or else created; None if the cache fails."""
    missing = [name for name in names if name not in found]
    for name in missing:
        # Added, not set: another process may be creating it too; then theirs is current.
        cache.add(name, _generation(), timeout=None)
    if missing:
        found = {**found, **cache.get_many(missing)}
    if any(name not in found for name in names):
        return None
    return {name: found[name] for name in names}


def _next_publication(value):
    """(when, asked) as _refresh_next_publication() stored them; (None, None) if lost."""
    if isinstance(value, tuple) and len(value) == 2:
        return value
    return None, None


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME
        # Page key -> the names of the generations its page was last seen stored under.
        self.names_of = {}

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        cache = _cache()
        # Hashed: a long Chinese search URL would pass the cache's 250-character key limit.
        url = f"{request.get_host()}{request.get_full_path()}".encode()
        key = PAGE_KEY.format(hashlib.sha256(url).hexdigest())
        found = cache.get_many(
            [key, EVERYTHING_KEY, NEXT_PUBLICATION_KEY, *self.names_of.get(key, ())]
        )
        entry = found.get(key)
        if entry is not None:
            shown = entry[0]
            if shown.keys() <= found.keys():
                current = {name: found[name] for name in shown}
            else:
                current = cache.get_many(list(shown))
                self._remember(key, shown)
            if current == shown:
                return self._rebuild(entry)
        before = _current(cache, [EVERYTHING_KEY], found)
        # The next publication, known from before the page reads anything (see _store); not
        # looked up while the cache fails, as the page will not be stored then.
        upcoming, _asked = _next_publication(found.get(NEXT_PUBLICATION_KEY))
        if before is not None and (upcoming is None or (upcoming and upcoming <= time.time())):
            try:
                _refresh_next_publication()
            except DatabaseError:
                # The database is down: the view answers 503 (DatabaseUnavailableMiddleware, after
                # this one), and no page is stored while the next publication is unknown.
                pass
        # The page shows what was public from this moment on.
        started = time.time()
        response = self.get_response(request)
        # No generation: the cache is failing, so the page goes out uncached.
        if before is not None and self._cacheable_response(response):
            self._store(cache, key, request, response, before, started)
        response["X-Cache"] = "MISS"
        return response

    def _store(self, cache, key, request, response, before, started):
        shown = dependencies.recorded(request) or {dependencies.EVERYTHING}
        names = {GENERATION_KEY.format(name) for name in (*shown, ALL)}
        found = cache.get_many([*names, EVERYTHING_KEY, NEXT_PUBLICATION_KEY])
        generations = _current(cache, [*names, EVERYTHING_KEY], found)
        # Anything changed while the page was rendered: what it shows may predate the change.
        if generations is None or generations[EVERYTHING_KEY] != before[EVERYTHING_KEY]:
            return
        generations = {name: generations[name] for name in names}
        # Never kept past the moment a scheduled article becomes public, nor kept at all when one
        # may have become public while the page was rendered (after its articles were read): the
        # stored time vouches only for what comes after it was asked, so it must have been asked
        # before the page started (the request looks it up first when it is lost or due).
        upcoming, asked = _next_publication(found.get(NEXT_PUBLICATION_KEY))
        now = time.time()
        if upcoming is None or (upcoming and upcoming <= now) or asked > started:
            return
        timeout = _timeout()
        if upcoming:
            timeout = min(timeout, int(upcoming - now))
        if timeout > 0:
            self._remember(key, generations)
            headers = [(k, v) for k, v in response.items() if k.lower() != "x-cache"]
            cache.set(
                key,
                (generations, response.status_code, headers, response.content),
                timeout=timeout,
            )

    def _remember(self, key, generations):
        if len(self.names_of) >= REMEMBERED_URLS:
            self.names_of.clear()
        self.names_of[key] = tuple(generations)

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
    def _rebuild(entry):
        _generations, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response


def changed(sender, keys=None, **kwargs):
    # PAGE_CACHE_TARGETED off: every change refreshes every page, as before issue 12 (a way out
    # should a page be found that does not record all it shows, and the benchmark's baseline).
    bump(keys if getattr(settings, "PAGE_CACHE_TARGETED", True) else None)


def connect():
    """Listen for content changes (called from the app config once apps are ready)."""
    content_changed.connect(changed, weak=False, dispatch_uid="pagecache")
    cache_recovered.connect(
        lambda sender, **kwargs: new_generation(), weak=False, dispatch_uid="pagecache"
    )
