"""Keep derived data in step with the content: each article's search document, and caches.

Signals rather than calls in each save path because fixtures (loaddata) save rows raw, without
any of our code, and the admin saves inlines and tags after the article itself. Connected by
register_signal_handlers(), from ArticlesConfig.ready().
"""

from django.db.models.signals import post_delete, post_save

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
from articles.signals import content_changed

# Rows that an article's search document is built from, besides the article itself.
SEARCHED_PARTS = (Byline, ArticleRegion, TaggedArticle)

# Everything readers might see: a save or delete of any of these is a content change.
PUBLIC_MODELS = (
    Article, ArticleRegion, Byline, Correction, Issue, Page, Photo, Reporter, Section, TaggedArticle
)  # fmt: skip


def article_saved(sender, instance, **kwargs):
    instance.refresh_search()


def _article_of(instance):
    article_id = getattr(instance, "article_id", None) or getattr(
        instance, "content_object_id", None
    )
    return Article.objects.filter(pk=article_id).first()


def part_changed(sender, instance, **kwargs):
    article = _article_of(instance)
    if article is not None:
        article.refresh_search()


def announce_change(sender, **kwargs):
    content_changed.send(sender=sender)


def register_signal_handlers():
    post_save.connect(article_saved, sender=Article, dispatch_uid="article_search_on_save")
    for model in SEARCHED_PARTS:
        name = model.__name__
        post_save.connect(part_changed, sender=model, dispatch_uid=f"search_on_save_{name}")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"search_on_delete_{name}")
    for model in PUBLIC_MODELS:
        name = model.__name__
        post_save.connect(announce_change, sender=model, dispatch_uid=f"changed_save_{name}")
        post_delete.connect(announce_change, sender=model, dispatch_uid=f"changed_delete_{name}")
