"""The page-text parser: text in, plain dataclasses out. No database, no Django."""

import datetime
import json
from pathlib import Path

import pytest

from articles.importing.bylines import MissingName, parse_credit_phrase
from articles.importing.credits_in_text import split_trailing_credit
from articles.importing.datelines import split_dateline
from articles.importing.parsing import parse_issue, parse_page
from articles.importing.review import render_review
from articles.importing.text import PageError, decode_page, full_width_punctuation
from tests.articles.conftest import people

ROOT = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
SEED_PAGE = ROOT / "fixtures" / "pages" / "seed-page.txt"


@pytest.fixture(scope="module")
def seed(gazetteer):
    issue = parse_issue(
        [("seed-page.txt", SEED_PAGE.read_bytes())],
        "2024-10-08",
        1,
        places=gazetteer,
        page_names=["工会"],
        page_numbers=[2],
    )
    return issue


def parse_file(name, gazetteer):
    path = PAGES / name
    return parse_issue([(path.name, path.read_bytes())], "2024-10-09", 1, places=gazetteer)


def page_of(text, gazetteer=(), name="test.txt", **options):
    return parse_page(text, name, 1, gazetteer, **options)


def only_article(text, gazetteer=()):
    [article] = page_of(text, gazetteer).articles
    return article


def codes(article):
    return [place.code for place in article.regions]


# -- the seed page, field by field ----------------------------------------------------------------


def test_seed_page_has_seven_articles_under_its_topic_banner(seed):
    [page] = seed.pages
    assert (page.number, page.name) == (2, "工会")
    assert page.topic == "贯彻落实省委“新春第一会”精神\n推动打造高素质劳动者队伍"
    assert len(page.articles) == 7


def test_seed_headline_groups_are_read_as_printed(seed):
    groups = [(a.kicker, a.headline, a.subheadline) for a in seed.articles]
    assert groups == [
        (None, "全域式创新 领头雁带动 一贯制孵化", "湖州吴兴工会塑造人才培育新生态"),
        (None, "技能引领新“食”尚", None),
        (None, "立足小窗口 赛出新水平", "杭州市西湖区举办首届政务服务办事员职业技能竞赛"),
        (None, "引领职工学法知法护法", "宁波市总工会启动劳动法律法规宣传教育活动"),
        (None, "“劳动专列” 主题公交车上路", "诸暨市总工会打造“劳动精神宣传一条街”"),
        (None, "沉浸式感悟红色精神", "武义经开区总工会首届红色运动会“超燃”"),
        (None, "永把“廉”字刻心头", None),
    ]


def test_seed_sections_and_datelines(seed):
    assert [a.section for a in seed.articles] == [
        None,
        None,
        None,
        "法润工心",
        None,
        None,
        "工会“小灵通”",
    ]
    assert [a.dateline for a in seed.articles] == [None, None] + ["本报讯"] * 5


def test_seed_people_and_roles(seed):
    assert [people(a.people) for a in seed.articles] == [
        [("寿慧桢", "记者")],
        [],
        [("吴晓静", "记者"), ("张晶秋", "通讯员")],
        [("李凡", "记者"), ("金儒彪", "通讯员"), ("吴倩", "通讯员")],
        [("寿飞燕", "通讯员")],
        [("羊荣江", "记者"), ("张秋萍", "通讯员"), ("钟星晨", "通讯员")],
        [("寿慧桢", "记者"), ("徐婧", "通讯员")],
    ]
    assert all(a.organisations == [] for a in seed.articles)


def test_seed_photos_credit_and_caption(seed):
    photos = [[(p.caption, people(p.credits)) for p in a.photos] for a in seed.articles]
    assert photos == [
        [],
        [(None, [("杨磊", "通讯员")])],
        [],
        [],
        [],
        [("独轮车支前项目比赛场景。", [])],
        [],
    ]


def test_seed_regions_one_each_story_place_first(seed):
    assert [codes(a) for a in seed.articles] == [
        ["330502"],
        ["330105"],
        ["330106"],
        ["330211"],
        ["330681"],
        ["330723"],
        ["330522"],
    ]


def test_seed_crossheads_are_not_paragraphs(seed):
    first = seed.articles[0]
    assert first.crossheads == [
        "“金点子”孵化“金果子”",
        "技能“领头雁”“飞”入车间一线",
        "一贯制孵化架好成长“登高梯”",
    ]
    assert not set(first.crossheads) & set(first.paragraphs)
    assert [line for line in first.body_lines if line.startswith("## ")] == [
        "## “金点子”孵化“金果子”",
        "## 技能“领头雁”“飞”入车间一线",
        "## 一贯制孵化架好成长“登高梯”",
    ]
    assert first.body_lines.index("## “金点子”孵化“金果子”") == 2


def test_seed_byline_is_taken_out_of_the_text_and_punctuation_made_full_width(seed):
    first = seed.articles[0].paragraphs[0]
    assert first.startswith("去年以来，湖州市吴兴区新增高技能人才16419人，总量达7.8万人；178家")
    assert "记者" not in first


@pytest.mark.parametrize(
    ("article", "joined"),
    [
        (0, "吴兴区总工会组织劳模工匠技能“领头雁”精准“飞”入厂房车间"),
        (0, "积极参与技术攻关与创新，破解了企业发展中的难点技术"),
        (0, "开设校企共建专业、“订单班”，为职业院校学生"),
        (2, "涵盖政务服务、公文写作、政务服务等理论知识，操作技能环节模拟了"),
        (2, "竞赛一、二、三等奖获得者"),
        (3, "宣传教育活动在镇海启动。活动对首届"),
        (3, "来自相关单位和律所的法学专家、执业律师"),
        (4, "每月辐射人数36000余人次。"),
        (5, "比赛现场气氛热烈，运动员们全力以赴，每一场比赛都充满挑战。"),
    ],
)
def test_seed_paragraphs_split_by_column_breaks_are_joined(seed, article, joined):
    assert any(joined in p for p in seed.articles[article].paragraphs)


def test_seed_paragraph_counts(seed):
    assert [len(a.paragraphs) for a in seed.articles] == [10, 3, 7, 3, 4, 4, 3]


def test_seed_cut_off_text_is_kept_with_a_note(seed):
    third = seed.articles[2]
    assert third.paragraphs[-1].endswith("养老护理员、网")
    assert third.notes == ["正文在“……、养老护理员、网”处中断，原文不全"]


def test_seed_lost_text_keeps_both_fragments_apart_with_a_note(seed):
    last = seed.articles[6]
    assert last.paragraphs[0].endswith("“青年干部学党纪 永把‘廉’字刻心头”美工刻字体")
    assert last.paragraphs[1] == "加深入人心。"
    assert last.notes == [
        "“……美工刻字体”与“加深入人心。”之间疑有文字缺失，原文不全；两段按原样分开保留"
    ]


def test_seed_warnings_are_only_the_two_gaps_in_the_text(seed):
    assert [(w.file, w.line) for w in seed.warnings] == [
        ("seed-page.txt", 56),
        ("seed-page.txt", 130),
    ]


def test_seed_matches_the_seed_issue_fixture(seed):
    """The parser gives the hand-made seed fixture's bodies and headline groups exactly."""
    fixture = json.loads((ROOT / "fixtures" / "seed_issue.json").read_text(encoding="utf-8"))
    rows = [r["fields"] for r in fixture if r["model"] == "articles.article"]
    rows.sort(key=lambda f: f["position"])
    for fields, article in zip(rows, seed.articles, strict=True):
        assert article.body == fields["body"]
        assert article.headline == fields["headline"]
        assert (article.subheadline or "") == fields["subheadline"]
        assert (article.dateline or "") == fields["dateline"]


# -- further pages (their facts: test_parsing_pages.py) ----------------------------------------


def test_plain_page_without_marks_reads_kicker_headline_and_subheadline(gazetteer):
    first, feature = parse_file("plain_page.txt", gazetteer).articles
    assert (first.kicker, first.headline, first.subheadline) == (
        "喜迎第十届职工技能大赛",
        "千名工匠同台竞技",
        "全省38个工种决赛在杭州开幕",
    )
    assert feature.subheadline == "——记全国劳动模范、宁波港高级技师俞建国"


def test_parenthesised_byline_after_a_place_and_date_dateline(gazetteer):
    first = parse_file("plain_page.txt", gazetteer).articles[0]
    assert first.dateline == "本报杭州10月8日讯"
    assert people(first.people) == [("陈静", "记者"), ("赵晓燕", "通讯员")]
    assert first.paragraphs[0].startswith("10月8日，第十届")
    assert codes(first) == ["330100"]


def test_credit_over_two_lines_ending_in_photo_report_credits_everyone_for_the_photos(gazetteer):
    feature = parse_file("plain_page.txt", gazetteer).articles[1]
    everyone = [("林晓东", "记者"), ("周慧", "记者"), ("郑海波", "通讯员")]
    assert people(feature.people) == everyone
    [photo] = feature.photos
    assert photo.caption == "图为俞建国（右）在桥吊驾驶室里指导徒弟。"
    assert people(photo.credits) == everyone


def test_unmarked_short_lines_are_crossheads_only_when_an_article_has_two(gazetteer):
    issue = parse_file("plain_page.txt", gazetteer)
    assert issue.articles[1].crossheads == ["钻研", "传承"]
    assert any("按插题处理" in w.message for w in issue.warnings)
    # 秋收时节稻谷香 stands alone, so it heads a new article (a photo before its dateline).
    last = parse_file("plain_two_lines.txt", gazetteer).articles[-1]
    assert (last.headline, last.dateline) == ("秋收时节稻谷香", "本报讯")


def test_two_line_plain_headline_is_flagged_unless_settled(gazetteer):
    issue = parse_file("plain_two_lines.txt", gazetteer)
    assert [a.subheadline for a in issue.articles] == [
        "——见习记者走基层",
        "全省推出50条疗休养精品线路",
        None,
    ]
    [warning] = issue.warnings
    assert "也可能是引题+主题" in warning.message and warning.line == 8


def test_title_index_settles_which_line_is_the_headline():
    page = page_of(
        "喜迎国庆七十五周年\n千名职工唱响《我和我的祖国》\n\n本报讯 近日，合唱比赛举行。\n\n"
        "标题导航\n千名职工唱响《我和我的祖国》\n"
    )
    [article] = page.articles
    assert (article.kicker, article.headline) == (
        "喜迎国庆七十五周年",
        "千名职工唱响《我和我的祖国》",
    )
    assert page.warnings == []


def test_trainee_and_paper_name_datelines(gazetteer):
    trainee, bare, _ = parse_file("plain_two_lines.txt", gazetteer).articles
    assert people(trainee.people) == [("孙悦", "见习记者")]
    assert bare.dateline == "浙江工人日报讯"
    assert people(bare.people) == [("王伟", "作者"), ("李强", "作者")]


def test_kicker_touching_the_headline_and_a_bracketed_column_label(gazetteer):
    first, second = parse_file("kicker_and_labels.txt", gazetteer).articles
    assert (first.section, first.kicker, first.headline) == (
        "劳模风采",
        "第十届职工技能大赛开幕",
        "千名工匠同台竞技",
    )
    assert second.kicker == "喜迎二十大 建功新时代"


def test_own_line_bylines_with_markers(gazetteer):
    first = parse_file("kicker_and_labels.txt", gazetteer).articles[0]
    assert people(first.people) == [
        ("陈静", "本报记者"),
        ("王伟", "通讯员"),
        ("李强", "通讯员"),
        ("赵敏", "通讯员"),
    ]
    assert first.paragraphs[0] == "全省1200余名选手参加38个工种的比拼，比赛持续三天。"


def test_column_label_of_seven_to_nine_characters_is_flagged():
    page = page_of("职工之家新闻速递\n\n# 标题\n\n本报讯 近日，活动举行。\n")
    assert page.articles[0].section is None
    assert page.topic == "职工之家新闻速递"
    page = page_of(
        "# 甲\n\n本报讯 近日，活动举行。\n\n职工之家新闻速递\n\n# 乙\n\n本报讯 近日，又举行。\n"
    )
    assert page.articles[1].section == "职工之家新闻速递"
    assert "也可能是引题" in page.warnings[0].message


def test_known_section_names_are_labels_whatever_their_length():
    page = page_of(
        "# 甲\n\n本报讯 近日，活动举行。\n\n职工之家新闻速递\n# 乙\n\n本报讯 近日，又举行。\n",
        sections=["职工之家新闻速递"],
    )
    assert page.articles[1].section == "职工之家新闻速递"
    assert page.warnings == []


def test_photo_news_keeps_its_caption_as_the_text(gazetteer):
    harvest, station, mural, night = parse_file("photo_news.txt", gazetteer).articles
    [photo] = harvest.photos
    assert photo.caption.startswith("10月8日，长兴县水口乡")
    assert harvest.paragraphs == [photo.caption]
    assert people(photo.credits) == [("王伟", "通讯员"), ("李强", "通讯员")]
    assert harvest.people == []
    assert people(mural.photos[0].credits) == [("俞杰", "摄影")]


def test_photo_credit_glued_after_a_caption(gazetteer):
    station = parse_file("photo_news.txt", gazetteer).articles[1]
    [photo] = station.photos
    assert photo.caption == "图为职工在驿站内领取防暑降温用品。"
    assert people(photo.credits) == [("陈静", "本报记者")]
    assert station.paragraphs[0].startswith("近日，宁波市鄞州区总工会")


def test_photo_supplied_by_an_organisation(gazetteer):
    night = parse_file("photo_news.txt", gazetteer).articles[3]
    [photo] = night.photos
    assert photo.caption == "凌晨2点，杭州市上城区的环卫工人仍在清扫街道。"
    assert photo.people == []
    assert [(c.name, c.role) for c in photo.organisations] == [("上城区总工会", "供图")]


def test_briefs_each_have_their_own_bracketed_credit(gazetteer):
    issue = parse_file("briefs.txt", gazetteer)
    page = issue.pages[0]
    assert (page.number, page.name) == (2, "工会")
    assert [people(a.people) for a in page.articles] == [
        [("吴丽娟", "通讯员"), ("徐晨", "通讯员")],
        [],
        [("林涛", "作者")],
        [("汪鸿", "通讯员"), ("钱倩", "通讯员")],
    ]
    assert [c.to_dict() for c in page.articles[1].organisations] == [
        {"name": "龙游县总工会", "role": "作者"}
    ]
    assert all(a.paragraphs[-1].endswith("。") for a in page.articles)


def test_organisation_credit_is_reported_apart_from_people(gazetteer):
    data = parse_file("unit_and_org.txt", gazetteer).to_dict()
    first = data["pages"][0]["articles"][0]
    assert first["people"] == [{"name": "王伟", "role": "作者", "unit": "安吉县总工会"}]
    assert first["organisations"] == [{"name": "安吉县竹产业联合会", "role": "作者"}]


def test_mixed_roles_and_correspondent_first_photo_credits(gazetteer):
    _, games, volunteers = parse_file("unit_and_org.txt", gazetteer).articles
    assert people(games.photos[0].credits) == [
        ("陈静", "记者"),
        ("李强", "通讯员"),
        ("赵敏", "本报通讯员"),
    ]
    assert people(volunteers.photos[0].credits) == [("王伟", "通讯员"), ("李强", "记者")]
    assert games.people == volunteers.people == []


def test_full_width_input_is_read_like_half_width(gazetteer):
    article = parse_file("fullwidth.txt", gazetteer).articles[0]
    assert people(article.people) == [("王伟", "记者"), ("李强", "通讯员")]
    assert article.paragraphs[0] == (
        "7月8日，义乌市总工会“小候鸟”暑期托管班开班，首批招收职工子女120名，托管率较去年提高3.5%。"
    )
    assert codes(article) == ["330782"]


def test_gb18030_file_with_windows_line_endings(gazetteer):
    data = (PAGES / "gb18030.txt").read_bytes()
    assert b"\r\n" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    page = parse_file("gb18030.txt", gazetteer).pages[0]
    assert (page.number, page.name) == (2, "工会")
    assert page.articles[0].headline == "义乌：“共享职工之家”遍布商城"


def test_names_run_together_are_split_into_two_character_names_with_a_warning(gazetteer):
    issue = parse_file("names_run_together.txt", gazetteer)
    assert people(issue.articles[0].people) == [
        ("王伟", "记者"),
        ("李强", "记者"),
        ("欧阳明月", "通讯员"),
        ("张三", "通讯员"),
        ("李小红", "通讯员"),
    ]
    assert [w.message for w in issue.warnings] == [
        "“王伟李强”按两字人名拆分为王伟、李强，请核对",
        "“张三李小红”按姓氏拆分为张三、李小红，请核对",
    ]


def test_slash_form_bylines(gazetteer):
    road, home = parse_file("slash_form.txt", gazetteer).articles
    assert people(road.people) == [("王伟", "本刊记者"), ("李强", "通讯员")]
    assert people(home.people) == [("赵敏", "作者")]
    assert [(p.caption, people(p.credits)) for p in home.photos] == [(None, [("俞杰", "摄影")])]


def test_wire_copy_and_web_datelines(gazetteer):
    xinhua, edited, web = parse_file("wire_copy.txt", gazetteer).articles
    assert xinhua.dateline == "新华社北京10月8日电"
    assert people(xinhua.people) == [("王伟", "记者"), ("李强", "记者")]
    assert xinhua.regions == []
    assert edited.dateline == "据新华社电"
    assert codes(edited) == ["330100"]
    assert web.dateline == "中工网10月8日消息"
    assert people(web.people) == [("赵敏", "记者")]


def test_page_furniture_is_left_out(gazetteer):
    issue = parse_file("furniture.txt", gazetteer)
    page = issue.pages[0]
    assert (page.number, page.name, page.topic) == (5, None, None)
    text = "\n".join(p for a in page.articles for p in a.paragraphs)
    for furniture in ("上一版", "返回目录", "http", "2024年10月9日", "下转"):
        assert furniture not in text
    assert page.articles[0].notes == ["正文转版：（下转第2版），转版部分不在本页"]


def test_bare_name_glued_after_the_last_sentence_is_a_credit_to_review(gazetteer):
    issue = parse_file("furniture.txt", gazetteer)
    soup = issue.articles[1]
    assert people(soup.people) == [("俞杰", "作者")]
    assert soup.paragraphs[-1].endswith("最朴素的温暖。")
    assert issue.warnings[-1].message == "正文末尾的“俞杰”按署名处理，请核对"


def test_indented_layout_joins_lines_that_are_not_indented(gazetteer):
    [article] = parse_file("epaper_index.txt", gazetteer).articles
    assert article.paragraphs[1] == (
        "在浙江一家机械公司的劳模工作室里，全国劳动模范张建明正带着徒弟调试设备。"
        "“师傅手把手地教，我们少走了很多弯路。”徒弟小李说。"
    )
    assert article.paragraphs[-1] == "据了解，这些工作室今年已开展技术攻关80余项。"
    assert people(article.people) == [("陈静", "记者"), ("沈燕", "通讯员")]


# -- places ---------------------------------------------------------------------------------------


def test_xihu_district_in_another_province_is_not_matched(gazetteer):
    nanchang = parse_file("outside_zhejiang.txt", gazetteer).articles[0]
    assert nanchang.regions == []


@pytest.mark.parametrize(
    "text",
    [
        "福州西湖区总工会举办活动。",
        "福州市鼓楼区、西湖区职工参加。",
        "重庆市江北区和上海市普陀区职工参加。",
    ],
)
def test_district_names_shared_with_other_provinces_need_zhejiang_context(gazetteer, text):
    assert gazetteer.find(body_texts=[text]) == []


def test_xihu_district_counts_with_zhejiang_context(gazetteer):
    found = gazetteer.find(body_texts=["西湖区总工会与余杭区总工会联合举办活动。"])
    assert [p.code for p in found] == ["330106", "330110"]
    assert gazetteer.find(body_texts=["西湖区总工会举办活动。"]) == []
    found = gazetteer.find(body_texts=["杭州西湖区总工会举办活动。"])
    assert [p.code for p in found] == ["330106"]


def test_development_zone_counts_as_the_division_it_is_named_after(gazetteer):
    zone = parse_file("outside_zhejiang.txt", gazetteer).articles[1]
    assert codes(zone) == ["331100"]
    found = gazetteer.find(headline_texts=["武义经开区总工会开展活动"])
    assert [p.code for p in found] == ["330723"]


def test_short_names_that_are_common_words_need_their_suffix(gazetteer):
    assert gazetteer.find(body_texts=["江山如此多娇，大家在天台上乘凉，钱塘江畔滨江路。"]) == []
    found = gazetteer.find(body_texts=["江山市总工会、天台县总工会、开化县总工会"])
    assert [p.code for p in found] == ["330881", "331023", "330824"]
    assert codes(parse_file("outside_zhejiang.txt", gazetteer).articles[2]) == ["330881"]


def test_place_inside_another_word_is_not_matched(gazetteer):
    assert gazetteer.find(body_texts=["他从上海宁静的弄堂走出来，王金华说。"]) == []
    assert gazetteer.find(body_texts=["职工们坚守道德清单，快乐清凉过夏天。"]) == []
    found = gazetteer.find(body_texts=["在金华工作的王金华说。"])
    assert [p.code for p in found] == ["330700"]


def test_city_is_left_out_when_its_county_is_named_unless_it_is_the_dateline_place(gazetteer):
    found = gazetteer.find(body_texts=["湖州市总工会在吴兴区举办活动。"])
    assert [p.code for p in found] == ["330502"]
    found = gazetteer.find(dateline_place="湖州", body_texts=["在吴兴区举办活动。"])
    assert [p.code for p in found] == ["330500", "330502"]


def test_story_place_comes_first(gazetteer):
    found = gazetteer.find(
        dateline_place="丽水",
        headline_texts=["诸暨职工技能比武"],
        body_texts=["义乌、诸暨两地职工参加。"],
    )
    assert [p.code for p in found] == ["331100", "330681", "330782"]


def test_province_named_alone_in_the_headline_group_comes_before_the_text_places(gazetteer):
    found = gazetteer.find(
        headline_texts=["“闲不住”的工匠", "——几位“浙江工匠”的假日速写"],
        body_texts=["张建国是宁波市的一名数控车工。"],
    )
    assert [p.code for p in found] == ["330000", "330200"]


def test_a_place_that_starts_a_company_name_is_not_the_story_place(gazetteer):
    found = gazetteer.find(body_texts=["杭州福斯特应用材料股份有限公司董事长出席。"])
    assert found == []
    found = gazetteer.find(body_texts=["在杭州一家公司，杭州市总工会送来慰问品。"])
    assert [p.code for p in found] == ["330100"]


def test_province_is_listed_only_when_the_headline_names_nothing_smaller(gazetteer):
    assert gazetteer.find(body_texts=["浙江省总工会发布通知。"]) == []
    found = gazetteer.find(headline_texts=["浙江职工疗休养线路发布"])
    assert [p.code for p in found] == ["330000"]


@pytest.mark.parametrize(
    "headline",
    [
        "焊接能手王浙江",  # a person whose given name is the province's short name
        "浙江日报记者走进车间",  # an outlet named after the province
        "浙江卫视镜头里的夜班职工",
        "浙江路上的环卫工人",  # a street of that name is in most cities
    ],
)
def test_the_provinces_name_inside_a_name_is_no_story_place(headline, gazetteer):
    assert gazetteer.find(headline_texts=[headline]) == []


def test_a_county_as_a_given_name_is_no_story_place(gazetteer):
    # 象山 needs Zhejiang context, which 宁波 gives; after a surname it is a person's name.
    found = gazetteer.find(headline_texts=["全国劳模李象山"], body_texts=["宁波市总工会为他颁奖。"])
    assert [p.code for p in found] == ["330200"]
    # Not after a surname, it is the county (its city then left out, as always).
    found = gazetteer.find(headline_texts=["象山渔嫂的新营生"], body_texts=["宁波市总工会走访。"])
    assert [p.code for p in found] == ["330225"]


# -- page headers and issue assembly --------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "number", "name"),
    [
        ("00002版:工会", 2, "工会"),
        ("第02版 工会", 2, "工会"),
        ("第2版：要闻", 2, "要闻"),
        ("第03版 要闻", 3, "要闻"),
        ("第05版", 5, None),
    ],
)
def test_page_header_gives_number_and_name(header, number, name):
    page = page_of(f"{header}\n\n# 标题\n\n本报讯 近日，活动举行。\n")
    assert (page.number, page.name) == (number, name)
    assert page.articles[0].paragraphs == ["近日，活动举行。"]


def test_page_without_header_is_numbered_by_position_and_named_from_the_list():
    files = [(f"{n}.txt", "# 标题\n\n本报讯 近日，活动举行。\n".encode()) for n in (1, 2)]
    issue = parse_issue(files, datetime.date(2024, 10, 9), 7, page_names=["要闻", "工会"])
    assert [(p.number, p.name) for p in issue.pages] == [(1, "要闻"), (2, "工会")]


def test_two_pages_with_the_same_number_are_refused():
    files = [(f"{n}.txt", "第02版 工会\n\n# 标题\n\n本报讯 近日。\n".encode()) for n in "ab"]
    with pytest.raises(PageError) as caught:
        parse_issue(files, "2024-10-09", 1)
    assert caught.value.file == "b.txt"


def test_running_header_printed_on_every_page_is_left_out():
    def page(title):
        return f"浙江工人日报\n\n# {title}\n\n本报讯 近日，{title}。\n\n浙江工人日报\n".encode()

    issue = parse_issue([("1.txt", page("甲")), ("2.txt", page("乙"))], "2024-10-09", 1)
    assert [(p.topic, a.paragraphs) for p in issue.pages for a in p.articles] == [
        (None, ["近日，甲。"]),
        (None, ["近日，乙。"]),
    ]


def test_issue_json_has_exactly_the_documented_shape(seed):
    data = seed.to_dict()
    assert data["issue"] == {"date": "2024-10-08", "number": 1}
    assert set(data) == {"issue", "pages", "warnings"}
    page = data["pages"][0]
    assert {"number", "name", "topic", "articles"} <= set(page)
    article = page["articles"][1]
    assert {
        "section",
        "kicker",
        "headline",
        "subheadline",
        "dateline",
        "people",
        "regions",
        "crossheads",
        "paragraphs",
        "photos",
        "notes",
    } <= set(article)
    assert article["photos"] == [
        {"caption": None, "credits": [{"name": "杨磊", "role": "通讯员"}], "organisations": []}
    ]
    assert page["articles"][0]["regions"] == [{"code": "330502", "name": "吴兴区"}]
    assert data["warnings"][0] == {
        "file": "seed-page.txt",
        "line": 56,
        "message": "《立足小窗口 赛出新水平》：正文在“……、养老护理员、网”处中断，原文不全",
    }
    json.dumps(data, ensure_ascii=False)


def test_review_lists_every_article_and_warning_in_chinese(seed):
    review = render_review(seed)
    assert review.startswith("2024-10-08 第1期：共 1 版，7 篇稿件，2 条警告")
    assert "第2版 工会（seed-page.txt）" in review
    assert "署名：李凡 → 记者；金儒彪 → 通讯员；吴倩 → 通讯员" in review
    assert "地区：吴兴区（330502）" in review
    assert "栏目：法润工心" in review
    assert "正文：10 段，1709 字" in review
    assert "图片1：独轮车支前项目比赛场景。　摄影：未署名" in review
    assert "图片1：（无说明）　摄影：杨磊 → 通讯员" in review
    for warning in seed.warnings:
        assert str(warning) in review


def test_review_and_json_report_show_text_no_article_took_every_line():
    text = (
        "上接第一版 职工们说起这次技能比武  \n还有许多话没有说完，县总工会将继续跟进。\n\n"
        "# 千名工匠同台竞技\n\n本报讯 近日，全县职工技能大赛举行。\n"
    )
    issue = parse_issue([("p.txt", text.encode())], "2024-10-09", 1)
    review = render_review(issue)
    assert (
        "  p.txt 第1行：版面开头的“上接第一版 职工们说……”不属于任何稿件（可能是转版文字），未导入\n"
        "    未导入的全文：\n"
        "      上接第一版 职工们说起这次技能比武\n"
        "      还有许多话没有说完，县总工会将继续跟进。\n"
    ) in review
    [warning] = issue.to_dict()["warnings"]
    assert warning["left_out"] == (
        "上接第一版 职工们说起这次技能比武\n还有许多话没有说完，县总工会将继续跟进。"
    )


# -- paragraphs and notes -------------------------------------------------------------------------


def test_paragraph_starting_mid_sentence_gets_a_note():
    article = only_article("# 标题\n\n，职工们纷纷点赞。\n\n活动结束。\n")
    assert article.paragraphs == ["，职工们纷纷点赞。", "活动结束。"]
    assert article.notes == ["正文“，职工们纷纷点赞。”从句子中间开始，前文缺失，原文不全"]


def test_real_paragraph_breaks_are_kept():
    article = only_article(
        "# 标题\n\n一是加强培训；\n\n二是完善制度。\n\n主要做法如下：\n\n开展比武。\n"
    )
    assert article.paragraphs == [
        "一是加强培训；",
        "二是完善制度。",
        "主要做法如下：",
        "开展比武。",
    ]


def test_latin_words_split_across_a_break_keep_their_space():
    article = only_article("# 标题\n\n本报讯 职工们使用Open\n\nSource软件，效率提高。\n")
    assert article.paragraphs == ["职工们使用Open Source软件，效率提高。"]


def test_bracketed_name_repeating_the_leading_byline_is_one_credit():
    article = only_article("# 标题\n\n本报讯 记者 赵敏 近日，书房开放。\n\n（赵敏）\n")
    assert people(article.people) == [("赵敏", "记者")]
    assert article.paragraphs == ["近日，书房开放。"]


def test_quoted_exclamation_on_a_plain_page_is_text_not_a_headline():
    page = page_of(
        "夜班公交上的“守护者”\n\n本报讯 通讯员 王伟 深夜，老张仍在路上。\n\n“谢谢师傅！”\n\n"
        "这是他听到最多的一句话。\n"
    )
    [article] = page.articles
    assert article.paragraphs == [
        "深夜，老张仍在路上。",
        "“谢谢师傅！”",
        "这是他听到最多的一句话。",
    ]


def test_dateline_printed_at_the_end_of_a_feature():
    article = only_article("# 标题\n\n三十年如一日，他坚守在一线。\n\n（新华社北京10月8日电）\n")
    assert article.dateline == "新华社北京10月8日电"
    assert article.paragraphs == ["三十年如一日，他坚守在一线。"]


# -- bylines and datelines one by one -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "text_credits", "photo_credits"),
    [
        ("记者寿慧桢报道", [("寿慧桢", "记者")], []),
        ("●本报记者 陈静", [("陈静", "本报记者")], []),
        (
            "■通讯员 王伟、李强、赵敏",
            [("王伟", "通讯员"), ("李强", "通讯员"), ("赵敏", "通讯员")],
            [],
        ),
        ("通讯员杨磊 摄", [], [("杨磊", "通讯员")]),
        ("王伟 李强 摄", [], [("王伟", "摄影"), ("李强", "摄影")]),
        ("王 伟 摄", [], [("王伟", "摄影")]),
        (
            "王伟、李强 摄影报道",
            [("王伟", "作者"), ("李强", "作者")],
            [("王伟", "摄影"), ("李强", "摄影")],
        ),
        ("（王 伟）", [("王伟", "作者")], []),
        ("本刊记者/王伟 通讯员/李强", [("王伟", "本刊记者"), ("李强", "通讯员")], []),
        ("文/王伟 图/李强", [("王伟", "作者")], [("李强", "摄影")]),
        (
            "记者 陈静 通讯员 李强 本报通讯员 赵敏 摄",
            [],
            [("陈静", "记者"), ("李强", "通讯员"), ("赵敏", "本报通讯员")],
        ),
        ("通讯员 买买提·艾力", [("买买提·艾力", "通讯员")], []),
        ("通讯员 王伟 摄影", [], [("王伟", "通讯员")]),
        ("（新华社记者 王伟 李强）", [("王伟", "新华社记者"), ("李强", "新华社记者")], []),
        ("记者 王伟 实习生 李强", [("王伟", "记者"), ("李强", "实习生")], []),
        ("■摄影 记者 王 伟", [], [("王伟", "记者")]),
        ("摄影 李强", [], [("李强", "摄影")]),
        ("湖州市12号信箱周明华", [("周明华", "作者")], []),
        ("特约摄影沈立群", [], [("沈立群", "特约摄影")]),
    ],
)
def test_byline_forms(text, text_credits, photo_credits):
    phrase = parse_credit_phrase(text)
    assert people(phrase.text_credits) == text_credits
    assert people(phrase.photo_credits) == photo_credits


@pytest.mark.parametrize(
    "text",
    ["读者来信", "记者节", "致敬记者", "记者走基层", "通讯员风采", "（下同）", "（含夜床服务）"],
)
def test_headings_and_asides_are_not_bylines(text):
    assert parse_credit_phrase(text) is None


@pytest.mark.parametrize(
    "text", ["图片报道", "图片新闻", "西安市新城区工会", "白马湖畔", "摄影比赛", "走进纺织厂李师傅"]
)
def test_labels_and_names_printed_alone_are_not_credits(text):
    assert parse_credit_phrase(text) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("（建华 晓燕）", ["建华", "晓燕"]),
        ("（郭绍英黄旭）", ["郭绍英", "黄旭"]),
        ("（杨季平）?", ["杨季平"]),
        ("钟伟 单明铭 摄", ["钟伟", "单明铭"]),
    ],
)
def test_names_in_brackets_or_before_a_credit_word(text, names):
    phrase = parse_credit_phrase(text)
    assert [c.name for c in phrase.credits] == names


def test_text_and_photos_by_everyone_named():
    phrase = parse_credit_phrase("记者 王伟 李强 通讯员 赵敏 文/摄")
    everyone = [("王伟", "记者"), ("李强", "记者"), ("赵敏", "通讯员")]
    assert people(phrase.text_credits) == everyone == people(phrase.photo_credits)


@pytest.mark.parametrize(
    "text", ["（长兴县总工会）", "（长兴县报道组）", "（浙江某某集团有限公司）"]
)
def test_organisation_is_a_credit_not_a_person(text):
    [credit] = parse_credit_phrase(text).text_credits
    assert (credit.name, credit.organisation) == (text[1:-1], True)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("介绍了经验。（长河）", ["长河"]),
        ("活动举行。（待续）", None),
        ("活动举行。（摘编）", None),
        ("活动举行。（之一）", None),
        ("活动举行。（图二）", None),
    ],
)
def test_two_characters_in_brackets_after_the_text_are_its_writer(text, names):
    found = split_trailing_credit(text)
    assert ([c.name for c in found[1].credits] if found else None) == names


def test_unit_before_a_name_is_the_person_s_unit():
    [person] = parse_credit_phrase("□长兴县总工会 王伟").text_credits
    assert (person.name, person.organisation, person.unit) == ("王伟", False, "长兴县总工会")


@pytest.mark.parametrize(
    ("text", "dateline", "place", "rest"),
    [
        ("本报讯 记者王伟报道 近日", "本报讯", None, "记者王伟报道 近日"),
        ("本报杭州10月8日讯（记者 王伟）", "本报杭州10月8日讯", "杭州", "（记者 王伟）"),
        ("浙江工人日报讯 王伟报道", "浙江工人日报讯", None, "王伟报道"),
        ("新华社杭州10月8日电 近日", "新华社杭州10月8日电", "杭州", "近日"),
        ("据新华社电 近日", "据新华社电", None, "近日"),
        ("中工网10月8日消息（记者 甲）", "中工网10月8日消息", None, "（记者 甲）"),
        ("本报讯近日，活动举行。", "本报讯", None, "近日，活动举行。"),
        ("本报合肥18日电 在淮北", "本报合肥18日电", "合肥", "在淮北"),
        ("【新华社重庆十四日电】拉萨讯：近日", "新华社重庆十四日电", "重庆", "拉萨讯：近日"),
    ],
)
def test_dateline_forms(text, dateline, place, rest):
    found = split_dateline(text)
    assert (found.text, found.place, found.rest) == (dateline, place, rest)


@pytest.mark.parametrize(
    "text", ["本报记者发现电力供应紧张。", "据报道，活动举行。", "近日报社举办活动。"]
)
def test_text_that_only_looks_like_a_dateline(text):
    assert split_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "去年以来,湖州市新增16419人,总量达7.8万人;",
            "去年以来，湖州市新增16419人，总量达7.8万人；",
        ),
        ("如何推动“金点子”?", "如何推动“金点子”？"),
        ("参加客房铺床(含夜床服务)项目", "参加客房铺床（含夜床服务）项目"),
        ("国内生产总值(GDP)增长3.5%", "国内生产总值（GDP）增长3.5%"),
        ("收入1,000元, 时间10:30", "收入1,000元，时间10:30"),
        ("Hello, world (test)!", "Hello, world (test)!"),
        ("详见http://a.cn/x?a=1,b", "详见http://a.cn/x?a=1,b"),
        ("记者:王伟", "记者：王伟"),
    ],
)
def test_half_width_punctuation_in_chinese_text_becomes_full_width(text, expected):
    assert full_width_punctuation(text) == expected


# -- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 1, "PDF"),
        ("第一行\n第二行\x00".encode(), 2, "空字节"),
        (b"abc\n\x01\x02\x03", 2, "控制字符"),
        ("第一行\n".encode() + "café crème".encode("latin-1"), 2, "既不是 UTF-8 也不是 GB18030"),
        ("# 标题".encode("utf-16"), 1, "UTF-16"),
        (b"", 1, "空的"),
        (b"\r\n  \n\t\n", 1, "空的"),
    ],
)
def test_bad_input_is_refused_naming_file_and_line(data, line, words):
    with pytest.raises(PageError) as caught:
        decode_page(data, "page.txt")
    assert (caught.value.file, caught.value.line) == ("page.txt", line)
    assert words in caught.value.message


def test_utf8_with_bom_and_windows_line_endings_is_accepted():
    text = decode_page("\ufeff# 标题\r\n\r\n本报讯 近日。\r\n".encode(), "page.txt")
    assert text == "# 标题\n\n本报讯 近日。\n"


def test_gbk_text_is_accepted():
    assert decode_page("# 职工之家\n".encode("gbk"), "page.txt") == "# 职工之家\n"


def test_page_with_no_headline_is_refused():
    with pytest.raises(PageError) as caught:
        parse_issue(
            [
                (
                    "p.txt",
                    "近日，某公司召开职代会，审议通过集体合同。\n\n会议选举了工会委员会。".encode(),
                )
            ],
            "2024-10-09",
            1,
        )
    assert (caught.value.file, caught.value.line) == ("p.txt", 1)
    assert "找不到标题" in caught.value.message


def test_untitled_text_a_site_names_an_editor_for_is_an_article_flagged_for_a_headline():
    text = (
        "7月5日，某街道工会志愿者为环卫工人送上西瓜。当地进入高温橙色预警。\n"
        "编辑：甲某 责任编辑：乙某"
    )
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
    [article] = page.articles
    # The date says nothing about the story: the clause after it stands in for the headline.
    assert article.headline == "某街道工会志愿者为环卫工人送上西瓜"
    assert article.paragraphs == [
        "7月5日，某街道工会志愿者为环卫工人送上西瓜。当地进入高温橙色预警。"
    ]
    assert [w.message for w in page.warnings] == [
        "稿件没有标题，暂以首句“某街道工会志愿者为环卫工人送上西瓜”作标题，请核对"
    ]


def test_a_stand_in_headline_names_no_story_place(gazetteer):
    text = "1月11日上午，浙江省某某协会第三次会员代表大会开幕。\n编辑：甲某"
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1, places=gazetteer).pages
    [article] = page.articles
    assert article.headline == "浙江省某某协会第三次会员代表大会开幕"
    assert article.headline_stand_in
    # The province named only in the text is not the story's place (the page printed no
    # headline that names it).
    assert article.regions == []


def test_page_of_nothing_but_furniture_is_refused():
    with pytest.raises(PageError):
        parse_issue([("p.txt", "上一版 下一版\n5\n".encode())], "2024-10-09", 1)


@pytest.mark.parametrize(
    ("text", "line", "role"),
    [
        ("# 标题\n\n本报讯（记者 通讯员 王伟）近日，召开职代会。", 3, "记者"),
        ("# 标题\n\n本报讯 记者 通讯员王伟报道 近日，召开职代会。", 3, "记者"),
        ("# 标题\n\n记者 李强 通讯员 王伟 实习生\n\n近日，召开职代会。", 3, "实习生"),
        ("# 标题\n\n近日，召开职代会。（记者 李强 通讯员 王伟 实习生）", 3, "实习生"),
    ],
)
def test_a_role_without_a_name_among_named_ones_is_flagged_and_the_page_imported(text, line, role):
    # A site's credit line that dropped one name (通讯员 乙 丙 实习生) used to refuse the whole
    # page; the operator then had nothing. The names printed are the article's; the role with
    # no name is a warning on its line for the editor.
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
    [article] = page.articles
    assert article.paragraphs == ["近日，召开职代会。"]
    assert ("王伟", "通讯员") in [(c.name, c.role) for c in article.people]
    assert role not in [c.role for c in article.people]
    assert (line, f"署名中的“{role}”后面没有姓名，未记入署名，请核对") in [
        (w.line, w.message) for w in page.warnings
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "页面是空的，没有文字"),
        ("\n \n", "页面是空的，没有文字"),
        ("请于周五前交稿。", "页面只有一行短文字“请于周五前交稿。”"),
        ("明天开会", "页面只有一行短文字“明天开会”"),
        ("记者 王伟 通讯员 实习生", "找不到标题"),
    ],
)
def test_what_is_not_a_page_is_still_refused_with_a_clear_message(text, message):
    with pytest.raises(PageError) as caught:
        parse_issue([("p.txt", text.encode())], "2024-10-09", 1)
    assert caught.value.file == "p.txt"
    assert caught.value.message.startswith(message)


def test_binary_data_is_still_refused():
    with pytest.raises(PageError) as caught:
        parse_issue([("p.bin", b"\x00\x01\x02abc")], "2024-10-09", 1)
    assert "二进制" in caught.value.message


def test_a_short_line_with_a_dateline_or_credit_is_a_page_not_a_note():
    for text in ("本报讯 近日，召开职代会。", "近日，召开职代会。（记者 王伟）"):
        [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
        assert page.articles[0].paragraphs == ["近日，召开职代会。"]


@pytest.mark.parametrize(
    ("text", "line", "role"),
    [
        ("# 标题\n\n本报讯 记者 报道 近日，召开职代会。", 3, "记者"),
        ("# 标题\n\n本报讯 近日，召开职代会。\n\n通讯员 摄", 5, "通讯员"),
        ("# 标题\n\n●本报记者\n\n本报讯 近日，召开职代会。", 3, "本报记者"),
        ("# 标题\n\n本报讯 近日，召开职代会。（记者 ）", 3, "记者"),
        ("# 标题\n\n本报讯 近日，召开职代会。\n\n本报记者", 5, "本报记者"),
    ],
)
def test_a_role_printed_alone_is_an_unnamed_credit_flagged_for_review(text, line, role):
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
    [article] = page.articles
    assert article.people == [] and article.photos == []
    assert article.paragraphs == ["近日，召开职代会。"]
    assert [(w.line, w.message) for w in page.warnings] == [
        (line, f"署名“{role}”没有姓名，未记入署名，请核对")
    ]


def test_missing_name_is_its_own_error():
    with pytest.raises(MissingName):
        parse_credit_phrase("记者 通讯员王伟")


# -- source lines (a PDF import draws each article's area from them) -----------------------------


def test_each_article_records_the_lines_it_was_read_from_and_no_other(seed):
    first, second = seed.articles[:2]
    # Lines 5-6 are the page's topic banner, not the first article's.
    assert first.lines[:3] == [8, 10, 12]
    assert [photo.lines for photo in second.photos] == [[54]]
    assert second.lines[-1] == 54
    every = [n for article in seed.articles for n in article.lines]
    assert len(every) == len(set(every)) and every == sorted(every)


def test_furniture_lines_belong_to_no_article(gazetteer):
    [article] = parse_file("epaper_credit_over_two_lines.txt", gazetteer).articles
    # Masthead (1), page header (4) and footer (13) are left out; the credit's two lines are in.
    assert article.lines == [6, 8, 10]
    [photo] = article.photos
    assert photo.lines == [8, 10]
    assert "lines" not in article.to_dict() and "lines" not in photo.to_dict()


def test_a_brief_without_headline_starts_at_its_marker_line(gazetteer):
    first, second, third = parse_file("briefs_without_headlines.txt", gazetteer).articles
    assert (first.lines, second.lines, third.lines) == ([1, 2], [3, 4], [5, 6, 7])


def test_a_credit_line_of_five_short_words_is_a_credit_not_a_menu():
    # 记者 甲 通讯员 乙 丙 is as short and spaced as a site's one-line menu; the role word
    # opening it says it credits people.
    text = "# 标题\n\n记者 李强 通讯员 王伟 张明\n\n近日，召开职代会。"
    [article] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).articles
    assert [(c.name, c.role) for c in article.people] == [
        ("李强", "记者"),
        ("王伟", "通讯员"),
        ("张明", "通讯员"),
    ]
    menu = "# 标题\n\n首页 新闻 工会 视频 专题\n\n近日，召开职代会。"
    [article] = parse_issue([("p.txt", menu.encode())], "2024-10-09", 1).articles
    assert article.people == [] and article.paragraphs == ["近日，召开职代会。"]
