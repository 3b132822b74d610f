"""One way of writing dates and labels in Chinese, on the site and in the admin."""

import datetime

from django import forms
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from articles.dates import chinese_date, chinese_datetime


def test_dates_have_no_leading_zeros_in_python_and_in_templates():
    day = datetime.date(2024, 10, 8)
    assert chinese_date(day) == "2024年10月8日"
    rendered = Template("{{ day|date }} {{ day|date:'YEAR_MONTH_FORMAT' }}").render(
        Context({"day": day})
    )
    assert rendered == "2024年10月8日 2024年10月"


def test_times_are_written_in_shanghai_time():
    moment = datetime.datetime(2024, 10, 7, 16, 5, tzinfo=datetime.UTC)
    assert chinese_datetime(moment) == "2024年10月8日 00:05"
    rendered = Template('{{ moment|date:"DATETIME_FORMAT" }}').render(
        Context({"moment": timezone.localtime(moment)})
    )
    assert rendered == "2024年10月8日 00:05"


def test_form_labels_end_in_a_full_width_colon():
    class Form(forms.Form):
        section = forms.CharField(label="栏目")

    assert Form()["section"].label_tag() == '<label for="id_section">栏目：</label>'


def test_admin_labels_end_in_a_full_width_colon(admin_client):
    content = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "主题：</label>" in content
    assert "主题:</label>" not in content
