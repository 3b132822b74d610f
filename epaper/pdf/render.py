"""The page as pictures (版面图): desktop, phone and thumbnail widths, WebP and JPEG.

Rendered once at the largest width, then scaled down (Lanczos), which is sharper than
rendering small and cheaper than rendering thrice. The height follows the page's proportions;
zones are stored relative to the page, so they fit every size.
"""

import io
from dataclasses import dataclass

from PIL import Image

SIZES = (("desktop", 1600), ("phone", 800), ("thumbnail", 300))
FORMATS = (
    ("webp", {"format": "WEBP", "quality": 80, "method": 3}),
    ("jpeg", {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True}),
)


@dataclass
class Rendition:
    kind: str  # desktop, phone, thumbnail
    format: str  # webp, jpeg
    width: int
    height: int
    data: bytes


def render_page(page, page_width, sizes=SIZES, formats=FORMATS):
    largest = max(width for _, width in sizes)
    bitmap = page.render(scale=largest / page_width, may_draw_forms=False)
    image = bitmap.to_pil().convert("RGB")
    bitmap.close()
    renditions = []
    for kind, width in sizes:
        height = round(image.height * width / image.width)
        scaled = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        for name, options in formats:
            out = io.BytesIO()
            scaled.save(out, **options)
            renditions.append(Rendition(kind, name, width, height, out.getvalue()))
    return renditions
