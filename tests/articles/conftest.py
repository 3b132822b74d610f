"""What the parser's tests share: the gazetteer of Zhejiang's places, read once."""

from pathlib import Path

import pytest

from articles.importing.gazetteer import Gazetteer, load_places_from_fixture

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def gazetteer():
    return Gazetteer(load_places_from_fixture(ROOT / "fixtures" / "regions.json"))


def people(credits):
    """(name, role) of each credit, in order: what a test compares."""
    return [(c.name, c.role) for c in credits]
