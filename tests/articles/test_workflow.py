import datetime
import threading

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from articles.models import TRANSITIONS, Article, StatusChange
from tests.conftest import make_article

pytestmark = pytest.mark.django_db
S = Article.Status


def make_user(group, username=None):
    user = User.objects.create_user(username or f"u-{User.objects.count() + 1}", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # fresh instance: no stale permission cache


@pytest.fixture
def contributor():
    return make_user("通讯员/记者", "contributor")


@pytest.fixture
def editor():
    return make_user("编辑", "editor")


@pytest.fixture
def chief():
    return make_user("值班主任/总编", "chief")


def draft_by(user, **overrides):
    return make_article(status=S.DRAFT, created_by=user, **overrides)


def test_full_path_from_draft_to_withdrawn_is_recorded(contributor, editor, chief):
    article = draft_by(contributor)
    article.transition(S.SUBMITTED, contributor)
    article.transition(S.APPROVED, editor, comment="可以")
    article.transition(S.PUBLISHED, editor)
    assert Article.objects.published().filter(pk=article.pk).exists()
    article.transition(S.WITHDRAWN, chief, comment="事实有误")
    assert not Article.objects.published().filter(pk=article.pk).exists()

    records = list(article.status_changes.order_by("created_at", "id"))
    assert [(r.from_status, r.to_status, r.user) for r in records] == [
        (S.DRAFT, S.SUBMITTED, contributor),
        (S.SUBMITTED, S.APPROVED, editor),
        (S.APPROVED, S.PUBLISHED, editor),
        (S.PUBLISHED, S.WITHDRAWN, chief),
    ]
    assert records[-1].comment == "事实有误"
    article.refresh_from_db()
    assert article.version == 5


def test_sent_back_article_returns_to_author_with_comment(contributor, editor):
    article = draft_by(contributor)
    article.transition(S.SUBMITTED, contributor)
    with pytest.raises(ValidationError):
        article.transition(S.RETURNED, editor, comment="  ")
    article.transition(S.RETURNED, editor, comment="请补充数据来源")
    assert article.can_be_edited_by(contributor)
    article.transition(S.SUBMITTED, contributor)
    assert article.status == S.SUBMITTED


@pytest.mark.parametrize("from_status", S.values)
@pytest.mark.parametrize("to_status", S.values)
def test_only_listed_transitions_are_possible(from_status, to_status, chief):
    published_at = timezone.now() if from_status in (S.PUBLISHED, S.SCHEDULED) else None
    article = make_article(status=from_status, published_at=published_at, created_by=chief)
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    if (from_status, to_status) in TRANSITIONS:
        comment = "意见"
        article.transition(to_status, chief, comment=comment, publish_at=publish_at)
        assert Article.objects.get(pk=article.pk).status == to_status
    else:
        with pytest.raises(ValidationError):
            article.transition(to_status, chief, comment="意见", publish_at=publish_at)
        assert Article.objects.get(pk=article.pk).status == from_status


def test_saving_a_status_jump_outside_the_workflow_is_refused():
    article = make_article(status=S.DRAFT)
    article = Article.objects.get(pk=article.pk)
    article.status = S.PUBLISHED
    article.published_at = timezone.now()
    with pytest.raises(ValidationError):
        article.save()
    assert Article.objects.get(pk=article.pk).status == S.DRAFT


def test_database_refuses_a_record_of_an_unknown_transition():
    article = make_article(status=S.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusChange.objects.create(article=article, from_status=S.DRAFT, to_status=S.PUBLISHED)


def test_contributor_cannot_approve_publish_or_withdraw(contributor):
    article = draft_by(contributor)
    article.transition(S.SUBMITTED, contributor)
    for target in (S.APPROVED, S.RETURNED):
        with pytest.raises(PermissionDenied):
            article.transition(target, contributor, comment="x")
    assert Article.objects.get(pk=article.pk).status == S.SUBMITTED


def test_contributor_cannot_submit_someone_elses_draft(contributor):
    other = make_user("通讯员/记者", "other")
    article = draft_by(other)
    with pytest.raises(PermissionDenied):
        article.transition(S.SUBMITTED, contributor)
    assert not article.can_be_edited_by(contributor)
    assert not article.can_be_seen_by(contributor)


def test_editor_cannot_withdraw_but_chief_can(editor, chief):
    article = make_article(status=S.PUBLISHED)
    with pytest.raises(PermissionDenied):
        article.transition(S.WITHDRAWN, editor)
    article.transition(S.WITHDRAWN, chief)
    assert article.status == S.WITHDRAWN


def test_contributor_edits_own_work_only_until_submitted(contributor):
    article = draft_by(contributor)
    assert article.can_be_edited_by(contributor)
    article.transition(S.SUBMITTED, contributor)
    assert not article.can_be_edited_by(contributor)


def test_schedule_needs_a_future_time(editor):
    article = make_article(status=S.APPROVED)
    with pytest.raises(ValidationError):
        article.transition(S.SCHEDULED, editor, publish_at=timezone.now())
    later = timezone.now() + datetime.timedelta(minutes=30)
    article.transition(S.SCHEDULED, editor, publish_at=later)
    assert Article.objects.get(pk=article.pk).published_at == later


def test_scheduled_article_is_public_from_its_time_without_any_job(editor):
    now = timezone.now()
    just_before = make_article(status=S.SCHEDULED, published_at=now - datetime.timedelta(seconds=1))
    just_after = make_article(status=S.SCHEDULED, published_at=now + datetime.timedelta(seconds=60))
    public = set(Article.objects.published())
    assert just_before in public
    assert just_after not in public


def test_publish_scheduled_flips_due_articles_once(capsys):
    now = timezone.now()
    due = make_article(status=S.SCHEDULED, published_at=now - datetime.timedelta(minutes=1))
    later = make_article(status=S.SCHEDULED, published_at=now + datetime.timedelta(hours=1))
    call_command("publish_scheduled")
    call_command("publish_scheduled")
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.status == S.PUBLISHED
    assert later.status == S.SCHEDULED
    assert StatusChange.objects.filter(article=due).count() == 1
    assert "已发布 1 篇" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_concurrent_publish_scheduled_runs_flip_each_article_once():
    now = timezone.now()
    articles = [
        make_article(status=S.SCHEDULED, published_at=now - datetime.timedelta(minutes=1))
        for _ in range(20)
    ]
    results, errors = [], []

    def run():
        try:
            results.append(Article.objects.publish_due())
        except Exception as error:  # noqa: BLE001 - reported to the main thread and failed on
            errors.append(error)
        finally:
            connection.close()

    if connection.vendor == "sqlite":
        # SQLite serialises writers; two sequential runs still must not double-record.
        run()
        run()
    else:
        threads = [threading.Thread(target=run) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    flipped = sorted(pk for result in results for pk in result)
    assert flipped == sorted(a.pk for a in articles)
    assert StatusChange.objects.count() == 20
    assert Article.objects.filter(status=S.PUBLISHED).count() == 20


def test_bulk_publish_of_200_runs_a_fixed_number_of_queries(editor, django_assert_num_queries):
    page_articles = [make_article(status=S.APPROVED) for _ in range(200)]
    editor.has_perm("articles.publish_article")  # load the permission cache outside the count
    # Savepoint, locked read, one UPDATE, the record insert (SQLite splits it in batches of
    # 166 rows for its 999-variable limit), release; then what the pages showing them show (one
    # UNION, so that the page cache refreshes only those) and the page cache's look-up of the
    # next scheduled publication, each made once per change on the write path.
    inserts = 1 if connection.vendor == "postgresql" else 2
    with django_assert_num_queries(6 + inserts):
        moved = Article.objects.filter(pk__in=[a.pk for a in page_articles]).transition(
            S.PUBLISHED, editor
        )
    assert len(moved) == 200
    assert Article.objects.published().count() == 200
    assert StatusChange.objects.filter(to_status=S.PUBLISHED).count() == 200


def test_bulk_submit_by_contributor_moves_only_own_drafts(contributor):
    mine = [draft_by(contributor) for _ in range(3)]
    theirs = draft_by(make_user("通讯员/记者", "someone"))
    moved = Article.objects.all().transition(S.SUBMITTED, contributor)
    assert sorted(moved) == sorted(a.pk for a in mine)
    assert Article.objects.get(pk=theirs.pk).status == S.DRAFT


def test_bulk_action_refuses_what_the_user_may_not_do(contributor):
    article = make_article(status=S.APPROVED)
    assert Article.objects.all().transition(S.PUBLISHED, contributor) == []
    assert Article.objects.get(pk=article.pk).status == S.APPROVED


def test_publish_issue_publishes_only_its_approved_articles_at_once(chief, editor):
    page = make_article(status=S.APPROVED).page
    approved = [make_article(page=page, position=n, status=S.APPROVED) for n in (2, 3)]
    draft = make_article(page=page, position=4, status=S.DRAFT)
    elsewhere = make_article(status=S.APPROVED)
    with pytest.raises(PermissionDenied):
        page.issue.publish(editor)
    moved = page.issue.publish(chief)
    assert len(moved) == 3
    assert set(moved) >= {a.pk for a in approved}
    assert Article.objects.get(pk=draft.pk).status == S.DRAFT
    assert Article.objects.get(pk=elsewhere.pk).status == S.APPROVED
