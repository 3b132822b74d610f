import datetime

from django.urls import path, register_converter

from . import views


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
    path("", views.HomeView.as_view(), name="home"),
    path("issues/", views.IssueListView.as_view(), name="issue_list"),
    path("issues/<isodate:date>/", views.IssueDetailView.as_view(), name="issue"),
    path("issues/<isodate:date>/<int:number>/", views.PageDetailView.as_view(), name="page"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article"),
    path("sections/<slug:slug>/", views.SectionDetailView.as_view(), name="section"),
    path("reporters/<slug:slug>/", views.ReporterDetailView.as_view(), name="reporter"),
    # Tag slugs keep their Chinese text (/tags/劳模/), which <slug:> would refuse.
    path("tags/<str:slug>/", views.TagDetailView.as_view(), name="tag"),
]
