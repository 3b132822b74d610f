"""Bad PDFs are refused with an error naming the file; a scan is read as a picture only."""

import os
import time

import pytest

from epaper.pdf.bounded import run_bounded
from epaper.pdf.document import DEFAULT_LIMITS, MB, Limits
from epaper.pdf.errors import PdfError
from epaper.pdf.page import NO_TEXT, extract_page

from . import bad_pdfs


def refusal(path, limits=DEFAULT_LIMITS):
    with pytest.raises(PdfError) as caught:
        extract_page(path, path.name, limits=limits, render=False)
    assert caught.value.file == path.name
    assert str(caught.value).startswith(path.name)
    return caught.value.message


def test_an_encrypted_pdf_is_refused(tmp_path):
    path = tmp_path / "p01-加密.pdf"
    bad_pdfs.encrypted(path)

    assert "加密" in refusal(path)


def test_a_pdf_cut_off_is_refused(tmp_path, seed_pdf):
    path = tmp_path / "p02.pdf"
    bad_pdfs.truncated(path, seed_pdf)

    assert "不完整" in refusal(path)


def test_a_damaged_pdf_is_refused(tmp_path, seed_pdf):
    path = tmp_path / "p03.pdf"
    bad_pdfs.garbled(path, seed_pdf)

    assert "损坏" in refusal(path)


def test_a_picture_named_pdf_is_refused_as_what_it_is(tmp_path):
    path = tmp_path / "p04.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))

    assert refusal(path) == "这是PNG 图片，不是 PDF 文件"


def test_text_named_pdf_is_refused(tmp_path):
    path = tmp_path / "p05.pdf"
    path.write_text("# 标题\n正文。\n", encoding="utf-8")

    assert refusal(path) == "不是 PDF 文件"


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "p06.pdf"
    path.write_bytes(b"")

    assert "0 字节" in refusal(path)


def test_a_pdf_without_pages_is_refused(tmp_path):
    path = tmp_path / "p07.pdf"
    bad_pdfs.no_pages(path)

    assert refusal(path) == "PDF 没有页面"


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "p08.pdf"
    bad_pdfs.huge(path, 200 * MB)

    message = refusal(path)
    assert "过大（200 MB）" in message
    assert "100 MB" in message


def test_more_pages_than_allowed_are_refused(tmp_path):
    path = tmp_path / "p09.pdf"
    bad_pdfs.two_pages(path)

    assert "2 页" in refusal(path, Limits(max_pages=1))


def test_a_scan_is_read_as_a_picture_with_no_text_and_a_warning(tmp_path):
    path = tmp_path / "p10.pdf"
    bad_pdfs.scanned(path)

    result = extract_page(path, path.name)

    assert result.text is None
    assert result.warnings == [NO_TEXT]
    assert result.zones(None) == []
    assert {(r.kind, r.format) for r in result.renditions} >= {
        ("desktop", "webp"),
        ("desktop", "jpeg"),
    }


def test_work_past_the_time_limit_is_stopped():
    # The child would sleep a minute; it is killed at the limit instead.
    with pytest.raises(PdfError, match="超时") as caught:
        run_bounded(time.sleep, "p11.pdf", 60, limits=Limits(seconds=0.5))

    assert caught.value.file == "p11.pdf"


def test_work_past_the_memory_limit_is_stopped():
    with pytest.raises(PdfError, match="内存") as caught:
        run_bounded(bytearray, "p12.pdf", 2048 * MB, limits=Limits(memory=512 * MB))

    assert caught.value.file == "p12.pdf"


def test_a_crash_in_the_child_is_reported_not_suffered():
    with pytest.raises(PdfError, match="崩溃"):
        run_bounded(os._exit, "p13.pdf", 1)


def test_a_good_page_read_in_a_child_is_the_same_as_read_here(seed_pdf, extracted):
    result = run_bounded(extract_page, seed_pdf.name, seed_pdf, seed_pdf.name, render=False)

    assert result.text == extracted["seed-page"].text
