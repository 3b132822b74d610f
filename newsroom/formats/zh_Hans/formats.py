"""The one date style of the site and the admin (articles/dates.py): 2024年10月8日.

Django's own zh_Hans formats, pinned to the project's (and its 月日 without the leading zero
of its month), so that `{{ value|date }}` in templates and articles.dates in Python agree.
"""

from articles.dates import DATE_FORMAT, DATETIME_FORMAT, MONTH_DAY_FORMAT, YEAR_MONTH_FORMAT

SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
TIME_FORMAT = "H:i"

__all__ = [
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "YEAR_MONTH_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "TIME_FORMAT",
]
