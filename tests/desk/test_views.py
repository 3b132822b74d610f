"""The desk page: what each role sees, the one-click changes through the article admin's own
transition view, sign-offs from the page, and its query count whatever the number of articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Status
from desk.models import PageSignOff
from tests.articles.admin_helpers import client_for, messages_of, transition_url
from tests.conftest import make_article

DESK = reverse("admin:index")


def test_the_desk_is_the_admin_home_page_with_pages_in_print_order(tomorrow, chief):
    content = client_for(chief).get(DESK).content.decode()
    assert "工作台" in content
    content = content[content.index('class="desk-issue"') :]
    first, second, third = (content.index(f"第0{n}版") for n in (1, 2, 3))
    assert first < second < third
    assert "缺稿：本版还没有稿件。" in content
    assert "未就绪" in content and "可签版" in content
    assert "已审：1 篇" in content and "待审：1 篇" in content


def test_editor_sees_what_waits_for_review_with_its_buttons(tomorrow, editor):
    response = client_for(editor).get(DESK)
    content = response.content.decode()
    review = response.context["tasks"][0]
    assert (review.title, review.count) == ("待我审核", 1)
    assert [a.headline for a in review.rows] == ["职工书屋开放"]
    assert 'value="approved"' in content and 'value="returned"' in content
    # Editors may not sign off: no button, and the POST is refused.
    assert "desk/pages/" not in content


def test_approving_from_the_desk_goes_through_the_workflow_and_comes_back(tomorrow, editor):
    article = tomorrow.articles.get(status=Status.SUBMITTED)
    response = client_for(editor).post(
        transition_url(article), {"to_status": "approved", "next": DESK}, follow=True
    )
    assert response.redirect_chain[-1][0] == DESK
    article.refresh_from_db()
    assert article.status == Status.APPROVED
    assert article.status_changes.get().user == editor


def test_sending_back_without_a_reason_is_refused_and_changes_nothing(tomorrow, editor):
    article = tomorrow.articles.get(status=Status.SUBMITTED)
    response = client_for(editor).post(
        transition_url(article), {"to_status": "returned", "comment": " ", "next": DESK}
    )
    assert response["Location"] == DESK
    assert "退回修改时请写明意见。" in messages_of(response)
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED


def test_a_contributor_cannot_approve_by_posting_from_the_desk(tomorrow, contributor):
    article = tomorrow.articles.get(status=Status.SUBMITTED)
    response = client_for(contributor).post(
        transition_url(article), {"to_status": "approved", "next": DESK}
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED


def test_next_to_another_site_is_ignored(tomorrow, editor):
    article = tomorrow.articles.get(status=Status.SUBMITTED)
    response = client_for(editor).post(
        transition_url(article), {"to_status": "approved", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])


def test_contributor_sees_own_pieces_and_the_reason_they_came_back(tomorrow, contributor, editor):
    article = tomorrow.articles.get(status=Status.SUBMITTED)
    article.transition(Status.RETURNED, editor, comment="导语太长，请压缩到两句")
    make_article(page=article.page, headline="别人的稿件", status=Status.DRAFT, position=2)
    response = client_for(contributor).get(DESK)
    content = response.content.decode()
    assert [t.title for t in response.context["tasks"]] == ["退回修改", "我的稿件"]
    assert "退回意见：导语太长，请压缩到两句" in content
    # Only their own pieces: neither the pages of the issue nor another's article.
    assert response.context["boards"] == []
    assert "别人的稿件" not in content and "劳模座谈会召开" not in content
    assert 'value="submitted"' in content


def test_chief_signs_off_a_page_from_the_desk_and_revokes_it(tomorrow, chief):
    page = tomorrow.pages.get(number=1)
    client = client_for(chief)
    response = client.post(reverse("admin:desk_sign_off_page", args=[page.pk]), {"note": "已核"})
    assert response.status_code == 302
    sign_off = PageSignOff.objects.in_force().get()
    assert (sign_off.page, sign_off.note) == (page, "已核")
    assert "已签版" in client.get(DESK + f"?date={tomorrow.date}").content.decode()
    client.post(reverse("admin:desk_revoke_page", args=[sign_off.pk]))
    assert not PageSignOff.objects.in_force().exists()


def test_signing_off_a_missing_page_says_why_and_writes_nothing(tomorrow, chief):
    page = tomorrow.pages.get(number=3)
    response = client_for(chief).post(reverse("admin:desk_sign_off_page", args=[page.pk]))
    assert any("缺稿" in message for message in messages_of(response))
    assert not PageSignOff.objects.exists()


def test_editor_posting_a_sign_off_is_refused(tomorrow, editor):
    page = tomorrow.pages.get(number=1)
    response = client_for(editor).post(reverse("admin:desk_sign_off_page", args=[page.pk]))
    assert response.status_code == 403
    assert not PageSignOff.objects.exists()


def test_sign_off_is_post_only_and_unknown_pages_are_404(tomorrow, chief):
    client = client_for(chief)
    page = tomorrow.pages.get(number=1)
    assert client.get(reverse("admin:desk_sign_off_page", args=[page.pk])).status_code == 405
    assert client.post(reverse("admin:desk_sign_off_page", args=[999999])).status_code == 404


def test_a_bad_date_shows_the_form_error_not_an_error_page(tomorrow, chief):
    response = client_for(chief).get(DESK + "?date=2024-13-45")
    assert response.status_code == 200
    assert response.context["date_form"].errors


def test_anonymous_users_are_sent_to_the_login(db, client):
    response = client.get(DESK)
    assert response.status_code == 302 and "login" in response["Location"]


def desk_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DESK).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["chief", "editor", "contributor"])
def test_the_desk_costs_the_same_queries_for_3_or_30_articles(tomorrow, role, request):
    user = request.getfixturevalue(role)
    client = client_for(user)
    expected = {"chief": 16, "editor": 13, "contributor": 9}[role]
    assert desk_queries(client) == expected
    for page in tomorrow.pages.all():
        for position in range(2, 12):
            make_article(
                page=page,
                position=position,
                status=Status.SUBMITTED,
                created_by=user,
                reporters=[(f"通讯员{position}", "通讯员")],
            )
    assert desk_queries(client) == expected


def test_only_the_duty_editor_has_the_list_waiting_to_be_published(tomorrow, chief, editor):
    chief_tasks = client_for(chief).get(DESK).context["tasks"]
    editor_tasks = client_for(editor).get(DESK).context["tasks"]
    assert [t.title for t in chief_tasks] == ["待我审核", "待签发"]
    assert [t.title for t in editor_tasks] == ["待我审核"]
    waiting = chief_tasks[1]
    assert [a.headline for a in waiting.rows] == ["劳模座谈会召开"]
    assert waiting.rows[0].desk_actions == [Status.RETURNED, Status.PUBLISHED]


def test_the_record_of_sign_offs_is_read_only_in_the_admin(tomorrow, chief):
    from desk.models import PageSignOff

    sign_off = PageSignOff.sign(tomorrow.pages.get(number=1), chief, "已核")
    sign_off.revoke(chief)
    client = client_for(chief)
    listing = client.get(reverse("admin:desk_pagesignoff_changelist"))
    assert listing.status_code == 200
    assert "第01版 要闻" in listing.content.decode()
    url = reverse("admin:desk_pagesignoff_delete", args=[sign_off.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:desk_pagesignoff_add")).status_code == 403
    assert PageSignOff.objects.filter(pk=sign_off.pk).exists()
