"""One article's body: dateline, bylines, photos and captions, paragraphs, notes and places.

The page parser has found the headline group and the units of text under it; this module sorts
those units out.

- Credits: see `bylines`. A credit printed over two lines (记者甲、乙 / 通讯员丙 摄影报道) is one
  credit; a role printed with no name (本报记者) is flagged, not recorded; a passage the site
  printed twice is read once.
- Photos: see `photos`. A photo news item (a caption and nothing else) keeps its caption as its
  text as well.
- Paragraphs. One that does not end a sentence is joined with the next (a column break, also
  across a photo), unless the next is only the short end of a sentence (…美工刻字体 / 加深入
  人心。): text is missing there, so both stay as printed with a note. Where paragraphs are
  indented, a line without the indent continues the one above. A text cut off at the end, or
  starting mid-sentence, is kept with a note: nothing is invented.
- Places: the gazetteer reads the dateline's place, the headline group and the body.
"""

import re
from dataclasses import dataclass, field

from .bylines import (
    DEFAULT_PHOTO_ROLE,
    DEFAULT_TEXT_ROLE,
    MARKERS,
    MissingName,
    parse_credit_phrase,
)
from .credits_in_text import split_leading_credit, split_trailing_credit
from .datelines import split_dateline
from .furniture import END_MARK, JUMP, JUMP_AT_END
from .gazetteer import PROVINCE
from .page_lines import Unit
from .photos import PhotoReading
from .structure import ParsedArticle, ParsedPhoto
from .text import (
    EDITORS_NOTE,
    ends_paragraph,
    ends_sentence,
    han_count,
    head,
    sentences,
    starts_mid_sentence,
    tail,
)

# Text cut off with an ellipsis, as a site cuts a related article's opening into a teaser.
TEASER_END = re.compile(r"(?:\.{3,}|…+|。{3})$")
TRAILING_DATELINE = re.compile(r"[（(](?P<dateline>[^（）()]{3,30}[讯电])[）)]$")
REPEAT_MIN = 15  # a line this long printed twice in one article is a repetition
LOST_FRAGMENT = 8  # a paragraph this short after a broken one is the tail of a lost passage
PHOTO_NEWS_NOTE = "图片新闻：图片说明同时作为正文"
# 9月13日婺城竹马乡下张家村: the day and the place a feature's reporter was, on a line of its
# own over the text: a paragraph of its own, never a headline or the start of the next one.
TIME_AND_PLACE = re.compile(
    r"^\d{1,2}月\d{1,2}日[\u4e00-\u9fff]{2,16}(?:村|镇|乡|街道|社区|区|县|市|岛|港|码头|工地|车间|园区|站)$"
)
# 鲜花掌声送劳模 全省9家单位43名个人 摘取全国五一劳动奖: a site that prints the headline group on
# one line, its lines joined by spaces; nothing says which phrase is a 引题 or a 副题. Its
# phrases have four characters or more, one of them eight or more, fourteen in all (a 主题
# spaced in print, 技术能手 同台竞技, is shorter).
PHRASE_MIN = 4
PHRASE_LONG = 8
GROUP_MIN = 14


@dataclass
class Item:
    """A unit of the body while it is being sorted out."""

    kind: str  # para, crosshead, caption, byline, credit
    unit: object
    text: str = ""
    phrase: object = None  # the credit a byline or credit line prints
    photo_phrase: object = None  # a photo credit glued after a caption or paragraph
    dateline: object = None
    photo: ParsedPhoto | None = None
    more_units: list = field(default_factory=list)  # a credit printed over two lines

    @property
    def numbers(self):
        return [n for unit in [self.unit, *self.more_units] for n in unit.numbers]


class ArticleBuilder(PhotoReading):
    def __init__(self, page_parser, group):
        self.page = page_parser
        self.group = group
        self.article = ParsedArticle(
            headline=group.headline,
            line=group.line,
            section=group.section,
            kicker=group.kicker,
            subheadline=group.subheadline,
            headline_stand_in=group.stand_in,
        )
        # Credits such as 摄影报道 that cover the text and the article's photos.
        self.photo_reports = []

    def warn(self, line, message):
        self.page.warn(line, message)

    def build(self):
        article = self.article
        # Every line the article was read from, for drawing its area on the page.
        body = [unit for unit in self.group.body if unit.index not in self.page.trailing]
        units = [*self.group.units, *body]
        article.lines = sorted({n for unit in units for n in unit.numbers})
        items = self._join_split_credits(self._items(body))
        self._find_captions(items)
        dateline_place = self._lead(items)
        self._trailing_credits(items)
        self._photos(items)
        self._bare_names_credited_elsewhere()
        self._paragraphs(items)
        if not article.paragraphs:
            captions = [p.caption for p in article.photos if p.caption]
            if captions:
                article.blocks = [("paragraph", c) for c in captions]
                article.notes.append(PHOTO_NEWS_NOTE)
            else:
                self.warn(article.line, f"《{article.headline}》没有正文")
        if (
            not self.group.stand_in
            and not (article.kicker or article.subheadline)
            and _spaced_phrases(article.headline)
        ):
            self.warn(
                article.line,
                f"标题“{article.headline}”由空格隔开的几段组成，可能是网页把引题、主题或副题排成了一行；"
                "按一行主题处理，请核对",
            )
        for note in article.notes:
            if note != PHOTO_NEWS_NOTE:
                self.warn(article.line, f"《{article.headline}》：{note}")
        article.regions = self.page.gazetteer.find(
            dateline_place=dateline_place,
            headline_texts=[
                article.kicker,
                None if self.group.stand_in else article.headline,
                article.subheadline,
            ],
            body_texts=[text for _, text in article.blocks]
            + [p.caption for p in article.photos if p.caption],
        )
        if not article.regions and article.dateline:
            # 松阳新闻网讯 with 县总工会 in the text: a county's own paper or site names the
            # place it reports, when the article names none (the province's paper does not).
            found = self.page.gazetteer.find(dateline_place=article.dateline)
            article.regions = [place for place in found if place.kind != PROVINCE]
        return article

    def _items(self, units):
        items = []
        units = self._printed_once(self._closed_brackets(units))
        for position, unit in enumerate(units):
            if unit.level >= 2 or unit.index in self.page.crossheads:
                items.append(Item("crosshead", unit, unit.text))
                continue
            if JUMP.match(unit.text):
                self.article.notes.append(f"正文转版：{unit.text}，转版部分不在本页")
                continue
            phrase = self.page.byline(unit)
            if phrase and phrase.anonymous:
                following = units[position + 1] if position + 1 < len(units) else None
                if self._role_over_names(unit, phrase, following):
                    # 本报记者 / 田凯平 摄: the role's names are on the next line.
                    items.append(Item("byline", unit, unit.text, phrase=phrase))
                    continue
                self._phrase_warnings(phrase, unit)
                continue
            if phrase:
                kind = "byline" if phrase.text_credits else "credit"
                items.append(Item(kind, unit, unit.text, phrase=phrase))
                continue
            items.append(Item("para", unit, unit.text))
        return items

    def _role_over_names(self, unit, phrase, following):
        """A role printed alone (本报记者) with the names and 摄 on the line under it: one credit
        printed over two lines, not an unnamed credit."""
        if phrase.terminal is not None or following is None or following.level:
            return False
        below = self.page.byline(following)
        if below is None or below.anonymous or below.terminal is None:
            return False
        try:
            joined = parse_credit_phrase(f"{unit.text} {following.text}")
        except MissingName:
            return False
        return bool(joined and not joined.anonymous)

    def _bare_names_credited_elsewhere(self):
        """A bare name (a site's author line: 田国垒) also printed with a role in a photo credit
        (本报记者 田国垒 … 摄) is that credit, not a second one."""
        printed = {
            c.name for p in self.article.photos for c in p.people if c.role != DEFAULT_PHOTO_ROLE
        }
        self.article.people = [
            c for c in self.article.people if c.role != DEFAULT_TEXT_ROLE or c.name not in printed
        ]

    @staticmethod
    def _closed_brackets(units):
        """A bracket opened at the end of a line closes on the next: 临汾新闻网讯(记者 / 范韶华)."""
        joined = []
        for unit in units:
            previous = joined[-1] if joined else None
            if (
                previous is not None
                and previous.level == 0
                and unit.level == 0
                and previous.text.count("（") > previous.text.count("）")
            ):
                joined[-1] = Unit(
                    previous.lines + unit.lines,
                    previous.line,
                    previous.blank_before,
                    index=previous.index,
                    indented=previous.indented,
                    numbers=previous.numbers + unit.numbers,
                )
            else:
                joined.append(unit)
        return joined

    def _printed_once(self, units):
        """The units without a passage the site printed twice (text, then its credit again)."""
        seen, kept, skipping = set(), [], False
        for index, unit in enumerate(units):
            text = unit.text
            repeated = text in seen or (
                # ……学习体验。推荐新: the repeat cut off where the page's text stops
                (skipping or index == len(units) - 1)
                and han_count(text) >= REPEAT_MIN
                and any(earlier.startswith(text) for earlier in seen)
            )
            skipping = repeated and (han_count(text) >= REPEAT_MIN or skipping)
            if skipping:
                if not any("重复" in note for note in self.article.notes):
                    self.warn(unit.line, f"“{head(text)}”与前文重复（网页重复印出），未重复导入")
                    self.article.notes.append("网页重复印出的文字未重复导入")
                continue
            seen.add(text)
            kept.append(unit)
        return kept

    def _join_split_credits(self, items):
        """A credit printed over two lines is one credit: 记者甲、乙 / 通讯员丙 摄影报道 credits
        all three for text and photos; 本报记者 甲 / 通讯员 乙 摄 credits both for the photo.

        The first line may be a credit of its own or glued after the last sentence.
        """
        joined = []
        for item in items:
            previous = joined[-1] if joined else None
            if (
                previous is not None
                and item.kind in ("byline", "credit")
                and item.phrase.terminal
                and not item.text.startswith(("（", "("))
            ):
                first = self._open_credit(previous)
                if first is not None:
                    text, credit_text = first
                    try:
                        phrase = parse_credit_phrase(f"{credit_text} {item.text}")
                    except MissingName:
                        phrase = None
                    if phrase and not phrase.anonymous:
                        kind = "byline" if phrase.text_credits else "credit"
                        merged = Item(kind, item.unit, item.text, phrase=phrase)
                        if previous.kind == "para":
                            previous.text = text
                            merged.more_units = [previous.unit]
                        else:
                            merged.unit, merged.more_units = previous.unit, [item.unit]
                            joined.pop()
                        joined.append(merged)
                        continue
            joined.append(item)
        return joined

    @staticmethod
    def _open_credit(item):
        """(text left, credit text) for a credit with no ending (报道, 摄) that the next line
        may finish: a credit line of its own, or one glued after the last sentence."""
        if item.kind == "byline" and item.phrase.terminal is None and item.phrase.has_role:
            return "", item.text
        if item.kind != "para":
            return None
        try:
            found = split_trailing_credit(item.text)
        except MissingName:
            return None
        if found and found[1].has_role and found[1].terminal is None:
            before = found[0]
            return before, item.text[len(before) :].strip()
        return None

    # -- dateline and credits -------------------------------------------------------------------

    def _lead(self, items):
        """Dateline and leading credit of the text; returns the dateline's place."""
        article = self.article
        paragraphs = [item for item in items if item.kind == "para"]
        if not paragraphs:
            return None
        first = paragraphs[0]
        with_dateline = [item for item in paragraphs if item.dateline]
        place = None
        # An editor's note (编者按) may come before the paragraph with the dateline.
        if with_dateline and with_dateline[0] in paragraphs[:2]:
            first = with_dateline[0]
            article.dateline = first.dateline.text
            place = first.dateline.place
            first.text = first.dateline.rest
            for other in with_dateline[1:]:
                self.warn(
                    other.unit.line,
                    f"正文中又出现电头“{other.dateline.text}”，可能是另一条无标题的简讯，请核对",
                )
        # A role printed with no name (记者 通讯员 甲) is flagged, not a reason to refuse the page.
        leading = split_leading_credit(
            first.text, after_dateline=bool(article.dateline), flag_unnamed=True
        )
        if leading:
            phrase, first.text = leading
            self._credit(phrase, first.unit)
        if not first.text.strip():
            items.remove(first)
        return place

    def _trailing_credits(self, items):
        for item in items:
            if item.kind == "byline":
                self._credit(item.phrase, item.unit, item.numbers)
                bare = not item.phrase.has_role and item.text[:1] not in "（(" + MARKERS
                if bare and not item.text.endswith(("报道", "摄")):
                    self.warn(item.unit.line, f"单独一行的“{item.text}”按署名处理，请核对")
        self._teaser_after_credit(items)
        paragraphs = [item for item in items if item.kind == "para"]
        if not paragraphs:
            return
        last = paragraphs[-1]
        last.text = END_MARK.sub("", last.text)
        self._dateline_at_end(items, last)
        jump = JUMP_AT_END.search(last.text)
        if jump:
            self.article.notes.append(f"正文转版：{jump.group()}，转版部分不在本页")
            last.text = last.text[: jump.start()].rstrip()
        found = split_trailing_credit(last.text, flag_unnamed=True)
        if found and (found[1].text_credits or found[1].anonymous):
            last.text, phrase, glued = found
            self._credit(phrase, last.unit)
            if glued:
                names = "、".join(c.name for c in phrase.text_credits)
                self.warn(last.unit.line, f"正文末尾的“{names}”按署名处理，请核对")

    def _teaser_after_credit(self, items):
        """A site prints another article's opening, cut off with an ellipsis, under the credit
        that ends this one (…送到骑手身边。（记者 甲 通讯员 乙） then 8月18日，在…穿着全套防...):
        the teaser is not this article's text. Left out, with a warning naming its line."""
        paragraphs = [item for item in items if item.kind == "para"]
        if len(paragraphs) < 2 or not TEASER_END.search(paragraphs[-1].text):
            return
        teaser = paragraphs[-1]
        before = items[items.index(teaser) - 1]
        if before.kind == "byline":
            credited = bool(before.phrase.text_credits)
        elif before.kind == "para":
            found = split_trailing_credit(before.text, flag_unnamed=True)
            credited = bool(found and found[1].has_role and not found[2])
        else:
            credited = False
        if credited:
            items.remove(teaser)
            self.warn(
                teaser.unit.line,
                f"署名之后以省略号结尾的“{teaser.text[:12]}…”像是另一篇稿件的摘要，未记入正文，请核对",
            )

    def _dateline_at_end(self, items, last):
        """Features may close with the dateline in brackets: …。（新华社北京10月8日电）."""
        match = TRAILING_DATELINE.search(last.text)
        if not match or self.article.dateline:
            return
        dateline = split_dateline(match.group("dateline"))
        if dateline and not dateline.rest:
            self.article.dateline = dateline.text
            last.text = last.text[: match.start()].rstrip()
            if not last.text:
                items.remove(last)

    def _credit(self, phrase, unit, numbers=None):
        for message in phrase.warnings:
            self.warn(unit.line, message)
        for credit in phrase.text_credits:
            target = self.article.organisations if credit.organisation else self.article.people
            same = next((c for c in target if c.name == credit.name), None)
            if same is None:
                target.append(credit)
            elif same.role == DEFAULT_TEXT_ROLE:
                # (赵敏) at the end repeats 记者 赵敏 at the start: one credit, the printed role.
                same.role = credit.role
            elif credit.role not in (same.role, DEFAULT_TEXT_ROLE):
                target.append(credit)
        if phrase.photo_credits and phrase.text_credits:
            self.photo_reports.append((phrase, numbers or unit.numbers))

    def _phrase_warnings(self, phrase, unit):
        for message in phrase.warnings:
            self.warn(unit.line, message)

    # -- paragraphs -----------------------------------------------------------------------------

    def _paragraphs(self, items):
        """Join paragraphs split by column breaks; note text that is cut off or lost."""
        notes = self.article.notes
        indented_layout = sum(1 for i in items if i.kind == "para" and i.unit.indented) >= 2
        blocks = []  # [kind, text]
        for item in items:
            if item.kind == "crosshead":
                if blocks and blocks[-1][0] == "paragraph" and not ends_sentence(blocks[-1][1]):
                    notes.append(f"正文在“{tail(blocks[-1][1])}”处中断，原文不全")
                blocks.append(["crosshead", item.text])
                continue
            if item.kind != "para" or not item.text:
                continue
            text = item.text
            if blocks and blocks[-1][0] == "paragraph":
                before = blocks[-1][1]
                # Where paragraphs are indented, a line that is not continues the one above.
                wrapped = indented_layout and not item.unit.indented and not item.unit.blank_before
                if (wrapped or not ends_paragraph(before)) and not TIME_AND_PLACE.match(before):
                    if not wrapped and self._text_lost_between(before, text):
                        notes.append(
                            f"“{tail(before)}”与“{head(text)}”之间疑有文字缺失，原文不全；"
                            "两段按原样分开保留"
                        )
                        blocks.append(["paragraph", text])
                    elif EDITORS_NOTE.match(before):
                        # 编者按 on its own line opens the note: 编者按：五月的阳光……
                        blocks[-1][1] = before.rstrip("：:") + "：" + text
                    else:
                        blocks[-1][1] = _join(before, text)
                    continue
            if starts_mid_sentence(text):
                notes.append(f"正文“{head(text)}”从句子中间开始，前文缺失，原文不全")
            blocks.append(["paragraph", text])
        if blocks and blocks[-1][0] == "paragraph" and not ends_sentence(blocks[-1][1]):
            note = f"正文在“{tail(blocks[-1][1])}”处中断，原文不全"
            if note not in notes:
                notes.append(note)
        self.article.blocks = [(kind, text) for kind, text in blocks]

    @staticmethod
    def _text_lost_between(before, after):
        """…美工刻字体 / 加深入人心。: a word broken off, then only the end of a sentence."""
        if not before or not ("\u4e00" <= before[-1] <= "\u9fff"):
            return False
        return (
            han_count(after) <= LOST_FRAGMENT
            and ends_sentence(after)
            and len(sentences(after)) == 1
        )


def _join(before, after):
    """Two parts of one paragraph; a word split across the break is joined without a gap."""
    latin = before[-1:].isascii() and before[-1:].isalnum()
    if latin and after[:1].isascii() and after[:1].isalnum():
        return before + " " + after
    return before + after


def _spaced_phrases(headline):
    """Two or more phrases of a headline joined by spaces, long enough to be several lines."""
    counts = [han_count(p) for p in headline.split()]
    return (
        len(counts) >= 2
        and min(counts) >= PHRASE_MIN
        and max(counts) >= PHRASE_LONG
        and sum(counts) >= GROUP_MIN
    )
