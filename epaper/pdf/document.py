"""Opening a page PDF safely: size, signature, completeness, encryption and page count are
checked before anything is read, and each refusal says why in words an operator can act on."""

import contextlib
import os
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from articles.importing.text import BINARY_SIGNATURES

from .errors import PdfError

MB = 1024 * 1024
HEAD_WINDOW = 1024  # the PDF signature may follow a little junk, as readers allow
TAIL_WINDOW = 16 * 1024  # and %%EOF may be followed by some


@dataclass(frozen=True)
class Limits:
    """What one PDF may cost. The child process also gets `memory` as its address-space cap."""

    max_bytes: int = 100 * MB
    max_pages: int = 64
    max_image_pixels: int = 60_000_000  # an embedded photo larger than this is not extracted
    memory: int = 1536 * MB
    seconds: float = 120.0


DEFAULT_LIMITS = Limits()

LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "无法读取文件",
    pdfium_c.FPDF_ERR_FORMAT: "PDF 文件已损坏，无法解析",
    pdfium_c.FPDF_ERR_PASSWORD: "PDF 已加密（需要密码才能打开）；请从排版系统导出不加密的 PDF",
    pdfium_c.FPDF_ERR_SECURITY: "PDF 使用了不支持的加密方式；请导出不加密的 PDF",
    pdfium_c.FPDF_ERR_PAGE: "PDF 的页面已损坏",
}


def _size(size):
    return f"{size / MB:.0f} MB" if size >= MB else f"{size / 1024:.0f} KB"


def check_file(path, filename, limits=DEFAULT_LIMITS):
    """Refuse what is plainly not a usable PDF, reading no more than its first and last bytes."""
    size = os.stat(path).st_size
    if size == 0:
        raise PdfError(filename, "文件是空的（0 字节）")
    if size > limits.max_bytes:
        raise PdfError(
            filename,
            f"文件过大（{_size(size)}），上限为 {_size(limits.max_bytes)}；"
            "请按版分别导出，或降低图片分辨率后再导入",
        )
    with open(path, "rb") as f:
        head = f.read(HEAD_WINDOW)
        f.seek(max(0, size - TAIL_WINDOW))
        tail = f.read()
    if b"%PDF-" not in head:
        kind = next((label for sig, label in BINARY_SIGNATURES if head.startswith(sig)), None)
        raise PdfError(filename, f"这是{kind}，不是 PDF 文件" if kind else "不是 PDF 文件")
    if b"%%EOF" not in tail:
        raise PdfError(filename, "PDF 文件不完整（缺少文件结尾），可能上传或导出时中断；请重新导出")


@contextlib.contextmanager
def open_pdf(path, filename, limits=DEFAULT_LIMITS):
    """The document, checked: it opens without a password and has 1 to max_pages pages."""
    check_file(path, filename, limits)
    raw = pdfium_c.FPDF_LoadDocument(os.fsencode(path), None)
    if not raw:
        code = pdfium_c.FPDF_GetLastError()
        raise PdfError(filename, LOAD_ERRORS.get(code, f"无法打开 PDF（错误 {code}）"))
    document = pdfium.PdfDocument(raw)
    try:
        count = len(document)
        if count == 0:
            raise PdfError(filename, "PDF 没有页面")
        if count > limits.max_pages:
            raise PdfError(
                filename, f"PDF 有 {count} 页，上限为 {limits.max_pages} 页；请按版分别导出"
            )
        yield document
    finally:
        document.close()


def page_count(path, filename, limits=DEFAULT_LIMITS):
    with open_pdf(path, filename, limits) as document:
        return len(document)
