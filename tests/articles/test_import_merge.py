"""What an import guarantees, as the operator meets it on a site where editors are at work.

An import is a merge: it touches only the pages it imports, never changes or deletes an article
written in the admin, updates an imported article only while nobody has changed it since, and
shows everything else as a conflict that stays as it is unless the operator asks for the page's
version. The review (dry run) says exactly what the real run does.
"""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Issue, Page, Reporter, Revision
from articles.models.history import snapshot_digest
from importing.importer import IssueImport, PageSource
from importing.plan import Action, ImportOptions, ImportRefused
from regions.models import Region
from tests.articles.admin_helpers import (
    CHIEFS,
    CONTRIBUTORS,
    EDITORS,
    change_url,
    client_for,
    form_errors,
    make_user,
    post_data_from,
)
from tests.articles.importing_helpers import (
    DATE,
    FIRST_HEADLINE,
    LAST_HEADLINE,
    SEED_PAGE,
    article,
    command,
    found,
    job,
    page_with,
    page_without_last_article,
    run,
    seed_bytes,
)
from tests.conftest import make_article, make_page

pytestmark = pytest.mark.django_db
S = Article.Status

SECOND_HEADLINE = "技能引领新“食”尚"
CORRECTED = "全域式创新 领头雁带动 一贯制孵化成效显著"


@pytest.fixture
def editor(regions):
    return make_user(EDITORS, "editor")


@pytest.fixture
def chief(regions):
    return make_user(CHIEFS, "chief")


def state(articles=None):
    """Every article as it stands, whole: for "nothing changed" assertions."""
    articles = Article.objects.all() if articles is None else articles
    return {
        a.pk: (a.page_id, a.position, a.status, a.version, a.snapshot())
        for a in articles.order_by("pk")
    }


def edit_in_admin(user, target, **changes):
    """Save target through the real admin change form as user, changing the given fields."""
    client = client_for(user)
    data = post_data_from(client.get(change_url(target)))
    data.update(changes)
    response = client.post(change_url(target), data)
    assert response.status_code == 302, form_errors(response)


# Other pages, and articles written in the admin.


def test_a_handwritten_draft_on_page_2_survives_an_import_of_page_1(regions):
    run(seed_bytes())  # 第2版
    handwritten = make_article(
        page=article(FIRST_HEADLINE).page, position=8, status=Article.Status.DRAFT,
        headline="通讯员手写稿", reporters=[("王小明", "通讯员")],
    )  # fmt: skip
    other_issue_page = make_page(issue=Issue.objects.get(date=DATE), number=3)
    on_page_3 = make_article(page=other_issue_page, status=Article.Status.DRAFT)
    before = state()

    plan = run((seed_bytes(), 1))  # the same text, given as 第1版

    assert {item.page_number for item in plan.articles} == {1}
    assert plan.summary()[Action.NEW] == 7
    after = state(Article.objects.exclude(page__number=1))
    assert after == before
    assert Article.objects.filter(pk__in=[handwritten.pk, on_page_3.pk]).count() == 2


def test_a_file_without_a_page_header_touches_only_the_page_it_becomes(regions):
    run(seed_bytes())  # 第2版
    make_article(page=article(FIRST_HEADLINE).page, position=8, status=Article.Status.DRAFT)
    before = state()
    # No --page-numbers: the file has no header, so it is 第1版, and only 第1版 is imported.
    call_command("import_issue", SEED_PAGE, "--date", "2024-10-08", "--number", "1")
    assert Article.objects.filter(page__number=1).count() == 7
    assert state(Article.objects.exclude(page__number=1)) == before


def test_reimporting_a_page_never_changes_or_deletes_what_was_written_in_the_admin(regions, chief):
    run(seed_bytes())
    page = article(FIRST_HEADLINE).page
    handwritten = make_article(page=page, position=9, status=Article.Status.DRAFT)
    # A correspondent typed the lead article in by hand: same 主题, other words.
    Article.objects.filter(headline=FIRST_HEADLINE).delete()
    typed = make_article(
        page=page, position=1, status=Article.Status.DRAFT, headline=FIRST_HEADLINE,
        body="通讯员自己录入的正文。",
    )  # fmt: skip
    before = state(Article.objects.filter(pk__in=[handwritten.pk, typed.pk]))

    plan = run(seed_bytes(), replace_all=True, delete_missing=True, user=chief)

    lead = next(a for a in plan.articles if a.headline == FIRST_HEADLINE)
    assert lead.action == Action.CONFLICT
    assert lead.reason.startswith("后台录入")
    assert not lead.replaceable
    assert handwritten.pk not in {a.article.pk for a in plan.articles}
    assert state(Article.objects.filter(pk__in=[handwritten.pk, typed.pk])) == before
    with pytest.raises(ImportRefused, match="后台录入"):
        run(seed_bytes(), replace=frozenset({typed.pk}), user=chief)


def test_an_admin_draft_keeps_its_place_and_the_new_article_is_put_after(regions):
    page = make_page(issue=Issue.objects.create(date=DATE, number=1), number=2, name="工会")
    handwritten = make_article(page=page, position=1, status=Article.Status.DRAFT)

    plan = run(seed_bytes())

    lead = next(a for a in plan.articles if a.headline == FIRST_HEADLINE)
    assert lead.position == 8
    assert "排在第8篇" in lead.notes[0]
    assert article(FIRST_HEADLINE).position == 8
    assert Article.objects.get(pk=handwritten.pk).position == 1


def test_a_new_article_whose_place_is_taken_goes_after_every_article_on_the_page(regions):
    page = make_page(issue=Issue.objects.create(date=DATE, number=1), number=2, name="工会")
    make_article(page=page, position=1, status=Article.Status.DRAFT)
    make_article(page=page, position=10, status=Article.Status.DRAFT)  # past the page's 7

    plan = run(seed_bytes())

    lead = next(a for a in plan.articles if a.headline == FIRST_HEADLINE)
    assert lead.position == 11  # not into the gap after the seventh
    assert article(FIRST_HEADLINE).position == 11


def reimport_as(page_name, text):
    """The seed's 第2版 again, as text with page_name given for it (None: no name given)."""
    again = IssueImport([PageSource("p1.txt", text, 2, page_name)], DATE, ImportOptions(number=1))
    return again.apply(again.plan().signature()).pages[0]


def test_a_pages_name_and_banner_change_only_when_the_import_gives_new_ones(regions):
    run(seed_bytes())
    page = Page.objects.get(issue__date=DATE, number=2)
    name, banner = page.name, page.topic
    assert (name, banner.splitlines()[0]) == ("工会", "贯彻落实省委“新春第一会”精神")
    text = seed_bytes().decode("utf-8")
    without_banner = text[text.index(f"# {FIRST_HEADLINE}") :].encode("utf-8")

    kept = reimport_as(None, without_banner)  # neither given: both kept
    assert (kept.name, kept.topic, kept.renamed, kept.retopic) == (name, banner, None, None)
    page.refresh_from_db()
    assert (page.name, page.topic) == (name, banner)

    changed = reimport_as("职工", page_with("贯彻落实省委", "深入贯彻省委"))
    assert changed.renamed == ("工会", "职工")
    assert changed.retopic == (banner, banner.replace("贯彻落实省委", "深入贯彻省委"))
    page.refresh_from_db()
    assert (page.name, page.topic) == ("职工", changed.retopic[1])


def test_the_review_names_as_new_only_the_reporters_and_sections_not_yet_known(regions):
    first = job(seed_bytes()).plan()
    assert "寿慧桢" in first.new_reporters
    assert first.new_sections
    run(seed_bytes())

    next_day = job(
        page_with("记者寿慧桢报道", "记者寿慧桢 通讯员钱新报道"),
        date=DATE + datetime.timedelta(days=1),
        number=2,
    ).plan()

    assert (next_day.new_reporters, next_day.new_sections) == (["钱新"], [])


# Re-importing imported articles.


def test_an_editors_correction_survives_a_reimport(regions, editor):
    run(seed_bytes())
    lead = article(FIRST_HEADLINE)
    edit_in_admin(editor, lead, headline=CORRECTED)
    lead.refresh_from_db()
    before = state(Article.objects.filter(pk=lead.pk))

    plan = run(seed_bytes())

    item = next(a for a in plan.articles if a.article.pk == lead.pk)
    assert item.action == Action.CONFLICT
    assert item.reason == "导入后已被编辑修改"
    assert [(d.label, d.page, d.system) for d in item.differences] == [
        ("主题", FIRST_HEADLINE, CORRECTED)
    ]
    assert state(Article.objects.filter(pk=lead.pk)) == before
    assert plan.summary()[Action.UNCHANGED] == 6


def test_an_untouched_imported_draft_is_updated_with_a_new_version_and_revision(regions):
    run(seed_bytes())
    lead = article(FIRST_HEADLINE)

    plan = run(page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}"))

    item = next(a for a in plan.articles if a.headline == CORRECTED)
    assert item.action == Action.UPDATED  # matched by its position: same article, new 主题
    assert item.article.pk == lead.pk
    lead.refresh_from_db()
    assert (lead.headline, lead.version) == (CORRECTED, 2)
    revision = lead.revisions.order_by("-number").first()
    assert revision.comment.startswith("导入更新：2024年10月8日 第02版")
    assert revision.data == lead.snapshot()


def test_a_published_article_is_a_conflict_replaced_only_on_request(regions, chief):
    run(seed_bytes(), publish=True)
    lead = article(FIRST_HEADLINE)
    corrected_page = page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}")
    before = state(Article.objects.filter(pk=lead.pk))

    plan = run(corrected_page)
    item = next(a for a in plan.articles if a.article.pk == lead.pk)
    assert (item.action, item.reason) == (Action.CONFLICT, "状态为“已发布”")
    assert state(Article.objects.filter(pk=lead.pk)) == before  # live headline unchanged

    with pytest.raises(ImportRefused, match="须指明操作人"):
        run(corrected_page, replace_all=True)
    assert state(Article.objects.filter(pk=lead.pk)) == before

    plan = run(corrected_page, replace=frozenset({lead.pk}), user=chief)
    assert [a.action for a in plan.articles if a.article.pk == lead.pk] == [Action.REPLACED]
    lead.refresh_from_db()
    assert (lead.headline, lead.status, lead.version) == (CORRECTED, Article.Status.PUBLISHED, 2)
    revision = lead.revisions.order_by("-number").first()
    assert (revision.author, revision.comment[:4]) == (chief, "导入替换")
    assert revision.data == lead.snapshot()


def test_replacing_a_published_article_needs_the_right_to_edit_published_ones(regions):
    run(seed_bytes(), publish=True)
    lead = article(FIRST_HEADLINE)
    contributor = make_user(CONTRIBUTORS, "contributor")
    before = state()

    with pytest.raises(ImportRefused, match="contributor") as refused:
        run(
            page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}"),
            replace=frozenset({lead.pk}),
            user=contributor,
        )

    assert f"稿件 {lead.pk}" in str(refused.value)
    assert state() == before


def test_the_command_replaces_only_the_articles_named_and_only_as_a_user(regions, chief, tmp_path):
    command("--publish")
    lead, second = article(FIRST_HEADLINE), article(SECOND_HEADLINE)
    page = tmp_path / "corrected.txt"
    page.write_bytes(
        page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}")
        .decode()
        .replace("8支代表队", "9支代表队")
        .encode()
    )
    before = state()

    with pytest.raises(CommandError, match="须指明操作人"):
        command("--replace", page=str(page))
    with pytest.raises(CommandError, match="没有用户 nobody"):
        command("--replace", "--user", "nobody", page=str(page))
    assert state() == before

    command("--replace-article", str(second.pk), "--user", "chief", page=str(page))
    lead.refresh_from_db()
    second.refresh_from_db()
    assert lead.headline == FIRST_HEADLINE and lead.version == 1
    assert "9支代表队" in second.body and second.version == 2


def test_replacing_an_article_that_is_no_conflict_is_refused_naming_it(regions, chief):
    run(seed_bytes())
    lead = article(FIRST_HEADLINE)  # untouched: the import updates it, nothing to replace
    before = state()

    with pytest.raises(ImportRefused) as refused:
        run(seed_bytes(), replace=frozenset({lead.pk}), user=chief)

    assert refused.value.plan.refusals == [f"稿件 {lead.pk} 不是本次导入中的冲突稿件，无从替换。"]
    assert state() == before


def refusals_for(user, *pages, **options):
    return job(*pages, user=user, **options).plan().refusals


def lacks(user, permission):
    return f"{user.get_username()} 没有所需的权限（articles.{permission}）。"


def test_an_import_as_a_user_is_refused_each_permission_it_needs_and_they_lack(regions, chief):
    from django.contrib.auth.models import User

    clerk = User.objects.create_user("clerk", is_staff=True)  # no permission at all

    assert refusals_for(clerk, seed_bytes()) == [
        lacks(clerk, "add_issue"),
        lacks(clerk, "add_article"),
    ]
    assert refusals_for(chief, seed_bytes()) == []
    run(seed_bytes())
    corrected = page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}")
    assert refusals_for(clerk, corrected) == [lacks(clerk, "change_article")]
    shorter = page_without_last_article()
    assert lacks(clerk, "delete_article") not in refusals_for(clerk, shorter)
    assert lacks(clerk, "delete_article") in refusals_for(clerk, shorter, delete_missing=True)
    assert refusals_for(clerk, seed_bytes(), publish=True) == [
        lacks(clerk, "change_article"),  # publishing the untouched drafts updates them
        lacks(clerk, "publish_article"),
    ]
    assert refusals_for(clerk, seed_bytes(), number=2, renumber=True) == [
        lacks(clerk, "change_issue")
    ]
    assert refusals_for(clerk, seed_bytes()) == []  # nothing to do: nothing needed


def test_replacing_conflicts_without_a_user_is_refused_saying_who_is_needed(regions, editor):
    run(seed_bytes())
    edit_in_admin(editor, article(FIRST_HEADLINE), headline=CORRECTED)

    assert refusals_for(None, seed_bytes(), replace_all=True) == [
        "以版面内容替换冲突稿件须指明操作人（有权修改这些稿件的用户）。"
    ]


# Articles the page no longer has.


def test_articles_no_longer_on_the_page_are_listed_and_removed_only_on_request(regions, capsys):
    command()
    last = article(LAST_HEADLINE)
    shorter = page_without_last_article()

    plan = run(shorter)
    [missing] = plan.of(Action.MISSING)
    assert (missing.article.pk, missing.removable) == (last.pk, True)
    assert Article.objects.filter(pk=last.pk).exists()

    plan = run(shorter, delete_missing=True)
    assert [a.headline for a in plan.of(Action.REMOVED)] == [LAST_HEADLINE]
    assert not Article.objects.filter(pk=last.pk).exists()
    assert Article.objects.count() == 6


def test_the_command_names_each_article_it_deletes(regions, tmp_path, capsys):
    command()
    page = tmp_path / "shorter.txt"
    page.write_bytes(page_without_last_article())
    command("--dry-run", page=str(page))
    review = capsys.readouterr()
    assert f"[不再见于版面，保留] 《{LAST_HEADLINE}》" in review.out
    assert "--delete-missing" in review.out

    command("--delete-missing", page=str(page))
    assert f"已删除《{LAST_HEADLINE}》（第2版）" in capsys.readouterr().err


def test_an_edited_article_no_longer_on_the_page_is_never_deleted(regions, editor):
    run(seed_bytes())
    last = article(LAST_HEADLINE)
    edit_in_admin(editor, last, editor_note="待核实")

    plan = run(page_without_last_article(), delete_missing=True)

    [missing] = plan.of(Action.MISSING)
    assert (missing.removable, missing.reason) == (False, "导入后已被编辑修改，不会删除")
    assert Article.objects.filter(pk=last.pk).exists()


def test_articles_no_longer_on_the_page_are_listed_in_print_order(regions, editor):
    run(seed_bytes())
    sixth, seventh = article("沉浸式感悟红色精神"), article(LAST_HEADLINE)
    # An editor swaps them on the page: the one filed later now comes first.
    for target, position in ((sixth, 99), (seventh, 6), (sixth, 7)):
        target.position = position
        target.save()
    text = seed_bytes().decode("utf-8")
    page = text[: text.index("# 沉浸式感悟红色精神")].encode("utf-8")

    plan = run(page)

    assert [a.headline for a in plan.of(Action.MISSING)] == [LAST_HEADLINE, "沉浸式感悟红色精神"]


def leftover_as(state, chief):
    """The seed imported, then its last article brought to state the way that state is reached."""
    run(seed_bytes(), publish=state == "published-by-the-import")
    last = article(LAST_HEADLINE)
    path = {
        "untouched-draft": [],
        "published-by-the-import": [],
        "submitted": [S.SUBMITTED],
        "published": [S.SUBMITTED, S.APPROVED, S.PUBLISHED],
        "scheduled": [S.SUBMITTED, S.APPROVED, S.SCHEDULED],
        "withdrawn": [S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.WITHDRAWN],
        "back-to-draft": [S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.WITHDRAWN, S.DRAFT],
    }[state]
    soon = timezone.now() + datetime.timedelta(days=1)
    for to_status in path:
        last.transition(to_status, chief, comment="撤稿说明", publish_at=soon)
    return last


@pytest.mark.parametrize(
    "state, deleted",
    [
        ("untouched-draft", True),
        ("published-by-the-import", False),
        ("submitted", False),
        ("published", False),
        ("scheduled", False),
        ("withdrawn", False),
        ("back-to-draft", False),
    ],
)
def test_delete_missing_removes_an_untouched_draft_and_never_a_published_leftover(
    regions, chief, state, deleted
):
    last = leftover_as(state, chief)
    before = state_of(last)

    plan = run(page_without_last_article(), delete_missing=True)

    [leftover] = plan.of(Action.REMOVED) or plan.of(Action.MISSING)
    assert leftover.article.pk == last.pk
    assert (leftover.action, leftover.removable) == (
        (Action.REMOVED, True) if deleted else (Action.MISSING, False)
    )
    assert Article.objects.filter(pk=last.pk).exists() is not deleted
    if not deleted:
        assert leftover.reason.endswith("不会删除")
        assert state_of(last) == before
    # The other six articles stay, whatever happened to the leftover.
    assert Article.objects.exclude(pk=last.pk).count() == 6


def test_a_published_leftover_is_kept_even_when_a_chief_replaces_everything(regions, chief):
    last = leftover_as("published-by-the-import", chief)
    plan = run(page_without_last_article(), delete_missing=True, replace_all=True, user=chief)
    assert plan.of(Action.REMOVED) == []
    assert Article.objects.get(pk=last.pk).is_published()


def test_an_imported_draft_that_went_through_review_is_a_conflict_on_reimport(regions, chief):
    """Withdrawn back to 草稿, text unchanged: still not the import's to change, as it was
    reviewed and published once."""
    last = leftover_as("back-to-draft", chief)
    last.refresh_from_db()
    # Its text is still as the import wrote it: only the workflow it went through tells.
    assert last.is_untouched_import(last.snapshot(), has_status_changes=False)
    before = state_of(last)

    plan = run(page_with("接下来,长兴县总工会", "此后,长兴县总工会"))

    [item] = [a for a in plan.articles if a.article is not None and a.article.pk == last.pk]
    assert (item.action, item.reason, item.replaceable) == (Action.CONFLICT, "已经过审核流程", True)
    assert [d.label for d in item.differences] == ["正文"]
    assert state_of(last) == before


def state_of(target):
    return state(Article.objects.filter(pk=target.pk))


# The issue's number and date.


def test_an_existing_issue_keeps_its_number(regions, capsys):
    command("--publish")
    before = state()
    with pytest.raises(CommandError, match="已是第1期，本次要求第7期"):
        call_with_number(7)
    with pytest.raises(CommandError, match="已是第1期"):
        call_with_number(7, "--dry-run")
    assert "--renumber" in capsys.readouterr().out
    assert Issue.objects.get(date=DATE).number == 1
    assert state() == before

    call_with_number(7, "--renumber")
    assert "改期号：第1期 → 第7期" in capsys.readouterr().out
    assert Issue.objects.get(date=DATE).number == 7
    assert state() == before  # the articles themselves: unchanged


@pytest.mark.parametrize("highest", [None, 5])
def test_an_issue_imported_without_a_number_takes_the_one_after_the_highest(regions, highest):
    if highest is not None:
        make_page(issue=Issue.objects.create(date=DATE - datetime.timedelta(days=1), number=5))

    run(seed_bytes(), number=None)

    assert Issue.objects.get(date=DATE).number == (highest or 0) + 1


def call_with_number(number, *args):
    call_command(
        "import_issue", SEED_PAGE, "--date", "2024-10-08",
        "--number", str(number), "--page-names", "工会", "--page-numbers", "2", *args,
    )  # fmt: skip


def test_the_dry_run_refuses_the_number_clash_the_real_run_refuses(regions, capsys):
    Issue.objects.create(date="2024-10-07", number=2)
    for args in (["--dry-run"], []):
        with pytest.raises(CommandError, match="期号 2 已属于 2024-10-07 的报纸"):
            call_with_number(2, *args)
        assert "拒绝导入：期号 2 已属于 2024-10-07 的报纸" in capsys.readouterr().out
    assert Issue.objects.count() == 1
    assert Article.objects.count() == 0


# The review is the truth.


def scenario_first_import(users):
    return {}


def scenario_same_again(users):
    run(seed_bytes())
    return {}


def scenario_publish_over_drafts(users):
    run(seed_bytes())
    return {"publish": True}


def scenario_editor_correction(users):
    run(seed_bytes())
    edit_in_admin(users["editor"], article(FIRST_HEADLINE), headline=CORRECTED)
    return {}


def scenario_published_replaced(users):
    run(seed_bytes(), publish=True)
    Article.objects.filter(headline=SECOND_HEADLINE).update(body="编辑改过的正文。")
    return {"replace_all": True, "user": users["chief"]}


def scenario_leftover_removed(users):
    run(seed_bytes())
    return {"delete_missing": True, "page": page_without_last_article()}


def scenario_renumbered(users):
    run(seed_bytes())
    return {"number": 5, "renumber": True}


@pytest.mark.parametrize(
    "scenario",
    [
        scenario_first_import,
        scenario_same_again,
        scenario_publish_over_drafts,
        scenario_editor_correction,
        scenario_published_replaced,
        scenario_leftover_removed,
        scenario_renumbered,
    ],
)
def test_the_dry_run_shows_exactly_what_the_real_run_does(regions, editor, chief, scenario):
    options = {"number": 1, **scenario({"editor": editor, "chief": chief})}
    page = options.pop("page", seed_bytes())
    dry = job(page, **options).plan()
    review = [(a.to_dict(), a.action) for a in dry.articles]

    done = job(page, **options).apply(dry.signature())

    outcome = [(a.to_dict(), a.action) for a in done.articles]
    for (planned, _), (written, action) in zip(review, outcome, strict=True):
        if action == Action.NEW:
            assert written.pop("article") and planned.pop("article") is None
    assert review == outcome
    assert done.summary() == dry.summary()
    issue = Issue.objects.get(date=DATE)
    assert issue.number == dry.number
    # What was written is now what the system holds: the same import again has nothing to do.
    again = job(page, **{**options, "number": dry.number, "renumber": False}).plan()
    assert not again.refusals
    assert {a.action for a in again.articles} <= {Action.UNCHANGED, Action.CONFLICT}
    assert len(again.of(Action.CONFLICT)) == len(dry.of(Action.CONFLICT))


def test_a_plan_made_before_the_database_changed_is_not_written(regions, editor):
    run(seed_bytes())
    reviewed = job(page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}"))
    signature = reviewed.plan().signature()
    lead = article(FIRST_HEADLINE)
    edit_in_admin(editor, lead, body="编辑改写的正文。")
    before = state()

    with pytest.raises(ImportRefused, match="预览之后数据库已有变化") as refused:
        reviewed.apply(signature)

    assert state() == before
    changed = refused.value.plan
    assert [a.action for a in changed.articles if a.article.pk == lead.pk] == [Action.CONFLICT]


@pytest.mark.parametrize("situation", ["edited-conflict", "published-leftover"])
def test_a_plan_reviewed_before_a_credited_reporter_was_renamed_is_not_written(
    regions, editor, chief, situation
):
    """The rename changes neither article's version nor the plan's actions, only what the
    system holds (its credits): the review no longer shows what the system is."""
    if situation == "edited-conflict":
        run(seed_bytes())
        target = article(LAST_HEADLINE)
        edit_in_admin(editor, target, subheadline="编辑加的副题")
        page = seed_bytes()
    else:
        target = leftover_as("published", chief)
        page = page_without_last_article()
    reviewed = job(page)
    signature = reviewed.plan().signature()
    reporter = Reporter.objects.get(name="徐婧")  # credited by this article only
    reporter.name = "徐靖"
    reporter.save()
    before = state()

    with pytest.raises(ImportRefused, match="预览之后数据库已有变化"):
        reviewed.apply(signature)

    assert state() == before
    assert target.bylines.filter(reporter__name="徐靖").exists()


# Derived columns after every path.


def test_search_finds_reporters_and_places_after_every_import_path(regions, chief):
    published = Article.objects.published
    run(seed_bytes())  # first import: drafts
    assert FIRST_HEADLINE in found("寿慧桢")
    assert "立足小窗口 赛出新水平" in found("西湖区")
    run(seed_bytes(), publish=True)  # --publish over the draft import
    assert FIRST_HEADLINE in found("寿慧桢", published())
    assert "立足小窗口 赛出新水平" in found("西湖区", published())
    assert FIRST_HEADLINE in found("吴兴", published())
    page = page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}")
    run(page, replace_all=True, user=chief)  # a replacement
    assert CORRECTED in found("寿慧桢", published())
    assert CORRECTED in found("湖州", published())
    assert found("寿慧桢") == found("寿慧桢", published())


def test_the_search_columns_an_import_writes_are_those_a_save_would_write(regions, chief):
    run(seed_bytes())
    run(page_with("8支代表队", "9支代表队"), publish=True)
    columns = ["search_document", "search_terms", "search_title", "search_title_terms"]
    for imported in Article.objects.all():
        written = Article.objects.filter(pk=imported.pk).values(*columns).get()
        imported.refresh_search()
        assert Article.objects.filter(pk=imported.pk).values(*columns).get() == written


def test_the_page_caches_hear_of_every_import(regions):
    from articles.signals import content_changed

    heard = []

    def listener(sender, **kwargs):
        heard.append(sender)

    content_changed.connect(listener)
    try:
        run(seed_bytes(), publish=True)
    finally:
        content_changed.disconnect(listener)
    assert Article in heard


# The import's revision and digest.


def test_the_import_revision_holds_the_whole_article_so_a_later_diff_shows_only_edits(
    regions, editor
):
    run(seed_bytes())
    fourth = Article.objects.get(position=4)
    [revision] = fourth.revisions.all()
    assert revision.number == 1
    assert revision.data["bylines"] == ["记者 李凡", "通讯员 金儒彪", "通讯员 吴倩"]
    assert revision.data["regions"] == ["镇海区"]
    assert Region.objects.get(code="330211").name == "镇海区"

    edit_in_admin(editor, fourth, editor_note="请核实数字")
    latest = fourth.revisions.order_by("-number").first()
    assert [label for label, _ in revision.diff(latest.data)] == ["编辑备注"]


def test_photos_are_in_the_revision_and_the_digest(regions):
    run(seed_bytes())
    with_photo = Article.objects.filter(photos__isnull=False).first()
    revision = with_photo.revisions.get()
    assert revision.data["photos"] == list(
        with_photo.photos.order_by("position").values_list("caption", flat=True)
    )
    assert any(label.endswith(" 摄") for label in revision.data["bylines"])
    photo = with_photo.photos.first()
    photo.image = "photos/2024/10/upload.jpg"
    photo.save()
    assert with_photo.import_digest != snapshot_digest(with_photo.snapshot())


def test_every_imported_article_is_exactly_what_its_digest_says(regions):
    run(seed_bytes())
    for imported in Article.objects.all():
        assert imported.origin == Article.Origin.IMPORT
        assert imported.is_untouched_import(imported.snapshot())
    lead = article(FIRST_HEADLINE)
    lead.tags.add("劳模")
    assert not lead.is_untouched_import(lead.snapshot())


# Cost.


def test_a_reimport_with_conflicts_costs_queries_by_page_not_by_article(regions, chief):
    page = seed_bytes()
    chief.has_perm("articles.change_article")  # the permission cache, loaded outside the count

    def queries_for(copies, date, **options):
        pages = [(page, n) for n in range(1, copies + 1)]
        run(*pages, date=date, number=None)
        Article.objects.filter(issue__date=date).update(body="改过的正文。")
        with CaptureQueriesContext(connection) as context:
            run(*pages, date=date, number=None, replace_all=True, user=chief)
        return len(context.captured_queries)

    one_page = queries_for(1, "2024-01-01")  # 7 articles replaced
    four_pages = queries_for(4, "2024-01-02")  # 28 articles replaced
    assert four_pages == one_page
    assert Revision.objects.filter(comment__startswith="导入替换").count() == 35
