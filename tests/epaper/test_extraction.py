"""Text lines in reading order from the generated pages, as the parser reads them."""

import re

import pytest

from articles.importing.parsing import parse_page


def squeeze(text):
    return re.sub(r"\s+", "", text)


def parsed(extracted, name):
    return parse_page(extracted[name].text, f"{name}.pdf", 1)


@pytest.mark.parametrize("name", ["p01", "p02"])
def test_stories_come_out_in_print_order_with_their_headline_groups(extracted, records, name):
    page = parsed(extracted, name)

    found = [
        (a.section or "", a.kicker or "", a.headline, a.subheadline or "") for a in page.articles
    ]
    placed = [
        (s["label"], s["kicker"], s["headline"], s["subheadline"]) for s in records[name]["stories"]
    ]
    assert found == placed
    assert page.warnings == []


@pytest.mark.parametrize("name", ["p01", "p02", "seed-page"])
def test_each_paragraph_is_one_line_of_text_in_reading_order(extracted, records, name):
    lines = [squeeze(line) for line in extracted[name].text.splitlines()]
    at = -1
    for story in records[name]["stories"]:
        for kind, text in story["paragraphs"]:
            # A lead paragraph opens with its byline; a crosshead is marked.
            wanted = ("##" if kind == "crosshead" else "") + squeeze(text)
            following = [n for n in range(at + 1, len(lines)) if lines[n].endswith(wanted)]
            assert following, f"{story['key']}: {text[:20]} missing or out of order"
            at = following[0]


def test_a_paragraph_running_on_into_the_next_column_is_joined(extracted, records):
    # The lead story of a generated page runs over five columns: some paragraph crosses one.
    lead = records["p01"]["stories"][0]
    columns = {round(box[0], 3) for box in lead["lines"]}
    text = extracted["p01"].text
    assert len(columns) >= 5
    assert all(squeeze(t) in squeeze(text) for _, t in lead["paragraphs"])
    page_text = extracted["p01"].page_text
    spanning = [
        n for n, boxes in page_text.line_boxes.items() if len({round(b.x0) for b in boxes}) > 2
    ]
    assert spanning, "no paragraph line gathers printed lines from two columns"


def test_the_running_head_gives_page_number_and_name_and_stays_out_of_the_text(extracted):
    result = extracted["p02"]
    page = parsed(extracted, "p02")

    assert (result.number, result.name) == (2, "工会")
    assert (page.number, page.name) == (2, "工会")
    assert "责任编辑" not in result.text
    assert "星期" not in result.text
    assert {line.text.strip() for line in result.furniture} >= {"第2版", "工会"}


def test_a_headline_across_columns_is_one_line_over_them(extracted, records):
    lead = records["p01"]["stories"][0]
    page_text = extracted["p01"].page_text
    headline = next(h for h in page_text.heads if h.headline_line)
    boxes = page_text.line_boxes[headline.headline_line]

    assert extracted["p01"].text.splitlines()[headline.headline_line - 1] == "# " + lead["headline"]
    assert len(boxes) == 1
    assert boxes[0].width > 2 * 123.5  # wider than two columns


def test_every_printed_line_has_its_box_once(extracted, records):
    result = extracted["seed-page"]
    record = records["seed-page"]
    boxes = [box for line in result.page_text.line_boxes.values() for box in line]
    drawn = sum(len(story["lines"]) for story in record["stories"]) + len(record["banner"])

    assert len(boxes) == drawn
    assert all(0 <= b.x0 < b.x1 <= result.width for b in boxes)
    assert all(0 <= b.top < b.bottom <= result.height for b in boxes)


def test_photos_are_found_with_caption_and_credit(extracted, records):
    page = parsed(extracted, "p01")
    # As printed: the caption, and the credit as "本报记者 某某 摄" (role, name, 摄).
    placed = {
        story["headline"]: [(p["caption"], tuple(p["credit"].split()[:2])) for p in story["photos"]]
        for story in records["p01"]["stories"]
        if story["photos"]
    }
    found = {
        a.headline: [(p.caption, (c.role, c.name)) for p in a.photos for c in p.credits]
        for a in page.articles
        if a.photos
    }

    assert found == placed
    assert len(placed) == 2
    assert [p.data[:2] for p in extracted["p01"].photos] == [b"\xff\xd8", b"\xff\xd8"]
