"""RSS and Atom feeds: valid, newest first, headline groups and authors, published articles only."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.feeds import FEED_LENGTH, headline_group_text
from articles.models import Article
from regions.models import Region
from tests.articles.helpers import HIDDEN, SEED_HEADLINES, add_articles
from tests.conftest import make_article, make_page, make_section

pytestmark = pytest.mark.django_db

LATEST_FEEDS = ["articles:feed_rss", "articles:feed_atom"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.mark.parametrize(
    "url_name, version, content_type",
    [
        ("articles:feed_rss", "rss20", "application/rss+xml; charset=utf-8"),
        ("articles:feed_atom", "atom10", "application/atom+xml; charset=utf-8"),
    ],
)
def test_latest_feeds_are_valid_rss_and_atom(client, seed, url_name, version, content_type):
    response = client.get(reverse(url_name))

    feed = feedparser.parse(response.content)
    assert response["Content-Type"] == content_type
    assert not feed.bozo
    assert feed.version == version
    assert feed.feed.title == "浙江工人日报"
    assert feed.feed.link == "http://testserver/"
    assert sorted(titles(feed)) == sorted(
        headline_group_text(article) for article in Article.objects.all()
    )


@pytest.mark.parametrize("url_name", LATEST_FEEDS)
def test_latest_feed_lists_the_newest_first_and_at_most_thirty(client, regions, url_name):
    page = make_page()
    for position in range(1, FEED_LENGTH + 3):
        make_article(
            page=page,
            position=position,
            headline=f"稿件{position}",
            published_at=hours_ago(100 - position),
        )

    feed = parse(client, reverse(url_name))

    assert len(feed.entries) == FEED_LENGTH
    assert titles(feed)[:2] == [f"稿件{FEED_LENGTH + 2}", f"稿件{FEED_LENGTH + 1}"]
    assert "稿件1" not in titles(feed)


@pytest.mark.parametrize("url_name", LATEST_FEEDS)
def test_feed_item_has_headline_group_authors_date_summary_and_link(client, seed, url_name):
    article = Article.objects.get(headline=SEED_HEADLINES[0])

    feed = parse(client, reverse(url_name))

    entry = next(e for e in feed.entries if e.link.endswith(article.get_absolute_url()))
    assert entry.title == "全域式创新 领头雁带动 一贯制孵化——湖州吴兴工会塑造人才培育新生态"
    assert entry.link == "http://testserver" + article.get_absolute_url()
    assert entry.summary == article.summary
    assert entry.author == "、".join(b.name for b in article.bylines.filter(photo=None))
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == article.published_at.replace(microsecond=0)
    assert "技能人才" in [tag.term for tag in entry.tags]


def test_headline_group_text_puts_kicker_headline_and_subheadline_on_one_line(db):
    article = Article(
        kicker="第十届职工技能大赛开幕", headline="千名工匠同台竞技", subheadline="——记某某"
    )

    assert headline_group_text(article) == "第十届职工技能大赛开幕 千名工匠同台竞技——记某某"
    assert headline_group_text(Article(headline="只有主题")) == "只有主题"


@pytest.mark.parametrize("state", HIDDEN)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_unpublished_articles_are_in_no_feed(client, regions, state, kind):
    section = make_section()
    wuxing = Region.objects.get(slug="wuxing")
    shared = {
        "section": section,
        "regions": [wuxing],
        "tags": ["劳模"],
        "reporters": [("寿慧桢", "记者")],
    }
    make_article(headline="公开稿件", **shared)
    make_article(headline="不该出现", body="秘密段落。", **shared, **HIDDEN[state]())

    urls = [
        reverse(f"articles:feed_{kind}"),
        reverse(f"articles:section_{kind}", kwargs={"slug": section.slug}),
        reverse(f"articles:region_{kind}", kwargs={"slug": "huzhou"}),
        reverse(f"articles:reporter_{kind}", kwargs={"slug": "shou-hui-zhen"}),
        reverse(f"articles:tag_{kind}", kwargs={"slug": "劳模"}),
    ]
    for url in urls:
        feed = parse(client, url)
        assert titles(feed) == ["公开稿件"], url
        assert "秘密" not in client.get(url).content.decode(), url


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_region_reporter_and_tag_feeds_list_only_their_articles(client, regions, kind):
    section = make_section()
    wuxing, wuyi = Region.objects.get(slug="wuxing"), Region.objects.get(slug="wuyi")
    make_article(headline="吴兴栏目稿", section=section, regions=[wuxing], tags=["劳模"])
    make_article(headline="武义记者稿", regions=[wuyi], reporters=[("寿慧桢", "记者")])

    def feed_titles(name, slug):
        return titles(parse(client, reverse(f"articles:{name}_{kind}", kwargs={"slug": slug})))

    assert feed_titles("section", section.slug) == ["吴兴栏目稿"]
    # A city's feed has its districts' news, as its page does.
    assert feed_titles("region", "huzhou") == ["吴兴栏目稿"]
    assert feed_titles("region", "wuyi") == ["武义记者稿"]
    assert feed_titles("reporter", "shou-hui-zhen") == ["武义记者稿"]
    assert feed_titles("tag", "劳模") == ["吴兴栏目稿"]


def test_feed_of_one_object_is_titled_with_it_and_links_its_page(client, regions):
    make_article(regions=[Region.objects.get(slug="wuxing")])

    feed = parse(client, reverse("articles:region_atom", kwargs={"slug": "huzhou"}))

    assert feed.feed.title == "湖州市 - 浙江工人日报"
    assert feed.feed.link == "http://testserver/regions/huzhou/"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/sections/no-such-section/rss/",
        "/feeds/regions/atlantis/atom/",
        "/feeds/reporters/no-one/rss/",
        "/feeds/tags/没有这个标签/rss/",
    ],
)
def test_feed_of_an_unknown_object_is_404(client, db, url):
    assert client.get(url).status_code == 404


def test_feed_of_a_tag_used_only_by_drafts_is_404(client, db):
    make_article(tags=["内部标签"], status=Article.Status.DRAFT)

    assert client.get("/feeds/tags/内部标签/rss/").status_code == 404


@pytest.mark.parametrize(
    "url, expected",
    [("/feeds/rss/", 3), ("/feeds/atom/", 3), ("/feeds/tags/劳模/rss/", 4)],
)
def test_feeds_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, regions, url, expected
):
    page = make_page()
    add_articles(page, 2)
    with django_assert_num_queries(expected):
        small = parse(client, url)
    add_articles(page, 13)
    with django_assert_num_queries(expected):
        large = parse(client, url)

    assert len(small.entries) == 2 and len(large.entries) == 15


def test_the_rss_channel_says_what_the_feed_is(client, db, settings):
    settings.SITE_NAME = "工人日报<测试>"
    channel = feedparser.parse(client.get("/feeds/rss/").content).feed
    # Plain text, escaped for HTML like every RSS text: a reader shows it as written.
    assert (channel.title, channel.description) == (
        "工人日报&lt;测试&gt;",
        "工人日报&lt;测试&gt;最新稿件",
    )
    # The rest of the channel (its language, its own address) is passed on untouched.
    assert channel.language == "zh-hans"
    assert channel.links[-1].href == "http://testserver/feeds/rss/"
