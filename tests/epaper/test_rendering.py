"""The page images: desktop, phone and thumbnail sizes, WebP with a JPEG fallback."""

import io

import pytest
from PIL import Image

from epaper.pdf.page import extract_page


@pytest.fixture(scope="module")
def renditions(seed_pdf):
    result = extract_page(seed_pdf, seed_pdf.name)
    return result, {(r.kind, r.format): r for r in result.renditions}


def test_each_size_comes_in_webp_and_jpeg(renditions):
    _, found = renditions

    assert set(found) == {
        (kind, fmt) for kind in ("desktop", "phone", "thumbnail") for fmt in ("webp", "jpeg")
    }
    assert {found[(k, "webp")].width for k in ("desktop", "phone", "thumbnail")} == {1600, 800, 300}


def test_the_files_are_the_images_they_say_in_the_pages_proportions(renditions):
    result, found = renditions
    for (_, fmt), rendition in found.items():
        image = Image.open(io.BytesIO(rendition.data))
        assert image.format == fmt.upper()
        assert image.size == (rendition.width, rendition.height)
        assert abs(rendition.height / rendition.width - result.height / result.width) < 0.005


def test_the_desktop_image_shows_the_page_not_a_blank(renditions):
    _, found = renditions
    image = Image.open(io.BytesIO(found[("desktop", "jpeg")].data)).convert("L")
    darkest, lightest = image.getextrema()

    assert lightest > 240  # paper
    assert darkest < 40  # ink
