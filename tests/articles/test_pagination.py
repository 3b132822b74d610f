"""Paging article lists by key (上一页/下一页), numbered pages for old links, bounded counts."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse

from articles import pagination
from articles.models import Article
from tests.articles.helpers import (
    headlines_in,
    list_url,
    text,
)
from tests.conftest import make_article, make_issue, make_page, make_section

pytestmark = pytest.mark.django_db


def link(response, rel):
    """The query of the page's rel="next" or rel="prev" link, as a dict of lists; None if none."""
    found = re.search(rf'href="([^"]*)" rel="{rel}"', response.content.decode())
    return parse_qs(urlsplit(unescape(found.group(1))).query) if found else None


def follow(client, response, rel):
    return client.get(reverse("articles:article_list") + "?" + urlencode(link(response, rel), True))


def test_filters_are_kept_in_pagination_links(client, db):
    section = make_section()
    page = make_page()
    for position in range(1, 23):
        make_article(page=page, position=position, section=section)
    make_article()  # outside the section

    first = client.get(list_url(section=section.slug))
    second = follow(client, first, "next")
    back = follow(client, second, "prev")

    assert len(headlines_in(first)) == 20
    assert len(headlines_in(second)) == 2
    assert headlines_in(back) == headlines_in(first)
    assert link(first, "next") == {"section": [section.slug], "after": [f"{page.issue.date}.1.20"]}
    assert link(second, "prev") == {
        "section": [section.slug],
        "before": [f"{page.issue.date}.1.21"],
    }
    assert "共 22 篇" in text(first) and "共 22 篇" in text(second)
    assert link(first, "prev") is None and link(second, "next") is None


def test_following_next_and_then_prev_links_lists_every_article_once_in_print_order(client, db):
    expected = []
    for day in (3, 2, 1):  # newest issue first
        issue = make_issue(date=datetime.date(2024, 10, day))
        for number in (1, 2):
            page = make_page(issue=issue, number=number)
            for position in range(1, 9):
                expected.append(make_article(page=page, position=position).headline)
    make_article(page=page, position=9, status=Article.Status.DRAFT)

    pages = [client.get(list_url())]
    while link(pages[-1], "next"):
        pages.append(follow(client, pages[-1], "next"))
    backwards = [pages[-1]]
    while link(backwards[-1], "prev"):
        backwards.append(follow(client, backwards[-1], "prev"))

    assert [len(headlines_in(page)) for page in pages] == [20, 20, 8]
    assert [h for page in pages for h in headlines_in(page)] == expected
    assert [headlines_in(page) for page in backwards] == [
        headlines_in(page) for page in pages[::-1]
    ]


def test_a_page_found_by_its_key_is_not_shifted_by_newly_published_articles(client, db):
    old_page = make_page(issue=make_issue(date=datetime.date(2024, 10, 1)))
    for position in range(1, 26):
        make_article(page=old_page, position=position)
    second = link(client.get(list_url()), "next")

    make_article(issue=make_issue(date=datetime.date(2024, 10, 2)), headline="新一期")
    later = client.get(list_url(**{key: value[0] for key, value in second.items()}))

    assert len(headlines_in(later)) == 5
    assert "新一期" not in headlines_in(later)


@pytest.mark.parametrize(
    "query",
    [
        "after=abc",
        "after=2024-13-45.1.1",
        "after=2024-10-08.1",
        "after=2024-10-08.1.99999",
        "before=2024-10-08.x.1",
        "after=",
        "after=2024-10-08.1.1&before=2024-10-08.1.3",
        "after=2024-10-08.1.1&page=2",
        "page=51",
    ],
)
def test_a_bad_or_conflicting_page_key_is_404(client, seed, query):
    for url in [
        reverse("articles:article_list"),
        reverse("articles:reporter", kwargs={"slug": "shou-hui-zhen"}),
        reverse("articles:tag", kwargs={"slug": "技能人才"}),
        reverse("regions:detail", kwargs={"slug": "huzhou"}),
    ]:
        assert client.get(f"{url}?{query}").status_code == 404, url


def test_a_key_past_either_end_of_the_list_gives_an_empty_page(client, seed):
    for key in ["after=1900-01-01.1.1", "before=2999-01-01.1.1"]:
        response = client.get(f"{list_url()}?{key}")

        assert response.status_code == 200
        assert headlines_in(response) == []
        assert "暂无稿件" in text(response)


def test_numbered_pages_still_open_for_old_links(client, db):
    page = make_page()
    for position in range(1, 23):
        make_article(page=page, position=position)

    second = client.get(list_url(page=2))

    assert len(headlines_in(second)) == 2
    assert "第 2 页" in text(second)
    assert link(second, "prev") == {"before": [f"{page.issue.date}.1.21"]}


def test_a_long_list_counts_up_to_a_bound(client, db, monkeypatch):
    monkeypatch.setattr(pagination, "MAX_COUNTED", 3)
    section = make_section()
    page = make_page()
    for position in range(1, 5):
        make_article(page=page, position=position, section=section if position < 4 else None)

    assert "超过 3 篇" in text(client.get(list_url()))
    assert "共 3 篇" in text(client.get(list_url(section=section.slug)))


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "1.5"])
def test_bad_page_number_is_404(client, seed, page):
    for url in [
        list_url(page=page),
        list_url(section="farungongxin", page=page),
        reverse("articles:issue_list") + f"?page={page}",
        reverse("articles:reporter", kwargs={"slug": "shou-hui-zhen"}) + f"?page={page}",
        reverse("articles:section", kwargs={"slug": "farungongxin"}) + f"?page={page}",
        reverse("articles:tag", kwargs={"slug": "技能人才"}) + f"?page={page}",
        reverse("regions:detail", kwargs={"slug": "huzhou"}) + f"?page={page}",
    ]:
        assert client.get(url).status_code == 404, url
