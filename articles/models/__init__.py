from .articles import (
    Article,
    ArticleQuerySet,
    ArticleRegion,
    Origin,
    Photo,
    TaggedArticle,
    published_condition,
)
from .history import Correction, Revision
from .issues import Issue, Page, Section
from .people import Byline, Reporter
from .status import PUBLIC_STATUSES, Status
from .workflow import TRANSITIONS, StatusChange

__all__ = [
    "Article",
    "ArticleQuerySet",
    "ArticleRegion",
    "Byline",
    "Correction",
    "Issue",
    "Origin",
    "Page",
    "PUBLIC_STATUSES",
    "Photo",
    "Reporter",
    "Revision",
    "Section",
    "Status",
    "StatusChange",
    "TRANSITIONS",
    "TaggedArticle",
    "published_condition",
]
