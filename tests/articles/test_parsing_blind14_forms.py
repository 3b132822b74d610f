"""Forms from blind sets 10, 13 and 14 (all text invented, laid out as the real pages were):
another article's teaser under the credit that ends this one, a site's 时间/来源 fields run into
the first sentence, and a lone ▲ caption under a text.
"""

import pytest

from articles.importing.parsing import parse_issue
from articles.importing.site_pages import split_fields_run_in

BODY = (
    "近日，某某县总工会为快递员送上入会礼包。\n据了解，联合工会将设立暖心驿站，为快递员提供服务。"
)


def parse(text):
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
    return page


def test_a_teaser_cut_off_under_the_closing_credit_is_not_the_articles_text():
    credit = "（记者 鲁明远 通讯员 郑晓燕）"
    text = f"# 标题\n\n{BODY}{credit}\n\n3月2日，志愿者为环卫工人测量血压，穿着橙色工装..."
    page = parse(text)
    [article] = page.articles
    assert article.paragraphs[-1] == "据了解，联合工会将设立暖心驿站，为快递员提供服务。"
    assert [(c.name, c.role) for c in article.people] == [("鲁明远", "记者"), ("郑晓燕", "通讯员")]
    assert [w.line for w in page.warnings if "另一篇稿件的摘要" in w.message] == [6]


def test_a_teaser_under_a_credit_line_of_its_own_is_left_out_too():
    text = f"# 标题\n\n{BODY}\n\n记者 鲁明远\n\n3月2日，志愿者为环卫工人测量血压……"
    [article] = parse(text).articles
    assert article.paragraphs[-1].endswith("提供服务。")
    assert [(c.name, c.role) for c in article.people] == [("鲁明远", "记者")]


def test_text_cut_off_with_no_credit_before_it_stays_the_articles_text():
    # No credit closes the article above it: the ellipsis is this text's own cut, kept and noted.
    text = f"# 标题\n\n{BODY}\n\n3月2日，志愿者为环卫工人测量血压……"
    [article] = parse(text).articles
    assert article.paragraphs[-1] == "3月2日，志愿者为环卫工人测量血压……"


@pytest.mark.parametrize(
    ("line", "source", "text"),
    [
        # No word ends the app's name: the sentence's opening word says where the text starts.
        (
            "时间:2025-08-06 10:20:00 来源:掌上东阳进入八月,我市持续晴热高温,工会送清凉。",
            "掌上东阳",
            "进入八月",
        ),
        # A source word ends the name (某某日报, 某某网).
        (
            "来源:东阳日报市总工会近日启动送清凉活动,慰问一线职工和户外劳动者。",
            "东阳日报",
            "市总工会",
        ),
        (
            "发布时间:2025-08-06 来源:某某新闻网8月5日,市总工会慰问一线职工和户外劳动者。",
            "某某新闻网",
            "8月5日",
        ),
    ],
)
def test_a_sites_time_and_source_run_into_the_first_sentence_are_split_off(line, source, text):
    fields, found_source, rest = split_fields_run_in(line)
    assert found_source == source
    assert fields.endswith(source) and fields.startswith(line[:2])
    assert rest.startswith(text)
    assert fields.replace(" ", "") + rest.replace(" ", "") == line.replace(" ", "")


@pytest.mark.parametrize(
    "line",
    [
        "时间:2024-03-08 来源:瓯海区台办 字号:[ ]",  # fields alone, no text
        # No source word and no sentence opener: where the name ends is not to be read.
        "来源:某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某。",
        "来源于一线的声音,市总工会近日启动送清凉活动,慰问一线职工和户外劳动者。",  # no field
    ],
)
def test_lines_that_are_not_fields_run_into_a_sentence_are_left_alone(line):
    assert split_fields_run_in(line) is None


def test_the_split_is_flagged_on_its_line_for_the_editor():
    fields = "时间:2025-08-06 10:20:00 来源:掌上东阳"
    text = f"# 标题\n\n{fields}进入八月,我市持续晴热高温,工会送清凉。\n\n记者 吴佳琪"
    page = parse(text)
    [article] = page.articles
    assert article.paragraphs == ["进入八月，我市持续晴热高温，工会送清凉。"]
    assert (3, "网页的时间、来源字段连着正文第一句，已按来源“掌上东阳”分开，请核对") in [
        (w.line, w.message) for w in page.warnings
    ]


def test_a_lone_caption_marker_inside_a_text_is_a_caption_not_a_brief():
    # A plain page (no # marks), as a site's text comes.
    caption = "▲陈望舒，省摄影家协会会员、资深摄影记者。"
    text = f"职工摄影展开幕\n\n{BODY}\n\n{caption}\n\n公司工会负责人表示，希望职工记录劳动之美。"
    page = parse(text)
    [article] = page.articles
    assert [p.caption for p in article.photos] == [caption[1:]]
    assert article.paragraphs[-1] == "公司工会负责人表示，希望职工记录劳动之美。"
    assert not [w for w in page.warnings if "简讯" in w.message]


def test_marked_items_closing_with_their_credits_are_still_briefs():
    text = (
        "工会动态\n\n▲某某县总工会开展送清凉活动，慰问一线职工三百余人。（某某县总工会）\n\n"
        "▲某某镇工会举办职工趣味运动会，二十支队伍参赛。（通讯员 王伟）"
    )
    assert len(parse(text).articles) == 2


def test_one_marked_item_closing_with_its_credit_inside_a_text_is_still_a_brief():
    # A credit in brackets closes a brief; a caption does not end in one.
    brief = "▲某某镇工会举办职工趣味运动会，二十支队伍参赛。（通讯员 王伟）"
    text = f"职工书屋开放\n\n{BODY}\n\n{brief}\n\n公司工会负责人表示，希望职工记录劳动之美。"
    headlines = [a.headline for a in parse(text).articles]
    assert headlines[:2] == ["职工书屋开放", "某某镇工会举办职工趣味运动会"]
