"""Extract and render a 40-page issue of page PDFs: pages per second and peak memory.

    .venv/bin/python bench/pdf_pages.py [--pages 40] [--dir DIR]

Lays out the issue with epaper.testing.make_pages (the seed page and generated pages; not
timed), then reads every page as the importer will: in a bounded child process
(epaper.pdf.bounded), text, geometry, photos, zones and the six page images (desktop, phone
and thumbnail, WebP and JPEG). One page at a time, on one core. Prints the rate with and
without rendering, where the time goes, and the peak resident memory of the parent and of the
largest child.
"""

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.importing.parsing import parse_page  # noqa: E402
from epaper.pdf.bounded import run_bounded  # noqa: E402
from epaper.pdf.page import extract_page  # noqa: E402
from epaper.testing import make_pages  # noqa: E402


def read(path, render):
    result = run_bounded(extract_page, path.name, path, path.name, render=render)
    parsed = parse_page(result.text, path.name, 1)
    zones = result.zones(parsed)
    return result, parsed, zones


def run(paths, render):
    times = []
    articles = zones = photos = images = 0
    started = time.perf_counter()
    for path in paths:
        t = time.perf_counter()
        result, parsed, page_zones = read(path, render)
        times.append(time.perf_counter() - t)
        articles += len(parsed.articles)
        zones += sum(len(z.rects) for z in page_zones)
        photos += len(result.photos)
        images += sum(len(r.data) for r in result.renditions)
    total = time.perf_counter() - started
    return total, times, articles, zones, photos, images


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--dir", type=Path, help="keep the PDFs here (default: a temp dir)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        directory = options.dir or Path(scratch)
        t = time.perf_counter()
        paths = make_pages.build(directory, issue=options.pages - 1)
        made = time.perf_counter() - t
        size = sum(p.stat().st_size for p in paths)
        print(f"laid out {len(paths)} pages in {made:.1f} s ({size / 2**20:.1f} MB of PDF)")
        for render in (False, True):
            total, times, articles, zones, photos, images = run(paths, render)
            label = "extract + render" if render else "extract only    "
            print(
                f"{label}: {len(paths) / total:5.2f} pages/s ({total:.1f} s; median page "
                f"{statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms); "
                f"{articles} articles, {zones} zone rectangles, {photos} photos"
                + (f", {images / 2**20:.1f} MB of page images" if render else "")
            )
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: parent {parent:.0f} MB, largest child {child:.0f} MB")


if __name__ == "__main__":
    main()
