"""A correspondent sees their own articles only, and never the desk's internal note (issue 13,
item 8: a 通讯员 opened someone else's published article's change page, with its 编辑备注, and
its revisions page, although the group may not view revisions)."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.articles.admin_helpers import change_url, client_for, post_data_from
from tests.conftest import make_article

pytestmark = pytest.mark.django_db
S = Article.Status
NOTE = "内部：作者稿费待定，数据请再核"


def history_urls(article):
    return [
        change_url(article),
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_article_revisions", args=[article.pk]),
        reverse("admin:articles_article_revision", args=[article.pk, 1]),
    ]


def test_someone_elses_published_article_and_its_history_are_refused(
    contributor, other_contributor
):
    theirs = make_article(created_by=other_contributor, editor_note=NOTE)
    theirs.save_revision(other_contributor)
    client = client_for(contributor)

    for url in history_urls(theirs):
        response = client.get(url)
        assert response.status_code == 403, url
        assert NOTE not in response.content.decode()


def test_an_article_nobody_owns_is_refused_too(contributor):
    imported = make_article(editor_note=NOTE)  # imported articles have no author

    assert client_for(contributor).get(change_url(imported)).status_code == 403


def test_the_editors_note_is_not_shown_on_a_contributors_own_article(contributor):
    mine = make_article(status=S.DRAFT, created_by=contributor, editor_note=NOTE)

    response = client_for(contributor).get(change_url(mine))

    assert response.status_code == 200
    assert NOTE not in response.content.decode()
    assert "editor_note" not in response.context["adminform"].form.fields


def test_a_contributors_save_keeps_the_editors_note(contributor):
    mine = make_article(status=S.DRAFT, created_by=contributor, editor_note=NOTE)
    client = client_for(contributor)
    data = post_data_from(client.get(change_url(mine)))
    data["headline"] = "通讯员改过的标题"

    assert client.post(change_url(mine), data).status_code == 302

    mine.refresh_from_db()
    assert (mine.headline, mine.editor_note) == ("通讯员改过的标题", NOTE)


def test_the_editors_note_is_left_out_of_a_contributors_revision_diff(contributor, editor):
    mine = make_article(status=S.DRAFT, created_by=contributor)
    mine.save_revision(contributor)
    mine.editor_note = NOTE
    mine.save()
    url = reverse("admin:articles_article_revision", args=[mine.pk, 1])

    assert NOTE not in client_for(contributor).get(url).content.decode()
    assert NOTE in client_for(editor).get(url).content.decode()


def test_editors_see_and_edit_the_note(editor, other_contributor):
    theirs = make_article(created_by=other_contributor, editor_note=NOTE)

    response = client_for(editor).get(change_url(theirs))

    assert NOTE in response.content.decode()


def test_the_issue_page_lists_a_contributors_own_articles_only(contributor, other_contributor):
    mine = make_article(status=S.DRAFT, created_by=contributor, headline="我的稿件")
    make_article(page=mine.page, position=2, status=S.DRAFT, headline="别人的草稿")
    url = reverse("admin:articles_issue_change", args=[mine.issue.pk])

    content = client_for(contributor).get(url).content.decode()

    assert "我的稿件" in content
    assert "别人的草稿" not in content
