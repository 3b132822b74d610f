"""The seed page as a PDF (made once per session by epaper.testing.make_pages), and storage in
each test's own directories."""

import json
from pathlib import Path

import pytest

from epaper.testing import make_pages


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("import-pages")
    make_pages.build(directory, issue=0)
    return directory


@pytest.fixture(scope="session")
def seed_pdf(pdf_dir):
    return Path(pdf_dir) / "seed-page.pdf"


@pytest.fixture(scope="session")
def seed_record(pdf_dir):
    """What the script placed on the seed page: each story's line and photo boxes."""
    return json.loads((Path(pdf_dir) / "seed-page.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def storage(media_dirs, settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    return media_dirs


def stored_files(root):
    """Every file under the test's media and private media."""
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())
