"""What the site asks of many articles at once, and of the tags on them: one method per question.

Every reader's page, feed and sitemap starts from published(); the other methods narrow or
annotate what it gives (a region's news, a reporter's, related articles, a search).
"""

from django.db import models
from django.db.models.functions import Cast, Coalesce
from taggit.models import Tag

from articles import dependencies, search
from regions.models import Region

from .history import HistoryQuerySetMixin
from .parts import ArticleRegion, TaggedArticle
from .people import Byline
from .status import coming_condition, published_condition
from .workflow import WorkflowQuerySetMixin

# Derived columns, large (the whole text again, its terms): never loaded unless asked for.
SEARCH_FIELDS = ("search_document", "search_terms", "search_title", "search_title_terms")

# About a month of a daily paper on either side: see related_to().
RELATED_WINDOW = 1000


class ArticleQuerySet(WorkflowQuerySetMixin, HistoryQuerySetMixin, models.QuerySet):
    def published(self, at=None):
        """What readers may see: the one definition every view, feed, sitemap and search uses
        (at the moment `at`; now by default)."""
        return self.filter(published_condition(at=at))

    def next_publication_time(self):
        """When the next article here becomes public by its time alone; None when none is due."""
        coming = self.filter(coming_condition()).order_by("published_at")
        return coming.values_list("published_at", flat=True).first()

    def for_listing(self):
        """Everything a list of articles shows, in a fixed number of queries: the issue, page,
        section, text credits, places and tags of each."""
        links = [
            models.Prefetch(
                "bylines",
                queryset=Byline.objects.filter(photo__isnull=True).select_related("reporter"),
                to_attr="text_bylines",
            ),
            models.Prefetch(
                "article_regions",
                ArticleRegion.objects.select_related("region"),
                to_attr="ordered_regions",
            ),
            "tags",
        ]
        return self.select_related("issue", "page", "section").prefetch_related(*links)

    def page_dependencies(self, publication_changed=False, regions=()):
        """What readers' pages showing the articles here record (articles/dependencies.py): the
        names a change to them announces, so that only those pages are refreshed.

        Each article, its page of print, its issue, and the lists it is on: its section's, tags',
        reporters' and places' with every region above them (a city's page lists its counties'
        news). With publication_changed, also which issues are public (the home page, 往期) and
        the related-article lists near each article of its section, tags and places, which it
        may have entered or left (dependencies.near()); with regions (ids), also those places
        and the regions above them. One query.
        """
        text = models.CharField()
        # Rows of (kind, id, article): the article only where a near() name is made from it.
        # Typed: PostgreSQL takes a bare NULL in a union's first row for text.
        nowhere = Cast(models.Value(None), models.BigIntegerField())

        def named(kind, rows, column, article=None):
            article = nowhere if article is None or not publication_changed else article
            kind = models.Value(kind, output_field=text)
            return rows.order_by().values_list(kind, column, article)

        ids = self.order_by().values("pk")
        links = ArticleRegion.objects.filter(article__in=ids)
        places = Region.objects.filter(
            models.Q(pk__in=links.values("region_id")) | models.Q(pk__in=list(regions))
        ).values("pk")
        parts = [
            named("article", self, "pk"),
            named("page", self, "page_id"),
            named("issue", self, "issue_id"),
            named("section", self, "section_id", "pk"),
            named(
                "tag",
                TaggedArticle.objects.filter(content_object__in=ids),
                "tag_id",
                "content_object_id",
            ),
            named("reporter", Byline.objects.filter(article__in=ids), "reporter_id"),
            named("region", Region.objects.above(places), "pk"),
        ]
        if publication_changed:
            parts.append(named("place", links, "region_id", "article_id"))
        names = {dependencies.EVERYTHING}
        if publication_changed:
            names.add(dependencies.ISSUES)
        for kind, pk, article in parts[0].union(*parts[1:]):
            if pk is None:
                continue
            if kind == "place":  # the article's own places (the regions above are not related)
                names.add(dependencies.near("region", pk, article, RELATED_WINDOW))
                continue
            if article is not None:
                names.add(dependencies.near(kind, pk, article, RELATED_WINDOW))
            names.add(dependencies.key(kind, pk))
        return names

    def in_region(self, region):
        """About the region or any place under it: a city includes its districts and counties.

        A subquery, not a join, so that an article about two districts of one city is listed once.
        """
        places = ArticleRegion.objects.filter(region__in=Region.objects.within(region))
        return self.filter(pk__in=places.values("article"))

    def credited_to(self, reporter):
        """Crediting the reporter (an instance or a pk), for the text or for a photo; each once."""
        return self.filter(pk__in=Byline.objects.filter(reporter=reporter).values("article"))

    def related_to(self, article, regions, tags, limit):
        """The articles here sharing the article's tags, places or section; the most shared first.

        A shared tag counts twice (tags are chosen by an editor, places often broad), a shared
        place and the same section once each. One query. Only the articles filed within
        RELATED_WINDOW of this one (by id, before or after) are candidates: at most a few
        thousand rows are read, from indexes, however large the archive or common the tag, and
        an archive article finds the news of its own time.
        """
        tag_ids, region_ids = [tag.pk for tag in tags], [region.pk for region in regions]
        first, last = article.pk - RELATED_WINDOW, article.pk + RELATED_WINDOW
        tagged = TaggedArticle.objects.filter(
            tag__in=tag_ids, content_object__gte=first, content_object__lte=last
        )
        placed = ArticleRegion.objects.filter(
            region__in=region_ids, article__gte=first, article__lte=last
        )
        shares = models.Q(pk__in=tagged.values("content_object")) | models.Q(
            pk__in=placed.values("article")
        )
        if article.section_id:
            shares |= models.Q(section_id=article.section_id)

        def shared(rows, link):
            counts = rows.filter(**{link: models.OuterRef("pk")}).order_by().values(link)
            return Coalesce(models.Subquery(counts.annotate(n=models.Count("pk")).values("n")), 0)

        score = 2 * shared(TaggedArticle.objects.filter(tag__in=tag_ids), "content_object")
        score += shared(ArticleRegion.objects.filter(region__in=region_ids), "article")
        if article.section_id:
            same_section = models.When(section_id=article.section_id, then=1)
            score += models.Case(same_section, default=0, output_field=models.IntegerField())
        return (
            self.filter(shares, pk__range=(first, last))
            .exclude(pk=article.pk)
            .select_related("issue")
            .only("pk", "kicker", "headline", "subheadline", "issue__date", "issue__number")
            .annotate(score=score)
            # Ties: the newest issue first, then as filed (not by page: that would join every page).
            .order_by("-score", "-issue__date", "pk")[:limit]
        )

    def matching(self, query):
        """The articles here that contain every word of query, unordered (articles/search.py)."""
        return search.matching(self, query)

    def search(self, query):
        """The articles here that contain every word of query, headline matches first.

        Not a QuerySet: a SearchResults that a paginator slices (two ordered queries).
        """
        return search.search(self, query)


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        return super().get_queryset().defer(*SEARCH_FIELDS)

    def get_by_natural_key(self, date, page_number, position):
        return self.get(issue__date=date, page__number=page_number, position=position)


class TagQuerySet(models.QuerySet):
    """taggit's Tag, with our rules: taggit owns the model, so all_tags() gives this queryset."""

    def public(self):
        """Tags on at least one published article: a tag used only by drafts must not leak."""
        article = TaggedArticle._meta.get_field("content_object").related_model
        published = article.objects.published().filter(pk=models.OuterRef("content_object"))
        return self.filter(
            models.Exists(
                TaggedArticle.objects.filter(tag=models.OuterRef("pk")).filter(
                    models.Exists(published)
                )
            )
        ).order_by("name")


def all_tags():
    """Every tag, as a TagQuerySet."""
    return TagQuerySet(model=Tag)
