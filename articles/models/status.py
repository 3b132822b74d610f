"""Article statuses, and the one rule for which articles readers may see.

The rule sits here, below every models module, so that issues, pages, sections, reporters and
corrections can ask "has it a published article?" without importing the Article module (which
imports them).
"""

from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审"
    RETURNED = "returned", "退回修改"
    APPROVED = "approved", "已审"
    SCHEDULED = "scheduled", "定时发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤稿"


# A scheduled article is public from its publish time whether or not any job has flipped it.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)


def published_condition(prefix="", at=None):
    """What readers may see, as a condition: on Article, or through a relation ("article__").

    The one definition: Article.objects.published() filters by it, and queries that reach
    articles through a join (a reporter's public credits) use it with their prefix. At a given
    moment `at` (a datetime; now by default).
    """
    return models.Q(
        **{
            f"{prefix}status__in": PUBLIC_STATUSES,
            f"{prefix}published_at__lte": timezone.now() if at is None else at,
        }
    )


def coming_condition(prefix=""):
    """Public by status, not yet by time: what published() will let through once its time comes."""
    return models.Q(
        **{f"{prefix}status__in": PUBLIC_STATUSES, f"{prefix}published_at__gt": timezone.now()}
    )


def with_published_articles(queryset, relation="articles"):
    """The rows of queryset that have at least one article readers may see, through `relation`.

    `relation` names the reverse relation from queryset's model to Article (Issue.articles,
    Page.articles, Section.articles); the articles are asked for in an EXISTS subquery.
    """
    reverse = queryset.model._meta.get_field(relation)
    published = reverse.related_model._default_manager.filter(published_condition())
    return queryset.filter(
        models.Exists(published.filter(**{reverse.field.name: models.OuterRef("pk")}))
    )
