"""Forms from blind set 8 (all text invented, laid out as the real pages were): a body copied
without its headline or credit, a site's menu one word a line, a yearbook's 【title】 entries
with a caption crediting its photographer in brackets, a feature page's day-and-place lines and
run-together credits with 报道组, and a picture above the page's first headline.
"""

import pytest

from articles.importing.briefs import brief_headline, is_brief_start
from articles.importing.bylines import parse_credit_phrase
from articles.importing.credits_in_text import split_caption_credit
from articles.importing.parsing import parse_issue, parse_page
from articles.importing.text import PageError
from tests.articles.conftest import people

LONG = "区总工会开展户外劳动者服务站点提升工作，为快递小哥、外卖骑手和环卫工人打造温暖港湾" * 2

# -- a body without its headline ----------------------------------------------------------------


def test_a_body_copied_without_its_headline_is_an_article_flagged_for_one(gazetteer):
    text = f"{LONG}。\n目前，秀洲区已建成户外劳动者服务站点80多个。\n"
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert article.headline == "区总工会开展户外劳动者服务站点提升工作"  # its first clause
    assert any("稿件没有标题" in w.message for w in page.warnings)
    assert len(article.paragraphs) == 2
    assert [p.code for p in article.regions] == ["330411"]


@pytest.mark.parametrize(
    "text",
    [
        "近日，某公司召开职代会。\n\n会议选举了工会委员会。\n",  # short: a note or a fragment
        f"{LONG[:40]}。\n\n{LONG[:40]}。\n",  # no paragraph long enough to be an article's
    ],
)
def test_text_too_slight_to_be_an_article_is_still_refused(text):
    with pytest.raises(PageError):
        parse_issue([("p.txt", text.encode())], "2024-10-09", 1)


def test_a_date_spaced_out_does_not_stand_in_for_the_headline():
    assert brief_headline("2026 年1月7日,寒风料峭,一场慰问活动在此开展。")[0] == "寒风料峭"


# -- a site's menu one word a line --------------------------------------------------------------


def test_a_sites_menu_one_word_a_line_is_dropped(gazetteer):
    text = (
        "首页\n\n新闻\n\n直播\n\n某某广电\n\n专题\n\n文化生活报\n\n湖州:小驿站点亮城市大温暖\n\n"
        "近年来,湖州市总工会积极搭建职工服务驿站,致力打造职工群众可信赖的温暖之家。\n"
    )
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert (article.section, article.headline, article.subheadline) == (
        None,
        "湖州：小驿站点亮城市大温暖",
        None,
    )


@pytest.mark.parametrize(
    "top",
    [
        "新闻\n\n专题\n\n图片新闻\n\n",  # three lines over the headline: no menu
        "首页\n\n新闻\n\n专题\n\n图片\n\n",  # a menu of four over a headline of one word
    ],
)
def test_a_short_headline_right_above_the_text_is_never_part_of_a_menu(top, gazetteer):
    text = f"{top}师带徒\n\n本报讯 近日,某厂劳模工作室带出徒弟60余名。\n"
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    # (Which of 图片新闻 / 师带徒 is the 主题 is the headline reader's business, flagged.)
    assert "师带徒" in (article.headline, article.subheadline)


# -- a yearbook's entries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "【市总工会表彰职工精神文明“十佳”好事】6月14日,市总工会举行表彰会。",
            "市总工会表彰职工精神文明“十佳”好事",
        ),
        (
            "【市总工会表彰职工职业道德“双十佳”】12月17日,市总工会在某某会",
            "市总工会表彰职工职业道德“双十佳”",
        ),
    ],
)
def test_an_entry_with_its_title_in_brackets_is_an_item_under_that_title(text, lead):
    assert is_brief_start(text)
    assert brief_headline(text)[:1] == (lead,) and brief_headline(text)[2]


@pytest.mark.parametrize(
    "text",
    [
        "【劳模风采】全国劳模王伟在车间。",  # a column label, not an entry's title
        "【市总工会表彰职工精神文明十佳好事】",  # a title with no text after it
    ],
)
def test_a_label_or_a_bare_bracketed_title_is_no_entry(text):
    assert not is_brief_start(text)


def test_a_caption_may_credit_its_photographer_in_brackets():
    caption, phrase = split_caption_credit("市总工会表彰职工精神文明十佳好事(徐明)")
    assert caption == "市总工会表彰职工精神文明十佳好事"
    assert people(phrase.photo_credits) == [("徐明", "摄影")]


@pytest.mark.parametrize(
    "text",
    [
        "近日,某公司召开职代会。(王伟)",  # a brief with its author: a sentence
        "职工书屋开放(某县总工会)",  # an organisation, not a photographer
        "市总工会表彰职工精神文明十佳好事(二)",  # a number, not a name
    ],
)
def test_other_text_ending_in_brackets_is_no_captioned_picture(text):
    assert split_caption_credit(text) is None


def test_a_yearbook_page_is_its_entries_with_their_pictures(gazetteer):
    text = (
        "【市总工会表彰职工精神文明“十佳”好事】6月14日,市总工会举行表彰会,普陀区人民医院"
        "某某等获表彰,某某公司方庆元获提名。(程友民)\n\n"
        "市总工会表彰职工精神文明十佳好事(徐明)\n"
        "【市总工会表彰职工职业道德“双十佳”】12月17日,市总工会举行表彰会。(李文)\n"
    )
    first, second = parse_page(text, "yearbook.txt", 1, gazetteer).articles
    assert first.headline == "市总工会表彰职工精神文明“十佳”好事"
    assert people(first.people) == [("程友民", "作者")]
    assert [(p.caption, people(p.people)) for p in first.photos] == [
        ("市总工会表彰职工精神文明十佳好事", [("徐明", "摄影")])
    ]
    # 普陀区 of 上海 with no Zhejiang place beside it; 方庆元 is a person, not 庆元县.
    assert first.regions == []
    assert (second.headline, people(second.people)) == (
        "市总工会表彰职工职业道德“双十佳”",
        [("李文", "作者")],
    )


# -- a feature page -----------------------------------------------------------------------------


def test_a_reporting_team_after_a_reporters_name_is_the_next_names_role():
    phrase = parse_credit_phrase("记者金明报道组周一军陈松")
    assert people(phrase.credits) == [("金明", "记者"), ("周一军", "报道组"), ("陈松", "报道组")]
    assert [c.organisation for c in parse_credit_phrase("（某某县报道组）").credits] == [True]


def test_a_features_day_and_place_line_is_a_paragraph_of_its_own(gazetteer):
    text = (
        "山村也有宝\n记者徐一飞\n9月13日婺城竹马乡某某村\n"
        "某某村号称“茶花第一村”。\n花农们说,茶花是块宝。\n"
    )
    [article] = parse_page(text, "feature.txt", 1, gazetteer).articles
    assert (article.headline, article.subheadline) == ("山村也有宝", None)
    assert article.paragraphs[0] == "9月13日婺城竹马乡某某村"
    assert article.paragraphs[1] == "某某村号称“茶花第一村”。"


def test_a_headline_with_a_date_is_still_a_headline(gazetteer):
    text = "9月13日起施行新规\n\n本报讯 近日,某市出台新规。\n"
    [article] = parse_page(text, "page.txt", 1, gazetteer).articles
    assert article.headline == "9月13日起施行新规"


def test_a_picture_above_the_first_headline_is_an_item_flagged(gazetteer):
    text = (
        "9月13日,本报记者前往建德市某某小学赠送图书。 尹文炳 摄\n"
        "村里发工资了\n9月13日黄岩上郑乡某某村\n村民们在合作社领工资。\n"
    )
    page = parse_page(text, "feature.txt", 1, gazetteer)
    picture, article = page.articles
    assert [(p.caption, people(p.people)) for p in picture.photos] == [
        ("9月13日，本报记者前往建德市某某小学赠送图书。", [("尹文炳", "摄影")])
    ]
    assert any("图片说明没有标题" in w.message for w in page.warnings)
    assert article.headline == "村里发工资了"


def test_text_above_the_first_headline_without_a_photo_credit_is_still_left_out(gazetteer):
    text = "转到本版的上期文字。\n村里发工资了\n\n本报讯 村民们在合作社领工资。\n"
    page = parse_page(text, "feature.txt", 1, gazetteer)
    [article] = page.articles
    assert article.headline == "村里发工资了"
    assert any("不属于任何稿件" in w.message for w in page.warnings)
