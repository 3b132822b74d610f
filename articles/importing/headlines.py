"""Headline groups: which short lines are a 主题, its 引题 and 副题, a column label or a banner.

On a page with `#` marks each `#` line is a 主题, and the short lines right under it (before the
byline, dateline or text) are its 副题, joined when printed over two lines. A short line right
above a `#` line is a column label (栏目) when it is a known section, bracketed (【劳模风采】),
letter-spaced (图 片 新 闻) or at most six characters (flagged when it touches the headline);
seven to nine characters is unsure, read as a label when a blank line separates it from the
headline and as a 引题 when it touches it, flagged either way; a longer line, or one with a space
or punctuation inside, is a 引题. A `#` line that is a column label for sure (图片报道,
【劳模风采】) right above another `#` line is that headline's column, marked by the desk like a
headline. The lines at the top of the page before the first headline group are the topic banner.

On a plain page (no marks) a headline group is a run of short lines without sentence punctuation
followed by a dateline, a byline or the text. Evidence decides first: a line the page's footer
or a title list repeats is the 主题 (two lines it repeats as one are one 主题 printed over two
lines), a line starting with —— is a 副题, a name alone above the statement is its 引题, and so is a
slogan (parallel short phrases, or a short exclamation) above a line telling the event, and a
short line leading into the one under it (喜迎丰收节：, 聚焦一线，). Without
evidence one line is the 主题; two are 主题 + 副题, flagged; three are 引题 + 主题 + 副题. A lone
short line inside an article is a crosshead only when the article has two or more of them, else
a new article (flagged); a line over 编者按 always opens an article. A line listing names
with 、 (no ，) right under a heading is its 副题; four or more short lines, each apart, after an
article's text are a picture page's captions, not a headline group, and so are two or three
closing the page under a text that has a photo credit line of its own above it and no
dateline, and two or more apart over a photo credit line that closes the page (本报记者 甲 摄
under the captions: their one credit; a headline with only such lines under it heads them). A
line above a photo credit is its caption unless it opens the page, is listed as a
title, or is a —— 副题. A column label at the top of a plain page with the page's
furniture under it (新闻速递 over 《某某日报》(… 02版)) heads every article on the page, not
only the first. Column labels: see `labels`; briefs: see `briefs`.
"""

import re

from .briefs import TRAILING_CREDIT, brief_headline, is_brief_start
from .credits_in_text import split_trailing_credit
from .datelines import split_dateline
from .labels import ColumnLabels
from .names import is_organisation
from .page_lines import Head, Unit
from .photos import CAPTION_MARKER, is_credited_caption
from .text import EDITORS_NOTE, han_count, head, starts_mid_sentence

# 一、推荐理由, （二）主要做法: the numbered parts of a report or a case study, never a headline.
NUMBERED_PART = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
)
# A marker pointing at the picture above it, as captions print it (▲某某 in a text).
CAPTION_POINTERS = "▲△"
NUMBERED_PART_MAX = 20  # characters in a numbered part's heading
# 上接第一版, 接上版, （下转第3版）: text carried over from or to another page.
CARRIED_OVER = re.compile(r"上接|接上版|接第.{1,3}版|[下上]转")
BODY_PARAGRAPH = 60  # Chinese characters in a paragraph that is surely an article's text
REPEAT_MIN = 15  # a line this long printed again is a repeat, whole or cut off

KICKER_WITH_ELLIPSIS = 24
LEAD_IN = ("：", ":", "，", ",")  # a 引题 leading into the 主题 under it may end so
DASHED_CROSSHEAD = re.compile(r"^[^，。；！？,;!?]{2,16}——$")
GLUED_LABEL = re.compile(r"^【(?P<label>[^】]{2,12})】\s*(?P<rest>\S.{1,})$")
SHORT_CAPTION = 40  # a caption between a headline and its dateline is at most this long
CAPTION_RUN = 4  # this many short lines apart after an article's text are a picture page's captions


def whole(units):
    """Every line of text no article takes, as printed, for the warning that it was left out."""
    return "\n".join(line for unit in units for line in unit.lines)


# The second line of a headline wrapped over two lines goes on the first one's sentence: a verb
# with its complement (传播得更远), or an event with the first line as its subject (某某劳模工匠
# / 交流合作活动开展). The first line may end on a word that ends no phrase (…的, …和).
GOES_ON = re.compile(r"^[\u4e00-\u9fff]{1,2}得(?=[更越很好最十非真])")
EVENT_END = re.compile(
    r"(?:开展|举行|召开|举办|启动|成立|揭晓|亮相|开幕|闭幕|落幕|开班|结业|揭牌|出炉|开通|落成|竣工|签约)$"
)
OPEN_END = re.compile(r"(?:的|和|与|及|把|将|在|为|向|对|让|从|被|给|之|于|并|而|或)$")
WRAP_LINE_MAX = 12  # characters in each line of a 主题 wrapped over two lines
PLAIN_LINE = re.compile(r"^[\u4e00-\u9fff“”‘’《》—]+$")


def _repeats(text, texts):
    """Whether a line repeats one of `texts`, whole or cut off where the page stops."""
    return text in texts or (
        han_count(text) >= REPEAT_MIN and any(t.startswith(text) for t in texts)
    )


def wrapped(first, second):
    """Whether two lines of a headline group read as one sentence: one 主题 over two lines."""
    if second.startswith("——") or not (PLAIN_LINE.match(first) and PLAIN_LINE.match(second)):
        return False
    if OPEN_END.search(first) or GOES_ON.match(second):
        return True
    return (
        len(first) <= WRAP_LINE_MAX
        and len(second) <= WRAP_LINE_MAX - 2
        and bool(EVENT_END.search(second))
        and not EVENT_END.search(first)
    )


class HeadlineGroups(ColumnLabels):
    """The page parser's reading of headline groups (a mixin of `parsing.PageParser`)."""

    def _marked_heads(self, units, page):
        heads = []
        lower = 0
        anchors = [u.index for u in units if u.level == 1 and not self._marked_label(units, u)]
        for count, anchor in enumerate(anchors):
            headline_unit = units[anchor]
            group = Head(headline_unit.text, headline_unit.line)
            # The lines above the group are read above its marked label, if it has one.
            label = anchor >= 1 and self._marked_label(units, units[anchor - 1])
            top = anchor - 1 if label else anchor
            if count == 0:
                start = self._top_of_page(units[:top], units[top], group, page)
            else:
                start = self._above(units, lower, top, group)
            if label:
                group.section = self._label_core(units[top].text)
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

    def _marked_label(self, units, unit):
        """# 图片报道 over # 某某: a column label marked like a headline by the desk is the
        column of the headline under it, not a headline of its own."""
        below = unit.index + 1
        return (
            unit.level == 1
            and self._is_label(unit)
            and below < len(units)
            and units[below].level == 1
            and not self._is_label(units[below])
        )

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
        return len(unit.lines) == 1 and (self._heading_like(unit) or self._lead_in(unit))

    def _top_of_page(self, tops, headline_unit, group, page):
        """Above the first headline: the page's topic banner, and a label or kicker."""
        keep = len(tops)
        while keep > 0 and (
            self._heading_like(tops[keep - 1], lenient=True)
            # 喜迎丰收节： right above the headline leads into it: its 引题
            or (keep == len(tops) and self._lead_in(tops[keep - 1]))
        ):
            keep -= 1
        self._leave_out(tops[:keep], "版面开头的{}不属于任何稿件（可能是转版文字），未导入")
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

    @staticmethod
    def _lone_caption(units, kinds, index):
        """▲某某，二级作家、资深媒体人。 in the middle of a text, the page's only marked line and
        ending in no credit: the caption of the picture above it (▲ points at it), not a brief
        (briefs come in runs, each closing with its credit in brackets)."""
        text = units[index].text
        return (
            text[0] in CAPTION_POINTERS
            and not TRAILING_CREDIT.search(text)
            and any(kinds[i] == "para" for i in range(index))
            and any(kinds[i] == "para" for i in range(index + 1, len(units)))
        )

    def _plain_heads(self, units, page):
        kinds = [self._plain_kind(u) for u in units]
        marked = [i for i, u in enumerate(units) if kinds[i] == "para" and is_brief_start(u.text)]
        for index, unit in enumerate(units):
            if kinds[index] == "para" and is_brief_start(unit.text):
                # ▲昨天，…… 某某 摄: a photo's caption under its marker, not a brief; so is
                # one with the photo credit on the line under it.
                credited_below = index + 1 < len(units) and self._is_photo_credit(units[index + 1])
                if not self._ends_with_photo_credit(unit) and not credited_below:
                    if not (marked == [index] and self._lone_caption(units, kinds, index)):
                        kinds[index] = "brief"
            elif kinds[index] == "para" and index and kinds[index - 1] == "heading":
                # 宁波建行、市总工会和本报连续12年送爱心报卡: a list of names in a 副题 (、, no ，).
                if self._heading_like(unit, lenient=True) and not re.search("[，,；;]", unit.text):
                    kinds[index] = "heading"
        for index in range(len(units)):
            # 编者按 on a line of its own opens the editor's note: the text, never a 副题, nor
            # a crosshead or headline where a byline stands between it and the headline.
            if kinds[index] == "heading" and EDITORS_NOTE.match(units[index].text):
                kinds[index] = "para"
        for index in range(len(units) - 2):
            # 发礼包、送对联、包饺子…… over the headline (and its 副题) and the dateline: a 引题.
            text = units[index].text
            below = index + 1
            while below < min(index + 3, len(units)) and kinds[below] == "heading":
                below += 1
            if (
                kinds[index] == "para"
                and text.endswith("……")
                and han_count(text) <= KICKER_WITH_ELLIPSIS
                and "。" not in text
                and below > index + 1
                and below < len(units)
                and kinds[below] in ("dateline", "byline")
            ):
                kinds[index] = "heading"
        for index in range(len(units) - 2):
            # 喜迎丰收节： / 千名工匠同台竞技 / 本报讯…: a line leading into the one below it
            # (ending in a colon or a comma) is its 引题, never text carried over.
            if (
                kinds[index] == "para"
                and self._lead_in(units[index])
                and kinds[index + 1] == "heading"
                and kinds[index + 2] in ("dateline", "byline")
                and (index == 0 or kinds[index - 1] != "para" or units[index].blank_before)
            ):
                kinds[index] = "heading"
        self._dashed_crossheads(units, kinds)
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
            if (
                len(run) >= CAPTION_RUN
                and all(units[i].blank_before for i in run[1:])
                and self._closing_photo_credit(j, units)
                and not any(self._listed(units[i].text) for i in run[1:])
            ):
                # A headline, then short lines apart and the credit closing the page: a
                # picture page with no text, its captions under its one headline.
                del run[1:]
            elif (
                j < len(units) and self._is_photo_credit(units[j]) and not self._titled(run, units)
            ):
                run.pop()  # the line right above a photo credit is its caption
            if run and not self._captions(run, units, kinds):
                runs.append(run)
            i = j
        runs, brief_labels = self._brief_labels(runs, units, kinds)
        starts, lone = [], []
        for run in runs:
            if starts and len(run) >= 2 and run[-1] == len(units) - 1:
                # Several short lines closing the page under an article, no text under them:
                # the site's related links (一条 title a line), not a headline group.
                self._leave_out(
                    [units[i] for i in run], "页面末尾的{}下面没有正文，不属于任何稿件，未导入"
                )
                self.trailing.update(run)
                continue
            after = run[-1] + 1
            while after < len(units) and (
                kinds[after] == "heading" or self._is_photo_credit(units[after])
            ):
                after += 1
            # A photo caption may stand between a headline and its dateline.
            if after < len(units) and self._caption_like(units[after]):
                after += 1
            # 编者按 under a line opens an article's editor's note: the line is its headline,
            # never a crosshead of the article above.
            strong = (
                not starts
                or len(run) >= 2
                or (after < len(units) and kinds[after] in ("dateline", "byline"))
                or (after < len(units) and bool(EDITORS_NOTE.match(units[after].text)))
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
            # A page whose furniture lists its titles settles it: a line not listed is no title.
            unlisted = (
                len(segment) == 1 and self.titles and not self._in_title(units[segment[0][0]].text)
            )
            if segment and segment[-1][-1] == len(units) - 1:
                # Short lines closing the page with no text under them: a site's links.
                self._leave_out(
                    [units[i] for run_ in segment for i in run_],
                    "页面末尾的{}下面没有正文，不属于任何稿件，未导入",
                )
                for run_ in segment:
                    self.trailing.update(run_)
            elif len(segment) == 1 and self._continues_article(segment[0], starts, units, kinds):
                # 终于被“请”出来了 in an article bylined under its headline, with no byline or
                # dateline of its own under it: the article's crosshead.
                self.crossheads.add(segment[0][0])
                self.warn(
                    units[segment[0][0]].line,
                    f"“{units[segment[0][0]].text}”按插题处理（其下没有电头或署名），请核对",
                )
            elif len(segment) == 1 and not unlisted:
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
        # 某某报业集团党委副书记、总编辑 甲 over the page's first headline: its writer's byline.
        above = first
        while above and kinds[above - 1] == "byline" and first - above < 2:
            above -= 1
        credit_above = units[above:first]
        heads = []
        picture = self._picture_above(units[:above])
        text_above = [] if picture else self._text_above(units[:above])
        if picture:
            heads.append(picture)
        elif not text_above:
            self._leave_out(units[:above], "版面开头的{}不属于任何稿件（可能是转版文字），未导入")
        self.page_label = None
        for number, (start, run) in enumerate(openers):
            end = openers[number + 1][0] if number + 1 < len(openers) else len(units)
            if isinstance(run, list):
                group = self._plain_group([units[i] for i in run], page, top=number == 0)
                group.body = units[run[-1] + 1 : end]
                if number == 0 and start == first:
                    group.body = credit_above + group.body
            else:
                group = self._brief(units[start], run)
                group.body = [self._unmarked(units[start], group)] + units[start + 1 : end]
            heads.append(group)
        if text_above:
            self._place_text_above(text_above, units[:above], heads)
        if self.page_label:
            for group in heads[1:]:
                group.section = group.section or self.page_label
        return heads

    @staticmethod
    def _text_above(top):
        """The units above the first headline when they are an article's, never text jumped from
        another page: they open with a dateline (本报讯 (甲 通讯员 乙)……), or they are a body
        copied without its headline (two paragraphs or more, one of them long, the first
        starting a sentence, nothing saying it was carried over: 上接……)."""
        if not top:
            return []
        if split_dateline(top[0].text):
            return list(top)
        texts = [unit.text for unit in top]
        if (
            len(top) >= 2
            and any(han_count(t) >= BODY_PARAGRAPH and "。" in t for t in texts)
            and not starts_mid_sentence(texts[0])
            and not any(CARRIED_OVER.search(t) for t in texts)
        ):
            return list(top)
        return []

    def _place_text_above(self, top, printed, heads):
        """A mobile or e-paper page that prints the text, then its headline and the text again
        (本报讯…… / 第A2版 / 标题 / ……), or a page whose furniture names its one article's
        title printed mid-text (标题：某某): the text is the first article's, above its body
        (a repeat is dropped as printed twice). Otherwise it is an article of its own, its
        first clause standing in for the headline, flagged."""
        texts = {unit.text for unit in top}
        first = heads[0] if heads else None
        repeated = first is not None and any(_repeats(unit.text, texts) for unit in first.body)
        # 标题：某某 under the text names the page's one article: its title printed mid-text.
        named = first is not None and len(heads) == 1 and self._listed(first.headline)
        if repeated or named:
            first.body = top + first.body
            self.warn(
                top[0].line,
                f"正文印在标题“{first.headline}”之前（网页先印正文），已归入该稿件，请核对",
            )
            return
        headline = self._stand_in_headline(top[0].text)
        self.warn(top[0].line, f"版面开头的稿件没有标题，暂以首句“{headline}”作标题，请核对")
        group = Head(headline, top[0].line, stand_in=True)
        group.body = list(printed)
        heads.insert(0, group)

    def _picture_above(self, top):
        """A caption with its photo credit above the page's first headline (…赠送图书。 甲 摄):
        a picture printed without a headline, not text jumped from another page. It is an item
        of its own, its first clause standing in for the headline, flagged."""
        if not top or any(self._heading_like(unit) for unit in top):
            return None
        last = top[-1]
        found = split_trailing_credit(last.text)
        credit = found[1] if found else self.byline(last)
        if not credit or credit.text_credits or not credit.photo_credits:
            return None
        headline, _, _ = brief_headline(top[0].text)
        self.warn(top[0].line, f"版面开头的图片说明没有标题，暂以“{headline}”作标题，请核对")
        group = Head(headline, top[0].line, stand_in=True)
        group.body = list(top)
        return group

    @staticmethod
    def _continues_article(run, starts, units, kinds):
        """A lone short line inside an article whose headline has a byline or dateline under
        it, while nothing under the line has one before the next headline."""
        above = [start for start in starts if start[-1] < run[0]]
        if not above:
            return False
        below_head = range(above[-1][-1] + 1, min(above[-1][-1] + 3, run[0]))
        credited = any(kinds[i] in ("dateline", "byline") for i in below_head)
        later = [start[0] for start in starts if start[0] > run[0]]
        end = min(later) if later else len(units)
        text_only = all(kinds[i] in ("para", "brief") for i in range(run[-1] + 1, end))
        return credited and text_only and run[-1] + 1 < end

    def _ends_with_photo_credit(self, unit):
        found = split_trailing_credit(unit.text)
        return bool(found and found[1].photo_credits)

    def _dashed_crossheads(self, units, kinds):
        """人是故乡亲—— over 在外游子重访乡邻 inside an article's text: a crosshead printed over
        two lines, its first line ending in a dash; not a new article."""
        for index in range(1, len(units) - 1):
            if (
                kinds[index] == "para"
                and DASHED_CROSSHEAD.match(units[index].text)
                and kinds[index + 1] == "heading"
                and "para" in kinds[:index]
                and index + 2 < len(units)
                and kinds[index + 2] == "para"
            ):
                kinds[index] = kinds[index + 1] = "crosshead"
                self.crossheads.update({index, index + 1})

    def _captions(self, run, units, kinds):
        """A picture page's captions: four or more short lines, each standing apart, after an
        article's text and before no dateline or byline; not a headline group. Two or three
        will do when they close the page under a text with its own photo credit line above it
        and no dateline (a picture page), or when a gap (where a photo stood) stands before
        each of them and the text goes on under them: an account's photos, each with its
        caption, inside one article."""
        after = run[-1] + 1
        block = self._caption_block(run, units, kinds)
        credit_below = self._closing_photo_credit(block[-1] + 1, units)
        if (
            not any(kind != "heading" for kind in kinds[: block[0]])
            or (
                block[-1] + 1 < len(units)
                and kinds[block[-1] + 1] in ("dateline", "byline")
                and not credit_below
            )
            or any(self._listed(units[i].text) for i in run)
        ):
            return False
        apart = all(units[i].blank_before for i in block[1:])
        if len(block) >= CAPTION_RUN and apart:
            return True
        if len(block) >= 2 and apart and credit_below:
            # 农机手在田间作业 / 丰收的稻谷装车外运 / 本报记者 甲 摄 under the text: a picture
            # page's captions with their one credit closing the page, not a headline group.
            return True
        if len(block) >= 2 and apart and block[-1] == len(units) - 1:
            # Two or three closing the page under a picture page's text: its captions, not a
            # site's links (the page's one credit line credits their photos).
            return self._credited_picture_text(block[0], units, kinds)
        return (
            len(run) >= 2
            and all(units[i].gap for i in run)
            and after < len(units)
            and units[after].gap
            and kinds[after] == "para"
        )

    def _credited_picture_text(self, end, units, kinds):
        """Whether the article above units[end] is a picture page's text: a photo credit line of
        its own (记者 甲 摄) between its headline and its text, and no dateline."""
        start = end
        while start > 0 and kinds[start - 1] != "heading":
            start -= 1
        body = range(start, end)
        paragraphs = [i for i in body if kinds[i] == "para"]
        return (
            bool(paragraphs)
            and all(kinds[i] != "dateline" for i in body)
            and any(self._is_photo_credit(units[i]) for i in body if i < paragraphs[0])
        )

    def _closing_photo_credit(self, index, units):
        """Whether units[index] is a photo credit line (本报记者 甲 摄) with nothing but credits
        under it to the end of the page: the credit of the captions above it, never the byline
        of an article they head."""
        return (
            index < len(units)
            and self._is_photo_credit(units[index])
            and all(self.byline(unit) for unit in units[index + 1 :])
        )

    @staticmethod
    def _caption_block(run, units, kinds):
        """The run with the captions apart around it that carry their own photo credit
        (电工选手接线比拼（通讯员 甲 摄）): a picture page prints them among the others."""

        def among(i):
            return kinds[i] == "heading" or (
                kinds[i] == "para" and is_credited_caption(units[i].text)
            )

        first, last = run[0], run[-1]
        while first > 0 and units[first].blank_before and among(first - 1):
            first -= 1
        while last + 1 < len(units) and units[last + 1].blank_before and among(last + 1):
            last += 1
        return list(range(first, last + 1))

    @staticmethod
    def _lead_in(unit):
        """喜迎丰收节：, 聚焦一线，: a short line, no sentence in it, ending in a colon or comma."""
        text = unit.text
        return (
            unit.level == 0
            and text.endswith(LEAD_IN)
            and 2 <= han_count(text) <= KICKER_WITH_ELLIPSIS
            and not re.search(r"[。！？!?；;]", text)
            and not split_dateline(text)
        )

    @staticmethod
    def _caption_like(unit):
        text = unit.text
        return bool(CAPTION_MARKER.match(text)) or (unit.gap and han_count(text) <= SHORT_CAPTION)

    def _plain_kind(self, unit):
        if unit.level >= 2:
            return "crosshead"
        text = unit.text
        if NUMBERED_PART.match(text) and len(text) <= NUMBERED_PART_MAX and "。" not in text[:-1]:
            # 一、推荐理由 / （一）主要内容。: a report's numbered parts head its sections.
            self.crossheads.add(unit.index)
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
            label = run.pop(0)
            section = self._label_core(label.text)
            listed = listed - 1 if listed else listed
            if top and self._furniture_between(label, run[0]):
                # 新闻速递 over the page's edition line (《某某日报》(… 02版)), then the items:
                # the label heads the page's column, every article in it.
                self.page_label = section
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
        elif len(run) == 2 and texts[0].endswith("……") and not texts[1].startswith("——"):
            # 发礼包、送对联、包饺子……: a line trailing off is a 引题, never a 主题.
            kicker, headline = texts
        elif len(run) == 2 and texts[0].endswith(LEAD_IN) and not texts[1].startswith("——"):
            # 喜迎丰收节： / 千名工匠同台竞技: a line leading into the next is its 引题.
            kicker, headline = texts
        elif len(run) == 2 and is_organisation(texts[0]) and not texts[1].startswith("——"):
            # 西安市新城区工会 / 重视工人报刊发行工作: a name alone is the 引题 of the line below.
            kicker, headline = texts
        elif len(run) == 2 and wrapped(*texts):
            # 把某某好声音 / 传播得更远更久: one 主题 printed over two lines.
            headline = texts[0] + texts[1]
            self.warn(run[0].line, f"两行“{texts[0]}”“{texts[1]}”读作一句，按一行主题处理，请核对")
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

    @staticmethod
    def _furniture_between(upper, lower):
        """Whether page furniture (a line dropped as such) stood between two units."""
        skipped = lower.line - upper.numbers[-1] - 1
        return skipped > lower.blank_before

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
        self._leave_out(units, "{}不属于任何稿件的标题，未导入，请核对")

    def _leave_out(self, units, message):
        """Warn of units no article takes: one warning a run of them printed one after another
        (the operator places a run by hand at once), quoting its first line's head, with
        every line of the run."""
        runs = []
        for unit in units:
            if runs and unit.index == runs[-1][-1].index + 1:
                runs[-1].append(unit)
            else:
                runs.append([unit])
        for run in runs:
            quoted = f"“{head(run[0].text)}”"
            if len(run) > 1:
                quoted += f"等{len(run)}段"
            self.warn(run[0].line, message.format(quoted), left_out=whole(run))

    def _titled(self, run, units):
        """Whether the last line of a run above a photo credit is a headline, not a caption:
        the furniture names it or a line above it as the 主题, it is a —— 副题, or it opens
        the page (作者: 本报记者甲/摄 under the page's one headline)."""
        last = units[run[-1]].text
        return (
            run[0] == 0
            or last.startswith("——")
            or self._listed(last)
            or (len(run) >= 2 and any(self._listed(units[i].text) for i in run[:-1]))
        )
