"""Bylines (articles/importing/bylines.py): who a printed credit names, in which role, for text
or photos. Pure Python; the forms seen on whole pages are in test_parsing.py."""

import pytest

from articles.importing.bylines import MissingName, parse_credit_phrase


def credits(credits):
    return [(c.name, c.role, c.organisation, c.unit) for c in credits]


def test_a_unit_and_its_person_credited_for_text_and_photos_keep_the_unit_in_both():
    phrase = parse_credit_phrase("□长兴县总工会 王伟 摄影报道")
    assert credits(phrase.text_credits) == [("王伟", "作者", False, "长兴县总工会")]
    assert credits(phrase.photo_credits) == [("王伟", "摄影", False, "长兴县总工会")]


def test_an_organisation_credited_for_text_and_photos_stays_an_organisation_in_both():
    phrase = parse_credit_phrase("（长兴县总工会 摄影报道）")
    assert credits(phrase.text_credits) == [("长兴县总工会", "作者", True, None)]
    assert credits(phrase.photo_credits) == [("长兴县总工会", "摄影", True, None)]


def test_an_organisation_after_a_photo_slash_took_the_photos():
    phrase = parse_credit_phrase("图/长兴县总工会")
    assert phrase.text_credits == []
    assert credits(phrase.photo_credits) == [("长兴县总工会", "摄影", True, None)]


def test_an_organisation_after_a_role_word_keeps_that_role():
    phrase = parse_credit_phrase("通讯员 长兴县总工会")
    assert credits(phrase.text_credits) == [("长兴县总工会", "通讯员", True, None)]


def test_a_role_word_at_the_end_without_a_name_is_refused_naming_it():
    with pytest.raises(MissingName) as refused:
        parse_credit_phrase("记者 王伟 通讯员")
    assert refused.value.role == "通讯员"
    assert str(refused.value) == "署名中的“通讯员”后面没有姓名"


def test_names_run_together_after_a_role_word_are_split():
    phrase = parse_credit_phrase("记者 王伟李强")
    assert credits(phrase.text_credits) == [
        ("王伟", "记者", False, None),
        ("李强", "记者", False, None),
    ]
    assert phrase.warnings == ["“王伟李强”按两字人名拆分为王伟、李强，请核对"]


def test_a_four_character_name_with_a_compound_surname_printed_alone_is_a_credit():
    phrase = parse_credit_phrase("欧阳明华")
    assert credits(phrase.text_credits) == [("欧阳明华", "作者", False, None)]


def test_a_name_spaced_to_width_after_a_role_word_is_one_name_whatever_its_surname():
    phrase = parse_credit_phrase("记者 建 华")
    assert credits(phrase.text_credits) == [("建华", "记者", False, None)]


@pytest.mark.parametrize("text", ["图 片 报道", "建 华 摄"])
def test_spaced_characters_before_a_credit_word_need_a_known_surname(text):
    assert parse_credit_phrase(text) is None


def test_a_doubled_separator_is_read_as_one():
    phrase = parse_credit_phrase("王伟、/李强 摄")
    assert [c.name for c in phrase.photo_credits] == ["王伟", "李强"]


@pytest.mark.parametrize("text", ["王瑞/文", "王瑞／文", "文/王瑞", "文／王瑞"])
def test_text_slash_forms_with_half_or_full_width_slashes(text):
    phrase = parse_credit_phrase(text)
    assert credits(phrase.text_credits) == [("王瑞", "作者", False, None)]
    assert phrase.photo_credits == []


@pytest.mark.parametrize("text", ["摄影:王伟", "摄影：王伟", "摄/王伟", "摄／王伟", "图：王伟"])
def test_photo_role_words_before_a_slash_or_colon_credit_the_photos(text):
    phrase = parse_credit_phrase(text)
    assert phrase.text_credits == []
    assert credits(phrase.photo_credits) == [("王伟", "摄影", False, None)]


def test_role_words_glued_to_the_names_each_start_a_credit():
    phrase = parse_credit_phrase("记者王伟通讯员李强")
    assert credits(phrase.text_credits) == [
        ("王伟", "记者", False, None),
        ("李强", "通讯员", False, None),
    ]


def test_names_run_together_before_a_credit_word_are_split():
    phrase = parse_credit_phrase("王伟李强 摄")
    assert [c.name for c in phrase.photo_credits] == ["王伟", "李强"]


def test_names_run_together_after_a_marker_are_split():
    phrase = parse_credit_phrase("■王伟李强")
    assert [c.name for c in phrase.text_credits] == ["王伟", "李强"]


def test_an_organisation_after_a_marker_is_a_credit():
    phrase = parse_credit_phrase("□长兴县总工会")
    assert credits(phrase.text_credits) == [("长兴县总工会", "作者", True, None)]


def test_short_names_in_brackets_are_names_without_a_known_surname():
    phrase = parse_credit_phrase("（单明铭 建华）")
    assert [c.name for c in phrase.text_credits] == ["单明铭", "建华"]


@pytest.mark.parametrize("text", ["（白马湖畔 建华）", "（建华 通讯员 李强）"])
def test_brackets_with_a_phrase_or_a_role_word_inside_are_no_list_of_names(text):
    assert parse_credit_phrase(text) is None


@pytest.mark.parametrize("text", ["（建华 摄）", "■建华 摄"])
def test_a_name_in_brackets_or_after_a_marker_before_a_credit_word_needs_no_surname(text):
    phrase = parse_credit_phrase(text)
    assert credits(phrase.photo_credits) == [("建华", "摄影", False, None)]


def test_after_a_role_word_a_name_before_a_credit_word_needs_no_surname():
    phrase = parse_credit_phrase("记者 建华 报道")
    assert credits(phrase.text_credits) == [("建华", "记者", False, None)]


@pytest.mark.parametrize(("text", "terminal"), [("本报记者 摄", "摄"), ("本报记者 文/摄", "文/摄")])
def test_an_unnamed_photo_credit_is_flagged_and_covers_the_photos(text, terminal):
    phrase = parse_credit_phrase(text)
    assert (phrase.credits, phrase.anonymous, phrase.terminal) == ([], "本报记者", terminal)
    assert phrase.has_role is True
    assert phrase.covers_photos
    assert phrase.warnings == ["署名“本报记者”没有姓名，未记入署名，请核对"]


def test_an_unnamed_text_credit_does_not_cover_the_photos():
    phrase = parse_credit_phrase("本报记者 报道")
    assert (phrase.anonymous, phrase.terminal, phrase.covers_photos) == ("本报记者", "报道", False)


@pytest.mark.parametrize("text", ["（长兴县报道组 王伟）", "长兴县报道组王伟"])
def test_a_county_reporting_team_before_a_name_is_the_persons_unit(text):
    phrase = parse_credit_phrase(text)
    assert credits(phrase.text_credits) == [("王伟", "作者", False, "长兴县报道组")]
    assert phrase.has_role is False


def test_a_reporting_team_in_brackets_is_credited_as_an_organisation():
    phrase = parse_credit_phrase("（长兴县报道组）")
    assert credits(phrase.text_credits) == [("长兴县报道组", "作者", True, None)]


def test_a_reporting_team_printed_alone_is_no_credit():
    assert parse_credit_phrase("长兴县报道组") is None


def test_a_paper_in_brackets_is_credited_as_an_organisation():
    phrase = parse_credit_phrase("（人民日报社）")
    assert credits(phrase.text_credits) == [("人民日报社", "作者", True, None)]


@pytest.mark.parametrize("text", ["（摄影报道）", "（图文报道）", "■摄影报道", "（摄影）", "■供图"])
def test_a_credit_word_with_no_name_before_it_credits_nobody(text):
    assert parse_credit_phrase(text) is None


@pytest.mark.parametrize("text", ["改造后的公园步道 赵敏 摄", "（改造后的公园步道 赵敏 摄）"])
def test_a_long_run_before_a_name_with_no_role_word_is_no_name(text):
    # A name is two to four characters; eight before the photographer's are a caption's words.
    assert parse_credit_phrase(text) is None


def test_photo_after_a_name_and_before_another_is_that_ones_role_word():
    phrase = parse_credit_phrase("记者 王伟 摄影 李强")
    assert credits(phrase.text_credits) == [("王伟", "记者", False, None)]
    assert credits(phrase.photo_credits) == [("李强", "摄影", False, None)]
