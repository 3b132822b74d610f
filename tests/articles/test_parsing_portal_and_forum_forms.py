"""Web forms from blind set 6 (all text invented): a forum's post header and profile block, a
portal's time-and-source line and share widget, a site's web slogan and regional channel, a
channel line of five words, a caption with its credit
glued on, (记者 甲) opening a text without dateline, and a mobile page's headline under its text.
"""

import pytest

from articles.importing.credits_in_text import split_caption_credit, split_leading_credit
from articles.importing.furniture import forum_user, furniture_kind, title_listed
from articles.importing.parsing import parse_page
from tests.articles.conftest import people

# -- furniture ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "级别: 版主",
        "UID: 51230",
        "精华: 5",
        "发帖: 20417",
        "最后登录: 2024-05-02",
        "楼主 发表于: 2021-06-18",
        "沙发 发表于: 2021-06-18 10:22",
        "只看该作者",
        "分享至",
        "微信 微博 QQ空间",
        "2021年02月22日 10:31 某某日报",
        "http://news.example.com.cn 2008年01月20日06:12 某某新闻网-某某日报",
        "开放活力温暖的网上东海!",
        "时政要闻 社会万象 财经快讯 股市行情 国际视野",
    ],
)
def test_forum_portal_and_site_furniture_is_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize(
    "line",
    [
        "市总工会在线上开展职工技能培训",  # 在线 inside a sentence, not a user's status
        "级别不同的选手同台竞技",  # 级别 without the profile's colon
        "2021年02月22日10时31分,市总工会召开会议。",
        "聚焦劳模身影 讲好工匠故事",  # two phrases of a headline, not a menu
        "送温暖进万家!",  # an exclamation that names no web
    ],
)
def test_lines_like_forum_or_portal_furniture_but_printed_as_text_stay(line):
    assert furniture_kind(line) is None


def test_a_users_status_line_is_furniture_only_over_the_profile():
    assert forum_user(["lanhu88在线", "级别: 版主"], 0)
    assert forum_user(["老街坊离线", "UID: 51230"], 0)
    assert not forum_user(["律师在线", "市总工会法律援助中心律师为职工答疑。"], 0)
    assert furniture_kind("律师在线") is None


def test_a_forums_topic_line_names_the_title_it_repeats():
    assert title_listed("主题 : 某某市总工会举办职工运动会") == "某某市总工会举办职工运动会"


def test_a_forum_post_is_one_article_under_its_title_without_its_profile_block(gazetteer):
    text = (
        "社区首页会员列表每日签到最新帖子精华区帮助中心论坛排行榜单幸运转盘\n"
        "主题 : 湖州市总工会举办职工篮球赛\n"
        "xiaolan离线\n级别: 论坛版主\n精华: 3\n发帖: 1200\n注册时间: 2015-01-01\n"
        "楼主 发表于: 2022-04-01\n\n"
        "湖州市总工会举办职工篮球赛\n\n"
        "本报讯 记者 严方舟报道 日前,湖州市总工会举办职工篮球赛,24支队伍参赛。\n"
    )
    page = parse_page(text, "forum.txt", 1, gazetteer)
    [article] = page.articles
    assert (article.kicker, article.headline, article.subheadline) == (
        None,
        "湖州市总工会举办职工篮球赛",
        None,
    )
    assert people(article.people) == [("严方舟", "记者")]
    assert article.paragraphs == ["日前，湖州市总工会举办职工篮球赛，24支队伍参赛。"]


# -- sites' slogans and channels ----------------------------------------------------------------


def test_a_sites_slogan_gives_no_region_and_its_regional_channel_no_section(gazetteer):
    text = (
        "全市新建职工驿站百余个_嘉兴新闻_某某在线网\n\n某某在线网\n\n欢迎监督\n"
        "开放包容温暖的网上嘉兴!\n\n全市新建职工驿站百余个\n\n2022-05-16 10:12:40\n\n"
        "记者从市总工会获悉,今年以来全市新建职工驿站百余个。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert (article.kicker, article.headline) == (None, "全市新建职工驿站百余个")
    assert article.section is None
    assert article.regions == []


def test_a_title_lines_paper_column_still_gives_the_section(gazetteer):
    text = (
        "千名工匠同台竞技-工会动态-某某市总工会\n\n千名工匠同台竞技\n\n"
        "本报讯 记者 甲乙报道 日前,第十届职工技能大赛开幕。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert article.section == "工会动态"


# -- two heading lines with nothing to settle them ----------------------------------------------


def test_two_heading_lines_with_nothing_to_settle_them_stay_headline_and_subheadline_flagged(
    gazetteer,
):
    text = "千名工匠同台竞技\n第十届职工技能大赛开幕\n本报讯 日前,第十届职工技能大赛在杭州开幕。\n"
    page = parse_page(text, "two.txt", 1, gazetteer)
    [article] = page.articles
    assert (article.headline, article.subheadline) == ("千名工匠同台竞技", "第十届职工技能大赛开幕")
    assert any("也可能是引题+主题" in w.message for w in page.warnings)


# -- captions with credits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "caption", "names"),
    [
        ("春运暖心大巴开行路线图江月 作", "春运暖心大巴开行路线图", [("江月", "摄影")]),
        ("职工运动会开幕式现场 赵明 摄", "职工运动会开幕式现场", [("赵明", "摄影")]),
    ],
)
def test_a_caption_with_its_credit_glued_is_split(text, caption, names):
    found = split_caption_credit(text)
    assert found is not None
    assert found[0] == caption
    assert people(found[1].photo_credits) == names


@pytest.mark.parametrize("text", ["省总工会开展送清凉活动", "职工们认真工作 作", "现场气氛热烈。"])
def test_lines_without_a_glued_credit_are_no_caption_credit(text):
    assert split_caption_credit(text) is None


def test_a_graphic_with_its_credit_under_the_headline_is_a_photo_not_a_subheadline(gazetteer):
    text = (
        "省总工会春运暖心大巴开行\n\n暖心大巴开行路线图江月 作\n\n"
        "本报讯(记者 严思齐)1月24日,记者从省总工会获悉,暖心大巴活动已全面启动。\n"
    )
    [article] = parse_page(text, "graphic.txt", 1, gazetteer).articles
    assert article.subheadline is None
    assert [(p.caption, people(p.people)) for p in article.photos] == [
        ("暖心大巴开行路线图", [("江月", "摄影")])
    ]


# -- credits ------------------------------------------------------------------------------------


def test_a_bracketed_credit_with_a_role_opens_a_text_without_dateline():
    found = split_leading_credit("(记者 潘志远) 昨日下午,市总工会举办晚会。", after_dateline=False)
    assert found is not None
    assert people(found[0].text_credits) == [("潘志远", "记者")]
    assert found[1] == "昨日下午,市总工会举办晚会。"


def test_a_bracketed_aside_opening_a_text_without_dateline_is_no_credit():
    assert split_leading_credit("(上接第一版) 市总工会举办晚会。", after_dateline=False) is None
    assert (
        split_leading_credit("(潘志远) 昨日下午,市总工会举办晚会。", after_dateline=False) is None
    )


def test_a_mobile_pages_headline_under_its_text_heads_the_article(gazetteer):
    text = (
        "本报讯 全省邮政系统职工书画展日前在西宁开幕,展出作品200余件,"
        "内容涵盖书法、国画和摄影等门类,展期一个月。(高文博 田嘉禾)\n"
        "等待处理…\n全省邮政系统职工书画展在西宁开幕\n2023年10月12日\n"
    )
    page = parse_page(text, "mobile.txt", 1, gazetteer)
    [article] = page.articles
    assert article.headline == "全省邮政系统职工书画展在西宁开幕"
    assert article.dateline == "本报讯"
    assert people(article.people) == [("高文博", "作者"), ("田嘉禾", "作者")]
    assert any("印在正文之后" in w.message for w in page.warnings)


def test_a_closing_line_that_is_a_sentence_stays_text_under_a_dateline(gazetteer):
    text = (
        "本报讯 全省邮政系统职工书画展日前在西宁开幕,展出作品200余件,"
        "内容涵盖书法、国画和摄影等门类,展期一个月。\n全省邮政系统职工书画展在西宁开幕。\n"
    )
    page = parse_page(text, "mobile.txt", 1, gazetteer)
    assert not any("印在正文之后" in w.message for w in page.warnings)
