"""Sitemaps: the index, one sitemap per kind of page, the news sitemap; published only, lastmod."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.utils import timezone

from articles.models import Article
from regions.models import Region
from tests.articles.helpers import HIDDEN, add_articles
from tests.conftest import make_article, make_issue, make_page, make_section

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
SECTIONS = ["articles", "issues", "pages", "sections", "regions", "reporters", "tags"]
SERVER = "http://testserver"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def locations(client, section):
    root = parse(client, f"/sitemap-{section}.xml")
    return [url.findtext("sm:loc", namespaces=NS) for url in root.findall("sm:url", NS)]


def lastmods(client, section):
    root = parse(client, f"/sitemap-{section}.xml")
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_index_lists_one_sitemap_per_kind_of_page(client, seed):
    root = parse(client, "/sitemap.xml")

    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    listed = [entry.findtext("sm:loc", namespaces=NS) for entry in root.findall("sm:sitemap", NS)]
    assert listed == [f"{SERVER}/sitemap-{section}.xml" for section in SECTIONS]


def test_every_sitemap_lists_the_public_pages_of_its_kind(client, seed):
    articles = Article.objects.order_by("pk")

    assert locations(client, "articles") == [SERVER + a.get_absolute_url() for a in articles]
    assert locations(client, "issues") == [f"{SERVER}/issues/2024-10-08/"]
    assert locations(client, "pages") == [f"{SERVER}/issues/2024-10-08/2/"]
    # Sorted here: how the database orders Chinese names depends on its collation.
    assert sorted(locations(client, "sections")) == [
        f"{SERVER}/sections/farungongxin/",
        f"{SERVER}/sections/gonghuixiaolingtong/",
    ]
    assert f"{SERVER}/reporters/shou-hui-zhen/" in locations(client, "reporters")
    assert f"{SERVER}/tags/{quote('技能人才')}/" in locations(client, "tags")


def test_region_sitemap_lists_places_with_news_and_the_places_above_them(client, regions):
    make_article(regions=[Region.objects.get(slug="wuxing")])

    assert locations(client, "regions") == [
        f"{SERVER}/regions/zhejiang/",
        f"{SERVER}/regions/huzhou/",
        f"{SERVER}/regions/wuxing/",
    ]


def test_every_entry_has_the_lastmod_of_its_latest_article(client, regions):
    section = make_section()
    wuxing = Region.objects.get(slug="wuxing")
    page = make_page(issue=make_issue(date=datetime.date(2024, 10, 8)))
    shared = {
        "section": section,
        "regions": [wuxing],
        "tags": ["劳模"],
        "reporters": [("寿慧桢", "记者")],
    }
    old = make_article(page=page, position=1, **shared)
    new = make_article(page=page, position=2, **shared)
    Article.objects.filter(pk=old.pk).update(
        updated_at=datetime.datetime(2024, 10, 8, 1, tzinfo=datetime.UTC)
    )
    Article.objects.filter(pk=new.pk).update(
        updated_at=datetime.datetime(2024, 10, 20, 1, tzinfo=datetime.UTC)
    )

    assert lastmods(client, "articles") == {
        SERVER + old.get_absolute_url(): "2024-10-08",
        SERVER + new.get_absolute_url(): "2024-10-20",
    }
    for section_name in ["issues", "pages", "sections", "regions", "reporters", "tags"]:
        assert set(lastmods(client, section_name).values()) == {"2024-10-20"}, section_name


@pytest.mark.parametrize("state", HIDDEN)
def test_unpublished_articles_and_what_only_they_use_are_in_no_sitemap(client, regions, state):
    make_article(headline="公开稿件", tags=["公开标签"])
    hidden = make_article(
        headline="不该出现",
        section=make_section("内部栏目"),
        regions=[Region.objects.get(slug="wuyi")],
        tags=["内部标签"],
        reporters=[("未刊作者", "记者")],
        **HIDDEN[state](),
    )

    everything = (
        " ".join(loc for section in SECTIONS for loc in locations(client, section))
        + client.get("/news-sitemap.xml").content.decode()
    )
    assert hidden.get_absolute_url() not in everything
    assert hidden.issue.get_absolute_url() not in everything
    assert "wuyi" not in everything and "jinhua" not in everything
    assert quote("内部标签") not in everything
    assert hidden.section.slug not in everything
    assert "wei-kan-zuo-zhe" not in everything
    assert quote("公开标签") in everything


def test_news_sitemap_lists_the_last_two_days_with_news_fields(client, db):
    now = timezone.now()
    recent = make_article(
        kicker="引题", headline="今日要闻", published_at=now - datetime.timedelta(hours=3)
    )
    make_article(headline="三天前", published_at=now - datetime.timedelta(days=3))
    make_article(headline="草稿", status=Article.Status.DRAFT)

    root = parse(client, "/news-sitemap.xml")

    urls = root.findall("sm:url", NS)
    assert [url.findtext("sm:loc", namespaces=NS) for url in urls] == [
        SERVER + recent.get_absolute_url()
    ]
    news = urls[0].find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "浙江工人日报"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "zh-cn"
    assert news.findtext("news:title", namespaces=NS) == "今日要闻"
    published = datetime.datetime.fromisoformat(
        news.findtext("news:publication_date", namespaces=NS)
    )
    assert abs(published - recent.published_at) < datetime.timedelta(seconds=1)


def test_sitemaps_run_a_fixed_number_of_queries(client, django_assert_num_queries, regions):
    page, section = make_page(), make_section()
    urls = {"/sitemap.xml": 4, "/news-sitemap.xml": 2}
    urls.update({f"/sitemap-{section}.xml": 2 for section in SECTIONS})
    for count in (2, 13):
        add_articles(page, count, section=section)
        for url, expected in urls.items():
            with django_assert_num_queries(expected):
                assert client.get(url).status_code == 200, url
