"""Keep derived data in step with the content: each article's search document, and caches.

Signals rather than calls in each save path because fixtures (loaddata) save rows raw, without
any of our code, and the admin saves inlines and tags after the article itself.

`content_changed` is sent whenever anything readers might see has changed (including by bulk
UPDATEs, which send no model signals); whole-page caches listen to it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

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

content_changed = Signal()


@receiver(post_save, sender=Article, dispatch_uid="article_search_on_save")
def article_saved(sender, instance, **kwargs):
    instance.refresh_search()


def _article_of(instance):
    article_id = getattr(instance, "article_id", None) or getattr(
        instance, "content_object_id", None
    )
    return Article.objects.filter(pk=article_id).first()


@receiver(post_save, sender=Byline, dispatch_uid="byline_search_on_save")
@receiver(post_delete, sender=Byline, dispatch_uid="byline_search_on_delete")
@receiver(post_save, sender=ArticleRegion, dispatch_uid="region_search_on_save")
@receiver(post_delete, sender=ArticleRegion, dispatch_uid="region_search_on_delete")
@receiver(post_save, sender=TaggedArticle, dispatch_uid="tag_search_on_save")
@receiver(post_delete, sender=TaggedArticle, dispatch_uid="tag_search_on_delete")
def related_changed(sender, instance, **kwargs):
    article = _article_of(instance)
    if article is not None:
        article.refresh_search()


PUBLIC_MODELS = (
    Article, ArticleRegion, Byline, Correction, Issue, Page, Photo, Reporter, Section, TaggedArticle
)  # fmt: skip


def announce_change(sender, **kwargs):
    content_changed.send(sender=sender)


for model in PUBLIC_MODELS:
    post_save.connect(announce_change, sender=model, dispatch_uid=f"changed_save_{model.__name__}")
    post_delete.connect(
        announce_change, sender=model, dispatch_uid=f"changed_delete_{model.__name__}"
    )
