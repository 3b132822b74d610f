"""Forms from blind set 9 (all text invented, laid out as the real pages were): a site's title
printed again with other characters run into it and a video label under its fields, a comment
count and an advert line, a 副题 run onto the headline's line, and a caption with its photo
credit run into the dateline.
"""

import pytest

from articles.importing.furniture import furniture_kind
from articles.importing.page_lines import split_credit_before_dateline, split_subheadline
from articles.importing.parsing import _garbled_copy, parse_page
from tests.articles.conftest import people

TITLE = "第三届湖州市“最美工匠”颁奖仪式暨劳模工匠创新成果展示活动举办"

# -- a title printed again, garbled -------------------------------------------------------------


def test_a_title_with_a_few_characters_run_into_it_is_a_copy_of_it():
    assert _garbled_copy(
        "高质第三届湖州市“最美工匠”颁奖仪式暨劳模工匠创新成果展示活动量发展举办", TITLE
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (TITLE, TITLE),  # the title itself
        ("第三届湖州市“最美工匠”颁奖仪式举办", TITLE),  # shorter: not the whole title
        ("据介绍，第三届湖州市“最美工匠”颁奖仪式暨劳模工匠创新成果展示活动于昨日隆重举办", TITLE),
        ("劳模工匠进企业啦", "劳模工匠进企业"),  # a title too short to tell
    ],
)
def test_other_lines_are_no_garbled_copy(text, title):
    assert not _garbled_copy(text, title)


def test_the_garbled_copy_under_a_sites_fields_is_dropped_and_said(gazetteer):
    text = (
        f"{TITLE}\n\n发布时间:2023-12-28 19:48:53 来源:某某信息网\n\n"
        "高质第三届湖州市“最美工匠”颁奖仪式暨劳模工匠创新成果展示活动量发展举办\n\n"
        "12月23日新闻视频\n\n12月22日,第三届湖州市“最美工匠”颁奖仪式举办。\n"
    )
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert (article.kicker, article.headline, article.subheadline) == (None, TITLE, None)
    assert article.paragraphs == ["12月22日，第三届湖州市“最美工匠”颁奖仪式举办。"]
    assert any("混入杂字的重复" in w.message for w in page.warnings)


# -- furniture ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "12月23日新闻视频",
        "相关视频",
        "已有0人发表了评论",
        "已有0人發表了評論",
        "共12条评论",
        "某某服务器面板,一键全能部署及管理,送你10850元礼包,点我领取",
        "相關閱讀:",
    ],
)
def test_video_labels_comment_counts_and_adverts_are_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize(
    "line", ["劳模故事短视频", "已有300人参加评选", "职工们点赞评论区的留言。", "领取慰问品"]
)
def test_lines_like_them_printed_as_text_stay(line):
    assert furniture_kind(line) is None


# -- lines run together -------------------------------------------------------------------------


def test_a_subheadline_after_the_headline_on_one_line_is_split_off():
    assert split_subheadline("叫响做实“大国工匠” 展示“之江工匠”风采 ——网络媒体行走进宁波") == [
        "叫响做实“大国工匠” 展示“之江工匠”风采",
        "——网络媒体行走进宁波",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "——记全国劳动模范王伟",  # a 副题 alone
        "他说：“干一行爱一行 ——这是师傅教的。”",  # a sentence with a dash
        "技术能手 同台竞技",  # no dash
    ],
)
def test_other_lines_with_a_dash_are_not_split(line):
    assert split_subheadline(line) == [line]


def test_a_caption_and_its_credit_run_into_the_dateline_are_cut_before_it():
    line = "座谈会现场。某某网记者葛文明 摄 某某网宁波4月24日电(记者 葛文明) 24日下午,采访团抵达。"
    assert split_credit_before_dateline(line) == [
        "座谈会现场。某某网记者葛文明 摄",
        "某某网宁波4月24日电(记者 葛文明) 24日下午,采访团抵达。",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "座谈会现场。通讯员 葛文明 摄",  # a credit with no text after it
        "座谈会现场。葛文明 摄 图为职工代表发言。",  # text after it, but no dateline
    ],
)
def test_a_photo_credit_without_a_dateline_after_it_is_not_cut(line):
    assert split_credit_before_dateline(line) == [line]


def test_a_mirrors_headline_line_and_run_together_caption_read_as_printed(gazetteer):
    text = (
        "叫響做實“大國工匠” 展示“之江工匠”風采 ——網絡媒體行走進寧波\n"
        "座談會現場。某某網記者葛文明 攝 某某網寧波4月24日電(記者 葛文明) "
        "24日下午,採訪團抵達寧波。\n"
    )
    [article] = parse_page(text, "mirror.txt", 1, gazetteer).articles
    assert (article.headline, article.subheadline) == (
        "叫響做實“大國工匠” 展示“之江工匠”風采",
        "——網絡媒體行走進寧波",
    )
    assert article.dateline == "某某網寧波4月24日電"
    assert people(article.people) == [("葛文明", "记者")]
    assert [(p.caption, people(p.people)) for p in article.photos] == [
        ("座談會現場。", [("葛文明", "某某网记者")])
    ]
    assert article.paragraphs == ["24日下午，採訪團抵達寧波。"]
