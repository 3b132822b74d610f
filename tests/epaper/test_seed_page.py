"""The seed page as a PDF reads as the seed page's text does, and gives the seed issue."""

import json

from django.conf import settings

from articles.importing.parsing import parse_page

SEED_TEXT = settings.BASE_DIR / "fixtures" / "pages" / "seed-page.txt"
SEED_FIXTURE = settings.BASE_DIR / "fixtures" / "seed_issue.json"


def without_positions(value):
    if isinstance(value, dict):
        return {k: without_positions(v) for k, v in value.items() if k not in ("line", "file")}
    if isinstance(value, list):
        return [without_positions(v) for v in value]
    return value


def seed_fixture():
    rows = json.loads(SEED_FIXTURE.read_text(encoding="utf-8"))
    articles = sorted(
        (r["fields"] for r in rows if r["model"] == "articles.article"),
        key=lambda f: f["position"],
    )
    bylines = [r["fields"] for r in rows if r["model"] == "articles.byline"]
    photos = [r["fields"] for r in rows if r["model"] == "articles.photo"]
    page = next(r["fields"] for r in rows if r["model"] == "articles.page")
    return page, articles, bylines, photos


def test_the_pdf_parses_exactly_as_the_page_text_does(extracted):
    from_pdf = parse_page(extracted["seed-page"].text, "seed-page.pdf", 1)
    from_text = parse_page(
        SEED_TEXT.read_text(encoding="utf-8"), "seed-page.txt", 1, page_number=2, page_name="工会"
    )

    assert without_positions(from_pdf.to_dict()) == without_positions(from_text.to_dict())
    assert [w.message for w in from_pdf.warnings] == [w.message for w in from_text.warnings]


def test_the_pdf_gives_the_seed_issues_seven_articles(extracted):
    page_row, articles, bylines, photos = seed_fixture()
    page = parse_page(extracted["seed-page"].text, "seed-page.pdf", 1)

    assert (page.number, page.name, page.topic) == (2, "工会", page_row["topic"])
    assert len(page.articles) == len(articles) == 7
    for parsed, row in zip(page.articles, articles, strict=True):
        assert (parsed.kicker or "") == row["kicker"]
        assert (parsed.headline, parsed.subheadline or "") == (row["headline"], row["subheadline"])
        assert (parsed.dateline or "") == row["dateline"]
        assert parsed.section == (row["section"][0] if row["section"] else None)
        assert parsed.body == row["body"]


def test_the_pdf_gives_the_seed_bylines_and_photo_credits(extracted):
    _, _, bylines, photos = seed_fixture()
    page = parse_page(extracted["seed-page"].text, "seed-page.pdf", 1)

    for position, parsed in enumerate(page.articles, start=1):
        expected = [
            (b["reporter"][0], b["role"], b["photo"] is not None)
            for b in sorted(bylines, key=lambda b: b["position"])
            if b["article"][-1] == position
        ]
        found = [(c.name, c.role, False) for c in parsed.people] + [
            (c.name, c.role, True) for p in parsed.photos for c in p.credits
        ]
        assert found == expected, parsed.headline
        captions = [p["caption"] or None for p in photos if p["article"][-1] == position]
        assert [p.caption for p in parsed.photos] == captions, parsed.headline
