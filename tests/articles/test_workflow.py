import datetime
import threading

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from articles.models import TRANSITIONS, Article, StatusChange
from articles.models.workflow import refuse_without_alt, transition_values
from articles.signals import content_changed
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
    # UNION, so that the page cache refreshes only those), the rendered pages (articles and
    # lists) showing them looked for in one UNION (prerendered: none here, else two deletes for
    # each kind) and the page cache's look-up of
    # the next scheduled publication, each made once per change on the write path.
    inserts = 1 if connection.vendor == "postgresql" else 2
    with django_assert_num_queries(7 + inserts):
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


# Each transition needs exactly the permission the roles grant for it (written here from the
# roles, not read from TRANSITIONS: a change of the table must show up as a failing test).
SUBMIT, REVIEW, PUBLISH, WITHDRAW = "submit", "review", "publish", "withdraw"
NEEDS = {
    (S.DRAFT, S.SUBMITTED): SUBMIT,
    (S.RETURNED, S.SUBMITTED): SUBMIT,
    (S.SUBMITTED, S.RETURNED): REVIEW,
    (S.SUBMITTED, S.APPROVED): REVIEW,
    (S.APPROVED, S.RETURNED): REVIEW,
    (S.APPROVED, S.SCHEDULED): PUBLISH,
    (S.APPROVED, S.PUBLISHED): PUBLISH,
    (S.SCHEDULED, S.PUBLISHED): PUBLISH,
    (S.SCHEDULED, S.APPROVED): PUBLISH,
    # Taking an article back from readers (or from its schedule) is the chief's power alone.
    (S.PUBLISHED, S.WITHDRAWN): WITHDRAW,
    (S.SCHEDULED, S.WITHDRAWN): WITHDRAW,
    (S.WITHDRAWN, S.DRAFT): WITHDRAW,
}


def user_with(*powers):
    """A staff user holding exactly these workflow permissions (and nothing else)."""
    user = User.objects.create_user(f"u-{User.objects.count() + 1}", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles", codename__in=[f"{p}_article" for p in powers]
        )
    )
    return User.objects.get(pk=user.pk)


def attempt(pair, user):
    """Try the transition through the model, as the admin does; True if it happened."""
    from_status, to_status = pair
    article = make_article(status=from_status, created_by=user)
    if from_status == S.SCHEDULED:
        Article.objects.filter(pk=article.pk).update(
            published_at=timezone.now() + datetime.timedelta(days=1)
        )
        article.refresh_from_db()
    publish_at = timezone.now() + datetime.timedelta(days=1)
    try:
        article.transition(to_status, user, comment="意见", publish_at=publish_at)
    except PermissionDenied:
        assert Article.objects.get(pk=article.pk).status == from_status
        assert not article.status_changes.exists()
        return False
    assert Article.objects.get(pk=article.pk).status == to_status
    return True


def test_the_workflow_has_exactly_these_transitions():
    assert set(TRANSITIONS) == set(NEEDS)


@pytest.mark.parametrize("pair", list(NEEDS), ids=lambda pair: f"{pair[0]}-{pair[1]}")
def test_each_transition_needs_exactly_the_permission_the_roles_define(pair):
    needed = NEEDS[pair]
    others = {SUBMIT, REVIEW, PUBLISH, WITHDRAW} - {needed}
    assert attempt(pair, user_with(needed))
    assert not attempt(pair, user_with(*others))


@pytest.mark.parametrize(
    "pair", [(S.SCHEDULED, S.WITHDRAWN), (S.WITHDRAWN, S.DRAFT), (S.PUBLISHED, S.WITHDRAWN)]
)
def test_an_editor_cannot_withdraw_or_revive_but_a_chief_can(pair, editor, chief):
    assert not attempt(pair, editor)
    assert attempt(pair, chief)


def test_publish_due_moves_the_version_and_records_the_time_it_was_given():
    now = timezone.now()
    due = make_article(status=S.SCHEDULED, published_at=now - datetime.timedelta(minutes=1))
    announced = []

    def listen(sender, **kwargs):
        announced.append(sender)

    content_changed.connect(listen)
    try:
        assert Article.objects.publish_due(now=now) == [due.pk]
    finally:
        content_changed.disconnect(listen)
    due.refresh_from_db()
    # The version moves: a form opened on the scheduled article cannot save over the change.
    assert (due.status, due.version) == (S.PUBLISHED, 2)
    [record] = due.status_changes.all()
    assert (record.from_status, record.to_status, record.user) == (S.SCHEDULED, S.PUBLISHED, None)
    assert (record.comment, record.created_at) == ("定时发布到点", now)
    assert announced == [Article]


def test_a_transition_without_a_comment_records_none():
    article = make_article(status=S.SUBMITTED)
    article.transition(S.APPROVED, make_user("编辑"))
    assert article.status_changes.get().comment == ""


def test_a_refused_transition_says_why():
    article = make_article(status=S.SUBMITTED)
    with pytest.raises(PermissionDenied, match="^您没有权限执行此操作。$"):
        article.transition(S.APPROVED, make_user("通讯员/记者"))


def test_publishing_a_due_schedule_keeps_its_time(chief):
    due_at = timezone.now() - datetime.timedelta(minutes=5)
    due = make_article(status=S.SCHEDULED, published_at=due_at)
    due.transition(S.PUBLISHED, chief)
    assert Article.objects.get(pk=due.pk).published_at == due_at


def test_an_uploaded_photo_without_alt_text_stops_publishing_but_not_the_steps_before(chief):
    article = make_article(status=S.DRAFT, created_by=chief, headline="缺替代文字的稿件")
    article.photos.create(position=1, image="photos/x.jpg", alt="  ")
    for step in (S.SUBMITTED, S.APPROVED):
        article.transition(step, chief)
    for public in (S.PUBLISHED, S.SCHEDULED):
        with pytest.raises(ValidationError, match="《缺替代文字的稿件》的图片缺少替代文字"):
            article.transition(public, chief, publish_at=timezone.now() + datetime.timedelta(1))
    assert Article.objects.get(pk=article.pk).status == S.APPROVED
    # Another article's photo is no concern of this one.
    other = make_article(status=S.APPROVED)
    other.transition(S.PUBLISHED, chief)
    assert other.status == S.PUBLISHED


def test_a_transition_moves_only_its_own_article_and_keeps_it_in_step_with_the_database(chief):
    article = make_article(status=S.APPROVED)
    neighbour = make_article(status=S.APPROVED)
    article.transition(S.PUBLISHED, chief)
    # The instance says what the row says: status, time and version.
    stored = Article.objects.get(pk=article.pk)
    assert (article.status, article.published_at, article.version) == (
        stored.status,
        stored.published_at,
        2,
    )
    assert stored.version == 2
    # The record is dated with the publication itself.
    assert article.status_changes.get().created_at == stored.published_at
    assert Article.objects.get(pk=neighbour.pk).status == S.APPROVED


def test_a_transition_from_a_status_someone_else_has_changed_is_refused_as_stale(editor):
    mine = Article.objects.get(pk=make_article(status=S.SUBMITTED).pk)
    theirs = Article.objects.get(pk=mine.pk)
    theirs.transition(S.APPROVED, editor)
    with pytest.raises(ValidationError) as refused:
        mine.transition(S.RETURNED, editor, comment="请改")
    assert refused.value.code == "stale"
    assert refused.value.messages == ["稿件状态已被他人更改，请刷新后重试。"]
    stored = Article.objects.get(pk=mine.pk)
    assert (stored.status, stored.version, stored.status_changes.count()) == (S.APPROVED, 2, 1)


def test_after_a_transition_saving_a_status_jump_is_still_refused_and_readers_are_told(editor):
    article = make_article(status=S.DRAFT, created_by=editor)
    announced = []

    def listen(sender, **kwargs):
        announced.append(sender)

    content_changed.connect(listen)
    try:
        article.transition(S.SUBMITTED, editor)
    finally:
        content_changed.disconnect(listen)
    assert announced == [Article]
    article.status = S.PUBLISHED  # submitted → published skips review
    with pytest.raises(ValidationError):
        article.save()
    assert Article.objects.get(pk=article.pk).status == S.SUBMITTED


# What a transition writes, as a plain function of the statuses and times (no database).

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)
P, SC = S.PUBLISHED, S.SCHEDULED


@pytest.mark.parametrize(
    "from_status, to_status, published_at, comment, publish_at, expected",
    [
        (S.DRAFT, S.SUBMITTED, None, "", None, {"status": S.SUBMITTED}),
        (S.SUBMITTED, S.RETURNED, None, " 请补充 ", None, {"status": S.RETURNED}),
        (S.APPROVED, SC, None, "", NOW + HOUR, {"status": SC, "published_at": NOW + HOUR}),
        (S.APPROVED, S.PUBLISHED, None, "", None, {"status": S.PUBLISHED, "published_at": NOW}),
        # A due schedule keeps its time (to the second it falls due); a future one is now.
        (SC, P, NOW - HOUR, "", None, {"status": P, "published_at": NOW - HOUR}),
        (SC, P, NOW, "", None, {"status": P, "published_at": NOW}),
        (SC, P, NOW + HOUR, "", None, {"status": P, "published_at": NOW}),
        # Back from readers' reach: the publish time goes.
        (SC, S.APPROVED, NOW + HOUR, "", None, {"status": S.APPROVED, "published_at": None}),
        (S.WITHDRAWN, S.DRAFT, NOW - HOUR, "", None, {"status": S.DRAFT, "published_at": None}),
        # Withdrawing keeps it: the record of when it was public stays.
        (S.PUBLISHED, S.WITHDRAWN, NOW - HOUR, "", None, {"status": S.WITHDRAWN}),
        (S.SCHEDULED, S.WITHDRAWN, NOW + HOUR, "", None, {"status": S.WITHDRAWN}),
        (S.APPROVED, S.RETURNED, None, "退回", None, {"status": S.RETURNED}),
    ],
)  # fmt: skip
def test_transition_values(from_status, to_status, published_at, comment, publish_at, expected):
    values = transition_values(from_status, to_status, published_at, comment, publish_at, NOW)
    assert values == expected


@pytest.mark.parametrize(
    "from_status, to_status, comment, publish_at, code, message",
    [
        (S.DRAFT, S.PUBLISHED, "", None, "transition", "不能从“草稿”改为“已发布”。"),
        (S.WITHDRAWN, S.PUBLISHED, "", None, "transition", "不能从“已撤稿”改为“已发布”。"),
        (S.SUBMITTED, S.RETURNED, "  ", None, "comment", "退回修改时请写明意见。"),
        (S.APPROVED, S.SCHEDULED, "", None, "publish_at", "定时发布需要一个将来的发布时间。"),
        (S.APPROVED, S.SCHEDULED, "", NOW, "publish_at", "定时发布需要一个将来的发布时间。"),
        (S.APPROVED, S.SCHEDULED, "", NOW - HOUR, "publish_at", "定时发布需要一个将来的发布时间。"),
    ],
)
def test_transition_values_refuse(from_status, to_status, comment, publish_at, code, message):
    with pytest.raises(ValidationError) as refused:
        transition_values(from_status, to_status, None, comment, publish_at, NOW)
    assert (refused.value.code, refused.value.messages) == (code, [message])


def test_refusal_for_want_of_alt_text_names_up_to_five_articles():
    assert refuse_without_alt(["甲"], S.SUBMITTED) is None
    assert refuse_without_alt([], S.PUBLISHED) is None
    with pytest.raises(ValidationError) as one:
        refuse_without_alt(["甲"], S.SCHEDULED)
    assert one.value.code == "alt_text"
    assert one.value.messages == [
        "《甲》的图片缺少替代文字：请在稿件的“图片”栏为每张上传的图片填写替代文字"
        "（为看不到图片的读者描述画面），再定时发布。"
    ]
    with pytest.raises(ValidationError) as five:
        refuse_without_alt(list("甲乙丙丁戊"), S.PUBLISHED)
    assert five.value.messages[0].startswith("《甲》、《乙》、《丙》、《丁》、《戊》的图片")
    assert five.value.messages[0].endswith("，再发布。")
    with pytest.raises(ValidationError) as six:
        refuse_without_alt(list("甲乙丙丁戊己"), S.PUBLISHED)
    assert six.value.messages[0].startswith("《甲》、《乙》、《丙》、《丁》、《戊》等 6 篇的图片")


@pytest.mark.parametrize(
    "status, contributor_edits, editor_edits, chief_edits",
    [
        (S.DRAFT, True, True, True),
        (S.RETURNED, True, True, True),
        (S.SUBMITTED, False, True, True),
        (S.PUBLISHED, False, True, True),
        (S.WITHDRAWN, False, False, True),
    ],
)
def test_who_may_edit_and_see_an_article(
    contributor, editor, chief, status, contributor_edits, editor_edits, chief_edits
):
    own = make_article(status=status, created_by=contributor)
    someone_elses = make_article(status=status, created_by=make_user("通讯员/记者"))
    assert own.can_be_edited_by(contributor) is contributor_edits
    assert someone_elses.can_be_edited_by(contributor) is False
    assert own.can_be_edited_by(editor) is editor_edits
    assert own.can_be_edited_by(chief) is chief_edits
    assert (own.can_be_seen_by(contributor), someone_elses.can_be_seen_by(contributor)) == (
        True,
        False,
    )
    assert someone_elses.can_be_seen_by(editor) and someone_elses.can_be_seen_by(chief)


def test_bulk_publish_keeps_a_due_schedule_and_records_each_move(chief):
    now = timezone.now()
    due = make_article(status=S.SCHEDULED, published_at=now - HOUR)
    early = make_article(status=S.SCHEDULED, published_at=now + HOUR)
    approved = make_article(status=S.APPROVED)
    draft = make_article(status=S.DRAFT)
    announced = []

    def listen(sender, **kwargs):
        announced.append(sender)

    content_changed.connect(listen)
    try:
        moved = Article.objects.all().transition(S.PUBLISHED, chief, comment="整版签发")
    finally:
        content_changed.disconnect(listen)
    assert announced == [Article]
    assert sorted(moved) == sorted([due.pk, early.pk, approved.pk])
    rows = {a.pk: a for a in Article.objects.all()}
    assert rows[due.pk].published_at == now - HOUR
    assert now <= rows[early.pk].published_at < now + HOUR
    assert rows[approved.pk].published_at == rows[early.pk].published_at
    assert {pk: rows[pk].version for pk in moved} == dict.fromkeys(moved, 2)
    assert (rows[draft.pk].status, rows[draft.pk].version) == (S.DRAFT, 1)
    records = StatusChange.objects.order_by("article_id")
    assert [(r.article_id, r.from_status, r.to_status, r.user, r.comment) for r in records] == [
        (due.pk, S.SCHEDULED, S.PUBLISHED, chief, "整版签发"),
        (early.pk, S.SCHEDULED, S.PUBLISHED, chief, "整版签发"),
        (approved.pk, S.APPROVED, S.PUBLISHED, chief, "整版签发"),
    ]
    assert len({r.created_at for r in records}) == 1
    assert records[0].created_at == rows[approved.pk].published_at


def test_bulk_schedule_and_withdraw_follow_the_same_rules(editor, chief):
    approved = [make_article(status=S.APPROVED) for _ in range(2)]
    when = timezone.now() + HOUR
    with pytest.raises(ValidationError):
        Article.objects.all().transition(S.SCHEDULED, editor)  # no time given
    scheduled = Article.objects.all().transition(S.SCHEDULED, editor, publish_at=when)
    assert sorted(scheduled) == sorted(a.pk for a in approved)
    assert set(Article.objects.values_list("published_at", flat=True)) == {when}
    # Withdrawing is the chief's: an editor moves nothing, the chief moves both.
    assert Article.objects.all().transition(S.WITHDRAWN, editor) == []
    assert sorted(Article.objects.all().transition(S.WITHDRAWN, chief)) == sorted(
        a.pk for a in approved
    )
    assert set(Article.objects.values_list("status", flat=True)) == {S.WITHDRAWN}


def test_bulk_moves_follow_each_users_own_permissions(contributor, editor):
    someone = make_user("通讯员/记者", "someone")
    # Rows come back in any order: the other's draft first must not stop the contributor's.
    theirs = draft_by(someone)
    mine = [draft_by(contributor) for _ in range(2)]
    moved = Article.objects.order_by("pk").transition(S.SUBMITTED, contributor)
    assert sorted(moved) == sorted(a.pk for a in mine)
    # An editor submits on anyone's behalf; no comment given, none recorded.
    assert Article.objects.all().transition(S.SUBMITTED, editor) == [theirs.pk]
    assert set(StatusChange.objects.values_list("comment", flat=True)) == {""}
    # A user who may publish but not review publishes anyone's approved article.
    publisher = user_with(PUBLISH)
    approved = make_article(status=S.APPROVED, created_by=someone)
    assert Article.objects.filter(pk=approved.pk).transition(S.PUBLISHED, publisher) == [
        approved.pk
    ]


def test_bulk_return_needs_a_comment_like_one_at_a_time(editor):
    submitted = [make_article(status=S.SUBMITTED) for _ in range(2)]
    with pytest.raises(ValidationError):
        Article.objects.all().transition(S.RETURNED, editor)
    moved = Article.objects.all().transition(S.RETURNED, editor, comment="请补充数据来源")
    assert sorted(moved) == sorted(a.pk for a in submitted)
    assert set(StatusChange.objects.values_list("comment", flat=True)) == {"请补充数据来源"}


def test_a_photo_with_no_upload_needs_no_alt_text_to_publish(chief):
    # An imported caption names a picture that is only in print: nothing to describe.
    article = make_article(status=S.APPROVED)
    article.photos.create(position=1, caption="职工在车间。", alt="")
    article.transition(S.PUBLISHED, chief)
    assert Article.objects.get(pk=article.pk).status == S.PUBLISHED


def test_a_contributor_is_offered_nothing_on_someone_elses_draft(contributor):
    theirs = draft_by(make_user("通讯员/记者", "someone"))
    assert theirs.available_transitions(contributor) == []
    assert draft_by(contributor).available_transitions(contributor) == [S.SUBMITTED]
