"""The printed page in Chromium: the seed page's PDF processed as the importer does, its zones
clicked and reached by keyboard, linked with 标题导航, at a desktop's and a phone's viewport;
axe-core on every new kind of page; screenshots of each."""

import pytest
from django.core.files.storage import default_storage
from playwright.sync_api import expect

from articles.models import Article, Page, Photo
from epaper.pdf.page import extract_page
from epaper.processing import process_page_pdf
from epaper.testing import make_pages
from tests.browser.conftest import SEED_DATE, Screenshots, run_axe, seed_article
from tests.photos.images import upload

PAGE = f"/issues/{SEED_DATE}/2/"


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    directory = tmp_path_factory.mktemp("seed-pdf")
    make_pages.build(directory, issue=0)
    return directory / "seed-page.pdf"


@pytest.fixture(scope="module")
def seed_pdf_read(seed_pdf):
    """The seed PDF as the importer reads it (text, zones, page images): read once for the
    module, as rendering is most of a test's time here and is tested in tests/epaper."""
    return extract_page(seed_pdf, seed_pdf.name)


@pytest.fixture
def printed_paper(paper, media_dirs, seed_pdf, seed_pdf_read):
    """The reader's paper with the seed page's PDF stored, and a photo an editor uploaded."""
    page = Page.objects.get(issue__date=SEED_DATE, number=2)
    process_page_pdf(page, seed_pdf, result=seed_pdf_read)
    Photo.objects.create(
        article=seed_article(1),
        position=1,
        caption="创新工作室里的职工。",
        alt="职工在创新工作室调试设备",
        image=upload(size=(1600, 1000)),
    )
    return paper


def zone(tab, position):
    return tab.locator(f"#zone-{seed_article(position).pk}")


def test_clicking_a_zone_opens_its_article(printed_paper, tab, viewport):
    shot = Screenshots("printed-page", viewport)
    tab.goto(printed_paper + PAGE)
    expect(tab.locator(".page-image-img")).to_be_visible()
    shot(tab, "page")

    zone(tab, 3).locator(".zone-area").first.click()

    tab.wait_for_url(f"**{seed_article(3).get_absolute_url()}")
    expect(tab.locator("h1")).to_have_text("立足小窗口 赛出新水平")


def test_a_zone_is_reached_by_tab_shows_its_headline_and_opens_with_enter(
    printed_paper, tab, viewport
):
    tab.goto(printed_paper + PAGE)
    target = seed_article(5)

    for _ in range(80):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.id") == f"zone-{target.pk}":
            break
    else:
        pytest.fail("Tab never reached the zone")

    focused = zone(tab, 5)
    expect(focused).to_have_accessible_name(target.headline)
    label = focused.locator(".zone-label")
    assert label.evaluate("el => getComputedStyle(el).visibility") == "visible"
    assert (
        zone(tab, 4).locator(".zone-label").evaluate("el => getComputedStyle(el).visibility")
        == "hidden"
    )
    # The list's headline lights up with its zone (static/js/page-zones.js).
    expect(tab.locator(f"#nav-{target.pk}")).to_have_class("is-linked")
    Screenshots("printed-page", viewport)(tab, "zone-focused")

    tab.keyboard.press("Enter")

    tab.wait_for_url(f"**{target.get_absolute_url()}")


def test_hovering_a_headline_lights_up_its_zone_and_the_other_way(printed_paper, tab, viewport):
    tab.goto(printed_paper + PAGE)
    second, fourth = seed_article(2), seed_article(4)

    tab.locator(f"#nav-{second.pk}").hover()
    expect(zone(tab, 2)).to_have_class("zone is-linked")

    zone(tab, 4).locator(".zone-area").first.hover()
    expect(tab.locator(f"#nav-{fourth.pk}")).to_have_class("is-linked")
    expect(zone(tab, 2)).to_have_class("zone")


def test_the_page_image_fits_the_screen_and_can_be_zoomed(printed_paper, tab, viewport):
    tab.goto(printed_paper + PAGE)
    image = tab.locator(".page-image-img")
    expect(image).to_be_visible()

    box = image.bounding_box()
    assert box["width"] <= tab.viewport_size["width"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.viewport_size["width"]
    # The browser chose a rendition (WebP first) and drew it: no broken image.
    drawn = tab.evaluate(
        "(() => { const img = document.querySelector('.page-image-img');"
        " return [img.complete, img.naturalWidth > 0, img.currentSrc]; })()"
    )
    assert drawn[:2] == [True, True]
    assert drawn[2].endswith(("-phone.webp", "-desktop.webp"))
    viewport_meta = tab.locator('meta[name="viewport"]').get_attribute("content")
    assert "user-scalable" not in viewport_meta and "maximum-scale" not in viewport_meta
    if viewport == "phone":
        # On a phone the list comes right after the image, and a link at the top leads to it.
        expect(tab.get_by_role("link", name="跳到标题导航")).to_be_visible()
        nav = tab.locator(".headline-nav").bounding_box()
        assert nav["y"] >= box["y"] + box["height"]


def test_the_page_pdf_is_served_as_a_file(printed_paper, tab, viewport):
    tab.goto(printed_paper + PAGE)
    href = tab.get_by_role("link", name="下载本版PDF").get_attribute("href")

    response = tab.request.get(printed_paper + href)

    assert response.status == 200
    assert response.body()[:5] == b"%PDF-"
    assert default_storage.exists(href.removeprefix("/media/"))


def test_an_article_shows_its_photo_and_its_place_on_the_page(printed_paper, tab, viewport):
    shot = Screenshots("printed-article", viewport)
    tab.goto(printed_paper + seed_article(6).get_absolute_url())

    photo = tab.locator("figure.photo img")
    expect(photo).to_be_visible()
    assert tab.evaluate("document.querySelector('figure.photo img').naturalWidth") > 0
    expect(tab.locator("figure.photo figcaption")).to_contain_text("独轮车支前项目比赛场景。")
    place = tab.locator(".printed-position-link")
    expect(place).to_have_attribute("href", PAGE)
    shot(tab, "article")

    place.click()
    tab.wait_for_url(f"**{PAGE}")


NEW_KINDS = {
    "page-with-zones": PAGE,
    "issue-with-thumbnails": f"/issues/{SEED_DATE}/",
    "home-with-front-page": "/",
}


def test_no_accessibility_violations_on_the_new_kinds_of_page(printed_paper, tab, viewport):
    pages = {
        **NEW_KINDS,
        "article-with-photo-and-place": seed_article(1).get_absolute_url(),
        "article-with-printed-photo": seed_article(6).get_absolute_url(),
    }
    found, shot = {}, Screenshots("printed-kinds", viewport)
    for name, path in pages.items():
        # Every image loaded: none is still being served when the test (and its server) ends.
        tab.goto(printed_paper + path, wait_until="networkidle")
        shot(tab, name)
        violations = run_axe(tab)
        if violations:
            found[name] = violations
    # A zone focused shows its label over the page: still no violation.
    tab.goto(printed_paper + PAGE, wait_until="networkidle")
    zone(tab, 1).focus()
    found.update({"zone-focused": v} for v in [run_axe(tab)] if v)

    assert found == {}


def test_the_headline_group_reads_like_print(paper, tab, viewport):
    """引题 above the 主题 in a smaller type, 主题 large, 副题 below: in the headline's colour,
    larger than a caption, unlike the breadcrumbs."""
    article = Article.objects.get(headline="国庆前夕劳模工匠走进车间")
    Article.objects.filter(pk=article.pk).update(subheadline="全省工会送清凉到一线")
    tab.goto(paper + article.get_absolute_url())

    def style(selector):
        return tab.locator(selector).first.evaluate(
            """el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
                       return {size: parseFloat(s.fontSize), color: s.color, top: r.top}; }"""
        )

    kicker, headline = style(".article .kicker"), style(".article .headline")
    subheadline, crumbs = style(".article .subheadline"), style(".breadcrumbs ol")
    assert kicker["top"] < headline["top"] < subheadline["top"]
    assert kicker["size"] < headline["size"] and subheadline["size"] < headline["size"]
    assert kicker["size"] > crumbs["size"] and subheadline["size"] > crumbs["size"]
    assert kicker["color"] == subheadline["color"] == headline["color"] != crumbs["color"]
