import datetime

import pytest
from django.utils import timezone

from articles import statistics
from articles.models import Article, Byline, Reporter
from tests.articles.helpers import generated_set
from tests.conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)


def test_person_numbers_equal_the_bylines_of_published_articles():
    expected = generated_set()
    rows = statistics.by_person(START, END)
    got = {(r.name, r.role): [r.articles, r.photos, set(r.pages)] for r in rows}
    assert got == expected


def test_unit_totals_count_a_shared_article_once():
    a, b = (Reporter.objects.create(name=n, unit="长兴县总工会") for n in ("徐婧", "徐静"))
    article = make_article(issue=make_issue(date=datetime.date(2024, 5, 1)))
    Byline.objects.create(article=article, reporter=a, role="通讯员", position=1)
    Byline.objects.create(article=article, reporter=b, role="通讯员", position=2)
    [unit] = statistics.by_unit(START, END)
    assert (unit.name, unit.articles, unit.photos) == ("长兴县总工会", 1, 0)


def test_drafts_future_and_out_of_range_articles_do_not_count():
    person = Reporter.objects.create(name="寿慧桢")
    in_range = make_issue(date=datetime.date(2024, 6, 1))
    outside = make_issue(date=datetime.date(2025, 1, 1))
    future = timezone.now() + datetime.timedelta(days=1)
    page = make_page(issue=in_range)
    for article in (
        make_article(page=page, position=1, status=Article.Status.DRAFT),
        make_article(page=page, position=2, published_at=future),
        make_article(issue=outside),
    ):
        Byline.objects.create(article=article, reporter=person, role="记者", position=1)
    assert statistics.by_person(START, END) == []


def test_rows_sort_by_the_chosen_column():
    generated_set(seed=3)
    by_articles = statistics.by_person(START, END, sort="articles")
    assert [r.articles for r in by_articles] == sorted(
        (r.articles for r in by_articles), reverse=True
    )
    by_name = statistics.by_person(START, END, sort="name")
    assert [r.name for r in by_name] == sorted(r.name for r in by_name)


def test_person_report_runs_two_queries(django_assert_num_queries):
    generated_set()
    with django_assert_num_queries(2):
        statistics.by_person(START, END)


def test_a_credit_counted_twice_by_the_join_still_counts_once():
    person = Reporter.objects.create(name="寿慧桢", unit="湖州市总工会")
    article = make_article(issue=make_issue(date=datetime.date(2024, 5, 1)))
    photo = article.photos.create(position=1, caption="图")
    # The same person twice in one role, on the text and on one photo (a page printed so).
    for position, on_photo in enumerate([None, None, photo, photo], start=1):
        Byline.objects.create(
            article=article, photo=on_photo, reporter=person, role="记者", position=position
        )
    [row] = statistics.by_person(START, END)
    assert (row.articles, row.photos) == (1, 1)


def test_organisations_count_for_nobody_and_the_range_has_two_ends():
    person = Reporter.objects.create(name="寿慧桢")
    for day in (datetime.date(2023, 12, 31), datetime.date(2024, 6, 1), datetime.date(2025, 1, 1)):
        article = make_article(issue=make_issue(date=day))
        Byline.objects.create(article=article, reporter=person, role="记者", position=1)
        Byline.objects.create(article=article, organisation="湖州市总工会", position=2)
    [row] = statistics.by_person(START, END)
    assert (row.name, row.articles, row.pages) == ("寿慧桢", 1, ["2024年6月1日 第01版"])
    assert [unit.articles for unit in statistics.by_unit(START, END)] == [1]


def test_a_persons_pages_are_in_print_order_and_an_unknown_sort_is_by_total():
    person = Reporter.objects.create(name="寿慧桢")
    other = Reporter.objects.create(name="徐婧")
    pages = [
        make_page(issue=make_issue(date=datetime.date(2024, 5, 7)), number=1),
        make_page(issue=make_issue(date=datetime.date(2024, 5, 6)), number=3),
    ]
    pages.append(make_page(issue=pages[1].issue, number=1))
    for page in pages:
        article = make_article(page=page, position=1)
        Byline.objects.create(article=article, reporter=person, role="记者", position=1)
    Byline.objects.create(article=article, reporter=other, role="记者", position=2)
    rows = statistics.by_person(START, END, sort="不存在的列")
    assert [(r.name, r.articles) for r in rows] == [("寿慧桢", 3), ("徐婧", 1)]
    assert rows[0].pages == ["2024年5月6日 第01版", "2024年5月6日 第03版", "2024年5月7日 第01版"]


def test_a_persons_row_names_the_unit_they_file_for():
    # Editors read the 单位 beside each name to tell two correspondents of one name apart.
    page = make_page(issue=make_issue(date=datetime.date(2024, 3, 1)))
    for position, unit in enumerate(["长兴县总工会", "安吉县总工会"], start=1):
        person = Reporter.objects.create(name=f"徐婧{position}", unit=unit)
        article = make_article(page=page, position=position)
        Byline.objects.create(article=article, reporter=person, role="通讯员", position=1)
    rows = statistics.by_person(START, END, sort="name")
    assert [(r.name, r.unit) for r in rows] == [
        ("徐婧1", "长兴县总工会"),
        ("徐婧2", "安吉县总工会"),
    ]
