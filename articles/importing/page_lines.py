"""A page's lines, read: its header, furniture and footers taken out, the rest as units.

1. Each line is tidied (`normalise_line`), a table's borders (|) at its ends dropped, and a
   credit under a site's label (作者: 本报记者甲/摄) kept without the label. A line ending in two
   spaces (a Markdown hard break) continues on the next line: a headline, 副题 or banner
   printed over two lines is one unit. A site's article run into one line is cut where its
   breaks were, and a saved page's title line read (see `site_pages`); a site's 作者: field is
   kept for a page whose text credits nobody.
2. The page number and name come from the first header line in any of the forms `furniture`
   knows, or from `出版日期:` followed by a name line and a number line, or from the footer.
3. Furniture is dropped (see `furniture`), and so are lines printed at the top or bottom of most
   pages of the issue, and the page's name printed again under a headline (标题 / 要闻). A
   site's menu or slogans sitting among the furniture above the articles (a line that is not
   furniture, above the last toolbar, masthead or header line before the text starts) is
   dropped too.
4. Footers that repeat the title, title lists (· 标题, • 标题, or 本版导读 over one title a
   line) and 上一篇/下一篇 lines are dropped, and their titles kept: they are the evidence of
   which line is a 主题. A bracketed column label over the toolbar over the headline stays.
5. Two or more blank lines are a gap where a photo stood.
"""

import re
from dataclasses import dataclass, field

from articles.roles import AUTHOR

from .bylines import MissingName, parse_credit_phrase
from .datelines import split_dateline
from .furniture import (
    FILLER,
    FILLER_END,
    PAGE_NAMES,
    footer_at,
    forum_user,
    furniture_kind,
    page_header,
    site_fields,
    statement_end,
    title_listed,
    without_borders,
)
from .names import is_organisation
from .site_pages import is_credit_line, site_title, split_fields_run_in, split_run_together
from .text import han_count, normalise_line, without_mirror_glosses
from .traditional import recognisable

HEADING_MARK = re.compile(r"^(?P<marks>#{1,6})\s*(?P<text>\S.*)$")
HASHTAG = re.compile(r"^#[^#\s]{1,20}#")
PUBLISHED_ON = re.compile(r"^出版日期[：:]")
# 编辑:甲 责任编辑:乙 审核:丙, [责任编辑:甲]: the site published the text as an article.
EDITED_BY = re.compile(
    r"^[（(【\[]?\s*(?:责任编辑|责编|值班编辑|编辑|审核)\s*[：:]\s*[\u4e00-\u9fff]"
)
# 浏览次数:151作者: 甲 信息来源: 某某区总工会发布时间:2015-09-22, 标签:某县;就业责任编辑:乙: a
# site's fields of an article it published, wherever in the line they sit.
SITE_ARTICLE_FIELD = re.compile(
    r"(?:责任编辑|作者|信息来源|发布时间|发布日期)\s*[：:]\s*[\u4e00-\u9fff\d]"
)
# 作者: 本报记者张雷/摄, alone or closing a site's line of date and source
# (2011-07-28 10:18:51  来源:  某某新闻网  作者: 见习记者 甲 摄).
AUTHOR_LABEL = re.compile(
    r"^(?:(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日).{0,40}?\s)?作者\s*[：:]\s*(?P<credit>\S.*)$"
)
# 作者: 阙献荣 阙明 in a site's line of source, author, editor and date.
# 浏览次数:151作者: 甲 信息来源: …: a count run into the field before it.
SITE_AUTHOR = re.compile(
    r"(?:^|\s|\d|[【\[])作者\s*[：:]\s*(?P<names>[^：:【】\[\]]+?)"
    r"(?=\s+(?:编辑|责任编辑|来源|信息来源|发布时间)\s*[：:]|\s*[】\]]|\s*$)"
)
# 来源:某某日报记者 甲 乙 设计 丙 通讯员 丁,版权归原作者所有: a mirror of a WeChat account's
# article credits its writers in the source line, the designer among them (staff, not credited).
SOURCE_CREDIT = re.compile(r"^来源\s*[：:]\s*(?P<credit>[^，,。]+?)\s*[，,]\s*版权归原作者所有")
STAFF_IN_CREDIT = re.compile(
    r"(?:^|\s)(?:设计|美编|编辑|校对|视频|海报)\s+[\u4e00-\u9fff]{2,4}(?=\s|$)"
)
PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# 推荐视频, 相关内容, 热点关注 (熱點關注), 全部评论, • 日新闻排行榜: the site's links, rankings
# and its readers' comments, under the article.
RELATED_BLOCK = re.compile(
    r"^(?:[·•]\s*)?(?:新闻推荐|推荐阅读|热点推荐|热门推荐|精彩推荐|猜你喜欢|大家都在看|推荐视频|相关视频"
    r"|相关内容|相关新闻|热点关注|全部评论|网友评论|热门评论|最新评论|[日周月]?新闻排行榜?|排行榜)$"
)
# 栏目|标题 on one line: a column of two to eight characters, one bar, then the headline (no
# sentence, no digits of a date or time: 中国网 | 发布时间:… is the site's line).
COLUMN_BAR = re.compile(
    r"^(?P<column>[\u4e00-\u9fff][\u4e00-\u9fff\d]{1,11})\s*[|｜丨]\s*"
    r"(?P<title>[^|｜丨。\d]{4,38}[^|｜丨。\s])$"
)
# 当好主力军 撑起半边天丨建德市总工会开展系列活动: a 引题 before the bar (spaced phrases, too
# long for a column), the 主题 after it.
KICKER_BAR = re.compile(
    r"^(?P<kicker>[\u4e00-\u9fff“”]{2,12}(?:\s+[\u4e00-\u9fff“”]{2,12})+)\s*[|｜丨]\s*"
    r"(?P<title>[^|｜丨。\s][^|｜丨。]{4,38})$"
)
COLUMN_BAR_TITLE_MIN = 6  # Chinese characters in the headline after the bar
# 主题 ——副题 on one line: the headline (no sentence in it), a space, then a dash and the 副题.
SUBHEADLINE_AFTER = re.compile(
    r"^(?P<title>[^。，,！？!?\s][^。，,！？!?—]{3,38}?)\s+(?P<sub>——[^。！？!?]{4,60})$"
)
# The end of a photo credit inside a line: 甲 摄 (or 攝), then a space.
PHOTO_CREDIT_END = re.compile(r"(?<=[\u4e00-\u9fff])\s*[摄攝]\s+")
MENU_WORD = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,6}$")
MENU_WORDS = 4  # lines of one word each, in a row, that are a menu
CHANNEL_WORDS = frozenset(
    "首页 新闻 直播 视频 专题 图片 评论 政务 要闻 本地 国内 国际 时政 社会 民生 财经 体育 "
    "娱乐 文化 教育 健康 旅游 房产 汽车 科技 军事 热点 推荐 头条 订阅 服务 互动 问政".split()
)
# 记者: | 向素玉 |, 编辑: | 张寒 |: a field's label and its value in a table's cells.
CELL_FIELD = re.compile(
    r"^(?P<label>[\u4e00-\u9fff]{2,6})\s*[：:]\s*[|｜]\s*(?P<value>[^|｜]+?)\s*[|｜]?$"
)
# [编辑: / 沙佳仪 / ]: a site's editor field broken over lines, its bracket closing alone.
OPEN_EDITOR_FIELD = re.compile(r"^[\[【（(]\s*(?:责任编辑|编辑|责编|审核)\s*[：:]\s*$")
CLOSING_BRACKET = re.compile(r"^[\]】）)]$")
HEAD_LINES = 3  # lines of a headline group above its byline
TITLE_MAX = 40  # characters in a line that may be a headline
BRACKETED_LABEL = re.compile(r"^[【〖][\u4e00-\u9fff“”]{2,12}[】〗]$")
# 本版导读 over the page's titles, one a line: a title list without bullets.
INDEX_HEADINGS = frozenset({"本版导读", "标题导航", "本版标题"})
TEXT_STARTS = 30  # Chinese characters in a line that is surely text, not a title or a menu


@dataclass
class Unit:
    """One printed line of text, or several when a hard break continues it."""

    lines: list[str]
    line: int
    blank_before: int = 0
    level: int = 0  # 1 for a "# " headline, 2 for a "## " crosshead
    index: int = 0
    indented: bool = False  # printed with a paragraph indent (　　 or spaces)
    numbers: list[int] = field(default_factory=list)  # the source lines it was read from

    def __post_init__(self):
        if not self.numbers:
            self.numbers = [self.line]

    @property
    def text(self):
        joined = self.lines[0]
        for line in self.lines[1:]:
            latin = joined[-1:].isascii() and joined[-1:].isalnum() and line[:1].isascii()
            joined += (" " if latin and line[:1].isalnum() else "") + line
        return joined

    @property
    def spaced(self):
        return " ".join(self.lines)

    @property
    def gap(self):
        return self.blank_before >= 2


@dataclass
class Head:
    """A headline group, with the units of the article under it."""

    headline: str
    line: int
    section: str | None = None
    kicker: str | None = None
    subheadline: str | None = None
    body: list[Unit] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)  # the headline group's own lines
    # The page printed no headline: the first clause stands in (it names no story place).
    stand_in: bool = False


@dataclass
class PageLines:
    units: list[Unit]
    number: int | None = None
    name: str | None = None
    header_line: int | None = None
    titles: set = field(default_factory=set)
    site_authors: list = field(default_factory=list)  # names in a site's 作者: field
    edited: bool = False  # the site names the article's editor (编辑: 甲 责任编辑: 乙)
    run_together: bool = False  # a line held several lines, cut where the breaks were
    one_line: bool = False  # the page's whole text came on one line
    warnings: list = field(default_factory=list)  # (line, message) for the editor
    site_title: str | None = None  # the 主题 a saved page's title line names (主题-栏目-网站)
    site_column: str | None = None  # and the column it names


def read_lines(text, edge_furniture=frozenset()):
    """The units of one page's text and what its furniture says (header, titles)."""
    raw_lines, origins = [], []
    text, glosses = without_mirror_glosses(text)
    physical = text.split("\n")
    alone = sum(1 for raw in physical if raw.strip()) == 1
    warnings = []
    if glosses:
        warnings.append((1, f"页面有{glosses}处网站加注的拼音（如“續(xù)”），已去掉，请核对"))
    for number, raw in enumerate(physical, start=1):
        run_in = split_fields_run_in(raw)
        if run_in:
            fields, source, text = run_in
            raw_lines.append(fields)
            origins.append(number)
            raw = text
            warnings.append(
                (number, f"网页的时间、来源字段连着正文第一句，已按来源“{source}”分开，请核对")
            )
        for part in split_run_together(raw, alone=alone):
            for piece in _split_printed_apart(part):
                raw_lines.append(piece)
                origins.append(number)
    lines = [
        credit_after_label(without_cell_borders(without_borders(normalise_line(raw))))
        for raw in raw_lines
    ]
    result = PageLines(
        units=[],
        run_together=len(raw_lines) > len(physical),
        one_line=alone,
        warnings=warnings,
        site_authors=_site_authors(lines),
        edited=any(EDITED_BY.match(line) or SITE_ARTICLE_FIELD.search(line) for line in lines),
    )
    result.titles.update(t for t in (bar_title(raw) for raw in physical) if t)
    title_line = site_title(lines, result)
    skipped = _furniture(lines, edge_furniture, result)
    if title_line is not None:
        skipped.add(title_line)
    result.units = _units(raw_lines, lines, skipped, origins)
    return result


def _split_printed_apart(raw):
    """A line holding what the page printed apart: a column before a bar, a 副题 after the
    headline, a caption and its photo credit before the dateline."""
    pieces = []
    for piece in split_column_bar(raw):
        for part in split_subheadline(piece):
            pieces += split_credit_before_dateline(part)
    return pieces


def split_subheadline(raw):
    """叫响做实“大国工匠” 展示“江淮工匠”风采 ——某某网络媒体行深入安徽: a site that ran the
    headline and its 副题 (starting with ——) onto one line. The 副题 goes on a line of its own."""
    match = SUBHEADLINE_AFTER.match(raw.strip())
    if not match:
        return [raw]
    return [match.group("title"), match.group("sub")]


def split_credit_before_dateline(raw):
    """……座谈会现场。某某网记者甲 摄 某某网合肥4月24日电(记者 甲) 24日下午……: a caption and
    its photo credit run into the text's dateline. The text starts a line of its own."""
    for match in PHOTO_CREDIT_END.finditer(raw):
        rest = raw[match.end() :]
        if rest and split_dateline(rest):
            return [raw[: match.end()].rstrip(), rest]
    return [raw]


def split_column_bar(raw):
    """新春走基层|市总工会邀请…: a site prints the column before a bar in the headline's line.
    The bar marks the column as brackets do (【新春走基层】): it goes on a line of its own,
    bracketed, above the headline."""
    match = COLUMN_BAR.match(raw.strip())
    if match and han_count(match.group("title")) >= COLUMN_BAR_TITLE_MIN:
        return [f"【{match.group('column')}】", match.group("title")]
    kicker = KICKER_BAR.match(raw.strip())
    if kicker and han_count(kicker.group("title")) >= COLUMN_BAR_TITLE_MIN:
        return [kicker.group("kicker"), kicker.group("title")]
    return [raw]


def bar_title(raw):
    """The 主题 after the bar of a 栏目丨主题 or 引题丨主题 line, or None: the bar says which is
    which (the 主题 may hold a comma: 因为读者，台报永远年轻)."""
    pieces = split_column_bar(raw)
    return normalise_line(pieces[1]) if len(pieces) == 2 else None


def without_cell_borders(line):
    """记者： | 甲 |: a site's table of fields, a role and its name in cells: 记者：甲."""
    match = CELL_FIELD.match(line)
    return f"{match.group('label')}：{match.group('value')}" if match else line


def _site_authors(lines):
    """The people a site's author field credits for the text (作者: 甲 乙, 作者:通讯员 甲 记者
    乙), first field only: [(name, role)]; names printed without a role take 作者."""
    for line in lines:
        source = SOURCE_CREDIT.match(line)
        if source:
            credit = STAFF_IN_CREDIT.sub(" ", source.group("credit")).strip()
            try:
                phrase = parse_credit_phrase(credit)
            except MissingName:
                phrase = None
            if phrase and phrase.has_role:
                return [(c.name, c.role) for c in phrase.text_credits if not c.organisation]
        match = SITE_AUTHOR.search(line)
        if not match:
            continue
        field_text = match.group("names").strip()
        try:
            phrase = parse_credit_phrase(field_text)
        except MissingName:
            return []
        if phrase and phrase.has_role:
            return [(c.name, c.role) for c in phrase.text_credits if not c.organisation]
        names = re.split(r"[\s、，,]+", field_text)
        if all(PERSON_NAME.fullmatch(n) and not is_organisation(n) for n in names):
            return [(name, AUTHOR) for name in names]
        return []
    return []


def credit_after_label(line):
    """作者: 本报记者张雷/摄 is the article's credit, not a site's label: the credit alone.

    A site's author field with bare names (作者: 王伟) stays a label: nothing says who did what.
    """
    match = AUTHOR_LABEL.match(line)
    if not match:
        return line
    try:
        phrase = parse_credit_phrase(match.group("credit"))
    except MissingName:
        return line
    return match.group("credit") if phrase and (phrase.has_role or phrase.terminal) else line


def _furniture(lines, edge_furniture, result):
    """Indexes of the lines that are not text; fills in the header and the titles."""
    present = [i for i, line in enumerate(lines) if line]
    texts = [lines[i] for i in present]
    kinds = [("any" if line in edge_furniture else None) or furniture_kind(line) for line in texts]
    kinds = [kind or ("top" if forum_user(texts, k) else None) for k, kind in enumerate(kinds)]
    skipped = {present[k] for k, kind in enumerate(kinds) if kind}
    footer_header = None
    k = 0
    while k < len(texts):
        footer = footer_at(texts, k)
        if footer:
            title, number, name, last = footer
            result.titles.add(title)
            footer_header = footer_header or (number, name)
            skipped.update(present[k : last + 1])
            k = last + 1
            continue
        if OPEN_EDITOR_FIELD.match(texts[k]):
            # [编辑: / 沙佳仪 / ]: the editor's name is no credit of the article.
            close = next(
                (
                    j
                    for j in range(k + 1, min(k + 4, len(texts)))
                    if CLOSING_BRACKET.match(texts[j])
                ),
                None,
            )
            if close is not None:
                skipped.update(present[k : close + 1])
                k = close + 1
                continue
        if RELATED_BLOCK.match(recognisable(texts[k])):
            # 新闻推荐 and the teasers under it: the site's links to other articles.
            skipped.update(present[k:])
            break
        notice = statement_end(texts, k)
        if notice is not None:
            skipped.update(present[k : notice + 1])
            k = notice + 1
            continue
        if FILLER.match(texts[k]) and k + 1 < len(texts) and FILLER_END.match(texts[k + 1]):
            # 随小布一起来看看 / 受表彰的单位与个人吧: the account's filler over two lines.
            skipped.add(present[k + 1])
            k += 2
            continue
        entries = _index_entries(texts, k)
        if entries:
            # 本版导读 / 标题甲 / 标题乙: the page's title list without bullets, over the text.
            result.titles.update(texts[k + 1 : entries])
            skipped.update(present[k:entries])
            k = entries
            continue
        title = title_listed(texts[k])
        if title:
            result.titles.add(title)
        elif _over_site_fields(texts, kinds, k):
            # 工会送礼，温暖过年 / 发布时间:2022-01-29 来源:某某: a site prints its article's
            # title right above its fields, commas and all.
            result.titles.add(texts[k])
        k += 1
    _header(texts, present, kinds, result, footer_header)
    skipped.update(_page_names(texts, present, skipped, result.name))
    skipped.update(_chrome(texts, present, kinds, skipped))
    skipped.update(_menu_column(texts, present, skipped))
    return skipped


def _index_entries(texts, k):
    """Where a title list printed without bullets under its heading (本版导读 / 标题甲 / 标题乙)
    ends, or None. The list ends where the article's own headline group starts: at a line
    repeating an entry (the headline printed again), or at the line right above it (its column
    label or kicker); or at the end of the page when it closes the page and lists the headline
    printed above it. Nothing repeated, nothing says where the list ends: None."""
    if texts[k] not in INDEX_HEADINGS:
        return None
    entries = []
    for j in range(k + 1, len(texts)):
        line = texts[j]
        if line in entries:
            return j
        if j + 1 < len(texts) and texts[j + 1] in entries:
            return j
        if not _titled_sized(line):
            return None
        entries.append(line)
    # The list closes the page under the text: one of its titles is the article's, above.
    return len(texts) if any(entry in texts[:k] for entry in entries) else None


def _over_site_fields(texts, kinds, k):
    """Whether texts[k], a short line that is no furniture, stands right above a site's fields."""
    return (
        k + 1 < len(texts)
        and not kinds[k]
        and site_fields(texts[k + 1])
        and 4 <= han_count(texts[k])
        and len(texts[k]) <= TITLE_MAX
        and "。" not in texts[k]
        and not texts[k].startswith("——")  # a 副题 printed last, over the fields
        and not is_credit_line(texts[k])
    )


def _header(texts, present, kinds, result, footer_header):
    for k, line in enumerate(texts):
        found = page_header(line)
        if found:
            result.number, result.name = found
            result.header_line = present[k] + 1
            return
        following = texts[k + 1 : k + 3]
        if PUBLISHED_ON.match(line) and len(following) == 2 and following[1].isdigit():
            # 出版日期:2004年07月29日 / 综合新闻 / 02
            result.number, result.name = int(following[1]), following[0]
            result.header_line = present[k] + 1
            return
    if footer_header and footer_header[0]:
        result.number, result.name = footer_header


def _page_names(texts, present, skipped, name):
    """The page's name printed again among the text (标题 / 综合新闻 / 本报讯…): a running head
    the layout left under a headline, never a 副题 or text. A line that is the header's name is
    furniture wherever it stands below the page's first line of text (there it may be the
    column heading the page); a common page name (要闻, 综合新闻) the header does not give is
    furniture only right under a headline-sized line and over no other."""
    own = name.replace(" ", "") if name else None
    kept = [k for k in range(len(texts)) if present[k] not in skipped]
    names = set()
    for position, k in enumerate(kept):
        line = texts[k].lstrip("#").strip().replace(" ", "")
        if position == 0 or not (line == own or line in PAGE_NAMES):
            continue
        above = texts[kept[position - 1]]
        below = texts[kept[position + 1]] if position + 1 < len(kept) else ""
        under_title = _titled_sized(above.lstrip("#").strip()) and not (
            _titled_sized(below) and not below.startswith("#")
        )
        if line == own or under_title:
            names.add(present[k])
    return names


def _run_together_menu(texts, kinds, k):
    """A long line without a stop or a comma right above the site's furniture (统计排行每日签到
    会员列表…帮助 / 主题: 标题): the site's menu, its words run together, not the text."""
    return (
        k + 1 < len(texts)
        and kinds[k + 1] == "top"
        and not re.search(r"[，,。、；;：:！!？?“”\"（）()]", texts[k])
    )


def _chrome(texts, present, kinds, skipped):
    """Lines among the furniture above the text: a site's menu and slogans."""
    first_text = next(
        (
            k
            for k, line in enumerate(texts)
            if present[k] not in skipped
            and (
                "。" in line
                or (han_count(line) >= TEXT_STARTS and not _run_together_menu(texts, kinds, k))
                or split_dateline(line)
            )
        ),
        len(texts),
    )
    tops = [k for k in range(first_text) if kinds[k] == "top"]
    if not tops:
        return set()
    # The line right above the text stays: an e-paper reader may print the page header under
    # the headline (开栏的话 / 日期:10-21 / 版面:07: 人物 …).
    kept = [k for k in range(first_text) if present[k] not in skipped]
    last = kept[-1] if kept else None
    # A headline group with its byline above a page header printed late (标题 / ——副题 /
    # 本报记者 甲/文 乙/图 / 版次:04): the lines down to the byline are the article's head.
    head = set()
    credited = [k for k in kept if k < tops[-1] and is_credit_line(texts[k])]
    if credited:
        head = {k for k in kept if k <= credited[-1] and k >= credited[-1] - HEAD_LINES}
    elif not any(_titled_sized(texts[k]) for k in kept if k > tops[-1]):
        # 标题 / 日期:09-12 / 版面:第02版:要闻 上一篇 / 记者 甲: an e-paper reader prints the
        # headline above its fields and toolbar; with no headline under them, the short lines
        # right above the fields (up to three, one block) are the headline group.
        block = []
        for k in reversed([k for k in kept if k < tops[-1]]):
            if not _titled_sized(texts[k]) or (block and k != block[-1] - 1):
                break
            block.append(k)
        if 0 < len(block) <= HEAD_LINES:
            head = set(block)
    # 【劳模风采】 / 上一篇 下一篇 返回目录 / 标题: a bracketed column label over the site's
    # toolbar, the headline under it, is the article's column, not the site's menu (a bare
    # short line there is the site's channel: 工委动态).
    label = (
        tops[-1] - 1
        if last == tops[-1] + 1 and _bracketed_label(texts, kinds, tops[-1] - 1)
        else None
    )
    return {
        present[k]
        for k in range(tops[-1])
        if present[k] not in skipped and k != last and k not in head and k != label
    }


def _bracketed_label(texts, kinds, k):
    """Whether texts[k] is a bracketed column label (【劳模风采】), no furniture itself."""
    return k >= 0 and not kinds[k] and bool(BRACKETED_LABEL.match(texts[k]))


def _menu_column(texts, present, skipped):
    """首页 / 新闻 / 直播 / 某某广电 / 专题 / 文化生活报: a site's menu copied one word a line,
    above the text. Four or more such lines in a row, one of them a channel word, are the menu;
    the line right above the text is not one of them.
    """
    first_text = next(
        (k for k, line in enumerate(texts) if "。" in line or han_count(line) >= TEXT_STARTS),
        len(texts),
    )
    menu, run = set(), []
    for k in range(first_text + 1):
        # The line right above the text is its headline (师带徒), however short.
        if k < first_text - 1 and MENU_WORD.match(texts[k]):
            run.append(k)
            continue
        if len(run) >= MENU_WORDS and any(texts[i] in CHANNEL_WORDS for i in run):
            menu.update(present[i] for i in run)
        run = []
    return menu - skipped


def _titled_sized(line):
    """A short line with no sentence in it and no credit: it may be a headline."""
    return (
        2 <= han_count(line)
        and len(line) <= TITLE_MAX
        and not re.search("[。！？，]", line)
        and not is_credit_line(line)
    )


def _units(raw_lines, lines, skipped, origins):
    units = []
    blank = blank_seen = 0
    continues = False
    for index, (raw, line) in enumerate(zip(raw_lines, lines, strict=True)):
        number = origins[index]
        if not line:
            blank += 1
            continues = False
            continue
        if index in skipped:
            blank_seen, blank, continues = max(blank_seen, blank), 0, False
            continue
        level = 0
        mark = HEADING_MARK.match(line)
        if mark and not HASHTAG.match(line):
            level, line = min(len(mark.group("marks")), 2), mark.group("text").strip()
        if continues and level == 0 and units:
            units[-1].lines.append(line)
            units[-1].numbers.append(number)
        else:
            blank_before = max(blank_seen, blank) if units else 0
            indented = raw.startswith(("\u3000", "  ", "\t"))
            units.append(Unit([line], number, blank_before, level, len(units), indented))
        blank = blank_seen = 0
        continues = raw.rstrip("\n").endswith(("  ", "\u3000"))
    return units
