"""How a parsed page compares with the facts an editor reads off it: precision and recall per field.

The facts are written by hand, one JSON file a page (`<page>.facts.json` beside the test pages,
`<id>.expected.json` in a corpus of real pages kept outside the repository):

    {"page": {"number": 2, "name": "工会"},
     "articles": [{"kicker": null, "headline": "…", "subheadline": null, "section": null,
                   "dateline": "本报讯",
                   "people": [["王伟", "记者", "text"], ["李强", "通讯员", "photo"]],
                   "organisations": ["龙游县总工会"], "regions": ["330825"]}]}

A person is (name, role as printed, "text" or "photo"); a role nobody printed is 作者 for the text
and 摄影 for a photo, as the parser records it. Pure Python, no Django: the corpus test and
`bench/parser_corpus.py` share it.

Headlines a page does not print. An article whose page prints no headline (a brief, a site's
untitled text) has "headline": null in its facts. The parser then gives a stand-in (its first
clause) flagged `headline_stand_in`, which says the same thing: no headline was printed.
- Facts "no headline" and a flagged stand-in agree: the agreement is evidence that pairs the two
  articles, and the stand-in counts as no headline part, right or wrong.
- Facts "no headline" and a headline the parser did not flag (it claims the page printed one):
  its parts are given and wrong.
- Facts with a headline and a stand-in: the printed parts are missed and the stand-in is given,
  wrong. A stand-in on an article that pairs with no facts (a fragment split off another
  article) is given, wrong, as every part of that article is.
"""

from dataclasses import dataclass, field

from .text import normalise_line

HEADLINE_FIELDS = ("kicker", "headline", "subheadline")
FIELDS = (*HEADLINE_FIELDS, "headline_parts", "people", "regions", "dateline", "section")
# Organisations credited (a brief by 某县总工会) pair articles up; they are not scored.
CREDITED_ORGANISATIONS = "credited_organisations"
# Whether the page printed no headline (facts: "headline": null; parser: a flagged stand-in).
UNTITLED = "untitled"
# Two articles are the same story when their facts overlap at least this much.
ALIGNMENT_FLOOR = 0.3


@dataclass
class Score:
    """Counts for one field: facts found right, facts the parser gave, facts the page has."""

    right: int = 0
    given: int = 0
    expected: int = 0

    def add(self, given, expected):
        self.right += len(given & expected)
        self.given += len(given)
        self.expected += len(expected)

    @property
    def precision(self):
        return self.right / self.given if self.given else 1.0

    @property
    def recall(self):
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Report:
    pages: int = 0
    fields: dict = field(default_factory=lambda: {name: Score() for name in FIELDS})
    page_header: Score = field(default_factory=Score)
    misses: list = field(default_factory=list)  # (page, field, missing, extra) for the details

    def add(self, other):
        self.pages += other.pages
        for name in FIELDS:
            mine, theirs = self.fields[name], other.fields[name]
            mine.right += theirs.right
            mine.given += theirs.given
            mine.expected += theirs.expected
        self.page_header.right += other.page_header.right
        self.page_header.given += other.page_header.given
        self.page_header.expected += other.page_header.expected
        self.misses += other.misses

    def table(self):
        """One line a field: precision, recall and the counts behind them."""
        rows = [f"{'field':<15}{'precision':>10}{'recall':>8}   right/given/expected"]
        for name, score in [*self.fields.items(), ("page header", self.page_header)]:
            rows.append(
                f"{name:<15}{score.precision:>10.1%}{score.recall:>8.1%}   "
                f"{score.right}/{score.given}/{score.expected}"
            )
        return "\n".join(rows)


def _text(value):
    return normalise_line(value) if value else None


def expected_facts(article):
    """The facts of one article as the editor wrote them, as sets per field."""
    facts = {name: set() for name in FIELDS}
    counts_headline = article.get("headline") is not None
    for name in HEADLINE_FIELDS:
        value = _text(article.get(name))
        if value and counts_headline:
            facts[name].add(value)
            facts["headline_parts"].add((name, value))
    facts["people"] = {(name, role, kind) for name, role, kind in article.get("people", [])}
    facts[CREDITED_ORGANISATIONS] = set(article.get("organisations", []))
    # A test page's facts may name a photo's organisation under the photo (新华社 供图), as
    # the parser's do.
    facts[CREDITED_ORGANISATIONS] |= {
        organisation[0]
        for photo in article.get("photos", [])
        for organisation in photo.get("organisations", [])
    }
    facts["regions"] = set(article.get("regions", []))
    for name in ("dateline", "section"):
        value = _text(article.get(name))
        if value:
            facts[name].add(value)
    facts[UNTITLED] = not counts_headline
    return facts, counts_headline


def parsed_facts(article, *, counts_headline=True):
    """The same facts from a ParsedArticle; `counts_headline` False when it pairs with facts
    that say the page printed no headline (a stand-in then counts as nothing, see above)."""
    facts = {name: set() for name in FIELDS}
    facts[UNTITLED] = article.headline_stand_in
    if counts_headline or not article.headline_stand_in:
        for name in HEADLINE_FIELDS:
            value = getattr(article, name)
            if value:
                facts[name].add(value)
                facts["headline_parts"].add((name, value))
    facts["people"] = {(c.name, c.role, "text") for c in article.people}
    facts["people"] |= {(c.name, c.role, "photo") for p in article.photos for c in p.people}
    facts[CREDITED_ORGANISATIONS] = {c.name for c in article.organisations}
    facts[CREDITED_ORGANISATIONS] |= {c.name for p in article.photos for c in p.organisations}
    facts["regions"] = {place.code for place in article.regions}
    for name in ("dateline", "section"):
        value = getattr(article, name)
        if value:
            facts[name].add(value)
    return facts


def _similarity(expected, given):
    """How much two articles' facts overlap (0 to 1), to pair them up."""
    if expected["headline"] and expected["headline"] == given["headline"]:
        return 1.0
    parts = []
    for name in ("headline", "people", CREDITED_ORGANISATIONS):
        a, b = expected.get(name, set()), given.get(name, set())
        if name == "headline" and not a:
            continue  # the page printed none: compared below
        if a or b:
            parts.append(len(a & b) / len(a | b))
    if expected["headline"] and given["headline"]:
        a, b = set(next(iter(expected["headline"]))), set(next(iter(given["headline"])))
        parts.append(len(a & b) / len(a | b))
    if not parts:
        # An article printed with no headline and no credit (a site's text with its editor's
        # line) still pairs up by the places and the dateline it names.
        for name in ("regions", "dateline"):
            a, b = expected.get(name, set()), given.get(name, set())
            if a or b:
                parts.append(len(a & b) / len(a | b))
    if expected.get(UNTITLED) and given.get(UNTITLED):
        # Both say the page printed no headline: as much evidence as a headline that matches.
        parts.append(1.0)
    return sum(parts) / len(parts) if parts else 0.0


def align(expected, given):
    """Pairs (i, j) of expected and parsed articles, in reading order, most overlap overall."""
    n, m = len(expected), len(given)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = _similarity(expected[i], given[j])
            paired = best[i + 1][j + 1] + score if score >= ALIGNMENT_FLOOR else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        score = _similarity(expected[i], given[j])
        if score >= ALIGNMENT_FLOOR and best[i][j] == best[i + 1][j + 1] + score:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def score_page(page, facts, name=""):
    """A Report for one ParsedPage against its facts (the dict of one facts file)."""
    report = Report(pages=1)
    header = facts.get("page") or {}
    if header:
        given = {("number", page.number), ("name", page.name)}
        wanted = {("number", header.get("number")), ("name", header.get("name"))}
        report.page_header.add(given, wanted)
    expected = [expected_facts(a) for a in facts["articles"]]
    expected_sets = [e for e, _ in expected]
    given = [parsed_facts(a) for a in page.articles]
    pairs = dict(align(expected_sets, given))
    paired_given = set(pairs.values())
    for i, (wanted, counts_headline) in enumerate(expected):
        j = pairs.get(i)
        found = (
            parsed_facts(page.articles[j], counts_headline=counts_headline)
            if j is not None
            else {f: set() for f in FIELDS}
        )
        _add(report, name, found, wanted)
    for j, article in enumerate(page.articles):
        if j not in paired_given:
            _add(report, name, parsed_facts(article), {f: set() for f in FIELDS})
    return report


def _add(report, name, found, wanted):
    for field_name in FIELDS:
        report.fields[field_name].add(found[field_name], wanted[field_name])
        missing, extra = (
            wanted[field_name] - found[field_name],
            found[field_name] - wanted[field_name],
        )
        if missing or extra:
            report.misses.append((name, field_name, sorted(missing), sorted(extra)))
