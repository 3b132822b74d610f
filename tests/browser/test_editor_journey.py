"""An editor edits and publishes an article in the admin; a reader sees it at once."""

from articles.models import Article, Page
from tests.browser.conftest import SEED_DATE, VIEWPORTS, Screenshots
from tests.conftest import make_article

PASSWORD = "a-long-test-password-8421"


def test_an_editor_edits_a_headline_publishes_and_the_reader_sees_it(
    paper, browser, django_user_model
):
    django_user_model.objects.create_superuser("editor", password=PASSWORD)
    page_two = Page.objects.get(issue__date=SEED_DATE, number=2)
    article = make_article(
        page=page_two,
        position=8,
        headline="职工书屋开放",
        body="新建的职工书屋今天开放。",
        status=Article.Status.APPROVED,
    )
    reader = browser.new_context(viewport=VIEWPORTS["phone"]).new_page()
    editor = browser.new_context(viewport=VIEWPORTS["desktop"]).new_page()
    shot_editor, shot_reader = (
        Screenshots("editor", "desktop"),
        Screenshots("editor-reader", "phone"),
    )

    # Not public yet: the reader's issue page does not list it, its address is 404.
    reader.goto(paper + page_two.get_absolute_url())
    assert "职工书屋" not in reader.locator("main").inner_text()
    assert reader.goto(paper + article.get_absolute_url()).status == 404
    shot_reader(reader, "before")

    editor.goto(paper + f"/admin/articles/article/{article.pk}/change/")
    editor.get_by_label("用户名").fill("editor")
    editor.get_by_label("密码").fill(PASSWORD)
    shot_editor(editor, "login")
    editor.get_by_role("button", name="登录").click()
    assert editor.locator("#id_headline").input_value() == "职工书屋开放"

    editor.locator("#id_headline").fill("百家职工书屋同日开放")
    shot_editor(editor, "edit-headline")
    editor.locator("input[name=_continue]").first.click()
    assert "成功" in editor.locator(".messagelist").inner_text()
    shot_editor(editor, "saved")

    editor.get_by_role("button", name="发布", exact=True).click()
    assert "发布完成" in editor.locator(".messagelist").inner_text()
    assert "已发布" in editor.locator("#workflow h2").inner_text()
    shot_editor(editor, "published")

    reader.goto(paper + page_two.get_absolute_url())
    assert "百家职工书屋同日开放" in reader.locator(".article-list").inner_text()
    reader.get_by_role("link", name="百家职工书屋同日开放").click()
    assert reader.locator("h1").inner_text() == "百家职工书屋同日开放"
    shot_reader(reader, "after")

    # A second edit of the published article reaches the reader too.
    editor.locator("#id_headline").fill("百家职工书屋同日向职工开放")
    editor.locator("input[name=_continue]").first.click()
    assert "成功" in editor.locator(".messagelist").inner_text()
    reader.reload()
    assert reader.locator("h1").inner_text() == "百家职工书屋同日向职工开放"
    shot_reader(reader, "after-second-edit")

    reader.context.close()
    editor.context.close()


def test_an_editor_previews_an_unpublished_article_that_readers_cannot_open(
    paper, browser, django_user_model
):
    django_user_model.objects.create_superuser("editor", password=PASSWORD)
    article = make_article(headline="尚在审核的稿件", status=Article.Status.SUBMITTED)
    editor = browser.new_context(viewport=VIEWPORTS["desktop"]).new_page()
    shot = Screenshots("preview", "desktop")

    editor.goto(paper + f"/admin/articles/article/{article.pk}/change/")
    editor.get_by_label("用户名").fill("editor")
    editor.get_by_label("密码").fill(PASSWORD)
    editor.get_by_role("button", name="登录").click()
    with editor.context.expect_page() as opened:
        editor.get_by_role("link", name="预览").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.locator(".preview-banner").inner_text().startswith("预览：本稿尚未发布")
    assert preview.locator("h1").inner_text() == "尚在审核的稿件"
    shot(preview, "preview")

    reader = browser.new_context().new_page()
    assert reader.goto(preview.url).status == 404
    reader.context.close()
    editor.context.close()
