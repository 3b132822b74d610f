from django.conf import settings


def site(request):
    """The site's name for every template, and the page's canonical address.

    The canonical URL is absolute and built from the request; it drops the query string (filters,
    tracking parameters) but keeps a list's page number, since each page lists other articles.
    """
    canonical_url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        canonical_url += f"?page={page}"
    return {"site_name": settings.SITE_NAME, "canonical_url": canonical_url}
