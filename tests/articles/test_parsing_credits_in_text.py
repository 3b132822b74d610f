"""Credits inside paragraphs, as an editor reads them: after the dateline, after the last
sentence, glued to a caption. Each expected credit is written from the printed form."""

import pytest

from articles.importing.bylines import MissingName, parse_credit_phrase
from articles.importing.credits_in_text import (
    is_sure_caption,
    split_caption_credit,
    split_leading_credit,
    split_trailing_credit,
)
from articles.importing.parsing import parse_page
from tests.articles.conftest import people

TEXT = "昨日下午，全县总结表彰大会召开，十名职工获表彰。"


def lead_of(page_text):
    [article] = parse_page(page_text, "p.txt", 1).articles
    return article.dateline, people(article.people), article.body


def lead_and_warnings_of(page_text):
    page = parse_page(page_text, "p.txt", 1)
    [article] = page.articles
    warnings = [(w.line, w.message) for w in page.warnings]
    return article.dateline, people(article.people), article.body, warnings


# -- after the dateline -----------------------------------------------------------------------


def test_a_dateline_and_credits_on_a_line_of_their_own_credit_everyone_named():
    # Five words split by spaces, like a site's menu line: the dateline says it is the lead.
    page = f"全县表彰十名职工先进\n\n本报讯 记者 高远 通讯员 钟林\n\n{TEXT}\n"
    assert lead_of(page) == ("本报讯", [("高远", "记者"), ("钟林", "通讯员")], TEXT)


def test_a_reporter_named_alone_on_the_dateline_line_is_no_part_of_the_text():
    page = f"全县表彰十名职工先进\n\n本报讯 记者 高远\n\n{TEXT}\n"
    assert lead_of(page) == ("本报讯", [("高远", "记者")], TEXT)


@pytest.mark.parametrize(
    ("credit", "named", "unnamed"),
    [
        ("记者 高远 通讯员", [("高远", "记者")], "通讯员"),
        ("记者 通讯员 钟林", [("钟林", "通讯员")], "记者"),
    ],
)
def test_a_role_left_without_its_name_after_the_dateline_is_flagged_not_left_in_the_text(
    credit, named, unnamed
):
    # The site dropped one name of the credit line; the role word was left at the start of
    # the first paragraph (and 钟林, after the unnamed 记者, was not credited).
    page = f"全县表彰十名职工先进\n\n本报讯 {credit} {TEXT}\n"
    assert lead_and_warnings_of(page) == (
        "本报讯",
        named,
        TEXT,
        [(3, f"署名中的“{unnamed}”后面没有姓名，未记入署名，请核对")],
    )


def test_a_role_without_its_name_after_the_dateline_is_refused_unless_flagging_is_asked():
    for lead in (f"（记者 通讯员 钟林）{TEXT}", f"记者通讯员钟林 {TEXT}"):
        with pytest.raises(MissingName):
            split_leading_credit(lead, after_dateline=True)
        phrase, rest = split_leading_credit(lead, after_dateline=True, flag_unnamed=True)
        assert (people(phrase.text_credits), phrase.warnings, rest) == (
            [("钟林", "通讯员")],
            ["署名中的“记者”后面没有姓名，未记入署名，请核对"],
            TEXT,
        )


def test_a_text_opening_with_the_word_reporter_after_a_spaced_credit_keeps_it():
    # 记者 昨日从…获悉: the text's first words, not a second reporter whose name was lost; the
    # same with flagging after a dateline, where a different role left unnamed is flagged.
    lead = "记者 高远 记者 昨日从县总工会获悉，全县十名职工获表彰。"
    for after_dateline, flag_unnamed in ((False, True), (True, False), (True, True)):
        phrase, rest = split_leading_credit(
            lead, after_dateline=after_dateline, flag_unnamed=flag_unnamed
        )
        assert (people(phrase.text_credits), rest) == (
            [("高远", "记者")],
            "记者 昨日从县总工会获悉，全县十名职工获表彰。",
        )


def test_the_role_word_of_the_credited_reporter_opening_the_text_stays_in_the_text():
    # 本报讯 记者 甲 记者 昨日…: the reporter speaks of themself; nothing is lost from the text,
    # and no second reporter is missing a name.
    body = "记者 昨日从县总工会获悉，全县十名职工获表彰。"
    page = f"全县表彰十名职工先进\n\n本报讯 记者 高远 {body}\n"
    assert lead_and_warnings_of(page) == ("本报讯", [("高远", "记者")], body, [])


def test_a_bracketed_credit_without_a_dateline_leaves_out_the_sites_editor():
    # (记者 甲 编辑：乙): a web reprint names its editor after the reporter; 王芳 edited it.
    phrase, rest = split_leading_credit(f"（记者 高远 编辑：王芳）{TEXT}", after_dateline=False)
    assert (people(phrase.text_credits), rest) == ([("高远", "记者")], TEXT)


def test_a_credit_paragraph_with_nothing_after_it_is_the_whole_credit():
    phrase, rest = split_leading_credit("记者 高远 通讯员 钟林", after_dateline=True)
    assert people(phrase.text_credits) == [("高远", "记者"), ("钟林", "通讯员")]
    assert rest == ""


def test_a_date_after_the_credit_starts_the_text():
    phrase, rest = split_leading_credit(
        "记者 高远 10月8日 全县总结表彰大会召开。", after_dateline=True
    )
    assert people(phrase.text_credits) == [("高远", "记者")]
    assert rest == "10月8日 全县总结表彰大会召开。"


def test_two_names_in_brackets_after_the_dateline_are_both_writers():
    phrase, rest = split_leading_credit(f"(高远 长河){TEXT}", after_dateline=True)
    assert people(phrase.text_credits) == [("高远", "作者"), ("长河", "作者")]
    assert rest == TEXT


def test_words_in_brackets_after_the_dateline_that_name_nobody_are_no_credit():
    assert split_leading_credit("(昨日下午)会议召开。", after_dateline=True) is None


# -- after the last sentence -------------------------------------------------------------------


def test_a_date_in_brackets_after_the_last_sentence_is_no_writer():
    assert split_trailing_credit("会上表彰了十名先进。(10月8日)") is None


def test_an_unclosed_bracketed_credit_ends_an_indented_paragraph():
    text, phrase, glued = split_trailing_credit(
        "\u3000\u3000会上表彰了十名先进。(记者 高远 通讯员 钟林"
    )
    assert text == "\u3000\u3000会上表彰了十名先进。"
    assert people(phrase.text_credits) == [("高远", "记者"), ("钟林", "通讯员")]
    assert not glued


def test_an_unclosed_bracketed_credit_after_a_space_ends_the_paragraph():
    text, phrase, _ = split_trailing_credit("会上表彰了十名先进。 (记者 高远 通讯员 钟林")
    assert text == "会上表彰了十名先进。"
    assert people(phrase.text_credits) == [("高远", "记者"), ("钟林", "通讯员")]


def test_an_unclosed_bracket_inside_a_sentence_is_no_credit():
    assert split_trailing_credit("会上表彰了十名先进(记者 高远 通讯员 钟林") is None


def test_a_bracketed_credit_with_a_role_and_no_name_is_refused_unless_flagging_is_asked():
    paragraph = "会上表彰了十名先进。（记者 通讯员 钟林）"
    with pytest.raises(MissingName):
        split_trailing_credit(paragraph)
    text, phrase, glued = split_trailing_credit(paragraph, flag_unnamed=True)
    assert (text, people(phrase.text_credits), phrase.warnings, glued) == (
        "会上表彰了十名先进。",
        [("钟林", "通讯员")],
        ["署名中的“记者”后面没有姓名，未记入署名，请核对"],
        False,
    )


def test_a_photo_credit_after_the_last_sentence_of_an_indented_paragraph_keeps_the_indent():
    text, phrase, _ = split_trailing_credit("\u3000\u3000会上表彰了十名先进。钟林 摄")
    assert (text, people(phrase.photo_credits)) == (
        "\u3000\u3000会上表彰了十名先进。",
        [("钟林", "摄影")],
    )


def test_a_credit_after_the_last_sentence_with_a_role_left_unnamed_is_read_when_flagging():
    paragraph = "附近居民说，公园变漂亮了，每天都来散步。记者 王伟 通讯员 摄"
    assert split_trailing_credit(paragraph) is None
    text, phrase, glued = split_trailing_credit(paragraph, flag_unnamed=True)
    assert (text, people(phrase.photo_credits), phrase.text_credits, glued) == (
        "附近居民说，公园变漂亮了，每天都来散步。",
        [("王伟", "记者")],
        [],
        False,
    )
    assert phrase.warnings == ["署名中的“通讯员”后面没有姓名，未记入署名，请核对"]


@pytest.mark.parametrize("tail", ["记者 通讯员", "记者 王伟 通讯员", "记者 通讯员 摄"])
def test_words_after_the_last_sentence_naming_nobody_or_ending_in_no_credit_word_are_no_credit(
    tail,
):
    # A role word with no name is flagged only inside a credit that names someone and ends
    # in its credit word (摄, 报道): otherwise the words may be the text's own.
    assert split_trailing_credit(f"会上表彰了十名先进。{tail}", flag_unnamed=True) is None


def test_a_photo_credit_glued_after_the_last_paragraph_with_a_role_left_unnamed_ends_it():
    text = (
        "城南公园改造完工\n\n"
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n\n"
        "附近居民说，公园变漂亮了，每天都来散步。记者 王伟 通讯员 摄\n"  # line 5
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert article.paragraphs == [
        "经过半年施工，城南公园改造工程日前完工，新增步道三公里。",
        "附近居民说，公园变漂亮了，每天都来散步。",
    ]
    assert [people(photo.credits) for photo in article.photos] == [[("王伟", "记者")]]
    assert article.notes == []
    assert [(w.line, w.message) for w in page.warnings] == [
        (5, "署名中的“通讯员”后面没有姓名，未记入署名，请核对")
    ]


def test_a_paragraph_without_a_sentence_end_has_no_credit_after_it():
    assert split_trailing_credit("高远") is None


def test_a_name_glued_after_a_closing_quote_is_the_writer_flagged():
    text, phrase, glued = split_trailing_credit("他说：“会上表彰了十名先进。”钟林")
    assert text == "他说：“会上表彰了十名先进。”"
    assert people(phrase.text_credits) == [("钟林", "作者")]
    assert glued


def test_a_name_glued_after_a_closing_bracket_is_the_writer_flagged():
    text, phrase, glued = split_trailing_credit("（会上表彰了十名先进。）钟林")
    assert text == "（会上表彰了十名先进。）"
    assert people(phrase.text_credits) == [("钟林", "作者")]
    assert glued


def test_a_photo_credit_after_the_last_sentence_is_printed_so_not_glued():
    text, phrase, glued = split_trailing_credit("会上表彰了十名先进。钟林 摄")
    assert (text, people(phrase.photo_credits), glued) == (
        "会上表彰了十名先进。",
        [("钟林", "摄影")],
        False,
    )
    _, phrase, glued = split_trailing_credit("会上表彰了十名先进。县总工会 供图")
    assert [(c.name, c.role) for c in phrase.photo_credits] == [("县总工会", "供图")]
    assert not glued


def test_a_credit_of_thirty_characters_after_the_last_sentence_is_split_off():
    credit = "本报记者 高远 王芳 通讯员 钟林 张强 实习生 陈静 杨帆"
    assert len(credit) == 30
    text, phrase, _ = split_trailing_credit(f"会上表彰了十名先进。{credit}")
    assert text == "会上表彰了十名先进。"
    assert people(phrase.text_credits) == [
        ("高远", "本报记者"),
        ("王芳", "本报记者"),
        ("钟林", "通讯员"),
        ("张强", "通讯员"),
        ("陈静", "实习生"),
        ("杨帆", "实习生"),
    ]


def test_a_longer_tail_after_the_last_sentence_stays_text():
    tail = "本报记者 高远 王芳 通讯员 钟林 张强 实习生 欧阳陈静 摄"
    assert len(tail) == 31
    assert split_trailing_credit(f"会上表彰了十名先进。{tail}") is None


# -- glued to a caption ------------------------------------------------------------------------


def test_a_caption_with_a_full_stop_is_text_not_a_credited_caption():
    assert split_caption_credit("会议现场。大家认真听讲 李明 摄") is None
    assert split_caption_credit("会议现场。大家认真听讲 本报记者 李明 摄") is None


def test_a_caption_credited_after_a_space_is_not_sure_to_be_one_a_bracketed_credit_is():
    # Only a bracketed credit or 图： marks a caption wherever it stands; after a space, the
    # last words of a line of text can read as a credit too.
    assert split_caption_credit("公园步道 本报记者 赵敏 摄")
    assert not is_sure_caption("公园步道 本报记者 赵敏 摄")
    assert is_sure_caption("公园步道（本报记者 赵敏 摄）")


def test_a_caption_with_its_source_after_tu_credits_the_role_and_name_printed():
    caption, phrase = split_caption_credit("职工书屋一角 图：本报记者高远")
    assert (caption, [(c.name, c.role) for c in phrase.photo_credits]) == (
        "职工书屋一角",
        [("高远", "本报记者")],
    )


def test_a_caption_of_four_characters_takes_the_credit_after_it():
    caption, phrase = split_caption_credit("公园步道 本报记者 赵敏 摄")
    assert (caption, [(c.name, c.role) for c in phrase.photo_credits]) == (
        "公园步道",
        [("赵敏", "本报记者")],
    )


def test_a_caption_credited_to_no_named_photographer_keeps_its_words():
    assert split_caption_credit("会议现场 记者 摄") is None
    assert split_caption_credit("会议现场 本报 摄") is None
    assert split_caption_credit("会议现场 图：本报记者") is None
    assert split_caption_credit("职工书屋里的读书会（张记者）") is None


# -- in traditional characters -----------------------------------------------------------------


def test_a_name_printed_in_traditional_characters_with_a_space_keeps_its_characters():
    # 記者 張 強: the parser reads the surname as 张 but records the name as printed.
    phrase = parse_credit_phrase("記者 張 強 通訊員 劉 偉")
    assert people(phrase.text_credits) == [("張強", "记者"), ("劉偉", "通讯员")]


def test_a_unit_printed_in_traditional_characters_is_the_contributors_unit():
    # 通訊員 溫州市總工會 張強: one contributor, 張強, of the 溫州市總工會 (not four names).
    [credit] = parse_credit_phrase("通訊員 溫州市總工會 張強").text_credits
    assert (credit.name, credit.role, credit.unit) == ("張強", "通讯员", "溫州市總工會")


def test_a_writer_under_a_job_title_is_credited_with_the_title_and_no_review_warning():
    page = parse_page(
        f"全县表彰十名职工先进\n\n某某日报社党委书记、社长 孙立平\n\n{TEXT}\n", "p.txt", 1
    )
    [article] = page.articles
    assert people(article.people) == [("孙立平", "某某日报社党委书记、社长")]
    assert page.warnings == []  # the title is printed as the role: nothing to check
