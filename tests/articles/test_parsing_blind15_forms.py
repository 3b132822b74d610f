"""Forms from blind set 15, worked after its blind run (all text invented, laid out as the real
pages were): a WeChat mirror's buttons and lists, a site's Q&A widget, a reprint's 原标题 note,
a 值班编辑 field, a site's 【作者:…】 field among bracketed fields, related links closing a page.
"""

import pytest

from articles.importing.furniture import furniture_kind
from articles.importing.parsing import parse_issue
from articles.importing.site_pages import split_fields_run_in


@pytest.mark.parametrize(
    "line",
    [
        "更多新闻",
        "关注",
        "您可能也对以下帖子感兴趣",
        "文章有问题？点此查看未经处理的缓存",
        "： . Video Mini Program Like ，轻点两下取消赞 Wow ，轻点两下取消在看",
        "智能问答 关闭",
        "你还可以输入40",
        "原标题：奉化某某赛道上 那一簇簇涌动的“工会红”",
        "值班编辑：叶小舟",
    ],
)
def test_a_mirrors_buttons_a_widget_and_a_reprints_note_are_furniture(line):
    assert furniture_kind(line) is not None


def test_a_reprints_original_title_is_no_headline_part():
    note = "原标题：某某赛道上 那一簇簇“工会红”"
    text = f"某某赛道上的“工会红”\n\n{note}\n\n近日，某某区总工会组织职工参加马拉松比赛。"
    [article] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).articles
    assert (article.kicker, article.headline, article.subheadline) == (
        None,
        "某某赛道上的“工会红”",
        None,
    )


def test_a_sites_author_field_in_brackets_credits_the_text():
    text = (
        "某某区为环卫工人送清凉\n"
        "【发布日期:2024-07-22】 【来源:】 【阅读:次】【作者:晚报记者 潘一鸣 通讯员 林可欣】\n"
        "连日来，某某区总工会为环卫工人送去绿豆和防暑药品。"
    )
    [article] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).articles
    assert [(c.name, c.role) for c in article.people] == [
        ("潘一鸣", "晚报记者"),
        ("林可欣", "通讯员"),
    ]


def test_several_short_lines_closing_the_page_under_an_article_are_links_not_an_article():
    text = (
        "某某区为环卫工人送清凉\n连日来，某某区总工会为环卫工人送去绿豆和防暑药品。 |\n"
        "2024年某某职工夏令营开营 职工子女走进非遗工坊\n千年古港 再启新程\n塘河夜色 灯火可亲"
    )
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
    assert [a.headline for a in page.articles] == ["某某区为环卫工人送清凉"]
    # One run of lines dropped together: one warning, carrying all three.
    [dropped] = [w for w in page.warnings if "不属于任何稿件" in w.message]
    assert dropped.line == 3
    assert dropped.left_out.splitlines() == [
        "2024年某某职工夏令营开营 职工子女走进非遗工坊",
        "千年古港 再启新程",
        "塘河夜色 灯火可亲",
    ]


def test_a_sites_channel_after_a_hyphen_is_part_of_its_dateline_and_credit():
    text = (
        "# 某某赛道上的“工会红”\n\n"
        "浙江在线-宁波频道4月3日讯(浙江在线通讯员 陈标)4月3日，某某马拉松在奉化溪口镇开跑。"
    )
    [article] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).articles
    assert article.dateline == "浙江在线-宁波频道4月3日讯"
    assert [(c.name, c.role) for c in article.people] == [("陈标", "浙江在线通讯员")]
    assert article.paragraphs == ["4月3日，某某马拉松在奉化溪口镇开跑。"]


def test_a_bay_named_after_a_city_is_not_that_city(gazetteer):
    text = "# 标题\n\n本报讯 乐清湾大桥、三门湾大桥连接线工程的职工参加立功竞赛。"
    [article] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1, places=gazetteer).articles
    assert article.regions == []


def test_a_mirrors_source_line_crediting_the_writers_credits_the_text():
    source = "来源:某某日报记者 季晓岚 叶舒扬 设计 王一 通讯员 蓝一帆,版权归原作者所有。"
    body = "5月5日，某某市“最美工匠”发布会举行。"
    text = f"某某87名职工获评“最美工匠”\n\n{body}\n\n更多新闻\n\n{source}"
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
    [article] = page.articles
    # The post's designer is its staff, as a page's 版式设计 is: not credited.
    assert [(c.name, c.role) for c in article.people] == [
        ("季晓岚", "某某日报记者"),
        ("叶舒扬", "某某日报记者"),
        ("蓝一帆", "通讯员"),
    ]
    assert not [w for w in page.warnings if "来源字段" in w.message]
    assert split_fields_run_in(source) is None
