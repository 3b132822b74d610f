"""通讯员发稿统计 in the admin: the report page and its CSV export.

The numbers come from articles/statistics.py; this module only reads the date range, sorts and
renders them (as a page, or as CSV that Excel opens with its Chinese text intact).
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from articles import statistics

from . import csv_export
from .forms import StatisticsForm

PERSON_COLUMNS = [
    ("name", "姓名"),
    ("role", "角色"),
    ("unit", "单位"),
    ("articles", "文字稿件"),
    ("photos", "图片"),
    ("total", "合计"),
]
UNIT_COLUMNS = [("unit", "单位"), ("articles", "文字稿件"), ("photos", "图片"), ("total", "合计")]
PAGES_HEADER = "见报版面"


def report(request, admin_context):
    if not request.user.has_perm("articles.view_statistics"):
        raise PermissionDenied
    form = StatisticsForm(request.GET)
    sort = request.GET.get("sort", "total")
    if sort not in statistics.SORT_KEYS:
        sort = "total"
    people, units = [], []
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        people = statistics.by_person(start, end, sort)
        units = sorted(statistics.by_unit(start, end), key=statistics.SORT_KEYS[sort])
        if request.GET.get("format") == "csv":
            if request.GET.get("table") == "unit":
                return csv_response(f"单位发稿统计_{start}_{end}.csv", UNIT_COLUMNS, units)
            return csv_response(f"通讯员发稿统计_{start}_{end}.csv", PERSON_COLUMNS, people)
    context = {
        **admin_context,
        "title": "通讯员发稿统计",
        "form": form,
        "sort": sort,
        "person_columns": PERSON_COLUMNS,
        "person_rows": table(PERSON_COLUMNS, people),
        "unit_columns": UNIT_COLUMNS,
        "unit_rows": table(UNIT_COLUMNS, units),
    }
    return TemplateResponse(request, "admin/articles/statistics.html", context)


def csv_response(filename, columns, rows):
    header = [label for _, label in columns] + [PAGES_HEADER]
    return csv_export.csv_response(filename, header, table(columns, rows))


def table(columns, rows):
    """The rows as cells in the columns' order, with the pages last."""
    return [[cell(row, key) for key, _ in columns] + ["、".join(row.pages)] for row in rows]


def cell(row, key):
    if key == "unit" and not row.unit:
        return "未填单位"
    return getattr(row, key)
