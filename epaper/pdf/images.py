"""Photos embedded in a page: where they stand and their pixels as a file.

A JPEG is taken out as it is stored (no loss, no decoding) unless it is CMYK, which browsers
show badly; anything else is decoded and saved as JPEG. Small images (rules drawn as images,
logos, icons) are not photos. An image larger than the limit is left in the PDF with a warning:
its decoded pixels could exhaust memory.
"""

import io
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from .geometry import Box, objects_of

MIN_SIDE = 36.0  # points: half an inch
MIN_SHARE = 0.002  # of the page's area


@dataclass
class PagePhoto:
    box: Box
    data: bytes | None
    width: int  # pixels
    height: int
    warning: str | None = None


def page_photos(objects, origin, page_box, max_pixels):
    """The photos among a page's objects (PdfImage and others, from page.get_objects)."""
    photos = []
    for obj, box in objects_of(objects, pdfium_c.FPDF_PAGEOBJ_IMAGE, origin):
        if min(box.width, box.height) < MIN_SIDE or box.area < MIN_SHARE * page_box.area:
            continue
        width, height = obj.get_px_size()
        if width * height > max_pixels:
            warning = f"图片过大（{width}×{height} 像素），未提取；版面图中仍可见"
            photos.append(PagePhoto(box, None, width, height, warning))
            continue
        photos.append(PagePhoto(box, _jpeg(obj), width, height))
    photos.sort(key=lambda p: (p.box.top, p.box.x0))
    return photos


def _jpeg(obj):
    metadata = obj.get_metadata()
    if obj.get_filters() == ["DCTDecode"] and metadata.colorspace in (
        pdfium_c.FPDF_COLORSPACE_DEVICERGB,
        pdfium_c.FPDF_COLORSPACE_DEVICEGRAY,
    ):
        return bytes(obj.get_data(decode_simple=False))
    image = obj.get_bitmap(render=False).to_pil().convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()
