import datetime

import pytest
from django.urls import reverse

from articles.search_rows import Link


@pytest.mark.parametrize(
    ("name", "stand_ins", "values"),
    [
        ("articles:article", {"pk": "9000000001"}, {"pk": 7}),
        ("articles:article", {"pk": "9000000001"}, {"pk": 9000000001}),
        (
            "articles:page",
            {"date": "9999-99-99", "number": "9000000002"},
            {"date": datetime.date(2024, 10, 8), "number": 12},
        ),
        ("articles:reporter", {"slug": "z9z9"}, {"slug": "shou-hui-zhen"}),
    ],
)
def test_a_link_filled_in_is_what_reverse_gives(name, stand_ins, values):
    assert Link(name, **stand_ins)(**values) == reverse(name, kwargs=values)


def test_a_link_keeps_the_script_prefix_of_the_request(settings):
    from django.urls import set_script_prefix

    set_script_prefix("/paper/")
    try:
        assert Link("articles:article", pk="9000000001")(pk=3) == "/paper/articles/3/"
    finally:
        set_script_prefix("/")
