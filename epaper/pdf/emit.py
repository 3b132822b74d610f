"""Blocks in reading order to the page text the importer's parser reads, with the line map.

The text follows the parser's conventions (articles/importing/parsing.py): the page header
(第02版：工会) first; `# ` before each 主题; the 引题 on the line above it (touching when it
touches in print), a column label (栏目) above that with a blank line under it, the 副题 below;
a headline printed over two lines as one unit (a Markdown hard break); `## ` before a crosshead;
one paragraph a line, rejoined where it runs on into the next column; two or more blank lines
where a photo stands. The page's banner (通栏, see layout.split_banner)
comes first, without a mark.

Every emitted line number maps to the boxes of the printed lines it was made from; each
headline group records where it starts (its label or 引题) and its `# ` line; each photo the
line after its gap (its caption or credit).
"""

from dataclasses import dataclass, field

INDENT = 1.5  # ems: a first line set in this far starts a paragraph
FULL = 0.6  # ems: a line ending this close to its column's right edge runs on
TOUCH = 0.5  # a 引题 this close (in 主题 sizes) above the 主题 touches it
PHOTO_GAP = 3  # blank lines where a photo stands


@dataclass
class HeadGroup:
    first_line: int  # the label or 引题 above, else the 主题
    headline_line: int


@dataclass
class PhotoSlot:
    image: int  # index into the page's photos
    gap_line: int  # the first blank line standing for it
    after_line: int | None = None  # the line right after the gap: its caption or credit


@dataclass
class PageText:
    text: str
    line_boxes: dict  # emitted line number -> [Box] of the printed lines
    line_blocks: dict  # emitted line number -> [block index]
    heads: list = field(default_factory=list)
    photos: list = field(default_factory=list)
    banner_lines: list = field(default_factory=list)


class Writer:
    def __init__(self):
        self.lines = []
        self.boxes = {}
        self.blocks = {}
        self.pending_blank = 0

    @property
    def next_number(self):
        return len(self.lines) + self.pending_blank + 1

    def blank(self, count=1):
        self.pending_blank = max(self.pending_blank, count)

    def write(self, text, printed, block_index):
        if self.lines:
            self.lines += [""] * self.pending_blank
        self.pending_blank = 0
        self.lines.append(text)
        number = len(self.lines)
        self.boxes[number] = [line.box for line in printed]
        self.blocks[number] = [block_index] * len(printed)
        return number

    def extend(self, number, text, printed, block_index):
        """Add a column's continuation to paragraph line `number`."""
        self.lines[number - 1] += text
        self.boxes[number] += [line.box for line in printed]
        self.blocks[number] += [block_index] * len(printed)


def emit(blocks, body_size, header=None, banner=()):
    """PageText for blocks in reading order (see the module docstring); `banner` blocks are
    written first, without a mark, and `header` before them."""
    out = Writer()
    if header:
        out.write(header, [], None)
        out.blank()
    banner_lines = []
    for block in banner:
        banner_lines.append(_write_heading(out, block, None, ""))
        out.blank()
    edges = _column_edges(blocks, body_size)
    width = _column_width(blocks, edges, body_size)
    heads, photos = [], []
    open_paragraph = None  # (line number, block) a paragraph that may run on
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "image":
            out.blank(PHOTO_GAP)
            photos.append(PhotoSlot(block.image, len(out.lines) + 1))
            open_paragraph = None
            i += 1
            continue
        if photos and photos[-1].after_line is None:
            photos[-1].after_line = out.next_number
        if block.kind == "heading" or _is_label(blocks, i):
            j = i
            while j < len(blocks) and (blocks[j].kind == "heading" or _is_label(blocks, j)):
                j += 1
            heads.append(_write_group(out, blocks[i:j], blocks, body_size))
            open_paragraph = None
            i = j
            continue
        if block.kind == "text" and _is_crosshead(blocks, i, body_size):
            out.blank()
            out.write("## " + "".join(line.text for line in block.lines), block.lines, i)
            out.blank()
            open_paragraph = None
            i += 1
            continue
        open_paragraph = _write_paragraphs(out, block, i, edges, width, open_paragraph)
        i += 1
    text = "\n".join(out.lines) + "\n"
    return PageText(text, out.boxes, out.blocks, heads, photos, banner_lines)


def _is_label(blocks, i):
    """A column label (see layout.mark_labels) right before its headline in reading order."""
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    return blocks[i].kind == "label" and following is not None and following.kind == "heading"


def _is_crosshead(blocks, i, body_size):
    block = blocks[i]
    return len(block.text) <= 40 and block.size >= 0.95 * body_size


def _write_heading(out, block, index, mark):
    """A headline-type block as one unit: its printed lines joined by hard breaks."""
    first = None
    for n, line in enumerate(block.lines):
        text = (mark if n == 0 else "") + line.text
        if n < len(block.lines) - 1:
            text += "  "
        number = out.write(text, [line], index)
        first = first or number
    return first


def _write_group(out, group, blocks, body_size):
    headings = [b for b in group if b.kind == "heading"]
    main = max(headings, key=lambda b: b.size) if headings else group[-1]
    main_at = group.index(main)
    first_line = out.next_number
    for n, block in enumerate(group):
        index = blocks.index(block)
        if block is main:
            headline_line = _write_heading(out, block, index, "# ")
            out.blank()
            continue
        _write_heading(out, block, index, "")
        if n == main_at - 1 and block.kind == "heading":
            gap = main.box.top - block.box.bottom
            if gap > TOUCH * main.size:
                out.blank()
        else:
            out.blank()
    out.blank()
    return HeadGroup(first_line, headline_line)


def _column_edges(blocks, body_size):
    """Left edges of the body columns: where most body lines start."""
    counts = {}
    for block in blocks:
        if block.kind == "body":
            for line in block.lines:
                edge = round(line.box.x0 * 2) / 2
                counts[edge] = counts.get(edge, 0) + 1
    edges = []
    for edge, _ in sorted(counts.items(), key=lambda item: -item[1]):
        # An edge 1-3 ems right of a stronger one is that column's paragraph indent.
        if not any(0.5 * body_size < edge - e < 3 * body_size for e in edges):
            edges.append(edge)
    return sorted(edges)


def _column_left(x0, edges, size):
    lefts = [e for e in edges if e - 1 <= x0 and x0 - e < 3 * size]
    return max(lefts) if lefts else x0


def _column_width(blocks, edges, body_size):
    widths = sorted(
        round(line.box.x1 - _column_left(line.box.x0, edges, body_size))
        for block in blocks
        if block.kind == "body"
        for line in block.lines
    )
    return widths[len(widths) * 3 // 4] if widths else 0


def _write_paragraphs(out, block, index, edges, width, open_paragraph):
    """Paragraphs of a text block; returns the paragraph still open at its end, if any."""
    size = block.size
    if block.kind == "body":
        left = None
    else:
        left = min(line.box.x0 for line in block.lines)
    right = max(line.box.x1 for line in block.lines)
    current = None  # [line number]
    previous = None
    for line in block.lines:
        line_left = left if left is not None else _column_left(line.box.x0, edges, size)
        indented = line.box.x0 - line_left >= INDENT * size
        if current is None and open_paragraph and not indented and block.kind == "body":
            number, _ = open_paragraph
            out.extend(number, line.text, [line], index)
            current = number
        elif current is None or indented or not _full(previous, right, line_left, width, block):
            out.blank()
            current = out.write(line.text, [line], index)
        else:
            out.extend(current, line.text, [line], index)
        previous = line
    if block.kind == "body" and previous is not None:
        line_left = _column_left(previous.box.x0, edges, size)
        if _full(previous, right, line_left, width, block):
            return (current, block)
    out.blank()
    return None


def _full(line, right, left, width, block):
    """Whether the line reaches its column's right edge (so its paragraph runs on)."""
    if line is None:
        return False
    edge = right if len(block.lines) > 1 or not width else left + width
    return line.box.x1 >= edge - FULL * line.size
