import datetime

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, register_converter

from . import feeds
from .sitemaps import SITEMAPS, NewsSitemap
from .views import articles, issues, lists


class IsoDateConverter:
    """A real calendar date in ISO form: /issues/2024-10-08/; 2024-13-45 matches nothing (404)."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return str(value)


register_converter(IsoDateConverter, "isodate")

app_name = "articles"

urlpatterns = [
    path("", issues.HomeView.as_view(), name="home"),
    path("issues/", issues.IssueListView.as_view(), name="issue_list"),
    path("issues/jump/", issues.issue_jump, name="issue_jump"),
    path("issues/<int:year>/<int:month>/", issues.IssueCalendarView.as_view(), name="calendar"),
    path("issues/<isodate:date>/", issues.IssueDetailView.as_view(), name="issue"),
    path("issues/<isodate:date>/<int:number>/", issues.PageDetailView.as_view(), name="page"),
    path("articles/", lists.ArticleListView.as_view(), name="article_list"),
    path("articles/<int:pk>/", articles.ArticleDetailView.as_view(), name="article"),
    path("articles/<int:pk>/preview/", articles.ArticlePreviewView.as_view(), name="preview"),
    path("search/", lists.SearchView.as_view(), name="search"),
    path("corrections/", lists.CorrectionListView.as_view(), name="corrections"),
    path("sections/<slug:slug>/", lists.SectionDetailView.as_view(), name="section"),
    path("reporters/<slug:slug>/", lists.ReporterDetailView.as_view(), name="reporter"),
    # Tag slugs keep their Chinese text (/tags/劳模/), which <slug:> would refuse.
    path("tags/<str:slug>/", lists.TagDetailView.as_view(), name="tag"),
    # Feeds: /feeds/rss/, /feeds/atom/, and /feeds/<kind>/<slug>/rss/ (or atom/) for one
    # section, region (its sub-regions included), reporter or tag.
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("feeds/sections/<slug:slug>/rss/", feeds.SectionFeed(), name="section_rss"),
    path("feeds/sections/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="section_atom"),
    path("feeds/regions/<slug:slug>/rss/", feeds.RegionFeed(), name="region_rss"),
    path("feeds/regions/<slug:slug>/atom/", feeds.RegionAtomFeed(), name="region_atom"),
    path("feeds/reporters/<slug:slug>/rss/", feeds.ReporterFeed(), name="reporter_rss"),
    path("feeds/reporters/<slug:slug>/atom/", feeds.ReporterAtomFeed(), name="reporter_atom"),
    path("feeds/tags/<str:slug>/rss/", feeds.TagFeed(), name="tag_rss"),
    path("feeds/tags/<str:slug>/atom/", feeds.TagAtomFeed(), name="tag_atom"),
    # Sitemaps: an index of one sitemap per kind of page, and the news sitemap.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news_sitemap.xml"},
        name="news_sitemap",
    ),
]

# A region's page keeps the regions: namespace (regions:detail) although it is a reader's page of
# ours: the regions app is the tree alone and knows nothing of articles.
region_patterns = (
    [path("<slug:slug>/", lists.RegionDetailView.as_view(), name="detail")],
    "regions",
)
