"""What a reader's page shows, named, so that a page cache forgets only what a change touches.

A page records the things it shows with record(request, ...) while it is rendered, and a change
to an article announces names (content_changed's `keys`, built by
ArticleQuerySet.page_dependencies()); a cache forgets exactly the pages that recorded one of
them. A page that records nothing is taken to show anything (EVERYTHING), as is a change
announced without keys.

A list names what it lists: key("tag", 5) is recorded by the tag's page and feed, and announced
by every change to an article carrying the tag. An article's page does not record those names,
although it shows its tags, section and places: their names and slugs are shared rows, whose
change refreshes every page, and an edit to another article of the tag changes nothing on it.
What it does show of other articles is named apart: key("article", pk) for each related
article and page neighbour it shows (key("page", ...) for the neighbours), and near() for the
related articles it might show, announced only when an article joins or leaves a tag, place or
section, or is published or withdrawn.

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


def near(kind, pk, article_id, window):
    """The name a change to an article announces to the related-article lists it may enter or
    leave: those of the articles filed within `window` ids of it that share its section, tag or
    place (kind, pk). Ids are cut into spans of `window` ids; this is the article's span."""
    return f"near:{kind}:{pk}:{article_id // window}"


def near_around(kind, pk, article_id, window):
    """What an article's page records for the related articles it may show (those within
    `window` ids of it sharing kind, pk): the spans holding every such article, so that any of
    them announcing near() reaches the page."""
    span = article_id // window
    return [f"near:{kind}:{pk}:{nearby}" for nearby in (span - 1, span, span + 1)]


def record(request, *keys):
    """Say that the page being rendered for request shows these things."""
    shown = getattr(request, "page_dependencies", None)
    if shown is None:
        shown = request.page_dependencies = set()
    shown.update(keys)


def recorded(request):
    """What the page rendered for request said it shows; None when it said nothing."""
    return getattr(request, "page_dependencies", None)
