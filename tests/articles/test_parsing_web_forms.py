"""Forms of real pages from union sites, portals and other papers (issue 10): credits and
datelines in traditional characters, sites' datelines, a page run into one line, a place that
only starts a unit's name, a site's title line. Pure Python; the whole pages are in pages/."""

import pytest

from articles.importing.bylines import parse_credit_phrase
from articles.importing.credits_in_text import split_leading_credit, split_trailing_credit
from articles.importing.datelines import split_dateline
from articles.importing.parsing import parse_page
from tests.articles.conftest import people

# -- traditional characters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "text_credits", "photo_credits"),
    [
        ("記者 王小明 通訊員 李華", [("王小明", "记者"), ("李華", "通讯员")], []),
        ("張強 攝", [], [("張強", "摄影")]),
        ("攝影 陳曉東", [], [("陳曉東", "摄影")]),
        ("本報記者 劉暢 報導", [("劉暢", "本报记者")], []),
        ("（鍾曉雯 通訊員 葉子豪）", [("鍾曉雯", "作者"), ("葉子豪", "通讯员")], []),
        ("實習生 歐陽明", [("歐陽明", "实习生")], []),
    ],
)
def test_credits_in_traditional_characters_keep_the_printed_names_with_simplified_roles(
    text, text_credits, photo_credits
):
    phrase = parse_credit_phrase(text)
    assert people(phrase.text_credits) == text_credits
    assert people(phrase.photo_credits) == photo_credits


def test_a_traditional_name_that_is_no_credit_stays_no_credit():
    assert parse_credit_phrase("職工書屋") is None
    assert parse_credit_phrase("編者按") is None


@pytest.mark.parametrize(
    ("text", "dateline", "place", "rest"),
    [
        ("本報訊（記者 王小明）7月20日", "本報訊", None, "（記者 王小明）7月20日"),
        ("新華社杭州10月8日電 近日", "新華社杭州10月8日電", "杭州", "近日"),
        ("某某新聞網訊 市總工會", "某某新聞網訊", None, "市總工會"),
        ("據新華社電 近日", "據新華社電", None, "近日"),
    ],
)
def test_datelines_in_traditional_characters_are_returned_as_printed(text, dateline, place, rest):
    found = split_dateline(text)
    assert (found.text, found.place, found.rest) == (dateline, place, rest)


def test_a_traditional_leading_credit_ending_in_report_is_split_off_as_printed():
    phrase, rest = split_leading_credit("記者張強報導 近日，活動舉行。", after_dateline=True)
    assert people(phrase.text_credits) == [("張強", "记者")]
    assert rest == "近日，活動舉行。"


def test_a_traditional_trailing_credit_in_brackets_is_read():
    text, phrase, glued = split_trailing_credit("活動持續一周。（記者 張強 通訊員 蕭楠）")
    assert text == "活動持續一周。"
    assert people(phrase.text_credits) == [("張強", "记者"), ("蕭楠", "通讯员")]
    assert not glued


def test_a_traditional_page_keeps_its_characters_in_the_text(gazetteer):
    page = parse_page(
        "市總工會送清涼\n\n本報訊（記者 王小明）7月20日，安吉縣總工會走訪慰問戶外勞動者。\n",
        "trad.txt",
        1,
        gazetteer,
    )
    [article] = page.articles
    assert article.dateline == "本報訊"
    assert people(article.people) == [("王小明", "记者")]
    assert article.paragraphs == ["7月20日，安吉縣總工會走訪慰問戶外勞動者。"]


# -- sites' datelines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "place", "credited", "rest"),
    [
        (
            "荆楚网（湖北日报网）讯（通讯员 程雪梅 郑浩然）7月20日",
            "荆楚网（湖北日报网）讯",
            None,
            [("程雪梅", "通讯员"), ("郑浩然", "通讯员")],
            "7月20日",
        ),
        ("中国报道讯（沈佳怡报道）7月15日", "中国报道讯", None, [("沈佳怡", "作者")], "7月15日"),
        ("衢州新闻网讯（记者 冯晓雨）近日", "衢州新闻网讯", None, [("冯晓雨", "记者")], "近日"),
        (
            "央广网北京3月5日消息（记者 冯晓雨）近日",
            "央广网北京3月5日消息",
            "北京",
            [("冯晓雨", "记者")],
            "近日",
        ),
        (
            "人民网北京5月12日电 （记者顾丹青）近日",
            "人民网北京5月12日电",
            "北京",
            [("顾丹青", "记者")],
            "近日",
        ),
        ("极目新闻讯（记者 冯晓雨）近日", "极目新闻讯", None, [("冯晓雨", "记者")], "近日"),
        (
            "红网时刻新闻5月12日讯（记者 冯晓雨）近日",
            "红网时刻新闻5月12日讯",
            None,
            [("冯晓雨", "记者")],
            "近日",
        ),
        (
            "齐鲁网·闪电新闻5月12日讯（记者 冯晓雨）近日",
            "齐鲁网·闪电新闻5月12日讯",
            None,
            [("冯晓雨", "记者")],
            "近日",
        ),
        (
            "浙江在线5月12日讯（记者 冯晓雨 通讯员 顾丹青）近日",
            "浙江在线5月12日讯",
            None,
            [("冯晓雨", "记者"), ("顾丹青", "通讯员")],
            "近日",
        ),
    ],
)
def test_sites_datelines_credit_the_bracketed_people_with_their_roles(
    text, dateline, place, credited, rest
):
    found = split_dateline(text)
    assert (found.text, found.place) == (dateline, place)
    phrase, after = split_leading_credit(found.rest, after_dateline=True)
    assert people(phrase.text_credits) == credited
    assert after == rest


@pytest.mark.parametrize("text", ["据报道讯息显示，活动举行。", "报道称，活动举行。"])
def test_report_words_in_running_text_are_no_dateline(text):
    assert split_dateline(text) is None


# -- a page on one line -------------------------------------------------------------------------


ONE_LINE = (
    "县总工会为环卫工人送清凉 2019-07-24 10:20 来源：某某新闻网 "
    "某某新闻网讯（记者 王明 通讯员 李华）"
    "7月23日上午，县总工会工作人员来到城区主要街道，为环卫工人送去防暑降温用品。　　“天这么热，"
    "工会还想着我们。”环卫工人老周说。 据悉，今年夏天县总工会共安排送清凉资金20万元。 "
    "通讯员 李华 摄 责任编辑：张三"
)


def test_a_page_on_one_line_is_cut_before_its_dateline_and_at_the_gaps_after_sentences():
    [page] = [parse_page(ONE_LINE, "one.txt", 1)]
    [article] = page.articles
    assert article.headline == "县总工会为环卫工人送清凉"
    assert article.dateline == "某某新闻网讯"
    assert people(article.people) == [("王明", "记者"), ("李华", "通讯员")]
    assert article.paragraphs == [
        "7月23日上午，县总工会工作人员来到城区主要街道，为环卫工人送去防暑降温用品。",
        "“天这么热，工会还想着我们。”环卫工人老周说。",
        "据悉，今年夏天县总工会共安排送清凉资金20万元。",
    ]
    assert [people(photo.people) for photo in article.photos] == [[("李华", "通讯员")]]
    assert any("只有一行" in w.message for w in page.warnings)


def test_a_page_on_one_line_with_no_headline_dateline_or_credit_is_imported_flagged():
    text = (
        "近日，某公司召开职代会，审议通过集体合同。会议选举了工会委员会。 "
        "据悉，该公司工会会员已达300人。"
    )
    page = parse_page(text, "one.txt", 1)
    [article] = page.articles
    assert article.paragraphs == [
        "近日，某公司召开职代会，审议通过集体合同。会议选举了工会委员会。",
        "据悉，该公司工会会员已达300人。",
    ]
    assert any("没有标题" in w.message for w in page.warnings)
    assert any("只有一行" in w.message for w in page.warnings)


def test_a_page_on_one_line_keeps_the_text_after_the_sites_fields():
    text = "来源：某某网 作者：王明 2024-08-02 近日，某公司召开职代会。 据悉，会员已达300人。"
    [article] = parse_page(text, "one.txt", 1).articles
    assert article.paragraphs == ["近日，某公司召开职代会。", "据悉，会员已达300人。"]


def test_a_short_title_then_text_on_one_line_is_the_headline():
    text = "职工书屋建设观察 近日，某公司召开职代会，审议通过集体合同。 据悉，会员已达300人。"
    [article] = parse_page(text, "one.txt", 1).articles
    assert article.headline == "职工书屋建设观察"
    assert article.paragraphs[0] == "近日，某公司召开职代会，审议通过集体合同。"


def test_a_paragraph_with_a_gap_after_a_sentence_on_a_page_of_many_lines_stays_whole():
    text = "工会送清凉\n\n本报讯 近日，市总工会开展活动。 活动持续一周。\n\n各地工会积极响应。\n"
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.paragraphs == ["近日，市总工会开展活动。 活动持续一周。", "各地工会积极响应。"]


# -- a place that only starts a unit's name ---------------------------------------------------


def codes(places):
    return [place.code for place in places]


@pytest.mark.parametrize(
    "text",
    [
        "吴兴特专揽投部的快递员参加活动。",
        "诸暨朗高服饰有限公司捐赠工装。",
        "诸暨朗高服饰公司工会成立。",
        "长兴永达纺织厂职工参加比赛。",
        "吴兴区邮政分公司为职工体检。",
    ],
)
def test_a_place_that_only_starts_a_business_units_name_is_not_a_region(gazetteer, text):
    assert gazetteer.find(body_texts=[text]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("吴兴区总工会干部参加。", ["330502"]),
        ("诸暨市人民医院工会成立。", ["330681"]),
        ("长兴县委宣传部发布通知。", ["330522"]),
        ("诸暨市总工会来到诸暨朗高服饰有限公司。", ["330681"]),
        ("在诸暨，朗高服饰有限公司职工参加比赛。", ["330681"]),
    ],
)
def test_a_public_body_or_a_place_named_apart_still_counts(gazetteer, text, expected):
    assert codes(gazetteer.find(body_texts=[text])) == expected


def test_the_dateline_names_the_place_a_unit_name_starts_with(gazetteer):
    found = gazetteer.find(dateline_place="诸暨", body_texts=["诸暨朗高服饰有限公司捐赠工装。"])
    assert codes(found) == ["330681"]


@pytest.mark.parametrize("text", ["长兴县某纺织厂工会成立。", "衢州一家机械厂的车间里。"])
def test_a_unit_said_to_be_in_the_place_leaves_the_place_counted(gazetteer, text):
    assert len(gazetteer.find(body_texts=[text])) == 1


# -- a saved page's title line ------------------------------------------------------------------


def test_a_site_title_line_names_the_headline_of_two_lines_and_the_column():
    text = (
        "千名工匠同台竞技-工会动态-湖州市总工会\n\n"
        "第十届职工技能大赛开幕\n千名工匠同台竞技\n\n"
        "10月8日，湖州市职工技能大赛开幕。\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert (article.section, article.kicker, article.headline, article.subheadline) == (
        "工会动态",
        "第十届职工技能大赛开幕",
        "千名工匠同台竞技",
        None,
    )
    assert not any("两行标题" in w.message for w in page.warnings)


def test_a_site_title_line_with_only_the_site_is_the_headline_when_the_page_prints_none():
    text = "县总工会开展送清凉活动_中工网\n\n8月1日，县总工会为户外劳动者送去清凉用品。\n"
    [article] = parse_page(text, "p.txt", 1).articles
    assert (article.section, article.headline) == (None, "县总工会开展送清凉活动")
    assert article.paragraphs == ["8月1日，县总工会为户外劳动者送去清凉用品。"]


@pytest.mark.parametrize(
    "first",
    ["第02版-工会", "职工书屋-读书会-好书推荐-每月一读-更多内容", "活动现场，职工们热情高涨-工会"],
)
def test_lines_that_only_look_like_a_site_title_are_read_as_before(first):
    from articles.importing.page_lines import read_lines

    read = read_lines(f"{first}\n\n本报讯 近日，活动举行。\n")
    assert read.site_title is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("溫州市總工會開展送清涼活動。", ["330300"]),
        ("蕭山區職工參加比賽。", ["330109"]),
        ("紹興市柯橋區總工會慰問職工。", ["330603"]),
        ("諸暨朗高服飾有限公司捐贈工裝。", []),
    ],
)
def test_places_in_traditional_characters_are_found(gazetteer, text, expected):
    assert codes(gazetteer.find(body_texts=[text])) == expected


def test_a_traditional_page_names_its_places(gazetteer):
    page = parse_page(
        "溫州工會送清涼\n\n本報訊（記者 王小明）7月20日，鹿城區總工會走訪慰問戶外勞動者。\n",
        "trad.txt",
        1,
        gazetteer,
    )
    [article] = page.articles
    assert codes(article.regions) == ["330302"]
    assert article.paragraphs == ["7月20日，鹿城區總工會走訪慰問戶外勞動者。"]


@pytest.mark.parametrize(
    ("text", "dateline", "credited"),
    [
        (
            "本报杭州10日电 经过四个月的施工，公路全线修通。沿线农民看到了汽车。",
            "本报杭州10日电",
            [],
        ),
        (
            "本报记者王明 近日，某公司召开职代会。 据悉，会员已达300人。",
            None,
            [("王明", "本报记者")],
        ),
    ],
)
def test_a_dateline_or_credit_opening_a_page_on_one_line_is_no_title(text, dateline, credited):
    [article] = parse_page(text, "one.txt", 1).articles
    assert article.headline in ("经过四个月的施工", "某公司召开职代会")
    assert (article.dateline, people(article.people)) == (dateline, credited)


def test_a_long_paragraph_with_a_gap_after_a_sentence_on_a_page_of_many_lines_stays_whole():
    paragraph = "近日，市总工会开展活动，" + "各地工会积极响应，" * 15 + "效果良好。 活动持续一周。"
    text = f"工会送清凉\n\n本报讯 {paragraph}\n\n各地工会积极响应。\n"
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.paragraphs == [paragraph, "各地工会积极响应。"]


@pytest.mark.parametrize(
    "first",
    [
        "千名工匠 同台竞技-工会动态-湖州市总工会",
        "千名工匠同台竞…-工会动态-湖州市总工会",
        "千名工匠同台竞技 第十届职工技能大赛开幕-工会动态-湖州市总工会",
    ],
)
def test_a_site_title_line_that_prints_the_headline_otherwise_is_still_no_headline_part(first):
    group = "千名工匠同台竞技\n——第十届职工技能大赛开幕"
    text = f"{first}\n\n{group}\n\n10月8日，湖州市职工技能大赛开幕。\n"
    [article] = parse_page(text, "p.txt", 1).articles
    assert (article.section, article.kicker, article.headline, article.subheadline) == (
        "工会动态",
        None,
        "千名工匠同台竞技",
        "——第十届职工技能大赛开幕",
    )


def test_an_epaper_page_on_one_line_keeps_its_header_and_the_footer_joins_a_spaced_headline():
    text = (
        "某某工人日报 数字报纸 00001版:要闻 上一版 下一版 山海协作 同心同行 "
        "本报讯 记者陈静报道 近日，两地工会签订结对协议。 "
        "某某工人日报 要闻 00001 山海协作 同心同行 2023-05-10 2 2023年05月10日 星期三"
    )
    page = parse_page(text, "one.txt", 1)
    [article] = page.articles
    assert (page.number, page.name) == (1, "要闻")
    assert (article.kicker, article.headline, article.subheadline) == (
        None,
        "山海协作 同心同行",
        None,
    )
    assert people(article.people) == [("陈静", "记者")]
    assert article.paragraphs == ["近日，两地工会签订结对协议。"]
