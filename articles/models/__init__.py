from .articles import Article, Origin
from .history import Correction, Revision
from .issues import Issue, Page, Section
from .parts import ArticleRegion, Photo, TaggedArticle
from .people import Byline, Reporter
from .querysets import ArticleQuerySet, all_tags
from .status import PUBLIC_STATUSES, Status, published_condition
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
    "all_tags",
]
