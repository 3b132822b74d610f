"""The one way dates are written for people, on the site, in the admin and in exports:
2024年10月8日 (no leading zeros), with the time as 2024年10月8日 20:45.

Templates get the same through `{{ value|date }}` and `|date:"DATETIME_FORMAT"`: the project's
format module (newsroom/formats/zh_Hans/formats.py) reads its formats from here.
"""

from django.utils import dateformat, timezone

DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 H:i"
YEAR_MONTH_FORMAT = "Y年n月"
MONTH_DAY_FORMAT = "n月j日"


def chinese_date(value):
    return dateformat.format(value, DATE_FORMAT)


def chinese_datetime(value):
    """An aware datetime in the site's time zone (Asia/Shanghai)."""
    return dateformat.format(timezone.localtime(value), DATETIME_FORMAT)
