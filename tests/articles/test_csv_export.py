"""Exports never carry a formula a spreadsheet would run (issue 13, item 3: a reporter named
=HYPERLINK(…) or a unit +SUM(1,2) reached the 通讯员发稿统计 CSV as cells Excel evaluates)."""

import datetime

import pytest

from articles.admin.csv_export import neutralise
from articles.models import Reporter
from tests.articles.admin_helpers import client_for
from tests.articles.test_admin_reports import RANGE, STATISTICS, read_csv
from tests.conftest import make_article, make_issue

HYPERLINK = '=HYPERLINK("http://e.vil","x")'


@pytest.mark.django_db
@pytest.mark.parametrize("table", ["person", "unit"])
def test_a_formula_typed_as_a_name_or_unit_is_written_as_text(editor, table):
    make_article(
        issue=make_issue(date=datetime.date(2024, 5, 1)), reporters=[(HYPERLINK, "通讯员")]
    )
    Reporter.objects.filter(name=HYPERLINK).update(unit="+SUM(1,2)")

    response = client_for(editor).get(STATISTICS, {**RANGE, "format": "csv", "table": table})

    _header, row = read_csv(response)
    if table == "person":
        assert row[:3] == ["'" + HYPERLINK, "通讯员", "'+SUM(1,2)"]
    else:
        assert row[0] == "'+SUM(1,2)"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_cell_a_spreadsheet_would_evaluate_is_quoted(start):
    assert neutralise(f"{start}1+2") == f"'{start}1+2"


@pytest.mark.parametrize("cell", ["劳模", "A=B", "", " =1", 5, -3, 0])
def test_text_and_numbers_that_are_no_formula_are_unchanged(cell):
    assert neutralise(cell) == cell
