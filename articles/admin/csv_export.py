"""CSV for spreadsheets, the one writer of every export (通讯员发稿统计 and whatever follows).

Cells are neutralised by OWASP's rule for CSV injection: a text cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return is one Excel or WPS would evaluate as a formula (a
correspondent can name a reporter `=HYPERLINK("http://e.vil","x")`), so it is written with a
leading `'`, which the spreadsheet shows as the text that was typed. Numbers stay numbers.
"""

import csv

from django.http import HttpResponse
from django.utils.http import content_disposition_header

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell):
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # Excel takes a CSV without a byte-order mark for the local code page and garbles Chinese.
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in [header, *rows]:
        writer.writerow([neutralise(cell) for cell in row])
    return response
