"""The desk's tasks as each role does them in a browser, counting the pages each task loads.

The counts are printed (pytest -s) for the closing note: fewer pages, less waiting at night.
"""

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone

from articles.models import Article, Status
from desk.models import PageSignOff
from tests.browser.admin_helpers import PASSWORD, PageLoads, editorial_groups, sign_in
from tests.browser.conftest import VIEWPORTS, Screenshots, run_axe
from tests.conftest import make_article, make_issue, make_page


def member(username, group):
    if not Group.objects.filter(name=group).exists():
        editorial_groups()
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def tomorrows_issue(author):
    """Tomorrow: 第01版 approved, 第02版 with a submitted article, 第03版 and 第04版 empty."""
    issue = make_issue(date=timezone.localdate() + datetime.timedelta(days=1))
    pages = [
        make_page(issue=issue, number=n, name=name)
        for n, name in enumerate("要闻 工会 综合 副刊".split(), 1)
    ]
    make_article(page=pages[0], headline="全省劳模座谈会召开", status=Status.APPROVED)
    make_article(
        page=pages[1],
        headline="百家职工书屋同日开放",
        status=Status.SUBMITTED,
        created_by=author,
        reporters=[("寿慧桢", "通讯员")],
    )
    return issue, pages


def open_tab(browser, viewport="desktop"):
    return browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN").new_page()


def test_duty_editor_sees_the_missing_pages_and_signs_off_a_page(live_site, browser):
    chief = member("chief", "值班主任/总编")
    issue, pages = tomorrows_issue(member("writer", "通讯员/记者"))
    tab = open_tab(browser)
    shot = Screenshots("desk-chief", "desktop")
    loads = PageLoads(tab)
    sign_in(tab, live_site, "chief")

    missing = tab.locator(".desk-page.desk-missing h3")
    assert [h.inner_text() for h in missing.all()] == ["第03版 综合 缺稿", "第04版 副刊 缺稿"]
    assert "缺稿：2 个版" in tab.locator(".desk-counts").inner_text()
    shot(tab, "missing-pages")

    front = tab.locator(".desk-page", has=tab.get_by_role("link", name="第01版 要闻"))
    front.get_by_label("签版备注").fill("标题已核")
    front.get_by_role("button", name="签版").click()
    assert "已签版" in tab.locator(".messagelist").inner_text()
    assert "签版：chief" in front.inner_text()
    shot(tab, "signed-off")
    sign_off = PageSignOff.objects.in_force().get()
    assert (sign_off.page, sign_off.signed_by, sign_off.note) == (pages[0], chief, "标题已核")
    print(f"\n[page loads] duty editor signs off a page: {loads}")
    # The sign-in form, the desk after signing in, the desk after the sign-off.
    assert loads.count == 3
    tab.context.close()


def test_editor_approves_a_submitted_article_from_the_desk(live_site, browser):
    member("editor", "编辑")
    issue, pages = tomorrows_issue(member("writer", "通讯员/记者"))
    tab = open_tab(browser)
    loads = PageLoads(tab)
    sign_in(tab, live_site, "editor")

    review = tab.locator(".desk-task", has=tab.get_by_role("heading", name="待我审核"))
    assert "1 篇" in review.locator("h2").inner_text()
    row = review.locator(".desk-row", has_text="百家职工书屋同日开放")
    row.get_by_role("button", name="审核通过").click()
    assert "审核通过完成" in tab.locator(".messagelist").inner_text()
    assert "0 篇" in review.locator("h2").inner_text()
    assert Article.objects.get(headline="百家职工书屋同日开放").status == Status.APPROVED
    print(f"\n[page loads] editor approves from the desk: {loads}")
    assert loads.count == 3
    tab.context.close()


def test_correspondent_sees_the_article_sent_back_with_its_reason(live_site, browser):
    writer = member("writer", "通讯员/记者")
    editor = member("editor", "编辑")
    issue, pages = tomorrows_issue(writer)
    article = Article.objects.get(headline="百家职工书屋同日开放")
    article.transition(Status.RETURNED, editor, comment="请补充书屋的开放时间")
    tab = open_tab(browser, "phone")
    shot = Screenshots("desk-correspondent", "phone")
    loads = PageLoads(tab)
    sign_in(tab, live_site, "writer")

    returned = tab.locator(".desk-task", has=tab.get_by_role("heading", name="退回修改"))
    assert "百家职工书屋同日开放" in returned.inner_text()
    assert "退回意见：请补充书屋的开放时间" in returned.inner_text()
    # Their own pieces only: no page of the issue, nobody else's article.
    assert tab.locator(".desk-issue").count() == 0
    assert "全省劳模座谈会召开" not in tab.content()
    shot(tab, "returned")
    print(f"\n[page loads] correspondent finds the reason: {loads}")
    assert loads.count == 2
    tab.context.close()


def test_desk_article_list_form_and_statistics_have_no_accessibility_violations(
    live_site, browser, viewport
):
    member("chief", "值班主任/总编")
    issue, pages = tomorrows_issue(member("writer", "通讯员/记者"))
    article = Article.objects.get(headline="百家职工书屋同日开放")
    for n in range(1, 4):
        make_article(
            page=pages[2],
            position=n,
            headline=f"基层工会动态之{n}",
            reporters=[("寿慧桢", "通讯员"), (f"通讯员{n}", "记者")],
        )
    tab = open_tab(browser, viewport)
    sign_in(tab, live_site, "chief")
    shot = Screenshots("admin", viewport)
    for name, path in [
        ("desk", "/admin/"),
        ("article-list", "/admin/articles/article/"),
        ("article-form", f"/admin/articles/article/{article.pk}/change/"),
        ("statistics", f"/admin/articles/article/statistics/?month={issue.date:%Y-%m}"),
    ]:
        tab.goto(live_site + path)
        shot(tab, name)
        assert run_axe(tab) == [], path
    tab.context.close()


def test_enter_in_the_reason_sends_the_article_back_never_approves_it(live_site, browser):
    member("editor", "编辑")
    tomorrows_issue(member("writer", "通讯员/记者"))
    tab = open_tab(browser, "phone")
    sign_in(tab, live_site, "editor")
    review = tab.locator(".desk-task", has=tab.get_by_role("heading", name="待我审核"))
    reason = review.get_by_label("退回《百家职工书屋同日开放》的意见")
    reason.fill("请核实开放时间")
    reason.press("Enter")
    assert "退回修改完成" in tab.locator(".messagelist").inner_text()
    article = Article.objects.get(headline="百家职工书屋同日开放")
    assert article.status == Status.RETURNED
    assert article.status_changes.get().comment == "请核实开放时间"
    tab.context.close()
