"""Datelines (电头/讯头) as an editor reads them: the dateline, its place, and the text after it."""

import pytest

from articles.importing.datelines import split_dateline

TEXT = "近日，全县总结表彰大会召开。"


@pytest.mark.parametrize(
    ("paragraph", "dateline", "place", "rest"),
    [
        (f"本报讯：{TEXT}", "本报讯", None, TEXT),
        # A trade paper's province and place.
        (f"辽宁营口讯 {TEXT}", "辽宁营口讯", "辽宁营口", TEXT),
        # 消息 after a site's name with a date, or after a magazine's name.
        (f"某某网10月8日消息 {TEXT}", "某某网10月8日消息", None, TEXT),
        (f"中国报道消息 {TEXT}", "中国报道消息", None, TEXT),
        # A role word straight after the date: the credit, not part of the dateline.
        (
            f"本报杭州10月8日讯记者 高远 {TEXT}",
            "本报杭州10月8日讯",
            "杭州",
            f"记者 高远 {TEXT}",
        ),
    ],
)
def test_a_dateline_gives_its_place_and_the_text_after_it(paragraph, dateline, place, rest):
    found = split_dateline(paragraph)
    assert (found.text, found.place, found.rest) == (dateline, place, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        f"本报消息 {TEXT}",  # 消息 with neither a date nor a site's name
        f"本报杭州10月8日讯{TEXT}",  # no gap after the date: the words run on
        f"本报杭州讯{TEXT}",
        f"本报10月8日讯{TEXT}",
    ],
)
def test_words_that_only_look_like_a_dateline_are_none(paragraph):
    assert split_dateline(paragraph) is None
