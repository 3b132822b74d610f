"""The printed page as a picture (版面图) with its hot zones (热区), for the reader's pages.

The epaper app stores them (PagePdf, PageRendition, Zone, PagePhoto); these views reach them only
through the relations page.pdf, pdf.renditions, pdf.zones and photo.page_photos, so articles
imports nothing of epaper (an import contract in pyproject.toml). Zones are drawn in an SVG over
the image, in the image's own pixels (its viewBox), as <a> links named by the headline: SVG
attributes place them, so no inline style is needed (the CSP forbids it).

A zone is shown only when its article is among the published ones the page lists: a draft's
zone is not drawn at all, so nothing of it (not its link, not its headline) reaches a reader.
"""

import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

from photos.renditions import Picture, Source

# What each view shows of a page image: its widths by kind (epaper's PageRendition.Kind).
FULL = ("phone", "desktop")
SMALL = ("thumbnail", "phone")
# PagePdf's fields the reader's pages never need: the page's text and line boxes can be long.
HEAVY_FIELDS = ("pdf__text", "pdf__line_boxes")
LABEL_EM = 1 / 36  # a zone's headline label: its font size, as a fraction of the image's width


def pdf_of(page):
    """The page's PagePdf (select_related or prefetched), or None for a page without one."""
    try:
        return page.pdf
    except ObjectDoesNotExist:
        return None


def page_picture(page_pdf, kinds=FULL):
    """The Picture of a page's renditions of these kinds, from pdf.renditions (prefetched)."""
    if page_pdf is None:
        return None
    renditions = sorted(
        (r for r in page_pdf.renditions.all() if r.kind in kinds), key=lambda r: r.width
    )
    by_format = {
        fmt: [Source(r.file.url, r.width) for r in renditions if r.format == fmt]
        for fmt in ("webp", "jpeg")
    }
    if not by_format["jpeg"]:
        return None
    largest = renditions[-1]
    return Picture(by_format["webp"], by_format["jpeg"], largest.width, largest.height)


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float


@dataclass
class ZoneLink:
    """One article's zone in the picture's pixels, with the label shown on hover and focus."""

    article: object
    rects: list
    label_x: float
    label_y: float
    label_width: float
    label_size: float

    @property
    def label_text_x(self):
        return round(self.label_x + self.label_size / 2, 1)

    @property
    def label_baseline(self):
        return round(self.label_y + self.label_size * 1.1, 1)

    @property
    def label_box_height(self):
        return round(self.label_size * 1.5, 1)


def scaled_rects(rects, width, height):
    return [
        Rect(
            round(x0 * width, 1),
            round(top * height, 1),
            round((x1 - x0) * width, 1),
            round((bottom - top) * height, 1),
        )
        for x0, top, x1, bottom in rects
    ]


def text_width(text):
    """The width of text in ems: CJK characters are square, Latin ones about half as wide."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)


def zone_links(page_pdf, articles, picture):
    """The zones of `articles` (the published ones shown) on the picture, in print order."""
    if page_pdf is None or picture is None:
        return []
    shown = {article.pk: article for article in articles}
    size = round(picture.width * LABEL_EM, 1)
    links = []
    for zone in page_pdf.zones.all():
        article = shown.get(zone.article_id)
        if article is None:
            continue  # a draft's zone, or one no article is left for: nothing of it is shown
        rects = scaled_rects(zone.rects, picture.width, picture.height)
        first = min(rects, key=lambda rect: (rect.y, rect.x))
        label_width = round((text_width(article.headline) + 1) * size, 1)
        links.append(
            ZoneLink(
                article=article,
                rects=rects,
                label_x=max(0, min(first.x, picture.width - label_width)),
                label_y=max(0, first.y - size * 1.5),
                label_width=label_width,
                label_size=size,
            )
        )
    return sorted(links, key=lambda link: link.article.position)


def own_zone(article, page_pdf, picture):
    """The article's own zone on the (small) picture of its page, for 原版位置; None if none."""
    if page_pdf is None or picture is None:
        return None
    zone = next(iter(article.zones.filter(page_pdf=page_pdf)), None)
    if zone is None:
        return None
    return scaled_rects(zone.rects, picture.width, picture.height)


def photo_placements(photos, zone, page_pdf):
    """Split the article's photos into those printed above its text and those below.

    A photo goes below the body only when the page PDF shows it so: at least three quarters of
    the article's lines (its captions and credits may sit under the photo) start above it.
    Without a page PDF, or for a photo not found on the page, it goes above, as papers mostly
    print them.
    """
    tops = []
    if zone is not None and page_pdf is not None:
        boxes = page_pdf.line_boxes or {}
        tops = [box[1] for line in zone.lines for box in boxes.get(str(line), [])[:1]]
    above, below = [], []
    for photo in photos:
        printed = photo.printed
        higher = [top for top in tops if printed is not None and top < printed.box[1]]
        (below if tops and len(higher) * 4 >= len(tops) * 3 else above).append(photo)
    return above, below
