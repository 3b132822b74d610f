"""Lay out newspaper pages as PDFs with reportlab, and remember where everything went.

A page is a running head and foot, an optional banner (通栏) and bands of stories across its
columns; a band holds stacks of stories side by side, each story in a rectangle of whole
columns: column label (栏目), 引题, 主题, 副题, a photo with caption and credit, then the text
flowing down one column and on into the next. Briefs (简讯) are stories with a small in-column
headline. Every line drawn and every photo is recorded with its box, so tests can check what
the extraction finds against what was placed.
"""

from dataclasses import dataclass, field

from .typesetting import (
    BODY_FONT,
    HEAD_FONT,
    SMALL_FONT,
    Geometry,
    Overflow,
    PageCanvas,
    string_width,
    union,
    wrap,
)


@dataclass
class Photo:
    seed: int
    caption: str = ""
    credit: str = ""
    span: int = 2  # columns
    aspect: float = 0.66  # height / width


@dataclass
class Story:
    key: str
    headline: str
    paragraphs: list  # [("p" | "crosshead", text)]
    kicker: str = ""
    subheadline: list = field(default_factory=list)  # lines as printed
    label: str = ""
    photo: Photo | None = None
    headline_size: float = 24
    brief: bool = False  # a brief: small headline inside the column


@dataclass
class PageSpec:
    name: str
    number: int
    page_name: str
    date_line: str
    editor: str
    bands: list  # [[(span, [Story, ...]), ...], ...]
    banner: list = field(default_factory=list)  # lines of the topic banner


# ---------------------------------------------------------------------------------------------
# Stories


@dataclass
class Placed:
    """What one story drew: line boxes by part, photo boxes, and the printed text."""

    story: Story
    lines: list = field(default_factory=list)
    frames: list = field(default_factory=list)
    photos: list = field(default_factory=list)


class StoryLayout:
    """Measure a story for a width of columns, then draw it."""

    def __init__(self, story, geometry, span):
        self.story = story
        self.g = geometry
        self.span = span
        self.width = geometry.span_width(span)
        self.body_lines = self._body_lines()

    # -- measuring ---------------------------------------------------------------------------

    def _head_parts(self):
        """(font, size, lines, centred, space after) from the label down to the 副题."""
        s, g = self.story, self.g
        parts = []
        if s.label:
            parts.append(("label", HEAD_FONT, g.body_size + 1, [s.label], False, 8))
        if s.brief:
            size = g.body_size * 1.3
            lines = wrap(s.headline, HEAD_FONT, size, self.width)
            parts.append(("headline", HEAD_FONT, size, lines, False, 5))
            return parts
        if s.kicker:
            size = max(12, s.headline_size * 0.5)
            lines = wrap(s.kicker, SMALL_FONT, size, self.width)
            parts.append(("kicker", SMALL_FONT, size, lines, True, 5))
        lines = wrap(s.headline, HEAD_FONT, s.headline_size, self.width)
        parts.append(("headline", HEAD_FONT, s.headline_size, lines, True, 6))
        if s.subheadline:
            size = max(12, s.headline_size * 0.52)
            lines = [
                part for line in s.subheadline for part in wrap(line, SMALL_FONT, size, self.width)
            ]
            parts.append(("subheadline", SMALL_FONT, size, lines, True, 6))
        return parts

    def head_height(self):
        total = 0.0
        for _, _, size, lines, _, after in self._head_parts():
            total += len(lines) * size * 1.25 + after
        return total + (4 if self.story.brief else 10)

    def _figure_lines(self):
        p = self.story.photo
        if not p:
            return []
        width = self.g.span_width(p.span)
        size = self.g.body_size - 1
        lines = wrap(p.caption, SMALL_FONT, size, width) if p.caption else []
        return lines, size, width

    def figure_height(self):
        p = self.story.photo
        if not p:
            return 0.0
        lines, size, width = self._figure_lines()
        credit = 1 if p.credit else 0
        return width * p.aspect + 4 + (len(lines) + credit) * size * 1.35 + 8

    def _body_lines(self):
        """[(kind, text, indent, last line of its paragraph)] in reading order."""
        g = self.g
        out = []
        for kind, text in self.story.paragraphs:
            if kind == "crosshead":
                lines = wrap(text, HEAD_FONT, g.body_size + 0.5, g.column_width)
                out.append(("crosshead", lines, 0.0, True))
                continue
            indent = 2 * g.body_size
            lines = wrap(text, BODY_FONT, g.body_size, g.column_width, indent)
            for n, line in enumerate(lines):
                out.append(("p", line, indent if n == 0 else 0.0, n == len(lines) - 1))
        return out

    @staticmethod
    def _slots(line):
        kind, text = line[0], line[1]
        return 1 + len(text) if kind == "crosshead" else 1

    def flow(self, column_height):
        """Lines per column for body columns `column_height` high, or None if they overflow."""
        g = self.g
        figure_span = self.story.photo.span if self.story.photo else 0
        figure = self.figure_height()
        columns = []
        remaining = list(self.body_lines)
        for column in range(self.span):
            height = column_height - (figure if column < figure_span else 0)
            capacity = int(height // g.leading)
            taken, used = [], 0
            while remaining and used + self._slots(remaining[0]) <= capacity:
                line = remaining.pop(0)
                used += self._slots(line)
                taken.append(line)
            # A crosshead never ends a column: it goes with its text.
            if taken and taken[-1][0] == "crosshead" and remaining:
                remaining.insert(0, taken.pop())
            columns.append(taken)
        return None if remaining else columns

    def body_height(self):
        g = self.g
        low, high = g.leading, 4000.0
        if self.flow(high) is None:
            raise Overflow(f"{self.story.key}: text does not fit in {self.span} columns")
        while high - low > g.leading / 2:
            middle = (low + high) / 2
            if self.flow(middle) is None:
                low = middle
            else:
                high = middle
        return float(int(high // g.leading + 1) * g.leading)

    def height(self):
        return self.head_height() + self.body_height()

    # -- drawing -----------------------------------------------------------------------------

    def draw(self, canvas, column, top):
        g = self.g
        placed = Placed(self.story)
        x0 = g.column_x(column)
        y = top
        for part, font, size, lines, centred, after in self._head_parts():
            drawn = []
            for line in lines:
                y -= size * 1.1
                width = string_width(line, font, size)
                x = x0 + (self.width - width) / 2 if centred else x0
                if part == "label":
                    canvas.canvas.setFillGray(0.85)
                    canvas.canvas.rect(x - 3, y - 4, width + 6, size + 6, stroke=0, fill=1)
                    canvas.canvas.setFillGray(0)
                canvas.text(line, x, y, font, size, record=drawn)
                y -= size * 0.15
            placed.lines += drawn
            placed.frames.append(union(drawn))
            y -= after
        y -= 4 if self.story.brief else 10
        body_top = y
        column_height = self.body_height()
        body_top_figure = body_top
        if self.story.photo:
            body_top_figure = self._draw_figure(canvas, placed, x0, body_top)
        columns = self.flow(column_height)
        figure_span = self.story.photo.span if self.story.photo else 0
        for n, lines in enumerate(columns):
            x = g.column_x(column + n)
            y = body_top_figure if n < figure_span else body_top
            drawn = []
            for kind, text, indent, last in lines:
                if kind == "crosshead":
                    y -= g.leading  # a blank line above
                    for part in text:
                        y -= g.leading
                        canvas.text(part, x, y + 3, HEAD_FONT, g.body_size + 0.5, record=drawn)
                    continue
                y -= g.leading
                justify = None if last else g.column_width - indent
                canvas.text(text, x + indent, y + 3, BODY_FONT, g.body_size, record=drawn,
                            justify_to=justify)  # fmt: skip
            if drawn:
                placed.lines += drawn
                placed.frames.append(union(drawn))
        return placed

    def _draw_figure(self, canvas, placed, x0, top):
        photo = self.story.photo
        lines, size, width = self._figure_lines()
        drawn_photo = []
        height = canvas.photo(photo, x0, top, width, drawn_photo)
        placed.photos.append({"box": drawn_photo[0], "caption": photo.caption,
                              "credit": photo.credit})  # fmt: skip
        y = top - height - 4
        drawn = []
        for line in lines:
            y -= size * 1.35
            canvas.text(line, x0, y + 2, SMALL_FONT, size, record=drawn)
        if photo.credit:
            y -= size * 1.35
            credit_width = string_width(photo.credit, SMALL_FONT, size)
            canvas.text(photo.credit, x0 + width - credit_width, y + 2, SMALL_FONT, size,
                        record=drawn)  # fmt: skip
        if drawn:
            placed.lines += drawn
            placed.frames.append(union(drawn))
        return top - self.figure_height()


# ---------------------------------------------------------------------------------------------
# Pages


STACK_GAP = 18
BAND_GAP = 14


def band_height(band, geometry):
    stacks = [
        sum(StoryLayout(story, geometry, span).height() for story in stories)
        + STACK_GAP * (len(stories) - 1)
        for span, stories in band
    ]
    return max(stacks)


def bands_height(bands, geometry):
    return sum(band_height(band, geometry) + BAND_GAP for band in bands)


def body_room(spec, geometry):
    """Height left for the bands under the running head and the banner."""
    g = geometry
    banner = sum(26 * 1.4 for _ in spec.banner) + (16 if spec.banner else 0)
    return g.height - 2 * g.margin - 34 - banner - 30


def fit(spec, geometry=None):
    """Shorten the longest stories, a paragraph at a time, until the bands fit the page."""
    g = geometry or Geometry()
    while bands_height(spec.bands, g) > body_room(spec, g):
        band = max(spec.bands, key=lambda b: band_height(b, g))
        span, stories = max(
            band, key=lambda stack: sum(StoryLayout(s, g, stack[0]).height() for s in stack[1])
        )
        longer = [s for s in stories if len(s.paragraphs) > 1]
        if not longer:
            raise Overflow(f"{spec.name}: the stories of a stack cannot be shortened further")
        max(longer, key=lambda s: StoryLayout(s, g, span).height()).paragraphs.pop()
    return spec


def draw_page(spec, target, geometry=None):
    """Draw one page to `target` (a path or file object); return the boxes it placed."""
    g = geometry or Geometry()
    canvas = PageCanvas(target, g, f"{spec.date_line} 第{spec.number}版 {spec.page_name}")
    furniture = []
    top = g.height - g.margin
    # Running head: date at the left, 第N版 and the page name in the middle, editor at the right.
    baseline = top - 10
    canvas.text(spec.date_line, g.margin, baseline, SMALL_FONT, 9, record=furniture)
    label = f"第{spec.number}版"
    middle = g.width / 2
    canvas.text(label, middle - 60, baseline, SMALL_FONT, 9, record=furniture)
    canvas.text(spec.page_name, middle - 10, baseline, HEAD_FONT, 12, record=furniture)
    editor = f"责任编辑 {spec.editor}"
    canvas.text(editor, g.width - g.margin - string_width(editor, SMALL_FONT, 9), baseline,
                SMALL_FONT, 9, record=furniture)  # fmt: skip
    rule = top - 18
    canvas.canvas.setLineWidth(1.2)
    canvas.canvas.line(g.margin, rule, g.width - g.margin, rule)
    y = rule - 16

    banner_boxes = []
    for line in spec.banner:
        size = 26
        y -= size * 1.1
        width = string_width(line, HEAD_FONT, size)
        canvas.text(line, (g.width - width) / 2, y, HEAD_FONT, size, record=banner_boxes)
        y -= size * 0.3
    if spec.banner:
        y -= 16

    placed = []
    if y - bands_height(spec.bands, g) < g.margin + 30:
        raise Overflow(f"{spec.name}: the page overflows")
    for band in spec.bands:
        column = 0
        band_bottom = y
        for span, stories in band:
            stack_top = y
            for story in stories:
                layout = StoryLayout(story, g, span)
                placed.append(layout.draw(canvas, column, stack_top))
                stack_top -= layout.height() + STACK_GAP
            band_bottom = min(band_bottom, stack_top + STACK_GAP)
            column += span
        if column != g.columns:
            raise ValueError(f"{spec.name}: a band spans {column} of {g.columns} columns")
        y = band_bottom - BAND_GAP

    # Running foot.
    baseline = g.margin
    canvas.canvas.setLineWidth(0.5)
    canvas.canvas.line(g.margin, baseline + 12, g.width - g.margin, baseline + 12)
    foot = f"本版责任编辑：{spec.editor}　美术编辑：{spec.editor[::-1]}"
    canvas.text(foot, g.margin, baseline, SMALL_FONT, 8, record=furniture)
    canvas.canvas.showPage()
    canvas.canvas.save()
    return {"geometry": g, "placed": placed, "banner": banner_boxes, "furniture": furniture}
