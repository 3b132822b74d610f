"""What a change to articles announces to the page cache (articles/dependencies.py)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles import dependencies, search
from articles.models import Article, Byline, Reporter
from articles.models.querysets import RELATED_WINDOW
from articles.signal_handlers import batched
from articles.signals import content_changed
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


def test_a_change_of_publication_names_the_related_lists_near_it_of_its_own_links(regions):
    county = Region.objects.get(code="330102")
    section = make_section()
    article = make_article(section=section, tags=["劳模"], regions=[county])
    tag = article.tags.get()
    span = article.pk // RELATED_WINDOW

    names = Article.objects.filter(pk=article.pk).page_dependencies(publication_changed=True)

    assert {name for name in names if name.startswith("near:")} == {
        f"near:section:{section.pk}:{span}",
        f"near:tag:{tag.pk}:{span}",
        # Its own place only: related articles share a place, not a region above it.
        f"near:region:{county.pk}:{span}",
    }


def test_an_edit_names_no_related_list_it_does_not_show_on(regions):
    article = make_article(section=make_section(), tags=["劳模"], regions=[Region.objects.first()])
    names = Article.objects.filter(pk=article.pk).page_dependencies()
    assert not [name for name in names if name.startswith("near:")]


@given(
    reader=st.integers(min_value=0, max_value=10**7),
    offset=st.integers(min_value=-RELATED_WINDOW, max_value=RELATED_WINDOW),
)
def test_every_article_within_the_window_announces_a_name_its_neighbours_record(reader, offset):
    other = max(reader + offset, 0)
    recorded = dependencies.near_around("tag", 7, reader, RELATED_WINDOW)
    assert dependencies.near("tag", 7, other, RELATED_WINDOW) in recorded
    assert dependencies.near("tag", 8, other, RELATED_WINDOW) not in recorded


def test_an_article_three_windows_away_announces_no_name_the_page_records():
    recorded = dependencies.near_around("tag", 7, 5000, RELATED_WINDOW)
    for far in (5000 - 2 * RELATED_WINDOW - 1, 5000 + 2 * RELATED_WINDOW):
        assert dependencies.near("tag", 7, far, RELATED_WINDOW) not in recorded


def test_places_given_are_named_with_the_regions_above_them(regions):
    article = make_article()
    county = Region.objects.get(code="330102")
    names = Article.objects.filter(pk=article.pk).page_dependencies(regions=[county.pk])
    above = Region.objects.filter(code__in=["330000", "330100", "330102"])
    assert {name for name in names if name.startswith("region:")} == {
        f"region:{region.pk}" for region in above
    }


def announcements(change):
    """The keys of every content_changed sent while change() runs (None: every page)."""
    sent = []

    def receiver(sender, keys=None, **kwargs):
        sent.append(keys)

    content_changed.connect(receiver, weak=False, dispatch_uid="test-announcements")
    try:
        change()
    finally:
        content_changed.disconnect(dispatch_uid="test-announcements")
    return sent


def test_a_batch_announces_once_all_that_its_changes_announce_one_by_one(regions):
    article = make_article(
        reporters=[("寿慧桢", "记者")], regions=[Region.objects.get(code="330102")], tags=["劳模"]
    )
    first, second = Reporter.objects.get(name="寿慧桢"), Reporter.objects.create(name="徐婧")
    old_place, place = Region.objects.get(code="330102"), Region.objects.get(code="330203")
    tag = article.tags.get()

    def change():
        byline = article.bylines.get()
        byline.reporter = second
        byline.save()
        article.article_regions.create(region=place, position=2)
        article.article_regions.filter(region=old_place).delete()
        article.tags.remove(tag)
        article.headline = "改过的主题"
        article.save()

    def undo():
        byline = article.bylines.get()
        byline.reporter = first
        byline.save()
        article.article_regions.filter(region=place).delete()
        article.article_regions.create(region=old_place, position=1)
        article.tags.add(tag)

    one_by_one = announcements(change)
    undo()
    in_a_batch = announcements(lambda: batched_change(change))

    assert len(one_by_one) == 5
    assert in_a_batch == [set().union(*one_by_one)]
    # The credit's old and new reporter, the places added and removed, the tag removed.
    assert {f"reporter:{first.pk}", f"reporter:{second.pk}", f"tag:{tag.pk}"} <= in_a_batch[0]
    assert {f"region:{place.pk}", f"region:{old_place.pk}"} <= in_a_batch[0]


def batched_change(change):
    with batched():
        change()


def test_a_batch_that_changes_a_shared_row_refreshes_every_page(db):
    article = make_article()

    def change():
        with batched():
            article.headline = "改过的主题"
            article.save()
            make_section("新栏目")

    assert announcements(change) == [None]


def test_a_batch_rebuilds_the_search_text_of_each_article_it_touched(db):
    article = make_article(headline="旧的主题")

    with batched():
        article.headline = "职工书屋开放"
        article.save()
        Byline.objects.create(
            article=article, reporter=Reporter.objects.create(name="羊荣江"), role="记者"
        )
        assert search.search(Article.objects.published(), "职工书屋").count() == 0

    found = search.search(Article.objects.published(), "职工书屋 羊荣江")
    assert list(found) == [article]


def test_a_batch_that_changes_when_an_article_went_public_names_the_issues(db):
    article = make_article()

    def backdate():
        with batched():
            article.published_at -= datetime.timedelta(hours=1)
            article.save()

    [keys] = announcements(backdate)
    assert "issues" in keys
    assert f"article:{article.pk}" in keys


def test_a_status_change_announces_the_articles_pages_and_the_list_of_issues(chief):
    # Publishing or withdrawing is an UPDATE (no model signal): the pages that show the article
    # and the home page / 往期 (which issues are public) must still be told, and only those.
    article = make_article(status=Article.Status.APPROVED, tags=["劳模"])
    expected = Article.objects.filter(pk=article.pk).page_dependencies(publication_changed=True)

    [published] = announcements(lambda: article.transition(Article.Status.PUBLISHED, chief))
    article.refresh_from_db()
    [withdrawn] = announcements(lambda: article.transition(Article.Status.WITHDRAWN, chief))

    assert published == withdrawn == expected
    assert {"issues", f"article:{article.pk}", f"tag:{article.tags.get().pk}"} <= published
