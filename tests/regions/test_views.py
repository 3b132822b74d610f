import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from regions.models import Region
from tests.articles.helpers import (
    RENDERED_LIST_QUERIES,
    SEED_HEADLINES,
    add_articles,
    assert_fixed_query_count,
    headlines_in,
)
from tests.conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db


def region_url(slug, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    url = reverse("regions:detail", kwargs={"slug": slug})
    return url + (f"?{query}" if query else "")


def test_city_page_lists_the_published_articles_of_its_districts_and_counties(client, seed):
    response = client.get(region_url("huzhou"))

    assert response.status_code == 200
    assert "<h1>湖州市</h1>" in response.content.decode()
    # 吴兴区 is a district of 湖州市, 长兴县 a county.
    assert headlines_in(response) == [SEED_HEADLINES[0], SEED_HEADLINES[6]]


def test_county_page_lists_only_its_own_articles(client, seed):
    response = client.get(region_url("changxing"))

    assert headlines_in(response) == ["永把“廉”字刻心头"]


def test_province_page_lists_every_article_in_the_province(client, seed):
    response = client.get(region_url("zhejiang"))

    assert headlines_in(response) == SEED_HEADLINES


def test_region_page_links_its_parent_and_its_sub_regions(client, regions):
    for slug in ("wuxing", "changxing"):
        make_article(regions=[Region.objects.get(slug=slug)])

    city = client.get(region_url("huzhou")).content.decode()
    county = client.get(region_url("changxing")).content.decode()

    assert '<a href="/regions/zhejiang/">浙江省</a>' in city
    assert '<a href="/regions/wuxing/">吴兴区</a>' in city
    assert '<a href="/regions/changxing/">长兴县</a>' in city
    assert '<a href="/regions/huzhou/">湖州市</a>' in county
    assert 'aria-label="下辖地区"' not in county


def test_region_without_published_articles_is_404(client, regions):
    make_article(regions=[Region.objects.get(slug="wuyi")], status=Article.Status.DRAFT)

    assert client.get(region_url("wuyi")).status_code == 404


def test_region_whose_first_articles_are_unpublished_has_news_from_a_later_one(client, regions):
    # Each place is asked for its first published article in the order of the articles' ids:
    # drafts and withdrawn articles filed before it must not hide it.
    wuyi = Region.objects.get(slug="wuyi")
    make_article(regions=[wuyi], status=Article.Status.DRAFT)
    make_article(regions=[wuyi], status=Article.Status.WITHDRAWN)
    make_article(regions=[wuyi], headline="后来发布")

    assert set(Region.objects.public().values_list("slug", flat=True)) == {
        "wuyi",
        "jinhua",
        "zhejiang",
    }
    assert headlines_in(client.get(region_url("wuyi"))) == ["后来发布"]


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": Article.Status.DRAFT},
        {
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() + datetime.timedelta(days=1),
        },
    ],
    ids=["draft", "published-in-the-future"],
)
def test_unpublished_article_is_absent_from_region_pages(client, regions, overrides):
    wuxing = Region.objects.get(slug="wuxing")
    make_article(regions=[wuxing], headline="已发布")
    make_article(regions=[wuxing], headline="不该出现", **overrides)

    for slug in ("wuxing", "huzhou", "zhejiang"):
        response = client.get(region_url(slug))
        assert headlines_in(response) == ["已发布"], slug
        assert "不该出现" not in response.content.decode()


def test_region_pages_are_paginated_by_twenty(client, regions):
    page = make_page(issue=make_issue(date=datetime.date(2024, 10, 8)))
    add_articles(page, 21)

    first = client.get(region_url("huzhou"))
    second = client.get(region_url("huzhou", after="2024-10-08.1.20"))

    assert len(headlines_in(first)) == 20
    assert len(headlines_in(second)) == 1
    assert 'href="?after=2024-10-08.1.20" rel="next"' in first.content.decode()
    assert 'href="?before=2024-10-08.1.21" rel="prev"' in second.content.decode()


@pytest.mark.parametrize(
    "url", ["/regions/atlantis/", "/regions/huzhou/?page=abc", "/regions/huzhou/?after=abc"]
)
def test_unknown_region_or_bad_page_is_404(client, regions, url):
    assert client.get(url).status_code == 404


def test_region_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, regions, settings
):
    page = make_page(issue=make_issue(date=datetime.date(2024, 10, 8)))
    changxing = Region.objects.get(slug="changxing")

    # Each article added refreshes it: each request renders it to be stored (prerendered).
    response = assert_fixed_query_count(
        client,
        django_assert_num_queries,
        region_url("huzhou"),
        lambda n: add_articles(page, n, region=changxing),
        expected=RENDERED_LIST_QUERIES,
    )
    assert len(headlines_in(response)) == 15
    # Then it is one read (the page cache off: it would answer).
    cache = "newsroom.pagecache.AnonymousPageCacheMiddleware"
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != cache]
    with django_assert_num_queries(1):
        assert Client().get(region_url("huzhou")).status_code == 200
