"""The admin's own widgets, rendered: the date-and-time picker and the text box with suggestions."""

import datetime

from articles.admin.forms import DateTimeLocalInput, SuggestingTextInput


def test_date_time_picker_shows_the_value_as_the_browser_reads_it():
    html = DateTimeLocalInput().render("publish_at", datetime.datetime(2024, 10, 8, 6, 5, 59))
    assert 'type="datetime-local"' in html
    assert 'value="2024-10-08T06:05"' in html  # no seconds: the picker has none


def test_date_time_picker_keeps_its_attributes():
    html = DateTimeLocalInput(attrs={"class": "vDateTime"}).render("t", None)
    assert 'class="vDateTime"' in html


def test_suggesting_text_box_offers_its_values_in_a_datalist_of_its_own():
    widget = SuggestingTextInput(["记者", "通讯员"], attrs={"size": 10})
    html = widget.render("role", "记者", attrs={"id": "id_bylines-0-role"})
    assert 'list="id_bylines-0-role-suggestions"' in html
    assert 'size="10"' in html
    assert '<datalist id="id_bylines-0-role-suggestions">' in html
    assert html.index('<option value="记者">') < html.index('<option value="通讯员">')
