"""The statistics' period: a month (the previous one by default, the month unions pay for),
or a range of dates when both ends are given."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


def previous_month(today=None):
    """The first and last day of the month before today's."""
    first_of_this = (today or timezone.localdate()).replace(day=1)
    last = first_of_this - datetime.timedelta(days=1)
    return last.replace(day=1), last


def month_bounds(first):
    last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return first, last - datetime.timedelta(days=1)


class MonthInput(forms.DateInput):
    """The browser's month picker; its value is YYYY-MM."""

    input_type = "month"

    def __init__(self):
        super().__init__(format="%Y-%m")


class StatisticsForm(forms.Form):
    month = forms.DateField(
        label="月份", required=False, widget=MonthInput, input_formats=["%Y-%m"]
    )
    start = forms.DateField(
        label="起始日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label="截止日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="填写起止日期时按日期统计，否则按月份。",
    )

    def __init__(self, data, **kwargs):
        # Opened without a period, the report shows the month that has ended.
        data = data.copy()
        if not any(data.get(name) for name in ("month", "start", "end")):
            data["month"] = previous_month()[0].strftime("%Y-%m")
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if self.errors:
            return cleaned_data
        if start or end:
            if not (start and end):
                raise ValidationError("按日期统计请同时填写起始日期和截止日期。")
            if end < start:
                raise ValidationError("截止日期不能早于起始日期。")
        elif cleaned_data.get("month"):
            cleaned_data["start"], cleaned_data["end"] = month_bounds(cleaned_data["month"])
        else:
            raise ValidationError("请选择月份，或填写起止日期。")
        return cleaned_data
