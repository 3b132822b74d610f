"""Page PDFs read without Django: text lines in reading order with their boxes, the page text
the importer's parser reads, embedded photos, zones, and the rendered page images.

`page.extract_page` does all of it for one page; `bounded.run_bounded` runs it in a child
process with a memory and time limit, so a hostile or broken PDF cannot take the worker down.
"""
