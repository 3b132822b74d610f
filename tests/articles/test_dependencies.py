"""What a change to articles announces to the page cache (articles/dependencies.py)."""

import pytest

from articles.models import Article, Reporter
from regions.models import Region
from tests.conftest import make_article, make_section

pytestmark = pytest.mark.django_db


def test_an_article_names_everything_its_pages_show_in_one_query(
    regions, django_assert_num_queries
):
    county = Region.objects.get(code="330102")  # 上城区, in 杭州市, in 浙江省
    section = make_section()
    article = make_article(
        section=section, tags=["劳模"], regions=[county], reporters=[("寿慧桢", "记者")]
    )
    make_article(tags=["工匠"], regions=[Region.objects.get(code="330203")])  # not this one's
    reporter = Reporter.objects.get(name="寿慧桢")
    above = Region.objects.filter(code__in=["330000", "330100", "330102"])

    with django_assert_num_queries(1):
        names = Article.objects.filter(pk=article.pk).page_dependencies()

    assert names == {
        "any",
        f"article:{article.pk}",
        f"page:{article.page_id}",
        f"issue:{article.issue_id}",
        f"section:{section.pk}",
        f"tag:{article.tags.get().pk}",
        f"reporter:{reporter.pk}",
        *(f"region:{region.pk}" for region in above),
    }


def test_a_change_of_publication_also_names_the_issues(db):
    article = make_article()
    names = Article.objects.filter(pk=article.pk).page_dependencies(publication_changed=True)
    assert "issues" in names


def test_places_given_are_named_with_the_regions_above_them(regions):
    article = make_article()
    county = Region.objects.get(code="330102")
    names = Article.objects.filter(pk=article.pk).page_dependencies(regions=[county.pk])
    above = Region.objects.filter(code__in=["330000", "330100", "330102"])
    assert {name for name in names if name.startswith("region:")} == {
        f"region:{region.pk}" for region in above
    }
