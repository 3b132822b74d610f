"""通讯员发稿统计 in the admin: the report page and its CSV export.

The numbers come from articles/statistics.py; this module only reads the date range, sorts and
renders them (as a page, or as CSV that Excel opens with its Chinese text intact).
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from articles import statistics

from . import csv_export
from .statistics_form import StatisticsForm

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
# People per page of the report: a month of a daily has a few hundred credited people.
PEOPLE_PER_PAGE = 50


def report(request, admin_context):
    if not request.user.has_perm("articles.view_statistics"):
        raise PermissionDenied
    form = StatisticsForm(request.GET)
    sort = request.GET.get("sort", "total")
    if sort not in statistics.SORT_KEYS:
        sort = "total"
    people, units, start, end = [], [], None, None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        people = statistics.by_person(start, end, sort)
        units = sorted(statistics.by_unit(start, end), key=statistics.SORT_KEYS[sort])
        if request.GET.get("format") == "csv":
            if request.GET.get("table") == "unit":
                return csv_response(f"单位发稿统计_{start}_{end}.csv", UNIT_COLUMNS, units)
            return csv_response(f"通讯员发稿统计_{start}_{end}.csv", PERSON_COLUMNS, people)
    # The summary first, a page of people at a time; each row's pages open on demand.
    people_page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **admin_context,
        "title": "通讯员发稿统计",
        "form": form,
        "start": start,
        "end": end,
        "sort": sort,
        "people_page": people_page,
        "person_columns": PERSON_COLUMNS,
        "person_rows": table(PERSON_COLUMNS, people_page.object_list),
        "person_totals": totals(people),
        "unit_columns": UNIT_COLUMNS,
        "unit_rows": table(UNIT_COLUMNS, units),
    }
    return TemplateResponse(request, "admin/articles/statistics.html", context)


def csv_response(filename, columns, rows):
    header = [label for _, label in columns] + [PAGES_HEADER]
    return csv_export.csv_response(filename, header, csv_table(columns, rows))


def csv_table(columns, rows):
    """The rows as cells in the columns' order, with the pages last, joined."""
    return [[*cells, "、".join(pages)] for cells, pages in table(columns, rows)]


def table(columns, rows):
    """Each row as (its cells in the columns' order, the pages it ran on)."""
    return [([cell(row, key) for key, _ in columns], row.pages) for row in rows]


def totals(rows):
    return {
        "people": len(rows),
        "articles": sum(row.articles for row in rows),
        "photos": sum(row.photos for row in rows),
    }


def cell(row, key):
    if key == "unit" and not row.unit:
        return "未填单位"
    return getattr(row, key)
