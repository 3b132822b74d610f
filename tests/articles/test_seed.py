"""The seed issue says what the printed page says, edited as the house rules ask."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from articles.models import Article, Issue, Page, Reporter

SEED_PAGE = settings.BASE_DIR / "fixtures" / "pages" / "seed-page.txt"

HEADLINE_GROUPS = {
    1: ("", "全域式创新 领头雁带动 一贯制孵化", "湖州吴兴工会塑造人才培育新生态", ""),
    2: ("", "技能引领新“食”尚", "", ""),
    3: (
        "",
        "立足小窗口 赛出新水平",
        "杭州市西湖区举办首届政务服务办事员职业技能竞赛",
        "本报讯",
    ),
    4: ("", "引领职工学法知法护法", "宁波市总工会启动劳动法律法规宣传教育活动", "本报讯"),
    5: ("", "“劳动专列” 主题公交车上路", "诸暨市总工会打造“劳动精神宣传一条街”", "本报讯"),
    6: ("", "沉浸式感悟红色精神", "武义经开区总工会首届红色运动会“超燃”", "本报讯"),
    7: ("", "永把“廉”字刻心头", "", "本报讯"),
}

# (name, role, credits a photo) in byline order.
CREDITS = {
    1: [("寿慧桢", "记者", False)],
    2: [("杨磊", "通讯员", True)],
    3: [("吴晓静", "记者", False), ("张晶秋", "通讯员", False)],
    4: [("李凡", "记者", False), ("金儒彪", "通讯员", False), ("吴倩", "通讯员", False)],
    5: [("寿飞燕", "通讯员", False)],
    6: [("羊荣江", "记者", False), ("张秋萍", "通讯员", False), ("钟星晨", "通讯员", False)],
    7: [("寿慧桢", "记者", False), ("徐婧", "通讯员", False)],
}

# (region, its city) per article.
PLACES = {
    1: ("吴兴区", "湖州市"),
    2: ("拱墅区", "杭州市"),
    3: ("西湖区", "杭州市"),
    4: ("镇海区", "宁波市"),
    5: ("诸暨市", "绍兴市"),
    6: ("武义县", "金华市"),
    7: ("长兴县", "湖州市"),
}

PARAGRAPH_COUNTS = {1: 10, 2: 3, 3: 7, 4: 3, 5: 4, 6: 4, 7: 3}

# Sentences the printed column breaks cut in two, each of which must be whole again.
REJOINED = [
    "组织劳模工匠技能“领头雁”精准",
    "积极参与技术攻关与创新，破解了企业发展中的难点技术",
    "开设校企共建专业、“订单班”，为职业院校学生",
    "等理论知识，操作技能环节模拟了",
    "竞赛一、二、三等奖获得者",
    "在镇海启动。",
    "来自相关单位和律所的法学专家",
    "每月辐射人数36000余人次。",
    "比赛现场气氛热烈，运动员们全力以赴",
]

SENTENCE_END = ("。", "！", "？", "…", "”", "’", "）")
HALF_WIDTH = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")"}


@pytest.fixture
def articles(seed):
    return {article.position: article for article in Article.objects.all()}


def test_issue_date_and_number_are_inferred_and_the_note_says_so(seed):
    issue = Issue.objects.get()

    assert (issue.date, issue.number) == (datetime.date(2024, 10, 8), 1)
    assert "推定" in issue.note
    assert "926工匠日" in issue.note


def test_page_is_number_two_named_union_with_the_two_line_topic(seed):
    page = Page.objects.get()

    assert (page.number, page.name) == (2, "工会")
    assert page.topic_lines == ["贯彻落实省委“新春第一会”精神", "推动打造高素质劳动者队伍"]


def test_headline_groups_are_as_printed(articles):
    groups = {
        position: (a.kicker, a.headline, a.subheadline, a.dateline)
        for position, a in articles.items()
    }

    assert groups == HEADLINE_GROUPS


def test_all_seven_articles_are_published_at_six_on_the_issue_morning(articles):
    six_am = datetime.datetime(2024, 10, 8, 6, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

    assert {a.status for a in articles.values()} == {Article.Status.PUBLISHED}
    assert {a.published_at for a in articles.values()} == {six_am}


def test_people_and_roles_per_article_in_printed_order(articles):
    credits = {
        position: [
            (b.reporter.name, b.role, b.is_photo_credit)
            for b in a.bylines.select_related("reporter").order_by("position")
        ]
        for position, a in articles.items()
    }

    assert credits == CREDITS


def test_photo_credit_points_at_the_photo_of_its_article(articles):
    credit = articles[2].bylines.get(reporter__name="杨磊")

    assert credit.photo == articles[2].photos.get()
    assert credit.photo.caption == ""


def test_same_reporter_is_credited_on_two_articles(seed):
    shou = Reporter.objects.get(name="寿慧桢")

    assert sorted(shou.bylines.values_list("article__position", "role")) == [
        (1, "记者"),
        (7, "记者"),
    ]


def test_reporters_are_staff_when_credited_as_reporters_and_correspondents_otherwise(seed):
    kinds = dict(Reporter.objects.values_list("name", "kind"))

    assert len(kinds) == 12
    assert {name for name, kind in kinds.items() if kind == "staff"} == {
        "寿慧桢",
        "吴晓静",
        "李凡",
        "羊荣江",
    }
    assert {kind for kind in kinds.values()} == {"staff", "correspondent"}
    assert set(Reporter.objects.values_list("unit", flat=True)) == {""}
    assert Reporter.objects.get(name="寿慧桢").slug == "shou-hui-zhen"


def test_each_article_has_its_place_and_through_the_tree_its_city(articles):
    places = {
        position: [(r.region.name, r.region.parent.name) for r in a.article_regions.all()]
        for position, a in articles.items()
    }

    assert places == {position: [place] for position, place in PLACES.items()}


def test_sections_are_the_printed_column_labels(articles):
    sections = {position: a.section.name if a.section else None for position, a in articles.items()}

    assert sections == {
        1: None,
        2: None,
        3: None,
        4: "法润工心",
        5: None,
        6: None,
        7: "工会“小灵通”",
    }
    assert articles[7].section.slug == "gonghuixiaolingtong"


def test_photo_captions_are_as_printed_and_empty_where_none_is_printed(articles):
    captions = {
        position: list(a.photos.values_list("caption", flat=True))
        for position, a in articles.items()
        if a.photos.exists()
    }

    assert captions == {2: [""], 6: ["独轮车支前项目比赛场景。"]}


def test_first_article_has_its_three_crossheads(articles):
    assert articles[1].crossheads == [
        "“金点子”孵化“金果子”",
        "技能“领头雁”“飞”入车间一线",
        "一贯制孵化架好成长“登高梯”",
    ]
    assert all(not a.crossheads for position, a in articles.items() if position != 1)


def test_each_article_keeps_its_printed_paragraphs_once_rejoined(articles):
    counts = {position: len(a.paragraphs) for position, a in articles.items()}

    assert counts == PARAGRAPH_COUNTS


def test_bylines_are_not_part_of_the_body(articles):
    assert articles[1].paragraphs[0].startswith("去年以来，湖州市吴兴区")
    assert articles[3].paragraphs[0].startswith("平均年龄35岁")
    assert all("报道" not in a.paragraphs[0][:20] for a in articles.values())
    assert "通讯员杨磊" not in articles[2].body


@pytest.mark.parametrize("sentence", REJOINED)
def test_sentences_split_by_column_breaks_are_whole_again(articles, sentence):
    assert any(sentence in p for a in articles.values() for p in a.paragraphs)


def test_only_the_two_cut_off_paragraphs_end_mid_sentence(articles):
    unfinished = [
        p for a in articles.values() for p in a.paragraphs if not p.endswith(SENTENCE_END)
    ]

    assert unfinished == [articles[3].paragraphs[-1], articles[7].paragraphs[0]]
    assert articles[3].paragraphs[-1].endswith("养老护理员、网")
    assert articles[7].paragraphs[0].endswith("“青年干部学党纪 永把‘廉’字刻心头”美工刻字体")
    assert articles[7].paragraphs[1] == "加深入人心。"
    assert "截断" in articles[3].editor_note or "中断" in articles[3].editor_note
    assert "缺失" in articles[7].editor_note


def test_punctuation_inside_chinese_text_is_full_width(articles):
    first = articles[1].paragraphs[0]

    assert first.startswith("去年以来，湖州市")
    assert "（下称“久立科技”）" in articles[1].body
    assert "（含夜床服务）" in articles[2].body
    for a in articles.values():
        assert not re.search(r"[,:;?!()]", a.body), a.headline


def test_body_text_is_the_page_text_and_nothing_else(articles):
    def half_width(text):
        return text.translate(str.maketrans(HALF_WIDTH))

    # Line breaks go: a rejoined paragraph spans a printed column break.
    printed = half_width(re.sub(r"\s*\n\s*", "", SEED_PAGE.read_text(encoding="utf-8")))
    for a in articles.values():
        for text in a.paragraphs + a.crossheads:
            assert half_width(text) in printed, text[:20]


def test_every_article_has_two_to_four_tags_with_readable_slugs(articles):
    for a in articles.values():
        tags = list(a.tags.all())
        assert 2 <= len(tags) <= 4, a.headline
        assert all(tag.slug == tag.name for tag in tags)
