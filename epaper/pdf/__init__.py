"""Page PDFs read without Django: text lines in reading order with their boxes, the page text
the importer's parser reads, embedded photos, zones, and the rendered page images.

`page.extract_page` does all of it for one page; `bounded.run_bounded` runs it in a child
process with a memory and time limit, so a hostile or broken PDF cannot take the worker down.

Why PDFium (pypdfium2) and not pdfplumber: on the test pages both give the same characters
with the same sizes and fonts (pdfplumber one space more), but pypdfium2 reads a page's
characters in ~36 ms where pdfplumber (pure-Python pdfminer.six) takes ~230 ms; only PDFium
renders pages (pdfplumber itself renders through pypdfium2) and decodes embedded images to
files (pdfplumber hands out raw streams); and neither reading order fits a newspaper page
(pdfplumber's text lines run across columns), so that layer is ours either way. One C library,
BSD-3/Apache-2.0 licensed, maintained with PDFium's releases, does text, images and rendering.
"""
