"""Forms from blind set 11 (all text invented, laid out as the real pages were): 文、图/ before a
credit, a union's 文化宫 credited as correspondent, a 引题丨主题 line, licence, reading-time and
date-query lines, a reprint's 标题: field naming a title printed mid-text, and a caption sent
by an unnamed correspondent (…。通讯员供图).
"""

import pytest

from articles.importing.bylines import parse_credit_phrase
from articles.importing.furniture import furniture_kind, title_listed
from articles.importing.page_lines import bar_title, split_column_bar
from articles.importing.parsing import parse_page
from tests.articles.conftest import people

# -- credits ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("文、图/某某日报新花城记者:邓小丽", "邓小丽", "某某日报新花城记者"),
        ("文/图 王伟", "王伟", None),
        ("图文 王伟", "王伟", None),
    ],
)
def test_text_and_photos_words_before_a_credit_credit_both(text, name, role):
    phrase = parse_credit_phrase(text)
    assert people(phrase.text_credits) == [(name, role or "作者")]
    assert people(phrase.photo_credits) == [(name, role or "摄影")]


def test_a_union_building_credited_as_correspondent_is_an_organisation():
    phrase = parse_credit_phrase("通讯员:杭州市工人文化宫")
    assert [(c.name, c.role, c.organisation) for c in phrase.credits] == [
        ("杭州市工人文化宫", "通讯员", True)
    ]


# -- the bar between a 引题 and its 主题 --------------------------------------------------------


def test_a_kicker_before_a_bar_goes_above_the_headline_which_the_bar_names():
    line = "当好主力军 撑起半边天丨桐乡市总工会开展系列活动"
    assert split_column_bar(line) == ["当好主力军 撑起半边天", "桐乡市总工会开展系列活动"]
    assert bar_title(line) == "桐乡市总工会开展系列活动"


def test_a_column_before_the_bar_is_a_label_not_a_kicker_and_the_title_is_named():
    assert split_column_bar("新春走基层丨桐乡市总工会开展系列活动")[0] == "【新春走基层】"
    assert bar_title("新春走基层丨桐乡市总工会开展系列活动") == "桐乡市总工会开展系列活动"


def test_the_bar_settles_the_kicker_and_the_headline(gazetteer):
    text = (
        "当好主力军 撑起半边天丨桐乡市总工会开展“三八妇女节”系列活动\n2022-03-08 15:00\n\n"
        "桐乡市总工会举办系列活动,女职工们跳起了“工间舞”。\n\n(通讯员 王亚文)\n"
    )
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert (article.kicker, article.headline) == (
        "当好主力军 撑起半边天",
        "桐乡市总工会开展“三八妇女节”系列活动",
    )
    assert not any("也可能是" in w.message for w in page.warnings)
    assert people(article.people) == [("王亚文", "通讯员")]


# -- furniture ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "营业执照",
        "版权为 某某网 www.example.com 所有 未经同意不得复制或镜像",
        "本篇文章478字,读完约1分钟",
        "日期查询:2024年11月20日",
        "标题:拱墅工会举行纪念“三八”国际劳动妇女节活动",
    ],
)
def test_licence_reading_time_date_query_and_title_fields_are_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize(
    "line", ["营业执照办理进企业", "本篇文章获评优秀作品", "标题党不可取", "未经同意擅自加班"]
)
def test_text_like_them_stays(line):
    assert furniture_kind(line) is None


def test_a_title_field_names_the_title():
    assert title_listed("标题:拱墅工会举行纪念活动") == "拱墅工会举行纪念活动"


def test_a_title_printed_mid_text_that_a_title_field_names_heads_the_whole_text(gazetteer):
    long = "“巾帼建功，梦想拱墅”区工会纪念国际妇女节，区总工会主席叶建平等参加了活动并讲话" * 2
    text = (
        f"据拱墅区介绍,{long}。\n\n活动表彰了32个爱心妈妈小屋。\n\n"
        "拱墅工会举行纪念活动\n\n区总工会表示,各级女职工组织要依法履职。\n\n"
        "标题:拱墅工会举行纪念活动\n"
    )
    page = parse_page(text, "reprint.txt", 1, gazetteer)
    [article] = page.articles
    assert article.headline == "拱墅工会举行纪念活动"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("据拱墅区介绍")


# -- captions -----------------------------------------------------------------------------------


def test_a_caption_sent_by_an_unnamed_correspondent_is_a_caption_not_text(gazetteer):
    text = (
        "某某驿站迎来瓜农\n\n本报讯 6月18日,一位瓜农走进工会驿站乘凉休憩。\n\n"
        "驿站工作人员传递夏日关怀。通讯员供图\n驿站内,温馨标识彰显着贴心。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert [(p.caption, p.people) for p in article.photos] == [("驿站工作人员传递夏日关怀。", [])]
    assert article.paragraphs == [
        "6月18日，一位瓜农走进工会驿站乘凉休憩。",
        "驿站内，温馨标识彰显着贴心。",
    ]
