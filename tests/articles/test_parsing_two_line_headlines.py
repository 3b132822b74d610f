"""Headlines over two lines and headline groups among a site's furniture (blind set 5): a 主题
wrapped over two lines is one 主题; a 引题 + 主题 or 主题 + 副题 stays two parts; a headline above
an e-paper reader's fields, a byline over the first headline, a title line under a menu."""

import pytest

from articles.importing.headlines import wrapped
from articles.importing.parsing import parse_page


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("让绍兴劳动者的故事", "讲得更响更亮"),  # a verb with 得 goes on the first line's sentence
        ("桐乡—海盐职工书屋", "联建共享活动启动"),  # an event, the first line its subject
        ("劳模工作室里的", "传帮带故事"),  # …的 ends no phrase
        # An event over two lines as long as a wrapped 主题 goes (12 characters, then 10).
        ("全县职工职业技能大赛决赛", "在县体育中心隆重举行"),
    ],
)
def test_two_lines_that_read_as_one_sentence_are_wrapped(first, second):
    assert wrapped(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("第十届职工技能大赛开幕", "千名工匠同台竞技"),  # 引题 + 主题: two sentences
        ("职工疗休养线路上新", "全省推出50条疗休养精品线路"),  # 主题 + 副题
        ("古道新韵 职工同行", "松阳举办首届职工古道文化节"),
        ("千名工匠同台竞技", "——全省决赛在杭州开幕"),  # a —— 副题
        ("县总工会关爱职工的", "——暖心举措"),  # a —— 副题, even after a …的
        ("县总工会关爱职工的", "暖心举措2024"),  # a line with more than words is no wrap
        ("省总工会慰问团分赴全省各地", "为一线职工送清凉"),
    ],
)
def test_two_headline_parts_are_not_wrapped(first, second):
    assert not wrapped(first, second)


def test_a_wrapped_headline_is_one_headline_flagged():
    text = (
        "让绍兴劳动者的故事\n讲得更响更亮\n\n"
        "    劳动者是城市最动人的风景。记者走进车间，记下许多身影。\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert (article.kicker, article.headline, article.subheadline) == (
        None,
        "让绍兴劳动者的故事讲得更响更亮",
        None,
    )
    assert any("读作一句" in w.message for w in page.warnings)


def test_a_headline_above_an_epaper_readers_fields_and_toolbar_is_kept():
    text = (
        "电子报阅读机\n2026-02-14\n星期六\n当前报纸名称:某某日报\n\n"
        "职工书屋联建共享\n\n日期:03-18\n字号:\n版面:第03版:综合  上一篇  下一篇\n\n"
        "  记者  邵明远\n\n  本报讯  近日，两地职工书屋联建共享活动启动，二十家书屋互通借阅。\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert article.headline == "职工书屋联建共享"
    assert [(c.name, c.role) for c in article.people] == [("邵明远", "记者")]
    assert (page.number, page.name) == (3, "综合")


def test_a_job_title_byline_over_the_first_headline_is_its_articles():
    text = (
        "某某日报社党委书记、社长 严文博\n\n职工的故事要讲好\n\n"
        "    劳动者是城市最动人的风景。记者走进车间，记下许多身影。\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert article.headline == "职工的故事要讲好"
    assert [(c.name, c.role) for c in article.people] == [("严文博", "某某日报社党委书记、社长")]


def test_a_sites_title_line_under_its_menu_gives_the_headline():
    text = (
        "官网-今日某某某某网视图库中心新闻专题金华新闻连线浙江国内新闻国际新闻外媒某某\n"
        "您当前的位置 :  某某新闻网 > 图库中心 > 专栏\n\n"
        "高温里的一杯凉茶-某某新闻网\n\n"
        "2012-07-19 09:12:40  来源:  某某新闻网  作者: 见习记者 方知远 摄\n\n"
        "  昨日,市总工会组织人员来到多个建筑工地,为一线职工送去凉茶。\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert article.headline == "高温里的一杯凉茶"
    assert [(c.name, c.role) for p in article.photos for c in p.people] == [("方知远", "见习记者")]


LEAD = "昨日下午，全县总结表彰大会召开，十名职工获表彰。"
MORE = "会上，十名职工代表上台领奖，台下掌声不断。"
NEXT = "近日，县总工会开展送清凉活动，走访一线职工。"


def test_a_lone_line_inside_a_bylined_article_is_its_crosshead():
    text = (
        f"全县表彰十名职工先进\n\n记者 高远\n\n{LEAD}\n\n终于被“请”出来了\n\n{MORE}\n\n"
        f"县总工会为一线职工送清凉\n\n通讯员 钟林\n\n{NEXT}\n"
    )
    first, second = parse_page(text, "p.txt", 1).articles
    assert first.headline == "全县表彰十名职工先进"
    assert first.blocks == [
        ("paragraph", LEAD),
        ("crosshead", "终于被“请”出来了"),
        ("paragraph", MORE),
    ]
    assert [(c.name, c.role) for c in first.people] == [("高远", "记者")]
    assert second.headline == "县总工会为一线职工送清凉"
    assert [(c.name, c.role) for c in second.people] == [("钟林", "通讯员")]
    assert second.blocks == [("paragraph", NEXT)]


def test_a_lone_line_at_the_end_of_a_bylined_article_is_its_crosshead():
    text = f"全县表彰十名职工先进\n\n记者 高远\n\n{LEAD}\n\n终于被“请”出来了\n\n{MORE}\n"
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.blocks == [
        ("paragraph", LEAD),
        ("crosshead", "终于被“请”出来了"),
        ("paragraph", MORE),
    ]


@pytest.mark.parametrize("credit", ["记者 高远\n\n", ""])
def test_a_crosshead_over_two_lines_after_a_dash_stays_in_its_article(credit):
    text = f"全县表彰十名职工先进\n\n{credit}{LEAD}\n\n人是故乡亲——\n\n在外游子重访乡邻\n\n{MORE}\n"
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.headline == "全县表彰十名职工先进"
    assert article.blocks == [
        ("paragraph", LEAD),
        ("crosshead", "人是故乡亲——"),
        ("crosshead", "在外游子重访乡邻"),
        ("paragraph", MORE),
    ]
