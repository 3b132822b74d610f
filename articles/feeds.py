"""RSS 2.0 and Atom feeds: the latest articles, and those of one section, region, reporter or tag.

Each item is titled with its whole headline group, credits its authors, and carries the
article's summary; like every public surface, the feeds start from published().
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse

from regions.models import Region

from . import dependencies
from .feedgenerators import HtmlSafeAtomFeed, HtmlSafeRssFeed
from .models import Article, Byline, Reporter, Section, all_tags

FEED_LENGTH = 30


def headline_group_text(article):
    """引题、主题 and 副题 on one line: 千名工匠同台竞技——湖州吴兴工会塑造人才培育新生态."""
    text = article.headline
    if article.kicker:
        text = f"{article.kicker} {text}"
    if article.subheadline:
        # Features print their 副题 with a leading dash already; news items do not.
        text = f"{text}——{article.subheadline.lstrip('—').strip()}"
    return text


class LatestArticlesFeed(Feed):
    feed_type = HtmlSafeRssFeed

    def title(self, obj=None):
        return settings.SITE_NAME

    def description(self, obj=None):
        return f"{settings.SITE_NAME}最新稿件"

    def subtitle(self, obj=None):
        # Atom's name for the description.
        return self.description(obj)

    def link(self, obj=None):
        return reverse("articles:home")

    def author_name(self, obj=None):
        # Atom wants an author for each entry; the paper stands in where a piece has no byline.
        return settings.SITE_NAME

    def feed_copyright(self, obj=None):
        return f"© {settings.SITE_NAME}"

    def items(self, obj=None):
        text_bylines = Prefetch(
            "bylines",
            queryset=Byline.objects.filter(photo__isnull=True).select_related("reporter"),
            to_attr="text_bylines",
        )
        articles = self.articles_of(obj, Article.objects.published())
        return (
            articles.select_related("section")
            .prefetch_related(text_bylines, "tags")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def articles_of(self, obj, articles):
        return articles

    def item_title(self, article):
        return headline_group_text(article)

    def item_description(self, article):
        return article.summary

    def item_author_name(self, article):
        return "、".join(byline.name for byline in article.text_bylines) or None

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        section = [article.section.name] if article.section else []
        return section + sorted(tag.name for tag in article.tags.all())


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = HtmlSafeAtomFeed


class ArticlesOfFeed(LatestArticlesFeed):
    """The feed of one object: the object from the URL's slug (404 when there is none)."""

    # The name of what the feed shows (articles/dependencies.py): its articles announce it.
    dependency = None

    def get_object(self, request, slug):
        obj = get_object_or_404(self.object_queryset(), slug=slug)
        dependencies.record(request, dependencies.key(self.dependency, obj.pk))
        return obj

    def object_queryset(self):
        # Only what a published article reaches: a draft's section or reporter is not public.
        return self.model._default_manager.public()

    def title(self, obj):
        return f"{obj.name} - {settings.SITE_NAME}"

    def description(self, obj):
        return f"{settings.SITE_NAME}：{obj.name}的最新稿件"

    def link(self, obj):
        return obj.get_absolute_url()


class SectionFeed(ArticlesOfFeed):
    dependency = "section"
    model = Section

    def articles_of(self, section, articles):
        return articles.filter(section=section)


class RegionFeed(ArticlesOfFeed):
    """A region's news, its districts' and counties' included, as on its page."""

    dependency = "region"
    model = Region

    def articles_of(self, region, articles):
        return articles.in_region(region)


class ReporterFeed(ArticlesOfFeed):
    dependency = "reporter"
    model = Reporter

    def articles_of(self, reporter, articles):
        return articles.credited_to(reporter)


class TagFeed(ArticlesOfFeed):
    dependency = "tag"

    def object_queryset(self):
        return all_tags().public()

    def link(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})

    def articles_of(self, tag, articles):
        return articles.filter(tags=tag)


class SectionAtomFeed(SectionFeed):
    feed_type = HtmlSafeAtomFeed


class RegionAtomFeed(RegionFeed):
    feed_type = HtmlSafeAtomFeed


class ReporterAtomFeed(ReporterFeed):
    feed_type = HtmlSafeAtomFeed


class TagAtomFeed(TagFeed):
    feed_type = HtmlSafeAtomFeed
