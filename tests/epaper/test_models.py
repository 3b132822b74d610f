"""Zones hold page-relative rectangles; an editor's correction is recorded as theirs."""

import pytest
from django.core.exceptions import ValidationError

from epaper.models import PagePdf, PageRendition, Zone, validate_rects
from tests.conftest import make_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "rects",
    [
        [],
        [[0.1, 0.1, 0.2]],
        [[0.2, 0.1, 0.1, 0.3]],  # right of its left edge
        [[0.1, 0.3, 0.2, 0.1]],  # bottom above its top
        [[0.1, 0.1, 1.2, 0.3]],  # beyond the page
        [["0.1", 0.1, 0.2, 0.3]],
        [[True, 0.1, 0.2, 0.3]],
        "0.1,0.1,0.2,0.3",
    ],
)
def test_rectangles_outside_the_page_or_inside_out_are_refused(rects):
    with pytest.raises(ValidationError):
        validate_rects(rects)


def test_a_correction_is_validated_before_anything_changes(admin_user):
    page_pdf = PagePdf.objects.create(page=make_page(), width=800, height=1200, sha256="0" * 64)
    zone = Zone.objects.create(page_pdf=page_pdf, position=1, rects=[[0.1, 0.1, 0.5, 0.5]])

    with pytest.raises(ValidationError):
        zone.correct([[0.5, 0.1, 0.1, 0.5]], admin_user)
    zone.refresh_from_db()
    assert (zone.rects, zone.is_corrected) == ([[0.1, 0.1, 0.5, 0.5]], False)

    zone.correct([[0.1, 0.1, 0.6, 0.5]], admin_user)
    zone.refresh_from_db()
    assert (zone.rects, zone.corrected_by, zone.is_corrected) == (
        [[0.1, 0.1, 0.6, 0.5]],
        admin_user,
        True,
    )
    assert list(Zone.objects.corrected()) == [zone]


def test_names_say_which_page_and_what(admin_user):
    page = make_page(number=3, name="综合")
    page_pdf = PagePdf.objects.create(page=page, width=800, height=1200, sha256="0" * 64)
    rendition = PageRendition(
        page_pdf=page_pdf, kind="phone", format="webp", width=800, height=1200
    )
    zone = Zone(page_pdf=page_pdf, position=2, rects=[[0, 0, 1, 1]])

    assert str(page_pdf) == "第03版 综合 PDF"
    assert str(rendition) == "第03版 综合 手机版面图 800×1200 WebP"
    assert str(zone) == "第03版 综合 热区2"
    assert page_pdf.aspect_ratio == 1.5
