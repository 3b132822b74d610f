"""Printed lines to blocks in reading order: running heads and feet aside, columns found,
headlines across columns, photos in the flow.

1. Furniture. Lines above the rule under the running head and below the rule over the running
   foot (or, without rules, small lines at the very top and bottom) are the running head and
   foot: date, 第N版, page name, editors. They are read for the page number and name only.
2. Blocks. Lines of one font and size, one under the other in the same column with ordinary
   line spacing, are a block: a column of text, a headline over two lines, a caption.
3. Reading order by cutting the page (recursive XY-cut): first across, where a band of white
   runs the whole width (bands of stories, a headline above its columns), then down the
   gutters (columns, stories side by side), until one column is left, read top to bottom. A cut
   across that would separate text from its own continuation (body text above and below it in
   the same column, with at most a crosshead between) is not taken.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from .geometry import Box, union_all

HEADING_RATIO = 1.18  # a line this much larger than the body is headline type
SMALL_RATIO = 0.95  # smaller than this (in another font) is caption type
FURNITURE_BAND = 0.045  # without rules, running heads sit in this top and bottom share
RULE_BAND = 0.12  # a rule under the running head is in the top (or bottom) 12% of the page
NEAR_LINES = 3  # leadings within which a cut would separate text from its continuation


@dataclass
class Block:
    """Lines of one style set one under the other, or an embedded photo."""

    lines: list = field(default_factory=list)
    image: int | None = None  # index into the page's photos
    image_box: Box | None = None
    kind: str = "text"  # text, body, heading, small, image

    @cached_property
    def box(self):
        """Read only once the block is complete: build_blocks measures lines, not blocks."""
        if self.image is not None:
            return self.image_box
        return union_all(line.box for line in self.lines)

    @property
    def size(self):
        return max(line.size for line in self.lines) if self.lines else 0.0

    @property
    def font(self):
        return self.lines[0].font if self.lines else ""

    @property
    def text(self):
        return "".join(line.text for line in self.lines)


@dataclass
class Furniture:
    """What the running head and foot say."""

    lines: list = field(default_factory=list)
    number: int | None = None
    name: str | None = None

    @property
    def header(self):
        """A page header line the text parser reads (第02版：工会), or None."""
        if self.number is None:
            return None
        return f"第{self.number:02d}版" + (f"：{self.name}" if self.name else "")


PAGE_NUMBER = re.compile(r"第\s*0*(\d{1,3})\s*版")
DATE = re.compile(r"\d{4}\s*年|星期|周[一二三四五六日天]")
STAFF = re.compile(r"编辑|美编|校对|版式|组版|记者|电话|邮箱|[:：]")


def split_furniture(lines, rules, page_height, body_size):
    """(furniture, content lines): lines beyond the head and foot rules, or at the page edges."""
    head_limit = max(
        (r.bottom for r in rules if r.bottom < page_height * RULE_BAND),
        default=None,
    )
    foot_limit = min(
        (r.top for r in rules if r.top > page_height * (1 - RULE_BAND)),
        default=None,
    )
    furniture, content = Furniture(), []
    for line in lines:
        small = line.size <= 1.6 * body_size
        if head_limit is not None:
            above = line.box.bottom <= head_limit + 1
        else:
            above = small and line.box.bottom <= page_height * FURNITURE_BAND
        if foot_limit is not None:
            below = line.box.top >= foot_limit - 1
        else:
            below = small and line.box.top >= page_height * (1 - FURNITURE_BAND)
        (furniture.lines if above or below else content).append(line)
    _read_furniture(furniture)
    return furniture, content


def _read_furniture(furniture):
    """第N版 and the page name printed beside it (the next short piece that is no date)."""
    for line in furniture.lines:
        match = PAGE_NUMBER.search(line.text)
        if not match:
            continue
        furniture.number = int(match.group(1))
        rest = line.text[match.end() :].strip(" ：:·|")
        beside = sorted(
            (
                p
                for p in furniture.lines
                if p.box.x0 >= line.box.x1 and abs(p.baseline - line.baseline) < 2
            ),
            key=lambda p: p.box.x0,
        )
        for text in ([rest] if rest else []) + [p.text.strip() for p in beside]:
            if 1 <= len(text) <= 8 and not DATE.search(text) and not STAFF.search(text):
                if not re.search(r"\d", text):
                    furniture.name = text
                    break
        return


# ---------------------------------------------------------------------------------------------
# Blocks


def build_blocks(lines, body_size, body_font):
    """Group lines into blocks and say what kind each is."""
    blocks = []
    open_blocks = []
    for line in sorted(lines, key=lambda line: (line.box.top, line.box.x0)):
        home = None
        for block in open_blocks:
            last = block.lines[-1]
            gap = line.box.top - last.box.bottom
            if (
                last.font == line.font
                and abs(last.size - line.size) < 0.3
                and -0.2 * line.size <= gap <= 0.9 * line.size
                and line.box.x_overlap(last.box) > 0.3 * min(line.box.width, last.box.width)
            ):
                home = block
                break
        if home is None:
            home = Block()
            blocks.append(home)
            open_blocks.append(home)
        home.lines.append(line)
        # A block far above the current line can take no more lines.
        open_blocks = [
            b for b in open_blocks if line.box.top - b.lines[-1].box.bottom < 3 * body_size
        ]
    for block in blocks:
        block.kind = classify(block, body_size, body_font)
    return blocks


def classify(block, body_size, body_font):
    if block.size >= HEADING_RATIO * body_size:
        return "heading"
    if block.font == body_font and abs(block.size - body_size) < 0.5:
        return "body"
    if block.size < SMALL_RATIO * body_size:
        return "small"
    return "text"  # body-sized in another font: crossheads, labels, lead-ins


def mark_labels(blocks):
    """A short line in another font right above headline type is a column label (栏目).

    The label sits at the column's left, the headline may be centred further right: what
    counts is the nearest block under the label and not far to either side of it.
    """
    for block in blocks:
        if block.kind != "text" or len(block.lines) != 1 or len(block.text) > 12:
            continue
        size = block.size
        reach = block.box.padded(0)
        under = [
            b
            for b in blocks
            if b is not block
            and b.box.top >= reach.bottom - 0.5
            and b.box.top - reach.bottom < 3 * size
            and b.box.x0 < reach.x1 + 20 * size
            and b.box.x1 > reach.x0 - size
        ]
        nearest = min(under, key=lambda b: b.box.top) if under else None
        if nearest is not None and nearest.kind == "heading":
            block.kind = "label"


# ---------------------------------------------------------------------------------------------
# Reading order


def reading_order(blocks, body_size, leading):
    """The blocks (text and photos) in the order a reader reads them."""
    return _cut(list(blocks), 0.5 * body_size, leading)


def _cut(blocks, min_gutter, leading):
    if len(blocks) <= 1:
        return blocks
    bands = _bands(blocks, leading)
    if len(bands) > 1:
        return [b for band in bands for b in _cut(band, min_gutter, leading)]
    columns = _columns(blocks, min_gutter)
    if len(columns) > 1:
        return [b for column in columns for b in _cut(column, min_gutter, leading)]
    # A headline group above several columns: read it, then cut what is under it.
    top, *rest = _split(blocks, lambda b: (b.box.top, b.box.bottom), 0.5)
    if rest and all(b.kind in ("heading", "label") for b in top):
        under = [b for band in rest for b in band]
        return sorted(top, key=lambda b: (b.box.top, b.box.x0)) + _cut(under, min_gutter, leading)
    return sorted(blocks, key=lambda b: (b.box.top, b.box.x0))


def _split(blocks, extent, min_gap):
    """Groups separated by a gap of at least min_gap along one axis, in order."""
    ordered = sorted(blocks, key=lambda b: extent(b)[0])
    groups = [[ordered[0]]]
    end = extent(ordered[0])[1]
    for block in ordered[1:]:
        start, stop = extent(block)
        if start - end >= min_gap:
            groups.append([])
        groups[-1].append(block)
        end = max(end, stop)
    return groups


def _columns(blocks, min_gutter):
    """Groups side by side, merging two where a headline stands over both."""
    groups = _split(blocks, lambda b: (b.box.x0, b.box.x1), min_gutter)
    merged = [groups[0]]
    for group in groups[1:]:
        if _spans(merged[-1], group) or _spans(group, merged[-1]):
            merged[-1] = merged[-1] + group
        else:
            merged.append(group)
    return merged


def _spans(one, other):
    """Whether headline type in `one` stands above everything in `other`: a headline centred
    over columns, some of which lie wholly beside it."""
    top = min(b.box.top for b in other)
    return any(b.kind in ("heading", "label") and b.box.bottom <= top + 1 for b in one)


def _bands(blocks, leading):
    """Horizontal bands, merging two where the cut between them is not allowed."""
    bands = _split(blocks, lambda b: (b.box.top, b.box.bottom), 0.5)
    merged = [bands[0]]
    for band in bands[1:]:
        if _may_cut(merged[-1], band, leading):
            merged.append(band)
        else:
            merged[-1] = merged[-1] + band
    return merged


def _may_cut(above, below, leading):
    """Whether a cut across between two bands keeps every story's parts together.

    Not allowed under headline type or a column label (its story is below it: a headline
    group over columns is read first by `_cut` instead), nor between body text and its
    continuation (with at most a crosshead between).
    """
    cut = max(b.box.bottom for b in above)
    near = NEAR_LINES * leading
    for upper in above:
        if cut - upper.box.bottom > near:
            continue
        under = sorted(
            (b for b in below if b.box.x_overlap(upper.box) > 0 and b.box.top - cut < near),
            key=lambda b: b.box.top,
        )
        if upper.kind in ("heading", "label") and under:
            return False
        if upper.kind == "body":
            for block in under:
                if block.kind == "body":
                    return False
                if block.kind != "text":
                    break
    return True


BANNER_RATIO = 1.8  # headline type this much larger than the body is a 主题 (or a banner)


def split_banner(blocks, body_size):
    """(banner, the rest): headline type alone across the top of the page, over stories that
    have main headlines of their own, is the page's banner (通栏), not a story's headline."""
    if not blocks:
        return [], blocks
    top, *rest = _split(blocks, lambda b: (b.box.top, b.box.bottom), 0.5)
    if not rest or any(b.kind != "heading" for b in top):
        return [], blocks
    if any(a is not b and a.box.x_overlap(b.box) < 0 for a in top for b in top):
        return [], blocks  # two headlines side by side: stories, not a banner
    below = [b for b in rest[0] if b.kind == "heading"]
    mains = [b for b in below if b.size >= BANNER_RATIO * body_size]
    if not mains:
        return [], blocks
    banner = sorted(top, key=lambda b: b.box.top)
    return banner, [b for b in blocks if b not in banner]
