"""The article list and its filters: sections, regions, reporters, tags, dates and words."""

import datetime

import pytest

from regions.models import Region
from tests.articles.helpers import (
    SEED_HEADLINES,
    headlines_in,
    list_url,
    text,
)
from tests.conftest import make_article, make_issue, make_page, make_section

pytestmark = pytest.mark.django_db


def test_article_list_shows_every_published_article_newest_issue_first(client, seed):
    newer = make_article(issue=make_issue(date=datetime.date(2024, 10, 9)), headline="次日稿件")

    response = client.get(list_url())

    assert headlines_in(response) == [newer.headline, *SEED_HEADLINES]
    assert "共 8 篇" in text(response)


def test_article_list_items_show_date_byline_and_regions(client, seed):
    html = client.get(list_url(section="farungongxin")).content.decode()

    assert '<time datetime="2024-10-08">2024年10月8日</time>' in html
    assert "通讯员 " in html and ">金儒彪</a>、<a" in html
    assert '<a class="region" href="/regions/zhenhai/">镇海区</a>' in html


def test_article_list_filters_by_section(client, seed):
    response = client.get(list_url(section="gonghuixiaolingtong"))

    assert headlines_in(response) == ["永把“廉”字刻心头"]


@pytest.mark.parametrize("region", ["huzhou", "330500"])
def test_article_list_filter_by_city_includes_its_districts_and_counties(client, seed, region):
    response = client.get(list_url(region=region))

    # 吴兴区 (a district) and 长兴县 (a county) are both in 湖州市.
    assert headlines_in(response) == [SEED_HEADLINES[0], SEED_HEADLINES[6]]


def test_article_list_filter_by_county_is_that_county_only(client, seed):
    response = client.get(list_url(region="changxing"))

    assert headlines_in(response) == ["永把“廉”字刻心头"]


def test_article_list_filter_by_province_includes_everything_under_it(client, seed):
    response = client.get(list_url(region="zhejiang"))

    assert headlines_in(response) == SEED_HEADLINES


def test_article_in_two_districts_of_one_city_is_listed_once(client, regions):
    make_article(regions=list(Region.objects.filter(code__in=["330502", "330522"])))

    response = client.get(list_url(region="huzhou"))

    assert len(headlines_in(response)) == 1
    assert "共 1 篇" in text(response)


def test_article_list_filters_by_reporter(client, seed):
    response = client.get(list_url(reporter="shou-hui-zhen"))

    assert headlines_in(response) == [SEED_HEADLINES[0], SEED_HEADLINES[6]]


def test_reporter_filter_includes_photo_credits(client, seed):
    response = client.get(list_url(reporter="yang-lei"))

    assert headlines_in(response) == ["技能引领新“食”尚"]


def test_article_list_filters_by_tag(client, seed):
    response = client.get(list_url(tag="技能竞赛"))

    assert headlines_in(response) == [SEED_HEADLINES[1], SEED_HEADLINES[2]]


def test_article_list_filters_by_issue(client, seed):
    make_article(issue=make_issue(date=datetime.date(2024, 10, 9)), headline="次日稿件")

    response = client.get(list_url(issue="2024-10-09"))

    assert headlines_in(response) == ["次日稿件"]


def test_article_list_filters_by_issue_date_range(client, db):
    for day, headline in [(1, "一日"), (8, "八日"), (15, "十五日")]:
        make_article(issue=make_issue(date=datetime.date(2024, 10, day)), headline=headline)

    both_ends = client.get(list_url(date_from="2024-10-05", date_to="2024-10-10"))
    from_only = client.get(list_url(date_from="2024-10-08"))
    to_only = client.get(list_url(date_to="2024-10-08"))

    assert headlines_in(both_ends) == ["八日"]
    assert headlines_in(from_only) == ["十五日", "八日"]
    assert headlines_in(to_only) == ["八日", "一日"]


def test_article_list_combines_filters(client, regions):
    section = make_section()
    wuxing, gongshu = Region.objects.get(slug="wuxing"), Region.objects.get(slug="gongshu")
    october = make_page(issue=make_issue(date=datetime.date(2024, 10, 8)))
    for position, overrides in enumerate(
        [
            {"section": section, "regions": [wuxing], "headline": "都符合"},
            {"section": section, "regions": [gongshu], "headline": "地区不符"},
            {"regions": [wuxing], "headline": "栏目不符"},
        ],
        start=1,
    ):
        make_article(page=october, position=position, tags=["劳模"], **overrides)
    make_article(
        issue=make_issue(date=datetime.date(2024, 11, 8)),
        section=section,
        regions=[wuxing],
        tags=["劳模"],
        headline="日期不符",
    )

    response = client.get(
        list_url(section=section.slug, region="huzhou", tag="劳模", date_to="2024-10-31")
    )

    assert headlines_in(response) == ["都符合"]


@pytest.mark.parametrize(
    "params",
    [
        {"section": "no-such-section"},
        {"region": "no-such-place"},
        {"region": "999999"},
        {"reporter": "no-one"},
        {"tag": "没有这个标签"},
        {"issue": "2024-13-45"},
        {"date_from": "yesterday"},
        {"date_to": "2024-02-30"},
    ],
)
def test_bad_filter_value_gives_an_empty_list_and_the_error(client, seed, params):
    response = client.get(list_url(**params))

    assert response.status_code == 200
    assert headlines_in(response) == []
    assert 'class="errorlist"' in response.content.decode()
    assert "暂无稿件" in text(response)
