"""Write the test page PDFs and, beside each, the boxes of what was placed on it (JSON).

    .venv/bin/python -m epaper.testing.make_pages OUTPUT_DIR [--issue 40] [--seed-only]

`seed-page.pdf` is the seed page (fixtures/pages/seed-page.txt) as printed; `p01.pdf` … are
generated pages (`--issue N` writes N of them, the benchmark's issue). Each `NAME.json` holds
the page size and, per story in reading order, its text and the boxes of every line it drew
(`lines`), the tight box of each frame it filled (`frames`) and its photos with caption and
credit, all as [x0, top, x1, bottom] fractions of the page (origin top left), plus the
banner's and the running head's and foot's boxes. Needs reportlab, fontTools and Debian's
fonts-noto-cjk.
"""

import argparse
import json
import sys
from pathlib import Path

from . import fonts, layout, pages


def _relative(box, geometry):
    x0, y0, x1, y1 = box
    w, h = geometry.width, geometry.height
    return [round(x0 / w, 5), round(1 - y1 / h, 5), round(x1 / w, 5), round(1 - y0 / h, 5)]


def _story_record(placed, geometry):
    story = placed.story
    return {
        "key": story.key,
        "label": story.label,
        "kicker": story.kicker,
        "headline": story.headline,
        "subheadline": "".join(story.subheadline),
        "paragraphs": [[kind, text] for kind, text in story.paragraphs],
        "lines": [_relative(b, geometry) for b in placed.lines],
        "frames": [_relative(b, geometry) for b in placed.frames],
        "photos": [
            {"box": _relative(p["box"], geometry), "caption": p["caption"], "credit": p["credit"]}
            for p in placed.photos
        ],
    }


def write_page(spec, directory):
    """Draw one page; return (pdf path, the record written beside it)."""
    directory = Path(directory)
    pdf = directory / f"{spec.name}.pdf"
    drawn = layout.draw_page(spec, str(pdf))
    g = drawn["geometry"]
    record = {
        "file": pdf.name,
        "width": g.width,
        "height": g.height,
        "number": spec.number,
        "name": spec.page_name,
        "banner": [_relative(b, g) for b in drawn["banner"]],
        "furniture": [_relative(b, g) for b in drawn["furniture"]],
        "stories": [_story_record(p, g) for p in drawn["placed"]],
    }
    (directory / f"{spec.name}.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return pdf, record


def build(directory, *, issue=1, seed_page=True):
    """Write the seed page and `issue` generated pages into `directory`; return the PDF paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    fonts.register(pages.character_set(), directory / ".fonts")
    specs = [pages.seed_page_spec()] if seed_page else []
    specs += [pages.generated_page_spec(n) for n in range(1, issue + 1)]
    return [write_page(spec, directory)[0] for spec in specs]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--issue", type=int, default=1, help="generated pages to write")
    parser.add_argument("--seed-only", action="store_true", help="only the seed page")
    options = parser.parse_args(argv)
    try:
        paths = build(options.directory, issue=0 if options.seed_only else options.issue)
    except fonts.MissingFonts as error:
        sys.exit(str(error))
    for path in paths:
        print(path)


if __name__ == "__main__":
    main()
