"""Reader pages: home, issues, pages, articles, the reporter, section and tag pages, and the
number of queries each runs."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article, Byline, Photo
from tests.articles.helpers import (
    MADE_UP_KEY_LIST_QUERIES,
    RENDERED_ARTICLE_QUERIES,
    RENDERED_LIST_QUERIES,
    SEED_DATE,
    SEED_HEADLINES,
    add_articles,
    assert_fixed_query_count,
    assert_headings_in_order,
    headlines_in,
    list_url,
    seed_article,
    text,
)
from tests.conftest import make_article, make_issue, make_page, make_section
from tests.photos.images import upload

pytestmark = pytest.mark.django_db


# Home, issues and pages


def test_home_shows_the_latest_issue_with_its_topic_banner_and_every_headline_group(client, seed):
    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    page_text = text(response)
    assert "2024年10月8日 第1期" in page_text
    assert "第02版 工会" in page_text
    assert "贯彻落实省委“新春第一会”精神 推动打造高素质劳动者队伍" in page_text
    assert headlines_in(response) == SEED_HEADLINES
    assert "湖州吴兴工会塑造人才培育新生态" in page_text
    assert reverse("articles:page", kwargs={"date": SEED_DATE, "number": 2}) in (
        response.content.decode()
    )


def test_home_shows_the_newest_issue_that_has_published_articles(client):
    older = make_article(issue=make_issue(date=datetime.date(2024, 10, 1)), headline="旧一期稿件")
    make_article(
        issue=make_issue(date=datetime.date(2024, 10, 9)),
        headline="新一期草稿",
        status=Article.Status.DRAFT,
    )

    response = client.get(reverse("articles:home"))

    assert headlines_in(response) == [older.headline]
    assert "2024年10月9日" not in text(response)


def test_home_says_so_when_nothing_is_published(client, db):
    make_article(status=Article.Status.DRAFT)

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert "暂无已出版的报纸" in text(response)


def test_home_has_the_site_frame(client, seed):
    html = client.get(reverse("articles:home")).content.decode()

    assert '<html lang="zh-Hans">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<a class="skip-link" href="#main">跳到正文</a>' in html
    assert '<main id="main"' in html
    assert "浙江工人日报" in html
    for label in ("首页", "往期", "稿件"):
        assert f">{label}</a>" in html


def test_issue_list_shows_issues_newest_first_with_published_article_counts(client):
    first = make_issue(date=datetime.date(2024, 10, 1), number=1)
    second = make_issue(date=datetime.date(2024, 10, 8), number=2)
    make_article(issue=first)
    page = make_page(issue=second)
    make_article(page=page, position=1)
    make_article(page=page, position=2)

    response = client.get(reverse("articles:issue_list"))

    page_text = text(response)
    assert page_text.index("2024年10月8日 第2期 2 篇") < page_text.index("2024年10月1日 第1期 1 篇")


def test_issue_page_lists_its_pages_with_counts_and_headline_groups(client, seed):
    response = client.get(reverse("articles:issue", kwargs={"date": SEED_DATE}))

    assert response.status_code == 200
    page_text = text(response)
    assert "第02版 工会 7 篇" in page_text
    assert "推动打造高素质劳动者队伍" in page_text
    assert headlines_in(response) == SEED_HEADLINES


def test_issue_page_lists_pages_in_number_order(client):
    issue = make_issue()
    make_article(page=make_page(issue=issue, number=3, name="文体"), headline="三版稿件")
    make_article(page=make_page(issue=issue, number=1, name="要闻"), headline="一版稿件")

    response = client.get(reverse("articles:issue", kwargs={"date": issue.date}))

    assert headlines_in(response) == ["一版稿件", "三版稿件"]
    assert text(response).index("第01版 要闻") < text(response).index("第03版 文体")


def test_page_lists_its_articles_in_position_order_with_bylines(client, seed):
    response = client.get(reverse("articles:page", kwargs={"date": SEED_DATE, "number": 2}))

    assert response.status_code == 200
    assert headlines_in(response) == SEED_HEADLINES
    page_text = text(response)
    assert "<h1>第02版 工会</h1>" in response.content.decode()
    assert "记者 寿慧桢 通讯员 徐婧" in page_text
    assert "贯彻落实省委“新春第一会”精神" in page_text


def test_page_links_previous_and_next_pages_of_the_same_issue(client):
    issue = make_issue()
    pages = [make_page(issue=issue, number=n, name=f"第{n}版名") for n in (1, 2, 3)]
    for page in pages:
        make_article(page=page)
    make_article(page=make_page(number=2))  # same number in another issue: never a neighbour

    response = client.get(pages[1].get_absolute_url())

    html = response.content.decode()
    assert f'<a href="{pages[0].get_absolute_url()}" rel="prev">上一版：第01版 第1版名</a>' in html
    assert f'<a href="{pages[2].get_absolute_url()}" rel="next">下一版：第03版 第3版名</a>' in html


def test_first_and_last_pages_have_one_neighbour_each(client):
    issue = make_issue()
    first, last = make_page(issue=issue, number=1), make_page(issue=issue, number=2)
    make_article(page=first)
    make_article(page=last)

    first_html = client.get(first.get_absolute_url()).content.decode()
    last_html = client.get(last.get_absolute_url()).content.decode()

    assert 'rel="prev"' not in first_html and 'rel="next"' in first_html
    assert 'rel="prev"' in last_html and 'rel="next"' not in last_html


# The article page


def test_article_shows_kicker_above_the_headline_and_subheadline_below(client):
    article = make_article(
        kicker="第十届职工技能大赛开幕",
        headline="千名工匠同台竞技",
        subheadline="湖州吴兴工会塑造人才培育新生态",
    )

    html = client.get(article.get_absolute_url()).content.decode()

    kicker = html.index('<p class="kicker">第十届职工技能大赛开幕</p>')
    headline = html.index('<h1 class="headline">千名工匠同台竞技</h1>')
    subheadline = html.index('<p class="subheadline">湖州吴兴工会塑造人才培育新生态</p>')
    assert kicker < headline < subheadline
    assert html.count("<h1") == 1


def test_article_shows_dateline_and_bylines_grouped_by_role(client, seed):
    page_text = text(client.get(seed_article(4).get_absolute_url()))

    assert "本报讯 记者 李凡 通讯员 金儒彪、吴倩" in page_text


def test_article_byline_names_link_to_their_reporter_pages(client, seed):
    html = client.get(seed_article(7).get_absolute_url()).content.decode()

    assert '<a href="/reporters/shou-hui-zhen/">寿慧桢</a>' in html
    assert '<a href="/reporters/xu-jing/">徐婧</a>' in html


def test_article_credits_an_organisation_without_a_link(client):
    article = make_article(dateline="本报讯")
    Byline.objects.create(article=article, organisation="武义县总工会", role="通讯员")

    page_text = text(client.get(article.get_absolute_url()))

    assert "本报讯 通讯员 武义县总工会" in page_text


def test_article_body_has_crossheads_as_h2_and_paragraphs_as_p(client, seed):
    article = seed_article(1)

    html = client.get(article.get_absolute_url()).content.decode()

    crossheads = re.findall(r"<h2>([^<]+)</h2>", html)
    assert crossheads == article.crossheads
    assert len(crossheads) == 3
    for paragraph in article.paragraphs:
        assert f"<p>{paragraph}</p>" in html


def test_article_shows_photo_captions_with_credits(client, seed):
    captioned = text(client.get(seed_article(6).get_absolute_url()))
    credited = text(client.get(seed_article(2).get_absolute_url()))

    assert "独轮车支前项目比赛场景。" in captioned
    assert "通讯员 杨磊 摄" in credited


def test_article_shows_the_photo_image_when_there_is_one(client, media_dirs):
    article = make_article()
    photo = Photo.objects.create(
        article=article, caption="比赛现场。", alt="选手在比赛", image=upload()
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert f'<img src="{photo.picture.src}"' in html
    assert 'alt="选手在比赛"' in html
    assert "<figcaption>比赛现场。" in html


def test_article_links_its_tags_regions_section_issue_and_page(client, seed):
    article = seed_article(4)

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<a href="/tags/%E6%99%AE%E6%B3%95/">普法</a>' in html
    assert '<a href="/regions/zhenhai/">镇海区</a>' in html
    assert '<a href="/sections/farungongxin/">法润工心</a>' in html
    assert '<a href="/issues/2024-10-08/">2024年10月8日 第1期</a>' in html
    assert '<a href="/issues/2024-10-08/2/">第02版 工会</a>' in html


def test_article_links_the_previous_and_next_article_of_its_page(client, seed):
    html = client.get(seed_article(4).get_absolute_url()).content.decode()

    previous, following = seed_article(3), seed_article(5)
    assert (
        f'<a href="{previous.get_absolute_url()}" rel="prev">上一篇：{previous.headline}</a>'
        in (html)
    )
    assert (
        f'<a href="{following.get_absolute_url()}" rel="next">下一篇：{following.headline}</a>'
        in (html)
    )


def test_first_and_last_articles_of_a_page_have_one_neighbour_each(client, seed):
    first = client.get(seed_article(1).get_absolute_url()).content.decode()
    last = client.get(seed_article(7).get_absolute_url()).content.decode()

    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_neighbours_come_from_the_same_page_only(client):
    article = make_article()
    make_article(page=make_page(issue=article.issue, number=2))  # the next page, same issue

    html = client.get(article.get_absolute_url()).content.decode()

    assert 'rel="prev"' not in html and 'rel="next"' not in html


def test_the_site_name_is_not_a_heading_and_the_headline_is_the_only_h1(client, seed):
    html = client.get(seed_article(1).get_absolute_url()).content.decode()

    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == ["全域式创新 领头雁带动 一贯制孵化"]
    assert '<p class="site-name">' in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/issues/",
        "/issues/2024-10-08/",
        "/issues/2024-10-08/2/",
        "/articles/",
        "/sections/farungongxin/",
        "/reporters/shou-hui-zhen/",
        "/tags/技能人才/",
        "/regions/huzhou/",
    ],
)
def test_every_page_has_one_h1_headings_in_order_and_no_outside_requests(client, seed, url):
    html = client.get(url).content.decode()

    assert_headings_in_order(html)
    # Absolute addresses (the canonical URL) name this site only.
    for address in re.findall(r'(?:src|href)="((?:https?:)?//[^"]*)"', html):
        assert urlsplit(address).netloc == "testserver", address


def test_every_seed_article_page_has_headings_in_order(client, seed):
    for article in Article.objects.all():
        html = client.get(article.get_absolute_url()).content.decode()
        assert_headings_in_order(html)


# Reporter, section and tag pages


def test_reporter_page_lists_their_published_articles(client, seed):
    response = client.get(reverse("articles:reporter", kwargs={"slug": "shou-hui-zhen"}))

    assert response.status_code == 200
    assert "<h1>寿慧桢</h1>" in response.content.decode()
    assert headlines_in(response) == [SEED_HEADLINES[0], SEED_HEADLINES[6]]


def test_section_page_lists_its_published_articles(client, seed):
    response = client.get(reverse("articles:section", kwargs={"slug": "farungongxin"}))

    assert "栏目：法润工心" in text(response)
    assert headlines_in(response) == ["引领职工学法知法护法"]


def test_tag_page_lists_its_published_articles_at_its_chinese_url(client, seed):
    response = client.get("/tags/技能人才/")

    assert "标签：技能人才" in text(response)
    assert headlines_in(response) == SEED_HEADLINES[:3]


@pytest.mark.parametrize(
    "url",
    [
        "/reporters/no-one/",
        "/sections/no-such-section/",
        "/tags/没有这个标签/",
        "/regions/atlantis/",
        "/issues/2030-01-01/",
        "/issues/2024-13-45/",
        "/issues/2024-02-30/",
        "/issues/2024-10-08/9/",
        "/issues/2024-10-08/0/",
        "/articles/999999/",
    ],
)
def test_unknown_slug_date_page_or_article_is_404(client, seed, url):
    assert client.get(url).status_code == 404


# Query counts: fixed whatever the number of articles


@pytest.fixture
def news_page(regions):
    return make_page(issue=make_issue(date=datetime.date(2024, 10, 8)), number=2, name="工会")


def test_home_runs_a_fixed_number_of_queries(client, django_assert_num_queries, news_page):
    response = assert_fixed_query_count(
        client,
        django_assert_num_queries,
        reverse("articles:home"),
        lambda n: add_articles(news_page, n),
        expected=3,
    )
    assert len(headlines_in(response)) == 15


def test_issue_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries, regions):
    def add_issues(n):
        for _ in range(n):
            add_articles(make_page(), 1)

    response = assert_fixed_query_count(
        client, django_assert_num_queries, reverse("articles:issue_list"), add_issues, expected=2
    )
    assert response.content.decode().count("1 篇") == 15


def test_issue_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, news_page):
    def add(n):
        # Articles on a growing number of pages too: two new pages each time.
        add_articles(news_page, n)
        for _ in range(2):
            number = news_page.issue.pages.count() + 2
            add_articles(make_page(issue=news_page.issue, number=number), 1)

    response = assert_fixed_query_count(
        client,
        django_assert_num_queries,
        news_page.issue.get_absolute_url(),
        add,
        expected=3,
    )
    assert len(headlines_in(response)) == 19


def test_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, news_page):
    def add(n):
        add_articles(news_page, n)
        number = news_page.issue.pages.count() + 2
        add_articles(make_page(issue=news_page.issue, number=number), 1)

    response = assert_fixed_query_count(
        client, django_assert_num_queries, news_page.get_absolute_url(), add, expected=5
    )
    assert len(headlines_in(response)) == 15


def test_article_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page, settings
):
    add_articles(news_page, 1)
    article = news_page.articles.get()

    # Each article added to its page refreshes it (上一篇/下一篇): each request renders it.
    assert_fixed_query_count(
        client,
        django_assert_num_queries,
        article.get_absolute_url(),
        lambda n: add_articles(news_page, n),
        expected=RENDERED_ARTICLE_QUERIES,
    )
    # Then it is one read, however much the page shows (the page cache off: it would answer).
    cache = "newsroom.pagecache.AnonymousPageCacheMiddleware"
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != cache]
    with django_assert_num_queries(1):
        assert Client().get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "params, expected",
    [
        # The drop-downs' options in one query, then the count, the page, and three prefetches;
        # unfiltered, each request renders it to be stored (each article added refreshes it).
        ({}, RENDERED_LIST_QUERIES),
        # A page found by a key costs what the first does; these keys are made up (pages 1 and
        # 3 hold no article), so the page is not stored (tests/prerendered: a real key is).
        ({"after": "2024-10-08.1.1"}, MADE_UP_KEY_LIST_QUERIES),
        ({"before": "2024-10-08.3.1"}, MADE_UP_KEY_LIST_QUERIES),
        # Filter values are checked against those options: no query of their own.
        (
            {
                "section": "farungongxin",
                "region": "huzhou",
                "reporter": "shou-hui-zhen",
                "tag": "劳模",
                "date_from": "2024-10-01",
                "date_to": "2024-10-31",
                "q": "正文",
            },
            6,
        ),
    ],
)
def test_article_list_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page, params, expected, settings
):
    section = make_section()
    response = assert_fixed_query_count(
        client,
        django_assert_num_queries,
        list_url(**params),
        lambda n: add_articles(news_page, n, section=section),
        expected=expected,
    )
    assert len(headlines_in(response)) == 15
    # Stored, the list is one read; by a made-up key or filtered, it is rendered live again.
    again = 1 if not params else expected
    assert_read_again(settings, django_assert_num_queries, list_url(**params), again)


def assert_read_again(settings, django_assert_num_queries, url, expected):
    """The next reader's request (the page cache off: it would answer) runs `expected` queries:
    one when the list was stored."""
    cache = "newsroom.pagecache.AnonymousPageCacheMiddleware"
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != cache]
    with django_assert_num_queries(expected):
        assert Client().get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/sections/farungongxin/",
        "/reporters/yang-lei/",
        "/tags/劳模/",
        "/tags/劳模/?after=2024-10-08.1.1",  # a made-up key: rendered live each time
    ],
)
def test_reporter_section_and_tag_pages_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page, url, settings
):
    section = make_section()
    made_up = "?after=" in url
    response = assert_fixed_query_count(
        client,
        django_assert_num_queries,
        url,
        lambda n: add_articles(news_page, n, section=section),
        expected=MADE_UP_KEY_LIST_QUERIES if made_up else RENDERED_LIST_QUERIES,
    )
    assert len(headlines_in(response)) == 15
    assert_read_again(
        settings, django_assert_num_queries, url, MADE_UP_KEY_LIST_QUERIES if made_up else 1
    )
