"""Store one page's PDF: its page images, photos and each article's zone.

`process_page_pdf` is one idempotent step per page, ready for a task queue. The PDF is read
in a bounded child process (epaper.pdf.bounded) before anything is written; files are stored
under names made from their content (the same page stored twice writes nothing new, and a
file left by a run that died is simply reused); the rows change in one transaction, and if it
fails the files this run added are removed again. Zones an editor corrected are kept.
"""

import hashlib
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from articles.importing.parsing import parse_page
from articles.models import Article, Photo

from .models import PagePdf, PagePhoto, PageRendition, Zone
from .pdf.bounded import run_bounded
from .pdf.document import Limits, check_file
from .pdf.page import extract_page

RENDER_VERSION = 1  # part of the page images' names: raise it when rendering changes
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def process_page_pdf(
    page,
    path,
    *,
    filename=None,
    pdf_page=1,
    parsed_page=None,
    limits=None,
    result=None,
    articles=None,
    then=None,
):
    """Read page `pdf_page` of the PDF at `path` for the printed page `page` (articles.Page)
    and store it; return the PagePdf. Raises PdfError (nothing written) for a bad PDF.

    The zones follow the articles the page text parses into (`parsed_page`, parsed here when
    not given), matched to the page's Article rows by position as the importer matches them,
    or to `articles` ({position: Article}, the import's own matching) when given. `result`:
    the page as already read by extract_page (the importer reads it once for its review).
    `then(page_pdf)` runs last inside the same transaction: if it fails, nothing of the page
    is kept (rows nor the files this run added).
    """
    filename = filename or Path(path).name
    limits = limits or Limits()
    check_file(path, filename, limits)  # a 200 MB upload is refused before any work
    if result is None:
        result = run_bounded(
            extract_page, filename, str(path), filename, pdf_page - 1, limits, limits=limits
        )
    if parsed_page is None and result.text:
        parsed_page = parse_page(result.text, filename, page.number)
    zones = result.zones(parsed_page) if parsed_page else []
    pdf_sha = sha256_of(path)
    files = FileWriter()
    try:
        with open(path, "rb") as f:
            pdf_name = files.put(f"epaper/pdf/{pdf_sha}.pdf", f.read())
        stem = f"epaper/pages/{pdf_sha[:2]}/{pdf_sha}-{pdf_page}-v{RENDER_VERSION}"
        renditions = [
            (r, files.put(f"{stem}-{r.kind}.{EXTENSIONS[r.format]}", r.data))
            for r in result.renditions
        ]
        photos = [
            (p, files.put(f"epaper/photos/{hashlib.sha256(p.data).hexdigest()}.jpg", p.data))
            if p.data
            else (p, "")
            for p in result.photos
        ]
        if articles is None:
            articles = _articles_by_position(page)
        with transaction.atomic():
            page_pdf = _store(page, result, filename, pdf_sha, pdf_page, pdf_name)
            _store_renditions(page_pdf, renditions)
            _store_photos(page_pdf, page, result, photos, parsed_page, zones, articles)
            _store_zones(page_pdf, result, zones, articles)
            if then is not None:
                then(page_pdf)
    except BaseException:
        files.remove_added()
        raise
    return page_pdf


class FileWriter:
    """Writes files through the storage API under content names; can take back what it added."""

    def __init__(self, storage=None):
        self.storage = storage or default_storage
        self.added = []

    def put(self, name, data):
        if self.storage.exists(name):
            return name
        saved = self.storage.save(name, ContentFile(data))
        self.added.append(saved)
        return saved

    def remove_added(self):
        for name in self.added:
            self.storage.delete(name)
        self.added = []


def _store(page, result, filename, pdf_sha, pdf_page, pdf_name):
    boxes = {}
    if result.page_text:
        boxes = {
            str(number): [result.relative(box) for box in line_boxes]
            for number, line_boxes in result.page_text.line_boxes.items()
            if line_boxes
        }
    page_pdf, _ = PagePdf.objects.update_or_create(
        page=page,
        defaults={
            "file": pdf_name,
            "original_name": filename,
            "sha256": pdf_sha,
            "pdf_page": pdf_page,
            "width": result.width,
            "height": result.height,
            "text": result.text or "",
            "line_boxes": boxes,
            "warnings": list(result.warnings),
            "processed_at": timezone.now(),
        },
    )
    return page_pdf


def _store_renditions(page_pdf, renditions):
    page_pdf.renditions.all().delete()
    PageRendition.objects.bulk_create(
        PageRendition(
            page_pdf=page_pdf,
            kind=r.kind,
            format=r.format,
            width=r.width,
            height=r.height,
            file=name,
        )
        for r, name in renditions
    )


def _articles_by_position(page):
    return {a.position: a for a in Article.objects.filter(page=page)}


def _store_photos(page_pdf, page, result, photos, parsed_page, zones, articles):
    """Each photo with the article whose zone holds it and, when the parser read its caption
    or credit, the article's Photo of that position."""
    article_of = {index: zone.position for zone in zones for index in zone.photos}
    photo_position = _photo_positions(result, parsed_page, zones)
    article_photos = {
        (p.article_id, p.position): p for p in Photo.objects.filter(article__page=page)
    }
    page_pdf.photos.all().delete()
    rows = []
    for index, (photo, name) in enumerate(photos):
        article = articles.get(article_of.get(index))
        position = photo_position.get(index)
        rows.append(
            PagePhoto(
                page_pdf=page_pdf,
                position=index + 1,
                box=result.relative(photo.box),
                file=name,
                width=photo.width,
                height=photo.height,
                article=article,
                photo=article_photos.get((article.pk, position)) if article else None,
            )
        )
    PagePhoto.objects.bulk_create(rows)


def _photo_positions(result, parsed_page, zones):
    """Photo index -> position of the parsed photo (1-based) within its article."""
    if not parsed_page or not result.page_text:
        return {}
    slots = {slot.image: slot for slot in result.page_text.photos}
    positions = {}
    for zone in zones:
        parsed = parsed_page.articles[zone.position - 1]
        for index in zone.photos:
            slot = slots.get(index)
            for n, photo in enumerate(parsed.photos, start=1):
                if slot and photo.line in (slot.after_line, slot.gap_line):
                    positions[index] = n
    return positions


def _store_zones(page_pdf, result, zones, articles):
    existing = {z.position: z for z in page_pdf.zones.all()}
    wanted = set()
    for zone in zones:
        wanted.add(zone.position)
        row = existing.get(zone.position) or Zone(page_pdf=page_pdf, position=zone.position)
        row.lines = zone.lines
        if not row.is_corrected:  # an editor's rectangles and article are kept
            row.article = articles.get(zone.position)
            row.rects = [result.relative(box) for box in zone.rects]
        row.save()
    # A zone no article is left for goes, unless an editor drew it and its article is there.
    for position, row in existing.items():
        if position not in wanted and not (row.is_corrected and row.article_id):
            row.delete()
