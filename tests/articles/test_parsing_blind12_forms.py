"""Forms from blind set 12 (all text invented, laid out as the real pages were): a breadcrumb
broken over lines after 首页, a site's fields one a line (发布来源:, 作者:, 时间:), an image's
name without its extension, a read count run into the time, a column with digits before the
bar, and a company named as a district's enterprise.

Then from a second set 12's development pages: a page number with its section letter (a0001版,
A0005 in the footer), a reader's 版名: field, a kicker trailing off over a 主题 and 副题, a
photographer's name set apart after the last sentence, a channel's share button and notice, a
short name before a village, and a mirror's pinyin glosses over traditional characters.

Then role words and names printed with no separators (记者甲乙实习生丙丁通讯员戊), and a text
editor's credit spaced on its own line (文字整理 甲).
"""

import pytest

from articles.importing.bylines import parse_credit_phrase
from articles.importing.credits_in_text import split_trailing_credit
from articles.importing.furniture import footer_at, furniture_kind, page_header, site_fields
from articles.importing.names import split_names
from articles.importing.page_lines import split_column_bar, without_cell_borders
from articles.importing.parsing import parse_page
from articles.importing.text import without_mirror_glosses


@pytest.mark.parametrize(
    "line",
    [
        "> 交流往来 > 县区台务 > 瓯海",
        ">",
        "发布来源:某某市机关党建网",
        "发布者:汪春荣 发布时间: 2018-09-27",
        "[責任編輯:薛白璐]",
        "时间:2020-01-14",
        "趣味运动会_副本",
        "图片1",
        "2022-12-30 21:221.4万+阅读",
        "新闻中心",
        "【返回顶部】【打印本稿】【关闭本页】",
    ],
)
def test_a_sites_trail_fields_image_names_and_counters_are_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize(
    "line",
    [
        "时间:上午9点在市民中心集合",  # a notice's time in the text, not the site's field
        "职工运动会_开幕",  # no image's copy or number after the underscore
        "2022-12-30，全市职工阅读活动启动。",
        "> 90%的职工参加了培训。",
    ],
)
def test_text_like_them_stays(line):
    assert furniture_kind(line) is None


@pytest.mark.parametrize("line", ["作者:周黄晨", "来源:经营公司", "发布来源:某某网"])
def test_a_source_or_author_field_alone_is_a_sites_field(line):
    assert site_fields(line)


def test_the_title_over_an_author_field_is_the_headline(gazetteer):
    text = (
        "新闻中心\n“瓯江红·畅美高速”党群服务中心“职工书屋”揭牌\n作者:周黄晨\n来源:经营公司\n"
        "时间:2024-10-31\n近日,党群服务中心举行揭牌仪式,与瑞安市图书馆合作建设书屋。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert (article.kicker, article.headline, article.subheadline) == (
        None,
        "“瓯江红·畅美高速”党群服务中心“职工书屋”揭牌",
        None,
    )
    assert [p.code for p in article.regions] == ["330381"]


def test_a_column_with_digits_before_the_bar_and_a_title_with_a_comma(gazetteer):
    assert split_column_bar("台州日报创刊70周年丨因为读者,台报永远年轻") == [
        "【台州日报创刊70周年】",
        "因为读者,台报永远年轻",
    ]
    text = (
        "台州日报创刊70周年丨因为读者,台报永远年轻\n2022-12-30 21:221.4万+阅读\n\n"
        "七十年砥砺奋进,七十年风雨兼程。台报与台州人民同呼吸、共命运。\n"
    )
    [article] = parse_page(text, "app.txt", 1, gazetteer).articles
    assert (article.section, article.headline) == ("台州日报创刊70周年", "因为读者，台报永远年轻")


def test_a_breadcrumb_one_word_a_line_leaves_the_title(gazetteer):
    text = (
        "党建动态\n\n工委动态\n\n农历\n\n当前位置:\n\n首页\n\n>\n\n党建动态\n\n>\n\n工委动态\n\n>\n\n"
        "湖州市第四届职工运动会顺利开幕\n\n发布来源:某某市机关党建网\n\n"
        "发布日期:2024-04-19 16:21:01\n\n4月17日,湖州市第四届职工运动会在市体育中心开幕。\n"
    )
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert (article.section, article.kicker, article.headline) == (
        None,
        None,
        "湖州市第四届职工运动会顺利开幕",
    )


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("嘉兴南湖区企业某某家纺有限公司职工书屋榜上有名。", ["330402"]),
        ("南湖区的企业积极创建职工书屋。", ["330402"]),
        ("南湖某某家纺有限公司职工书屋榜上有名。", []),  # the company's own name
    ],
)
def test_a_district_enterprise_is_in_the_district(text, codes, gazetteer):
    assert [p.code for p in gazetteer.find(body_texts=[text])] == codes


# -- from the last blind set, worked after it was measured ---------------------------------------


@pytest.mark.parametrize(
    "line",
    ["新闻资讯     |      2008-10-29 00:00:00", "新闻资讯 | 2008-10-29", "某某发布 2021-02-22"],
)
def test_a_channel_or_account_with_the_day_it_published_is_furniture(line):
    assert furniture_kind(line)


def test_who_sent_the_text_in_is_its_author():

    phrase = parse_credit_phrase("（人事行政部 任高明供稿）")
    assert [(c.name, c.role, c.unit) for c in phrase.credits] == [("任高明", "作者", "人事行政部")]


def test_a_credit_in_a_sites_table_cells_is_read(gazetteer):

    assert without_cell_borders("记者： | 向素英 |") == "记者：向素英"
    assert without_cell_borders("他说：| 这是表格 | 不是字段 |") == "他说：| 这是表格 | 不是字段 |"
    text = "高温下的清凉\n\n区总工会为户外劳动者送去清凉礼包。\n记者: | 向素英 |\n编辑: | 张寒 |\n"
    [article] = parse_page(text, "tv.txt", 1, gazetteer).articles
    assert [(c.name, c.role) for c in article.people] == [("向素英", "记者")]


def test_an_editor_field_broken_over_lines_credits_nobody(gazetteer):
    text = "快递员集中入会\n\n本报讯 近日,某市快递员集中入会。\n[编辑:\n沙佳怡\n]\n"
    [article] = parse_page(text, "site.txt", 1, gazetteer).articles
    assert article.people == []
    assert article.paragraphs == ["近日，某市快递员集中入会。"]


def test_captions_each_crediting_its_photographer_in_brackets_are_no_briefs(gazetteer):
    text = (
        "8月7日,供电公司工会将清凉油等物品送到一线施工人员手中。新华社发(李明亮 摄)\n"
        "8月7日,施工休息间隙,工作人员用矿泉水降温。新华社发(李明亮 摄)\n"
    )
    [article] = parse_page(text, "photos.txt", 1, gazetteer).articles
    assert [len(p.people) for p in article.photos] == [1, 1]


# -- dev set 12 (the second set by that number), worked after it was measured ---------------------


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("a0001版:头版", (1, "头版")),  # the section letter in lower case
        ("第A0005版:每日新闻·民生", (5, "每日新闻·民生")),
        ("版名:要闻", (None, "要闻")),  # a reader's field naming the page, no number
        ("版名：综合新闻", (None, "综合新闻")),
    ],
)
def test_page_headers_with_a_lettered_number_or_only_a_name(line, header):

    assert page_header(line) == header


@pytest.mark.parametrize("line", ["版名:", "版名是要闻。", "a0001"])
def test_text_like_a_page_header_is_none(line):

    assert page_header(line) is None


@pytest.mark.parametrize(
    ("line", "number", "name"),
    [
        ("某某老年报 头版 a0001 某某标题 2023-08-22 某某老年报2023-08-2200017 2", 1, "头版"),
        ("某某晚报 城事·社区 A0007 老周的修车摊 2010-5-18 B12C[A5-甲≈A1-乙] 2", 7, "城事·社区"),
        ("某某工人日报 工会 00002 某某标题 2018-08-02 2 2018年08月02日 星期四", 2, "工会"),
    ],
)
def test_a_footer_with_a_lettered_page_number_is_the_footer(line, number, name):

    title, found_number, found_name, last = footer_at([line], 0)
    assert (found_number, found_name, last) == (number, name, 0)
    assert title.startswith(("某某标题", "老周的修车摊"))


def test_a_sentence_with_a_letter_and_four_digits_is_no_footer():

    assert footer_at(["他说 今天 A007 号线路今日开通 2010-5-18"], 0) is None
    assert footer_at(["某某日报 要闻 A7 某某标题 2010-5-18"], 0) is None


def test_a_kicker_trailing_off_over_a_headline_and_its_subheadline(gazetteer):
    text = (
        "补胎、打气、换链条……\n老周的修车摊\n一开就是二十年\n本报记者 王晓东\n\n"
        "本报讯 老周今年68岁，他的修车摊一摆就是二十年。\n"
    )
    [article] = parse_page(text, "old.txt", 1, gazetteer).articles
    assert (article.kicker, article.headline, article.subheadline) == (
        "补胎、打气、换链条……",
        "老周的修车摊",
        "一开就是二十年",
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("当天的比赛在体育中心举行。 展翼 摄", "展翼"),  # 展: no surname on the list
        ("当天的比赛在体育中心举行。 王琴 摄影", "王琴"),
    ],
)
def test_a_name_set_apart_after_the_last_sentence_then_the_photo_word_is_the_photographer(
    text, name
):

    before, phrase, glued = split_trailing_credit(text)
    assert before == "当天的比赛在体育中心举行。"
    assert [(c.name, c.role) for c in phrase.photo_credits] == [(name, "摄影")]
    assert not glued


@pytest.mark.parametrize(
    "text",
    [
        "当天的比赛在体育中心举行。展翼摄",  # glued, no space: too little to go on
        "当天的比赛在体育中心举行。 图一 摄",  # a picture's number
        "当天的比赛在体育中心举行。 展翼",  # no 摄
    ],
)
def test_without_the_gap_or_the_photo_word_it_is_no_credit(text):

    assert split_trailing_credit(text) is None


@pytest.mark.parametrize(
    "line",
    [
        "某某在线台州频道微信分享",
        "看台州新闻,关注某某在线台州频道微信",
        '凡注有"某某在线"或电头为"某某在线"的稿件,均为"某某在线"独家版权所有,未经许可不得转载或镜像;'
        '授权转载必须注明来源为"某某在线",并保留"某某在线"的电头。',
    ],
)
def test_a_channels_share_button_and_its_notice_are_furniture(line):
    assert furniture_kind(line)


@pytest.mark.parametrize(
    "line",
    [
        "凡注有红色标记的岗位，均由工会小组长每日巡查。",  # 凡注有 with no copyright terms
        "职工们纷纷在微信分享",
    ],
)
def test_sentences_like_them_stay(line):
    assert furniture_kind(line) is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("临海岭根村村民正在采摘春茶。", ["331082"]),
        ("龙泉宝溪乡的竹编艺人在晾晒竹篮。", ["331181"]),
        ("玉环坎门镇的渔民出海了。", ["331083"]),
        ("游客在西湖边的村子里喝茶。", []),  # 西湖: a lake here
        ("江山美丽乡村建设有新进展。", []),  # 江山: the land, before 美丽乡村
        ("临海新村的居民搬进了新居。", []),  # a housing estate's name
    ],
)
def test_a_word_like_short_name_before_a_village_or_town_is_the_division(text, codes, gazetteer):
    assert [p.code for p in gazetteer.find(body_texts=[text])] == codes


def test_a_mirrors_pinyin_glosses_are_taken_out_and_a_papers_own_stay():

    glossed = "據(jù)了解，全區規(guī)上企業(yè)的職工可在書屋閱(yuè)讀。"
    assert without_mirror_glosses(glossed) == ("據了解，全區規上企業的職工可在書屋閱讀。", 4)
    own = "牛年说“犇（bēn）”，三牛同心。"  # a paper glossing one rare character
    assert without_mirror_glosses(own) == (own, 0)
    english = "职工(app)使用率(ratio)提高(up)到(to)九成。"  # no tone marks: not pinyin
    assert without_mirror_glosses(english) == (english, 0)


@pytest.mark.parametrize(
    "line",
    [
        "關于我們 | 版權聲明 | 違法和不良信息舉報電話:010-00000000",
        "違法和不良信息舉報電話:010-00000000 | 網絡敲詐和有償刪帖舉報電話:010-00000000",
    ],
)
def test_a_sites_footer_in_traditional_characters_is_furniture(line):
    assert furniture_kind(line)


def test_role_words_and_names_printed_without_separators_are_read_at_the_role_words():

    phrase = parse_credit_phrase("记者周建华王敏实习生许可欣程立强通讯员钱永福")
    assert [(c.name, c.role) for c in phrase.text_credits] == [
        ("周建华", "记者"),
        ("王敏", "记者"),
        ("许可欣", "实习生"),
        ("程立强", "实习生"),
        ("钱永福", "通讯员"),
    ]
    assert not phrase.photo_credits
    # 周建 华王敏 reads too: the three-character reading is taken, and flagged for the editor.
    assert (
        phrase.warnings[0] == "“周建华王敏”按姓氏拆分为周建华、王敏（也可拆为周建、华王敏），请核对"
    )


def test_a_dateline_credit_without_separators_credits_everyone_on_an_untitled_page(gazetteer):
    text = (
        "本报讯(记者周建华王敏实习生许可欣程立强通讯员钱永福)日前,某某市总工会启动职工关爱行动。\n"
    )
    [article] = parse_page(text, "p.txt", 1, gazetteer).articles
    assert article.dateline == "本报讯"
    assert [(c.name, c.role) for c in article.people] == [
        ("周建华", "记者"),
        ("王敏", "记者"),
        ("许可欣", "实习生"),
        ("程立强", "实习生"),
        ("钱永福", "通讯员"),
    ]
    assert article.paragraphs[0].startswith("日前")


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("周建华王敏", ["周建华", "王敏"]),  # not 周建 华王敏
        ("王敏周建华", ["王敏", "周建华"]),  # 王敏周 建华 does not start with a surname twice
        ("许可欣程立强", ["许可欣", "程立强"]),
        ("周建华王金苗", ["周建华", "王金苗"]),  # not 周建 华王 金苗
    ],
)
def test_names_run_together_split_at_surnames_preferring_three_characters(run, names):

    assert split_names(run, after_role=True, warnings=[]) == names


@pytest.mark.parametrize(
    "text",
    [
        "记者来到现场采访",
        "记者从市总工会获悉",
        "通讯员来到车间",
        "记者周建来到车间",  # a run that splits into no names cleanly is not guessed
    ],
)
def test_sentences_with_role_words_glued_to_text_stay_no_credit(text):

    assert parse_credit_phrase(text) is None


@pytest.mark.parametrize("line", ["文字整理 卢悦", "文字整理：卢悦", "文字整理:卢悦"])
def test_a_text_editors_credit_reads_with_a_space_or_a_colon(line):

    phrase = parse_credit_phrase(line)
    assert [(c.name, c.role) for c in phrase.text_credits] == [("卢悦", "文字整理")]
    assert not phrase.photo_credits


def test_a_text_editors_line_before_the_sites_footer_credits_the_article(gazetteer):
    text = (
        "【融媒作品选粹】夜班公交司机的一天\n"
        "晚上十点,最后一班公交车从总站发车,司机老孙已在这条线路上开了十二年车。\n"
        "文字整理 卢悦\n"
        "关于我们 | 版权声明 | 违法和不良信息举报电话:010-00000000\n"
    )
    [article] = parse_page(text, "p.txt", 1, gazetteer).articles
    assert [(c.name, c.role) for c in article.people] == [("卢悦", "文字整理")]
    assert article.paragraphs[-1].endswith("十二年车。")


@pytest.mark.parametrize("line", ["文 卢悦", "图 卢悦"])
def test_other_slash_roles_spaced_from_a_name_stay_no_role(line):

    phrase = parse_credit_phrase(line)
    assert phrase is None or not phrase.has_role
