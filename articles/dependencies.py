"""What a reader's page shows, named, so that a page cache forgets only what a change touches.

A page records the things it shows with record(request, ...) while it is rendered: the article,
its page of print, its issue, its section, tags, places and reporters. A change to an article
announces the same names (content_changed's `keys`, built by ArticleQuerySet.page_dependencies()),
and a cache forgets exactly the pages that recorded one of them. A page that records nothing is
taken to show anything (EVERYTHING), as is a change announced without keys.

Names only: no models here, so that views, models and the project's cache can all use them.
"""

# Announced by every change; shown by every page that does not say what it shows (lists, search,
# feeds of the whole paper, sitemaps).
EVERYTHING = "any"
# Which issues readers may see and how many articles each carries: the home page (the latest
# issue), 往期, the calendar, an issue's 上一期/下一期. Announced when an article's publication
# (status, time) or issue changes.
ISSUES = "issues"


def key(kind, pk):
    """The name of one thing: key("article", 12) is "article:12"."""
    return f"{kind}:{pk}"


def record(request, *keys):
    """Say that the page being rendered for request shows these things."""
    shown = getattr(request, "page_dependencies", None)
    if shown is None:
        shown = request.page_dependencies = set()
    shown.update(keys)


def recorded(request):
    """What the page rendered for request said it shows; None when it said nothing."""
    return getattr(request, "page_dependencies", None)
