"""The one date style of the site and the admin: 2024年10月8日 (no leading zeros).

Django's own zh_Hans formats, pinned here (and its 月日 without the leading zero of its month),
so that `{{ value|date }}` in templates and `formats.date_format(value)` in Python are the one
place that writes a date.
"""

DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 H:i"
SHORT_DATE_FORMAT = "Y年n月j日"
SHORT_DATETIME_FORMAT = "Y年n月j日 H:i"
YEAR_MONTH_FORMAT = "Y年n月"
MONTH_DAY_FORMAT = "n月j日"
TIME_FORMAT = "H:i"
