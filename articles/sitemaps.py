"""Sitemaps of everything readers can reach, and a Google News sitemap of the last two days.

Each item carries its lastmod: the latest change to a published article it shows, read with the
items in the same query. Only what published() lets readers see is listed.
"""

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from regions.models import Region

from .models import Article, Issue, Page, Reporter, Section, all_tags
from .models.parts import ArticleRegion, TaggedArticle
from .models.people import Byline

NEWS_WINDOW = datetime.timedelta(days=2)


def latest_change(rows, link, updated_at="updated_at"):
    """A subquery: the latest `updated_at` among the rows whose `link` is the outer row."""
    return Subquery(
        rows.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(latest=Max(updated_at))
        .values("latest")
    )


def published_articles():
    return Article.objects.published()


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # Ordered by key: the pages of a long sitemap must not shift while a crawler reads them.
        return published_articles().only("pk", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        return published_articles().aggregate(latest=Max("updated_at"))["latest"]


class IssueSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        latest = latest_change(published_articles(), "issue")
        return Issue.objects.published().annotate(lastmod=latest).order_by("date")

    def lastmod(self, issue):
        return issue.lastmod

    def get_latest_lastmod(self):
        return None  # the article sitemap's is the site's


class PageSitemap(IssueSitemap):
    def items(self):
        latest = latest_change(published_articles(), "page")
        return (
            Page.objects.public()
            .select_related("issue")
            .annotate(lastmod=latest)
            .order_by("issue__date", "number")
        )


class FewItemsSitemap(Sitemap):
    """Sections, regions, reporters and tags: far fewer than the 50,000 URLs a file may hold.

    So the sitemap index lists one file for each without counting them first.
    """

    changefreq = "daily"
    priority = 0.4

    @property
    def paginator(self):
        paginator = super().paginator
        paginator.num_pages = 1
        return paginator

    def lastmod(self, obj):
        return obj.lastmod

    def get_latest_lastmod(self):
        return None


class SectionSitemap(FewItemsSitemap):
    def items(self):
        latest = latest_change(published_articles(), "section")
        return Section.objects.public().annotate(lastmod=latest)


class ReporterSitemap(FewItemsSitemap):
    def items(self):
        credits = Byline.objects.filter(article__in=published_articles())
        latest = latest_change(credits, "reporter", "article__updated_at")
        return Reporter.objects.public().annotate(lastmod=latest).order_by("slug")


class TagSitemap(FewItemsSitemap):
    def items(self):
        tagged = TaggedArticle.objects.filter(content_object__in=published_articles())
        latest = latest_change(tagged, "tag", "content_object__updated_at")
        return all_tags().public().annotate(lastmod=latest)

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class RegionSitemap(FewItemsSitemap):
    """Every region whose page has news: its own, or its districts' and counties'."""

    def items(self):
        latest = (
            ArticleRegion.objects.filter(
                article__in=published_articles(),
                region__code__startswith=OuterRef(Region.SUBTREE_PREFIX),
            )
            .order_by("-article__updated_at")
            .values("article__updated_at")[:1]
        )
        return Region.objects.public().annotate(lastmod=Subquery(latest)).order_by("code")


SITEMAPS = {
    "articles": ArticleSitemap,
    "issues": IssueSitemap,
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "regions": RegionSitemap,
    "reporters": ReporterSitemap,
    "tags": TagSitemap,
}


class NewsSitemap(Sitemap):
    """Articles published in the last two days, for Google News (rendered by news_sitemap.xml)."""

    limit = 1000  # Google News reads at most 1,000 URLs from one news sitemap

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            published_articles()
            .filter(published_at__gte=since)
            .only("pk", "headline", "published_at", "updated_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at
