"""The import graph keeps the contracts in pyproject.toml ([tool.importlinter]): no circles,
regions a leaf, models below everything that shows them."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_graph_keeps_its_contracts(monkeypatch):
    # Read from the project root, where pyproject.toml is; no cache written into the checkout.
    monkeypatch.chdir(ROOT)
    assert lint_imports(no_cache=True, no_logo=True) == 0
