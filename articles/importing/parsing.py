"""Page text → articles: headline groups, datelines, bylines, photos, paragraphs and places.

Pure Python (no Django, no database). `parse_issue` reads the files of one issue;
`parse_page` reads one page's decoded text. How a page is read:

1. Lines. Each line is tidied (full-width digits to ASCII, half-width punctuation in Chinese
   made full-width). A line ending in two spaces (a Markdown hard break) continues on the next
   line: a headline, 副题 or banner printed over two lines is one unit. Page furniture
   (navigation words, URLs, page labels, running heads with the date, copyright, editors'
   credits, lines repeated at the top or bottom of most pages of the issue) is dropped, and so
   is a title index that repeats the page's headlines. A header line (`00002版:工会`,
   `第02版 工会`) gives the page number and name. Two or more blank lines are a gap where a
   photo stood.
2. Headline groups. On a page with `#` marks each `#` line is a 主题, and the short lines right
   under it (before the byline, dateline or text) are its 副题, joined when printed over two
   lines. A short line right above a `#` line is a column label (栏目) when it is a known
   section, bracketed (【劳模风采】) or at most six characters (flagged when it touches the
   headline); seven to nine characters is unsure, read as a label when a blank line separates
   it from the headline and as a 引题 when it touches it, flagged either way; a longer line, or
   one with a space or punctuation inside, is a 引题. The lines at the top of the page before the
   first headline group are the topic banner. On a plain page (no marks) a headline is a run of
   short lines without sentence punctuation followed by a dateline, a byline or the text: one
   line is the 主题; two are 主题 + 副题, flagged unless the second starts with —— or a title
   index repeats one of them; three are 引题 + 主题 + 副题. A lone short line inside an article
   is a crosshead only when the article has two or more of them, else a new article (flagged).
3. Bylines and datelines: see `bylines`. A credit may lead the first paragraph, stand on its
   own line above or below the text, close the text in brackets, or be glued after the last
   sentence (flagged).
4. Photos, paragraphs, notes and places: see `body` and `gazetteer`.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from .body import CAPTION_MARKER, ArticleBuilder
from .briefs import brief_headline, is_brief_start
from .bylines import (
    MARKERS,
    MissingName,
    is_organisation,
    parse_credit_phrase,
    split_dateline,
    split_leading_credit,
)
from .furniture import JUMP
from .gazetteer import Gazetteer
from .page_lines import Unit, read_lines
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

LABEL_BRACKETS = "【】[]〖〗"
QUOTES = "“”‘’\"'「」『』《》"
TRAILING_CREDIT = re.compile(r"[（(][^（）()]{2,30}[）)][?？]?$")
QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》")
GLUED_LABEL = re.compile(r"^【(?P<label>[^】]{2,12})】\s*(?P<rest>\S.{1,})$")
# 图 片 新 闻: a column label printed with its characters spaced out.
SPACED_LABEL = re.compile(r"^(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff]$")

HEADING_MAX = 40  # characters in a 主题, 引题 or column label on a plain page
SUBHEADLINE_MAX = 60
LABEL_MAX = 6  # a column label is at most this many characters ...
LABEL_UNSURE = 9  # ... and up to this many it may be a label or a kicker
SHORT_CAPTION = 40  # a caption between a headline and its dateline is at most this long
INDEX_TITLE_MIN = 8  # a line repeated in a page's title index is at least this long
EDGE_LINES = 3  # lines at the top and bottom of a page where headers and footers repeat


@dataclass
class Head:
    headline: str
    line: int
    section: str | None = None
    kicker: str | None = None
    subheadline: str | None = None
    body: list[Unit] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)  # the headline group's own lines


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


class PageParser:
    def __init__(self, filename, gazetteer, sections=(), furniture=frozenset()):
        self.filename = filename
        self.gazetteer = gazetteer
        self.sections = set(sections)
        self.furniture = furniture
        self.warnings = []
        self._bylines = {}
        self.crossheads = set()
        self.index_titles = set()
        self.titles = set()

    def warn(self, line, message):
        self.warnings.append(ParseWarning(self.filename, line, message))

    def fail(self, line, message):
        raise PageError(self.filename, line, message)

    # -- the page -------------------------------------------------------------------------------

    def parse(self, text, position, page_name=None, page_number=None):
        if not text.strip():
            self.fail(1, "页面是空的，没有文字")
        read = read_lines(text, self.furniture)
        self.titles = read.titles
        number = read.number
        if number is not None and number < 1:
            self.warn(read.header_line or 1, f"版次 {number} 无效，按文件顺序编号")
            number = None
        units = self._without_index(read.units)
        if not units:
            self.fail(1, "页面除版面杂项外没有文字")
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
            self.fail(units[0].line, "找不到标题：既没有“# ”标记，也没有可作标题的短行")
        page.articles = [ArticleBuilder(self, h).build() for h in heads]
        page.warnings = self.warnings
        return page

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
            if unit.level == 1 or self._heading_like(unit, lenient=True):
                seen.add(text)
            kept.append(unit)
        for index, unit in enumerate(kept):
            unit.index = index
        self._bylines.clear()
        return kept

    def _settled(self, run, units):
        """A run whose 主题 the furniture names, above its last line: that line is its 副题."""
        return len(run) >= 2 and any(self._listed(units[i].text) for i in run[:-1])

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
                try:
                    phrase = parse_credit_phrase(unit.spaced)
                except MissingName as error:
                    self.fail(unit.line, str(error))
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
        # “谢谢你们！” is a quoted sentence, not a headline.
        if not lenient and text[-1] in CLOSERS and strip_closers(text)[-1:] in SENTENCE_FINAL:
            return False
        return self.byline(unit) is None

    def _opens_with_credit(self, unit):
        """记者甲报道 去年以来…: a paragraph that starts with its byline."""
        try:
            return split_leading_credit(unit.text, after_dateline=False) is not None
        except MissingName as error:
            self.fail(unit.line, str(error))

    def _label_core(self, text):
        if SPACED_LABEL.match(text):
            return text.replace(" ", "")
        return text.strip(MARKERS + LABEL_BRACKETS + " ")

    def _bare_label(self, unit):
        """The line without brackets, markers and quotes: 工会“小灵通” → 工会小灵通."""
        return "".join(c for c in self._label_core(unit.text) if c not in QUOTES)

    def _is_label(self, unit):
        """A column label for sure: a known section, a bracketed or marked line."""
        core = self._label_core(unit.text)
        if SPACED_LABEL.match(unit.text):
            return True
        return core in self.sections or unit.text[:1] in MARKERS + "【[〖"

    def _label_sized(self, unit, limit=LABEL_MAX):
        bare = self._bare_label(unit)
        return not re.search(r"[\s，、：！？:!?—]", bare) and len(bare) <= limit

    def _label_or_kicker(self, unit, *, touches_headline):
        """("section" | "kicker") for a short line right above a headline; warns when unsure.

        Known or bracketed labels are sections; a line of up to six characters is a section,
        flagged when it touches the headline; seven to nine characters is a section when a blank
        line separates it from the headline and a kicker when it touches it, flagged either way;
        anything longer, or with a space or punctuation inside, is a kicker.
        """
        text = unit.text
        if self._is_label(unit):
            return "section"
        if self._label_sized(unit):
            if touches_headline:
                self.warn(unit.line, f"“{text}”按栏目处理，也可能是引题，请核对")
            return "section"
        if not self._label_sized(unit, LABEL_UNSURE):
            return "kicker"
        kind = "kicker" if touches_headline else "section"
        label, other = ("引题", "栏目") if kind == "kicker" else ("栏目", "引题")
        self.warn(unit.line, f"“{text}”按{label}处理，也可能是{other}，请核对")
        return kind

    # -- headline groups on a page with # marks ----------------------------------------------

    def _marked_heads(self, units, page):
        heads = []
        lower = 0
        anchors = [u.index for u in units if u.level == 1]
        for count, anchor in enumerate(anchors):
            headline_unit = units[anchor]
            group = Head(headline_unit.text, headline_unit.line)
            if count == 0:
                start = self._top_of_page(units[:anchor], headline_unit, group, page)
            else:
                start = self._above(units, lower, anchor, group)
            below = anchor + 1
            subheadlines = []
            while (
                below < len(units)
                and len(subheadlines) < 2
                and (count + 1 >= len(anchors) or below < anchors[count + 1])
                and self._heading_like(units[below], lenient=True)
                and not (below + 1 < len(units) and self._is_photo_credit(units[below + 1]))
            ):
                subheadlines.append(units[below])
                below += 1
            group.subheadline = "".join(u.text for u in subheadlines) or None
            group.units = units[start:below]
            glued = GLUED_LABEL.match(group.headline)
            if glued and group.section is None:
                group.section, group.headline = glued.group("label"), glued.group("rest")
            if heads:
                heads[-1][1].body = units[heads[-1][0] : start]
            heads.append((below, group))
            lower = below
        heads[-1][1].body = units[heads[-1][0] :]
        return [group for _, group in heads]

    def _is_photo_credit(self, unit):
        phrase = self.byline(unit)
        return bool(phrase and phrase.photo_credits and not phrase.text_credits)

    def _above(self, units, lower, anchor, group):
        """Section label and kicker above a headline; returns where the article starts."""
        above = anchor - 1
        if above < lower or not self._candidate_above(units[above]):
            return anchor
        touches = units[anchor].blank_before == 0
        if self._label_or_kicker(units[above], touches_headline=touches) == "section":
            group.section = self._label_core(units[above].text)
            return above
        group.kicker = units[above].text
        if above - 1 >= lower and self._candidate_above(units[above - 1]):
            if self._is_label(units[above - 1]) or self._label_sized(units[above - 1]):
                group.section = self._label_core(units[above - 1].text)
                return above - 1
        return above

    def _candidate_above(self, unit):
        return len(unit.lines) == 1 and self._heading_like(unit)

    def _top_of_page(self, tops, headline_unit, group, page):
        """Above the first headline: the page's topic banner, and a label or kicker."""
        keep = len(tops)
        while keep > 0 and self._heading_like(tops[keep - 1], lenient=True):
            keep -= 1
        for unit in tops[:keep]:
            self.warn(
                unit.line, f"版面开头的“{head(unit.text)}”不属于任何稿件（可能是转版文字），未导入"
            )
        banner = list(tops[keep:])
        touches = headline_unit.blank_before == 0
        if banner and self._candidate_above(banner[-1]):
            # A line right above the first headline: label, kicker, or the banner's last line.
            last = banner[-1]
            if self._is_label(last) or self._label_sized(last) or touches:
                kind = self._label_or_kicker(last, touches_headline=touches)
            else:
                kind = None  # part of the banner (flagged below when it is one short line)
            if kind == "kicker":
                group.kicker = banner.pop().text
            elif kind == "section":
                group.section = self._label_core(banner.pop().text)
        if group.section is None and banner and self._candidate_above(banner[-1]):
            if self._is_label(banner[-1]) or self._label_sized(banner[-1]):
                group.section = self._label_core(banner.pop().text)
        if banner:
            page.topic = "\n".join(line for unit in banner for line in unit.lines)
            if len(banner) == 1 and len(banner[0].lines) == 1:
                self.warn(
                    banner[0].line,
                    f"版面顶部的“{banner[0].text}”按通栏标题处理，也可能是栏目或第一篇的引题，请核对",
                )
        return keep + len(banner)  # the group starts after the banner

    # -- headline groups on a plain page ----------------------------------------------------

    def _plain_heads(self, units, page):
        kinds = [self._plain_kind(u) for u in units]
        for index, unit in enumerate(units):
            if kinds[index] == "para" and is_brief_start(unit.text):
                kinds[index] = "brief"
        runs = []
        i = 0
        while i < len(units):
            if kinds[i] != "heading":
                i += 1
                continue
            j = i
            while j < len(units) and kinds[j] == "heading":
                j += 1
            run = list(range(i, j))
            if j < len(units) and self._is_photo_credit(units[j]) and not self._settled(run, units):
                run.pop()  # the line right above a photo credit is its caption
            if run:
                runs.append(run)
            i = j
        runs, brief_labels = self._brief_labels(runs, units, kinds)
        starts, lone = [], []
        for run in runs:
            after = run[-1] + 1
            while after < len(units) and (
                kinds[after] == "heading" or self._is_photo_credit(units[after])
            ):
                after += 1
            # A photo caption may stand between a headline and its dateline.
            if after < len(units) and self._caption_like(units[after]):
                after += 1
            strong = (
                not starts
                or len(run) >= 2
                or (after < len(units) and kinds[after] in ("dateline", "byline"))
            )
            (starts if strong else lone).append(run)
            if strong:
                lone.append(None)  # a boundary between articles
        # A lone short line inside an article is a crosshead when the article has two or more.
        segment = []
        for run in lone + [None]:
            if run is not None:
                segment.append(run)
                continue
            if len(segment) == 1:
                starts.append(segment[0])
                self.warn(
                    units[segment[0][0]].line,
                    f"“{units[segment[0][0]].text}”按新稿件的标题处理，也可能是插题，请核对",
                )
            elif segment:
                for crosshead in segment:
                    self.crossheads.add(crosshead[0])
                self.warn(
                    units[segment[0][0]].line,
                    "以下未标记的短行按插题处理，请核对："
                    + "、".join(f"“{units[r[0]].text}”" for r in segment),
                )
            segment = []
        openers = sorted(
            [(run[0], run) for run in starts] + self._brief_items(units, kinds, starts)
        )
        if not openers:
            return []
        first = min([openers[0][0], *brief_labels])
        for unit in units[:first]:
            self.warn(
                unit.line, f"版面开头的“{head(unit.text)}”不属于任何稿件（可能是转版文字），未导入"
            )
        heads = []
        for number, (start, run) in enumerate(openers):
            end = openers[number + 1][0] if number + 1 < len(openers) else len(units)
            if isinstance(run, list):
                group = self._plain_group([units[i] for i in run], page, top=number == 0)
                group.body = units[run[-1] + 1 : end]
            else:
                group = self._brief(units[start], run)
                group.body = [self._unmarked(units[start], group)] + units[start + 1 : end]
            heads.append(group)
        return heads

    def _brief_labels(self, runs, units, kinds):
        """A single short line right above a brief is the briefs' column label (工会动态)."""
        kept, labels = [], {}
        for run in runs:
            after = run[-1] + 1
            if len(run) == 1 and after < len(units) and kinds[after] == "brief":
                labels[run[0]] = self._label_core(units[run[0]].text)
            else:
                kept.append(run)
        self._brief_sections = labels
        return kept, list(labels)

    def _brief_items(self, units, kinds, starts):
        """(index, label) for every brief: at a marker, or after a credit inside a run of them."""
        headline_starts = {run[0] for run in starts}
        items, label, inside, credited = [], None, False, False
        for index, unit in enumerate(units):
            if index in self._brief_sections:
                label, inside, credited = self._brief_sections[index], False, False
                continue
            if index in headline_starts:
                label, inside = None, False
                continue
            opens = kinds[index] == "brief" or (
                inside and credited and kinds[index] in ("para", "dateline")
            )
            if opens:
                items.append((index, label or ""))
                inside = True
            credited = kinds[index] == "byline" or bool(TRAILING_CREDIT.search(unit.text))
        return items

    def _brief(self, unit, label):
        headline, _, printed = brief_headline(unit.text)
        group = Head(headline, unit.line, label or None)
        if not printed:
            self.warn(unit.line, f"简讯没有标题，暂以首句“{headline}”作标题，请核对")
        return group

    @staticmethod
    def _unmarked(unit, group):
        """The brief's first line without its marker (and without its lead phrase)."""
        _, text, _ = brief_headline(unit.text)
        return Unit(
            [text],
            unit.line,
            unit.blank_before,
            unit.level,
            unit.index,
            unit.indented,
            unit.numbers,
        )

    @staticmethod
    def _caption_like(unit):
        text = unit.text
        return bool(CAPTION_MARKER.match(text)) or (unit.gap and han_count(text) <= SHORT_CAPTION)

    def _plain_kind(self, unit):
        if unit.level >= 2:
            return "crosshead"
        if self.byline(unit) or self._opens_with_credit(unit):
            return "byline"
        if split_dateline(unit.text):
            return "dateline"
        if self._heading_like(unit):
            return "heading"
        return "para"

    def _plain_group(self, run, page, *, top):
        """Topic banner, section, kicker, headline and 副题 from a run of short lines.

        Evidence first: a line the footer or a title list repeats is the 主题 (two lines the
        footer repeats as one are one 主题 printed over two lines), a line starting with ——
        is a 副题, a bracketed or letter-spaced line is a column label. Without evidence, one
        line is the 主题; two are 主题 + 副题, flagged; three are 引题 + 主题 + 副题.
        """
        run = self._titles_over_two_lines(list(run))
        labels = [i for i, unit in enumerate(run[:-1]) if self._is_label(unit)]
        if labels and labels[-1] > 0:
            self._outside_articles(run[: labels[-1]], page, top=top)
            run = run[labels[-1] :]
        listed = next((i for i, unit in enumerate(run) if self._listed(unit.text)), None)
        if listed is not None and listed > 1 and not self._is_label(run[0]):
            self._outside_articles(run[: listed - 1], page, top=top)
            run, listed = run[listed - 1 :], 1
        elif top and listed is None:
            banner = []
            while len(run) > 1 and (len(run[0].lines) > 1 or len(run) > 3):
                banner.append(run.pop(0))
            self._outside_articles(banner, page, top=True)
        group_units = list(run)
        section = None
        # A column label on a plain page stands apart: bracketed, or short with a blank line
        # under it (two touching short lines are a headline group).
        if (
            listed != 0
            and len(run) >= 2
            and (self._is_label(run[0]) or (self._label_sized(run[0]) and run[1].blank_before))
        ):
            section = self._label_core(run.pop(0).text)
            listed = listed - 1 if listed else listed
        texts = [u.text for u in run]
        kicker = subheadline = None
        if listed is not None:
            kicker = " ".join(texts[:listed]) or None
            headline = texts[listed]
            subheadline = "".join(texts[listed + 1 :]) or None
        elif len(run) > 3:
            self.warn(run[0].line, "标题行过多，前面的行并入引题，请核对")
            kicker, headline, subheadline = " ".join(texts[:-2]), texts[-2], texts[-1]
        elif len(run) == 3:
            kicker, headline, subheadline = texts
        elif len(run) == 2 and is_organisation(texts[0]) and not texts[1].startswith("——"):
            # 西安市新城区工会 / 重视工人报刊发行工作: a name alone is the 引题 of the line below.
            kicker, headline = texts
        elif len(run) == 2:
            headline, subheadline = texts
            if not subheadline.startswith("——"):
                self.warn(
                    run[0].line,
                    f"两行标题“{headline}”“{subheadline}”按主题+副题处理，"
                    "也可能是引题+主题，请核对",
                )
        else:
            headline = texts[0]
        line = run[1].line if kicker else run[0].line
        return self._head(headline, line, section, kicker, subheadline, group_units)

    def _head(self, headline, line, section, kicker, subheadline, units):
        """The group, with a label printed in brackets before the headline taken out of it."""
        glued = GLUED_LABEL.match(headline)
        if glued and section is None:
            section, headline = glued.group("label"), glued.group("rest")
        group = Head(headline, line, section, kicker, subheadline)
        group.units = list(units)
        return group

    def _titles_over_two_lines(self, run):
        """Two lines that the footer repeats as one title are one 主题 printed over two lines."""
        joined = []
        for unit in run:
            previous = joined[-1] if joined else None
            if (
                previous is not None
                and not self._listed(previous.text)
                and self._listed(previous.text + unit.text)
            ):
                joined[-1] = Unit(
                    previous.lines + unit.lines,
                    previous.line,
                    previous.blank_before,
                    index=previous.index,
                    numbers=previous.numbers + unit.numbers,
                )
            else:
                joined.append(unit)
        return joined

    def _outside_articles(self, units, page, *, top):
        """Short lines above a headline group: the page's topic banner at the top, else lost."""
        if not units:
            return
        if top:
            page.topic = "\n".join(line for unit in units for line in unit.lines)
            return
        for unit in units:
            self.warn(unit.line, f"“{head(unit.text)}”不属于任何稿件的标题，未导入，请核对")
