import datetime
import itertools
import re
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import pagination
from articles.models import Article, Byline, Photo, Reporter
from regions.models import Region
from tests.conftest import make_article, make_issue, make_page, make_section

pytestmark = pytest.mark.django_db

SEED_DATE = datetime.date(2024, 10, 8)
SEED_HEADLINES = [
    "全域式创新 领头雁带动 一贯制孵化",
    "技能引领新“食”尚",
    "立足小窗口 赛出新水平",
    "引领职工学法知法护法",
    "“劳动专列” 主题公交车上路",
    "沉浸式感悟红色精神",
    "永把“廉”字刻心头",
]


# Helpers


def text(response):
    """The page's text as a reader sees it: blocks apart, inline tags dropped, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"</?(?:p|h[1-6]|li|ul|dl|dt|dd|div|nav|figcaption)\b[^>]*>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def headlines_in(response):
    """The article headlines a page links to, in order."""
    html = response.content.decode()
    return re.findall(r'class="headline"><a href="/articles/\d+/">([^<]+)</a>', html)


def assert_headings_in_order(html):
    """One h1 first, and no level skipped on the way down (h1 → h3 would skip h2)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(after - before <= 1 for before, after in itertools.pairwise(levels)), levels


def seed_article(position):
    return Article.objects.get_by_natural_key(SEED_DATE.isoformat(), 2, position)


def list_url(**params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("articles:article_list") + (f"?{query}" if query else "")


def past():
    return timezone.now() - datetime.timedelta(hours=1)


def future():
    return timezone.now() + datetime.timedelta(days=1)


# Every way an article can be out of readers' sight.
HIDDEN = {
    "draft": lambda: {"status": Article.Status.DRAFT},
    "submitted": lambda: {"status": Article.Status.SUBMITTED},
    "withdrawn": lambda: {"status": Article.Status.WITHDRAWN, "published_at": past()},
    "published-in-the-future": lambda: {
        "status": Article.Status.PUBLISHED,
        "published_at": future(),
    },
    "scheduled-for-tomorrow": lambda: {
        "status": Article.Status.SCHEDULED,
        "published_at": future(),
    },
}


def add_articles(page, count, section=None, region=None, photo_by=None):
    """Add `count` published articles at the end of `page`, each with everything lists show.

    Bylines in two roles, a region, two tags and a credited photo: enough that any per-article
    query in a view or template shows up as a growing query count.
    """
    start = page.articles.count() + 1
    for position in range(start, start + count):
        article = make_article(
            page=page,
            position=position,
            section=section,
            reporters=[("寿慧桢", "记者"), ("徐婧", "通讯员"), ("吴倩", "通讯员")],
            regions=[region or Region.objects.get(code="330502")],
            tags=["劳模", "工匠"],
        )
        photo = Photo.objects.create(article=article, caption="比赛现场。")
        reporter, _ = Reporter.objects.get_or_create(name=photo_by or "杨磊")
        Byline.objects.create(
            article=article, photo=photo, reporter=reporter, role="通讯员", position=9
        )


def assert_fixed_query_count(client, django_assert_num_queries, url, add, expected):
    """The view at `url` runs exactly `expected` queries with 2 articles, and again with 15.

    `add(n)` adds n articles the view shows. Returns the response with 15 articles.
    """
    add(2)
    with django_assert_num_queries(expected):
        small = client.get(url)
    add(13)
    with django_assert_num_queries(expected):
        large = client.get(url)
    assert small.status_code == large.status_code == 200
    return large


# Home, issues and pages


def test_home_shows_the_latest_issue_with_its_topic_banner_and_every_headline_group(client, seed):
    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    page_text = text(response)
    assert "2024年10月08日 第1期" in page_text
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
    assert "2024年10月09日" not in text(response)


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


def test_article_shows_the_photo_image_when_there_is_one(client):
    article = make_article()
    Photo.objects.create(article=article, caption="比赛现场。", image="photos/2024/10/match.jpg")

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<img src="/media/photos/2024/10/match.jpg" alt="比赛现场。">' in html
    assert "<figcaption>比赛现场。" in html


def test_article_links_its_tags_regions_section_issue_and_page(client, seed):
    article = seed_article(4)

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<a href="/tags/%E6%99%AE%E6%B3%95/">普法</a>' in html
    assert '<a href="/regions/zhenhai/">镇海区</a>' in html
    assert '<a href="/sections/farungongxin/">法润工心</a>' in html
    assert '<a href="/issues/2024-10-08/">2024年10月08日 第1期</a>' in html
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


# The article list and its filters


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


def link(response, rel):
    """The query of the page's rel="next" or rel="prev" link, as a dict of lists; None if none."""
    found = re.search(rf'href="([^"]*)" rel="{rel}"', response.content.decode())
    return parse_qs(urlsplit(unescape(found.group(1))).query) if found else None


def follow(client, response, rel):
    return client.get(reverse("articles:article_list") + "?" + urlencode(link(response, rel), True))


def test_filters_are_kept_in_pagination_links(client, db):
    section = make_section()
    page = make_page()
    for position in range(1, 23):
        make_article(page=page, position=position, section=section)
    make_article()  # outside the section

    first = client.get(list_url(section=section.slug))
    second = follow(client, first, "next")
    back = follow(client, second, "prev")

    assert len(headlines_in(first)) == 20
    assert len(headlines_in(second)) == 2
    assert headlines_in(back) == headlines_in(first)
    assert link(first, "next") == {"section": [section.slug], "after": [f"{page.issue.date}.1.20"]}
    assert link(second, "prev") == {
        "section": [section.slug],
        "before": [f"{page.issue.date}.1.21"],
    }
    assert "共 22 篇" in text(first) and "共 22 篇" in text(second)
    assert link(first, "prev") is None and link(second, "next") is None


def test_following_next_and_then_prev_links_lists_every_article_once_in_print_order(client, db):
    expected = []
    for day in (3, 2, 1):  # newest issue first
        issue = make_issue(date=datetime.date(2024, 10, day))
        for number in (1, 2):
            page = make_page(issue=issue, number=number)
            for position in range(1, 9):
                expected.append(make_article(page=page, position=position).headline)
    make_article(page=page, position=9, status=Article.Status.DRAFT)

    pages = [client.get(list_url())]
    while link(pages[-1], "next"):
        pages.append(follow(client, pages[-1], "next"))
    backwards = [pages[-1]]
    while link(backwards[-1], "prev"):
        backwards.append(follow(client, backwards[-1], "prev"))

    assert [len(headlines_in(page)) for page in pages] == [20, 20, 8]
    assert [h for page in pages for h in headlines_in(page)] == expected
    assert [headlines_in(page) for page in backwards] == [
        headlines_in(page) for page in pages[::-1]
    ]


def test_a_page_found_by_its_key_is_not_shifted_by_newly_published_articles(client, db):
    old_page = make_page(issue=make_issue(date=datetime.date(2024, 10, 1)))
    for position in range(1, 26):
        make_article(page=old_page, position=position)
    second = link(client.get(list_url()), "next")

    make_article(issue=make_issue(date=datetime.date(2024, 10, 2)), headline="新一期")
    later = client.get(list_url(**{key: value[0] for key, value in second.items()}))

    assert len(headlines_in(later)) == 5
    assert "新一期" not in headlines_in(later)


@pytest.mark.parametrize(
    "query",
    [
        "after=abc",
        "after=2024-13-45.1.1",
        "after=2024-10-08.1",
        "after=2024-10-08.1.99999",
        "before=2024-10-08.x.1",
        "after=",
        "after=2024-10-08.1.1&before=2024-10-08.1.3",
        "after=2024-10-08.1.1&page=2",
        "page=51",
    ],
)
def test_a_bad_or_conflicting_page_key_is_404(client, seed, query):
    for url in [
        reverse("articles:article_list"),
        reverse("articles:reporter", kwargs={"slug": "shou-hui-zhen"}),
        reverse("articles:tag", kwargs={"slug": "技能人才"}),
        reverse("regions:detail", kwargs={"slug": "huzhou"}),
    ]:
        assert client.get(f"{url}?{query}").status_code == 404, url


def test_a_key_past_either_end_of_the_list_gives_an_empty_page(client, seed):
    for key in ["after=1900-01-01.1.1", "before=2999-01-01.1.1"]:
        response = client.get(f"{list_url()}?{key}")

        assert response.status_code == 200
        assert headlines_in(response) == []
        assert "暂无稿件" in text(response)


def test_numbered_pages_still_open_for_old_links(client, db):
    page = make_page()
    for position in range(1, 23):
        make_article(page=page, position=position)

    second = client.get(list_url(page=2))

    assert len(headlines_in(second)) == 2
    assert "第 2 页" in text(second)
    assert link(second, "prev") == {"before": [f"{page.issue.date}.1.21"]}


def test_a_long_list_counts_up_to_a_bound(client, db, monkeypatch):
    monkeypatch.setattr(pagination, "MAX_COUNTED", 3)
    section = make_section()
    page = make_page()
    for position in range(1, 5):
        make_article(page=page, position=position, section=section if position < 4 else None)

    assert "超过 3 篇" in text(client.get(list_url()))
    assert "共 3 篇" in text(client.get(list_url(section=section.slug)))


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "1.5"])
def test_bad_page_number_is_404(client, seed, page):
    for url in [
        list_url(page=page),
        list_url(section="farungongxin", page=page),
        reverse("articles:issue_list") + f"?page={page}",
        reverse("articles:reporter", kwargs={"slug": "shou-hui-zhen"}) + f"?page={page}",
        reverse("articles:section", kwargs={"slug": "farungongxin"}) + f"?page={page}",
        reverse("articles:tag", kwargs={"slug": "技能人才"}) + f"?page={page}",
        reverse("regions:detail", kwargs={"slug": "huzhou"}) + f"?page={page}",
    ]:
        assert client.get(url).status_code == 404, url


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


# Only published articles are public


@pytest.mark.parametrize("state", [state for state in HIDDEN if state != "withdrawn"])
def test_unpublished_article_is_404_by_its_url(client, db, state):
    article = make_article(**HIDDEN[state]())

    assert client.get(article.get_absolute_url()).status_code == 404


def test_scheduled_article_appears_once_its_time_has_come(client, db):
    article = make_article(status=Article.Status.SCHEDULED, published_at=future())
    assert client.get(article.get_absolute_url()).status_code == 404

    Article.objects.filter(pk=article.pk).update(published_at=past())

    assert client.get(article.get_absolute_url()).status_code == 200
    assert headlines_in(client.get(reverse("articles:home"))) == [article.headline]


@pytest.mark.parametrize("state", HIDDEN)
def test_unpublished_article_is_absent_from_every_list_count_and_link(client, regions, state):
    section = make_section()
    region = Region.objects.get(slug="wuxing")
    shared = {"section": section, "regions": [region], "tags": ["劳模"]}
    reporters = [("寿慧桢", "记者")]
    page = make_page()
    before = make_article(page=page, position=1, headline="前一篇", reporters=reporters, **shared)
    hidden = make_article(
        page=page, position=2, headline="不该出现", reporters=reporters, **shared, **HIDDEN[state]()
    )
    after = make_article(page=page, position=3, headline="后一篇", reporters=reporters, **shared)
    issue = page.issue

    urls = [
        reverse("articles:home"),
        reverse("articles:issue_list"),
        issue.get_absolute_url(),
        page.get_absolute_url(),
        before.get_absolute_url(),
        list_url(),
        list_url(section=section.slug, region="huzhou", reporter="shou-hui-zhen", tag="劳模"),
        section.get_absolute_url(),
        Reporter.objects.get(name="寿慧桢").get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": "劳模"}),
        region.get_absolute_url(),
        region.parent.get_absolute_url(),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "不该出现" not in response.content.decode(), url
        assert hidden.get_absolute_url() not in response.content.decode(), url

    assert "第01版 要闻 2 篇" in text(client.get(issue.get_absolute_url()))
    assert "2 篇" in text(client.get(reverse("articles:issue_list")))
    assert "共 2 篇" in text(client.get(list_url()))
    next_link = f'<a href="{after.get_absolute_url()}" rel="next">下一篇：后一篇</a>'
    assert next_link in client.get(before.get_absolute_url()).content.decode()


def test_issue_with_only_unpublished_articles_is_404_and_not_listed(client, db):
    published = make_article(issue=make_issue(date=datetime.date(2024, 10, 1)))
    hidden = make_article(
        issue=make_issue(date=datetime.date(2024, 10, 8)), status=Article.Status.DRAFT
    )

    assert client.get(hidden.issue.get_absolute_url()).status_code == 404
    assert client.get(hidden.page.get_absolute_url()).status_code == 404
    html = client.get(reverse("articles:issue_list")).content.decode()
    assert published.issue.get_absolute_url() in html
    assert hidden.issue.get_absolute_url() not in html


def test_page_with_only_unpublished_articles_is_404_and_skipped_by_neighbours(client, db):
    issue = make_issue()
    first, hidden, third = (make_page(issue=issue, number=n) for n in (1, 2, 3))
    make_article(page=first)
    make_article(page=hidden, status=Article.Status.DRAFT)
    make_article(page=third)

    assert client.get(hidden.get_absolute_url()).status_code == 404
    first_html = client.get(first.get_absolute_url()).content.decode()
    assert f'<a href="{third.get_absolute_url()}" rel="next">' in first_html
    assert hidden.get_absolute_url() not in first_html
    assert hidden.get_absolute_url() not in client.get(issue.get_absolute_url()).content.decode()


def test_tag_used_only_by_unpublished_articles_is_404_and_not_offered(client, db):
    make_article(tags=["公开标签"])
    make_article(tags=["内部标签"], status=Article.Status.DRAFT)

    assert client.get("/tags/内部标签/").status_code == 404
    html = client.get(list_url()).content.decode()
    assert "公开标签" in html
    assert "内部标签" not in html
    assert 'class="errorlist"' in client.get(list_url(tag="内部标签")).content.decode()


def test_reporter_credited_only_on_unpublished_articles_is_not_offered(client, db):
    make_article(reporters=[("公开作者", "记者")])
    make_article(reporters=[("未刊作者", "记者")], status=Article.Status.DRAFT)

    html = client.get(list_url()).content.decode()

    assert "公开作者" in html
    assert "未刊作者" not in html


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


def test_article_runs_a_fixed_number_of_queries(client, django_assert_num_queries, news_page):
    add_articles(news_page, 1)
    article = news_page.articles.get()

    assert_fixed_query_count(
        client,
        django_assert_num_queries,
        article.get_absolute_url(),
        lambda n: add_articles(news_page, n),
        expected=6,
    )


@pytest.mark.parametrize(
    "params, expected",
    [
        # The drop-downs' options in one query, then the count, the page, and three prefetches.
        ({}, 6),
        # A page found by its key (上一页/下一页) costs what the first does.
        ({"after": "2024-10-08.1.1"}, 6),
        ({"before": "2024-10-08.3.1"}, 6),
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
    client, django_assert_num_queries, news_page, params, expected
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


@pytest.mark.parametrize(
    "url",
    [
        "/sections/farungongxin/",
        "/reporters/yang-lei/",
        "/tags/劳模/",
        "/tags/劳模/?after=2024-10-08.1.1",
    ],
)
def test_reporter_section_and_tag_pages_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page, url
):
    section = make_section()
    response = assert_fixed_query_count(
        client,
        django_assert_num_queries,
        url,
        lambda n: add_articles(news_page, n, section=section),
        expected=6,
    )
    assert len(headlines_in(response)) == 15
