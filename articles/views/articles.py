"""One article as printed, for readers, and its preview for editors and its author."""

from django.db.models import CharField, IntegerField, Value
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView
from taggit.models import Tag

from articles import structured_data
from articles.models import Article, TaggedArticle
from regions.models import Region

RELATED_ARTICLES = 5


def places_and_tags(article):
    """The article's regions (in order) and tags (by name), read together in one UNION query.

    Returned as unsaved Region and Tag objects holding pk, slug and name: enough to link them.
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
    rows = sorted(places.union(tags, all=True), key=lambda row: row[-1])
    regions = [
        Region(pk=pk, slug=slug, name=name) for kind, pk, slug, name, _ in rows if kind == "region"
    ]
    tags = [Tag(pk=pk, slug=slug, name=name) for kind, pk, slug, name, _ in rows if kind == "tag"]
    return regions, sorted(tags, key=lambda tag: tag.name)


class ArticleDetailView(DetailView):
    """An article as printed, with its credits, photos, corrections and related articles.

    Six queries: the article with its issue, page, section and page neighbours; all its credits;
    its photos; its places and tags; its corrections; related articles.
    """

    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return self.articles().select_related("issue", "page", "section")

    def articles(self):
        return Article.objects.published().with_neighbours()

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
        photos = list(article.photos.order_by("position"))
        for photo in photos:
            photo.credit_list = [credit for credit in credits if credit.photo_id == photo.pk]
        regions, tags = places_and_tags(article)
        image = next((photo.image for photo in photos if photo.image), None)
        image_url = self.request.build_absolute_uri(image.url) if image else None
        return super().get_context_data(
            photos=photos,
            regions=regions,
            tags=tags,
            corrections=list(article.corrections.all()),
            related_articles=Article.objects.published().related_to(
                article, regions, tags, limit=RELATED_ARTICLES
            ),
            image_url=image_url,
            json_ld=structured_data.json_ld_script(
                structured_data.news_article(article, self.request, tags=tags, image_url=image_url)
            ),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article exactly as readers will see it, for editors and its author only.

    Everyone else gets 404, as if the article did not exist; the response is never cached.
    """

    def articles(self):
        return Article.objects.with_neighbours()

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
