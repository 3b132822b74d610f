"""The reader's paper: search, the calendar and neighbours, related articles, sharing tags,
JSON-LD, error pages, preview and corrections."""

import datetime
import json
import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from articles.filters import MAX_QUERY_LENGTH
from articles.models import Article, Byline, Reporter, querysets
from newsroom import views
from regions.models import Region
from tests.articles import helpers
from tests.conftest import make_article, make_issue, make_page, make_section
from tests.photos.images import upload

pytestmark = pytest.mark.django_db


def search_url(query, **params):
    return (
        reverse("articles:search")
        + "?"
        + "&".join([f"q={query}"] + [f"{k}={v}" for k, v in params.items()])
    )


def json_ld(response):
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(found.group(1))


def meta(html, attribute, name):
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return unescape(found.group(1)) if found else None


# Search


def test_search_lists_headline_matches_first_then_the_newest(client, seed):
    response = client.get(search_url("技能竞赛"))

    assert response.status_code == 200
    # 3 has the words in its headline group; 1 and 2 only in the text, 1 first in print order.
    assert helpers.headlines_in(response) == [
        helpers.SEED_HEADLINES[2],
        helpers.SEED_HEADLINES[0],
        helpers.SEED_HEADLINES[1],
    ]
    assert "找到 3 篇稿件" in helpers.text(response)


def test_search_result_shows_headline_group_date_and_highlighted_snippet(client, seed):
    html = client.get(search_url("劳模")).content.decode()

    assert helpers.headlines_in(client.get(search_url("劳模"))) == [
        helpers.SEED_HEADLINES[0],
        helpers.SEED_HEADLINES[4],
    ]
    assert '<p class="subheadline">湖州吴兴工会塑造人才培育新生态</p>' in html
    assert '<time datetime="2024-10-08">2024年10月8日</time>' in html
    assert "<mark>劳模</mark>" in html


def test_search_marks_the_words_in_headlines_too_escaped(client, db):
    make_article(kicker="<i>致敬</i>", headline="劳模风采 & 工匠", subheadline="记劳模")

    html = client.get(search_url("劳模")).content.decode()

    assert '<a href="/articles/' in html
    assert "<mark>劳模</mark>风采 &amp; 工匠</a>" in html
    assert '<p class="subheadline">记<mark>劳模</mark></p>' in html
    assert '<p class="kicker">&lt;i&gt;致敬&lt;/i&gt;</p>' in html


def test_search_past_the_cap_says_more_than(client, db, monkeypatch):
    from articles.search import SearchResults

    monkeypatch.setattr(SearchResults, "MAX_COUNTED", 3)
    page = make_page()
    for position in range(1, 5):
        make_article(page=page, position=position, headline=f"劳模{position}")
    assert "找到超过 3 篇稿件" in client.get(search_url("劳模")).content.decode()
    page.articles.filter(position=4).delete()
    # Exactly as many as the cap: an exact count, not "more than".
    assert "找到 3 篇稿件" in client.get(search_url("劳模")).content.decode()


def test_search_snippet_escapes_the_article_text(client, db):
    make_article(body="<b>劳模</b>风采 & 工匠精神")

    html = client.get(search_url("劳模")).content.decode()

    assert "&lt;b&gt;<mark>劳模</mark>&lt;/b&gt;风采 &amp; 工匠精神" in html


def test_search_results_show_text_credits_by_role_and_leave_photo_credits_out(client, seed):
    first, second = helpers.seed_article(1), helpers.seed_article(2)
    Byline.objects.create(article=first, organisation="吴兴区总工会", role="通讯员", position=20)
    second.bylines.filter(photo__isnull=True).delete()

    html = client.get(search_url("全域式创新")).content.decode().replace("\n", "")
    photo_credited = client.get(search_url("技能引领")).content.decode()

    assert (
        '<span class="byline"><span class="credit">记者 <a href="/reporters/shou-hui-zhen/">'
        '寿慧桢</a></span> <span class="credit">通讯员 吴兴区总工会</span></span>'
    ) in html
    assert second.bylines.exists()  # its photo's credit, not shown with the text's
    assert 'class="byline"' not in photo_credited


@pytest.mark.parametrize("query", ["", "%20%20", "，。！", "%22%22"])
def test_blank_query_shows_a_hint_and_no_results_without_touching_the_database(
    client, seed, django_assert_num_queries, query
):
    with django_assert_num_queries(0):
        response = client.get(search_url(query))

    assert response.status_code == 200
    assert "请输入要查找的词语" in helpers.text(response) or "没有找到" in helpers.text(response)
    assert helpers.headlines_in(response) == []


def test_a_very_long_query_is_cut_and_still_answers(client, seed):
    response = client.get(search_url("劳模" + "很" * 200))

    assert response.status_code == 200
    assert response.context["query"] == ("劳模" + "很" * 200)[:MAX_QUERY_LENGTH]
    assert helpers.headlines_in(response) == []


@pytest.mark.parametrize("state", helpers.HIDDEN)
def test_unpublished_articles_never_appear_in_results_counts_or_snippets(client, db, state):
    make_article(headline="公开稿件", body="独门绝技的公开段落。")
    make_article(headline="不该出现", body="独门绝技的秘密段落。", **helpers.HIDDEN[state]())

    response = client.get(search_url("独门绝技"))

    assert helpers.headlines_in(response) == ["公开稿件"]
    assert "找到 1 篇稿件" in helpers.text(response)
    assert "秘密" not in response.content.decode()
    assert "不该出现" not in response.content.decode()


def test_search_is_paginated_and_keeps_the_query_in_its_links(client, db):
    page = make_page()
    for position in range(1, 23):
        make_article(page=page, position=position, body="劳模精神代代传。")

    first = client.get(search_url("劳模"))
    second = client.get(search_url("劳模", page=2))

    assert len(helpers.headlines_in(first)) == 20
    assert len(helpers.headlines_in(second)) == 2
    next_href = re.search(r'href="([^"]+)" rel="next"', first.content.decode()).group(1)
    assert parse_qs(urlsplit(unescape(next_href)).query) == {"q": ["劳模"], "page": ["2"]}


def test_search_runs_a_fixed_number_of_queries(client, django_assert_num_queries, regions):
    page = make_page()
    response = helpers.assert_fixed_query_count(
        client,
        django_assert_num_queries,
        search_url("正文"),
        lambda n: helpers.add_articles(page, n),
        # Two counts, the rows and their credits; on PostgreSQL the counts run in a savepoint
        # of their own with the planner told to use the index (search._through_the_index).
        expected=8 if connection.vendor == "postgresql" else 4,
    )
    assert len(helpers.headlines_in(response)) == 15


def test_the_article_list_searches_together_with_its_other_filters(client, regions):
    section = make_section()
    wuxing, gongshu = Region.objects.get(slug="wuxing"), Region.objects.get(slug="gongshu")
    page = make_page()
    for position, (headline, body, region, in_section) in enumerate(
        [
            ("都符合", "劳模风采", wuxing, True),
            ("词不符", "工匠风采", wuxing, True),
            ("地区不符", "劳模风采", gongshu, True),
            ("栏目不符", "劳模风采", wuxing, False),
        ],
        start=1,
    ):
        make_article(
            page=page,
            position=position,
            headline=headline,
            body=body,
            regions=[region],
            section=section if in_section else None,
        )

    response = client.get(helpers.list_url(q="劳模", section=section.slug, region="huzhou"))

    assert helpers.headlines_in(response) == ["都符合"]
    assert "共 1 篇" in helpers.text(response)


# The calendar, issues and pages


def issue_with_article(day, **article):
    issue = make_issue(date=day)
    make_article(issue=issue, **article)
    return issue


def test_calendar_links_the_days_with_a_published_issue(client, db):
    first = issue_with_article(datetime.date(2024, 10, 1))
    eighth = issue_with_article(datetime.date(2024, 10, 8))
    issue_with_article(datetime.date(2024, 10, 9), status=Article.Status.DRAFT)

    response = client.get(reverse("articles:calendar", kwargs={"year": 2024, "month": 10}))

    html = response.content.decode()
    linked = re.findall(r'<td class="has-issue"><a href="([^"]+)">', html)
    assert linked == [first.get_absolute_url(), eighth.get_absolute_url()]
    assert '<td><time datetime="2024-10-09">9</time></td>' in html
    assert "<h1>往期：2024年10月</h1>" in html
    helpers.assert_headings_in_order(html)


def test_calendar_months_before_and_after_skip_months_without_issues(client, db):
    issue_with_article(datetime.date(2024, 7, 3))
    issue_with_article(datetime.date(2024, 10, 8))
    issue_with_article(datetime.date(2025, 1, 2))

    html = client.get("/issues/2024/10/").content.decode()

    assert '<a href="/issues/2024/7/" rel="prev">上一月：2024年7月</a>' in html
    assert '<a href="/issues/2025/1/" rel="next">下一月：2025年1月</a>' in html


def test_first_month_has_no_previous_month_link(client, db):
    issue_with_article(datetime.date(2024, 10, 8))

    html = client.get("/issues/2024/10/").content.decode()

    assert 'rel="prev"' not in html and 'rel="next"' not in html


def test_the_usual_month_address_leads_to_the_calendar(client, db):
    response = client.get(reverse("articles:issue_list") + "?month=2024-10")

    assert response.status_code == 302
    assert response["Location"] == "/issues/2024/10/"


@pytest.mark.parametrize("url", ["/issues/2024/13/", "/issues/2024/0/", "/issues/0/1/"])
def test_calendar_of_a_month_that_does_not_exist_is_404(client, db, url):
    assert client.get(url).status_code == 404


def test_jump_to_a_date_opens_its_issue(client, db):
    issue = issue_with_article(datetime.date(2024, 10, 8))

    response = client.get(reverse("articles:issue_jump") + "?date=2024-10-08")

    assert response["Location"] == issue.get_absolute_url()


def test_jump_to_a_date_without_an_issue_shows_its_month_and_says_so(client, db):
    issue_with_article(datetime.date(2024, 10, 8))
    issue_with_article(datetime.date(2024, 10, 6), status=Article.Status.DRAFT)

    response = client.get(reverse("articles:issue_jump") + "?date=2024-10-06", follow=True)

    assert response.redirect_chain[-1][0] == "/issues/2024/10/?missing=2024-10-06"
    assert "2024年10月6日没有出版报纸" in helpers.text(response)


@pytest.mark.parametrize("value", ["", "yesterday", "2024-02-30"])
def test_jump_to_a_bad_date_goes_to_the_issue_list(client, db, value):
    response = client.get(reverse("articles:issue_jump") + f"?date={value}")

    assert response["Location"] == reverse("articles:issue_list")


def test_issue_links_the_previous_and_next_published_issues(client, db):
    before = issue_with_article(datetime.date(2024, 10, 7))
    issue_with_article(datetime.date(2024, 10, 8), status=Article.Status.DRAFT)
    current = issue_with_article(datetime.date(2024, 10, 9))
    after = issue_with_article(datetime.date(2024, 10, 10))

    html = client.get(current.get_absolute_url()).content.decode()

    assert f'<a href="{before.get_absolute_url()}" rel="prev">上一期：2024年10月7日</a>' in html
    assert f'<a href="{after.get_absolute_url()}" rel="next">下一期：2024年10月10日</a>' in html


def test_page_navigation_shows_each_pages_published_article_count(client, db):
    issue = make_issue()
    first, second = make_page(issue=issue, number=1, name="要闻"), make_page(issue=issue, number=2)
    for position in (1, 2, 3):
        make_article(page=first, position=position)
    make_article(page=first, position=4, status=Article.Status.DRAFT)
    make_article(page=second)

    response = client.get(second.get_absolute_url())

    assert "第01版 要闻 3 篇 第02版 要闻 1 篇" in helpers.text(response)


def test_article_breadcrumbs_lead_from_home_through_issue_and_page(client, seed):
    html = client.get(helpers.seed_article(2).get_absolute_url()).content.decode()

    crumbs = re.search(
        r'<nav class="breadcrumbs" aria-label="面包屑">\s*<ol>(.*?)</ol>', html, re.S
    )
    items = re.findall(r"<li>(.*?)</li>", crumbs.group(1))
    assert items == [
        '<a href="/">首页</a>',
        '<a href="/issues/2024-10-08/">2024年10月8日 第1期</a>',
        '<a href="/issues/2024-10-08/2/">第02版 工会</a>',
        '<span aria-current="page">技能引领新“食”尚</span>',
    ]


def test_page_breadcrumbs_end_at_the_page(client, seed):
    html = client.get(reverse("articles:page", kwargs={"date": helpers.SEED_DATE, "number": 2}))

    assert '<span aria-current="page">第02版 工会</span>' in html.content.decode()


@pytest.mark.parametrize(
    "url_name, kwargs, expected",
    [
        ("calendar", {"year": 2024, "month": 10}, 2),
        ("issue", {"date": helpers.SEED_DATE}, 3),
    ],
)
def test_calendar_and_issue_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, regions, url_name, kwargs, expected
):
    page = make_page(issue=make_issue(date=helpers.SEED_DATE), number=1)
    make_issue(date=datetime.date(2024, 9, 30))
    issue_with_article(datetime.date(2024, 11, 1))

    days = iter(range(10, 31))

    def add(n):
        helpers.add_articles(page, n)
        for _ in range(n):
            issue_with_article(datetime.date(2024, 10, next(days)))

    helpers.assert_fixed_query_count(
        client,
        django_assert_num_queries,
        reverse(f"articles:{url_name}", kwargs=kwargs),
        add,
        expected,
    )


# Related articles


def test_related_articles_share_tags_places_or_section_and_are_published(client, regions):
    section = make_section()
    wuxing, wuyi = Region.objects.get(slug="wuxing"), Region.objects.get(slug="wuyi")
    article = make_article(tags=["劳模", "工匠"], regions=[wuxing], section=section)
    make_article(headline="两个标签", tags=["劳模", "工匠"], regions=[wuyi])
    make_article(headline="一个标签", tags=["工匠"], regions=[wuyi])
    make_article(headline="同一地区", regions=[wuxing])
    make_article(headline="同一栏目", section=make_section("其他栏目"))
    make_article(headline="同栏目", section=section)
    make_article(headline="毫无关系", tags=["其他"], regions=[wuyi])
    make_article(headline="草稿同标签", tags=["劳模"], status=Article.Status.DRAFT)

    response = client.get(article.get_absolute_url())

    related = [a.headline for a in response.context["related_articles"]]
    assert related[:2] == ["两个标签", "一个标签"]
    assert sorted(related[2:]) == ["同一地区", "同栏目"]
    assert "草稿同标签" not in response.content.decode()
    assert '<h2 id="related-title">相关报道</h2>' in response.content.decode()


def test_related_articles_are_at_most_five(client, db):
    article = make_article(tags=["劳模"])
    for _ in range(7):
        make_article(tags=["劳模"])

    response = client.get(article.get_absolute_url())

    assert len(response.context["related_articles"]) == 5
    assert article not in response.context["related_articles"]


def test_related_articles_come_from_the_articles_filed_around_it(client, db, monkeypatch):
    monkeypatch.setattr(querysets, "RELATED_WINDOW", 2)
    before = [make_article(tags=["劳模"], headline=f"早{n}") for n in range(3)]
    article = make_article(tags=["劳模"])
    after = [make_article(tags=["劳模"], headline=f"晚{n}") for n in range(3)]

    response = client.get(article.get_absolute_url())

    related = {a.headline for a in response.context["related_articles"]}
    assert related == {a.headline for a in before[1:] + after[:2]}


def test_article_without_tags_places_or_section_has_no_related_list(client, db):
    article = make_article()
    make_article()

    html = client.get(article.get_absolute_url()).content.decode()

    assert "相关报道" not in html


# Titles, descriptions, canonical URLs, Open Graph and JSON-LD

PUBLIC_URLS = [
    "/",
    "/issues/",
    "/issues/2024/10/",
    "/issues/2024-10-08/",
    "/issues/2024-10-08/2/",
    "/articles/",
    "/search/?q=劳模",
    "/corrections/",
    "/sections/farungongxin/",
    "/reporters/shou-hui-zhen/",
    "/tags/技能人才/",
    "/regions/huzhou/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_page_has_title_description_canonical_url_and_open_graph(client, seed, url):
    html = client.get(url).content.decode()

    title = re.search(r"<title>([^<]+)</title>", html).group(1)
    assert title.endswith("浙江工人日报")
    assert meta(html, "name", "description")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical == "http://testserver" + quote(urlsplit(url).path)
    assert meta(html, "property", "og:url") == canonical
    assert meta(html, "property", "og:title")
    assert meta(html, "property", "og:description")
    assert meta(html, "property", "og:site_name") == "浙江工人日报"
    assert meta(html, "property", "og:type") == "website"
    helpers.assert_headings_in_order(html)


def test_canonical_url_keeps_the_page_number_and_drops_other_parameters(client, db):
    page = make_page()
    for position in range(1, 23):
        make_article(page=page, position=position)

    html = client.get(helpers.list_url(page=2, utm_source="wechat")).content.decode()

    assert '<link rel="canonical" href="http://testserver/articles/?page=2">' in html


def test_canonical_url_of_a_page_found_by_its_key_keeps_the_key(client, regions):
    page = make_page(issue=make_issue(date=datetime.date(2024, 10, 8)))
    make_article(page=page, regions=[Region.objects.get(slug="wuxing")])

    for url in [
        helpers.list_url(after="2024-10-09.1.1", utm_source="wechat"),
        reverse("regions:detail", kwargs={"slug": "huzhou"}) + "?before=2024-10-07.1.1",
    ]:
        html = client.get(url).content.decode()
        address = "http://testserver" + url.split("&")[0]
        assert f'<link rel="canonical" href="{address}">' in html, url


def test_article_has_open_graph_article_tags(client, seed):
    article = helpers.seed_article(1)

    html = client.get(article.get_absolute_url()).content.decode()

    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:title") == "全域式创新 领头雁带动 一贯制孵化"
    assert meta(html, "property", "og:description") == article.summary
    assert meta(html, "property", "article:published_time") == "2024-10-08T06:00:00+08:00"
    assert "<title>全域式创新 领头雁带动 一贯制孵化 - 工会 - 浙江工人日报</title>" in html
    assert '<meta property="article:tag" content="劳模工匠">' in html


def test_article_json_ld_is_a_news_article_with_print_fields(client, seed):
    article = helpers.seed_article(1)
    Byline.objects.create(article=article, organisation="吴兴区总工会", role="通讯员", position=20)

    data = json_ld(client.get(article.get_absolute_url()))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "全域式创新 领头雁带动 一贯制孵化"
    assert data["alternativeHeadline"] == "湖州吴兴工会塑造人才培育新生态"
    assert data["datePublished"] == "2024-10-08T06:00:00+08:00"
    assert data["dateModified"].startswith(str(article.updated_at.year))
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "寿慧桢",
            "jobTitle": "记者",
            "url": "http://testserver/reporters/shou-hui-zhen/",
        },
        {"@type": "Organization", "name": "吴兴区总工会"},
    ]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "浙江工人日报",
        "url": "http://testserver/",
    }
    assert data["printEdition"] == "1"
    assert data["printPage"] == "2"
    assert data["printSection"] == "工会"
    assert data["keywords"] == ["产业工人", "创新创效", "劳模工匠", "技能人才"]
    assert data["mainEntityOfPage"] == "http://testserver" + article.get_absolute_url()


def test_json_ld_names_the_section_and_the_photo(client, media_dirs):
    article = make_article(section=make_section())
    photo = article.photos.create(caption="现场", alt="现场", image=upload())

    data = json_ld(client.get(article.get_absolute_url()))

    assert data["articleSection"] == "法润工心"
    # The largest JPEG rendition: the original has no public address.
    assert data["image"] == ["http://testserver" + photo.picture.src]


def test_json_ld_cannot_be_closed_by_a_headline(client, db):
    article = make_article(headline="</script><script>alert(1)</script>&")

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert html.count("</script>") == 1
    assert json_ld(response)["headline"] == "</script><script>alert(1)</script>&"


# Error pages


def test_unknown_address_is_a_chinese_404_with_search_and_a_way_home(client, db):
    response = client.get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>页面不存在</h1>" in html
    assert '<form class="search-form" role="search" method="get" action="/search/">' in html
    assert '<a href="/">返回首页</a>' in html
    assert '<meta name="robots" content="noindex">' in html


def test_withdrawn_article_is_410_gone_with_a_notice(client, db):
    article = make_article(
        status=Article.Status.WITHDRAWN, published_at=datetime.datetime.now(tz=datetime.UTC)
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 410
    assert "<h1>稿件已撤回</h1>" in response.content.decode()
    assert article.headline not in response.content.decode()
    assert 'action="/search/"' in response.content.decode()


def test_server_error_page_renders_without_the_database_or_the_request():
    # No django_db mark here: any query would fail the test.
    response = views.server_error(RequestFactory().get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>服务器出错了</h1>" in html
    assert "浙江工人日报" in html
    assert 'action="/search/"' in html
    assert '<a href="/">返回首页</a>' in html


# Preview


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="review_article"))
    return user


@pytest.fixture
def author(django_user_model):
    return django_user_model.objects.create_user("author", is_staff=True)


def preview_url(article):
    return reverse("articles:preview", kwargs={"pk": article.pk})


@pytest.mark.parametrize("state", [*helpers.HIDDEN, "draft-by-import"])
def test_editor_previews_any_unpublished_article_as_readers_will_see_it(client, editor, state):
    fields = helpers.HIDDEN.get(state, helpers.HIDDEN["draft"])()
    article = make_article(
        kicker="引题", headline="尚未发布的稿件", reporters=[("寿慧桢", "记者")], **fields
    )
    client.force_login(editor)

    response = client.get(preview_url(article))

    html = response.content.decode()
    assert response.status_code == 200
    assert "预览：本稿尚未发布" in html
    assert '<h1 class="headline">尚未发布的稿件</h1>' in html
    assert '<p class="kicker">引题</p>' in html
    assert '<meta name="robots" content="noindex">' in html
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def test_author_previews_their_own_draft(client, author):
    article = make_article(status=Article.Status.DRAFT, created_by=author)
    client.force_login(author)

    assert client.get(preview_url(article)).status_code == 200


def test_preview_of_a_published_article_has_no_banner(client, editor):
    article = make_article()
    client.force_login(editor)

    response = client.get(preview_url(article))

    assert response.status_code == 200
    assert "预览：本稿尚未发布" not in response.content.decode()


@pytest.mark.parametrize("created_by_author", [True, False])
def test_preview_is_404_for_anonymous_readers(client, author, created_by_author):
    # An imported article has no creator: an anonymous user (pk None) must not pass as it.
    article = make_article(
        status=Article.Status.DRAFT, created_by=author if created_by_author else None
    )

    response = client.get(preview_url(article))

    assert response.status_code == 404
    assert article.headline not in response.content.decode()


def test_preview_is_404_for_another_contributor(client, author, django_user_model):
    article = make_article(status=Article.Status.DRAFT, created_by=author)
    client.force_login(django_user_model.objects.create_user("other", is_staff=True))

    assert client.get(preview_url(article)).status_code == 404


def test_preview_of_a_missing_article_is_404(client, editor):
    client.force_login(editor)

    assert client.get(reverse("articles:preview", kwargs={"pk": 999999})).status_code == 404


# Corrections


def test_article_shows_its_corrections_dated(client, db):
    article = make_article()
    article.add_correction("第二段中的“16419人”应为“16491人”。", date=datetime.date(2024, 10, 9))

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<aside class="corrections" aria-label="更正">' in html
    assert (
        '<strong>更正：</strong>（<time datetime="2024-10-09">2024年10月9日</time>）'
        "第二段中的“16419人”应为“16491人”。"
    ) in html


def test_corrections_page_lists_corrections_of_published_articles_newest_first(client, db):
    older = make_article(headline="较早的稿件")
    newer = make_article(headline="较新的稿件")
    hidden = make_article(headline="撤下的稿件")
    older.add_correction("旧更正。", date=datetime.date(2024, 10, 1))
    newer.add_correction("新更正。", date=datetime.date(2024, 10, 5))
    hidden.add_correction("看不见的更正。", date=datetime.date(2024, 10, 6))
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.WITHDRAWN)

    response = client.get(reverse("articles:corrections"))

    page_text = helpers.text(response)
    assert page_text.index("新更正。") < page_text.index("旧更正。")
    assert "2024年10月5日 较新的稿件 更正：新更正。" in page_text
    assert f'<a href="{newer.get_absolute_url()}">较新的稿件</a>' in response.content.decode()
    assert "看不见的更正" not in page_text
    assert "撤下的稿件" not in page_text


def test_corrections_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, db):
    def add(n):
        for _ in range(n):
            make_article().add_correction("更正。")

    helpers.assert_fixed_query_count(
        client, django_assert_num_queries, reverse("articles:corrections"), add, expected=2
    )


# robots.txt


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in body.splitlines()
    assert "Sitemap: http://testserver/news-sitemap.xml" in body.splitlines()
    assert "Disallow: /admin/" in body.splitlines()


def test_photo_credit_names_link_to_the_photographer(client, db):
    article = make_article()
    photo = article.photos.create(caption="比赛现场。")
    reporter = Reporter.objects.create(name="杨磊")
    Byline.objects.create(article=article, photo=photo, reporter=reporter, role="通讯员")

    response = client.get(article.get_absolute_url())

    assert "比赛现场。 通讯员 杨磊 摄" in helpers.text(response)
    assert f'<a href="{reporter.get_absolute_url()}">杨磊</a>' in response.content.decode()
