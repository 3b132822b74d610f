"""Forms from blind set 7 (all text invented, laid out as the real pages were): a dateline with
the date before the place or with the year, an organ's office before a role word, the site's
editor inside a bracketed credit, a column before a bar in the headline's line, an app's 原创
mark, comments and related blocks under the text, traditional labels of a portal, a union
department signing a report, an e-paper's PDF link and archive of days, a report's numbered
parts, a headline group run onto one line (flagged), and a caption under an untitled text.
"""

import pytest

from articles.importing.bylines import parse_credit_phrase
from articles.importing.datelines import split_dateline
from articles.importing.furniture import furniture_kind, page_header
from articles.importing.page_lines import split_column_bar
from articles.importing.parsing import parse_page
from tests.articles.conftest import people

# -- datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "place", "rest"),
    [
        (
            "某某台湾网9月11日杭州讯 日前,代表团赴台。",
            "某某台湾网9月11日杭州讯",
            "杭州",
            "日前,代表团赴台。",
        ),
        ("某某网9月11日讯 日前,代表团赴台。", "某某网9月11日讯", None, "日前,代表团赴台。"),
        (
            "某某网浙江龙泉2021年6月16日电(甲乙、丙丁)为讲好故事",
            "某某网浙江龙泉2021年6月16日电",
            "浙江龙泉",
            "(甲乙、丙丁)为讲好故事",
        ),
        ("新华社杭州10月8日电（记者 王伟）", "新华社杭州10月8日电", "杭州", "（记者 王伟）"),
    ],
)
def test_a_sites_dateline_may_put_the_date_before_the_place_or_print_the_year(
    text, dateline, place, rest
):
    found = split_dateline(text)
    assert (found.text, found.place, found.rest) == (dateline, place, rest)


def test_words_after_a_date_that_say_where_news_came_from_are_no_place():
    assert split_dateline("某某网9月11日从市总工会获悉讯") is None


def test_the_place_after_the_date_is_the_storys_place(gazetteer):
    text = "浙江职工赴台交流\n\n某某网9月11日温州讯 日前,一批金牌工人赴台交流技艺。\n"
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert [place.code for place in article.regions] == ["330300"]


# -- credits ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("（某某台湾网浙江省台办通讯员 林子安）", [("林子安", "某某台湾网浙江省台办通讯员")]),
        ("（某某日报全媒体记者陈明）", [("陈明", "某某日报全媒体记者")]),
        (
            "（某某新闻Knews记者：周明远 许佳 编辑：陈思）",
            [("周明远", "某某新闻Knews记者"), ("许佳", "某某新闻Knews记者")],
        ),
        ("（记者 周明远 责任编辑：陈思 李想）", [("周明远", "记者")]),
    ],
)
def test_an_organs_office_and_a_latin_brand_belong_to_the_role_and_the_editor_is_no_credit(
    text, credits
):
    phrase = parse_credit_phrase(text)
    assert people(phrase.credits) == credits
    assert not any(c.organisation for c in phrase.credits)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("（国网某某供电公司通讯员 王伟）", "国网某某供电公司"),
        ("（长安社区服务中心通讯员 王伟）", "长安社区服务中心"),
    ],
)
def test_a_company_or_community_before_a_role_word_is_still_an_organisation(text, unit):
    phrase = parse_credit_phrase(text)
    assert [(c.name, c.organisation) for c in phrase.credits] == [(unit, True), ("王伟", False)]
    assert people(phrase.credits)[1] == ("王伟", "通讯员")


@pytest.mark.parametrize("department", ["宣教部", "组织部", "权益部"])
def test_a_union_department_signing_a_report_is_the_writers_unit(department):
    phrase = parse_credit_phrase(f"{department} 钱晓燕")
    assert people(phrase.credits) == [("钱晓燕", "作者")]
    assert phrase.credits[0].unit == department


def test_a_report_signed_by_a_department_is_credited_to_its_writer(gazetteer):
    text = (
        "3月12日,嘉兴市总工会召开全市工会组织工作会议。\n"
        "各县(市、区)总工会分管领导参加会议。\n"
        "宣教部 钱晓燕\n"
    )
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert people(article.people) == [("钱晓燕", "作者")]
    assert article.paragraphs[-1] == "各县（市、区）总工会分管领导参加会议。"


# -- furniture ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "温州日报原创",
        "原创",
        "某某新闻Knews原创",
        "用手机看",
        "阅读量:",
        "访问次数: 1024",
        "2025-09-28,12050| 2025-09-27,12046| 2025-09-26,12038| 2025-",
        "當前位置: 生活頻道 詳情",
        "某某網 |    發佈時間:2024-07-25 14:21:22.0 |",
    ],
)
def test_an_apps_marks_counters_archives_and_traditional_labels_are_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize(
    "line",
    [
        "劳动者原创",  # a headline about workers' own work, not an outlet's mark
        "阅读量翻了一番",
        "2025-09-28,全市职工运动会开幕。",
    ],
)
def test_lines_like_those_marks_but_printed_as_text_stay(line):
    assert furniture_kind(line) is None


def test_a_pdf_link_after_the_page_header_is_not_the_pages_name():
    assert page_header("第01版:封面 PDF版阅读") == (1, "封面")
    assert page_header("第03版:要闻 PDF下载") == (3, "要闻")


@pytest.mark.parametrize("label", ["推荐视频", "相关内容", "全部评论", "熱點關注"])
def test_a_sites_links_and_comments_under_the_text_are_no_article(label, gazetteer):
    text = (
        "杭州工会送清凉\n\n本报讯 近日,杭州市总工会为户外劳动者送去清凉。\n\n"
        f"{label}\n\n某地景区推出夜游新项目\n时讯13小时前\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert article.headline == "杭州工会送清凉"
    assert article.paragraphs == ["近日，杭州市总工会为户外劳动者送去清凉。"]


# -- headlines ----------------------------------------------------------------------------------


def test_a_column_before_a_bar_is_split_off_as_a_bracketed_label():
    assert split_column_bar("新春走基层|杭州市总工会为留杭职工办年夜饭") == [
        "【新春走基层】",
        "杭州市总工会为留杭职工办年夜饭",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "某某網 | 發佈時間:2024-07-25",  # a site's line of fields
        "关于我们|本网动态|转载申请|联系我们",  # a menu
        "首页|新闻",  # too short to be a headline
        "浙江日报|2024年10月9日",
    ],
)
def test_other_lines_with_a_bar_are_not_split(line):
    assert split_column_bar(line) == [line]


def test_a_column_before_a_bar_is_the_articles_section(gazetteer):
    text = (
        "用手机看\n\n新春走基层|杭州市总工会为留杭职工办年夜饭\n\n"
        "1月19日,杭州市总工会为留杭职工代表准备了年夜饭。\n"
    )
    [article] = parse_page(text, "app.txt", 1, gazetteer).articles
    assert (article.section, article.headline) == ("新春走基层", "杭州市总工会为留杭职工办年夜饭")


def test_a_headline_group_run_onto_one_line_stays_one_headline_flagged(gazetteer):
    text = (
        "鲜花掌声送劳模 全市12家单位56名个人 获评市五一劳动奖\n\n"
        "本报讯(记者 柳青)4月28日,嘉兴市12家单位获奖。\n"
    )
    page = parse_page(text, "epaper.txt", 1, gazetteer)
    [article] = page.articles
    assert article.headline == "鲜花掌声送劳模 全市12家单位56名个人 获评市五一劳动奖"
    assert (article.kicker, article.subheadline) == (None, None)
    assert any("排成了一行" in w.message for w in page.warnings)


@pytest.mark.parametrize("headline", ["技术能手 同台竞技", "聚焦劳模身影 讲好工匠故事"])
def test_a_headline_spaced_in_print_is_not_flagged(headline, gazetteer):
    text = f"{headline}\n\n本报讯 日前,温州市第五届职业技能大赛开幕。\n"
    page = parse_page(text, "epaper.txt", 1, gazetteer)
    assert not any("排成了一行" in w.message for w in page.warnings)


def test_a_reports_numbered_parts_are_crossheads_never_a_subheadline(gazetteer):
    text = (
        "衢州市总工会打造流动式职工驿站\n\n一、推荐理由\n\n"
        "衢州市总工会首创流动式职工驿站,实现服务阵地随需而动。\n\n二、案例情况\n\n"
        "(一)主要内容。\n\n驿站开到工地和市场,今年已服务户外劳动者两万余人次。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert (article.headline, article.subheadline) == ("衢州市总工会打造流动式职工驿站", None)
    assert article.crossheads == ["一、推荐理由", "二、案例情况", "（一）主要内容。"]
    assert len(article.paragraphs) == 2


def test_a_caption_under_an_untitled_text_is_not_moved_up_as_its_headline(gazetteer):
    text = (
        "某某网浙江龙泉2021年6月16日电(叶文军、季晓梅)为讲好劳动者故事,龙泉市总工会开展了"
        "年度最美劳动者系列采访活动,记者走进车间、田间,记录了他们的故事。\n"
        "图为采访组实地采访“最美劳动者”吴建平\n"
    )
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert article.headline == "为讲好劳动者故事"  # the first clause stands in, flagged
    assert any("稿件没有标题" in w.message for w in page.warnings)
    assert [photo.caption for photo in article.photos] == ["图为采访组实地采访“最美劳动者”吴建平"]
    assert people(article.people) == [("叶文军", "作者"), ("季晓梅", "作者")]


@pytest.mark.parametrize("line", ["(资料图片仅供参考)", "（图片来源于网络）", "配图与本文无关"])
def test_a_sites_note_on_a_stock_picture_is_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize("line", ["资料图", "图为职工在比赛中。", "图片新闻"])
def test_a_caption_or_a_label_is_no_stock_picture_note(line):
    assert furniture_kind(line) is None


def test_a_stock_picture_note_over_an_untitled_text_is_not_its_headline(gazetteer):
    text = "(资料图片仅供参考)\n某某日报讯(记者王晓东)昨天,北仑区新就业形态劳动者服务中心启用。\n"
    page = parse_page(text, "site.txt", 1, gazetteer)
    [article] = page.articles
    assert article.headline == "北仑区新就业形态劳动者服务中心启用"
    assert any("稿件没有标题" in w.message for w in page.warnings)


@pytest.mark.parametrize(
    ("text", "rest"),
    [("据某某工人日报消息,1月20日上午,", "1月20日上午,"), ("本报讯，近日，", "近日，")],
)
def test_a_comma_after_the_dateline_does_not_open_the_text(text, rest):
    assert split_dateline(text).rest == rest
