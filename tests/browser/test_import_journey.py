"""The duty editor imports tomorrow's page in the admin: upload, review the cards, confirm."""

import pytest

from articles.models import Article, Issue
from tests.browser.conftest import Screenshots, run_axe

PASSWORD = "a-long-test-password-8421"
PAGE_FILE = "fixtures/pages/seed-page.txt"


@pytest.fixture
def importer(live_site, settings, tmp_path, django_user_model):
    from django.core.management import call_command

    call_command("loaddata", "regions", verbosity=0)
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    django_user_model.objects.create_superuser("duty", password=PASSWORD)
    return live_site


def test_an_editor_imports_a_page_reviewing_it_as_cards(importer, tab, viewport):
    shot = Screenshots("import", viewport)
    tab.goto(importer + "/admin/articles/issue/import/")
    tab.get_by_label("用户名").fill("duty")
    tab.get_by_label("密码").fill(PASSWORD)
    tab.get_by_role("button", name="登录").click()
    tab.get_by_label("出版日期").fill("2024-10-08")
    tab.locator("#id_files").set_input_files(PAGE_FILE)
    shot(tab, "upload")
    tab.get_by_role("button", name="上传并核对").click()

    # The file has no page header: it is read as 第1版 until the row says 第2版 工会.
    tab.get_by_label("seed-page.txt 版次").fill("2")
    tab.get_by_label("seed-page.txt 版名").fill("工会")
    tab.get_by_role("button", name="按所选重新核对").click()
    assert "第2版 工会" in tab.locator(".import-page h2").inner_text()
    assert tab.locator(".import-card.import-new").count() == 7
    width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], "the review scrolls sideways"
    assert run_axe(tab) == []
    shot(tab, "review")

    tab.get_by_role("button", name="确认导入").click()
    assert "新建 7 篇" in tab.locator(".messagelist").inner_text()
    shot(tab, "done")
    page = Issue.objects.get(date="2024-10-08").pages.get()
    assert (page.number, page.name, page.articles.count()) == (2, "工会", 7)
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 7
