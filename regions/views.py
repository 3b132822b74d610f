from django.db.models import Q
from django.http import Http404

from articles.views import PublishedArticlesOfView

from .models import Region


class RegionDetailView(PublishedArticlesOfView):
    """A region's published news, including its sub-regions' (a city's page shows its counties)."""

    model = Region
    template_name = "regions/region_detail.html"

    def get_object(self, queryset=None):
        # The region and its children in one query, each with its parent.
        slug = self.kwargs["slug"]
        family = Region.objects.select_related("parent").filter(Q(slug=slug) | Q(parent__slug=slug))
        family = list(family.order_by("code"))
        region = next((place for place in family if place.slug == slug), None)
        if region is None:
            raise Http404("没有这个地区。")
        self.children = [place for place in family if place.parent_id == region.pk]
        return region

    def articles_of(self, region, articles):
        return articles.in_region(region)

    def get_context_data(self, **kwargs):
        return super().get_context_data(children=self.children, **kwargs)
