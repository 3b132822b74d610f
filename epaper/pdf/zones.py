"""Hot zones (热区): each article's area on the page, as a few rectangles.

An article's area is the union of the boxes of the lines it was built from (headline group,
text, captions, credits) and of its photos. Its lines are grouped by the block they were set
in (a column, a headline) into rectangles, which are then merged pairwise, cheapest first, as
long as the merged rectangle covers nothing of anything else on the page: a story set in a
rectangle ends up as one, a story running round another as several.
"""

from dataclasses import dataclass, field

from .geometry import union_all

PAD = 2.0  # points around a zone, where that covers nothing else


@dataclass
class ArticleZone:
    position: int  # the article's position on the page, from 1
    rects: list  # [Box] in points
    lines: list = field(default_factory=list)  # emitted line numbers
    photos: list = field(default_factory=list)  # indexes into the page's photos


def article_line_numbers(page_text, parsed_page):
    """The emitted line numbers each parsed article was built from, in article order.

    The parser will report them itself (ParsedArticle.lines); until it does, an article owns
    the lines from its headline group's first line (a label or 引题 above its `# ` line) up to
    the next group's, and the banner and the lines before the first story belong to none.
    """
    articles = parsed_page.articles
    if articles and all(getattr(a, "lines", None) for a in articles):
        return [sorted(a.lines) for a in articles]
    firsts = {head.headline_line: head.first_line for head in page_text.heads}
    starts = [firsts.get(a.line, a.line) for a in articles]
    last = max(page_text.line_boxes, default=0) + 1
    ends = starts[1:] + [last]
    return [
        [n for n in range(start, end) if n in page_text.line_boxes]
        for start, end in zip(starts, ends, strict=True)
    ]


def article_zones(page_text, photos, parsed_page, other_boxes=()):
    """ArticleZone for each parsed article; `other_boxes` are boxes no zone may cover
    (the running head and foot)."""
    numbers = article_line_numbers(page_text, parsed_page)
    owner = {n: position for position, lines in enumerate(numbers, start=1) for n in lines}
    pieces = {}  # (owner, block) -> [Box]
    for number, boxes in page_text.line_boxes.items():
        for box, block in zip(boxes, page_text.line_blocks[number], strict=True):
            pieces.setdefault(
                (owner.get(number), block, number if block is None else None), []
            ).append(box)
    rects = [(key[0], union_all(boxes)) for key, boxes in pieces.items()]
    photo_owner = {}
    for slot in page_text.photos:
        for line in (slot.after_line, slot.gap_line):
            if line in owner:
                photo_owner[slot.image] = owner[line]
                break
    for index, photo in enumerate(photos):
        rects.append((photo_owner.get(index), photo.box))
    rects += [(None, box) for box in other_boxes]
    zones = []
    for position, lines in enumerate(numbers, start=1):
        own = [box for who, box in rects if who == position]
        foreign = [box for who, box in rects if who != position]
        zones.append(
            ArticleZone(
                position,
                _padded(merge_rects(own, foreign), foreign),
                lines,
                sorted(i for i, who in photo_owner.items() if who == position),
            )
        )
    return zones


def _clear(box, foreign):
    return not any(box.overlaps(other, margin=0.5) for other in foreign)


def merge_rects(rects, foreign):
    """Merge rectangles pairwise, cheapest first, while a merge covers none of `foreign`."""
    rects = list(rects)
    costs = {}

    def cost(a, b):
        union = a.union(b)
        if not _clear(union, foreign):
            return None
        return union.area - a.area - b.area

    while len(rects) > 1:
        best = None
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                key = (rects[i], rects[j])
                if key not in costs:
                    costs[key] = cost(*key)
                c = costs[key]
                if c is not None and (best is None or c < best[0]):
                    best = (c, i, j)
        if best is None:
            break
        _, i, j = best
        merged = rects[i].union(rects[j])
        rects = [r for n, r in enumerate(rects) if n not in (i, j)] + [merged]
    # A rectangle inside another adds nothing.
    return [r for r in rects if not any(o is not r and _inside(r, o) for o in rects)]


def _inside(inner, outer):
    return (
        inner.x0 >= outer.x0
        and inner.top >= outer.top
        and inner.x1 <= outer.x1
        and inner.bottom <= outer.bottom
    )


def _padded(rects, foreign):
    out = []
    for rect in rects:
        padded = rect.padded(PAD)
        out.append(padded if _clear(padded, foreign) else rect)
    return sorted(out, key=lambda r: (r.top, r.x0))
