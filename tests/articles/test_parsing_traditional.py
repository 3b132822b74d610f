"""Words in traditional characters are recognised, and names keep the characters printed."""

from articles.importing.traditional import as_printed, recognisable


def test_role_words_unit_words_and_surnames_are_recognised_one_character_for_one():
    printed = "通訊員 溫州市總工會 張強"
    mapped = recognisable(printed)
    assert mapped.startswith("通讯员 ")
    assert "总工会" in mapped
    assert len(mapped) == len(printed)  # every offset holds: names are cut from the printed text


def test_a_name_found_in_the_recognised_text_is_given_back_as_printed():
    printed = "記者 張強 攝"
    assert as_printed("张強", recognisable(printed), printed) == "張強"


def test_a_name_printed_twice_is_given_back_as_printed_the_first_time():
    # A line that names one person twice, first in traditional then in simplified characters:
    # the credit is read at the first, and keeps its characters.
    printed = "張強 张强"
    mapped = "张强 张强"
    assert as_printed("张强", mapped, printed) == "張強"


def test_a_name_printed_with_a_space_inside_keeps_its_characters_without_the_space():
    printed = "記者 張 強"
    assert as_printed("張強", recognisable(printed), printed) == "張強"


def test_text_with_nothing_to_recognise_is_its_own_printed_form():
    assert as_printed("王伟", "记者 王伟", "记者 王伟") == "王伟"
