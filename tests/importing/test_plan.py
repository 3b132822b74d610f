"""An import's plan as data (importing/plan.py): what the review shows and what its signature
rests on. Plain objects, no database: articles are unsaved instances with a primary key."""

import datetime
import hashlib

import pytest

from articles.importing.structure import ParsedArticle, ParseWarning
from articles.models import Article, Issue, Page
from importing.plan import (
    Action,
    ArticlePlan,
    Difference,
    ImportOptions,
    ImportRefused,
    IssuePlan,
    PagePlan,
    PlanChanged,
    digest,
)

DATE = datetime.date(2024, 10, 8)


def parsed(headline="主题", paragraphs=("第一段。",), line=1):
    return ParsedArticle(headline, line, blocks=[("paragraph", p) for p in paragraphs])


def article(pk=7, version=3, headline="系统中的主题"):
    return Article(pk=pk, version=version, headline=headline)


def item(action, **fields):
    fields.setdefault("parsed", parsed())
    return ArticlePlan(1, 1, action, **fields)


def issue_plan(*articles, issue=None, page=None, **fields):
    page_plan = PagePlan(1, "a.txt", "要闻", "", page=page, articles=list(articles))
    return IssuePlan(DATE, 5, ImportOptions(), issue=issue, pages=[page_plan], **fields)


def test_each_action_has_its_chinese_label():
    assert [action.label for action in Action] == [
        "新建",
        "不变",
        "更新",
        "冲突，保留",
        "冲突，替换",
        "不再见于版面，保留",
        "不再见于版面，删除",
    ]


def test_a_refused_import_says_every_refusal_or_the_message_given():
    plan = issue_plan(refusals=["期号已占用。", "无权限。"])
    assert str(ImportRefused(plan)) == "期号已占用。；无权限。"
    assert str(ImportRefused(plan, "另有原因")) == "另有原因"
    assert ImportRefused(plan).plan is plan


def test_a_changed_plan_says_nothing_was_written():
    plan = issue_plan()
    refused = PlanChanged(plan)
    assert refused.plan is plan
    assert str(refused) == (
        "预览之后数据库已有变化（他人修改了稿件或同时导入），没有写入任何内容，请核对新的结果。"
    )


def test_a_difference_lists_only_the_changed_lines_system_first():
    difference = Difference("正文", page="甲\n乙新\n丙", system="甲\n乙\n丙")
    assert difference.changed_lines == [("-", "乙"), ("+", "乙新")]
    assert difference.is_long


@pytest.mark.parametrize(("page", "system", "long"), [("甲", "乙", False), ("甲", "乙\n丙", True)])
def test_a_difference_is_long_when_either_side_has_several_lines(page, system, long):
    assert Difference("正文", page, system).is_long is long


def test_an_article_plan_shows_the_pages_headline_else_the_systems():
    assert item(Action.NEW, parsed=parsed("页面主题")).headline == "页面主题"
    assert item(Action.MISSING, parsed=None, article=article()).headline == "系统中的主题"


def test_an_article_plan_gives_the_size_of_the_pages_text():
    assert item(Action.NEW, parsed=parsed(paragraphs=["一二三", "四五"])).body_size == "2 段，5 字"


@pytest.mark.parametrize(
    ("action", "differences", "writes"),
    [
        (Action.NEW, [], True),
        (Action.REPLACED, [], True),
        (Action.UPDATED, [Difference("主题", "甲", "乙")], True),
        (Action.UPDATED, [], False),  # an unchanged draft that is only published
        (Action.UNCHANGED, [], False),
        (Action.CONFLICT, [Difference("主题", "甲", "乙")], False),
        (Action.MISSING, [], False),
    ],
)
def test_only_new_replaced_and_changed_updates_write_the_pages_content(action, differences, writes):
    assert item(action, differences=differences).writes_content is writes


def fingerprint(**changes):
    fields = {
        "parsed": parsed(),
        "article": article(),
        "content": {"headline": "主题"},
        "system_digest": "abc",
    }
    fields.update(changes)
    action = fields.pop("action", Action.CONFLICT)
    position = fields.pop("position", 2)
    return ArticlePlan(1, position, action, **fields).fingerprint()


def test_the_operators_choice_to_replace_or_remove_leaves_the_fingerprint_as_it_was():
    assert fingerprint(action=Action.REPLACED) == fingerprint(action=Action.CONFLICT)
    assert fingerprint(action=Action.REMOVED) == fingerprint(action=Action.MISSING)
    assert fingerprint(action=Action.MISSING) != fingerprint(action=Action.CONFLICT)
    assert fingerprint(publish=True, notes=["不发布"]) == fingerprint()


@pytest.mark.parametrize(
    "change",
    [
        {"action": Action.UPDATED},
        {"article": article(pk=8)},
        {"article": article(version=4)},
        {"article": None},
        {"system_digest": "abd"},
        {"content": {"headline": "另一主题"}},
        {"content": None},
        {"position": 3},
        {"replaceable": True},
        {"removable": True},
    ],
)
def test_the_fingerprint_changes_with_what_the_decision_rests_on(change):
    assert fingerprint(**change) != fingerprint()


def test_the_fingerprint_is_plain_data():
    assert fingerprint() == [
        "conflict",
        7,
        3,
        "abc",
        digest({"headline": "主题"}),
        2,
        False,
        False,
    ]
    assert fingerprint(article=None, content=None)[1:5] == [None, None, "abc", ""]


def test_an_article_plan_as_json():
    plan = ArticlePlan(
        2,
        4,
        Action.UPDATED,
        parsed("新主题"),
        article(),
        reason="理由",
        differences=[Difference("主题", "新主题", "旧主题")],
        publish=True,
        notes=["说明"],
    )
    assert plan.to_dict() == {
        "page": 2,
        "position": 4,
        "headline": "新主题",
        "action": "updated",
        "article": 7,
        "reason": "理由",
        "differences": ["主题"],
        "publish": True,
        "notes": ["说明"],
    }
    assert item(Action.NEW).to_dict()["article"] is None


def test_a_pages_warnings_come_before_its_articles_warnings():
    page_warning = ParseWarning("a.txt", 1, "页")
    first, second = ParseWarning("a.txt", 3, "一"), ParseWarning("a.txt", 9, "二")
    page = PagePlan(
        1,
        "a.txt",
        "要闻",
        "",
        articles=[item(Action.NEW, warnings=[first]), item(Action.NEW, warnings=[second])],
        warnings=[page_warning],
    )
    assert page.all_warnings == [page_warning, first, second]
    plan = IssuePlan(DATE, 5, ImportOptions(), pages=[page, PagePlan(2, "b.txt", "", "")])
    assert plan.warnings == [page_warning, first, second]


def test_the_summary_counts_each_action_in_the_reviews_order():
    plan = issue_plan(
        item(Action.NEW),
        item(Action.NEW),
        item(Action.CONFLICT),
        item(Action.MISSING, parsed=None, article=article()),
    )
    assert plan.summary() == {
        Action.NEW: 2,
        Action.UNCHANGED: 0,
        Action.UPDATED: 0,
        Action.CONFLICT: 1,
        Action.REPLACED: 0,
        Action.REMOVED: 0,
        Action.MISSING: 1,
    }
    assert plan.summary_line() == (
        "新建 2 篇，不变 0 篇，更新 0 篇，冲突保留 1 篇，替换 0 篇，删除 0 篇，"
        "不再见于版面保留 1 篇"
    )
    assert [a.action for a in plan.of(Action.NEW)] == [Action.NEW, Action.NEW]


def existing():
    return Issue(pk=1, date=DATE, number=5), Page(pk=2, number=1, name="要闻")


def test_a_plan_of_unchanged_conflicting_and_kept_articles_changes_nothing():
    issue, page = existing()
    kept = [Action.UNCHANGED, Action.CONFLICT, Action.MISSING]
    assert not issue_plan(*[item(a) for a in kept], issue=issue, page=page).changes_anything


@pytest.mark.parametrize("action", [Action.NEW, Action.UPDATED, Action.REPLACED, Action.REMOVED])
def test_a_plan_that_writes_an_article_changes_something(action):
    issue, page = existing()
    assert issue_plan(item(action), issue=issue, page=page).changes_anything


def test_a_new_issue_a_new_number_or_a_new_page_changes_something():
    issue, page = existing()
    assert issue_plan(page=page).changes_anything
    assert issue_plan(issue=issue, page=page, old_number=4).changes_anything
    assert issue_plan(issue=issue).changes_anything


@pytest.mark.parametrize("change", [{"renamed": ("甲", "乙")}, {"retopic": ("", "通栏")}])
def test_a_renamed_page_or_a_new_banner_changes_something(change):
    issue, page = existing()
    plan = issue_plan(issue=issue, page=page)
    for key, value in change.items():
        setattr(plan.pages[0], key, value)
    assert plan.changes_anything


def signature(**changes):
    issue, page = existing()
    plan = issue_plan(item(Action.CONFLICT, article=article()), issue=issue, page=page)
    for key, value in changes.items():
        target = plan.pages[0] if key in {"number_of_page", "page", "renamed", "retopic"} else plan
        setattr(target, "number" if key == "number_of_page" else key, value)
    return plan.signature()


def test_the_signature_is_the_same_for_the_same_plan():
    assert signature() == signature()
    assert signature(options=ImportOptions(replace_all=True)) == signature()


@pytest.mark.parametrize(
    "change",
    [
        {"issue": None},
        {"issue": Issue(pk=9, date=DATE, number=5)},
        {"number": 6},
        {"old_number": 4},
        {"new_reporters": ["王伟"]},
        {"number_of_page": 2},
        {"page": None},
        {"page": Page(pk=3, number=1)},
        {"renamed": ("甲", "乙")},
        {"retopic": ("", "通栏")},
    ],
)
def test_the_signature_changes_with_what_the_plan_rests_on(change):
    assert signature(**change) != signature()


def test_the_signature_changes_with_an_articles_fingerprint():
    issue, page = existing()
    one = issue_plan(item(Action.CONFLICT, article=article()), issue=issue, page=page)
    two = issue_plan(item(Action.CONFLICT, article=article(version=4)), issue=issue, page=page)
    assert one.signature() != two.signature()


def test_an_issue_plan_as_json():
    issue, page = existing()
    plan = issue_plan(item(Action.NEW), issue=issue, page=page, old_number=4, refusals=["不行。"])
    data = plan.to_dict()
    assert data["issue"] == {"date": "2024-10-08", "number": 5, "new": False}
    assert data["renumber"] == [4, 5]
    assert data["refusals"] == ["不行。"]
    assert data["summary"]["new"] == 1 and data["summary"]["missing"] == 0
    assert [a["action"] for a in data["articles"]] == ["new"]
    fresh = issue_plan().to_dict()
    assert fresh["issue"]["new"] is True
    assert fresh["renumber"] is None


def test_the_digest_is_the_sha256_of_sorted_json_with_chinese_kept():
    expected = hashlib.sha256('{"a": 1, "主题": "稿"}'.encode()).hexdigest()
    assert digest({"主题": "稿", "a": 1}) == expected


def test_the_digest_writes_dates_as_text():
    assert digest([DATE]) == hashlib.sha256(b'["2024-10-08"]').hexdigest()
