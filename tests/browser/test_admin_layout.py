"""Every kind of admin page fits the window at 1280 and at 375 px: no sideways scrolling."""

import datetime

from django.utils import timezone

from articles.models import Article, Page, Reporter, Section
from regions.models import Region
from tests.browser.admin_helpers import PASSWORD, scrolls_sideways, sign_in
from tests.browser.conftest import SEED_DATE, Screenshots, seed_article
from tests.conftest import make_article, make_issue, make_page


def admin_pages():
    """One address of each kind of admin page, on the seed issue and a draft issue."""
    article = seed_article(1)
    article.save_revision(None, "测试")
    page = Page.objects.get(issue__date=SEED_DATE, number=2)
    issue = page.issue
    tomorrow = make_issue(date=timezone.localdate() + datetime.timedelta(days=1))
    make_page(issue=tomorrow, number=1, name="要闻")
    make_article(
        page=make_page(issue=tomorrow, number=2, name="工会"),
        headline="一个很长很长的标题，用来看看列表里的主题一栏能不能在两行之内读完",
        status=Article.Status.SUBMITTED,
    )
    reporter = Reporter.objects.first()
    region = Region.objects.first()
    section = Section.objects.first()
    return [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/?status__exact=published",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/article/{article.pk}/history/",
        f"/admin/articles/article/{article.pk}/revisions/1/",
        "/admin/articles/article/statistics/?start=2024-10-01&end=2024-10-31",
        "/admin/articles/issue/",
        "/admin/articles/issue/add/",
        f"/admin/articles/issue/{issue.pk}/change/",
        "/admin/articles/issue/import/",
        "/admin/articles/page/",
        f"/admin/articles/page/{page.pk}/change/",
        "/admin/articles/section/",
        f"/admin/articles/section/{section.pk}/change/",
        "/admin/articles/reporter/",
        f"/admin/articles/reporter/{reporter.pk}/change/",
        "/admin/regions/region/",
        f"/admin/regions/region/{region.pk}/change/",
        "/admin/auth/user/",
        "/admin/password_change/",
        "/admin/desk/pagesignoff/",
        "/admin/desk/issuesignoff/",
    ]


def test_no_admin_page_scrolls_sideways(paper, tab, viewport, django_user_model):
    django_user_model.objects.create_superuser("chief", password=PASSWORD)
    pages = admin_pages()
    sign_in(tab, paper, "chief")
    shot = Screenshots("admin-layout", viewport)
    wide = []
    for path in pages:
        response = tab.goto(paper + path)
        assert response.status == 200, path
        if path.endswith("/change/") and "/issue/" in path:
            shot(tab, "issue-form")
        if scrolls_sideways(tab):
            wide.append((path, tab.evaluate("document.documentElement.scrollWidth")))
    assert wide == [], f"{viewport}: pages wider than the window: {wide}"
