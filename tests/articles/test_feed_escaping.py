"""Plain text reaches feed readers as text, never as markup (issue 13, item 2: a body holding
<script> reached /feeds/rss/ <description> and /feeds/atom/ <summary type="html"> escaped for
XML only, so a reader decoded it into live markup)."""

import html

import feedparser
import pytest
from django.contrib.syndication.views import Feed
from django.urls import URLPattern, URLResolver, get_resolver

from articles.feedgenerators import HtmlSafeAtomFeed, HtmlSafeRssFeed
from articles.models import Reporter
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
# Readers guess whether an RSS title is HTML: with a closing tag it is (feedparser's rule).
BOLD_IMAGE = "<b>劳模</b><img src=x onerror=alert(1)>"
# A reporter's name holds 30 characters.
SHORT_BOLD_IMAGE = "<b>记</b><img src=x onerror=a>"
FEEDS = ["/feeds/rss/", "/feeds/atom/"]


def read_as_a_reader(client, url):
    """The feed as feedparser reads it without its HTML sanitiser, as a plain reader would."""
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content, sanitize_html=False)
    assert not feed.bozo, feed.bozo_exception
    return feed


def assert_shown_as_text(detail, text):
    """What a reader renders from this field: the text itself, with no element in it."""
    if detail.type == "text/html":
        assert "<" not in detail.value
        assert html.unescape(detail.value) == text
    else:
        assert detail.value == text


@pytest.mark.parametrize("url", FEEDS)
@pytest.mark.parametrize("markup", [SCRIPT, BREAKOUT])
def test_markup_in_a_body_reaches_readers_as_text(client, db, url, markup):
    article = make_article(body=f"工会新闻{markup}结束")

    [entry] = read_as_a_reader(client, url).entries

    assert_shown_as_text(entry.summary_detail, article.summary)


@pytest.mark.parametrize("url", FEEDS)
def test_markup_in_a_headline_reaches_readers_as_text(client, db, url):
    make_article(headline=f"标题{BOLD_IMAGE}", kicker="<i>引题</i>")

    [entry] = read_as_a_reader(client, url).entries

    assert_shown_as_text(entry.title_detail, f"<i>引题</i> 标题{BOLD_IMAGE}")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_markup_in_a_name_reaches_readers_as_text(client, db, kind):
    article = make_article(reporters=[(SHORT_BOLD_IMAGE, "记者")])
    reporter = Reporter.objects.get()

    feed = read_as_a_reader(client, f"/feeds/reporters/{reporter.slug}/{kind}/")

    assert_shown_as_text(feed.feed.title_detail, f"{SHORT_BOLD_IMAGE} - 浙江工人日报")
    assert feed.entries[0].link.endswith(article.get_absolute_url())


def test_text_without_markup_is_unchanged_for_readers(client, db):
    article = make_article(headline="劳模 & 工匠", body="“五一”前夕，A&B 公司职工……")

    for url in FEEDS:
        [entry] = read_as_a_reader(client, url).entries
        assert html.unescape(entry.title) == "劳模 & 工匠"
        assert html.unescape(entry.summary) == article.summary


def feeds_in(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from feeds_in(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and isinstance(pattern.callback, Feed):
            yield pattern.callback


def test_every_feed_in_the_urlconf_escapes_for_html():
    feeds = list(feeds_in(get_resolver().url_patterns))

    assert feeds
    for feed in feeds:
        assert issubclass(feed.feed_type, HtmlSafeRssFeed | HtmlSafeAtomFeed), feed
