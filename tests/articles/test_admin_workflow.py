"""Roles and the workflow in the admin: what each role may do; forged POSTs change nothing."""

import datetime
import re

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.admin.forms import DateTimeLocalInput, SuggestingTextInput
from articles.models import Article, StatusChange
from tests.articles.admin_helpers import (
    change_url,
    client_for,
    form_errors,
    messages_of,
    post_data_from,
    run_action,
    transition_url,
)
from tests.conftest import make_article, make_page

pytestmark = pytest.mark.django_db
S = Article.Status


def by(user, status=S.DRAFT, **overrides):
    return make_article(status=status, created_by=user, **overrides)


def snapshot(article):
    """What must not move when a request is refused."""
    row = Article.objects.get(pk=article.pk)
    return (
        row.status,
        row.published_at,
        row.headline,
        row.version,
        row.status_changes.count(),
        row.revisions.count(),
    )


# Who sees what.


def test_contributor_lists_only_their_own_articles(contributor, other_contributor):
    mine = by(contributor)
    by(other_contributor)
    make_article()  # published, nobody's
    response = client_for(contributor).get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [mine]


def test_editor_lists_everyones_articles(editor, contributor, other_contributor):
    articles = [by(contributor), by(other_contributor), make_article()]
    response = client_for(editor).get(reverse("admin:articles_article_changelist"))
    assert sorted(response.context["cl"].result_list, key=lambda a: a.pk) == articles


def test_contributor_cannot_open_someone_elses_draft(contributor, other_contributor):
    theirs = by(other_contributor)
    client = client_for(contributor)
    assert client.get(change_url(theirs)).status_code == 403
    revisions = reverse("admin:articles_article_revisions", args=[theirs.pk])
    assert client.get(revisions).status_code == 403


def test_contributor_may_view_their_own_published_article_read_only(contributor):
    published = make_article(created_by=contributor)
    response = client_for(contributor).get(change_url(published))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert response.context["transition_form"] is None


def test_contributor_edits_own_draft(contributor):
    mine = by(contributor)
    client = client_for(contributor)
    data = post_data_from(client.get(change_url(mine)))
    data["headline"] = "通讯员改的标题"

    response = client.post(change_url(mine), data)

    assert response.status_code == 302, form_errors(response)
    mine.refresh_from_db()
    assert mine.headline == "通讯员改的标题"
    assert mine.revisions.get(number=2).author == contributor
    assert mine.revisions.get(number=1).data["headline"] != "通讯员改的标题"


def test_forged_edit_of_someone_elses_draft_is_403_and_changes_nothing(
    contributor, other_contributor
):
    theirs = by(other_contributor)
    editor_view = client_for(other_contributor)
    data = post_data_from(editor_view.get(change_url(theirs)))
    data["headline"] = "冒改的标题"
    before = snapshot(theirs)

    response = client_for(contributor).post(change_url(theirs), data)

    assert response.status_code == 403
    assert snapshot(theirs) == before


def test_contributor_cannot_edit_own_article_once_submitted(contributor):
    mine = by(contributor)
    client = client_for(contributor)
    data = post_data_from(client.get(change_url(mine)))
    mine.transition(S.SUBMITTED, contributor)
    data["headline"] = "提交后又改"
    data["base_version"] = str(mine.version)
    before = snapshot(mine)

    assert client.get(change_url(mine)).context["has_change_permission"] is False
    response = client.post(change_url(mine), data)

    assert response.status_code == 403
    assert snapshot(mine) == before


def test_contributor_adds_a_draft_of_their_own_whatever_the_post_says(contributor):
    client = client_for(contributor)
    url = reverse("admin:articles_article_add")
    data = post_data_from(client.get(url))
    data.update(
        {
            "headline": "通讯员来稿",
            "body": "本报讯 第一段。",
            "page": str(make_page().pk),
            "position": "1",
            "status": S.PUBLISHED,
            "published_at_0": "2024-10-08",
            "published_at_1": "08:00:00",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    added = Article.objects.get(headline="通讯员来稿")
    assert (added.status, added.published_at, added.created_by) == (S.DRAFT, None, contributor)
    assert added.revisions.get().comment == "新建稿件"


# Deleting.


def test_editor_cannot_delete_a_published_article(editor):
    published = make_article()
    client = client_for(editor)
    url = reverse("admin:articles_article_delete", args=[published.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=published.pk).exists()


@pytest.mark.parametrize("status", [S.SCHEDULED, S.WITHDRAWN])
def test_editor_cannot_delete_a_scheduled_or_withdrawn_article(editor, status):
    article = make_article(status=status, published_at=timezone.now())
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client_for(editor).post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_editor_cannot_delete_a_once_withdrawn_article_put_back_to_draft(editor, chief):
    article = make_article()
    article.transition(S.WITHDRAWN, chief)
    article.transition(S.DRAFT, chief)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client_for(editor).post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_forged_bulk_delete_of_a_published_article_by_an_editor_is_403(editor):
    draft, published = make_article(status=S.DRAFT), make_article()
    response = run_action(client_for(editor), "delete_selected", [draft, published], post="yes")
    assert response.status_code == 403
    assert Article.objects.filter(pk__in=[draft.pk, published.pk]).count() == 2


def test_editor_deletes_a_draft(editor):
    draft = make_article(status=S.DRAFT)
    url = reverse("admin:articles_article_delete", args=[draft.pk])
    assert client_for(editor).post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()


def test_superuser_deletes_a_published_article(admin_client):
    published = make_article()
    url = reverse("admin:articles_article_delete", args=[published.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=published.pk).exists()


def test_contributor_cannot_delete_even_own_draft(contributor):
    mine = by(contributor)
    url = reverse("admin:articles_article_delete", args=[mine.pk])
    assert client_for(contributor).post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=mine.pk).exists()


# The change page's workflow buttons.


def offered(client, article):
    form = client.get(change_url(article)).context["transition_form"]
    return [] if form is None else [value for value, _ in form.fields["to_status"].choices]


def test_change_page_offers_each_role_only_its_transitions(contributor, editor, chief):
    draft = by(contributor)
    assert offered(client_for(contributor), draft) == [S.SUBMITTED]
    submitted = by(contributor, status=S.SUBMITTED)
    assert offered(client_for(contributor), submitted) == []
    assert offered(client_for(editor), submitted) == [S.RETURNED, S.APPROVED]
    published = make_article()
    assert offered(client_for(editor), published) == []
    assert offered(client_for(chief), published) == [S.WITHDRAWN]


def test_change_page_links_preview_and_history(contributor):
    mine = by(contributor)
    content = client_for(contributor).get(change_url(mine)).content.decode()
    assert f'href="/articles/{mine.pk}/preview/"' in content
    assert reverse("admin:articles_article_history", args=[mine.pk]) in content
    # The readers' URL of a draft would be a 404: no "view on site" until it is published.
    assert "viewsitelink" not in content
    own_published = make_article(created_by=contributor)
    published = client_for(contributor).get(change_url(own_published)).content.decode()
    assert "viewsitelink" in published


def test_contributor_submits_own_draft_with_the_button(contributor):
    mine = by(contributor)
    response = client_for(contributor).post(transition_url(mine), {"to_status": S.SUBMITTED})
    assert response.status_code == 302
    assert response.url == change_url(mine)
    change = StatusChange.objects.get(article=mine)
    assert (change.user, change.from_status, change.to_status) == (
        contributor,
        S.DRAFT,
        S.SUBMITTED,
    )


def test_editor_sends_back_with_a_comment_the_author_then_sees(contributor, editor):
    article = by(contributor, status=S.SUBMITTED)
    response = client_for(editor).post(
        transition_url(article), {"to_status": S.RETURNED, "comment": "请补充数据来源"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == S.RETURNED
    page = client_for(contributor).get(change_url(article))
    assert page.context["has_change_permission"] is True
    assert "请补充数据来源" in page.content.decode()


def test_sending_back_without_a_comment_is_refused_with_a_message(editor):
    article = make_article(status=S.SUBMITTED)
    before = snapshot(article)
    response = client_for(editor).post(transition_url(article), {"to_status": S.RETURNED})
    assert response.status_code == 302
    assert messages_of(response) == ["退回修改时请写明意见。"]
    assert snapshot(article) == before


def test_editor_schedules_with_a_future_time(editor):
    article = make_article(status=S.APPROVED)
    at = timezone.localtime() + datetime.timedelta(days=1)
    response = client_for(editor).post(
        transition_url(article),
        {"to_status": S.SCHEDULED, "publish_at": at.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == S.SCHEDULED
    assert article.published_at == at.replace(second=0, microsecond=0)
    assert not article.is_published()


def test_scheduling_in_the_past_is_refused_with_a_message(editor):
    article = make_article(status=S.APPROVED)
    before = snapshot(article)
    response = client_for(editor).post(
        transition_url(article), {"to_status": S.SCHEDULED, "publish_at": "2020-01-01T08:00"}
    )
    assert messages_of(response) == ["定时发布需要一个将来的发布时间。"]
    assert snapshot(article) == before


def test_editor_publishes_an_approved_article(editor):
    article = make_article(status=S.APPROVED)
    client_for(editor).post(transition_url(article), {"to_status": S.PUBLISHED})
    article.refresh_from_db()
    assert article.is_published()


def test_chief_withdraws_a_published_article(chief):
    article = make_article()
    client_for(chief).post(transition_url(article), {"to_status": S.WITHDRAWN, "comment": "有误"})
    article.refresh_from_db()
    assert article.status == S.WITHDRAWN


@pytest.mark.parametrize(
    "role, status, target",
    [
        ("contributor", S.SUBMITTED, S.APPROVED),
        ("contributor", S.APPROVED, S.PUBLISHED),
        ("editor", S.PUBLISHED, S.WITHDRAWN),
    ],
)
def test_forged_transition_the_role_may_not_make_is_403(request, role, status, target):
    user = request.getfixturevalue(role)
    article = by(
        user, status=status, published_at=timezone.now() if status == S.PUBLISHED else None
    )
    before = snapshot(article)
    response = client_for(user).post(transition_url(article), {"to_status": target})
    assert response.status_code == 403
    assert snapshot(article) == before


def test_forged_transition_on_someone_elses_draft_is_403(contributor, other_contributor):
    theirs = by(other_contributor)
    before = snapshot(theirs)
    response = client_for(contributor).post(transition_url(theirs), {"to_status": S.SUBMITTED})
    assert response.status_code == 403
    assert snapshot(theirs) == before


def test_transition_outside_the_workflow_is_refused_even_for_a_chief(chief):
    draft = make_article(status=S.DRAFT)
    before = snapshot(draft)
    response = client_for(chief).post(transition_url(draft), {"to_status": S.PUBLISHED})
    assert messages_of(response) == ["不能从“草稿”改为“已发布”。"]
    assert snapshot(draft) == before


def test_unknown_status_is_refused_with_a_message(chief):
    draft = make_article(status=S.DRAFT)
    before = snapshot(draft)
    response = client_for(chief).post(transition_url(draft), {"to_status": "live"})
    assert response.status_code == 302
    assert len(messages_of(response)) == 1
    assert snapshot(draft) == before


def test_transition_view_answers_only_post(chief):
    article = make_article(status=S.APPROVED)
    assert client_for(chief).get(transition_url(article)).status_code == 405


# Where a button leads back to: the page it was on (the desk), if that page is ours.


def test_a_button_on_another_admin_page_leads_back_there(editor):
    article = make_article(status=S.SUBMITTED)
    desk = reverse("admin:index")
    response = client_for(editor).post(
        transition_url(article), {"to_status": S.APPROVED, "next": desk}
    )
    assert response["Location"] == desk
    # Given in full, with this site's own name, it is followed too.
    returned = make_article(status=S.SUBMITTED)
    response = client_for(editor).post(
        transition_url(returned), {"to_status": S.APPROVED, "next": f"http://testserver{desk}"}
    )
    assert response["Location"] == f"http://testserver{desk}"


def test_a_page_over_https_is_not_left_for_the_same_page_over_plain_http(editor):
    article = make_article(status=S.SUBMITTED)
    response = client_for(editor).post(
        transition_url(article),
        {"to_status": S.APPROVED, "next": "http://testserver/admin/"},
        secure=True,
    )
    assert response["Location"] == change_url(article)
    article.refresh_from_db()
    assert article.status == S.APPROVED


def test_a_refused_change_also_leads_back_to_the_page_it_came_from(editor):
    article = make_article(status=S.SUBMITTED)
    desk = reverse("admin:index")
    response = client_for(editor).post(transition_url(article), {"to_status": "", "next": desk})
    assert response["Location"] == desk


# Bulk actions.


def action_names(client):
    response = client.get(reverse("admin:articles_article_changelist"))
    return [name for name, _ in response.context["action_form"].fields["action"].choices if name]


def test_each_role_is_offered_only_its_bulk_actions(contributor, editor, chief):
    assert action_names(client_for(contributor)) == ["submit_selected"]
    assert action_names(client_for(editor)) == [
        "delete_selected",
        "submit_selected",
        "approve_selected",
        "schedule_selected",
        "publish_selected",
    ]
    assert "withdraw_selected" in action_names(client_for(chief))


def test_bulk_publish_moves_what_it_may_and_counts_the_rest(editor):
    approved = [make_article(status=S.APPROVED) for _ in range(3)]
    drafts = [make_article(status=S.DRAFT) for _ in range(2)]
    response = run_action(client_for(editor), "publish_selected", approved + drafts)
    assert response.status_code == 302
    assert messages_of(response) == [
        "发布：3 篇已完成。",
        "发布：2 篇未处理（当前状态不允许此操作，或您无权处理）。",
    ]
    levels = [m.level for m in get_messages(response.wsgi_request)]
    assert levels == [messages.SUCCESS, messages.WARNING]
    assert Article.objects.published().count() == 3
    assert Article.objects.filter(status=S.DRAFT).count() == 2
    # No comment was given: none is recorded.
    assert set(StatusChange.objects.values_list("comment", flat=True)) == {""}


def test_bulk_publish_refused_for_want_of_alt_text_is_an_error_and_moves_nothing(editor):
    approved = [make_article(status=S.APPROVED) for _ in range(2)]
    approved[1].photos.create(position=1, image="photos/x.jpg", alt="")
    response = run_action(client_for(editor), "publish_selected", approved)
    [refused] = get_messages(response.wsgi_request)
    assert refused.level == messages.ERROR
    assert str(refused).startswith(f"发布：《{approved[1].headline}》的图片缺少替代文字")
    assert not Article.objects.published().exists()


def test_forged_bulk_publish_by_a_contributor_changes_nothing(contributor):
    mine = by(contributor, status=S.APPROVED)
    before = snapshot(mine)
    response = run_action(client_for(contributor), "publish_selected", [mine])
    assert response.status_code == 302
    assert messages_of(response) == ["未选择动作"]
    assert snapshot(mine) == before


def test_forged_bulk_withdraw_by_an_editor_changes_nothing(editor):
    published = make_article()
    before = snapshot(published)
    run_action(client_for(editor), "withdraw_selected", [published])
    assert snapshot(published) == before


def test_contributor_bulk_submit_moves_only_own_drafts(contributor, other_contributor):
    mine = [by(contributor) for _ in range(2)]
    theirs = by(other_contributor)
    before = snapshot(theirs)
    response = run_action(client_for(contributor), "submit_selected", [*mine, theirs])
    assert response.status_code == 302
    assert [Article.objects.get(pk=a.pk).status for a in mine] == [S.SUBMITTED] * 2
    assert snapshot(theirs) == before


def test_bulk_approve_records_who_approved(editor):
    submitted = [make_article(status=S.SUBMITTED) for _ in range(2)]
    run_action(client_for(editor), "approve_selected", submitted)
    changes = StatusChange.objects.filter(to_status=S.APPROVED)
    assert sorted(c.article_id for c in changes) == [a.pk for a in submitted]
    assert {c.user for c in changes} == {editor}


def test_bulk_schedule_uses_the_time_in_the_action_bar(editor):
    approved = [make_article(status=S.APPROVED) for _ in range(2)]
    at = timezone.localtime() + datetime.timedelta(hours=3)
    run_action(
        client_for(editor),
        "schedule_selected",
        approved,
        publish_at=at.strftime("%Y-%m-%dT%H:%M"),
    )
    for article in approved:
        article.refresh_from_db()
        assert article.status == S.SCHEDULED
        assert article.published_at == at.replace(second=0, microsecond=0)


def test_bulk_schedule_without_a_time_changes_nothing(editor):
    approved = make_article(status=S.APPROVED)
    before = snapshot(approved)
    response = run_action(client_for(editor), "schedule_selected", [approved])
    assert messages_of(response) == ["定时发布：请在操作栏填写定时发布时间。"]
    assert snapshot(approved) == before


def test_bulk_schedule_in_the_past_changes_nothing(editor):
    approved = make_article(status=S.APPROVED)
    before = snapshot(approved)
    response = run_action(
        client_for(editor), "schedule_selected", [approved], publish_at="2020-01-01T08:00"
    )
    assert messages_of(response) == ["定时发布：定时发布需要一个将来的发布时间。"]
    assert snapshot(approved) == before


def test_chief_bulk_withdraws_with_a_comment(chief):
    published = [make_article() for _ in range(2)]
    run_action(client_for(chief), "withdraw_selected", published, comment="重复刊发")
    assert Article.objects.filter(status=S.WITHDRAWN).count() == 2
    assert set(StatusChange.objects.values_list("comment", flat=True)) == {"重复刊发"}


def approved_articles(count):
    page = make_page()
    return [make_article(page=page, position=n, status=S.APPROVED) for n in range(1, count + 1)]


def bulk_publish_queries(client, articles):
    with CaptureQueriesContext(connection) as queries:
        response = run_action(client, "publish_selected", articles)
    assert response.status_code == 302
    assert messages_of(response)[-1] == f"发布：{len(articles)} 篇已完成。"
    return [query["sql"] for query in queries]


def test_bulk_publish_runs_as_many_queries_for_150_articles_as_for_20(editor):
    client = client_for(editor)
    client.get(reverse("admin:articles_article_changelist"))  # warm caches (session, types)
    # Below SQLite's 166-row batches for the status-change insert, so one INSERT in both.
    queries_for_20 = bulk_publish_queries(client, approved_articles(20))
    queries_for_150 = bulk_publish_queries(client, approved_articles(150))
    assert len(queries_for_150) == len(queries_for_20)
    assert Article.objects.published().count() == 170


def test_bulk_publish_of_200_articles_through_the_admin_runs_exactly_these_queries(editor):
    """How long it takes is measured in bench/bulk_publish.py, never asserted here."""
    client = client_for(editor)
    articles = approved_articles(200)
    queries = bulk_publish_queries(client, articles)
    assert Article.objects.published().count() == 200
    assert StatusChange.objects.filter(to_status=S.PUBLISHED).count() == 200
    # Session and user, the user's and the groups' permissions; the changelist's filter
    # choices (years, sections, cities, tags) and count, twice (the admin builds the list
    # before and after reading the action); the selection's count; then the action itself:
    # savepoint, locked read, one UPDATE, the record insert (SQLite splits it in batches of
    # 166 rows for its 999-variable limit), release, one read of what the published articles'
    # pages show (the page cache refreshes only those), the rendered pages (articles and lists)
    # that show them looked for in one UNION (prerendered: none here, else two deletes for each
    # kind), and the page cache's
    # look-up of the next scheduled publication. More means a query per article crept in.
    inserts = 1 if connection.vendor == "postgresql" else 2
    assert len(queries) == 21 + inserts, "\n".join(queries)


def buttons_on_page(client, article):
    """The status-change buttons the article's change page shows, in order."""
    html = client.get(change_url(article)).content.decode()
    return re.findall(
        r'<button type="submit" class="button" name="to_status" value="\w+">(.+?)</', html
    )


@pytest.mark.parametrize(
    "status, by_role",
    [
        (S.DRAFT, {"contributor": ["提交审核"], "editor": ["提交审核"], "chief": ["提交审核"]}),
        (S.SUBMITTED, {"contributor": [], "editor": ["退回修改", "审核通过"]}),
        (S.APPROVED, {"editor": ["退回修改", "定时发布", "发布"]}),
        (S.PUBLISHED, {"editor": [], "chief": ["撤稿"]}),
        (S.WITHDRAWN, {"chief": ["恢复为草稿"]}),
    ],
)
def test_the_change_page_offers_each_role_exactly_its_status_changes(
    contributor, editor, chief, status, by_role
):
    users = {"contributor": contributor, "editor": editor, "chief": chief}
    article = by(contributor, status=status)
    for role, labels in by_role.items():
        assert buttons_on_page(client_for(users[role]), article) == labels, role


# The admin's own widgets, rendered: the scheduler's date-and-time picker and the byline role's
# text box with suggestions.


def test_date_time_picker_shows_the_value_as_the_browser_reads_it():
    html = DateTimeLocalInput().render("publish_at", datetime.datetime(2024, 10, 8, 6, 5, 59))
    assert 'type="datetime-local"' in html
    assert 'value="2024-10-08T06:05"' in html  # no seconds: the picker has none


def test_date_time_picker_keeps_its_attributes():
    html = DateTimeLocalInput(attrs={"class": "vDateTime"}).render("t", None)
    assert 'class="vDateTime"' in html


def test_suggesting_text_box_offers_its_values_in_a_datalist_of_its_own():
    widget = SuggestingTextInput(["记者", "通讯员"], attrs={"size": 10})
    html = widget.render("role", "记者", attrs={"id": "id_bylines-0-role"})
    assert 'list="id_bylines-0-role-suggestions"' in html
    assert 'size="10"' in html
    assert '<datalist id="id_bylines-0-role-suggestions">' in html
    assert html.index('<option value="记者">') < html.index('<option value="通讯员">')


def test_suggesting_text_box_without_an_id_names_its_datalist_after_the_field():
    html = SuggestingTextInput(["记者"]).render("role", "")
    assert 'list="role-suggestions"' in html
    assert '<datalist id="role-suggestions">' in html
