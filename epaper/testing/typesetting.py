"""Typesetting for the test pages: fonts, the column grid, line breaking (with the 禁则 of
Chinese typesetting) and a canvas that records the box of every line and photo it draws."""

import io
import random
from dataclasses import dataclass

BODY_FONT = "NotoSerifSC"
HEAD_FONT = "NotoSansSC-Bold"
SMALL_FONT = "NotoSansSC"
ASCENT, DESCENT = 0.88, 0.12  # Noto CJK, per em

# Lines may not start with these, nor end with the openers (禁则 of Chinese typesetting).
NO_LINE_START = "，。、；：？！）》」』”’…—%,.;:?!)"
NO_LINE_END = "（《「『“‘("


@dataclass
class Geometry:
    columns: int = 8
    column_width: float = 123.5  # 13 body characters
    gutter: float = 12.5
    margin: float = 40
    height: float = 1620
    body_size: float = 9.5
    leading: float = 14

    @property
    def width(self):
        return self.columns * self.column_width + (self.columns - 1) * self.gutter + 2 * self.margin

    def column_x(self, column):
        return self.margin + column * (self.column_width + self.gutter)

    def span_width(self, span):
        return span * self.column_width + (span - 1) * self.gutter


class Overflow(ValueError):
    pass


def string_width(text, font, size):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def wrap(text, font, size, width, indent=0.0):
    """Break text into lines of at most `width` points, keeping the 禁则."""
    lines = []
    current = ""
    available = width - indent
    for char in text:
        if string_width(current + char, font, size) <= available + 0.01:
            current += char
            continue
        if char in NO_LINE_START and current:
            # Carry the last character down with the punctuation rather than start a line with it.
            carried, current = current[-1], current[:-1]
            lines.append(current)
            current = carried + char
        elif current and current[-1] in NO_LINE_END:
            carried, current = current[-1], current[:-1]
            lines.append(current)
            current = carried + char
        else:
            lines.append(current)
            current = char
        available = width
    if current:
        lines.append(current)
    return lines


def box(x, baseline, width, size):
    """A drawn line's box in points, PDF coordinates (origin bottom left)."""
    return [x, baseline - DESCENT * size, x + width, baseline + ASCENT * size]


class PageCanvas:
    """A reportlab canvas that records the box of every line and photo it draws."""

    def __init__(self, target, geometry, title):
        from reportlab.pdfgen.canvas import Canvas

        self.geometry = geometry
        self.canvas = Canvas(target, pagesize=(geometry.width, geometry.height), invariant=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("newsroom test pages")

    def text(self, text, x, baseline, font, size, *, record, justify_to=None):
        c = self.canvas
        natural = string_width(text, font, size)
        spacing = 0.0
        if justify_to and len(text) > 1 and natural < justify_to:
            spacing = (justify_to - natural) / (len(text) - 1)
        obj = c.beginText(x, baseline)
        obj.setFont(font, size)
        obj.setCharSpace(spacing)
        obj.textOut(text)
        c.drawText(obj)
        width = natural + spacing * (len(text) - 1)
        record.append(box(x, baseline, width, size))
        return width

    def photo(self, photo, x, top, width, record):
        from reportlab.lib.utils import ImageReader

        height = width * photo.aspect
        c = self.canvas
        c.drawImage(ImageReader(io.BytesIO(raster(photo.seed))), x, top - height, width, height)
        record.append([x, top - height, x + width, top])
        return height


def raster(seed, size=(480, 320)):
    """A photo-like JPEG: sky, ground, a few figures; different for every seed."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    w, h = size
    horizon = int(h * rng.uniform(0.35, 0.6))
    sky = [rng.randint(120, 200), rng.randint(150, 210), rng.randint(200, 250)]
    for y in range(horizon):
        shade = [max(0, c - y // 4) for c in sky]
        draw.line([(0, y), (w, y)], fill=tuple(shade))
    draw.rectangle([0, horizon, w, h], fill=(rng.randint(60, 120), rng.randint(90, 140), 60))
    for _ in range(rng.randint(3, 7)):
        cx, cy = rng.randint(0, w), rng.randint(horizon - 20, h - 10)
        r = rng.randint(8, 26)
        colour = (rng.randint(120, 255), rng.randint(0, 90), rng.randint(0, 90))
        draw.ellipse([cx - r, cy - 3 * r, cx + r, cy - r], fill=(230, 190, 160))
        draw.rectangle([cx - r, cy - r, cx + r, cy + 2 * r], fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def union(boxes):
    return [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]
