"""A site's page saved or copied as text: its title line, and an article run into one line.

- A saved page may start with its title line, `主题-栏目-网站名` or `主题_网站名` (the site's
  <title>): the 主题 is evidence of which line is the 主题, the column is the article's, and the
  line is no headline part.
- A site that ran its article into one line, or a page that lost its line breaks, is cut where
  the breaks were: after the title and the site's fields, before the dateline, at each gap after
  a sentence and before the editor's field. Every character stays in one of the lines.
"""

import re

from .bylines import MissingName, parse_credit_phrase
from .datelines import split_dateline
from .furniture import furniture_kind, page_header
from .text import han_count, normalise_line

# 标题 来源: 某某网 作者: 甲 编辑: 乙 2013-08-14 某某网讯 正文……
RUN_TOGETHER = re.compile(
    r"^(?P<title>[^\s，。：:,]\S{3,39}?)\s+(?P<meta>来源\s*[：:].{0,80}?\d{4}-\d{1,2}-\d{1,2})"
    r"\s+(?P<rest>\S.{30,})$"
)
# A text this long after a title run into it is a whole article whose line breaks were lost;
# in it, a gap after a sentence was a paragraph break.
RUN_TOGETHER_MIN = 120
RUN_TITLE_MAX = 60
RUN_TITLE_MIN = 4
EDITOR_FIELD = re.compile(r"\s+(?=(?:责任编辑|责编|编辑|审核|来源)\s*[：:])")
FIELD_TOKEN = re.compile(
    r"^(?:(?:来源|稿源|作者|编辑|责任编辑|发布时间|发布日期|时间|日期)[：:]\S*|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}(?::\d{2})?)$"
)
RUN_HEAD_MAX = 160  # characters of a title and the site's fields before the dateline
UNTITLED_PUNCTUATION = re.compile(r"[。，、；：！？,;:!?]")
SENTENCE_GAP = re.compile(r"(?<=[。！？!?…”’」』])\s+(?=\S)")
SITE_FIELD = re.compile(
    r"\s+(?=(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|(?:来源|稿源|作者|编辑|责任编辑"
    r"|发布时间|发布日期|时间)\s*[：:]))"
)
# 县总工会送清凉-工会动态-某某市总工会, 标题_中工网, 标题 | 某某网: a saved page's title line.
SITE_TITLE = re.compile(r"^(?P<title>[^-_|｜]{4,60}?)\s*(?P<separator>[-_|｜])\s*(?P<rest>\S.*)$")
SITE_NAME = re.compile(
    r"(?:网|网站|在线|客户端|新闻|频道|日报|晚报|报|之窗|门户|总工会|工会)$|\.(?:com|cn|net|org)$",
    re.I,
)
SITE_PART_MAX = 20
TITLE_LINE_WITHIN = 4  # lines from the top where a saved page's title line may stand
FURNITURE_WORDS = 8  # words of a masthead or a line of navigation run into a page's one line


def site_title(lines, result):
    """A saved page's title line (县总工会送清凉-工会动态-某某市总工会, 标题_中工网): the 主题, the
    column and the site's name. The 主题 is kept as a title (the evidence of which line is the
    主题) and the column as the article's; the line is no headline part. Returns its index when
    the page prints the 主题 again below (the line is dropped); else the line becomes the 主题."""
    # The title line opens the page, or follows a site's menu and trail printed above it.
    for first in [i for i, line in enumerate(lines) if line][:TITLE_LINE_WITHIN]:
        if "。" in lines[first]:
            return None
        found = _title_line(lines[first])
        if found:
            break
    else:
        return None
    title, parts = found
    result.site_column = parts[0] if len(parts) > 1 else None
    printed = next((line for line in lines[first + 1 :] if _same_title(title, line)), None)
    result.site_title = printed or title
    result.titles.add(result.site_title)
    if printed:
        return first
    lines[first] = title
    return None


def _title_line(line):
    """(主题, [column, site]) for a saved page's title line, else None."""
    if page_header(line):
        return None
    match = SITE_TITLE.match(line)
    if not match:
        return None
    parts = [part.strip() for part in match.group("rest").split(match.group("separator"))]
    title = match.group("title").strip()
    if (
        len(parts) > 3
        or not all(1 < len(part) <= SITE_PART_MAX for part in parts)
        or len(parts[-1]) < 3
        or not SITE_NAME.search(parts[-1])
        or re.search("[。！？!?]", title)
        or han_count(title) < 4
    ):
        return None
    return title, parts


def _same_title(title, line):
    """Whether a line prints the title a page's title line names: the same words (spaces
    aside), the title cut short (县总工会开展送清凉…), or the 主题 when the title line joins it
    with its 副题 (主题 副题)."""
    if han_count(line) < RUN_TITLE_MIN or re.search("[。！？!?]", line):
        return False
    plain_title, plain_line = title.replace(" ", ""), line.replace(" ", "")
    if plain_title == plain_line:
        return True
    cut = title.rstrip("….· ")
    if cut != title and plain_line.startswith(cut.replace(" ", "")):
        return True
    return title.startswith(line + " ")


# 时间:2025-07-24 19:50:00 来源:某某客户端进入七月，……: a site's time and source fields run into
# the text's first sentence, nothing between the source's name and the text.
FIELDS_RUN_IN = re.compile(
    r"^(?P<fields>(?:(?:发布)?时间\s*[：:]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*)?"
    r"来源\s*[：:]\s*)(?P<rest>\S.{16,})$"
)
# A source's name ends in the word for what it is (某某日报, 某某网, 某某客户端) …
SOURCE_NAME = re.compile(
    r"^[^\s，。,、；;：:“”]{1,14}?(?:融媒体中心|客户端|电视台|新闻网|日报|晚报|新闻|融媒|频道|发布|APP|App|app|报|网|社)"
)
# … or, when it does not, the text starts with a word that opens a news sentence.
TEXT_OPENER = re.compile(
    r"近日|日前|近期|连日来|今年|去年|进入|为了|记者|本报讯|昨日|昨天|今天|今日|当天|随着|\d{1,2}月\d{1,2}日"
)
SOURCE_NAME_MAX = 14


def split_fields_run_in(raw):
    """(fields, source, text) for a line whose site fields run into the first sentence, or None.

    The source's name and the text have nothing between them, so where the name ends is a
    reading (a source word ending it, or a word that opens a sentence after it): the caller
    flags it for the editor.
    """
    match = FIELDS_RUN_IN.match(raw.strip())
    if not match or not re.search("[。！？!?]", match.group("rest")):
        return None
    rest = match.group("rest")
    name = SOURCE_NAME.match(rest)
    if name:
        cut = name.end()
    else:
        opener = TEXT_OPENER.search(rest, 1, SOURCE_NAME_MAX + 4)
        if not opener or re.search(r"[，。,、；;：:“”]", rest[: opener.start()]):
            return None
        cut = opener.start()
    source, text = rest[:cut].strip(), rest[cut:].strip()
    if not source or han_count(text) < 2:
        return None
    if _is_credit(re.split(r"[，。,]", text)[0]):
        # 来源:某某日报记者 甲 乙,版权归原作者所有: the source line credits the writers; no text
        # runs into it.
        return None
    return f"{match.group('fields')}{source}", source, text


def _is_credit(text):
    try:
        phrase = parse_credit_phrase(text)
    except MissingName:
        return True
    return bool(phrase and phrase.has_role)


def split_run_together(raw, *, alone=False):
    """A site that ran its article into one line (标题 来源: 某某网 作者: 甲 编辑: 乙 2013-08-14
    某某网讯 正文……): the title, the line of source and date, and the text, as three lines.

    A whole article that lost its line breaks (标题 2019-07-24 来源：某某网 某某网讯（记者 甲）
    正文。 正文。 责任编辑：乙) is cut where the breaks were: before a dateline that follows a
    short title and its site fields, and, in the long text after such a title or in the page's
    only line (`alone`), at each gap after a sentence (a paragraph's lost indent). Nothing is
    dropped: every character stays in one of the lines.
    """
    match = RUN_TOGETHER.match(raw.strip())
    if match:
        return [match.group("title"), match.group("meta"), *_paragraphs_apart(match.group("rest"))]
    text = raw.strip()
    if not text:
        return [raw]
    *head, body = _title_apart(text, alone=alone)
    # A gap after a sentence is a lost break in a page on one line, or in an article whose title
    # was run into it; elsewhere it may be the site's own spacing, left as printed.
    long = alone or (bool(head) and len(body) >= RUN_TOGETHER_MIN)
    if long:
        *fields, body = _fields_apart(body)
        head += fields
    parts = [*head, *(_paragraphs_apart(body) if long else [body])]
    return parts if len(parts) > 1 else [raw]


def _fields_apart(text):
    """来源：某某网 作者：甲 2024-08-02 近日，……: the site's fields opening a run-together text,
    as a line of their own (the furniture drops it), and the text."""
    tokens = text.split(" ")
    count = 0
    while count < len(tokens) - 1 and (
        FIELD_TOKEN.match(tokens[count]) or (count and tokens[count - 1].endswith(("：", ":")))
    ):
        count += 1
    if not count:
        return [text]
    return [" ".join(tokens[:count]), " ".join(tokens[count:])]


def _paragraphs_apart(text):
    """The paragraphs of a text run into one line: a gap after a sentence was a line break, and
    so was one before the site's editor field (通讯员 甲 摄 责任编辑：乙)."""
    parts = [piece for part in SENTENCE_GAP.split(text) for piece in EDITOR_FIELD.split(part)]
    return [part for part in parts if part]


def _title_apart(text, *, alone=False):
    """标题 2019-07-24 来源：某某网 某某网讯（记者 甲）正文: the title, the site's fields and the
    text starting at the dateline, when a dateline follows a short title after a gap. On a page
    that is one line (`alone`), an e-paper's masthead, header and navigation may open it, each
    space in the headline group was a line break, and a short title with no punctuation before
    the first gap is one without a dateline too (标题 近日，……)."""
    gaps = [gap for gap in re.finditer(r"\s+", text) if gap.start() <= RUN_HEAD_MAX]
    for gap in gaps:
        head, rest = text[: gap.start()], text[gap.end() :]
        if split_dateline(normalise_line(rest)) is None:
            continue
        fields = SITE_FIELD.split(head)
        furniture, title = _furniture_apart(fields[0]) if alone else ([], fields[0])
        # On a page that is one line, the spaces in the headline group were its line breaks
        # (引题 主题 ——副题), save those the page prints again (a footer's 主题: 山海协作 同心同行).
        titles = _headline_lines(title, rest) if alone else [title]
        if han_count(title) < 2 or re.search("[。！？!?]", title):
            return [text]
        if any(len(line) > RUN_TITLE_MAX for line in titles):
            return [text]
        return [*furniture, *titles, *(part for part in fields[1:] if part.strip()), rest]
    if alone and gaps:
        head, rest = text[: gaps[0].start()], text[gaps[0].end() :]
        fields = SITE_FIELD.split(head)
        title = normalise_line(fields[0])
        if (
            RUN_TITLE_MIN <= han_count(title) <= RUN_TITLE_MAX
            and not UNTITLED_PUNCTUATION.search(title)
            and re.search("[。！？!?]", rest)
            and split_dateline(title) is None  # 本报杭州10日电 经过……: the dateline, not a title
            and not is_credit_line(title)  # 本报记者王明 近日……
        ):
            return [*(part for part in fields if part.strip()), rest]
    return [text]


def _headline_lines(group, after):
    """The lines of a headline group run into one line: a space was a line break, unless the
    words on both sides of it are printed again with the space in the text after (a footer
    repeating the 主题)."""
    lines = []
    for word in group.split():
        if lines and f"{lines[-1]} {word}" in after:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _furniture_apart(head):
    """([furniture lines], the rest) for the words opening a page run into one line: an
    e-paper's masthead, page header and navigation (某某日报 数字报纸 00003版:区域新闻 上一版 …),
    each run of words the furniture rules know as one line of its own."""
    tokens = head.split()
    lines, start = [], 0
    while start < len(tokens) - 1:
        end = next(
            (
                end
                for end in range(min(len(tokens) - 1, start + FURNITURE_WORDS), start, -1)
                if furniture_kind(normalise_line(" ".join(tokens[start:end])))
            ),
            None,
        )
        if end is None:
            break
        lines.append(" ".join(tokens[start:end]))
        start = end
    return lines, " ".join(tokens[start:])


def is_credit_line(line):
    """Whether a line is a credit with a role word or an ending (记者 甲, 甲 摄)."""
    try:
        phrase = parse_credit_phrase(line)
    except MissingName:
        return False
    return bool(phrase and (phrase.has_role or phrase.terminal))
