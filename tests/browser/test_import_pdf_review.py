"""The duty editor imports a page PDF in the admin: the background task reads it, the review
shows the page image with each article's zone drawn over it and numbered like the cards."""

import pytest
from django.core.management import call_command

from articles.models import Issue
from epaper.testing import make_pages
from tests.browser.conftest import Screenshots, run_axe

PASSWORD = "a-long-test-password-8421"


@pytest.fixture
def importer(live_site, settings, tmp_path, django_user_model):
    call_command("loaddata", "regions", verbosity=0)
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    settings.MEDIA_ROOT = tmp_path / "media"
    django_user_model.objects.create_superuser("duty", password=PASSWORD)
    return live_site


def work():
    """The worker `make run` starts beside the site: run what is queued."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_the_review_of_a_page_pdf_shows_its_zones_over_the_page_image(
    importer, tab, viewport, tmp_path
):
    [pdf] = make_pages.build(tmp_path / "pages", issue=0)
    shot = Screenshots("import-pdf", viewport)
    tab.goto(importer + "/admin/articles/issue/import/")
    tab.get_by_label("用户名").fill("duty")
    tab.get_by_label("密码").fill(PASSWORD)
    tab.get_by_role("button", name="登录").click()
    tab.get_by_label("出版日期").fill("2024-10-08")
    tab.locator("#id_files").set_input_files(str(pdf))
    tab.get_by_role("button", name="上传并核对").click()

    assert "正在后台读取各版 PDF" in tab.locator("#content-main").inner_text()
    shot(tab, "reading")
    work()
    # The progress page refreshes itself until the review is there.
    tab.wait_for_selector(".import-page-image", timeout=20_000)

    figure = tab.locator(".import-page-image")
    image = figure.locator("img")
    image.scroll_into_view_if_needed()
    tab.wait_for_function("document.querySelector('.import-page-image img').complete")
    assert image.evaluate("img => img.naturalWidth") == 800
    zones = figure.locator(".import-zone")
    assert zones.count() == 7 == tab.locator(".import-card").count()
    assert [zones.nth(n).locator("text").text_content() for n in range(7)] == [
        str(n) for n in range(1, 8)
    ]
    # The drawing lies over the picture, at its size.
    picture, drawing = image.bounding_box(), figure.locator("svg").bounding_box()
    assert abs(picture["width"] - drawing["width"]) < 1
    assert abs(picture["y"] - drawing["y"]) < 1
    # Zone 6 (the photo's article) is inside the page and right of zone 1's column.
    first, sixth = zones.nth(0).bounding_box(), zones.nth(5).bounding_box()
    assert picture["x"] <= first["x"] and sixth["x"] + sixth["width"] <= picture["x"] + 801
    assert run_axe(tab) == []
    figure.scroll_into_view_if_needed()
    shot(tab, "review-zones")

    tab.get_by_role("button", name="确认导入").click()
    assert "正在后台保存" in tab.locator("#content-main").inner_text()
    work()
    tab.wait_for_selector(".messagelist", timeout=20_000)
    assert "各版 PDF、版面图和热区已保存" in tab.locator(".messagelist").inner_text()
    page = Issue.objects.get(date="2024-10-08").pages.get()
    assert page.pdf.zones.count() == 7
