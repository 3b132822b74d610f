"""Page text → articles: headline groups, datelines, bylines, photos, paragraphs and places.

Pure Python (no Django, no database). `parse_issue` reads the files of one issue;
`parse_page` reads one page's decoded text. The page text may be a layout system's export or
`pdftotext` of a page (column breaks, no marks), the same with `#` marks, text copied from an
e-paper site's article page (masthead, 版 header, navigation, footer repeating the title), or a
briefs page; UTF-8 or GB18030, ASCII or full-width punctuation. How a page is read:

1. Lines (`page_lines`, `furniture`): tidied, the page header read, furniture, footers, title
   lists and a site's menu dropped (their titles kept as evidence), the rest as units.
2. Headline groups (`headlines`, `briefs`): from `#` marks, or from runs of short lines decided
   by evidence (a title the footer or a title list repeats is the 主题, —— starts a 副题, a
   bracketed or spaced-out line is a column label); briefs without headlines get a stand-in,
   flagged, and so does an article copied without its headline, when a dateline, a credit or
   the site's editor line (编辑: 甲 责任编辑: 乙) says it is one (text with none is refused).
   A mobile page's headline printed under a text that opens with a dateline goes above it.
3. Bylines and datelines (`bylines`, `datelines`, `roles`): a credit may lead the first
   paragraph, stand on its own line above or below the text (over two lines too), close the
   text in brackets, or be glued after the last sentence (flagged when it is a bare name).
4. Photos, paragraphs, notes and places: see `photos`, `body` and `gazetteer`. Every article and
   photo records the source lines it was read from.
"""

import datetime
import re
from collections import Counter

from .body import TIME_AND_PLACE, ArticleBuilder
from .briefs import BriefItems, brief_headline
from .bylines import Credit, MissingName, parse_credit_phrase, parse_titled_byline
from .credits_in_text import (
    LEADING_BRACKETS,
    split_caption_credit,
    split_leading_credit,
    split_trailing_credit,
)
from .datelines import split_dateline
from .furniture import JUMP
from .gazetteer import Gazetteer
from .headlines import NUMBERED_PART, HeadlineGroups
from .page_lines import Head, read_lines
from .photos import CAPTION_MARKER
from .structure import ParsedIssue, ParsedPage, ParseWarning
from .text import (
    CLOSERS,
    SENTENCE_FINAL,
    PageError,
    decode_page,
    han_count,
    head,
    normalise_line,
    strip_closers,
)

TRAILING_BRACKETED = re.compile(r"[（(][^（）()]{2,30}[）)][?？]?$")
QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》")

HEADING_MAX = 40  # characters in a 主题, 引题 or column label on a plain page
SUBHEADLINE_MAX = 60
# A file holding one short line and nothing else (请于周五前交稿。) is a note, not a page: no
# headline mark, no dateline, no credit, no editor's line, and fewer characters than this.
SHORT_NOTE_MAX = 40
INDEX_TITLE_MIN = 8  # a line repeated in a page's title index is at least this long
EDGE_LINES = 3  # lines at the top and bottom of a page where headers and footers repeat


def parse_issue(
    files,
    date,
    number=None,
    page_names=None,
    places=(),
    *,
    sections=(),
    page_numbers=None,
):
    """Parse the pages of one issue; `files` is a list of (filename, bytes) in page order.

    `page_names` and `page_numbers` (lists by position) name and number pages whose text has no
    header line. Raises PageError for input that cannot be imported.
    """
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    gazetteer = places if isinstance(places, Gazetteer) else Gazetteer(places)
    texts = [(filename, decode_page(data, filename)) for filename, data in files]
    furniture = repeated_edge_lines([text for _, text in texts])
    issue = ParsedIssue(date=date, number=number)
    seen = {}
    for position, (filename, text) in enumerate(texts, start=1):
        page = parse_page(
            text,
            filename,
            position,
            gazetteer,
            page_name=_nth(page_names, position),
            page_number=_nth(page_numbers, position),
            sections=sections,
            furniture=furniture,
        )
        if page.number in seen:
            raise PageError(filename, 1, f"版次 {page.number} 与 {seen[page.number]} 重复")
        seen[page.number] = filename
        issue.pages.append(page)
    return issue


CHANNEL = re.compile(r"^(?P<area>[\u4e00-\u9fff]{2,8})(?:新闻|资讯|要闻|动态)$")
AREA_WORDS = frozenset("本地 国内 国际 地方 省内 市内 县内 区内 省外 全国 全省 全市".split())


def _regional_channel(column, gazetteer):
    """湖州新闻, 本地新闻: a place's or an area's news, the site's channel, no paper's column."""
    match = CHANNEL.match(column)
    if not match:
        return False
    area = match.group("area")
    if area in AREA_WORDS:
        return True
    mentions = gazetteer.scan(area, 0, trust_short_names=True) if gazetteer else []
    return any(m.start == 0 and m.end >= len(area) for m in mentions)


def _nth(values, position):
    return values[position - 1] if values and position <= len(values) else None


def repeated_edge_lines(texts):
    """Lines printed at the top or bottom of most pages: running headers and footers.

    A line right above a headline mark is a column label, which may recur; it is kept.
    """
    if len(texts) < 2:
        return frozenset()
    counts = Counter()
    for text in texts:
        lines = [normalise_line(line) for line in text.split("\n")]
        lines = [line for line in lines if line]
        edges = set()
        for index in [*range(min(EDGE_LINES, len(lines))), *range(len(lines))[-EDGE_LINES:]]:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not lines[index].startswith("#") and not following.startswith("#"):
                edges.add(lines[index])
        counts.update(edges)
    needed = max(2, (len(texts) + 1) // 2)
    return frozenset(line for line, count in counts.items() if count >= needed)


def _text_credit_at_end(text):
    """A brief's closing credit: for its text, not a photo's (……。新华社发（甲 摄） is a
    caption, one of a picture set, never a brief)."""
    try:
        found = split_trailing_credit(text)
    except MissingName:
        return True  # the article's reading says so, with the line
    return bool(found) and not (found[1].photo_credits and not found[1].text_credits)


GARBLED_EXTRA = 6  # characters a garbled copy of a title may add to it


def _garbled_copy(text, title):
    """Whether `text` is `title` with up to GARBLED_EXTRA characters run into it (the title's
    characters all there, in order), and not the title itself."""
    if text == title or han_count(title) < INDEX_TITLE_MIN:
        return False
    if not 0 < len(text) - len(title) <= GARBLED_EXTRA:
        return False
    rest = iter(text)
    return all(char in rest for char in title)


def parse_page(
    text,
    filename,
    position,
    places=(),
    *,
    page_name=None,
    page_number=None,
    sections=(),
    furniture=frozenset(),
):
    """Parse one page's decoded text. The page number comes from a header line, else
    `page_number`, else the position; the name from the header line, else `page_name`."""
    gazetteer = places if isinstance(places, Gazetteer) else Gazetteer(places)
    return PageParser(filename, gazetteer, sections, furniture).parse(
        text, position, page_name, page_number
    )


# Chinese characters in a paragraph that is surely an article's text (a body copied without
# its headline), not a note or a fragment.
BODY_PARAGRAPH = 60


class PageParser(HeadlineGroups, BriefItems):
    def __init__(self, filename, gazetteer, sections=(), furniture=frozenset()):
        self.filename = filename
        self.gazetteer = gazetteer
        self.sections = set(sections)
        self.furniture = furniture
        self.warnings = []
        self._bylines = {}
        self.crossheads = set()
        self.trailing = set()  # short lines closing the page with no text: no article's
        self.index_titles = set()
        self.titles = set()
        self.edited = False
        self.one_line = False  # the page's text came on one line (see site_pages)
        self.page_label = None  # a column label heading the whole page (see headlines)

    def warn(self, line, message, left_out=""):
        """A note for the editor; `left_out` is the whole text no article took, if any."""
        self.warnings.append(ParseWarning(self.filename, line, message, left_out))

    def fail(self, line, message):
        raise PageError(self.filename, line, message)

    # -- the page -------------------------------------------------------------------------------

    def parse(self, text, position, page_name=None, page_number=None):
        if not text.strip():
            self.fail(1, "页面是空的，没有文字")
        read = read_lines(text, self.furniture)
        self.titles = read.titles
        self.edited = read.edited
        self.one_line = read.one_line
        for line, message in read.warnings:
            self.warn(line, message)
        if read.one_line:
            self.warn(
                read.units[0].line if read.units else 1,
                "页面文字只有一行（网页丢失了换行），已在电头前和句后空格处拆分，请核对标题、署名和分段",
            )
        number = read.number
        if number is not None and number < 1:
            self.warn(read.header_line or 1, f"版次 {number} 无效，按文件顺序编号")
            number = None
        units = self._headline_below(self._without_index(read.units))
        if not units:
            self.fail(1, "页面除版面杂项外没有文字")
        if self._short_note(units, read):
            self.fail(
                units[0].line,
                f"页面只有一行短文字“{units[0].text}”，没有标题、电头或署名，不像版面文字；"
                "请检查是否选错了文件",
            )
        page = ParsedPage(
            file=self.filename,
            number=number or page_number or position,
            name=read.name or page_name,
        )
        if any(u.level == 1 for u in units):
            heads = self._marked_heads(units, page)
        else:
            heads = self._plain_heads(units, page)
        if not heads:
            heads = self._opening_title(units)
        if not heads:
            heads = self._untitled(units)
        if not heads:
            self.fail(units[0].line, "找不到标题：既没有“# ”标记，也没有可作标题的短行")
        page.articles = [ArticleBuilder(self, h).build() for h in heads]
        self._site_column(page, read, self.gazetteer)
        self._site_authors(page, read.site_authors)
        page.warnings = self.warnings
        return page

    def _short_note(self, units, read):
        """Whether the whole file is one short line that says nothing of a page (a note)."""
        if len(units) != 1 or read.edited or read.name or read.number is not None:
            return False
        unit = units[0]
        if unit.level or han_count(unit.text) >= SHORT_NOTE_MAX:
            return False
        if split_dateline(unit.text) or self.byline(unit):
            return False
        return split_trailing_credit(unit.text, flag_unnamed=True) is None

    @staticmethod
    def _site_column(page, read, gazetteer):
        """The column a saved page's title line names (主题-栏目-网站) is the column of the
        article whose 主题 it names, when the page prints none. A site's regional channel
        (某市新闻, 本地新闻: 标题_某市新闻_某某网) is where the site files it, no column."""
        if not read.site_column or _regional_channel(read.site_column, gazetteer):
            return
        for article in page.articles:
            if article.headline == read.site_title and article.section is None:
                article.section = read.site_column

    def _site_authors(self, page, names):
        """A site's author field (作者: 甲 乙) names the authors of its one article when the
        text credits nobody; with credits in the text it only repeats them."""
        if not names or len(page.articles) != 1:
            return
        article = page.articles[0]
        if article.people or any(photo.people for photo in article.photos):
            return
        article.people = [Credit(name, role) for name, role in names]

    def _unmarked_briefs(self, units):
        """Briefs whose markers were lost and that have no column label: two or more
        paragraphs ending in a bracketed credit, each ending an item (…经验。(唐言))."""
        ends = [
            i
            for i, unit in enumerate(units)
            if TRAILING_BRACKETED.search(unit.text) and _text_credit_at_end(unit.text)
        ]
        ends += [
            i
            for i, unit in enumerate(units)
            if unit.text.startswith(("（", "(")) and self.byline(unit)
        ]
        ends = sorted(set(ends))
        if len(ends) < 2 or ends[-1] < len(units) - 2:
            return []
        items, start, seen = [], 0, set()
        for end in ends:
            if end < start or not any(not self.byline(u) for u in units[start : end + 1]):
                continue
            printed = tuple(u.text for u in units[start : end + 1])
            if printed in seen:
                # A mobile page prints the item twice: the copy is not another item.
                self.warn(units[start].line, f"“{head(units[start].text)}”重复出现，只导入一次")
                start = end + 1
                continue
            seen.add(printed)
            head_unit = units[start]
            group = self._brief(head_unit, None)
            group.body = [self._unmarked(head_unit, group)] + units[start + 1 : end + 1]
            items.append(group)
            start = end + 1
        if start < len(units) and items:
            items[-1].body += units[start:]
        return items if len(items) >= 2 else []

    def _opening_title(self, units):
        """A page whose only short line opens it, apart from the text under it, with a list
        (、) or two clauses (…公布！这些单位…) in it: a site's title, the page's one headline."""
        if len(units) < 2:
            return []
        first, text = units[0], units[0].text
        if (
            not self._heading_like(first, lenient=True)
            or re.search(r"[，,；;。]", QUOTED.sub("", text))
            or not any(mark in text for mark in "、！？!?")
            or not (units[1].blank_before or units[1].indented)
        ):
            return []
        group = Head(text, first.line)
        group.units = [first]
        group.body = list(units[1:])
        return [group]

    def _untitled(self, units):
        """An article copied without its headline: one with a dateline or a credit, or one the
        site names an editor for (编辑: 甲 责任编辑: 乙), is still an article; its first clause
        stands in for the headline, flagged. So is a page whose whole text came on one line
        (a site's page that lost its line breaks): refusing it would lose the text, and so is
        a body copied without its headline (two or more paragraphs, one of them an article's
        long paragraph of sentences). Other text with none of them is refused (nothing says it
        is an article: a fragment or a note)."""
        paragraphs = [u for u in units if not self.byline(u)]
        credited = (
            len(paragraphs) < len(units)
            or self.edited
            or self.one_line
            or (
                len(paragraphs) >= 2
                and any(han_count(u.text) >= BODY_PARAGRAPH and "。" in u.text for u in paragraphs)
            )
            or any(
                split_dateline(u.text)
                or self._opens_with_credit(u)
                or split_trailing_credit(u.text)
                for u in paragraphs
            )
        )
        if not paragraphs or not credited:
            return []
        items = self._unmarked_briefs(units)
        if items:
            return items
        first = paragraphs[0]
        headline = self._stand_in_headline(first.text)
        self.warn(first.line, f"稿件没有标题，暂以首句“{headline}”作标题，请核对")
        group = Head(headline, first.line, stand_in=True)
        group.body = list(units)
        return [group]

    @staticmethod
    def _stand_in_headline(text):
        """The first clause of a text printed without its headline, after its dateline and its
        credit (本报讯（记者 王明）近日，……: 近日's clause), to stand in for the headline."""
        dateline = split_dateline(text)
        if dateline:
            text = LEADING_BRACKETS.sub("", dateline.rest)
        try:
            leading = split_leading_credit(text, after_dateline=bool(dateline))
        except MissingName:
            leading = None  # the article's reading says so, with the line
        if leading and leading[1].strip():
            text = leading[1]  # 本报记者王明 近日，……: the clause after the credit
        headline, _, _ = brief_headline(text)
        return headline

    def _headline_below(self, units):
        """本报讯 甲… / 标题: a mobile page prints the text first and the headline under it.
        When the text opens with a dateline and the page's only other line, last of all, is a
        headline-sized line, that line is the headline: it goes above the text."""
        if len(units) < 2 or any(u.level for u in units):
            return units
        last = units[-1]
        text = last.text
        if (
            not split_dateline(units[0].text)
            or any(split_dateline(u.text) for u in units[1:])
            or han_count(text) < INDEX_TITLE_MIN
            or len(text) > HEADING_MAX
            or re.search(r"[。，、；,;]", text)
            or strip_closers(text)[-1:] in SENTENCE_FINAL
            or self.byline(last) is not None
            or CAPTION_MARKER.match(text)  # 图为…: a photo's caption under the text
            or not all(len(u.text) > HEADING_MAX for u in units[:-1])
        ):
            return units
        self.warn(last.line, f"标题“{text}”印在正文之后（手机页面），已移到正文之前，请核对")
        return [last, *units[:-1]]

    def _without_index(self, units):
        """Drop a title index (标题导航) that repeats the page's headlines; remember the titles.

        A repeated title also settles a plain two-line headline group: the line the index
        repeats is the 主题.
        """
        seen = set()
        kept = []
        for unit in units:
            text = unit.text
            if unit.level == 0 and text in seen and han_count(text) >= INDEX_TITLE_MIN:
                self.index_titles.add(text)
                continue
            garbled = next((t for t in seen if _garbled_copy(text, t)), None)
            if unit.level == 0 and garbled:
                # 高质第三届……活动量发展举办: the site printed its title again with other words'
                # characters run into it: a copy of the title, not a line of its own.
                self.warn(unit.line, f"“{head(text)}”是标题“{head(garbled)}”混入杂字的重复，未导入")
                continue
            if unit.level == 1 or self._heading_like(unit, lenient=True):
                seen.add(text)
            kept.append(unit)
        for index, unit in enumerate(kept):
            unit.index = index
        self._bylines.clear()
        return kept

    def _in_title(self, text):
        """The line is a title the furniture repeats, or the start or end of one."""
        return self._listed(text) or any(
            t != text and (t.startswith(text) or t.endswith(text)) for t in self.titles
        )

    def _listed(self, text):
        """Whether the page's furniture repeats this line as a title (footer, title list)."""
        if text in self.index_titles:
            return True
        return any(t == text or t.startswith(text + " ") for t in self.titles)

    # -- what a unit is ---------------------------------------------------------------------

    def byline(self, unit):
        """The credit a whole unit prints (本报记者 甲, 通讯员杨磊 摄, (甲乙)), or None."""
        if unit.index not in self._bylines:
            phrase = None
            if unit.level == 0 and len(unit.spaced) <= 60:
                # 记者 甲 通讯员 乙 实习生: the people named are credited, the unnamed role is
                # flagged on this line for the editor; the page is still imported.
                phrase = parse_credit_phrase(unit.spaced, flag_unnamed=True)
                phrase = phrase or parse_titled_byline(unit.text)
            self._bylines[unit.index] = phrase
        return self._bylines[unit.index]

    def _heading_like(self, unit, *, lenient=False):
        """A short line that could be a headline, kicker, label or 副题 (no sentence in it)."""
        text = unit.text
        if unit.level or not 1 <= len(text) <= (SUBHEADLINE_MAX if lenient else HEADING_MAX):
            return False
        if self._in_title(text) and han_count(text) >= 2:
            return self.byline(unit) is None
        if han_count(text) < 2 or "。" in text or text.endswith(tuple("，、；：,;:…—")):
            return False
        # A 副题 after a dash (——记全国劳动模范、高级技师某某) may hold commas.
        # Commas inside quotes belong to the quoted words: 掀起“学劳模、多贡献”的热潮.
        unquoted = QUOTED.sub("", text)
        if not lenient and not text.startswith("——") and re.search(r"[，、；,;]", unquoted):
            return False
        if CAPTION_MARKER.match(text) or split_dateline(text) or JUMP.match(text):
            return False
        if NUMBERED_PART.match(text):
            return False  # 一、推荐理由: a report's numbered part, never a headline or 副题
        if TIME_AND_PLACE.match(text):
            return False  # 9月13日宁海长街镇: a feature's day and place, over its text
        if split_caption_credit(text):
            return False  # 某某线路图甲 作: a caption with its credit, never a 副题
        # “谢谢你们！” is a quoted sentence, not a headline.
        if not lenient and text[-1] in CLOSERS and strip_closers(text)[-1:] in SENTENCE_FINAL:
            return False
        return self.byline(unit) is None

    def _opens_with_credit(self, unit):
        """记者甲报道 去年以来…: a paragraph that starts with its byline."""
        return split_leading_credit(unit.text, after_dateline=False, flag_unnamed=True) is not None
