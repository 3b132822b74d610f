"""Only published articles are public: every other state is absent from every page, list,
count and link, and so is whatever only such articles carry."""

import datetime
from urllib.parse import quote

import pytest
from django.urls import reverse

from articles.models import Article, Reporter
from regions.models import Region
from tests.articles.helpers import (
    HIDDEN,
    future,
    headlines_in,
    list_url,
    past,
    text,
)
from tests.conftest import make_article, make_issue, make_page, make_section

pytestmark = pytest.mark.django_db


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


# Sections, reporters, regions and tags: public only through a published article


def only_by_a_hidden_article(kind, state):
    """A section, reporter, region or tag that only a hidden article carries, beside a public one.

    Returns (slug, name, sitemap section, feed kind) of the hidden one.
    """
    public = {
        "section": {"section": make_section("公开栏目")},
        "reporter": {"reporters": [("公开作者", "记者")]},
        "region": {"regions": [Region.objects.get(slug="wuxing")]},
        "tag": {"tags": ["公开标签"]},
    }[kind]
    make_article(**public)
    if kind == "section":
        section = make_section("内部栏目")
        make_article(section=section, **HIDDEN[state]())
        return section.slug, "内部栏目", "sections", "sections"
    if kind == "reporter":
        make_article(reporters=[("未刊作者", "记者")], **HIDDEN[state]())
        return Reporter.objects.get(name="未刊作者").slug, "未刊作者", "reporters", "reporters"
    if kind == "region":
        # A county of another city: neither it nor its city has any published news.
        make_article(regions=[Region.objects.get(slug="wuyi")], **HIDDEN[state]())
        return "wuyi", "武义县", "regions", "regions"
    make_article(tags=["内部标签"], **HIDDEN[state]())
    return "内部标签", "内部标签", "tags", "tags"


@pytest.mark.parametrize("state", ["draft", "scheduled-for-tomorrow"])
@pytest.mark.parametrize("kind", ["section", "reporter", "region", "tag"])
def test_what_only_unpublished_articles_carry_has_no_page_feed_option_or_sitemap_entry(
    client, regions, kind, state
):
    slug, name, sitemap, feed = only_by_a_hidden_article(kind, state)

    page = f"/{sitemap}/{slug}/"
    assert client.get(page).status_code == 404, page
    for feed_type in ("rss", "atom"):
        assert client.get(f"/feeds/{feed}/{slug}/{feed_type}/").status_code == 404
    list_html = client.get(list_url()).content.decode()
    assert f'value="{slug}"' not in list_html
    assert name not in list_html
    assert 'class="errorlist"' in client.get(list_url(**{kind: slug})).content.decode()
    sitemap_xml = client.get(f"/sitemap-{sitemap}.xml").content.decode()
    assert quote(page) not in sitemap_xml
    assert sitemap_xml.count("<url>") == (3 if kind == "region" else 1)  # the public one(s)


@pytest.mark.parametrize("kind", ["section", "reporter", "region", "tag"])
def test_what_an_article_carries_becomes_public_when_the_article_is_published(
    client, regions, kind
):
    slug, name, sitemap, feed = only_by_a_hidden_article(kind, "scheduled-for-tomorrow")

    Article.objects.filter(status=Article.Status.SCHEDULED).update(published_at=past())

    assert client.get(f"/{sitemap}/{slug}/").status_code == 200
    assert client.get(f"/feeds/{feed}/{slug}/rss/").status_code == 200
    assert f'value="{slug}"' in client.get(list_url()).content.decode()
    sitemap_xml = client.get(f"/sitemap-{sitemap}.xml").content.decode()
    assert quote(f"/{sitemap}/{slug}/") in sitemap_xml


def test_section_and_reporter_without_any_article_are_404(client, db):
    section = make_section("空栏目")
    reporter = Reporter.objects.create(name="无稿作者")

    for url in [section.get_absolute_url(), reporter.get_absolute_url()]:
        assert client.get(url).status_code == 404, url


def test_region_pages_link_only_the_sub_regions_with_news(client, regions):
    make_article(regions=[Region.objects.get(slug="wuxing")])
    make_article(regions=[Region.objects.get(slug="nanxun")], status=Article.Status.DRAFT)

    html = client.get(Region.objects.get(slug="huzhou").get_absolute_url()).content.decode()

    assert '<a href="/regions/wuxing/">吴兴区</a>' in html
    assert "/regions/nanxun/" not in html
    assert "/regions/changxing/" not in html
    assert client.get("/regions/nanxun/").status_code == 404
    assert client.get("/regions/zhejiang/").status_code == 200
