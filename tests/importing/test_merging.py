"""The merge's rules that need no database (importing/merging.py): what the page says of an
article, where it differs from the system, which article a parsed one is, why an article is not
the import's to change, and which article a parser warning belongs to. The merge against a
database is tested in tests/articles/test_import_merge.py."""

import pytest

from articles.importing.bylines import Credit
from articles.importing.gazetteer import Place
from articles.importing.structure import ParsedArticle, ParsedPage, ParsedPhoto, ParseWarning
from articles.models import Article
from importing.merging import _as_text, _attach_warnings, _match, _why_not_ours, differences
from importing.merging import page_content as content_of
from importing.plan import Action, ArticlePlan, Difference, PagePlan
from regions.models import Region
from tests.articles.admin_helpers import CHIEFS, make_user
from tests.articles.importing_helpers import (
    LAST_HEADLINE,
    article,
    page_without_last_article,
    run,
    seed_bytes,
)

ZHEJIANG = Place("330000", "浙江省", "浙江", "province")
HANGZHOU = Place("330100", "杭州市", "杭州", "city", "330000")
UNKNOWN = Place("999999", "无此地", "无此", "city")


def full_article():
    return ParsedArticle(
        "主题",
        3,
        section="劳模风采",
        kicker="引题",
        subheadline="副题",
        dateline="本报讯",
        people=[Credit("王伟", "记者"), Credit("李强", "")],
        organisations=[Credit("长兴县总工会", "", organisation=True)],
        regions=[HANGZHOU, UNKNOWN, HANGZHOU, ZHEJIANG],
        blocks=[("paragraph", "第一段。"), ("crosshead", "插题"), ("paragraph", "第二段。")],
        photos=[
            ParsedPhoto("图为工地。", [Credit("赵敏", "通讯员")]),
            ParsedPhoto(None, [Credit("钱江", "")]),
        ],
    )


REGIONS = {
    "330100": Region(code="330100", name="杭州市"),
    "330000": Region(code="330000", name="浙江省"),
}


def test_the_pages_side_holds_every_compared_field_as_the_system_snapshot_does():
    assert content_of(full_article(), REGIONS) == {
        "kicker": "引题",
        "headline": "主题",
        "subheadline": "副题",
        "section": "劳模风采",
        "dateline": "本报讯",
        "bylines": ["记者 王伟", "李强", "长兴县总工会", "通讯员 赵敏 摄", "钱江 摄"],
        "regions": ["杭州市", "浙江省"],  # in the page's order, once each, known places only
        "body": "第一段。\n## 插题\n第二段。",
        "photos": ["图为工地。", ""],
    }


def test_missing_headline_parts_are_empty_text():
    content = content_of(ParsedArticle("主题", 1), {})
    assert content == {
        "kicker": "",
        "headline": "主题",
        "subheadline": "",
        "section": "",
        "dateline": "",
        "bylines": [],
        "regions": [],
        "body": "",
        "photos": [],
    }


def test_no_differences_between_a_page_and_the_snapshot_it_made():
    page = content_of(full_article(), REGIONS)
    assert differences(page, dict(page)) == []


def test_each_differing_field_is_named_in_the_reviews_order_with_both_sides_as_text():
    page = content_of(full_article(), REGIONS)
    system = dict(page, headline="旧主题", bylines=["记者 王伟"], photos=["图为工地。", "旧说明"])
    assert differences(page, system) == [
        Difference("主题", "主题", "旧主题"),
        Difference("署名", "记者 王伟、李强、长兴县总工会、通讯员 赵敏 摄、钱江 摄", "记者 王伟"),
        Difference("图片说明", "图为工地。\n", "图为工地。\n旧说明"),
    ]


def test_a_field_the_snapshot_lacks_counts_as_empty():
    page = content_of(ParsedArticle("主题", 1), {})
    system = {key: value for key, value in page.items() if key not in ("kicker", "regions")}
    assert differences(page, system) == []
    page["kicker"] = "引题"
    system["kicker"] = ""
    assert [d.label for d in differences(page, system)] == ["引题"]


def test_a_field_an_older_snapshot_lacks_is_shown_as_empty_beside_the_pages_text():
    page = content_of(full_article(), REGIONS)
    older = {key: value for key, value in page.items() if key not in ("section", "photos")}
    assert differences(page, older) == [
        Difference("栏目", "劳模风采", ""),
        Difference("图片说明", "图为工地。\n", ""),
    ]


def test_lists_are_shown_joined_captions_by_line_credits_by_comma():
    assert _as_text("bylines", ["记者 王伟", "李强"]) == "记者 王伟、李强"
    assert _as_text("photos", ["甲", "乙"]) == "甲\n乙"
    assert _as_text("headline", "主题") == "主题"


def on_page(pk, headline, position, origin=Article.Origin.IMPORT):
    return Article(pk=pk, headline=headline, position=position, origin=origin)


def test_a_parsed_article_is_the_one_on_the_page_with_its_headline_wherever_it_stands():
    second, first = on_page(1, "乙", 1), on_page(2, "甲", 2)
    parsed = [ParsedArticle("甲", 1), ParsedArticle("乙", 5)]
    assert _match(parsed, [second, first]) == [first, second]


def test_else_the_imported_article_at_the_same_position():
    renamed, kept = on_page(1, "旧主题", 2), on_page(2, "甲", 1)
    parsed = [ParsedArticle("甲", 1), ParsedArticle("新主题", 5)]
    assert _match(parsed, [renamed, kept]) == [kept, renamed]


def test_an_admin_article_matches_only_by_headline():
    admin = on_page(1, "旧主题", 1, Article.Origin.ADMIN)
    assert _match([ParsedArticle("新主题", 1)], [admin]) == [None]
    assert _match([ParsedArticle("旧主题", 1)], [admin]) == [admin]


def test_each_article_on_the_page_is_matched_once():
    one = on_page(1, "甲", 1)
    assert _match([ParsedArticle("甲", 1), ParsedArticle("甲", 5)], [one]) == [one, None]
    two = on_page(2, "乙", 2)
    assert _match([ParsedArticle("乙", 1), ParsedArticle("丙", 5)], [one, two]) == [two, None]


def why(moved=(), **fields):
    fields = {"pk": 1, "origin": Article.Origin.IMPORT, "status": "draft", **fields}
    return _why_not_ours(Article(**fields), set(moved))


def test_why_an_article_is_not_the_imports_to_change():
    assert why(origin=Article.Origin.ADMIN) == "后台录入的稿件，导入从不改动"
    assert why(status="published") == "状态为“已发布”"
    assert why(moved={1}, import_digest="abc") == "已经过审核流程"
    assert why(import_digest="") == "早前导入的稿件，无法确认导入后未经改动"
    assert why(import_digest="abc") == "导入后已被编辑修改"


def plan_of(*lines):
    plan = PagePlan(1, "a.txt", "要闻", "")
    plan.articles = [
        ArticlePlan(1, i, Action.NEW, ParsedArticle(str(i), line)) for i, line in lines
    ]
    plan.articles.append(ArticlePlan(1, 9, Action.MISSING, article=on_page(1, "旧", 9)))
    return plan


def test_a_warning_goes_with_the_article_whose_lines_it_is_on_others_with_the_page():
    plan = plan_of((1, 10), (2, 4))
    page = ParsedPage("a.txt", 1)
    before, first, on_second, on_first = (ParseWarning("a.txt", n, str(n)) for n in (2, 4, 7, 12))
    page.warnings = [before, first, on_second, on_first]
    _attach_warnings(plan, page)
    assert plan.warnings == [before]
    second, first_article = plan.articles[1], plan.articles[0]
    assert second.warnings == [first, on_second]
    assert first_article.warnings == [on_first]
    assert plan.articles[2].warnings == []


@pytest.mark.django_db
def test_an_article_no_longer_on_the_page_is_listed_at_its_own_position(regions):
    run(seed_bytes())
    last = article(LAST_HEADLINE)
    plan = run(page_without_last_article())
    [missing] = plan.of(Action.MISSING)
    assert missing.article == last
    assert (missing.position, missing.to_dict()["position"]) == (last.position, last.position)
    assert missing.reason == "导入后未经改动的草稿；要求删除时才删除"


@pytest.mark.django_db
def test_a_reimported_article_keeps_its_own_position_in_the_plan(regions):
    run(seed_bytes())
    plan = run(seed_bytes())
    unchanged = plan.of(Action.UNCHANGED)
    assert len(unchanged) == len(plan.articles) == 7
    assert [a.position for a in unchanged] == [a.article.position for a in unchanged]
    assert [a.position for a in unchanged] == list(range(1, 8))


@pytest.mark.django_db
def test_publishing_on_import_leaves_an_article_in_review_unpublished_with_a_note(regions):
    run(seed_bytes())
    last = article(LAST_HEADLINE)
    last.transition(Article.Status.SUBMITTED, make_user(CHIEFS, "chief"))

    [item] = [a for a in run(seed_bytes()).articles if a.article == last]
    assert (item.action, item.notes) == (Action.UNCHANGED, [])  # no note unless asked to publish

    plan = run(seed_bytes(), publish=True)

    [item] = [a for a in plan.articles if a.article == last]
    assert (item.action, item.publish) == (Action.UNCHANGED, False)
    assert item.notes == ["不发布：状态为“待审”，须经审核流程。"]
    assert not article(LAST_HEADLINE).is_published()


@pytest.mark.django_db
def test_publishing_on_import_leaves_a_draft_an_editor_changed_unpublished_with_a_note(regions):
    run(seed_bytes())
    last = article(LAST_HEADLINE)
    last.editor_note = "待核实"  # not on the page: no difference, but no longer the import's
    last.save()

    plan = run(seed_bytes(), publish=True)

    [item] = [a for a in plan.articles if a.article == last]
    assert (item.action, item.publish) == (Action.UNCHANGED, False)
    assert item.notes == ["不发布：导入后已被编辑修改，须经审核流程。"]
    assert not Article.objects.get(pk=last.pk).is_published()
