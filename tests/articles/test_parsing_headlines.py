"""Headline groups on plain pages (articles/importing/headlines.py): which short lines are the
主题, its 引题 and 副题, a column label, a photo's caption or nobody's. Pure Python."""

from articles.importing.parsing import parse_page

FIRST = "第一篇主题\n\n本报讯 近日，活动举行，职工踊跃参加。\n\n"


def page_of(text):
    return parse_page(text, "test.txt", 1, ())


def heads(page):
    return [(a.section, a.kicker, a.headline, a.subheadline) for a in page.articles]


def second(text):
    page = page_of(FIRST + text)
    assert len(page.articles) == 2
    return page.articles[1]


def test_lines_above_a_listed_headline_beyond_its_kicker_are_the_banner_at_the_top():
    page = page_of(
        "甲乙丙丁戊己\n庚辛壬癸行\n引题在此\n第一篇主题\n\n本报讯 近日，活动举行。\n\n"
        "庚辛壬癸行\n子丑寅卯行\n又一引题行\n第二篇主题\n\n本报讯 近日，又举行。\n\n"
        "· 第一篇主题\n· 第二篇主题\n"
    )
    assert page.topic == "甲乙丙丁戊己\n庚辛壬癸行"
    assert heads(page) == [
        (None, "引题在此", "第一篇主题", None),
        (None, "又一引题行", "第二篇主题", None),
    ]
    # Further down the page they belong to no article: flagged where they stand, one warning
    # for the two lines printed one after the other, carrying both.
    assert [(w.line, w.message, w.left_out) for w in page.warnings] == [
        (8, "“庚辛壬癸行”等2段不属于任何稿件的标题，未导入，请核对", "庚辛壬癸行\n子丑寅卯行"),
    ]


def test_the_line_above_a_photo_credit_is_its_caption():
    article = second("秋收时节稻谷香\n金色田野好风光\n王伟 摄\n\n本报讯 近日，又举行。\n")
    assert (article.headline, article.subheadline) == ("秋收时节稻谷香", None)
    [photo] = article.photos
    assert photo.caption == "金色田野好风光"


def test_a_dash_subheadline_above_a_photo_credit_stays_the_subheadline():
    article = second("秋收时节稻谷香\n——记一位种粮能手\n王伟 摄\n\n本报讯 近日，又举行。\n")
    assert (article.headline, article.subheadline) == ("秋收时节稻谷香", "——记一位种粮能手")
    assert [p.caption for p in article.photos] == [None]


def test_a_listed_line_above_a_photo_credit_is_the_headline_not_a_caption():
    article = second(
        "秋收时节稻谷香\n金色田野好风光\n王伟 摄\n\n本报讯 近日，又举行。\n\n· 金色田野好风光\n"
    )
    assert (article.kicker, article.headline) == ("秋收时节稻谷香", "金色田野好风光")
    assert [p.caption for p in article.photos] == [None]


def test_a_line_under_a_listed_headline_above_a_photo_credit_is_its_subheadline():
    article = second(
        "秋收时节稻谷香\n金色田野好风光\n王伟 摄\n\n本报讯 近日，又举行。\n\n· 秋收时节稻谷香\n"
    )
    assert (article.headline, article.subheadline) == ("秋收时节稻谷香", "金色田野好风光")
    article = second(
        "喜迎丰收节\n秋收时节稻谷香\n金色田野好风光\n王伟 摄\n\n本报讯 近日，又举行。\n\n"
        "· 秋收时节稻谷香\n"
    )
    assert (article.kicker, article.headline, article.subheadline) == (
        "喜迎丰收节",
        "秋收时节稻谷香",
        "金色田野好风光",
    )


def test_a_bracketed_label_glued_before_the_headline_is_the_column():
    article = second("【田园风光】秋收时节稻谷香\n\n本报讯 近日，又举行。\n")
    assert (article.section, article.headline, article.line) == ("田园风光", "秋收时节稻谷香", 5)


def test_a_headline_the_title_list_repeats_as_one_is_one_headline_over_two_lines():
    article = second(
        "千名工匠\n同台竞技显身手\n\n本报讯 近日，又举行。\n\n· 千名工匠同台竞技显身手\n"
    )
    assert (article.kicker, article.headline, article.line) == (None, "千名工匠同台竞技显身手", 5)
    assert article.lines[:3] == [5, 6, 8]


def test_a_label_standing_apart_above_a_headline_over_two_lines_is_the_column():
    article = second(
        "工匠风采\n\n千名工匠\n同台竞技显身手\n\n本报讯 近日，又举行。\n\n"
        "· 千名工匠同台竞技显身手\n"
    )
    assert (article.section, article.kicker, article.headline) == (
        "工匠风采",
        None,
        "千名工匠同台竞技显身手",
    )


MARKED = "# 第一篇主题\n\n本报讯 近日，活动举行，职工踊跃参加。\n\n"


def test_a_label_and_a_kicker_above_a_marked_headline():
    for label in ["【劳模风采】\n", "劳模风采\n\n"]:
        article = second(
            MARKED + label + "喜迎二十大 建功新时代\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n"
        )
        assert (article.section, article.kicker, article.headline) == (
            "劳模风采",
            "喜迎二十大 建功新时代",
            "千名工匠同台竞技",
        )


def test_under_a_marked_headline_two_short_lines_are_its_subheadline_and_no_more():
    [article] = page_of(
        "# 【劳模风采】千名工匠同台竞技\n全省决赛开幕\n三十八个工种同场比拼\n第三行在此\n\n"
        "本报讯 近日，又举行。\n"
    ).articles
    assert heads_of(article) == (
        "劳模风采",
        None,
        "千名工匠同台竞技",
        "全省决赛开幕三十八个工种同场比拼",
    )
    assert article.line == 1
    # Not a third 副题 line: a short line over the dateline paragraph is a photo's caption.
    assert [photo.caption for photo in article.photos] == ["第三行在此"]
    assert article.paragraphs[0] == "近日，又举行。"


def test_a_third_short_line_under_a_marked_headline_is_the_next_ones_kicker():
    page = page_of(
        "# 第一篇主题\n副题一\n副题二\n喜迎二十大 建功新时代\n"
        "# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n"
    )
    assert heads(page) == [
        (None, None, "第一篇主题", "副题一副题二"),
        (None, "喜迎二十大 建功新时代", "千名工匠同台竞技", None),
    ]


def test_a_marked_subheadline_may_list_names_with_commas():
    [article] = page_of(
        "# 千名工匠同台竞技\n宁波建行、市总工会和本报送爱心报卡\n\n本报讯 近日，又举行。\n"
    ).articles
    assert article.subheadline == "宁波建行、市总工会和本报送爱心报卡"


def test_a_short_line_under_a_marked_headline_above_a_photo_credit_is_the_caption():
    [article] = page_of(
        "# 千名工匠同台竞技\n选手在比赛中\n王伟 摄\n\n本报讯 近日，又举行。\n"
    ).articles
    assert article.subheadline is None
    assert [p.caption for p in article.photos] == ["选手在比赛中"]


def test_a_marked_headline_right_under_another_is_the_next_article():
    page = page_of("# 甲主题\n# 乙主题\n\n本报讯 近日，又举行。\n")
    assert heads(page) == [(None, None, "甲主题", None), (None, None, "乙主题", None)]


def heads_of(article):
    return (article.section, article.kicker, article.headline, article.subheadline)


TEXT = "\n\n本报讯 近日，活动举行，职工踊跃参加。\n"
BANNER_WARNING = "版面顶部的“{}”按通栏标题处理，也可能是栏目或第一篇的引题，请核对"


def test_text_carried_over_from_another_page_is_left_out_flagged_above_the_banner():
    page = page_of(
        "上接第一版的文字，还没有说完。\n\n奋进新征程 建功新时代\n\n# 千名工匠同台竞技" + TEXT
    )
    assert page.topic == "奋进新征程 建功新时代"
    [article] = page.articles
    assert (article.headline, article.line) == ("千名工匠同台竞技", 5)
    assert [(w.line, w.message) for w in page.warnings] == [
        (1, "版面开头的“上接第一版的文字，还……”不属于任何稿件（可能是转版文字），未导入"),
        (3, BANNER_WARNING.format("奋进新征程 建功新时代")),
    ]


def test_one_short_line_at_the_top_is_the_banner_flagged():
    for banner in ["奋进新征程 建功新时代", "学习、宣传、贯彻全会精神"]:
        page = page_of(f"{banner}\n\n# 千名工匠同台竞技" + TEXT)
        assert page.topic == banner
        assert heads(page) == [(None, None, "千名工匠同台竞技", None)]
        assert [(w.line, w.message) for w in page.warnings] == [(1, BANNER_WARNING.format(banner))]


def test_two_banner_lines_above_a_label_are_the_banner_unflagged():
    page = page_of(
        "奋进新征程 建功新时代\n喜迎二十大 再创新辉煌\n\n【劳模风采】\n# 千名工匠同台竞技" + TEXT
    )
    assert page.topic == "奋进新征程 建功新时代\n喜迎二十大 再创新辉煌"
    assert heads(page) == [("劳模风采", None, "千名工匠同台竞技", None)]
    assert page.warnings == []


def test_a_label_between_the_banner_and_the_first_marked_headline():
    for label in ["【劳模风采】\n", "劳模风采\n\n"]:
        page = page_of(f"奋进新征程 建功新时代\n\n{label}# 千名工匠同台竞技" + TEXT)
        assert page.topic == "奋进新征程 建功新时代"
        assert heads(page) == [("劳模风采", None, "千名工匠同台竞技", None)]


def test_a_line_touching_the_first_marked_headline_is_its_kicker():
    page = page_of("奋进新征程 建功新时代\n喜迎二十大 建功新时代\n# 千名工匠同台竞技" + TEXT)
    assert page.topic == "奋进新征程 建功新时代"
    assert heads(page) == [(None, "喜迎二十大 建功新时代", "千名工匠同台竞技", None)]


PLAIN = "第一篇主题\n\n本报讯 近日，活动举行，职工踊跃参加。\n\n"


def test_two_lone_short_lines_inside_an_article_are_its_crossheads_flagged():
    page = page_of(
        PLAIN + "第二篇主题\n\n本报讯 第二篇第一段。\n\n钻研\n\n第二段文字在此。\n\n"
        "传承\n\n第三段文字在此。\n"
    )
    assert [a.headline for a in page.articles] == ["第一篇主题", "第二篇主题"]
    assert page.articles[1].crossheads == ["钻研", "传承"]
    assert [(w.line, w.message) for w in page.warnings] == [
        (9, "以下未标记的短行按插题处理，请核对：“钻研”、“传承”")
    ]


def test_one_lone_short_line_over_a_dateline_starts_a_new_article():
    page = page_of(PLAIN + "秋收时节稻谷香\n\n本报讯 田野里一片金黄，农民正在收割。\n")
    assert [a.headline for a in page.articles] == ["第一篇主题", "秋收时节稻谷香"]
    assert page.articles[1].paragraphs == ["田野里一片金黄，农民正在收割。"]
    assert page.warnings == []


def test_one_lone_short_line_with_no_dateline_or_credit_under_it_is_a_crosshead_flagged():
    page = page_of(PLAIN + "秋收时节稻谷香\n\n田野里一片金黄，农民正在收割。\n")
    [article] = page.articles
    assert article.headline == "第一篇主题"
    assert article.crossheads == ["秋收时节稻谷香"]
    assert article.paragraphs[-1] == "田野里一片金黄，农民正在收割。"
    assert [(w.line, w.message) for w in page.warnings] == [
        (5, "“秋收时节稻谷香”按插题处理（其下没有电头或署名），请核对")
    ]


def test_text_before_the_first_plain_headline_is_left_out_flagged():
    page = page_of("上接第一版的文字，还没有说完。\n\n" + PLAIN)
    assert [(a.headline, a.line) for a in page.articles] == [("第一篇主题", 3)]
    assert [(w.line, w.message) for w in page.warnings] == [
        (1, "版面开头的“上接第一版的文字，还……”不属于任何稿件（可能是转版文字），未导入")
    ]


def test_a_caption_between_a_plain_headline_and_its_dateline_keeps_it_a_headline():
    page = page_of(PLAIN + "秋收时节稻谷香\n\n图为农民在收割。\n\n本报讯 田野里一片金黄。\n")
    assert [a.headline for a in page.articles] == ["第一篇主题", "秋收时节稻谷香"]
    assert [p.caption for p in page.articles[1].photos] == ["图为农民在收割。"]
    assert page.warnings == []


def test_a_listed_headline_above_a_photo_credit_and_its_dateline_is_unflagged():
    page = page_of(
        PLAIN
        + "秋收时节稻谷香\n王伟 摄\n\n本报讯 田野里一片金黄。\n\n· 第一篇主题\n· 秋收时节稻谷香\n"
    )
    assert [a.headline for a in page.articles] == ["第一篇主题", "秋收时节稻谷香"]
    assert [(p.caption, [c.name for c in p.credits]) for p in page.articles[1].photos] == [
        (None, ["王伟"])
    ]
    assert page.warnings == []


DATED = "\n\n本报讯 田野里一片金黄。\n"
LISTED = "\n· 第一篇主题\n· 秋收时节稻谷香\n"


def test_four_short_lines_join_the_first_ones_into_the_kicker_flagged():
    article = second("喜迎丰收节日\n金色田野好风光\n秋收时节稻谷香\n农民忙收割" + DATED)
    assert heads_of(article) == (
        None,
        "喜迎丰收节日 金色田野好风光",
        "秋收时节稻谷香",
        "农民忙收割",
    )
    assert article.line == 6
    page = page_of(PLAIN + "喜迎丰收节日\n金色田野好风光\n秋收时节稻谷香\n农民忙收割" + DATED)
    assert [(w.line, w.message) for w in page.warnings] == [
        (5, "标题行过多，前面的行并入引题，请核对")
    ]


def test_at_the_top_of_a_plain_page_a_fourth_line_above_is_the_banner():
    page = page_of("奋进新征程 建功新时代\n喜迎丰收节日\n秋收时节稻谷香\n农民忙收割" + DATED)
    assert page.topic == "奋进新征程 建功新时代"
    assert heads(page) == [(None, "喜迎丰收节日", "秋收时节稻谷香", "农民忙收割")]
    assert page.warnings == []


def test_under_a_label_the_lines_above_the_listed_headline_are_its_kicker():
    article = second(
        "【田园风光】\n喜迎丰收节日\n金色田野好风光\n秋收时节稻谷香\n农民忙收割\n稻谷满仓"
        + DATED
        + LISTED
    )
    assert heads_of(article) == (
        "田园风光",
        "喜迎丰收节日 金色田野好风光",
        "秋收时节稻谷香",
        "农民忙收割稻谷满仓",
    )
    article = second("【田园风光】\n金色田野好风光\n秋收时节稻谷香" + DATED + LISTED)
    assert heads_of(article) == ("田园风光", "金色田野好风光", "秋收时节稻谷香", None)


def test_a_line_above_the_listed_headlines_kicker_belongs_to_no_article():
    page = page_of(PLAIN + "喜迎丰收节日\n金色田野好风光\n秋收时节稻谷香" + DATED + LISTED)
    assert heads_of(page.articles[1]) == (None, "金色田野好风光", "秋收时节稻谷香", None)
    assert page.articles[1].line == 7
    assert [(w.line, w.message) for w in page.warnings] == [
        (5, "“喜迎丰收节日”不属于任何稿件的标题，未导入，请核对")
    ]


def test_a_line_above_a_bracketed_label_belongs_to_no_article_or_to_the_banner():
    page = page_of(PLAIN + "喜迎丰收节日\n【田园风光】\n秋收时节稻谷香" + DATED)
    assert heads_of(page.articles[1]) == ("田园风光", None, "秋收时节稻谷香", None)
    assert [(w.line, w.message) for w in page.warnings] == [
        (5, "“喜迎丰收节日”不属于任何稿件的标题，未导入，请核对")
    ]
    page = page_of("奋进新征程 建功新时代\n【田园风光】\n秋收时节稻谷香" + DATED)
    assert page.topic == "奋进新征程 建功新时代"
    assert heads(page) == [("田园风光", None, "秋收时节稻谷香", None)]


def test_an_organisation_above_a_dash_subheadline_is_the_headline():
    article = second("西安市新城区工会\n——记一位种粮能手" + DATED)
    assert heads_of(article) == (None, None, "西安市新城区工会", "——记一位种粮能手")


def test_two_plain_lines_are_headline_and_subheadline_flagged():
    page = page_of(PLAIN + "秋收时节稻谷香\n金色田野好风光" + DATED)
    assert heads_of(page.articles[1]) == (None, None, "秋收时节稻谷香", "金色田野好风光")
    assert [(w.line, w.message) for w in page.warnings] == [
        (
            5,
            "两行标题“秋收时节稻谷香”“金色田野好风光”按主题+副题处理，也可能是引题+主题，请核对",
        )
    ]


def test_a_short_line_above_a_byline_starts_an_article_unflagged():
    page = page_of(PLAIN + "秋收时节稻谷香\n\n记者 王伟\n\n田野里一片金黄，农民正在收割。\n")
    assert [a.headline for a in page.articles] == ["第一篇主题", "秋收时节稻谷香"]
    assert [(c.name, c.role) for c in page.articles[1].people] == [("王伟", "记者")]
    assert page.warnings == []


APART = "金色田野\n\n丰收的喜悦\n\n农民笑开颜\n\n稻谷满仓\n\n"


def test_four_short_lines_apart_after_an_articles_text_are_captions_not_a_headline_group():
    page = page_of(PLAIN + APART + "最后一段正文，写完了。\n")
    assert [a.headline for a in page.articles] == ["第一篇主题"]


def test_short_lines_that_touch_or_open_the_page_or_precede_a_dateline_are_a_headline_group():
    touching = page_of(
        PLAIN + "金色田野\n丰收的喜悦\n\n农民笑开颜\n\n稻谷满仓\n\n最后一段正文，写完了。\n"
    )
    assert heads_of(touching.articles[1]) == (None, "金色田野 丰收的喜悦", "农民笑开颜", "稻谷满仓")
    dated = page_of(PLAIN + APART + "本报讯 最后一段正文，写完了。\n")
    assert heads_of(dated.articles[1]) == ("金色田野", "丰收的喜悦", "农民笑开颜", "稻谷满仓")
    opening = page_of(APART + "正文一段，写完了。\n")
    assert opening.topic == "金色田野"
    assert heads(opening) == [("丰收的喜悦", None, "农民笑开颜", "稻谷满仓")]


# Headline groups at the edges of their rules, each page invented and laid out as a page lays it
# out, with what an editor reads off it: the 栏目, 引题, 主题 and 副题, where each article starts,
# and what is flagged. Written to pin down the rules the mutation runs (issue 16) found untested.


def warnings(page):
    return [(w.line, w.message) for w in page.warnings]


# Above a marked headline (not the page's first).


def test_a_seven_character_line_touching_a_marked_headline_is_its_kicker_flagged():
    page = page_of(MARKED + "职工技能大比武\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n")
    assert heads(page)[1] == (None, "职工技能大比武", "千名工匠同台竞技", None)
    assert warnings(page) == [(5, "“职工技能大比武”按引题处理，也可能是栏目，请核对")]


def test_a_seven_character_line_apart_from_a_marked_headline_is_its_column_flagged():
    page = page_of(MARKED + "职工技能大比武\n\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n")
    assert heads(page)[1] == ("职工技能大比武", None, "千名工匠同台竞技", None)
    assert warnings(page) == [(5, "“职工技能大比武”按栏目处理，也可能是引题，请核对")]


def test_a_short_line_touching_a_marked_headline_is_its_column_flagged():
    page = page_of(MARKED + "劳模风采\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n")
    assert heads(page)[1] == ("劳模风采", None, "千名工匠同台竞技", None)
    assert warnings(page) == [(5, "“劳模风采”按栏目处理，也可能是引题，请核对")]


def test_a_long_bracketed_label_above_a_kicker_is_the_column_and_the_article_starts_there():
    page = page_of(
        MARKED
        + "【劳模工匠风采录】\n喜迎二十大 建功新时代\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n"
    )
    first, second = page.articles
    assert heads(page)[1] == ("劳模工匠风采录", "喜迎二十大 建功新时代", "千名工匠同台竞技", None)
    # The label and the kicker are the second article's lines, none of the first's.
    assert (first.lines, first.paragraphs) == ([1, 3], ["近日，活动举行，职工踊跃参加。"])
    assert second.lines == [5, 6, 7, 9]


def test_a_label_right_under_the_previous_headline_group_heads_the_next():
    # The first item is a headline and its two 副题 only; the next group's label follows them.
    page = page_of(
        "# 第一篇主题\n副题之一\n副题之二\n劳模风采\n喜迎二十大 建功新时代\n# 千名工匠同台竞技\n\n"
        "本报讯 近日，又举行。\n"
    )
    assert heads(page) == [
        (None, None, "第一篇主题", "副题之一副题之二"),
        ("劳模风采", "喜迎二十大 建功新时代", "千名工匠同台竞技", None),
    ]
    assert [a.lines for a in page.articles] == [[1, 2, 3], [4, 5, 6, 8]]


# Text printed above a plain page's first headline.

UNTITLED = "本报讯 近日，县总工会走访困难职工家庭，送去慰问金和米面油，叮嘱他们保重身体。"
FOLLOW_UP = "走访中，工作人员详细询问职工的身体和生活情况。"


def test_an_article_without_a_headline_above_the_first_one_stands_in_with_its_first_clause():
    page = page_of(
        f"{UNTITLED}\n\n{FOLLOW_UP}\n\n千名工匠同台竞技\n\n"
        "本报讯 近日，全县职工技能大赛举行，三百多名职工参赛。\n"
    )
    untitled, contest = page.articles
    assert (untitled.headline, untitled.line, untitled.headline_stand_in) == (
        "县总工会走访困难职工家庭",
        1,
        True,
    )
    assert untitled.paragraphs == [UNTITLED.removeprefix("本报讯 "), FOLLOW_UP]
    # The next article's text is no repeat of it, however long its lines.
    assert (contest.headline, contest.line, contest.headline_stand_in) == (
        "千名工匠同台竞技",
        5,
        False,
    )
    assert contest.paragraphs == ["近日，全县职工技能大赛举行，三百多名职工参赛。"]
    assert warnings(page) == [
        (1, "版面开头的稿件没有标题，暂以首句“县总工会走访困难职工家庭”作标题，请核对")
    ]


def repeated_above(cut):
    """A mobile page: the text, then its headline and the text again, cut off at `cut`."""
    return page_of(f"{UNTITLED}\n\n{FOLLOW_UP}\n\n千名工匠同台竞技\n\n{cut}\n")


def test_a_text_printed_again_under_the_headline_is_that_articles_text_printed_first():
    # The repeat stops after fifteen Chinese characters: long enough to be a repeat.
    page = repeated_above("本报讯 近日，县总工会走访困难职工")
    [article] = page.articles
    assert (article.headline, article.headline_stand_in) == ("千名工匠同台竞技", False)
    assert article.paragraphs == [UNTITLED.removeprefix("本报讯 "), FOLLOW_UP]
    assert (1, "正文印在标题“千名工匠同台竞技”之前（网页先印正文），已归入该稿件，请核对") in (
        warnings(page)
    )


def test_a_line_of_fourteen_characters_under_the_headline_is_no_repeat_of_the_text_above():
    page = repeated_above("本报讯 近日，县总工会走访困难职")
    untitled, article = page.articles
    assert (untitled.headline_stand_in, article.headline) == (True, "千名工匠同台竞技")


def test_a_caption_marker_in_the_text_above_the_first_headline_is_that_texts_photo():
    caption = "▲陈望舒，省摄影家协会会员、资深摄影记者。"
    opening = (
        "近日，某公司职工摄影展在公司文化中心开幕，展出职工拍摄的作品一百余幅，"
        "记录了一线职工的劳动场景与业余生活，吸引了许多职工和家属前来观看。"
    )
    page = page_of(
        f"{opening}\n\n{caption}\n\n公司工会负责人表示，希望职工记录劳动之美。\n\n"
        "千名工匠同台竞技\n\n本报讯 近日，全县职工技能大赛举行，三百多名职工参赛。\n"
    )
    untitled, contest = page.articles
    assert (untitled.headline, untitled.headline_stand_in) == (
        "某公司职工摄影展在公司文化中心开幕",
        True,
    )
    assert untitled.paragraphs == [opening, "公司工会负责人表示，希望职工记录劳动之美。"]
    assert [p.caption for p in untitled.photos] == [caption[1:]]
    assert contest.headline == "千名工匠同台竞技"


def test_a_marked_item_closing_the_page_after_an_article_is_a_brief():
    # ▲ points at a photo only with the text going on under it; here nothing follows.
    page = page_of(
        "职工书屋开放\n\n本报讯 近日，某公司职工书屋开放，藏书三千册。\n\n"
        "职工下班后可来借阅。\n\n▲某某镇工会举办职工趣味运动会，二十支队伍参赛。\n"
    )
    assert [a.headline for a in page.articles] == ["职工书屋开放", "某某镇工会举办职工趣味运动会"]
    assert page.articles[1].paragraphs == ["某某镇工会举办职工趣味运动会，二十支队伍参赛。"]


# A column label at the top of a plain page.

ITEMS = (
    "第一条主题\n\n本报讯 近日，县总工会走访困难职工家庭。\n\n"
    "第二条主题\n\n本报讯 近日，全县职工技能大赛举行。\n"
)


def test_a_label_standing_apart_at_the_top_of_a_plain_page_heads_its_first_article_only():
    page = page_of("新闻速递\n\n" + ITEMS)
    assert heads(page) == [("新闻速递", None, "第一条主题", None), (None, None, "第二条主题", None)]


def test_a_label_over_the_pages_edition_line_heads_every_article_on_the_page():
    page = page_of("新闻速递\n\n《某某日报》(2024年08月25日 02版)\n\n" + ITEMS)
    assert heads(page) == [
        ("新闻速递", None, "第一条主题", None),
        ("新闻速递", None, "第二条主题", None),
    ]


def test_a_label_over_the_edition_line_printed_close_under_it_heads_every_article():
    page = page_of("新闻速递\n\n《某某日报》(2024年08月25日 02版)\n" + ITEMS)
    assert [a.section for a in page.articles] == ["新闻速递", "新闻速递"]
    page = page_of("【新闻速递】\n《某某日报》(2024年08月25日 02版)\n" + ITEMS)
    assert [a.section for a in page.articles] == ["新闻速递", "新闻速递"]


# Above the first marked headline, and under marked headlines.


def test_a_seven_character_line_touching_the_first_marked_headline_is_its_kicker_flagged():
    page = page_of("职工技能大比武\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n")
    assert heads(page) == [(None, "职工技能大比武", "千名工匠同台竞技", None)]
    assert page.topic is None
    assert warnings(page) == [(1, "“职工技能大比武”按引题处理，也可能是栏目，请核对")]


def test_a_short_line_apart_above_the_first_marked_headline_is_its_column():
    page = page_of("劳模风采\n\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n")
    assert heads(page) == [("劳模风采", None, "千名工匠同台竞技", None)]
    assert (page.topic, page.articles[0].lines) == (None, [1, 3, 5])


def test_a_long_bracketed_label_above_the_first_kicker_is_the_column_not_the_banner():
    page = page_of(
        "【劳模工匠风采录】\n喜迎二十大 建功新时代\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n"
    )
    assert heads(page) == [("劳模工匠风采录", "喜迎二十大 建功新时代", "千名工匠同台竞技", None)]
    assert page.topic is None


def test_the_banner_over_the_first_marked_headline_is_no_line_of_its_article():
    page = page_of(
        "庆祝五一国际劳动节\n劳动创造美好生活\n\n# 千名工匠同台竞技\n\n本报讯 近日，又举行。\n\n"
        "三百多名职工参赛。\n"
    )
    assert page.topic == "庆祝五一国际劳动节\n劳动创造美好生活"
    [article] = page.articles
    assert (article.headline, article.lines) == ("千名工匠同台竞技", [4, 6, 8])


def test_each_of_three_marked_headlines_keeps_its_own_subheadline():
    page = page_of(
        "# 第一篇主题\n第一篇副题\n\n本报讯 近日，活动举行。\n\n"
        "# 第二篇主题\n第二篇副题\n\n本报讯 近日，又举行。\n\n"
        "# 第三篇主题\n第三篇副题\n\n本报讯 近日，再举行。\n"
    )
    assert [(a.headline, a.subheadline) for a in page.articles] == [
        ("第一篇主题", "第一篇副题"),
        ("第二篇主题", "第二篇副题"),
        ("第三篇主题", "第三篇副题"),
    ]


def test_a_subheadline_closing_the_page_is_still_the_subheadline():
    # The headline group printed last on the page, its text going on over the page.
    page = page_of(MARKED + "# 千名工匠同台竞技\n——记全国劳动模范王伟\n")
    assert heads(page)[1] == (None, None, "千名工匠同台竞技", "——记全国劳动模范王伟")


def test_a_line_over_a_photo_credit_closing_the_page_is_the_caption_not_a_subheadline():
    page = page_of("# 秋收时节稻谷香\n金色田野好风光\n王伟 摄\n")
    [article] = page.articles
    assert (article.headline, article.subheadline) == ("秋收时节稻谷香", None)
    assert article.paragraphs == ["金色田野好风光"]


# A lone short line inside a plain page's article: crosshead or a new article.

BOOKS = "职工书屋开放\n\n某公司职工书屋开放，藏书三千册，职工下班后可来借阅。\n"


def test_a_lone_line_after_an_article_with_no_credit_under_its_headline_starts_a_new_one():
    # The page's first article has a dateline; the one the line stands in has none.
    page = page_of(
        "第一篇主题\n\n本报讯 近日，活动举行，职工踊跃参加。\n\n第二篇主题\n第二篇副题\n\n"
        "近日，县总工会走访困难职工家庭，送去慰问金。\n\n" + BOOKS
    )
    assert [a.headline for a in page.articles] == ["第一篇主题", "第二篇主题", "职工书屋开放"]
    assert (10, "“职工书屋开放”按新稿件的标题处理，也可能是插题，请核对") in warnings(page)


def test_a_lone_line_after_an_article_closed_by_its_credit_starts_a_new_one():
    # The credit stands third under the headline, closing the text: it is no byline under it.
    page = page_of(
        "第一篇主题\n\n近日，县总工会走访困难职工家庭，送去慰问金。\n\n"
        "工作人员详细询问职工的身体和生活情况。\n\n记者 王伟\n\n" + BOOKS
    )
    assert [a.headline for a in page.articles] == ["第一篇主题", "职工书屋开放"]
    assert [(c.name, c.role) for c in page.articles[0].people] == [("王伟", "记者")]
    assert warnings(page) == [(9, "“职工书屋开放”按新稿件的标题处理，也可能是插题，请核对")]


def test_a_lone_line_in_a_datelined_article_with_briefs_under_it_is_its_crosshead():
    page = page_of(
        "第一篇主题\n\n本报讯 近日，县总工会走访困难职工家庭，送去慰问金。\n\n暖心问候\n\n"
        "工作人员详细询问职工的身体和生活情况。\n\n"
        "▲某某县总工会开展送清凉活动，慰问一线职工三百余人。（某某县总工会）\n\n"
        "▲某某镇工会举办职工趣味运动会，二十支队伍参赛。（通讯员 王伟）\n"
    )
    first, *briefs = page.articles
    assert first.headline == "第一篇主题"
    assert first.paragraphs == [
        "近日，县总工会走访困难职工家庭，送去慰问金。",
        "工作人员详细询问职工的身体和生活情况。",
    ]
    assert [b.headline for b in briefs] == [
        "某某县总工会开展送清凉活动",
        "某某镇工会举办职工趣味运动会",
    ]
    assert (5, "“暖心问候”按插题处理（其下没有电头或署名），请核对") in warnings(page)


# Lines printed over two with a hard break (two spaces closing the first), at a page's top.


def test_a_plain_pages_first_headline_printed_over_two_lines_is_one_headline():
    page = page_of("千名工匠  \n同台竞技\n\n本报讯 近日，全县职工技能大赛举行。\n")
    assert (page.topic, heads(page)) == (None, [(None, None, "千名工匠同台竞技", None)])


def test_a_banner_printed_over_two_lines_above_a_plain_pages_first_headline_is_the_banner():
    page = page_of(
        "庆祝五一国际劳动节  \n劳动创造美好生活\n千名工匠同台竞技\n\n"
        "本报讯 近日，全县职工技能大赛举行。\n"
    )
    assert page.topic == "庆祝五一国际劳动节\n劳动创造美好生活"
    assert heads(page) == [(None, None, "千名工匠同台竞技", None)]


def test_a_caption_of_forty_characters_between_a_headline_and_its_dateline_is_the_photos():
    caption = (
        "全县三百多名职工在县体育中心参加技能大赛决赛，争夺十个工种冠军。图为焊工比赛现场情景。"
    )
    page = page_of(
        "第一篇主题\n\n本报讯 近日，活动举行，职工踊跃参加。\n\n"
        "工作人员详细询问职工的身体和生活情况。\n\n"
        f"千名工匠同台竞技\n\n\n{caption}\n\n本报讯 近日，全县职工技能大赛举行。\n"
    )
    first, contest = page.articles
    assert contest.headline == "千名工匠同台竞技"
    assert [p.caption for p in contest.photos] == [caption]
    # The headline has its dateline under the caption: an article of its own, nothing flagged.
    assert warnings(page) == []


# A plain page's headline groups further down the page.


def test_five_short_lines_over_a_dateline_are_a_kicker_of_three_a_headline_and_a_subheadline():
    page = page_of(
        FIRST + "喜迎二十大\n建功新时代\n奋进新征程\n千名工匠同台竞技\n——全省决赛在杭州开幕\n\n"
        "本报讯 近日，又举行。\n"
    )
    assert heads(page)[1] == (
        None,
        "喜迎二十大 建功新时代 奋进新征程",
        "千名工匠同台竞技",
        "——全省决赛在杭州开幕",
    )
    assert warnings(page) == [(5, "标题行过多，前面的行并入引题，请核对")]


def test_a_line_trailing_off_over_a_dash_subheadline_is_the_headline():
    page = page_of(
        FIRST + "发礼包、送对联、包饺子……\n——记某某社区的新春\n\n本报讯 近日，又举行。\n"
    )
    assert heads(page)[1] == (None, None, "发礼包、送对联、包饺子……", "——记某某社区的新春")


def test_a_wrapped_headline_further_down_is_flagged_on_its_first_line():
    page = page_of(FIRST + "让绍兴劳动者的故事\n讲得更响更亮\n\n本报讯 近日，又举行。\n")
    assert heads(page)[1] == (None, None, "让绍兴劳动者的故事讲得更响更亮", None)
    assert warnings(page) == [
        (5, "两行“让绍兴劳动者的故事”“讲得更响更亮”读作一句，按一行主题处理，请核对")
    ]


def test_a_label_standing_apart_further_down_a_plain_page_heads_only_the_article_under_it():
    page = page_of(
        FIRST
        + "新闻速递\n\n第二篇主题\n\n本报讯 近日，又举行。\n\n第三篇主题\n\n本报讯 近日，再举行。\n"
    )
    assert [a.section for a in page.articles] == [None, "新闻速递", None]


# Photos and captions on plain pages.


def test_a_caption_marker_with_its_photo_credit_under_it_closing_the_page_is_a_caption():
    page = page_of(
        "第一篇主题\n\n本报讯 近日，某公司职工书屋开放。\n\n▲昨天，职工在书屋里阅读。\n王伟 摄\n"
    )
    [article] = page.articles
    assert article.paragraphs == ["近日，某公司职工书屋开放。"]
    [photo] = article.photos
    assert (photo.caption, [(c.name, c.role) for c in photo.credits]) == (
        "昨天，职工在书屋里阅读。",
        [("王伟", "摄影")],
    )


def test_a_credited_caption_above_the_first_headline_is_a_picture_of_its_own():
    caption = "近日，某公司举行职工读书会，二十名职工分享读书心得。"
    page = page_of(
        f"{caption} 王伟 摄\n\n千名工匠同台竞技\n\n本报讯 近日，全县职工技能大赛举行。\n"
    )
    picture, contest = page.articles
    assert (picture.headline, picture.line, picture.headline_stand_in) == (
        "某公司举行职工读书会",
        1,
        True,
    )
    assert [p.caption for p in picture.photos] == [caption]
    assert (contest.headline, contest.headline_stand_in) == ("千名工匠同台竞技", False)
    assert warnings(page) == [
        (1, "版面开头的图片说明没有标题，暂以“某公司举行职工读书会”作标题，请核对")
    ]


def test_short_lines_standing_apart_over_a_byline_are_a_headline_group_not_captions():
    page = page_of(
        FIRST + "工作人员详细询问职工的身体和生活情况。\n\n喜迎二十大 建功新时代\n\n"
        "奋进新征程 展现新作为\n\n千名工匠同台竞技\n\n——全省决赛在杭州开幕\n\n记者 王伟\n\n"
        "近日，全县职工技能大赛举行。\n"
    )
    assert heads(page)[1] == (
        None,
        "喜迎二十大 建功新时代 奋进新征程 展现新作为",
        "千名工匠同台竞技",
        "——全省决赛在杭州开幕",
    )
    assert [(c.name, c.role) for c in page.articles[1].people] == [("王伟", "记者")]


def test_short_lines_each_after_a_gap_closing_the_page_belong_to_no_article():
    page = page_of(FIRST + "工作人员详细询问职工的身体和生活情况。\n\n\n职工之家\n\n\n劳模风采\n")
    assert [a.headline for a in page.articles] == ["第一篇主题"]
    assert warnings(page) == [(8, "页面末尾的“职工之家”等2段下面没有正文，不属于任何稿件，未导入")]
    assert [w.left_out for w in page.warnings] == ["职工之家\n劳模风采"]


def test_captions_in_a_text_printed_above_the_first_headline_are_no_headline_group():
    opening = (
        "近日，某公司职工摄影展在公司文化中心开幕，展出职工拍摄的作品一百余幅，"
        "记录了一线职工的劳动场景与业余生活，吸引了许多职工和家属前来观看。"
    )
    page = page_of(
        f"{opening}\n\n车间里的身影\n\n田野上的收获\n\n工地上的坚守\n\n夜色中的守护\n\n"
        "展览将持续到月底。\n\n千名工匠同台竞技\n\n本报讯 近日，全县职工技能大赛举行。\n"
    )
    assert [(a.headline, a.headline_stand_in) for a in page.articles] == [
        ("某公司职工摄影展在公司文化中心开幕", True),
        ("千名工匠同台竞技", False),
    ]


# Text above a plain page's first headline: an article's, or jumped from another page.


def test_two_short_paragraphs_above_the_first_headline_are_text_from_another_page():
    page = page_of(
        "近日，县总工会走访困难职工家庭。\n\n工作人员详细询问职工的身体情况。\n\n"
        "千名工匠同台竞技\n\n本报讯 近日，全县职工技能大赛举行。\n"
    )
    assert [a.headline for a in page.articles] == ["千名工匠同台竞技"]
    assert warnings(page) == [
        (1, "版面开头的“近日，县总工会走访困……”等2段不属于任何稿件（可能是转版文字），未导入"),
    ]
    # The message quotes a head; the one warning for the run carries both paragraphs whole.
    assert [w.left_out for w in page.warnings] == [
        "近日，县总工会走访困难职工家庭。\n工作人员详细询问职工的身体情况。",
    ]


def test_a_paragraph_of_sixty_characters_above_the_first_headline_makes_it_an_articles_text():
    opening = (
        "近日，某公司职工摄影展在公司文化中心开幕，展出职工拍摄的作品一百余幅，"
        "记录了一线职工的劳动场景与业余生活，吸引了许多职工前来观看。"
    )
    page = page_of(
        f"{opening}\n\n展览将持续到月底。\n\n千名工匠同台竞技\n\n"
        "本报讯 近日，全县职工技能大赛举行。\n"
    )
    untitled, contest = page.articles
    assert (untitled.headline_stand_in, untitled.paragraphs) == (
        True,
        [opening, "展览将持续到月底。"],
    )
    assert contest.headline == "千名工匠同台竞技"


def test_a_line_over_an_editors_note_inside_a_datelined_article_opens_a_new_article():
    # 编者按 opens an article under its headline: the line above it is no crosshead of the
    # article before, and the note is not that article's text.
    page = page_of(
        FIRST + "工作人员详细询问职工的身体和生活情况。\n\n致敬平凡岗位上的奋斗者\n\n编者按\n\n"
        "五月的阳光，照耀每一位辛勤的劳动者。\n\n本报记者走进车间、工地和田间，记录劳动者奋斗的身影。\n"
    )
    first, tribute = page.articles
    assert first.paragraphs == [
        "近日，活动举行，职工踊跃参加。",
        "工作人员详细询问职工的身体和生活情况。",
    ]
    assert (tribute.headline, tribute.line) == ("致敬平凡岗位上的奋斗者", 7)
    assert tribute.paragraphs == [
        "编者按：五月的阳光，照耀每一位辛勤的劳动者。",
        "本报记者走进车间、工地和田间，记录劳动者奋斗的身影。",
    ]
    assert warnings(page) == []


# A line trailing off (……) over a headline and its dateline or byline: the 引题.


def test_a_line_trailing_off_over_a_headline_and_a_byline_at_the_top_is_the_kicker():
    page = page_of(
        "发礼包、送对联、包饺子……\n情暖新春\n\n记者 王伟\n\n近日，社区举办迎新春活动。\n"
    )
    assert heads(page) == [(None, "发礼包、送对联、包饺子……", "情暖新春", None)]


def test_a_line_trailing_off_over_a_headline_and_a_dateline_closing_the_page_is_the_kicker():
    page = page_of(
        FIRST + "发礼包、送对联、包饺子……\n情暖新春\n\n本报讯 近日，社区举办迎新春活动。\n"
    )
    assert heads(page)[1] == (None, "发礼包、送对联、包饺子……", "情暖新春", None)


def trailing_off(line):
    return page_of(
        FIRST + f"{line}\n情暖新春\n\n本报讯 近日，社区举办迎新春活动。\n\n职工们很开心。\n"
    )


def test_a_line_trailing_off_of_twenty_four_characters_is_a_kicker_and_longer_is_text():
    kicker = "区工会为职工发礼包、送对联、包饺子、写福字、挂灯笼、剪窗花……"
    assert heads(trailing_off(kicker))[1] == (None, kicker, "情暖新春", None)
    page = trailing_off("社" + kicker)
    assert heads(page)[1] == (None, None, "情暖新春", None)
    assert page.articles[0].paragraphs[-1] == "社" + kicker


def test_a_line_trailing_off_after_a_full_stop_is_the_text_above():
    page = trailing_off("大家围坐一起。包饺子、写春联……")
    assert heads(page)[1] == (None, None, "情暖新春", None)
    assert page.articles[0].paragraphs[-1] == "大家围坐一起。包饺子、写春联……"


def test_an_editors_note_under_an_articles_byline_is_its_text_not_a_crosshead():
    page = page_of(
        FIRST + "致敬平凡岗位上的奋斗者\n\n本报记者 王伟\n\n编者按\n\n"
        "五月的阳光，照耀每一位辛勤的劳动者。\n\n本报记者走进车间、工地和田间，记录劳动者奋斗的身影。\n"
    )
    first, tribute = page.articles
    assert tribute.headline == "致敬平凡岗位上的奋斗者"
    assert [(c.name, c.role) for c in tribute.people] == [("王伟", "本报记者")]
    assert tribute.paragraphs == [
        "编者按：五月的阳光，照耀每一位辛勤的劳动者。",
        "本报记者走进车间、工地和田间，记录劳动者奋斗的身影。",
    ]
    assert warnings(page) == []


def test_a_headline_over_a_caption_and_its_photo_credit_and_a_dateline_is_sure_not_flagged():
    # The caption and the credit stand between the headline and its dateline: the dateline
    # under them makes the one line a headline for sure, nothing to check.
    page = page_of(
        FIRST + "职工们很开心。\n\n秋收时节稻谷香\n金色田野好风光\n王伟 摄\n\n"
        "本报讯 近日，又举行。\n"
    )
    assert [a.headline for a in page.articles] == ["第一篇主题", "秋收时节稻谷香"]
    assert warnings(page) == []


# A page whose furniture lists its titles (· 标题) settles a lone short line inside an article.

VISIT = (
    "第一篇主题\n\n近日，县总工会走访困难职工家庭，送去慰问金。\n\n暖心问候\n\n"
    "工作人员详细询问职工的身体和生活情况。\n\n"
)


def test_a_lone_line_the_title_list_leaves_out_is_a_crosshead():
    page = page_of(VISIT + "· 第一篇主题\n")
    [article] = page.articles
    assert article.paragraphs == [
        "近日，县总工会走访困难职工家庭，送去慰问金。",
        "工作人员详细询问职工的身体和生活情况。",
    ]
    assert warnings(page) == [(5, "以下未标记的短行按插题处理，请核对：“暖心问候”")]


def test_a_lone_line_the_title_list_names_is_an_articles_headline():
    page = page_of(VISIT + "· 第一篇主题\n· 暖心问候\n")
    assert [a.headline for a in page.articles] == ["第一篇主题", "暖心问候"]


def test_one_short_line_closing_the_page_under_a_text_belongs_to_no_article():
    page = page_of(FIRST + "职工们很开心。\n\n职工之家\n")
    [article] = page.articles
    assert article.paragraphs == ["近日，活动举行，职工踊跃参加。", "职工们很开心。"]
    assert warnings(page) == [(7, "页面末尾的“职工之家”下面没有正文，不属于任何稿件，未导入")]


PICTURE_PAGE = (
    "职工技能比武现场\n\n"
    "方州市首届职工技能大赛日前在城南落幕，300多名职工同台竞技。\n\n"
    "焊工选手专注操作 记者 王伟 摄\n\n"
    "电工选手接线比拼 记者 王伟 摄\n"
)


def test_a_picture_column_touching_the_headline_is_the_column_not_the_headline():
    page = page_of("图片报道\n" + PICTURE_PAGE)
    assert heads(page) == [("图片报道", None, "职工技能比武现场", None)]
    assert [p.caption for p in page.articles[0].photos] == ["焊工选手专注操作", "电工选手接线比拼"]
    assert warnings(page) == []


def test_a_picture_column_marked_like_a_headline_is_the_column_of_the_marked_headline():
    page = page_of("# 图片报道\n\n# " + PICTURE_PAGE)
    assert heads(page) == [("图片报道", None, "职工技能比武现场", None)]
    assert warnings(page) == []


def test_a_marked_short_line_over_a_marked_headline_is_still_a_headline_of_its_own():
    # Only a line that is a column for sure (a known or bracketed one) is read as the column.
    page = page_of("# 师带徒\n\n本报讯 近日，某厂带出徒弟60余名。\n\n# " + PICTURE_PAGE)
    assert [a.headline for a in page.articles] == ["师带徒", "职工技能比武现场"]


# Text no article takes is never lost silently: its warning quotes a head in the message and
# carries every line of it (a hard break, two spaces, continues a unit on the next line).

CARRIED_OVER = "上接第一版 职工们说起这次技能比武  \n还有许多话没有说完，县总工会将继续跟进。"
CARRIED_LINES = "上接第一版 职工们说起这次技能比武\n还有许多话没有说完，县总工会将继续跟进。"


def left_out(page):
    return [(w.line, w.left_out) for w in page.warnings if w.left_out]


def test_text_carried_over_above_a_plain_pages_first_headline_is_carried_whole():
    page = page_of(CARRIED_OVER + "\n\n" + PLAIN)
    assert [a.headline for a in page.articles] == ["第一篇主题"]
    assert warnings(page) == [
        (1, "版面开头的“上接第一版 职工们说……”不属于任何稿件（可能是转版文字），未导入")
    ]
    assert left_out(page) == [(1, CARRIED_LINES)]


def test_text_carried_over_above_a_marked_pages_banner_is_carried_whole():
    page = page_of(CARRIED_OVER + "\n\n奋进新征程 建功新时代\n\n# 千名工匠同台竞技" + TEXT)
    assert page.topic == "奋进新征程 建功新时代"
    assert warnings(page)[0] == (
        1,
        "版面开头的“上接第一版 职工们说……”不属于任何稿件（可能是转版文字），未导入",
    )
    assert left_out(page) == [(1, CARRIED_LINES)]


def test_a_short_line_closing_the_page_is_carried_whole():
    page = page_of(FIRST + "职工之家服务站点一览表  \n劳模风采专栏往期回顾\n")
    assert [a.headline for a in page.articles] == ["第一篇主题"]
    assert warnings(page) == [
        (5, "页面末尾的“职工之家服务站点一览……”下面没有正文，不属于任何稿件，未导入")
    ]
    assert left_out(page) == [(5, "职工之家服务站点一览表\n劳模风采专栏往期回顾")]


def test_short_lines_closing_the_page_under_a_second_article_are_one_warning_carrying_all():
    page = page_of(
        FIRST + "第二篇主题\n\n本报讯 近日，又举行。\n\n"
        "职工之家服务站点一览  \n劳模风采专栏往期回顾\n\n技能比武专栏往期回顾\n"
    )
    assert [a.headline for a in page.articles] == ["第一篇主题", "第二篇主题"]
    assert [line for line, _ in warnings(page)] == [9]
    assert left_out(page) == [
        (9, "职工之家服务站点一览\n劳模风采专栏往期回顾\n技能比武专栏往期回顾")
    ]


def test_runs_left_out_apart_on_the_page_are_a_warning_each():
    # Two runs, one above the first headline and one closing the page: placed apart by hand.
    page = page_of(
        "近日，县总工会走访困难职工家庭。\n\n工作人员详细询问职工的身体情况。\n\n"
        + FIRST
        + "职工之家服务站点一览\n\n技能比武专栏往期回顾\n"
    )
    assert [a.headline for a in page.articles] == ["第一篇主题"]
    assert sorted(left_out(page)) == [
        (1, "近日，县总工会走访困难职工家庭。\n工作人员详细询问职工的身体情况。"),
        (9, "职工之家服务站点一览\n技能比武专栏往期回顾"),
    ]


def test_short_lines_above_a_headline_group_are_carried_whole():
    page = page_of(
        "甲乙丙丁戊己\n庚辛壬癸行\n引题在此\n第一篇主题\n\n本报讯 近日，活动举行。\n\n"
        "职工之家服务站点一览  \n劳模风采专栏往期回顾\n又一引题行\n第二篇主题\n\n"
        "本报讯 近日，又举行。\n\n· 第一篇主题\n· 第二篇主题\n"
    )
    assert [a.headline for a in page.articles] == ["第一篇主题", "第二篇主题"]
    assert warnings(page) == [(8, "“职工之家服务站点一览……”不属于任何稿件的标题，未导入，请核对")]
    assert left_out(page) == [(8, "职工之家服务站点一览\n劳模风采专栏往期回顾")]


# A page's name printed again under a headline (标题 / 要闻): a running head, never a 副题.


def test_a_common_page_name_under_a_marked_headline_is_no_subheadline():
    page = page_of("# 县总工会开展送清凉活动\n要闻\n本报讯 7月20日，县总工会走访户外劳动者。\n")
    assert heads(page) == [(None, None, "县总工会开展送清凉活动", None)]
    assert page.articles[0].paragraphs == ["7月20日，县总工会走访户外劳动者。"]


def test_a_page_name_over_a_headline_mid_page_is_still_its_column():
    page = page_of(FIRST + "要闻\n\n第二篇主题\n\n本报讯 近日，又举行。\n")
    assert [a.headline for a in page.articles][-1] == "第二篇主题"
    assert page.articles[-1].section == "要闻"


# Two plain title lines, the first short: evidence decides which is the 主题.


def test_a_short_line_ending_in_a_colon_over_the_headline_is_its_kicker():
    page = page_of("喜迎丰收节：\n千名工匠同台竞技展风采\n\n本报讯 近日，技能大赛举行。\n")
    assert heads(page) == [(None, "喜迎丰收节：", "千名工匠同台竞技展风采", None)]
    assert warnings(page) == []


def test_a_line_ending_in_a_comma_inside_the_text_is_no_kicker():
    # 近日， / 新的一段 under a paragraph that does not end: the text broken at a column, not a
    # headline group (the line under it is no headline, nor does a dateline follow).
    page = page_of(FIRST + "据了解，\n活动共吸引职工三百余人参加。\n")
    assert [a.headline for a in page.articles] == ["第一篇主题"]


def test_two_plain_lines_without_evidence_stay_headline_and_subheadline_flagged():
    page = page_of("送清凉\n市总工会为户外劳动者送去防暑降温物品\n\n本报讯 近日，活动举行。\n")
    assert heads(page) == [(None, None, "送清凉", "市总工会为户外劳动者送去防暑降温物品")]
    assert "也可能是引题+主题" in warnings(page)[0][1]


def test_a_footer_repeating_the_long_line_makes_the_short_one_its_kicker():
    page = page_of(
        "送清凉\n市总工会为户外劳动者送去防暑降温物品\n\n本报讯 近日，活动举行。\n\n"
        "某某工人日报 综合 00003 市总工会为户外劳动者送去防暑降温物品 2019-07-21 "
        "nw.D110000zggrb_20190721_3-00003 3 2019年07月21日 星期日\n"
    )
    assert heads(page) == [(None, "送清凉", "市总工会为户外劳动者送去防暑降温物品", None)]


def test_an_unmarked_line_ending_in_a_colon_over_a_marked_headline_is_its_kicker():
    page = page_of(
        "喜迎丰收节：\n# 千名工匠同台竞技展风采\n\n本报讯 近日，技能大赛举行。\n\n"
        "聚焦一线，\n# 夜班职工吃上了热乎饭\n\n本报讯 近日，夜班食堂开张。\n"
    )
    assert heads(page) == [
        (None, "喜迎丰收节：", "千名工匠同台竞技展风采", None),
        (None, "聚焦一线，", "夜班职工吃上了热乎饭", None),
    ]
    assert warnings(page) == []
