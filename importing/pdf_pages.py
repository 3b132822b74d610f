"""Page PDFs as the import's input, and what is stored of them once the merge is written.

Each PDF is read once, in the bounded child process (epaper.pdf.bounded): its text in reading
order with the position of every line (for the same parser as text pages), the page images,
the photos and, once parsed, each article's zone. After the merge, `store_page` stores one
page (epaper.processing: the PDF, 版面图, zones, photos) in one transaction and gives the
articles the import wrote the photos printed beside their captions.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from articles.importing.structure import ParsedPage, ParseWarning
from articles.models import Article
from articles.models.history import snapshot_digest
from epaper.pdf.bounded import run_bounded
from epaper.pdf.document import Limits, check_file, page_count
from epaper.pdf.errors import PdfError
from epaper.pdf.page import NO_TEXT, extract_page
from epaper.processing import process_page_pdf

PDF_SIGNATURE = b"%PDF-"
HEAD = 1024  # readers allow a little junk before the signature; so does epaper.pdf.document
REVIEW_IMAGE = ("phone", "jpeg")  # the rendition the review draws its zones on


def looks_like_pdf(name, head):
    return name.lower().endswith(".pdf") or PDF_SIGNATURE in head[:HEAD]


def read_pdf(path, name, limits=None):
    """The one page of the PDF at `path`, read (epaper.pdf.page.PageResult); PdfError names
    `name` for a file that cannot be imported."""
    limits = limits or Limits()
    check_file(path, name, limits)  # a 200 MB file is refused before any work
    pages = run_bounded(page_count, name, str(path), name, limits, limits=limits)
    if pages != 1:
        raise PdfError(name, f"PDF 有 {pages} 页；请每版导出一个单页 PDF")
    return run_bounded(extract_page, name, str(path), name, 0, limits, limits=limits)


def scan_page(name, number, page_name):
    """A page with no text layer: imported as its image alone, with no articles, and said so."""
    return ParsedPage(
        file=name, number=number, name=page_name, warnings=[ParseWarning(name, 1, NO_TEXT)]
    )


@dataclass
class PdfPage:
    """What the review shows of a page PDF: its image and the zones drawn over it."""

    result: object  # epaper.pdf.page.PageResult
    zones: list = field(default_factory=list)  # [(article position, [[x0, top, x1, bottom]])]

    @classmethod
    def of(cls, result, parsed_page):
        zones = [
            (zone.position, [result.relative(box) for box in zone.rects])
            for zone in result.zones(parsed_page)
        ]
        return cls(result, zones)

    @property
    def image_size(self):
        return next(((r.width, r.height) for r in self.result.renditions if _is_review(r)), (0, 0))

    def drawn_zones(self):
        """The zones in the review image's pixels, for the admin's SVG: each with its number,
        its rectangles as (x, y, width, height) and where its number stands."""
        width, height = self.image_size
        drawn = []
        for position, rects in self.zones:
            boxes = [
                (x0 * width, top * height, (x1 - x0) * width, (bottom - top) * height)
                for x0, top, x1, bottom in rects
            ]
            x, y = boxes[0][0], boxes[0][1]
            drawn.append({"position": position, "rects": boxes, "label": (x + 6, y + 24)})
        return drawn

    @property
    def image(self):
        """The page image the review draws on (JPEG bytes), or None."""
        return next((r.data for r in self.result.renditions if _is_review(r)), None)


def _is_review(rendition):
    return (rendition.kind, rendition.format) == REVIEW_IMAGE


def store_page(page, path, name, result, parsed_page, articles, written):
    """Store one imported page's PDF after the merge, in one transaction or not at all.

    articles: {position on the page: Article} as the merge matched them; written: the ids of
    the articles whose content the import wrote (only those get the page's photos).
    """
    return process_page_pdf(
        page,
        path,
        filename=name,
        parsed_page=parsed_page,
        result=result,
        articles=articles,
        then=lambda page_pdf: give_photos(page_pdf, written),
    )


def matched_articles(page_plan):
    """({position: Article}, {ids written}) of an applied page plan."""
    articles = {
        item.position: item.article
        for item in page_plan.articles
        if item.parsed is not None and item.article is not None
    }
    return articles, {item.article.pk for item in page_plan.articles if item.writes_content}


def give_photos(page_pdf, written):
    """The photos printed beside a caption become the pictures of that caption's Photo, for the
    articles this import wrote (an editor's article gets no picture it did not ask for), unless
    the Photo has a picture already (an editor's upload is never replaced). Through the photos
    app's checks and renditions, as an upload is; the caption is the first alt text."""
    for page_photo in page_pdf.photos.select_related("photo__article"):
        photo = page_photo.photo
        if photo is None or photo.image or not page_photo.file or photo.article_id not in written:
            continue
        article = photo.article
        if article.is_published() and not photo.caption:
            continue  # a public photo needs its alt text, which only an editor can give
        untouched = article.import_digest == snapshot_digest(article.snapshot())
        with default_storage.open(page_photo.file.name) as stream:
            photo.image = ContentFile(stream.read(), name=Path(page_photo.file.name).name)
        photo.alt = photo.alt or photo.caption[:250]
        try:
            photo.save()
        except ValidationError:
            continue  # not a photo the checks accept: the page keeps it, the article does not
        if untouched:
            # Still the import's own work: the picture is part of what the import wrote.
            Article.objects.filter(pk=article.pk).update(
                import_digest=snapshot_digest(article.snapshot())
            )
