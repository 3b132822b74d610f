"""Test pages made once per session by epaper.testing.make_pages, and PDFs that are bad."""

import json
from pathlib import Path

import pytest

from epaper.pdf.page import extract_page
from epaper.testing import make_pages

GENERATED = 2  # generated pages besides the seed page


@pytest.fixture(scope="session")
def page_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("epaper-pages")
    make_pages.build(directory, issue=GENERATED)
    return directory


@pytest.fixture(scope="session")
def records(page_dir):
    """What the script placed: NAME -> the JSON record written beside NAME.pdf."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(page_dir.glob("*.json"))
    }


@pytest.fixture(scope="session")
def extracted(page_dir, records):
    """NAME -> extract_page(NAME.pdf) without page images (rendering is tested on its own)."""
    return {
        name: extract_page(page_dir / f"{name}.pdf", f"{name}.pdf", render=False)
        for name in records
    }


@pytest.fixture(scope="session")
def seed_pdf(page_dir):
    return Path(page_dir) / "seed-page.pdf"
