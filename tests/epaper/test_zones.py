"""Each article's zone covers everything placed for it and nothing placed for another."""

import pytest

from articles.importing.parsing import parse_page

TOLERANCE = 0.0008  # of the page: about a point


def zones_of(extracted, name):
    result = extracted[name]
    page = parse_page(result.text, f"{name}.pdf", 1)
    return page, [[result.relative(r) for r in z.rects] for z in result.zones(page)]


def inside(point, rects):
    x, y = point
    return any(
        r[0] - TOLERANCE <= x <= r[2] + TOLERANCE and r[1] - TOLERANCE <= y <= r[3] + TOLERANCE
        for r in rects
    )


def sample_points(box, steps=4):
    x0, top, x1, bottom = box
    return [
        (x0 + (x1 - x0) * i / steps, top + (bottom - top) * j / steps)
        for i in range(steps + 1)
        for j in range(steps + 1)
    ]


def overlap(a, b):
    return (
        min(a[2], b[2]) - max(a[0], b[0]) > TOLERANCE
        and min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCE
    )


def placed_boxes(story):
    return story["lines"] + [p["box"] for p in story["photos"]]


@pytest.mark.parametrize("name", ["seed-page", "p01", "p02"])
def test_a_zone_covers_every_line_and_photo_of_its_article(extracted, records, name):
    page, zones = zones_of(extracted, name)
    stories = records[name]["stories"]

    assert [a.headline for a in page.articles] == [s["headline"] for s in stories]
    for story, rects in zip(stories, zones, strict=True):
        for box in placed_boxes(story):
            assert all(inside(p, rects) for p in sample_points(box)), (story["key"], box)


@pytest.mark.parametrize("name", ["seed-page", "p01", "p02"])
def test_a_zone_covers_nothing_of_its_neighbours_the_banner_or_the_running_heads(
    extracted, records, name
):
    _, zones = zones_of(extracted, name)
    record = records[name]
    stories = record["stories"]
    for n, rects in enumerate(zones):
        others = [b for m, s in enumerate(stories) if m != n for b in placed_boxes(s)]
        others += record["banner"] + record["furniture"]
        for rect in rects:
            hits = [box for box in others if overlap(rect, box)]
            assert not hits, (stories[n]["key"], rect, hits[:3])


def test_a_story_set_in_a_rectangle_gets_one_rectangle(extracted):
    _, zones = zones_of(extracted, "seed-page")

    assert [len(rects) for rects in zones] == [1] * 7


def test_zones_are_fractions_of_the_page(extracted):
    _, zones = zones_of(extracted, "p01")
    for rects in zones:
        for x0, top, x1, bottom in rects:
            assert 0 <= x0 < x1 <= 1 and 0 <= top < bottom <= 1


def test_a_story_round_another_gets_several_rectangles_that_miss_it(extracted):
    """An L-shaped story: its lines above and beside another's box are not merged over it."""
    from epaper.pdf.geometry import Box
    from epaper.pdf.zones import merge_rects

    own = [Box(0, 0, 100, 50), Box(0, 60, 40, 200)]
    foreign = [Box(50, 60, 100, 200)]
    rects = merge_rects(own, foreign)

    assert sorted((r.x0, r.top, r.x1, r.bottom) for r in rects) == [
        (0, 0, 100, 50),
        (0, 60, 40, 200),
    ]
    assert merge_rects(own, []) == [Box(0, 0, 100, 200)]


def test_photos_belong_to_the_article_whose_caption_or_credit_is_under_them(extracted, records):
    result = extracted["p01"]
    page = parse_page(result.text, "p01.pdf", 1)
    owners = {index: zone.position for zone in result.zones(page) for index in zone.photos}
    with_photos = [n for n, s in enumerate(records["p01"]["stories"], start=1) if s["photos"]]

    assert sorted(owners.values()) == with_photos
