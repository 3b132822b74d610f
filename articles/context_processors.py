from django.conf import settings


def site(request):
    """The site's name for every template, 404 and 500 pages included."""
    return {"site_name": settings.SITE_NAME}
