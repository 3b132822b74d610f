"""One article as printed, for readers, and its preview for editors and its author."""

from django.db.models import CharField, IntegerField, Value
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView
from taggit.models import Tag

from articles import dependencies, structured_data
from articles.models import Article, TaggedArticle
from articles.models.querysets import RELATED_WINDOW
from photos.renditions import Picture, Source
from regions.models import Region

from . import printed_page

RELATED_ARTICLES = 5


def links_of(article):
    """What the article's page links to besides its own text, read in one UNION query: its
    regions (in order), its tags (by name) and the published articles before and after it on its
    page (上一篇/下一篇).

    Regions, tags and neighbours come back as unsaved Region, Tag and Article objects holding
    what a link needs (pk, slug, name or headline). One query of three plain parts: the
    neighbours were four correlated subqueries on the article's own query, whose compilation
    alone cost more than this whole query.
    """
    text = CharField()
    places = article.article_regions.order_by().values_list(
        Value("region", output_field=text), "region_id", "region__slug", "region__name", "position"
    )
    tags = (
        TaggedArticle.objects.filter(content_object=article)
        .order_by()
        .values_list(
            Value("tag", output_field=text),
            "tag_id",
            "tag__slug",
            "tag__name",
            Value(0, output_field=IntegerField()),
        )
    )
    same_page = (
        Article.objects.published()
        .filter(page_id=article.page_id)
        .exclude(pk=article.pk)
        .order_by()
        .values_list(
            Value("article", output_field=text),
            "pk",
            Value("", output_field=text),
            "headline",
            "position",
        )
    )
    rows = sorted(places.union(tags, same_page, all=True), key=lambda row: row[-1])
    regions = [
        Region(pk=pk, slug=slug, name=name) for kind, pk, slug, name, _ in rows if kind == "region"
    ]
    tags = [Tag(pk=pk, slug=slug, name=name) for kind, pk, slug, name, _ in rows if kind == "tag"]
    neighbours = [
        (position, pk, headline) for kind, pk, _, headline, position in rows if kind == "article"
    ]
    before = [row for row in neighbours if row[0] < article.position]
    after = [row for row in neighbours if row[0] > article.position]
    previous = Article(pk=before[-1][1], headline=before[-1][2]) if before else None
    following = Article(pk=after[0][1], headline=after[0][2]) if after else None
    return regions, sorted(tags, key=lambda tag: tag.name), (previous, following)


class ArticleDetailView(DetailView):
    """An article as printed, with its credits, photos, corrections and related articles.

    Six queries: the article with its issue, page (and its PDF) and section; all its credits;
    its photos; its places, tags and page neighbours; its corrections; related articles. When
    its page has a PDF, three more: the photos' places on the page, the article's zone and the
    page's small images (原版位置).
    """

    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return (
            self.articles().select_related("issue", "page__pdf", "section").defer("page__pdf__text")
        )

    def articles(self):
        return Article.objects.published()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            withdrawn = Article.objects.filter(pk=kwargs["pk"], status=Article.Status.WITHDRAWN)
            if not withdrawn.exists():
                raise
            return TemplateResponse(request, "410.html", status=410)

    def get_context_data(self, **kwargs):
        article = self.object
        # The page's issue is the article's: its link needs the date, not another query.
        article.page.issue = article.issue
        credits = list(article.bylines.select_related("reporter").order_by("position"))
        article.text_bylines = [credit for credit in credits if credit.photo_id is None]
        page_pdf = printed_page.pdf_of(article.page)
        photos = article.photos.order_by("position")
        if page_pdf is not None:
            photos = photos.prefetch_related("page_photos")
        photos = list(photos)
        for photo in photos:
            photo.credit_list = [credit for credit in credits if credit.photo_id == photo.pk]
            photo.printed = (
                next((p for p in photo.page_photos.all() if p.page_pdf_id == page_pdf.pk), None)
                if page_pdf is not None
                else None
            )
            photo.shown = shown_picture(photo)
        position = self.printed_position(article, page_pdf)
        above, below = printed_page.photo_placements(
            [photo for photo in photos if photo.shown], position.get("zone"), page_pdf
        )
        regions, tags, (previous, following) = links_of(article)
        related = list(
            Article.objects.published().related_to(article, regions, tags, limit=RELATED_ARTICLES)
        )
        self.record_dependencies(article, regions, tags, related)
        shown = (above + below)[:1]
        image_url = self.request.build_absolute_uri(shown[0].shown.src) if shown else None
        return super().get_context_data(
            photos=photos,
            photos_above=above,
            photos_below=below,
            caption_only_photos=[photo for photo in photos if not photo.shown],
            **position,
            regions=regions,
            tags=tags,
            previous_article=previous,
            next_article=following,
            corrections=list(article.corrections.all()),
            related_articles=related,
            image_url=image_url,
            json_ld=structured_data.json_ld_script(
                structured_data.news_article(article, self.request, tags=tags, image_url=image_url)
            ),
            **kwargs,
        )

    def record_dependencies(self, article, regions, tags, related):
        """For the page cache: what this page shows of other things than the article itself.

        Its page neighbours (the page's name: any article of the page announces it), and the
        related articles it shows (each one's name, for their headlines) and may come to show:
        those near it sharing its section, places or tags, announced when one of them joins or
        leaves them (dependencies.near()). Not the lists of its reporters, tags and places: an
        edit to another article on them changes nothing here.
        """
        key = dependencies.key
        shown = [key("article", article.pk), key("page", article.page_id)]
        shown += [key("article", other.pk) for other in related]
        linked = [("tag", tag.pk) for tag in tags] + [("region", place.pk) for place in regions]
        if article.section_id:
            linked.append(("section", article.section_id))
        for kind, pk in linked:
            shown += dependencies.near_around(kind, pk, article.pk, RELATED_WINDOW)
        dependencies.record(self.request, *shown)

    def printed_position(self, article, page_pdf):
        """原版位置: the article's zone on a small picture of its page; {} without one."""
        if page_pdf is None:
            return {}
        zone = next(iter(article.zones.filter(page_pdf=page_pdf)), None)
        picture = printed_page.page_picture(page_pdf, printed_page.SMALL)
        if zone is None or picture is None:
            return {"zone": zone}
        return {
            "zone": zone,
            "page_picture": picture,
            "zone_rects": printed_page.scaled_rects(zone.rects, picture.width, picture.height),
        }


def shown_picture(photo):
    """What readers see of a photo: its upload's renditions, else the picture taken out of the
    page PDF (one JPEG), else None (a caption alone)."""
    if photo.picture is not None:
        return photo.picture
    printed = photo.printed
    if printed is not None and printed.file:
        source = Source(printed.file.url, printed.width)
        return Picture([], [source], printed.width, printed.height)
    return None


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article exactly as readers will see it, for editors and its author only.

    Everyone else gets 404, as if the article did not exist; the response is never cached.
    """

    def articles(self):
        return Article.objects.all()

    def get(self, request, *args, **kwargs):
        # Straight to DetailView: a withdrawn article is previewed, not answered with 410.
        return DetailView.get(self, request, *args, **kwargs)

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        user = self.request.user
        # An anonymous user's pk is None, like an imported article's created_by: check first.
        if not (user.is_authenticated and article.can_be_seen_by(user)):
            raise Http404("没有这篇稿件。")
        return article

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response
