"""One page of a PDF, read: its text for the parser, the geometry, photos and page images.

`extract_page` is a pure function of the file and the page index: it writes nothing, so it can
run in a child process (see `bounded`), be retried, or run twice with the same result.
"""

import statistics
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from .document import DEFAULT_LIMITS, open_pdf
from .emit import PageText, emit
from .errors import PdfError
from .geometry import Box, objects_of
from .images import page_photos
from .layout import Block, build_blocks, mark_labels, reading_order, split_banner, split_furniture
from .lines import body_style, build_lines, page_chars
from .render import render_page
from .zones import article_zones

MIN_PAGE = 72.0  # points: an inch
MAX_PAGE = 14400.0  # the largest page PDF allows
MAX_ASPECT = 4.0
NO_TEXT = "没有文字层（可能是扫描件）：只导入版面图，没有稿件；请用排版系统导出的 PDF"


@dataclass
class PageResult:
    file: str
    index: int  # 0-based page index in the PDF
    width: float  # points
    height: float
    page_text: PageText | None = None
    photos: list = field(default_factory=list)  # images.PagePhoto
    renditions: list = field(default_factory=list)  # render.Rendition
    furniture: list = field(default_factory=list)  # running head and foot lines
    number: int | None = None  # from the running head
    name: str | None = None
    warnings: list = field(default_factory=list)

    @property
    def text(self):
        """The page text for articles.importing.parsing, or None for a page without text."""
        return self.page_text.text if self.page_text else None

    def zones(self, parsed_page):
        """Each parsed article's zone (zones.ArticleZone, in points)."""
        if self.page_text is None:
            return []
        return article_zones(
            self.page_text, self.photos, parsed_page, [line.box for line in self.furniture]
        )

    def relative(self, box):
        return box.relative(self.width, self.height)


def extract_page(path, filename, index=0, limits=DEFAULT_LIMITS, *, render=True):
    """Read page `index` of the PDF at `path`; `filename` names it in errors and warnings."""
    with open_pdf(path, filename, limits) as document:
        if not 0 <= index < len(document):
            raise PdfError(filename, f"PDF 只有 {len(document)} 页，没有第 {index + 1} 页")
        try:
            page = document[index]
        except Exception as error:  # pypdfium2 raises its own PdfiumError for a broken page
            raise PdfError(filename, "页面已损坏，无法读取", index + 1) from error
        try:
            return _read(page, filename, index, limits, render)
        finally:
            page.close()


def _read(page, filename, index, limits, render):
    if page.get_rotation() % 360:
        raise PdfError(filename, "页面设置了旋转；请导出未旋转的 PDF", index + 1)
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    if not (MIN_PAGE <= width <= MAX_PAGE and MIN_PAGE <= height <= MAX_PAGE):
        raise PdfError(filename, f"页面尺寸异常（{width:.0f}×{height:.0f} 点）", index + 1)
    if max(width / height, height / width) > MAX_ASPECT:
        raise PdfError(filename, f"页面比例异常（{width:.0f}×{height:.0f} 点）", index + 1)
    result = PageResult(filename, index, width, height)
    origin = (left, top)
    textpage = page.get_textpage()
    try:
        lines = build_lines(page_chars(textpage, origin))
    finally:
        textpage.close()
    kinds = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH)
    objects = list(page.get_objects(filter=kinds, max_depth=4))
    result.photos = page_photos(objects, origin, Box(0, 0, width, height), limits.max_image_pixels)
    result.warnings += [p.warning for p in result.photos if p.warning]
    if lines:
        _layout(objects, result, lines, origin)
    else:
        result.warnings.append(NO_TEXT)
    if render:
        result.renditions = render_page(page, width)
    return result


def _layout(objects, result, lines, origin):
    size, font = body_style(lines)
    furniture, content = split_furniture(
        lines, _rules(objects, origin, result), result.height, size
    )
    result.furniture = furniture.lines
    result.number, result.name = furniture.number, furniture.name
    blocks = build_blocks(content, size, font)
    mark_labels(blocks)
    blocks += [
        Block(image=n, image_box=photo.box, kind="image") for n, photo in enumerate(result.photos)
    ]
    banner, blocks = split_banner(blocks, size)
    ordered = reading_order(blocks, size, _leading(blocks, size))
    result.page_text = emit(ordered, size, furniture.header, banner)


def _rules(objects, origin, result):
    """Long thin lines across the page: the rules under the running head and over the foot."""
    return [
        box
        for _, box in objects_of(objects, pdfium_c.FPDF_PAGEOBJ_PATH, origin)
        if box.width >= 0.5 * result.width and box.height <= 3
    ]


def _leading(blocks, size):
    steps = [
        b.lines[n + 1].baseline - b.lines[n].baseline
        for b in blocks
        if b.kind == "body"
        for n in range(len(b.lines) - 1)
    ]
    return statistics.median(steps) if steps else 1.5 * size
