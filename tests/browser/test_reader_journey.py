"""A reader's journey through the paper in Chromium, at a desktop's and a phone's viewport."""

import re
from urllib.parse import unquote, urlsplit

from playwright.sync_api import expect

from tests.browser.conftest import Screenshots, seed_article

SEED_HEADLINES = [
    "全域式创新 领头雁带动 一贯制孵化",
    "技能引领新“食”尚",
    "立足小窗口 赛出新水平",
    "引领职工学法知法护法",
    "“劳动专列” 主题公交车上路",
    "沉浸式感悟红色精神",
    "永把“廉”字刻心头",
]
ACCENT = "rgb(179, 0, 27)"  # --accent in site.css: the header's background


def assert_readable(page):
    """Styled by site.css, and nothing wider than the screen (no sideways scrolling)."""
    header = page.locator(".site-header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == ACCENT
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def assert_heading(page, text):
    # Waits for the next page: right after a click the old page may still be showing.
    expect(page.locator("h1")).to_have_text(text)


def path(page):
    return unquote(urlsplit(page.url).path)


def test_a_reader_goes_from_the_front_page_to_an_article_and_around_the_archive(
    paper, tab, viewport
):
    page, shot = tab, Screenshots("reader", viewport)

    page.goto(paper + "/")
    assert_heading(page, "2024年10月8日 第5210期")
    assert_readable(page)
    shot(page, "home")

    # The issue, its pages (版面导航) and the page's articles (标题导航).
    page.locator("h1 a").click()
    page.wait_for_url("**/issues/2024-10-08/")
    expect(page.get_by_role("link", name="上一期：2024年9月30日")).to_be_visible()
    shot(page, "issue")

    page.get_by_role("navigation", name="版面导航").get_by_role("link").first.click()
    assert_heading(page, "第02版 工会")
    assert path(page) == "/issues/2024-10-08/2/"
    assert page.locator(".article-list .headline").all_inner_texts() == SEED_HEADLINES
    assert_readable(page)
    shot(page, "page")

    page.get_by_role("link", name=SEED_HEADLINES[0]).click()
    assert_heading(page, SEED_HEADLINES[0])
    breadcrumbs = page.get_by_role("navigation", name="面包屑")
    assert breadcrumbs.get_by_role("link").all_inner_texts() == [
        "首页",
        "2024年10月8日 第5210期",
        "第02版 工会",
    ]
    assert_readable(page)
    shot(page, "article")

    # The reporter, then a tag of one of their articles.
    page.locator(".article-header .byline").get_by_role("link", name="寿慧桢").click()
    assert_heading(page, "寿慧桢")
    assert "国庆前夕劳模工匠走进车间" in page.locator(".article-list").inner_text()
    shot(page, "reporter")

    page.get_by_role("link", name=SEED_HEADLINES[6]).click()
    assert_heading(page, SEED_HEADLINES[6])
    page.locator(".article-facts").get_by_role("link", name="廉洁文化").click()
    assert_heading(page, "标签：廉洁文化")
    assert page.locator(".article-list .headline").all_inner_texts() == [SEED_HEADLINES[6]]
    shot(page, "tag")

    # Search from the header, open a result, come back to the results.
    search_box = page.get_by_role("searchbox", name="搜索稿件")
    search_box.fill("劳模")
    search_box.press("Enter")
    assert_heading(page, "搜索：劳模")
    results = page.locator(".search-results .headline")
    assert results.all_inner_texts() == [
        "国庆前夕劳模工匠走进车间",
        SEED_HEADLINES[0],
        SEED_HEADLINES[4],
    ]
    assert page.locator(".search-results mark").first.inner_text() == "劳模"
    assert_readable(page)
    shot(page, "search")

    results.nth(2).get_by_role("link").click()
    assert_heading(page, SEED_HEADLINES[4])
    shot(page, "search-result")
    page.go_back()
    assert_heading(page, "搜索：劳模")
    assert page.url.endswith("?q=%E5%8A%B3%E6%A8%A1")

    # 上一篇/下一篇 within the page.
    results.nth(2).get_by_role("link").click()
    assert_heading(page, SEED_HEADLINES[4])
    page.get_by_role("link", name=f"下一篇：{SEED_HEADLINES[5]}").click()
    assert_heading(page, SEED_HEADLINES[5])
    shot(page, "next-article")
    page.get_by_role("link", name=f"上一篇：{SEED_HEADLINES[4]}").click()
    assert_heading(page, SEED_HEADLINES[4])

    # The calendar (往期), the month before, and the previous issue.
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="往期").click()
    assert_heading(page, "往期")
    page.get_by_role("link", name="按月浏览（日历）").click()
    assert_heading(page, "往期：2024年10月")
    assert page.locator("td.has-issue a").all_text_contents() == ["8日 第5210期"]
    assert_readable(page)
    shot(page, "calendar")

    page.get_by_role("link", name="上一月：2024年9月").click()
    assert_heading(page, "往期：2024年9月")
    page.locator("td.has-issue a").click()
    assert_heading(page, "2024年9月30日 第5209期")
    assert page.locator(".page-nav").inner_text().split("\n") == [
        "第01版 要闻 2 篇",
        "第02版 工会 1 篇",
    ]
    expect(page.get_by_role("link", name="下一期：2024年10月8日")).to_be_visible()
    assert_readable(page)
    shot(page, "previous-issue")

    # Everything came from the site itself: no fonts, scripts or images from elsewhere.
    outside = [url for url in page.requested_urls if not url.startswith(paper)]
    assert outside == []
    assert any(re.search(r"/static/css/site\.[0-9a-f]{12}\.css$", u) for u in page.requested_urls)


def test_keyboard_users_can_skip_to_the_article_and_see_where_focus_is(paper, tab, viewport):
    page = tab
    page.goto(paper + seed_article(1).get_absolute_url())

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到正文")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert skip.bounding_box()["y"] >= 0  # moved into view when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_an_article_prints_without_the_sites_navigation(paper, tab, viewport):
    page = tab
    page.goto(paper + seed_article(2).get_absolute_url())
    page.emulate_media(media="print")

    for hidden in [".site-search", ".site-nav", ".breadcrumbs", ".article-nav", ".related"]:
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator(".article-body")).to_be_visible()
    expect(page.locator(".print-only")).to_have_text(f"本文网址：{page.url}")
    assert page.locator("body").evaluate("el => getComputedStyle(el).color") == "rgb(0, 0, 0)"
    page.pdf(path=str(Screenshots("print", viewport).prefix_path("article.pdf")))
