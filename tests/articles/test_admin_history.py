"""Revisions in the admin (every save, the history page, diff, restore) and no lost edits."""

import datetime

import pytest
from django.contrib import messages
from django.contrib.admin import site as admin_site
from django.contrib.messages import get_messages
from django.db import connection
from django.db.models import F
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.admin.forms import ArticleAdminForm, EditConflict
from articles.admin.workflow import history_entries
from articles.models import Article, Revision, StatusChange
from tests.articles.admin_helpers import (
    change_url,
    client_for,
    form_errors,
    make_user,
    post_data_from,
)
from tests.conftest import make_article

pytestmark = pytest.mark.django_db
S = Article.Status
CONFLICT = "此稿件已被他人修改"


def revisions_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def revision_url(article, number):
    return reverse("admin:articles_article_revision", args=[article.pk, number])


def save_headline(client, article, headline):
    data = post_data_from(client.get(change_url(article)))
    data["headline"] = headline
    return client.post(change_url(article), data)


@pytest.fixture
def second_editor(db):
    return make_user("编辑", "second-editor")


# Every save keeps a revision.


def test_every_admin_save_keeps_a_revision_with_author_and_what_changed(editor):
    article = make_article(status=S.DRAFT, headline="初稿标题", tags=["劳模"])
    client = client_for(editor)
    assert save_headline(client, article, "二稿标题").status_code == 302
    data = post_data_from(client.get(change_url(article)))
    data["tags"] = "劳模, 工匠"
    assert client.post(change_url(article), data).status_code == 302

    original, first, second = article.revisions.order_by("number")
    # The wording the article started with is revision 1, whoever wrote it and however.
    assert (original.number, original.author, original.comment) == (1, None, "原始稿件")
    assert original.data["headline"] == "初稿标题"
    assert (first.number, first.author, first.comment) == (2, editor, "修改：主题")
    assert first.data["headline"] == "二稿标题"
    # Saved after the tags: the revision holds the article as it now is.
    assert second.data["tags"] == ["劳模", "工匠"]
    assert second.comment == "修改：标签"


def test_each_save_moves_the_version_by_one(editor):
    article = make_article(status=S.DRAFT)
    client = client_for(editor)
    save_headline(client, article, "一改")
    save_headline(client, article, "二改")
    article.refresh_from_db()
    assert article.version == 3


def test_revisions_page_lists_revisions_and_status_changes(editor, contributor):
    article = make_article(status=S.DRAFT, created_by=contributor)
    save_headline(client_for(contributor), article, "通讯员的标题")
    article.refresh_from_db()
    article.transition(S.SUBMITTED, contributor)
    article.transition(S.RETURNED, editor, comment="请补充数据来源")

    response = client_for(contributor).get(revisions_url(article))

    assert response.status_code == 200
    assert [(r.number, r.author) for r in response.context["revisions"]] == [
        (2, contributor),
        (1, None),
    ]
    # One history: status changes and revisions in one list, newest first.
    entries = [(kind, row) for _, kind, row in response.context["entries"]]
    assert [
        (row.from_status, row.to_status, row.user) for kind, row in entries if kind == "status"
    ] == [(S.SUBMITTED, S.RETURNED, editor), (S.DRAFT, S.SUBMITTED, contributor)]
    assert entries[0][0] == "status" and entries[-1] == (
        "revision",
        response.context["revisions"][1],
    )
    content = response.content.decode()
    assert "请补充数据来源" in content
    assert revision_url(article, 1) in content


def test_revision_page_shows_the_diff_against_the_current_text(editor):
    article = make_article(status=S.DRAFT, headline="旧标题", body="第一段。\n第二段。")
    client = client_for(editor)
    save_headline(client, article, "旧标题")
    data = post_data_from(client.get(change_url(article)))
    data["headline"], data["body"] = "新标题", "第一段。\n改过的第二段。"
    client.post(change_url(article), data)

    response = client.get(revision_url(article, 1))

    assert response.status_code == 200
    changes = dict(response.context["changes"])
    assert set(changes) == {"主题", "正文"}
    content = response.content.decode()
    assert '<li class="diff-removed"><del>－ 旧标题</del></li>' in content
    assert '<li class="diff-added"><ins>＋ 新标题</ins></li>' in content
    assert '<li class="diff-same">　 第一段。</li>' in content
    assert "恢复此版本" in content


def test_restoring_a_revision_brings_back_its_text_as_a_new_revision(editor):
    article = make_article(status=S.DRAFT, headline="原题")
    client = client_for(editor)
    save_headline(client, article, "原题")
    save_headline(client, article, "改题")
    article.refresh_from_db()
    version = article.version

    response = client.post(revision_url(article, 1))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "原题"
    assert article.version == version + 1
    latest = article.revisions.order_by("-number").first()
    assert (latest.number, latest.comment, latest.author) == (4, "恢复至第1版", editor)
    *_, message = get_messages(response.wsgi_request)  # after the saves' own
    assert (str(message), message.level) == ("已恢复至第1版，并存为第4版。", messages.SUCCESS)
    assert response["Location"] == change_url(article)


def test_a_restore_makes_forms_opened_before_it_stale(editor, second_editor):
    article = make_article(status=S.DRAFT, headline="原题")
    save_headline(client_for(editor), article, "改题")
    stale = post_data_from(client_for(second_editor).get(change_url(article)))
    client_for(editor).post(revision_url(article, 1))
    stale["headline"] = "迟到的修改"
    response = client_for(second_editor).post(change_url(article), stale)
    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    # Revision 1 is the original wording, which the restore brought back; the late edit is not.
    assert Article.objects.get(pk=article.pk).headline == "原题"


def test_contributor_may_read_but_not_restore_once_submitted(contributor):
    article = make_article(status=S.DRAFT, created_by=contributor, headline="原题")
    client = client_for(contributor)
    save_headline(client, article, "改题")
    article.refresh_from_db()
    article.transition(S.SUBMITTED, contributor)

    assert client.get(revision_url(article, 1)).status_code == 200
    assert "恢复此版本" not in client.get(revision_url(article, 1)).content.decode()
    assert client.post(revision_url(article, 1)).status_code == 403
    assert article.revisions.count() == 2


def test_someone_elses_history_is_refused(contributor, other_contributor):
    theirs = make_article(status=S.DRAFT, created_by=other_contributor)
    theirs.save_revision(other_contributor)
    client = client_for(contributor)
    assert client.get(revisions_url(theirs)).status_code == 403
    assert client.get(revision_url(theirs, 1)).status_code == 403
    assert client.post(revision_url(theirs, 1)).status_code == 403


def test_unknown_revision_is_404(editor):
    article = make_article(status=S.DRAFT)
    assert client_for(editor).get(revision_url(article, 9)).status_code == 404


def test_history_of_an_unknown_article_is_404_saying_so(editor):
    response = client_for(editor).get(reverse("admin:articles_article_revisions", args=[999]))
    assert response.status_code == 404
    assert response.context["exception"] == "稿件不存在。"


def test_the_old_revisions_address_leads_to_the_history(editor, contributor, other_contributor):
    article = make_article(status=S.DRAFT, created_by=other_contributor)
    old = reverse("admin:articles_article_revisions", args=[article.pk])
    response = client_for(editor).get(old)
    assert (response.status_code, response["Location"]) == (302, revisions_url(article))
    # The old address checks who asks as the history does.
    assert client_for(contributor).get(old).status_code == 403


def test_history_page_is_titled_and_names_the_article(editor):
    article = make_article(status=S.DRAFT, headline="历史页的稿件")
    article.save_revision(editor)
    response = client_for(editor).get(revisions_url(article))
    content = response.content.decode()
    assert "<h1>历史</h1>" in content
    assert "<h2>历史页的稿件</h2>" in content
    assert "<title>历史页的稿件 | 历史 | 采编系统</title>" in content
    # The crumbs lead back to the article's page.
    assert f'<a href="{change_url(article)}">历史页的稿件</a>' in content
    # Rendered for this request: who is signed in, and a logout form that will be accepted.
    assert "<strong>editor</strong>" in content
    assert 'name="csrfmiddlewaretoken"' in content


def at(minutes):
    return timezone.make_aware(datetime.datetime(2024, 10, 8, 9, 0)) + datetime.timedelta(
        minutes=minutes
    )


def test_history_interleaves_revisions_and_status_changes_by_time(editor, contributor):
    article = make_article(status=S.DRAFT, created_by=contributor)
    first = article.save_revision(contributor)
    article.transition(S.SUBMITTED, contributor)
    second = article.save_revision(editor)
    article.transition(S.RETURNED, editor, comment="请补充")
    Revision.objects.filter(pk=first.pk).update(created_at=at(0))
    Revision.objects.filter(pk=second.pk).update(created_at=at(20))
    article.status_changes.filter(to_status=S.SUBMITTED).update(created_at=at(10))
    article.status_changes.filter(to_status=S.RETURNED).update(created_at=at(30))

    response = client_for(editor).get(revisions_url(article))

    described = [
        f"第{row.number}版" if kind == "revision" else row.to_status
        for _, kind, row in response.context["entries"]
    ]
    assert described == [S.RETURNED, "第2版", S.SUBMITTED, "第1版"]


def test_history_entries_written_at_one_instant_keep_the_order_they_were_read_in():
    """Rows of one instant are not compared with each other: the page never fails on a tie."""
    first, second = Revision(number=2, created_at=at(0)), Revision(number=1, created_at=at(0))
    change = StatusChange(to_status=S.SUBMITTED, created_at=at(0))
    entries = history_entries([first, second], [change])
    assert [row for _, _, row in entries] == [first, second, change]


def history_queries(client, article):
    client.get(revisions_url(article))  # warm caches (session, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(revisions_url(article)).status_code == 200
    return len(queries)


def test_history_page_runs_as_many_queries_for_many_entries_as_for_two(editor, second_editor):
    article = make_article(status=S.DRAFT)
    article.save_revision(editor)
    article.transition(S.SUBMITTED, editor)
    client = client_for(editor)
    for_two = history_queries(client, article)

    for author in (editor, second_editor, editor):
        article.save_revision(author)
    article.transition(S.RETURNED, second_editor, comment="再改")
    article.transition(S.SUBMITTED, editor)
    assert history_queries(client, article) == for_two


def test_revision_page_names_the_version_its_author_and_the_article(editor, second_editor):
    article = make_article(status=S.DRAFT, headline="旧标题")
    save_headline(client_for(second_editor), article, "新标题")
    response = client_for(editor).get(revision_url(article, 2))
    content = response.content.decode()
    assert "<h1>第2版与当前稿件的差异</h1>" in content
    assert "<h2>新标题</h2>" in content
    assert "<p>第2版：second-editor 于 " in content
    assert "，修改：主题</p>" in content
    assert "&rsaquo; 第2版</div>" in content.replace("\n", "")
    assert "<strong>editor</strong>" in content
    # Revision 2 is the current text.
    assert "<p>第2版与当前稿件相同。</p>" in content


def revision_queries(client, article, number):
    client.get(revision_url(article, number))  # warm caches (session, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(revision_url(article, number)).status_code == 200
    return len(queries)


def test_revision_page_reads_the_revision_with_its_author_in_one_query(editor):
    article = make_article(status=S.DRAFT, headline="旧标题")
    article.save_revision()  # no author
    article.save_revision(editor)
    client = client_for(editor)
    # The page reads the revision's author with the revision: one with an author runs no
    # more queries than one without.
    assert revision_queries(client, article, 2) == revision_queries(client, article, 1)


def test_the_editors_note_in_a_diff_is_for_those_who_review(editor, contributor):
    article = make_article(status=S.DRAFT, created_by=contributor, headline="原题")
    article.save_revision(contributor)
    Article.objects.filter(pk=article.pk).update(headline="改题", editor_note="数据待核实")
    article.transition(S.SUBMITTED, contributor)

    for_editor = client_for(editor).get(revision_url(article, 1))
    for_contributor = client_for(contributor).get(revision_url(article, 1))

    assert [label for label, _ in for_editor.context["changes"]] == ["主题", "编辑备注"]
    assert "数据待核实" in for_editor.content.decode()
    assert [label for label, _ in for_contributor.context["changes"]] == ["主题"]
    assert "数据待核实" not in for_contributor.content.decode()
    assert '<li class="diff-added"><ins>＋ 改题</ins></li>' in for_contributor.content.decode()


# No lost edits.


def test_second_of_two_editors_is_refused_and_keeps_what_they_typed(editor, second_editor):
    article = make_article(status=S.DRAFT, headline="原标题")
    first, second = client_for(editor), client_for(second_editor)
    first_form = post_data_from(first.get(change_url(article)))
    second_form = post_data_from(second.get(change_url(article)))
    assert first_form["base_version"] == second_form["base_version"] == "1"

    first_form["headline"] = "第一位编辑的标题"
    assert first.post(change_url(article), first_form).status_code == 302

    second_form["headline"] = "第二位编辑的标题"
    second_form["body"] = "第二位编辑重写的正文。"
    response = second.post(change_url(article), second_form)

    assert response.status_code == 200
    content = response.content.decode()
    assert CONFLICT in content
    assert "您的修改尚未保存" in content
    assert revisions_url(article) in content  # the one history page
    # Nothing the second editor typed is lost: the form comes back with it.
    assert 'value="第二位编辑的标题"' in content
    assert "第二位编辑重写的正文。" in content
    article.refresh_from_db()
    assert article.headline == "第一位编辑的标题"
    assert article.version == 2
    # The first editor's save, after the article's starting text (revision 1).
    assert [r.author for r in article.revisions.all()] == [editor, None]


def test_refused_form_saves_on_a_deliberate_second_try(editor, second_editor):
    article = make_article(status=S.DRAFT, headline="原标题")
    first, second = client_for(editor), client_for(second_editor)
    second_form = post_data_from(second.get(change_url(article)))
    save_headline(first, article, "第一位编辑的标题")
    second_form["headline"] = "第二位编辑的标题"

    refused = second.post(change_url(article), second_form)
    # The form shown again is based on the version now stored.
    assert refused.context["adminform"].form["base_version"].value() == "2"
    second_form["base_version"] = "2"
    response = second.post(change_url(article), second_form)

    assert response.status_code == 302, form_errors(response)
    assert Article.objects.get(pk=article.pk).headline == "第二位编辑的标题"
    # The original, then the first editor's text, then the second's: all stay in the history.
    assert article.revisions.count() == 3


def test_status_change_after_the_form_opened_also_refuses_the_save(editor, second_editor):
    article = make_article(status=S.SUBMITTED, headline="原标题")
    stale = post_data_from(client_for(editor).get(change_url(article)))
    article.transition(S.APPROVED, second_editor)
    stale["headline"] = "改了标题"
    response = client_for(editor).post(change_url(article), stale)
    assert CONFLICT in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.status) == ("原标题", S.APPROVED)


def test_form_invalid_for_another_reason_leaves_the_version_alone(editor):
    article = make_article(status=S.DRAFT, headline="原标题", reporters=[("寿慧桢", "记者")])
    client = client_for(editor)
    data = post_data_from(client.get(change_url(article)))
    data["headline"] = "新标题"
    extra = int(data["bylines-TOTAL_FORMS"]) - 1
    untouched = data.copy()
    data[f"bylines-{extra}-role"] = "通讯员"  # neither a reporter nor a unit: an inline error

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    assert "请选择作者，或填写署名单位（二者只填一项）。" in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.version) == ("原标题", 1)
    assert not article.revisions.exists()
    # Fixing the inline and saving again works: the version was not used up.
    untouched["headline"] = "新标题"
    response = client.post(change_url(article), untouched)
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert (article.headline, article.version) == ("新标题", 2)


def test_save_that_loses_the_race_after_the_form_check_is_refused(editor, monkeypatch):
    """Another save commits between the form's check and the UPDATE: the UPDATE refuses."""
    article = make_article(status=S.DRAFT, headline="原标题")
    client = client_for(editor)
    stale = post_data_from(client.get(change_url(article)))
    # The other save: text and version change after the form was opened.
    Article.objects.filter(pk=article.pk).update(headline="另一人的标题", version=F("version") + 1)
    checks = []
    real_check = ArticleAdminForm.current_version

    def check_that_misses_the_other_save(form):
        checks.append(form.instance.pk)
        return 1 if len(checks) == 1 else real_check(form)

    monkeypatch.setattr(ArticleAdminForm, "current_version", check_that_misses_the_other_save)
    stale["headline"] = "迟到的标题"

    response = client.post(change_url(article), stale)

    assert len(checks) == 2  # the first pass reached the UPDATE, the second showed the form
    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    assert 'value="迟到的标题"' in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.version) == ("另一人的标题", 2)
    assert not Revision.objects.filter(article=article).exists()


def test_two_updates_from_the_same_version_only_one_succeeds(editor, second_editor):
    """Two forms checked against the same version, then saved: the admin's own save refuses the
    second (the version test is in its UPDATE, whatever the forms saw)."""
    article = make_article(status=S.DRAFT, headline="原标题")
    model_admin = admin_site._registry[Article]
    forms = []
    for user, headline in ((editor, "第一位编辑的标题"), (second_editor, "第二位编辑的标题")):
        data = post_data_from(client_for(user).get(change_url(article)))
        data["headline"] = headline
        request = RequestFactory().post(change_url(article), data)
        request.user = user
        instance = Article.objects.get(pk=article.pk)
        form_class = model_admin.get_form(request, instance, change=True)
        form = form_class(request.POST, instance=instance)
        assert form.is_valid(), form.errors  # both checked against version 1
        forms.append((request, form))

    saved = []
    for request, form in forms:
        try:
            model_admin.save_model(request, form.instance, form, change=True)
        except EditConflict:
            saved.append(False)
        else:
            saved.append(True)

    assert saved == [True, False]
    article.refresh_from_db()
    assert (article.headline, article.version) == ("第一位编辑的标题", 2)


@pytest.mark.parametrize(
    "posted",
    [None, "0", "2", "99", "abc", "1.5", ""],
    ids=["missing", "older", "newer", "far-newer", "garbage", "decimal", "empty"],
)
def test_a_missing_or_forged_version_is_refused_and_nothing_is_written(editor, posted):
    article = make_article(status=S.DRAFT, headline="原标题", body="原正文。")
    client = client_for(editor)
    data = post_data_from(client.get(change_url(article)))
    assert data["base_version"] == "1"
    data["headline"] = "伪造版本的标题"
    if posted is None:
        del data["base_version"]
    else:
        data["base_version"] = posted

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    article.refresh_from_db()
    assert (article.headline, article.body, article.version) == ("原标题", "原正文。", 1)
    assert not article.revisions.exists()


def test_version_field_is_not_shown_on_a_read_only_page(contributor):
    published = make_article()
    response = client_for(contributor).get(change_url(published))
    assert "base_version" not in response.content.decode()


def chinese(moment):
    """A time as the admin writes it: 2024年10月8日 09:05."""
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def conflict_shown_to(client, article, stale):
    response = client.post(change_url(article), stale)
    assert response.status_code == 200
    [error] = response.context["adminform"].form.non_field_errors().as_data()
    assert error.code == "conflict"
    [message] = error.messages
    return message


def test_the_conflict_names_who_changed_the_article_last_and_when(editor, second_editor):
    second_editor.first_name = "李明"
    second_editor.save()
    article = make_article(status=S.SUBMITTED, headline="原标题")
    client = client_for(editor)
    stale = post_data_from(client.get(change_url(article)))
    save_headline(client_for(second_editor), article, "李明的标题")
    # The newest: revision 1 is the text as it was before this first change.
    revision = article.revisions.latest("number")
    when = timezone.localtime(revision.created_at)
    expected = f"此稿件已被他人修改（李明 于 {chinese(when)}），您的修改尚未保存。"
    assert conflict_shown_to(client, article, stale).startswith(expected)

    # A later status change by the system (publish_scheduled) is named as such.
    later = revision.created_at + datetime.timedelta(minutes=3)
    StatusChange.objects.create(
        article=article, from_status=S.SCHEDULED, to_status=S.PUBLISHED, created_at=later
    )
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    assert conflict_shown_to(client, article, stale) == (
        f"此稿件已被他人修改（系统 于 {chinese(timezone.localtime(later))}），"
        f'您的修改尚未保存。<a href="{revisions_url(article)}" target="_blank">查看历史</a>，'
        "核对后再次点击“保存”将以您的内容为准。"
    )
    # The latest by time, whatever order the records were written in.
    StatusChange.objects.create(
        article=article,
        from_status=S.SCHEDULED,
        to_status=S.APPROVED,
        user=editor,
        created_at=later - datetime.timedelta(minutes=1),
    )
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    assert conflict_shown_to(client, article, stale).startswith("此稿件已被他人修改（系统 于 ")


def test_a_conflict_with_no_record_of_who_says_someone_else(editor):
    article = make_article(status=S.DRAFT, headline="原标题")
    client = client_for(editor)
    stale = post_data_from(client.get(change_url(article)))
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    assert conflict_shown_to(client, article, stale).startswith(
        "此稿件已被他人修改（他人），您的修改尚未保存。"
    )
