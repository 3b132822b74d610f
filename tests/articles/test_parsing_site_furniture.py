"""Site furniture that is no headline part and no section (blind set 5): a column path ending
in 正文, an e-paper reader's 版面:第02版: line, an account's name with the day, a site's footer
naming who runs it, a 申明, an account's filler, page staff under one label, 其他."""

import pytest

from articles.importing.furniture import furniture_kind, page_header
from articles.importing.parsing import parse_page


@pytest.mark.parametrize(
    "line",
    [
        "人物 正文",
        "新闻 本地 正文",
        "江南发布 2021-03-15",
        "江南发布 2021-03-15 08:30",
        "某某市某区新闻传媒中心主办  某某在线新闻网站加盟单位",
        "编辑/版式：严青",
        "责编、校对：方圆",
        "其他",
        "跟着小禾一起来看看",
    ],
)
def test_site_furniture_lines_are_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize(
    "line",
    ["人物专访正文选登", "江南发布新规 2021年起施行", "编辑部的故事", "大家一起来看看劳模风采"],
)
def test_lines_like_furniture_but_printed_as_text_stay(line):
    assert furniture_kind(line) is None


def test_an_epaper_readers_page_line_with_the_page_spelt_out_is_the_page_header():
    assert page_header("版面:第02版:要闻       上一篇    下一篇") == (2, "要闻")


def test_an_accounts_filler_over_two_lines_is_no_headline():
    text = (
        "江南区表彰一批技术能手\n\n江南发布 2021-03-15\n\n"
        "近日，江南区总工会表彰了一批技术能手，他们来自制造、建筑等行业。\n\n"
        "跟着小禾一起来看看\n这些能手的风采吧\n\n"
        "技术能手们表示，将继续钻研技艺，带好徒弟。\n\n记者：钱多多\n"
    )
    page = parse_page(text, "p.txt", 1)
    assert [a.headline for a in page.articles] == ["江南区表彰一批技术能手"]
    assert page.articles[0].subheadline is None


def test_a_copyright_notice_spelt_shenming_is_no_headline():
    text = (
        "近日，某县总工会为快递员送去清凉礼包，还请来医生义诊。\n"
        "快递员小吴说，这些礼包很实用。\n"
        "版权和免责申明\n"
        "凡注明来源为本网的稿件，均为本网版权所有。\n"
        "责任编辑：丁一\n"
    )
    page = parse_page(text, "p.txt", 1)
    assert len(page.articles) == 1
    assert page.articles[0].headline != "版权和免责申明"


def test_a_generic_column_word_is_no_section():
    text = (
        "其他\n\n江南区表彰一批技术能手\n\n"
        "近日，江南区总工会表彰了一批技术能手，他们来自制造等行业。\n"
    )
    page = parse_page(text, "p.txt", 1)
    assert page.articles[0].section is None
    assert page.articles[0].headline == "江南区表彰一批技术能手"


# -- a page whose title was lost ----------------------------------------------------------------


def test_untitled_text_under_a_sites_article_fields_is_one_article_flagged_not_refused():
    text = (
        "点击数:87作者: 孔明亮 信息来源: 某某区总工会发布时间:2016-04-02 |\n"
        "清明前夕，某某区总工会走访了十名困难职工，送去慰问金。\n"
        "职工们表示，将以更好的工作回报关心。\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert article.paragraphs == [
        "清明前夕，某某区总工会走访了十名困难职工，送去慰问金。",
        "职工们表示，将以更好的工作回报关心。",
    ]
    assert any("稿件没有标题" in w.message for w in page.warnings)
    # The site's author field, with a count run into it, names the author.
    assert [(c.name, c.role) for c in article.people] == [("孔明亮", "作者")]


@pytest.mark.parametrize(
    "line",
    [
        "字体大小：大 中 小",
        "字体：大 中 小",
        "【字体：大 中 小】",
        "分享到：",
        "文字大小: 大 中 小",
    ],
)
def test_an_epapers_font_size_and_share_lines_are_furniture(line):
    assert furniture_kind(line)


def test_an_epapers_font_size_and_share_lines_over_the_headline_are_no_headline_part():
    text = (
        "某某工人日报 数字报纸\n\n"
        "00003版:区域新闻\n\n"
        "字体大小：大 中 小\n\n"
        "分享到：\n\n"
        "高温下的一线关怀\n\n"
        "\u3000\u3000本报讯 (记者 王某某 通讯员 李某) 7月20日，省总工会开展送清凉活动。\n\n"
        "分享到：\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert (article.section, article.kicker, article.headline, article.subheadline) == (
        None,
        None,
        "高温下的一线关怀",
        None,
    )
    assert article.paragraphs == ["7月20日，省总工会开展送清凉活动。"]
