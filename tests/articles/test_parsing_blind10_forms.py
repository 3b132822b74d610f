"""Forms from blind set 10 (all text invented, laid out as the real pages were): the line right
above a site's fields is the article's title, an e-paper page that prints its text before its
headline and again after it, a body above the first headline, a site's name, navigation label,
links line and ranking lists, a caption crediting 图：who, an edition line with 第A2版, and a
bank named after its county.
"""

import pytest

from articles.importing.credits_in_text import split_caption_credit
from articles.importing.furniture import furniture_kind, page_header, site_fields
from articles.importing.parsing import parse_page
from tests.articles.conftest import people

BODY = "今年以来，区总工会开展户外劳动者服务站点提升工作，为快递小哥和环卫工人打造温暖港湾" * 2

# -- the title over a site's fields -------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "发布时间:2022-01-29 来源:今日某某 发布开发区:浙江台州经济开发区",
        "发布日期:2024-07-05 10:03:11   作者:甲、乙   来源:某某工人日报",
        "2015-05-07 09:04:35  来源:  某某新闻网  作者: 记者 甲",
        "时间:2024年08月06日 12:55:03    来源:某某网    浏览次数:5    评论() 字号:TT",
    ],
)
def test_a_sites_fields_of_its_article_are_recognised(line):
    assert site_fields(line)


@pytest.mark.parametrize("line", ["2022年1月29日，区总工会发布了慰问名单。", "来源于群众的建议"])
def test_text_is_no_sites_fields(line):
    assert not site_fields(line)


def test_the_line_above_a_sites_fields_is_the_title_commas_and_all(gazetteer):
    text = (
        "工会送礼,温暖过年\n发布时间:2022-01-29 来源:今日某某\n"
        "近日,黄岩区总工会走访慰问多家企业,为留在黄岩过年的外乡人送去年货大礼包。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert article.headline == "工会送礼，温暖过年"


def test_the_line_above_a_sites_fields_settles_two_headline_lines(gazetteer):
    text = (
        "充满“工”字味传播正能量\n\n丽水市总工会举办职工演讲比赛\n\n"
        "发布日期:2024-07-05 10:03:11   作者:徐冬梅   来源:某某工人日报\n\n"
        "丽水市职工演讲比赛于日前落幕,26组选手参赛。\n"
    )
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert (article.kicker, article.headline) == (
        "充满“工”字味传播正能量",
        "丽水市总工会举办职工演讲比赛",
    )
    assert not any("也可能是" in w.message for w in page.warnings)


def test_a_dashed_subheadline_over_the_fields_stays_the_subheadline(gazetteer):
    text = (
        "小驿站里的大温暖\n——丽水工会服务户外劳动者纪事\n发布时间:2024-07-05 10:03\n"
        "丽水市总工会建成工会驿站120个,服务户外劳动者。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert (article.headline, article.subheadline) == (
        "小驿站里的大温暖",
        "——丽水工会服务户外劳动者纪事",
    )


# -- text above the first headline --------------------------------------------------------------


def test_text_printed_before_its_headline_and_again_after_it_is_the_articles(gazetteer):
    text = (
        "本报讯 (庞明强 通讯员 王一楠)南湖区总工会组织开展6批次疗休养活动。\n"
        "疗休养活动在7月至9月期间开展,设置多种时长方案,提升职工参与便利性。\n"
        "第A2版:工会新闻\n南湖区:职工疗休养书写暖心答卷\n"
        "《某某工人报》(2025年11月06日 第A2版)\n"
        "疗休养活动在7月至9月期间开展,设置多种时长方案,提升职工参\n"
    )
    page = parse_page(text, "epaper.txt", 1, gazetteer)
    [article] = page.articles
    assert (article.headline, article.dateline) == ("南湖区：职工疗休养书写暖心答卷", "本报讯")
    assert people(article.people) == [("庞明强", "作者"), ("王一楠", "通讯员")]
    # The repeat, cut off where the page stops, is not imported twice.
    assert len(article.paragraphs) == 2
    assert page.number == 2


def test_a_body_above_the_first_headline_is_an_article_flagged_not_dropped(gazetteer):
    text = (
        f"{BODY}。\n\n专家们认真评审了每一件作品。\n\n另一篇稿件的标题\n\n本报讯 近日,活动举行。\n"
    )
    page = parse_page(text, "site.txt", 1, gazetteer)
    first, second = page.articles
    assert first.paragraphs[0].startswith("今年以来")
    assert second.headline == "另一篇稿件的标题"
    assert any("版面开头的稿件没有标题" in w.message for w in page.warnings)


@pytest.mark.parametrize(
    "top",
    [
        "上接第一版的文字，还没有说完。",  # one short line carried over
        f"{BODY}。\n\n（上接第1版）职工们纷纷表示受益匪浅。",  # says it was carried over
        f"，{BODY}。\n\n职工们纷纷表示受益匪浅。",  # starts in the middle of a sentence
    ],
)
def test_text_carried_over_from_another_page_is_still_left_out(top, gazetteer):
    page = parse_page(
        f"{top}\n\n千名工匠同台竞技\n\n本报讯 近日,活动举行。\n", "p.txt", 1, gazetteer
    )
    assert [a.headline for a in page.articles] == ["千名工匠同台竞技"]


# -- furniture and captions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "某某新闻网",
        "MSN导航",
        "网站导航",
        "内容详情",
        "某某新闻网首页 某某手机网 某某客户端",
    ],
)
def test_a_sites_name_navigation_label_and_links_line_are_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize("line", ["维权导航", "律师在线", "织密防护网", "新闻网评"])
def test_a_papers_columns_and_headlines_like_them_stay(line):
    assert furniture_kind(line) is None


def test_an_edition_line_may_print_the_page_as_第A2版():
    assert page_header("《某某工人报》（2025年11月06日 第A2版）") == (2, None)


def test_a_sites_ranking_lists_under_the_text_are_no_article(gazetteer):
    text = (
        "温州工会送清凉\n\n本报讯 近日,温州市总工会为户外劳动者送去清凉。\n\n"
        "• 日新闻排行榜\n• 周新闻排行榜\n• 书韵飘香\n\n这些年,某某获得多项荣誉。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert article.paragraphs == ["近日，温州市总工会为户外劳动者送去清凉。"]


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("讲好衢州故事选手 图:衢州市总工会", ("衢州市总工会", "供图", True)),
        ("职工在比赛中 图：王伟", ("王伟", "摄影", False)),
    ],
)
def test_a_caption_may_credit_its_picture_after_图(text, credit):
    caption, phrase = split_caption_credit(text)
    assert caption == text.split()[0]
    assert [(c.name, c.role, c.organisation) for c in phrase.photo_credits] == [credit]


def test_a_bank_named_after_its_county_is_no_story_place(gazetteer):
    text = (
        "丽水市总工会举办职工演讲比赛\n\n本报讯 日前,丽水市职工演讲比赛落幕,"
        "来自缙云县农商银行的选手获金奖。\n"
    )
    [article] = parse_page(text, "p.txt", 1, gazetteer).articles
    assert [p.code for p in article.regions] == ["331100"]
