"""Column labels (栏目) and kickers (引题): which short line above a headline is which.

A known section, a picture column (图片报道), a bracketed (【劳模风采】) or letter-spaced
(图 片 新 闻) line is a label; a line
of up to six characters is one, flagged when it touches the headline; seven to nine characters
is unsure (a label when a blank line separates it from the headline, a kicker when it touches
it, flagged either way); a longer line, or one with a space or punctuation inside, is a kicker.
"""

import re

from .bylines import MARKERS

LABEL_BRACKETS = "【】[]〖〗"
QUOTES = "“”‘’\"'「」『』《》"
# 图 片 新 闻: a column label printed with its characters spaced out.
SPACED_LABEL = re.compile(r"^(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff]$")
# 图片报道, 图片新闻: the column over a picture page or a photo item, never its 主题.
PICTURE_COLUMNS = frozenset({"图片报道", "图片新闻", "新闻图片"})
LABEL_MAX = 6  # a column label is at most this many characters ...
LABEL_UNSURE = 9  # ... and up to this many it may be a label or a kicker


class ColumnLabels:
    """The headline reader's judgement of labels (a mixin of `headlines.HeadlineGroups`)."""

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
        return (
            core in self.sections or core in PICTURE_COLUMNS or unit.text[:1] in MARKERS + "【[〖"
        )

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
