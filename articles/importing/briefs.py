"""Pages of briefs (工会动态, 简讯): items with a marker and no headline of their own.

Each item starts with a marker (△ ▲ ■ ● ◆ …) and ends with a credit in brackets, a person
`(甲)`, two `(甲 乙)`, a role and a person `(通讯员 甲)` or an organisation `(某县总工会)`. A
marker can be lost in extraction, so inside a run of briefs a paragraph after a credit starts
the next item too. An item's headline is its short lead phrase when it prints one (`职工书屋
开放。近日，……` or `职工书屋开放——近日，……`); otherwise the first clause stands in for one,
flagged for the editor.
"""

import re

from .credits_in_text import split_caption_credit
from .datelines import split_dateline
from .page_lines import Head, Unit
from .text import han_count

TRAILING_CREDIT = re.compile(r"[（(][^（）()]{2,30}[）)][?？]?$")
BRIEF_MARKERS = "△▲■●◆◇★☆▪"
LEAD_PHRASE = re.compile(r"^(?P<lead>[^，。；：！？,;:!?]{2,16}?)(?:。|——)(?P<rest>\S.*)$")
FIRST_CLAUSE = re.compile(r"^(?P<clause>[^，。；！？,;!?]{2,})")
HEADLINE_MAX = 24
TIME_CLAUSE = re.compile(
    r"^(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}(?:日|至\d{1,2}日))?(?:[上下]午|晚|晚间)?"
    r"|近日|日前|昨天|昨日|今天|今日|最近|近期|连日来|近年来|目前|当天|当日)$"
)


# 【市总工会表彰职工精神文明“十佳”好事】6月14日，……: a yearbook's or a round-up's entry, its
# title in brackets glued to its text. Longer than a column label (【劳模风采】, up to nine).
TITLED_ITEM = re.compile(r"^【(?P<lead>[^【】]{10,40})】\s*(?P<rest>\S[^【】]*[，,。][^【】]*)$")


def is_brief_start(text):
    """A paragraph opening with a brief's marker, or with its title in brackets."""
    if TITLED_ITEM.match(text):
        return True
    return len(text) > 1 and text[0] in BRIEF_MARKERS and text[1] not in BRIEF_MARKERS


def without_marker(text):
    return text.lstrip(BRIEF_MARKERS).lstrip()


def brief_headline(text):
    """(headline, text left, printed) for an item: its lead phrase, else its first clause."""
    text = without_marker(text)
    titled = TITLED_ITEM.match(text)
    if titled:
        return titled.group("lead"), titled.group("rest"), True
    dateline = split_dateline(text)
    if dateline:  # 本报讯 第四届……: the stand-in comes from the text, not the dateline
        text = dateline.rest.lstrip("（(").lstrip()
    lead = LEAD_PHRASE.match(text)
    # A lead phrase stands before the item's own sentences, not before its credit alone.
    if lead and not lead.group("rest").startswith(("（", "(")) and len(lead.group("rest")) > 8:
        return lead.group("lead"), lead.group("rest"), True
    clause = FIRST_CLAUSE.match(text)
    if clause and TIME_CLAUSE.match(clause.group("clause").replace(" ", "")):
        # 7月5日，路桥区……: a date says nothing; the clause after it stands in (a site may
        # space it out: 2026 年1月7日).
        later = FIRST_CLAUSE.match(text[clause.end() :].lstrip("，,、 "))
        clause = later or clause
    headline = clause.group("clause") if clause else text
    if len(headline) > HEADLINE_MAX:
        headline = headline[:HEADLINE_MAX] + "……"
    return headline, text, False


class BriefItems:
    """The page parser's reading of briefs (a mixin of `parsing.PageParser`)."""

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
            opens = han_count(without_marker(unit.text)) >= 2 and (
                kinds[index] == "brief"
                or (
                    inside
                    and credited
                    and kinds[index] in ("para", "dateline")
                    # 某某好事（徐赜）: the item's picture caption, not the next item
                    and not split_caption_credit(unit.text)
                )
            )
            if opens:
                items.append((index, label or ""))
                inside = True
            credited = kinds[index] == "byline" or bool(TRAILING_CREDIT.search(unit.text))
        return items

    def _brief(self, unit, label):
        headline, _, printed = brief_headline(unit.text)
        group = Head(headline, unit.line, label or None, stand_in=not printed)
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
