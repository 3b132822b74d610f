"""Pages with a PDF for the reader's page tests: PagePdf, PageRendition and Zone rows made
directly (the files are named, not written: the HTML tests need only their URLs)."""

from epaper.models import PagePdf, PagePhoto, PageRendition, Zone

SIZES = {"desktop": (1600, 2262), "phone": (800, 1131), "thumbnail": (300, 424)}
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}


def add_page_pdf(page, zones=()):
    """Give `page` a PDF with its six renditions and a zone per (article, rects[, lines])."""
    page_pdf = PagePdf.objects.create(
        page=page,
        file=f"epaper/pdf/{page.pk:064d}.pdf",
        original_name=f"p{page.number:02d}.pdf",
        sha256=f"{page.pk:064d}",
        width=842.0,
        height=1190.6,
        line_boxes={},
    )
    PageRendition.objects.bulk_create(
        PageRendition(
            page_pdf=page_pdf,
            kind=kind,
            format=fmt,
            width=width,
            height=height,
            file=f"epaper/pages/{page.pk}-{kind}.{EXTENSIONS[fmt]}",
        )
        for kind, (width, height) in SIZES.items()
        for fmt in EXTENSIONS
    )
    for position, (article, rects, *lines) in enumerate(zones, start=1):
        Zone.objects.create(
            page_pdf=page_pdf,
            position=position,
            article=article,
            rects=rects,
            lines=lines[0] if lines else [],
        )
    return page_pdf


def column_rects(index, count=4):
    """A zone: the index-th column (from 0) of `count`, below the banner."""
    width = 1 / count
    return [[round(index * width, 4), 0.1, round((index + 1) * width - 0.01, 4), 0.9]]


def add_page_photo(page_pdf, photo, box, position=1, file="epaper/photos/abc.jpg"):
    return PagePhoto.objects.create(
        page_pdf=page_pdf,
        position=position,
        box=box,
        file=file,
        width=600,
        height=400,
        article=photo.article,
        photo=photo,
    )
