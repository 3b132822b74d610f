"""Characters to printed lines: each with its text, box, font size and font.

PDFium gives every character with its box, origin, size and font, in the order the layout
program drew them, which need not be reading order. Characters sharing a baseline are one line
until a gap wider than a character (a column gutter, or the pieces of a running head).
"""

import ctypes
import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from .geometry import Box, from_pdf, union_all

SPLIT_GAP = 1.0  # ems between characters that split a baseline into two lines
SPACE_GAP = 0.15  # ems beyond the usual letter spacing that read as a space
SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


@dataclass(slots=True)
class Char:
    text: str
    box: Box
    size: float
    font: str
    baseline: float


@dataclass
class Line:
    text: str
    box: Box
    size: float
    font: str
    baseline: float

    @property
    def bold(self):
        return "bold" in self.font.lower() or "heavy" in self.font.lower()


def page_chars(textpage, origin):
    """The characters of a page, in points from `origin` (the crop box's left and top)."""
    top = origin[1]
    rect = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    chars = []
    fonts = {}
    for i in range(pdfium_c.FPDFText_CountChars(textpage)):
        if pdfium_c.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if code in (0, 0xFFFE, 0xFFFF) or code < 0x20 or 0xD800 <= code <= 0xDFFF:
            continue
        if abs(pdfium_c.FPDFText_GetCharAngle(textpage, i)) > 0.01:
            continue  # rotated or vertical text: not part of the reading flow
        pdfium_c.FPDFText_GetLooseCharBox(textpage, i, rect)
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y)
        size = pdfium_c.FPDFText_GetFontSize(textpage, i)
        pdfium_c.FPDFText_GetFontInfo(textpage, i, name, len(name), flags)
        raw_name = name.value
        font = fonts.get(raw_name)
        if font is None:
            font = fonts[raw_name] = SUBSET_PREFIX.sub("", raw_name.decode("latin-1"))
        box = from_pdf(rect.left, rect.bottom, rect.right, rect.top, origin)
        chars.append(Char(chr(code), box, round(size, 2), font, round(top - y.value, 2)))
    return chars


def build_lines(chars):
    """Lines from characters: same baseline, no gap wider than SPLIT_GAP ems."""
    chars = [c for c in chars if c.size > 0]
    chars.sort(key=lambda c: (c.baseline, c.box.x0))
    rows, row = [], []
    for char in chars:
        if row and char.baseline - row[0].baseline > 0.2 * max(char.size, row[0].size):
            rows.append(row)
            row = []
        row.append(char)
    if row:
        rows.append(row)
    lines = []
    for row in rows:
        row.sort(key=lambda c: c.box.x0)
        piece = [row[0]]
        for char in row[1:]:
            gap = char.box.x0 - piece[-1].box.x1
            if gap > SPLIT_GAP * max(char.size, piece[-1].size):
                lines.append(_line(piece))
                piece = []
            piece.append(char)
        lines.append(_line(piece))
    return [line for line in lines if line.text.strip()]


def _line(chars):
    """One line from its characters. A space the PDF does not give as a character (PDFium
    reports some as generated) shows as a gap wider than the line's usual letter spacing."""
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(chars, chars[1:], strict=False)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    text = chars[0].text
    for before, char, gap in zip(chars, chars[1:], gaps, strict=False):
        spaced = before.text.isspace() or char.text.isspace()
        if not spaced and gap - max(usual, 0.0) > SPACE_GAP * char.size:
            text += " "
        text += char.text
    visible = [c for c in chars if not c.text.isspace()] or chars
    size = Counter(c.size for c in visible).most_common(1)[0][0]
    font = Counter(c.font for c in visible).most_common(1)[0][0]
    # A space at either end stays: a line may break at the space between two words.
    text = re.sub(r"\s+", " ", text)
    return Line(text, union_all(c.box for c in visible), size, font, visible[0].baseline)


def body_style(lines):
    """(size, font) of most of the page's characters: the body text."""
    counts = Counter()
    for line in lines:
        counts[(line.size, line.font)] += len(line.text)
    if not counts:
        return None, None
    return counts.most_common(1)[0][0]
