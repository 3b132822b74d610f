"""Photo forms: which lines of a page are photo captions, which photographer each photo is
credited to, and the source lines each photo was read from (a PDF import draws its box from
them). Each page is an editor's reading of a printed page, written out by hand."""

import pytest

from articles.importing.parsing import parse_page


def photos_of(text):
    """(caption, [(name, role, organisation, unit)], lines) of each photo of the page's one
    article."""
    [article] = parse_page(text, "p.txt", 1).articles
    return [
        (
            photo.caption,
            [(c.name, c.role, c.organisation, c.unit) for c in photo.credits],
            photo.lines,
        )
        for photo in article.photos
    ]


def picture_page(credit):
    """A picture page: headline, one credit line, two paragraphs, then five short captions."""
    return (
        "职工技能比武现场\n\n"  # line 1
        f"{credit}\n\n"
        "方州市首届职工技能大赛日前在城南落幕。来自全市各行各业的300多名职工同台竞技。\n\n"  # 5
        "大赛设焊工、电工、叉车等8个工种，记者用镜头记录下选手们的精彩瞬间。\n\n"  # 7
        "焊工选手专注操作\n\n"  # 9
        "电工选手接线比拼\n\n"  # 11
        "叉车选手穿桩绕行\n\n"  # 13
        "评委为选手打分\n\n"  # 15
        "选手们赛后合影留念\n"  # 17
    )


CAPTIONS = [
    "焊工选手专注操作",
    "电工选手接线比拼",
    "叉车选手穿桩绕行",
    "评委为选手打分",
    "选手们赛后合影留念",
]


def test_a_picture_pages_one_credit_line_credits_every_captioned_photo():
    photos = photos_of(picture_page("记者 王伟 摄"))
    assert photos == [
        (caption, [("王伟", "记者", False, None)], [3, line])
        for caption, line in zip(CAPTIONS, [9, 11, 13, 15, 17], strict=True)
    ]


def test_a_picture_pages_agency_credit_stays_an_organisation_on_every_photo():
    photos = photos_of(picture_page("新华社发"))
    assert [credits for _, credits, _ in photos] == [[("新华社", "供图", True, None)]] * 5


def test_a_picture_pages_photographer_keeps_the_unit_he_works_for_on_every_photo():
    photos = photos_of(picture_page("方州市总工会 王伟 摄"))
    assert [credits for _, credits, _ in photos] == [[("王伟", "摄影", False, "方州市总工会")]] * 5


PARK = (
    # lines 1, 3, 6, 9, 11
    "城南公园改造完工\n\n"
    "本报讯（记者 李强）经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
    "图为改造后的公园步道\n\n\n"
    "▲ 孩子们在新游乐场玩耍\n\n"
    "附近居民说，公园变漂亮了，每天都来散步。记者 王伟 摄\n"
)


def test_a_photo_credit_glued_to_the_last_paragraph_credits_every_captioned_photo():
    assert photos_of(PARK) == [
        ("图为改造后的公园步道", [("王伟", "记者", False, None)], [6, 11]),
        # ▲ points at the photo: the caption is the words after it.
        ("孩子们在新游乐场玩耍", [("王伟", "记者", False, None)], [9, 11]),
    ]


def test_a_closing_credit_leaves_a_caption_with_its_own_credit_alone():
    text = PARK.replace("▲ 孩子们在新游乐场玩耍", "▲ 孩子们在新游乐场玩耍 通讯员 赵敏 摄")
    assert [(caption, credits) for caption, credits, _ in photos_of(text)] == [
        ("图为改造后的公园步道", [("王伟", "记者", False, None)]),
        ("孩子们在新游乐场玩耍", [("赵敏", "通讯员", False, None)]),
    ]


def placed(text):
    """(caption, line) of each photo: where on the page the photo stood."""
    [article] = parse_page(text, "p.txt", 1).articles
    return [(photo.caption, photo.line) for photo in article.photos]


def test_a_credit_line_under_each_caption_credits_that_captions_photo():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        "图为改造后的公园步道\n"  # line 6
        "记者 王伟 摄\n\n\n"
        "▲ 孩子们在新游乐场玩耍\n"  # line 10
        "通讯员 赵敏 摄\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    assert photos_of(text) == [
        ("图为改造后的公园步道", [("王伟", "记者", False, None)], [6, 7]),
        ("孩子们在新游乐场玩耍", [("赵敏", "通讯员", False, None)], [10, 11]),
    ]
    assert placed(text) == [("图为改造后的公园步道", 6), ("孩子们在新游乐场玩耍", 10)]


def test_a_credit_line_after_the_text_credits_the_photo_that_stood_in_the_gap():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        # the gap above line 6 is where the photo stood
        "公园管理处负责人介绍，改造保留了园内全部古树，并新建了一处儿童游乐场。\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。\n\n"
        "记者 王伟 摄\n"  # line 10
    )
    assert photos_of(text) == [(None, [("王伟", "记者", False, None)], [10])]
    assert placed(text) == [(None, 6)]


def test_a_photo_report_credit_alone_says_the_article_has_a_photo():
    text = (
        "城南公园改造完工\n\n"
        "本报记者 李强 摄影报道\n\n"  # line 3
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    assert photos_of(text) == [(None, [("李强", "本报记者", False, None)], [3])]
    # No caption and no gap: the photo is placed with the article, at its headline.
    assert placed(text) == [(None, 1)]


def test_a_photo_report_credit_credits_the_captioned_photo():
    text = (
        "城南公园改造完工\n\n"
        "本报记者 李强 摄影报道\n\n"  # line 3
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        "图为改造后的公园步道\n\n"  # line 8
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    assert photos_of(text) == [
        ("图为改造后的公园步道", [("李强", "本报记者", False, None)], [3, 8])
    ]


def test_a_caption_after_the_triangle_keeps_its_leading_latin_letter():
    text = PARK.replace("▲ 孩子们在新游乐场玩耍", "▲X光安检机投入使用")
    assert [caption for caption, _, _ in photos_of(text)] == [
        "图为改造后的公园步道",
        "X光安检机投入使用",
    ]


def test_a_credit_line_with_no_gap_or_caption_places_its_photo_at_the_credit():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n"
        "记者 王伟 摄\n\n"  # line 5
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    assert photos_of(text) == [(None, [("王伟", "记者", False, None)], [5])]
    assert placed(text) == [(None, 5)]


def test_a_credit_line_under_a_caption_credits_that_caption_not_an_earlier_empty_gap():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        "公园管理处负责人介绍，改造保留了园内全部古树，并新建了一处儿童游乐场。\n\n"  # line 6
        "图为改造后的公园步道\n"  # line 8
        "记者 王伟 摄\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    assert photos_of(text) == [("图为改造后的公园步道", [("王伟", "记者", False, None)], [8, 9])]


LONGEST_CAPTION = ("园内古树全部保留，新建儿童游乐场一处，" * 8)[:149] + "。"  # 150 characters


def test_a_caption_of_the_longest_length_over_a_credit_line_is_still_a_caption():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        f"{LONGEST_CAPTION}\n"  # line 6
        "记者 王伟 摄\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    assert photos_of(text) == [(LONGEST_CAPTION, [("王伟", "记者", False, None)], [6, 7])]


def test_a_caption_of_the_longest_length_with_its_credit_glued_is_still_a_caption():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        f"{LONGEST_CAPTION}记者 王伟 摄\n\n"  # line 6
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    assert photos_of(text) == [(LONGEST_CAPTION, [("王伟", "记者", False, None)], [6])]


def test_a_first_line_of_the_longest_length_saying_who_stands_where_is_a_caption():
    caption = ("工作人员（左一）为困难职工送来慰问金和米面油，" * 7)[:149] + "。"
    text = (
        "慰问困难职工\n\n"
        f"{caption}\n\n"  # line 3
        "本报讯 春节前夕，区总工会走访慰问了辖区内的困难职工家庭，送去节日的问候。\n"
    )
    assert photos_of(text) == [(caption, [], [3])]


FORTY = ("与会人员参观展示馆并听取讲解" * 3)[
    :40
]  # 40 Chinese characters, the most a short line has


def test_short_lines_above_the_dateline_are_captions_copied_without_their_photos():
    text = (
        "编辑部授牌仪式举行\n\n"
        "活动为编辑部授牌。\n\n"  # line 3
        f"{FORTY}。\n\n"  # line 5
        "本报讯 3月5日，市新闻中心举行编辑部授牌仪式，各区融媒体中心负责人参加活动。\n"
    )
    assert [(caption, lines) for caption, _, lines in photos_of(text)] == [
        ("活动为编辑部授牌。", [3]),
        (f"{FORTY}。", [5]),
    ]


def test_a_picture_pages_short_line_of_forty_characters_is_a_caption():
    text = picture_page("记者 王伟 摄").replace("评委为选手打分", FORTY)
    assert [caption for caption, _, _ in photos_of(text)][3] == FORTY


def test_four_short_lines_above_the_dateline_are_text_not_captions():
    text = (
        "编辑部授牌仪式举行\n\n"
        "活动为编辑部授牌。\n\n"
        "与会人员参观展示馆。\n\n"
        "嘉宾为新栏目揭幕。\n\n"
        "各区代表交流发言。\n\n"
        "本报讯 3月5日，市新闻中心举行编辑部授牌仪式，各区融媒体中心负责人参加活动。\n"
    )
    assert photos_of(text) == []


def test_a_long_line_after_a_gap_above_the_dateline_is_the_caption_of_the_photo_there():
    caption = (
        "市新闻中心为各区融媒体中心编辑部授牌，"
        "各区融媒体中心负责人上台领牌并合影留念，现场气氛热烈。"
    )
    text = (
        "编辑部授牌仪式举行\n\n\n"
        f"{caption}\n\n"  # line 4
        "本报讯 3月5日，市新闻中心举行编辑部授牌仪式，各区融媒体中心负责人参加活动。\n"
    )
    assert photos_of(text) == [(caption, [], [4])]


def test_a_photo_credit_without_a_name_under_a_caption_is_flagged_at_its_line():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        "图为改造后的公园步道\n"  # line 6
        "本报记者 摄\n\n"  # line 7
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    page = parse_page(text, "p.txt", 1)
    assert [(w.line, w.message) for w in page.warnings] == [
        (7, "署名“本报记者”没有姓名，未记入署名，请核对")
    ]
    [article] = page.articles
    assert [(photo.caption, photo.credits) for photo in article.photos] == [
        ("图为改造后的公园步道", [])
    ]


def test_a_caption_after_a_gap_is_placed_in_its_own_gap_not_an_earlier_paragraphs():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        # a column break above line 6: the text goes on, no caption under it
        "公园管理处负责人介绍，改造保留了园内全部古树，并新建了一处儿童游乐场。\n\n\n"
        # the photo stood in the gap above its caption, line 9
        "图为改造后的公园步道\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。\n\n"
        "记者 王伟 摄\n"  # line 13
    )
    assert photos_of(text) == [("图为改造后的公园步道", [("王伟", "记者", False, None)], [9, 13])]
    assert placed(text) == [("图为改造后的公园步道", 9)]


def captioned_in_the_text(caption_line, *, gap=True):
    """A park article with one caption line inside its text, after a gap (where the photo
    stood) or touching the paragraph above it."""
    return (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n"
        + ("\n\n" if gap else "\n")
        + f"{caption_line}\n\n"
        + "附近居民说，公园变漂亮了，每天都来散步。\n"
    )


# A caption with its photo credit in brackets after it, full-width or ASCII, as a yearbook or a
# site prints it: the caption is the words before the bracket, the bracket credits the photo.
BRACKETED_PHOTO_CREDITS = [
    ("（赵敏 摄）", [("赵敏", "摄影", False, None)]),
    ("(记者 赵敏 摄)", [("赵敏", "记者", False, None)]),
    ("（本报记者 赵敏 摄）", [("赵敏", "本报记者", False, None)]),
    ("(通讯员 张强 摄影)", [("张强", "通讯员", False, None)]),
    (
        "（记者 赵敏 通讯员 张强 摄）",
        [("赵敏", "记者", False, None), ("张强", "通讯员", False, None)],
    ),
    ("（城南街道供图）", [("城南街道", "供图", True, None)]),
    ("（新华社发）", [("新华社", "供图", True, None)]),
]


@pytest.mark.parametrize("credit, credits", BRACKETED_PHOTO_CREDITS)
def test_a_bracketed_photo_credit_after_a_caption_credits_its_photo(credit, credits):
    text = captioned_in_the_text(f"图为改造后的公园步道{credit}")
    assert photos_of(text) == [("图为改造后的公园步道", credits, [6])]


@pytest.mark.parametrize("gap", [True, False])
def test_a_line_ending_in_a_bracketed_photo_credit_is_a_caption_not_a_crosshead(gap):
    text = captioned_in_the_text("改造后的公园步道（记者 赵敏 摄）", gap=gap)
    [article] = parse_page(text, "p.txt", 1).articles
    assert [(p.caption, [(c.name, c.role) for c in p.credits]) for p in article.photos] == [
        ("改造后的公园步道", [("赵敏", "记者")])
    ]
    assert article.blocks == [
        ("paragraph", "经过半年施工，城南公园改造工程日前完工，新增步道三公里。"),
        ("paragraph", "附近居民说，公园变漂亮了，每天都来散步。"),
    ]


def page_credits(text):
    """(caption, [(name, role)]) of each photo of the page's one article."""
    [article] = parse_page(text, "p.txt", 1).articles
    return [(p.caption, [(c.name, c.role) for c in p.credits]) for p in article.photos]


@pytest.mark.parametrize(
    "credited, caption",
    [
        ("电工选手接线比拼。 通讯员 张强 摄", "电工选手接线比拼。"),
        ("电工选手接线比拼（通讯员 张强 摄）", "电工选手接线比拼"),
    ],
)
def test_a_picture_pages_caption_with_its_own_credit_stays_in_the_one_article(credited, caption):
    text = picture_page("记者 王伟 摄").replace("电工选手接线比拼", credited)
    page = parse_page(text, "p.txt", 1)
    assert [a.headline for a in page.articles] == ["职工技能比武现场"]
    assert page_credits(text) == [
        ("焊工选手专注操作", [("王伟", "记者")]),
        (caption, [("张强", "通讯员")]),
        ("叉车选手穿桩绕行", [("王伟", "记者")]),
        ("评委为选手打分", [("王伟", "记者")]),
        ("选手们赛后合影留念", [("王伟", "记者")]),
    ]


def test_a_picture_pages_credit_line_credits_the_one_caption_printed_without_a_credit():
    text = (
        picture_page("记者 王伟 摄")
        .replace("焊工选手专注操作", "焊工选手专注操作（通讯员 张强 摄）")
        .replace("电工选手接线比拼", "电工选手接线比拼（通讯员 张强 摄）")
        .replace("叉车选手穿桩绕行", "叉车选手穿桩绕行（通讯员 赵敏 摄）")
        .replace("选手们赛后合影留念", "选手们赛后合影留念（通讯员 赵敏 摄）")
    )
    assert page_credits(text) == [
        ("焊工选手专注操作", [("张强", "通讯员")]),
        ("电工选手接线比拼", [("张强", "通讯员")]),
        ("叉车选手穿桩绕行", [("赵敏", "通讯员")]),
        ("评委为选手打分", [("王伟", "记者")]),
        ("选手们赛后合影留念", [("赵敏", "通讯员")]),
    ]


# A caption, a space, then its photo credit in any form the byline reference lists: the caption
# is the words before the credit, and each person keeps the role printed before the name.
SPACED_PHOTO_CREDITS = [
    ("本报记者 赵敏 摄", [("赵敏", "本报记者", False, None)]),
    ("摄影 赵敏", [("赵敏", "摄影", False, None)]),
    ("摄影：赵敏", [("赵敏", "摄影", False, None)]),
    ("图/赵敏", [("赵敏", "摄影", False, None)]),
    ("赵敏/图", [("赵敏", "摄影", False, None)]),
    ("制图：赵敏", [("赵敏", "制图", False, None)]),
    ("城南街道供图", [("城南街道", "供图", True, None)]),
    ("新华社发", [("新华社", "供图", True, None)]),
]


@pytest.mark.parametrize("credit, credits", SPACED_PHOTO_CREDITS)
def test_a_photo_credit_after_a_caption_and_a_space_credits_its_photo(credit, credits):
    text = captioned_in_the_text(f"图为改造后的公园步道 {credit}")
    assert photos_of(text) == [("图为改造后的公园步道", credits, [6])]


def test_a_picture_page_whose_every_caption_carries_its_credit_keeps_them_captions():
    text = (
        "职工技能比武现场\n\n"
        "方州市首届职工技能大赛日前在城南落幕。来自全市各行各业的300多名职工同台竞技。\n\n"
        "焊工选手专注操作。 通讯员 张强 摄\n\n"  # line 5
        "电工选手接线比拼。 记者 王伟 摄\n\n"  # 7
        "叉车选手穿桩绕行（通讯员 张强 摄）\n"  # 9
    )
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.blocks == [
        (
            "paragraph",
            "方州市首届职工技能大赛日前在城南落幕。来自全市各行各业的300多名职工同台竞技。",
        )
    ]
    assert photos_of(text) == [
        ("焊工选手专注操作。", [("张强", "通讯员", False, None)], [5]),
        ("电工选手接线比拼。", [("王伟", "记者", False, None)], [7]),
        ("叉车选手穿桩绕行", [("张强", "通讯员", False, None)], [9]),
    ]


def test_a_credit_line_naming_one_role_without_a_name_is_flagged_at_its_line():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n\n"
        "图为改造后的公园步道\n"  # line 6
        "记者 王伟 通讯员 摄\n\n"  # line 7: the correspondent's name is missing
        "附近居民说，公园变漂亮了，每天都来散步。\n"
    )
    page = parse_page(text, "p.txt", 1)
    assert [(w.line, w.message) for w in page.warnings] == [
        (7, "署名中的“通讯员”后面没有姓名，未记入署名，请核对")
    ]
    assert photos_of(text) == [("图为改造后的公园步道", [("王伟", "记者", False, None)], [6, 7])]


def test_a_text_closing_with_two_captions_that_carry_their_credits_is_a_picture_page():
    text = (
        "职工技能比武现场\n\n"
        "方州市首届职工技能大赛日前在城南落幕。来自全市各行各业的300多名职工同台竞技。\n\n"
        "焊工选手专注操作。 通讯员 张强 摄\n\n"  # line 5
        "电工选手接线比拼。 记者 王伟 摄\n"  # 7
    )
    assert photos_of(text) == [
        ("焊工选手专注操作。", [("张强", "通讯员", False, None)], [5]),
        ("电工选手接线比拼。", [("王伟", "记者", False, None)], [7]),
    ]


def test_a_picture_pages_caption_of_forty_characters_with_its_own_credit_is_a_caption():
    text = picture_page("记者 王伟 摄").replace("电工选手接线比拼", f"{FORTY}。 通讯员 张强 摄")
    page = parse_page(text, "p.txt", 1)
    assert [a.headline for a in page.articles] == ["职工技能比武现场"]
    assert page_credits(text)[1] == (f"{FORTY}。", [("张强", "通讯员")])


@pytest.mark.parametrize("credit", ["（通讯员供图）", " 通讯员供图"])
def test_a_caption_credited_to_an_unnamed_correspondent_keeps_its_words(credit):
    # As a caption credited to no named photographer (会议现场 记者 摄): nothing is credited,
    # and the words stay in the caption for the editor to read.
    text = captioned_in_the_text(f"图为改造后的公园步道{credit}")
    assert photos_of(text) == [(f"图为改造后的公园步道{credit}", [], [6])]


def test_a_caption_with_a_space_inside_keeps_its_words_up_to_the_role_word():
    text = captioned_in_the_text("图为市民在新步道上散步 清晨 记者 赵敏 摄")
    assert photos_of(text) == [
        ("图为市民在新步道上散步 清晨", [("赵敏", "记者", False, None)], [6])
    ]


@pytest.mark.parametrize("gap", [True, False])
def test_a_caption_before_a_bare_photographers_name_is_no_run_of_names(gap):
    # 改造后的公园步道 is words, not four two-character names run together: only the name
    # before 摄 is the photographer.
    text = captioned_in_the_text("改造后的公园步道 赵敏 摄", gap=gap)
    line = 6 if gap else 5
    assert photos_of(text) == [("改造后的公园步道", [("赵敏", "摄影", False, None)], [line])]
    assert parse_page(text, "p.txt", 1).warnings == []


def picture_page_closing_with(captions):
    """A picture page: headline, its one credit line, one paragraph, then the captions."""
    return (
        "职工技能比武现场\n\n"  # line 1
        "记者 王伟 摄\n\n"  # 3
        "方州市首届职工技能大赛日前在城南落幕，记者用镜头记录下选手们的精彩瞬间。\n"  # 5
        + "".join(f"\n{caption}\n" for caption in captions)  # 7, 9, 11
    )


@pytest.mark.parametrize("count", [2, 3])
def test_a_picture_pages_credit_line_credits_its_two_or_three_closing_captions(count):
    text = picture_page_closing_with(CAPTIONS[:count])
    page = parse_page(text, "p.txt", 1)
    assert page.warnings == []
    [article] = page.articles
    assert article.paragraphs == [
        "方州市首届职工技能大赛日前在城南落幕，记者用镜头记录下选手们的精彩瞬间。"
    ]
    assert photos_of(text) == [
        (caption, [("王伟", "记者", False, None)], [3, line])
        for caption, line in zip(CAPTIONS[:count], [7, 9, 11], strict=False)
    ]


def closing_under_the_text(closing):
    """A park article whose text ends, one blank line above `closing`."""
    return (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。\n\n"  # line 5
        f"{closing}\n"  # line 7
    )


def test_a_caption_over_its_credit_line_one_blank_line_under_the_text_is_a_caption():
    text = closing_under_the_text("孩子们在新游乐场玩耍\n通讯员 赵敏 摄")
    page = parse_page(text, "p.txt", 1)
    assert page.warnings == []
    [article] = page.articles
    assert article.paragraphs == [
        "经过半年施工，城南公园改造工程日前完工，新增步道三公里。",
        "附近居民说，公园变漂亮了，每天都来散步。",
    ]
    assert article.notes == []
    assert photos_of(text) == [("孩子们在新游乐场玩耍", [("赵敏", "通讯员", False, None)], [7, 8])]


@pytest.mark.parametrize("byline", ["（记者 李强）", "记者 李强"])
def test_a_caption_over_its_credit_line_above_the_texts_byline_is_a_caption(byline):
    text = closing_under_the_text(f"孩子们在新游乐场玩耍\n通讯员 赵敏 摄\n\n{byline}")
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.paragraphs[-1] == "附近居民说，公园变漂亮了，每天都来散步。"
    assert [(c.name, c.role) for c in article.people] == [("李强", "记者")]
    assert [(caption, credits) for caption, credits, _ in photos_of(text)] == [
        ("孩子们在新游乐场玩耍", [("赵敏", "通讯员", False, None)])
    ]


def test_two_captions_each_over_its_credit_line_under_the_text_are_captions():
    text = closing_under_the_text(
        "孩子们在新游乐场玩耍\n通讯员 赵敏 摄\n\n改造后的公园步道\n记者 王伟 摄"
    )
    assert [(caption, credits) for caption, credits, _ in photos_of(text)] == [
        ("孩子们在新游乐场玩耍", [("赵敏", "通讯员", False, None)]),
        ("改造后的公园步道", [("王伟", "记者", False, None)]),
    ]
    assert parse_page(text, "p.txt", 1).articles[0].notes == []


def test_a_short_last_paragraph_with_no_credit_line_stays_in_the_text():
    text = closing_under_the_text("孩子们在新游乐场玩耍，家长们在一旁看护")
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.paragraphs[-1] == "孩子们在新游乐场玩耍，家长们在一旁看护"
    assert article.photos == []


def test_a_picture_pages_short_closing_paragraphs_stay_in_its_text():
    text = picture_page_closing_with(["选手们表示收获很大。", "明年大赛将增设工种。"])
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.paragraphs[1:] == ["选手们表示收获很大。", "明年大赛将增设工种。"]
    assert photos_of(text) == [(None, [("王伟", "记者", False, None)], [3])]


def test_a_short_last_sentence_over_a_credit_line_stays_in_the_text():
    text = closing_under_the_text("大家都说好。\n通讯员 赵敏 摄")
    [article] = parse_page(text, "p.txt", 1).articles
    assert article.paragraphs[-1] == "大家都说好。"
    assert photos_of(text) == [(None, [("赵敏", "通讯员", False, None)], [8])]


def test_a_paragraph_cut_off_by_a_photo_credit_that_goes_on_under_it_stays_in_the_text():
    text = closing_under_the_text(
        "公园管理处负责人介绍，改造保留了园内全部古树\n通讯员 赵敏 摄\n\n"
        "今后还将新建一处儿童游乐场。"
    )
    [article] = parse_page(text, "p.txt", 1).articles
    assert "公园管理处负责人介绍，改造保留了园内全部古树" in article.paragraphs[-1]
    assert [photo.caption for photo in article.photos] == [None]
