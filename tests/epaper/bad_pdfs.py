"""PDFs that must be refused, or read with a warning, made small and on the spot."""

import io

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from epaper.testing.typesetting import raster


def encrypted(path):
    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(72, 720, "locked")
    canvas.save()


def scanned(path):
    """A page that is only a picture: what a scanner makes."""
    canvas = Canvas(str(path), pagesize=(600, 850))
    canvas.drawImage(ImageReader(io.BytesIO(raster(7, (600, 850)))), 0, 0, 600, 850)
    canvas.save()


def two_pages(path):
    canvas = Canvas(str(path))
    for text in ("one", "two"):
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()


def no_pages(path):
    """A well-formed PDF whose page tree is empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    path.write_bytes(out.getvalue())


def garbled(path, good):
    """A PDF header and end with nonsense between: damaged beyond repair."""
    data = good.read_bytes()
    path.write_bytes(data[:9] + bytes(range(256)) * 40 + b"\n%%EOF\n")


def truncated(path, good):
    """The first half of a good PDF: an upload cut off."""
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def huge(path, size):
    """A file of `size` bytes that starts like a PDF, written sparse (no disk used)."""
    with open(path, "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(size)
