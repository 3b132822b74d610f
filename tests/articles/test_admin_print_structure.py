"""The admin's issue list says which issues are still unpublished; a page lists its articles."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.articles.admin_helpers import client_for
from tests.conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db
S = Article.Status


def test_issue_list_tells_draft_partial_and_published_issues_apart(editor):
    draft, partial, done = make_issue(), make_issue(), make_issue()
    make_article(issue=draft, status=S.DRAFT)
    page = make_page(issue=partial)
    make_article(page=page, position=1)
    make_article(page=page, position=2, status=S.APPROVED)
    make_article(issue=done)
    response = client_for(editor).get(reverse("admin:articles_issue_changelist"))
    shown = {row.pk: row for row in response.context["cl"].result_list}
    admin = response.context["cl"].model_admin
    assert admin.publication(shown[draft.pk]) == "未发布"
    assert admin.publication(shown[partial.pk]) == "部分发布 1/2"
    assert admin.publication(shown[done.pk]) == "已发布"
    assert "未发布" in response.content.decode()


def test_page_form_lists_its_articles_in_print_order(editor):
    page = make_page()
    make_article(page=page, position=2, headline="第二篇", status=S.SUBMITTED)
    make_article(page=page, position=1, headline="第一篇")
    content = (
        client_for(editor)
        .get(reverse("admin:articles_page_change", args=[page.pk]))
        .content.decode()
    )
    assert content.index("第一篇") < content.index("第二篇")
    assert "第二篇</a>（待审）" in content


def test_a_contributor_sees_only_their_own_articles_on_a_page(contributor, editor):
    page = make_page()
    make_article(page=page, position=1, headline="自己的稿件", created_by=contributor)
    make_article(page=page, position=2, headline="别人的稿件", created_by=editor)
    content = (
        client_for(contributor)
        .get(reverse("admin:articles_page_change", args=[page.pk]))
        .content.decode()
    )
    assert "自己的稿件" in content and "别人的稿件" not in content
