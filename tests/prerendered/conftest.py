"""What the tests of rendered pages share: a paper whose articles are on every kind of list."""

import pytest

from articles import pagination
from articles.models import Reporter
from regions.models import Region
from tests.conftest import make_article, make_page, make_section


@pytest.fixture
def listed(regions):
    """Two articles on every kind of list (a reporter, a section, a tag, a city through one of
    its districts), and one article on none of those lists."""
    section = make_section()
    page = make_page()
    common = {
        "page": page,
        "section": section,
        "reporters": [("寿慧桢", "记者")],
        "regions": [Region.objects.get(slug="wuxing")],
        "tags": ["劳模"],
    }
    first = make_article(position=1, headline="第一篇", **common)
    second = make_article(position=2, headline="第二篇", **common)
    elsewhere = make_article(headline="无关稿件", section=make_section("别的栏目"), tags=["别的"])
    urls = {
        "index": "/articles/",
        "deep": f"/articles/?after={pagination.print_key(first)}",
        "reporter": Reporter.objects.get(name="寿慧桢").get_absolute_url(),
        "section": section.get_absolute_url(),
        "tag": "/tags/劳模/",
        "region": Region.objects.get(slug="huzhou").get_absolute_url(),
        "index by tag": "/articles/?tag=劳模",
        "index by city, deep": f"/articles/?region=huzhou&after={pagination.print_key(first)}",
    }
    return {"first": first, "second": second, "elsewhere": elsewhere, "urls": urls}
