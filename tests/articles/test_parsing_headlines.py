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
    # Further down the page they belong to no article: each is flagged where it stands.
    assert [(w.line, w.message) for w in page.warnings] == [
        (8, "“庚辛壬癸行”不属于任何稿件的标题，未导入，请核对"),
        (9, "“子丑寅卯行”不属于任何稿件的标题，未导入，请核对"),
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
