"""RSS and Atom writers that escape plain text for HTML where feed readers read HTML.

Django's writers escape every value for XML only. Feed readers decode the XML and then take RSS
titles and descriptions, and Atom's <summary type="html">, as HTML: a headline or summary holding
`<script>` or `"><img onerror=…>` reached them as live markup. Our titles, summaries and names are
plain text, so here they are escaped for HTML first (`<` travels as `&amp;lt;`), and a reader
shows the text as it was written. Atom titles and subtitles are text constructs: left alone.
"""

from django.utils import feedgenerator
from django.utils.html import escape


def as_html(text):
    return escape(text) if text else text


class HtmlSafeRssFeed(feedgenerator.Rss201rev2Feed):
    def __init__(self, title, link, description, **kwargs):
        super().__init__(as_html(title), link, as_html(description), **kwargs)

    def add_item(self, title, link, description, **kwargs):
        super().add_item(as_html(title), link, as_html(description), **kwargs)


class HtmlSafeAtomFeed(feedgenerator.Atom1Feed):
    def add_item(self, title, link, description, **kwargs):
        super().add_item(title, link, as_html(description), **kwargs)
