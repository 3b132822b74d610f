from .articles import Article, ArticleQuerySet, ArticleRegion, Photo, TaggedArticle
from .issues import Issue, Page, Section
from .people import Byline, Reporter

__all__ = [
    "Article",
    "ArticleQuerySet",
    "ArticleRegion",
    "Byline",
    "Issue",
    "Page",
    "Photo",
    "Reporter",
    "Section",
    "TaggedArticle",
]
