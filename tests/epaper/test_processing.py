"""Storing a page PDF: files through the storage API, rows in one go, nothing half-written."""

import pytest
from django.core.files.storage import default_storage

from articles.models import Article, Page
from epaper.models import PagePdf, PagePhoto, PageRendition, Zone
from epaper.pdf.document import Limits
from epaper.pdf.errors import PdfError
from epaper.processing import process_page_pdf

from . import bad_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media):
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())


def counts():
    return [m.objects.count() for m in (PagePdf, PageRendition, Zone, PagePhoto)]


@pytest.fixture
def seed_page(seed):
    return Page.objects.get()


def test_the_seed_page_gets_its_pdf_images_zones_and_photos(seed_page, seed_pdf):
    page_pdf = process_page_pdf(seed_page, seed_pdf)

    assert default_storage.exists(page_pdf.file.name)
    assert page_pdf.renditions.count() == 6
    assert all(default_storage.exists(r.file.name) for r in page_pdf.renditions.all())
    zones = list(page_pdf.zones.select_related("article"))
    assert [(z.position, z.article.position) for z in zones] == [(n, n) for n in range(1, 8)]
    assert all(len(z.rects) == 1 and 0 <= z.rects[0][0] < z.rects[0][2] <= 1 for z in zones)
    photos = list(page_pdf.photos.select_related("article", "photo"))
    assert [(p.article.position, p.photo.position) for p in photos] == [(2, 1), (6, 1)]
    assert photos[1].photo.caption == "独轮车支前项目比赛场景。"
    assert all(default_storage.exists(p.file.name) for p in photos)
    assert "# 技能引领新“食”尚" in page_pdf.text
    assert page_pdf.line_boxes


def test_processing_again_writes_nothing_new_and_changes_nothing(seed_page, seed_pdf, media):
    first = process_page_pdf(seed_page, seed_pdf)
    files, rows = stored_files(media), counts()
    zones = list(first.zones.values_list("position", "rects"))

    again = process_page_pdf(seed_page, seed_pdf)

    assert again.pk == first.pk
    assert stored_files(media) == files
    assert counts() == rows
    assert list(again.zones.values_list("position", "rects")) == zones


def test_a_zone_an_editor_corrected_survives_reprocessing(seed_page, seed_pdf, admin_user):
    page_pdf = process_page_pdf(seed_page, seed_pdf)
    zone = page_pdf.zones.get(position=3)
    zone.correct([[0.6, 0.3, 0.99, 0.45], [0.6, 0.46, 0.8, 0.5]], admin_user)

    process_page_pdf(seed_page, seed_pdf)

    zone.refresh_from_db()
    assert zone.rects == [[0.6, 0.3, 0.99, 0.45], [0.6, 0.46, 0.8, 0.5]]
    assert zone.corrected_by == admin_user
    assert zone.article == Article.objects.get(position=3)


def test_a_bad_pdf_writes_nothing(seed_page, tmp_path, media):
    path = tmp_path / "p02.pdf"
    bad_pdfs.encrypted(path)

    with pytest.raises(PdfError, match="p02.pdf"):
        process_page_pdf(seed_page, path)

    assert counts() == [0, 0, 0, 0]
    assert stored_files(media) == []


def test_a_200_mb_pdf_is_refused_before_any_work(seed_page, tmp_path, media):
    path = tmp_path / "p02.pdf"
    bad_pdfs.huge(path, 200 * 2**20)

    with pytest.raises(PdfError, match="过大"):
        process_page_pdf(seed_page, path)

    assert stored_files(media) == []


def test_when_storing_the_rows_fails_the_new_files_are_removed(seed_pdf, media, regions):
    unsaved = Page(number=2, name="工会")  # no issue, never saved: the rows cannot be written

    with pytest.raises(ValueError):
        process_page_pdf(unsaved, seed_pdf)

    assert stored_files(media) == []
    assert counts() == [0, 0, 0, 0]


def test_a_scan_is_stored_as_images_only_with_its_warning(seed_page, tmp_path):
    path = tmp_path / "scan.pdf"
    bad_pdfs.scanned(path)

    page_pdf = process_page_pdf(seed_page, path)

    assert page_pdf.text == ""
    assert not page_pdf.has_text
    assert page_pdf.renditions.count() == 6
    assert page_pdf.zones.count() == 0
    assert "扫描件" in page_pdf.warnings[0]


def test_the_limits_given_apply_to_reading_the_page(seed_page, tmp_path, media):
    path = tmp_path / "p02.pdf"
    bad_pdfs.two_pages(path)

    with pytest.raises(PdfError, match="2 页"):
        process_page_pdf(seed_page, path, limits=Limits(max_pages=1))

    assert stored_files(media) == []
