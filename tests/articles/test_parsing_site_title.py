"""A saved page's title line (主题-栏目-网站名), as an editor reads it: which words are the 主题,
which the column; and lines that only look like one."""

import pytest

from articles.importing.page_lines import read_lines

TEXT = "近日，县总工会开展送清凉活动。"


def title_and_column(*lines):
    result = read_lines("\n\n".join([*lines, TEXT]) + "\n")
    return result.site_title, result.site_column


def lines_read(*lines):
    """The page's lines after its title line: the title line is dropped when the page prints
    its 主题 again, and is the 主题 itself when it does not."""
    return [unit.text for unit in read_lines("\n\n".join([*lines, TEXT]) + "\n").units]


@pytest.mark.parametrize(
    ("title_line", "printed", "expected"),
    [
        # A column and a sub-column before the site's name: the column is the first.
        (
            "县总工会送清凉-工会动态-要闻-某某市总工会",
            "县总工会送清凉",
            ("县总工会送清凉", "工会动态"),
        ),
        # A column of two characters, and one of twenty, are columns.
        ("县总工会送清凉-要闻-某某市总工会", "县总工会送清凉", ("县总工会送清凉", "要闻")),
        (
            "县总工会送清凉-全省各市县区总工会工作动态与基层工会信息-某某市总工会",
            "县总工会送清凉",
            ("县总工会送清凉", "全省各市县区总工会工作动态与基层工会信息"),
        ),
        # A 主题 of four characters.
        ("职工书屋-工会动态-某某市总工会", "职工书屋", ("职工书屋", "工会动态")),
        # The title line cuts the 主题 short; the page prints it whole.
        (
            "县总工会开展送清凉…-工会动态-某某市总工会",
            "县总工会开展送清凉慰问活动",
            ("县总工会开展送清凉慰问活动", "工会动态"),
        ),
        # The page prints the 主题 with a space the title line does not have.
        (
            "县总工会开展送清凉慰问活动-工会动态-某某市总工会",
            "县总工会 开展送清凉慰问活动",
            ("县总工会 开展送清凉慰问活动", "工会动态"),
        ),
    ],
)
def test_a_title_line_names_the_headline_and_the_column(title_line, printed, expected):
    assert title_and_column(title_line, printed) == expected
    assert lines_read(title_line, printed) == [printed, TEXT]


def test_the_headline_the_title_line_cuts_short_is_found_under_a_kicker():
    title_line = "县总工会 开展送清凉…-工会动态-某某市总工会"
    assert title_and_column(title_line, "高温下的关怀", "县总工会开展送清凉慰问活动") == (
        "县总工会开展送清凉慰问活动",
        "工会动态",
    )
    assert lines_read(title_line, "高温下的关怀", "县总工会开展送清凉慰问活动") == [
        "高温下的关怀",
        "县总工会开展送清凉慰问活动",
        TEXT,
    ]


def test_a_sentence_starting_with_the_cut_title_is_text_not_the_headline():
    title_line = "县总工会开展送清凉…-工会动态-某某市总工会"
    opening = "县总工会开展送清凉慰问活动，走访一线职工。"
    # The page prints no 主题 of its own: the title line's is the headline.
    assert title_and_column(title_line, opening) == ("县总工会开展送清凉…", "工会动态")
    assert lines_read(title_line, opening) == ["县总工会开展送清凉…", opening, TEXT]


@pytest.mark.parametrize(
    "title_line",
    [
        "县总工会送清凉-工会动态-要闻-本地-某某市总工会",  # four parts after it: a trail
        "县总工会送清凉-图-某某市总工会",  # a part of one character is no column
        "县总工会送清凉！-工会动态-某某市总工会",  # an exclamation: a sentence
    ],
)
def test_a_line_that_only_looks_like_a_title_line_is_none(title_line):
    assert title_and_column(title_line, "县总工会送清凉") == (None, None)


def test_a_title_line_under_the_texts_first_sentence_is_no_title_line():
    assert title_and_column(TEXT, "县总工会送清凉-工会动态-某某市总工会") == (None, None)


def test_the_headline_printed_on_the_line_right_under_the_title_line_is_found():
    page = f"县总工会送清凉-工会动态-某某市总工会\n县总工会送清凉\n{TEXT}\n"
    result = read_lines(page)
    assert (result.site_title, result.site_column) == ("县总工会送清凉", "工会动态")
    assert [unit.text for unit in result.units] == ["县总工会送清凉", TEXT]
