import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Byline, Issue, Page, Reporter, Section
from tests.conftest import make_article, make_issue, make_page, make_section

pytestmark = pytest.mark.django_db


def assert_rejected(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_issue_date_and_number_are_each_unique():
    issue = make_issue()
    assert_rejected(lambda: Issue.objects.create(date=issue.date, number=issue.number + 1))
    assert_rejected(
        lambda: Issue.objects.create(
            date=issue.date + datetime.timedelta(days=1), number=issue.number
        )
    )


def test_page_number_is_unique_within_an_issue_only():
    page = make_page(number=2)
    assert_rejected(lambda: Page.objects.create(issue=page.issue, number=2))
    other = make_page(number=2)
    assert other.issue != page.issue


def test_page_number_zero_is_rejected():
    assert_rejected(lambda: make_page(number=0))


def test_two_articles_cannot_share_a_position_on_a_page():
    article = make_article(position=3)
    assert_rejected(lambda: make_article(page=article.page, position=3))


def test_unknown_status_is_rejected_by_the_database():
    article = make_article()
    assert_rejected(lambda: Article.objects.filter(pk=article.pk).update(status="lost"))


def test_published_article_without_publish_time_is_rejected():
    article = make_article(status=Article.Status.DRAFT)
    assert_rejected(
        lambda: Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    )


def test_article_takes_its_issue_from_its_page():
    page = make_page()
    article = make_article(page=page)
    assert article.issue == page.issue


def test_byline_names_a_person_or_an_organisation_but_not_both():
    article = make_article()
    reporter = Reporter.objects.create(name="寿慧桢")
    assert_rejected(lambda: Byline.objects.create(article=article, position=1))
    assert_rejected(
        lambda: Byline.objects.create(
            article=article, reporter=reporter, organisation="长兴县总工会", position=1
        )
    )
    by_org = Byline.objects.create(article=article, organisation="长兴县总工会", position=2)
    assert by_org.name == "长兴县总工会"


def test_published_rule_hides_drafts_and_future_publish_times():
    now = timezone.now()
    visible = make_article(published_at=now - datetime.timedelta(minutes=1))
    scheduled_due = make_article(
        status=Article.Status.SCHEDULED, published_at=now - datetime.timedelta(seconds=1)
    )
    future = make_article(published_at=now + datetime.timedelta(minutes=5))
    draft = make_article(status=Article.Status.DRAFT)
    withdrawn = make_article(status=Article.Status.WITHDRAWN, published_at=now)

    public = set(Article.objects.published())
    assert public == {visible, scheduled_due}
    for article in (visible, scheduled_due, future, draft, withdrawn):
        assert article.is_published() == (article in public)


def test_body_blocks_keep_crossheads_in_order():
    article = make_article(body="第一段。\n\n## 小标题\n第二段。\n")
    assert article.blocks == [
        ("paragraph", "第一段。"),
        ("crosshead", "小标题"),
        ("paragraph", "第二段。"),
    ]
    assert article.paragraphs == ["第一段。", "第二段。"]
    assert article.crossheads == ["小标题"]


def test_homophone_names_get_distinct_slugs():
    first = Reporter.objects.create(name="张晶")
    second = Reporter.objects.create(name="章京")
    assert first.slug == "zhang-jing"
    assert second.slug == "zhang-jing-2"
    assert Section.objects.create(name="法润工心").slug == "farungongxin"


def test_natural_keys_find_the_same_rows():
    article = make_article(position=4)
    for obj in (article.issue, article.page, article):
        assert type(obj).objects.get_by_natural_key(*obj.natural_key()) == obj


def test_an_articles_natural_key_tells_it_from_the_same_place_in_other_issues_and_pages():
    article = make_article(position=4)
    make_article(position=4)  # the same page number and position, another issue
    make_article(page=make_page(issue=article.issue, number=article.page.number + 1), position=4)
    assert Article.objects.get_by_natural_key(*article.natural_key()) == article


def test_a_reporters_articles_are_those_crediting_them_and_no_organisations():
    own = make_article(reporters=[("寿慧桢", "记者")])
    other = make_article(reporters=[("王伟", "记者")])
    Byline.objects.create(article=other, organisation="长兴县总工会", role="作者", position=2)
    reporter = Reporter.objects.get(name="寿慧桢")
    assert list(Article.objects.credited_to(reporter)) == [own]


def test_related_articles_rank_a_shared_tag_twice_a_shared_place_and_section_once_each(
    django_assert_num_queries,
):
    from regions.models import Region

    place = Region.objects.create(
        code="339901", name="测试区", short_name="测试", kind="district", slug="ceshiqu"
    )
    section = make_section("劳模风采")
    issue = make_issue()
    article = make_article(
        page=make_page(issue=issue), tags=["劳模"], regions=[place], section=section
    )
    tagged = make_article(page=make_page(issue=issue, number=2), tags=["劳模"])  # 2
    nearby = make_article(page=make_page(issue=make_issue()), regions=[place])  # 1
    same_section = make_article(page=make_page(issue=make_issue()), section=section)  # 1
    placed_in_section = make_article(  # 1 + 1, on a newer issue than the tagged one
        page=make_page(issue=make_issue()), regions=[place], section=section
    )
    make_article(page=make_page(issue=make_issue()))  # nothing shared: not related

    related = Article.objects.related_to(article, [place], article.tags.all(), limit=10)
    with django_assert_num_queries(1):
        ranked = [
            (a.issue.date, a.headline, a.score, a.kicker, a.subheadline, a.issue.number)
            for a in related
        ]

    # Equal scores: the newer issue first, then as filed.
    assert [row[1] for row in ranked] == [
        placed_in_section.headline,
        tagged.headline,
        same_section.headline,
        nearby.headline,
    ]
    assert [row[2] for row in ranked] == [2, 2, 1, 1]


def test_related_articles_are_found_among_those_filed_near_it_only(monkeypatch):
    from articles.models import querysets

    monkeypatch.setattr(querysets, "RELATED_WINDOW", 1)
    section = make_section("劳模风采")
    article, next_filed, later = (make_article(section=section) for _ in range(3))
    assert later.pk - article.pk == 2  # filed two apart: past the window of one

    related = Article.objects.related_to(article, [], [], limit=10)

    assert [a.pk for a in related] == [next_filed.pk]


def test_related_articles_of_one_issue_with_equal_scores_come_as_filed():
    from regions.models import Region

    place = Region.objects.create(
        code="339901", name="测试区", short_name="测试", kind="district", slug="ceshiqu"
    )
    section = make_section("劳模风采")
    page = make_page(issue=make_issue())
    # Filed first, in the same section (1); filed second, about the same place (1). Without
    # the tie-break SQLite gives them in the order it finds them: the place's first.
    in_section = make_article(page=page, position=1, section=section)
    in_place = make_article(page=page, position=2, regions=[place])
    article = make_article(regions=[place], section=section)

    related = Article.objects.related_to(article, [place], [], limit=10)

    assert [(a.pk, a.score) for a in related] == [(in_section.pk, 1), (in_place.pk, 1)]


def test_the_next_publication_is_the_earliest_public_by_status_not_yet_by_time():
    now = timezone.now()
    assert Article.objects.next_publication_time() is None
    make_article(published_at=now - datetime.timedelta(minutes=1))  # public already
    make_article(status=Article.Status.DRAFT, published_at=now + datetime.timedelta(minutes=1))
    assert Article.objects.next_publication_time() is None

    later = make_article(
        status=Article.Status.SCHEDULED, published_at=now + datetime.timedelta(hours=2)
    )
    sooner = make_article(published_at=now + datetime.timedelta(hours=1))
    assert Article.objects.next_publication_time() == sooner.published_at
    assert Article.objects.exclude(pk=sooner.pk).next_publication_time() == later.published_at


def test_a_listing_loads_what_a_list_shows_in_four_queries(django_assert_num_queries):
    listed = make_article(
        section=make_section("劳模风采"), reporters=[("寿慧桢", "记者")], tags=["劳模"]
    )
    with django_assert_num_queries(4):  # the articles, then their bylines, places and tags
        [article] = Article.objects.filter(pk=listed.pk).for_listing()
    with django_assert_num_queries(0):
        shown = (
            article.section.name,
            article.issue.date,
            article.page.number,
            [(b.reporter.name, b.role) for b in article.text_bylines],
            article.ordered_regions,
            [tag.name for tag in article.tags.all()],
        )
    assert shown[0] == "劳模风采" and shown[3] == [("寿慧桢", "记者")] and shown[5] == ["劳模"]
