"""Keep derived data in step with the content: each article's search document, and caches.

Signals rather than calls in each save path because fixtures (loaddata) save rows raw, without
any of our code, and the admin saves inlines and tags after the article itself. Connected by
register_signal_handlers(), from ArticlesConfig.ready().
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save, pre_save
from taggit.models import Tag

from articles import dependencies
from articles.models import (
    Article,
    ArticleRegion,
    Byline,
    Correction,
    Issue,
    Page,
    Photo,
    Reporter,
    Section,
    TaggedArticle,
)
from articles.models.querysets import RELATED_WINDOW
from articles.signals import content_changed
from regions.models import Region

# Rows that an article's search document is built from, besides the article itself.
SEARCHED_PARTS = (Byline, ArticleRegion, TaggedArticle)

# Rows of one article: a change to one is announced with what that article's pages show
# (Article.objects.page_dependencies()), and the field naming the other thing it links to, whose
# pages change too (before and after the change, when it moves).
ARTICLE_PARTS = {
    ArticleRegion: ("article_id", "region", "region_id"),
    Byline: ("article_id", "reporter", "reporter_id"),
    Correction: ("article_id", None, None),
    Photo: ("article_id", None, None),
    TaggedArticle: ("content_object_id", "tag", "tag_id"),
}
# The lists an article's own row puts it on, besides its own pages.
ARTICLE_LINKS = {"page": "page_id", "issue": "issue_id", "section": "section_id"}
# What decides whether an article is among another's related articles, besides its publication
# (querysets.related_to()): a change announces the related lists near it (dependencies.near()).
RELATED_KINDS = ("section", "tag", "region")
# Whether it is public, and where: its issue's article count, the home page (the latest issue).
PUBLICATION_FIELDS = ("status", "published_at", "issue_id")

# Everything else readers might see, rarely changed and shown on many pages (a section's or
# reporter's name is on every list): a save or delete of any refreshes every page.
SHARED_MODELS = (Issue, Page, Reporter, Section, Tag, Region)


class _Batch:
    """What the changes inside batched() announce, gathered to be announced once."""

    def __init__(self):
        self.articles = set()  # ids: their search documents and what their pages show
        self.saved = {}  # the articles saved here, by id: their search text without a re-read
        self.keys = set()  # names of other things shown, linked before or after a change
        self.regions = set()  # places linked or unlinked: their pages and those above them
        self.publication = False  # an article's publication or issue changed
        self.everything = False  # a shared row changed: every page

    def announce(self):
        self.articles.discard(None)
        unsaved = self.articles - self.saved.keys()
        for article in Article.objects.filter(pk__in=unsaved):
            article.refresh_search()
        for pk in self.articles & self.saved.keys():
            self.saved[pk].refresh_search()
        if self.everything:
            content_changed.send(sender=Article)
            return
        if not (self.articles or self.keys or self.regions):
            return
        articles = Article.objects.filter(pk__in=self.articles)
        keys = articles.page_dependencies(self.publication, regions=self.regions)
        keys |= self.keys | {dependencies.key("article", pk) for pk in self.articles}
        content_changed.send(sender=Article, keys=keys)


# The batch in progress, if any (batched()).
_batch = ContextVar("articles_derived_batch", default=None)


@contextmanager
def batched():
    """Derived data worked out once, at the end, for every change made inside.

    Each row saved would otherwise rebuild its article's search document and announce its
    change to the page cache at once: the seed issue's 85 fixture rows made 40 rebuilds and 80
    announcements, and an article built with its credits, places and tags one per row. Inside,
    the handlers gather what they would announce; at the end each article touched gets its
    search document once, and one announcement names everything the separate ones would have
    (every page when a shared row, such as an issue or a region, changed). Nothing is done if
    the block raises: run it in a transaction (loaddata does), which rolls its writes back. A
    batch inside another is the outer one's.
    """
    if _batch.get() is not None:
        yield
        return
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
    batch.announce()


def article_saved(sender, instance, **kwargs):
    batch = _batch.get()
    if batch is not None:
        batch.articles.add(instance.pk)
        batch.saved[instance.pk] = instance
        return
    instance.refresh_search()


def _article_id(instance):
    return getattr(instance, "article_id", None) or getattr(instance, "content_object_id", None)


def part_changed(sender, instance, **kwargs):
    batch = _batch.get()
    if batch is not None:
        batch.articles.add(_article_id(instance))
        return
    article = Article.objects.filter(pk=_article_id(instance)).first()
    if article is not None:
        article.refresh_search()


def announce_change(sender, **kwargs):
    batch = _batch.get()
    if batch is not None:
        batch.everything = True
        return
    content_changed.send(sender=sender)


def remember_article(sender, instance, raw=False, **kwargs):
    """Before an article is saved: what its pages showed, which the change may take away."""
    if raw and _batch.get() is not None:
        return  # a fixture's rows: the batch refreshes every page
    fields = (*ARTICLE_LINKS.values(), *PUBLICATION_FIELDS)
    before = Article.objects.filter(pk=instance.pk).values(*fields).first() if instance.pk else None
    instance._shown_before = before


def announce_article_change(sender, instance, signal, **kwargs):
    before = getattr(instance, "_shown_before", None)
    # A new or deleted article, or one published, withdrawn, rescheduled or moved to another issue.
    published = (
        signal is post_delete
        or before is None
        or any(before[field] != getattr(instance, field) for field in PUBLICATION_FIELDS)
    )
    keys = {dependencies.key("article", instance.pk)}
    for kind, field in ARTICLE_LINKS.items():
        for value in (getattr(instance, field), before and before[field]):
            if value is not None:
                keys.add(dependencies.key(kind, value))
    if before is not None and before["section_id"] != instance.section_id:
        keys |= _near(instance.pk, "section", {before["section_id"], instance.section_id})
    batch = _batch.get()
    if batch is not None:
        batch.articles.add(instance.pk)
        batch.keys |= keys
        batch.publication |= published
        return
    keys |= Article.objects.filter(pk=instance.pk).page_dependencies(published)
    content_changed.send(sender=sender, keys=keys)


def _near(article_id, kind, linked):
    """The related lists near the article that it entered or left by its link to linked."""
    return {
        dependencies.near(kind, pk, article_id, RELATED_WINDOW) for pk in linked if pk is not None
    }


def remember_part(sender, instance, raw=False, **kwargs):
    """Before a credit, place or tag is saved: whom or what it linked to (it may move)."""
    field = ARTICLE_PARTS[sender][2]
    before = None
    if field and instance.pk and not (raw and _batch.get() is not None):
        before = sender._default_manager.filter(pk=instance.pk).values_list(field, flat=True)
        before = before.first()
    instance._linked_before = before


def announce_part_change(sender, instance, **kwargs):
    article_field, kind, field = ARTICLE_PARTS[sender]
    article_id = getattr(instance, article_field)
    linked = set()
    if kind:
        linked = {getattr(instance, field), getattr(instance, "_linked_before", None)} - {None}
    near = _near(article_id, kind, linked) if kind in RELATED_KINDS else set()
    batch = _batch.get()
    if batch is not None:
        batch.articles.add(article_id)
        batch.keys |= near
        if kind == "region":
            batch.regions |= linked
        else:
            batch.keys |= {dependencies.key(kind, pk) for pk in linked}
        return
    articles = Article.objects.filter(pk=article_id)
    if kind == "region":
        # Its old and new places, and every region above them.
        keys = articles.page_dependencies(regions=linked)
    else:
        keys = articles.page_dependencies()
        keys |= {dependencies.key(kind, pk) for pk in linked}
    keys |= near
    keys.add(dependencies.key("article", article_id))
    content_changed.send(sender=sender, keys=keys)


def register_signal_handlers():
    post_save.connect(article_saved, sender=Article, dispatch_uid="article_search_on_save")
    for model in SEARCHED_PARTS:
        name = model.__name__
        post_save.connect(part_changed, sender=model, dispatch_uid=f"search_on_save_{name}")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"search_on_delete_{name}")
    for model in SHARED_MODELS:
        name = model.__name__
        post_save.connect(announce_change, sender=model, dispatch_uid=f"changed_save_{name}")
        post_delete.connect(announce_change, sender=model, dispatch_uid=f"changed_delete_{name}")
    pre_save.connect(remember_article, sender=Article, dispatch_uid="shown_before_Article")
    post_save.connect(announce_article_change, sender=Article, dispatch_uid="changed_save_Article")
    post_delete.connect(
        announce_article_change, sender=Article, dispatch_uid="changed_delete_Article"
    )
    for model in ARTICLE_PARTS:
        name = model.__name__
        pre_save.connect(remember_part, sender=model, dispatch_uid=f"linked_before_{name}")
        post_save.connect(announce_part_change, sender=model, dispatch_uid=f"changed_save_{name}")
        post_delete.connect(
            announce_part_change, sender=model, dispatch_uid=f"changed_delete_{name}"
        )
