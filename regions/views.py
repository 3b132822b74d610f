from articles.filters import in_region
from articles.views import PublishedArticlesOfView

from .models import Region


class RegionDetailView(PublishedArticlesOfView):
    """A region's published news, including its sub-regions' (a city's page shows its counties)."""

    model = Region
    template_name = "regions/region_detail.html"

    def get_object_queryset(self):
        return Region.objects.select_related("parent")

    def articles_of(self, region, articles):
        return in_region(articles, region)

    def get_context_data(self, **kwargs):
        return super().get_context_data(children=self.object.children.all(), **kwargs)
