"""Names in credits (articles/importing/names.py): pure Python, no database."""

import pytest

from articles.importing.names import (
    is_name_text,
    is_organisation,
    is_surname_start,
    split_names,
)


def split(run, *, after_role=True):
    warnings = []
    return split_names(run, after_role=after_role, warnings=warnings), warnings


def test_a_compound_surname_starts_a_name_even_when_its_first_character_is_no_surname():
    assert is_surname_start("上官婉")
    assert is_surname_start("诸葛明")
    assert not is_surname_start("上海")


@pytest.mark.parametrize("token", ["市总工会", "长兴县总工会", "市工会", "区政府", "县医院"])
def test_organisations_end_in_an_organisation_word(token):
    assert is_organisation(token)


@pytest.mark.parametrize(
    "token",
    [
        "工会",  # the word alone names no organisation
        "中心",
        "李国镇",  # three characters ending in a one-character suffix: a person's name
        "王建华",
        "阿依古丽·买买提",  # a transliterated name: a long part, but no organisation word
    ],
)
def test_a_suffix_alone_or_a_three_character_name_is_no_organisation(token):
    assert not is_organisation(token)


@pytest.mark.parametrize("token", ["王伟", "阿依古丽·买买提"])
def test_chinese_characters_with_a_middle_dot_are_name_text(token):
    assert is_name_text(token)


@pytest.mark.parametrize("token", ["", "Smith", "王伟2", "·买买提"])
def test_empty_latin_digits_or_a_leading_dot_are_not_name_text(token):
    assert not is_name_text(token)


def test_a_name_with_a_middle_dot_is_one_name_up_to_sixteen_characters():
    sixteen = "穆罕默德·阿卜杜热合曼·买买提明"
    assert len(sixteen) == 16
    assert split(sixteen) == ([sixteen], [])
    assert split(sixteen + "江") == (None, [])


def test_a_compound_surname_and_two_characters_is_one_name():
    assert split("欧阳明华", after_role=False) == (["欧阳明华"], [])


def test_four_characters_not_after_a_role_word_are_one_name_flagged():
    assert split("王伟李强", after_role=False) == (
        ["王伟李强"],
        ["“王伟李强”可能是两个人名连写，按一人处理，请核对"],
    )


@pytest.mark.parametrize("run", ["王伟李小强", "欧阳修王伟"])
def test_five_characters_not_after_a_role_word_are_no_name(run):
    assert split(run, after_role=False) == (None, [])


def test_after_a_role_word_a_compound_surname_run_of_five_is_two_names():
    assert split("欧阳修王伟") == (
        ["欧阳修", "王伟"],
        ["“欧阳修王伟”按姓氏拆分为欧阳修、王伟，请核对"],
    )


def test_after_a_role_word_names_are_split_at_their_surnames():
    assert split("王伟李强张小明") == (
        ["王伟", "李强", "张小明"],
        ["“王伟李强张小明”按姓氏拆分为王伟、李强、张小明，请核对"],
    )


def test_after_a_role_word_two_character_names_are_flagged_as_such():
    assert split("王伟李强") == (
        ["王伟", "李强"],
        ["“王伟李强”按两字人名拆分为王伟、李强，请核对"],
    )


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("建华晓燕", ["建华", "晓燕"]),
        ("建华晓燕志强", ["建华", "晓燕", "志强"]),
        ("建华晓燕志强海波", ["建华", "晓燕", "志强", "海波"]),
    ],
)
def test_names_without_a_known_surname_are_read_two_characters_each(run, names):
    assert split(run) == (names, [f"“{run}”按两字人名拆分为{'、'.join(names)}，请核对"])


@pytest.mark.parametrize("run", ["建华晓燕志强海波明亮", "建华晓燕志强明"])
def test_longer_or_odd_runs_without_surnames_are_no_names(run):
    assert split(run) == (None, [])


@pytest.mark.parametrize(
    ("run", "names"),
    [("建华李小强", ["建华", "李小强"]), ("建华强李明", ["建华强", "李明"])],
)
def test_five_characters_split_where_the_one_surname_inside_is(run, names):
    assert split(run) == (names, [f"“{run}”按姓氏拆分为{'、'.join(names)}，请核对"])


@pytest.mark.parametrize("run", ["建华李张明", "建华志强明"])
def test_five_characters_with_two_or_no_surnames_inside_are_no_names(run):
    assert split(run) == (None, [])


def test_a_single_character_is_no_name():
    assert split("王") == (None, [])
