"""schema.org NewsArticle for an article page, as a JSON-LD block search engines read.

A JSON-LD block is data, not script: browsers never run it, so the site's CSP (script-src 'self')
does not apply. Like Django's json_script, the element is built here with <, > and & escaped,
so no headline can close the element early.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# The same escapes as django.utils.html.json_script.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def publisher(request):
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("articles:home")),
    }


def credit(byline, request):
    """A person with their role in this article, or an organisation credited instead."""
    if byline.reporter_id is None:
        return {"@type": "Organization", "name": byline.organisation}
    return {
        "@type": "Person",
        "name": byline.reporter.name,
        "jobTitle": byline.role,
        "url": request.build_absolute_uri(byline.reporter.get_absolute_url()),
    }


def news_article(article, request, *, tags, image_url=None):
    """The article as a NewsArticle; needs article.text_bylines and its issue, page and section."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.headline,
        "description": article.summary,
        "inLanguage": "zh-Hans",
        "dateModified": timezone.localtime(article.updated_at),
        "author": [credit(byline, request) for byline in article.text_bylines]
        or [publisher(request)],
        "publisher": publisher(request),
        "printEdition": str(article.issue.number),
        "printPage": str(article.page.number),
        "printSection": article.page.name or str(article.page),
        "isAccessibleForFree": True,
    }
    if article.subheadline:
        data["alternativeHeadline"] = article.subheadline
    if article.published_at:  # a preview of an unpublished article has none yet
        data["datePublished"] = timezone.localtime(article.published_at)
    if article.section:
        data["articleSection"] = article.section.name
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    if image_url:
        data["image"] = [image_url]
    return data
