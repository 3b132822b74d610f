"""Test pages against the facts an editor reads off them, written by hand (`<page>.facts.json`).

Each test page lays out invented text exactly as a kind of real page does (an e-paper site's
article page, a layout system's text, a briefs page …). The facts were read off the page, not
taken from the parser's output, so a wrong parse fails here.
"""

import json
from pathlib import Path

import pytest

from articles.importing.bylines import Credit
from articles.importing.evaluation import FIELDS, Report, score_page
from articles.importing.parsing import parse_issue
from articles.importing.structure import ParsedArticle, ParsedPage

PAGES = Path(__file__).resolve().parent / "pages"
PAGE_FILES = sorted(path.name for path in PAGES.glob("*.txt"))
# The parser on its own test pages, field by field; the real pages' figures are in bench/.
FLOOR = 0.95


def parse(name, gazetteer):
    path = PAGES / name
    return parse_issue([(path.name, path.read_bytes())], "2024-10-09", 1, places=gazetteer)


def facts_of(name):
    return json.loads((PAGES / name).with_suffix(".facts.json").read_text(encoding="utf-8"))


def credits(photo):
    return sorted([c.name, c.role] for c in photo.people)


def test_every_test_page_has_its_facts():
    assert len(PAGE_FILES) >= 30
    assert all((PAGES / name).with_suffix(".facts.json").exists() for name in PAGE_FILES)


@pytest.mark.parametrize("name", PAGE_FILES)
def test_page_reads_as_an_editor_reads_it(name, gazetteer):
    facts = facts_of(name)
    [page] = parse(name, gazetteer).pages
    header = facts["page"]
    assert (page.number, page.name) == (header["number"], header["name"])
    if "topic" in header:
        assert page.topic == header["topic"]
    assert len(page.articles) == len(facts["articles"])
    for article, wanted in zip(page.articles, facts["articles"], strict=True):
        group = (article.section, article.kicker, article.headline, article.subheadline)
        expected = (wanted["section"], wanted["kicker"], wanted["headline"], wanted["subheadline"])
        if wanted["headline"] is None:  # a brief: its headline is made up, and flagged
            group, expected = group[:1], expected[:1]
        assert group == expected
        assert article.dateline == wanted["dateline"]
        people = [[c.name, c.role, "text"] for c in article.people]
        people += [[c.name, c.role, "photo"] for p in article.photos for c in p.people]
        assert sorted(people) == sorted(wanted["people"])
        assert sorted(c.name for c in article.organisations) == sorted(wanted["organisations"])
        assert sorted(p.code for p in article.regions) == sorted(wanted["regions"])
        if wanted.get("paragraphs") is not None:
            assert len(article.paragraphs) == wanted["paragraphs"]
            assert article.paragraphs[0].startswith(wanted["first"])
            assert article.paragraphs[-1].endswith(wanted["last"])
        if "crossheads" in wanted:
            assert article.crossheads == wanted["crossheads"]
        photos = [(p.caption, credits(p)) for p in article.photos]
        assert photos == [(p["caption"], sorted(p["credits"])) for p in wanted["photos"]]
        for photo, wanted_photo in zip(article.photos, wanted["photos"], strict=True):
            organisations = sorted([c.name, c.role] for c in photo.organisations)
            assert organisations == sorted(wanted_photo.get("organisations", []))


def test_precision_and_recall_per_field_over_the_test_pages(gazetteer, capsys):
    report = Report()
    for name in PAGE_FILES:
        [page] = parse(name, gazetteer).pages
        report.add(score_page(page, facts_of(name), name))
    with capsys.disabled():
        print(f"\n{report.pages} test pages\n{report.table()}")
    for field_name in FIELDS:
        score = report.fields[field_name]
        assert score.precision >= FLOOR and score.recall >= FLOOR, (field_name, report.table())


def test_an_article_printed_without_headline_or_credit_pairs_with_its_facts_by_place(gazetteer):
    [page] = parse("untitled_text_with_editors_line.txt", gazetteer).pages
    report = score_page(page, facts_of("untitled_text_with_editors_line.txt"))
    # The stand-in headline is neither right nor wrong; the place is found, nothing is extra.
    regions, headline = report.fields["regions"], report.fields["headline"]
    assert (regions.right, regions.given, regions.expected) == (1, 1, 1)
    assert (headline.given, headline.expected) == (0, 0)


def _untitled_facts(**fields):
    return {"page": None, "articles": [{"headline": None, "people": [], **fields}]}


def test_a_flagged_stand_in_pairs_with_facts_that_say_no_headline_was_printed():
    # Nothing else to pair by (no credit, no place): both saying "untitled" is the evidence.
    article = ParsedArticle("为做好某某工作", 1, headline_stand_in=True)
    report = score_page(ParsedPage("p.txt", 1, articles=[article]), _untitled_facts())
    headline = report.fields["headline_parts"]
    assert (headline.right, headline.given, headline.expected) == (0, 0, 0)
    assert report.misses == []


def test_a_headline_the_parser_claims_where_the_page_printed_none_is_wrong():
    # Not flagged: the parser says the page printed 图片报道 as a headline; it did not.
    article = ParsedArticle("图片报道", 1, people=[Credit("王伟", "记者")])
    facts = _untitled_facts(people=[["王伟", "记者", "text"]])
    report = score_page(ParsedPage("p.txt", 1, articles=[article]), facts)
    headline = report.fields["headline_parts"]
    assert (headline.right, headline.given, headline.expected) == (0, 1, 0)
    assert report.fields["people"].right == 1


def test_a_stand_in_where_the_page_printed_a_headline_misses_it_and_is_wrong():
    article = ParsedArticle(
        "近日某某召开", 1, headline_stand_in=True, people=[Credit("王伟", "记者")]
    )
    facts = {
        "page": None,
        "articles": [{"headline": "职代会召开", "people": [["王伟", "记者", "text"]]}],
    }
    report = score_page(ParsedPage("p.txt", 1, articles=[article]), facts)
    headline = report.fields["headline_parts"]
    assert (headline.right, headline.given, headline.expected) == (0, 1, 1)


def test_a_stand_in_on_a_fragment_that_pairs_with_no_facts_is_wrong():
    # One untitled article in the facts, split in two by the parser: the second half's stand-in
    # is an extra part, as everything on an article the page does not have.
    first = ParsedArticle("为做好某某工作", 1, headline_stand_in=True)
    second = ParsedArticle("据了解", 5, headline_stand_in=True)
    report = score_page(ParsedPage("p.txt", 1, articles=[first, second]), _untitled_facts())
    headline = report.fields["headline_parts"]
    assert (headline.right, headline.given, headline.expected) == (0, 1, 0)
