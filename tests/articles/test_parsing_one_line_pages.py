"""A site's article run into one line, cut where its line breaks were, as an editor would
print it again: masthead and navigation, the headline group line by line, the site's fields,
the dateline's paragraph, each paragraph after a sentence's gap."""

import pytest

from articles.importing.site_pages import split_run_together

FIRST = "近日，县总工会开展送清凉活动。"
SECOND = "活动中，工作人员为一线职工送去防暑用品。"
HEADLINE = "县总工会送清凉"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            f"县总工会送清凉 来源：某某网 作者：高远 2024-08-02 {FIRST} {SECOND}",
            ["县总工会送清凉", "来源：某某网 作者：高远 2024-08-02", FIRST, SECOND],
        ),
        # Fields with a gap after the colon, or a half-width colon: the name is the field's.
        (
            f"县总工会送清凉 来源： 某某网 作者： 高远 {FIRST} {SECOND}",
            ["县总工会送清凉", "来源： 某某网 作者： 高远", FIRST, SECOND],
        ),
        (
            f"县总工会送清凉 作者: 高远 {FIRST} {SECOND}",
            ["县总工会送清凉", "作者: 高远", FIRST, SECOND],
        ),
        # Fields and no title before them.
        (
            f"来源：某某网 作者：高远 2024-08-02 {FIRST}",
            ["来源：某某网 作者：高远 2024-08-02", FIRST],
        ),
        # An e-paper's masthead, page header and navigation, then the headline group.
        (
            f"某某日报 数字报纸 00003版:区域新闻 上一版 下一版 {HEADLINE} 本报讯 {FIRST} {SECOND}",
            [
                "某某日报 数字报纸",
                "00003版:区域新闻 上一版 下一版",
                "县总工会送清凉",
                f"本报讯 {FIRST}",
                SECOND,
            ],
        ),
        (
            f"高温下的关怀 县总工会送清凉 ——走访一线职工 本报讯 {FIRST} {SECOND}",
            ["高温下的关怀", "县总工会送清凉", "——走访一线职工", f"本报讯 {FIRST}", SECOND],
        ),
        # A short title with no dateline after it; a title of four characters.
        (f"县总工会送清凉 {FIRST} {SECOND}", ["县总工会送清凉", FIRST, SECOND]),
        (f"职工书屋 {FIRST}", ["职工书屋", FIRST]),
        # Two characters, or a credit, before the first gap are no title.
        (f"职工 {FIRST}", [f"职工 {FIRST}"]),
        (f"本报记者 高远 {FIRST} {SECOND}", [f"本报记者 高远 {FIRST}", SECOND]),
    ],
)
def test_a_page_on_one_line_is_cut_where_its_breaks_were(line, expected):
    assert split_run_together(line, alone=True) == expected


def test_on_a_page_of_many_lines_a_gap_after_a_sentence_is_the_sites_own_spacing():
    line = f"县总工会送清凉 本报讯 {FIRST} {SECOND}"
    assert split_run_together(line) == ["县总工会送清凉", f"本报讯 {FIRST} {SECOND}"]
