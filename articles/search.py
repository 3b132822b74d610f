"""Chinese search: how text becomes searchable, and how a reader's query finds it.

Database full-text search splits text on spaces, which Chinese does not have, so it finds nothing
or everything. We index overlapping character bigrams instead (劳模工匠 → 劳模 模工 工匠): any
word of two or more characters is found through its bigrams, and the candidates are then checked
for the exact word, so 技能竞赛 does not match 技能…竞赛 apart. Bigrams are written as ASCII tokens
(u52b3u6a21) so PostgreSQL's parser treats them alike under any locale.

PostgreSQL: a GIN index on to_tsvector('simple', search_terms) answers the bigram query.
SQLite (the embedded default for small sites): the exact-word check alone, a scan.
"""

import functools
import html
import re
import unicodedata

from django.db import connections, models, transaction
from django.utils.safestring import mark_safe

from articles.body_text import CROSSHEAD_PREFIX

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{CJK}]+|[0-9a-z]+")
CJK_RUN = re.compile(rf"^[{CJK}]+$")
MAX_WORDS = 6


def normalize(text):
    """Full-width letters and digits to half-width, Latin lower-cased: what both sides compare."""
    return unicodedata.normalize("NFKC", text or "").lower()


@functools.lru_cache(maxsize=200_000)
def _token(chars):
    # Bigrams repeat across articles: memoising their ASCII form keeps bulk indexing fast.
    return "".join(f"u{ord(c):x}" for c in chars)


def _index_terms(text):
    """The distinct terms of an already normalised text, in order of first occurrence.

    A Chinese run gives its overlapping bigrams (a lone character itself); a Latin or digit run
    is one word. The two kinds never collide: a term's first character tells which it is.
    """
    units = {}
    for run in TOKEN.findall(text):
        if run[0] < "\u3400" or len(run) == 1:
            units[run] = None
        else:
            for i in range(len(run) - 1):
                units[run[i : i + 2]] = None
    return [_token(u) if u[0] >= "\u3400" else u for u in units]


def terms(text):
    """The distinct index terms of a text: CJK bigrams (single characters alone) and words."""
    return _index_terms(normalize(text))


def document(*parts):
    """The stored search document and its terms, from the parts of an article."""
    text = normalize("\n".join(p for p in parts if p))
    return text, " ".join(_index_terms(text))


def title_document(kicker, headline, subheadline):
    """The headline group's own document and terms, for ranking headline matches first."""
    return document(kicker, headline, subheadline)


def query_words(query):
    """A reader's query as words to AND together (at most MAX_WORDS, empty ones dropped)."""
    words = [w for w in normalize(query).split() if TOKEN.search(w)]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def tsquery(words):
    """The bigram query for PostgreSQL, or None when the index cannot narrow it down.

    A single Chinese character has no bigram (only single-character runs are indexed alone), so
    such a query is answered by the exact-word check alone. Latin words match as prefixes.
    """
    tokens = []
    for word in words:
        for run in TOKEN.findall(word):
            if CJK_RUN.match(run):
                if len(run) == 1:
                    return None
                tokens.extend(terms(run))
            else:
                tokens.append(f"{run}:*")
    return " & ".join(dict.fromkeys(tokens)) or None


class SearchTermsField(models.TextField):
    """Index terms: a tsvector column on PostgreSQL (GIN-indexed), plain text elsewhere.

    Stored, not computed from text at query time, so PostgreSQL never re-parses an article to
    test it. Written as a space-separated string of terms, cast on the way in.
    """

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else super().db_type(connection)

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"


@SearchTermsField.register_lookup
class TermsMatch(models.Lookup):
    lookup_name = "terms_match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} @@ to_tsquery('simple'::regconfig, {rhs})", [*lhs_params, *rhs_params]
        # Elsewhere the exact-word check does the work; this lookup passes everything.
        return "1 = 1", []


def _is_postgresql(queryset):
    return connections[queryset.db].vendor == "postgresql"


def _match(words, postgresql, title_only):
    """A condition on an article's own columns: it contains every word."""
    column, document = (
        ("search_title_terms", "search_title")
        if title_only
        else ("search_terms", "search_document")
    )
    condition = models.Q()
    bigrams = tsquery(words) if postgresql else None
    if bigrams:
        condition &= models.Q(**{f"{column}__terms_match": bigrams})
    # Without the index (SQLite, single characters) every word is checked as written. With it,
    # all of a word's overlapping bigrams must occur: exact for two characters, and for longer
    # words a miss only where each pair occurs but never the whole word. Checking those as
    # written would read every candidate's whole text (80 ms a thousand rows at 100,000
    # articles), so on PostgreSQL only the short headline group is checked that way.
    if bigrams is None or title_only:
        for word in words:
            condition &= models.Q(**{f"{document}__contains": word})
    return condition


def matching(queryset, query, *, title_only=False):
    """The rows of queryset that contain every word of query (unordered)."""
    words = query_words(query)
    if not words:
        return queryset.none()
    return queryset.filter(_match(words, _is_postgresql(queryset), title_only))


class SearchResults:
    """Search results for a paginator: headline-group matches first, then the rest, newest first.

    Two ordered queries, each answered from an index and cut off at the page wanted, instead of
    ranking every match: a word found in 30,000 articles costs as little as a rare one. Counts
    stop at MAX_COUNTED ("1000+"), which is also as deep as one can page. A page costs two
    counts (the headline group's, everything's) and one query for its rows (two on SQLite
    when it straddles the two groups).
    """

    MAX_COUNTED = 1000
    # Newest first; within one issue (one publish time) in the order the articles were filed.
    ORDER = ("-published_at", "pk")

    def __init__(self, queryset, query):
        self.words = query_words(query)
        self._counts = (0, 0) if not self.words else None
        if not self.words:
            return
        words = self.words
        self.postgresql = _is_postgresql(queryset)
        # Whether the GIN index narrows the matches down (not for a single character).
        self.indexed = self.postgresql and tsquery(words) is not None
        title = _match(words, self.postgresql, title_only=True)
        self.matches = queryset.filter(_match(words, self.postgresql, title_only=False))
        self.in_title = queryset.filter(title)
        self.elsewhere = self.matches.exclude(title)

    def counts(self):
        """(headline-group matches, other matches), together up to MAX_COUNTED.

        The headline group and all matches are counted apart, each up to one past the cap (which
        tells "exactly 1000" from "more than 1000", 超过 1000 篇), by the database. The headline
        group's count is where the other matches start, so it must be exact however many others
        there are: counted among an arbitrary first thousand matches, it left out headline
        matches of a common word that were not among them, and no page showed them.
        """
        if self._counts is None:
            cap = self.MAX_COUNTED

            def count():
                # Unordered ids: no sort, no join of the rows' issue and page.
                rows = (q.order_by().values("pk")[: cap + 1] for q in (self.in_title, self.matches))
                return tuple(part.count() for part in rows)

            db = self.matches.db
            in_title, total = _through_the_index(db, count) if self.indexed else count()
            self._capped = total > cap
            in_title = min(in_title, cap)
            self._counts = (in_title, min(total, cap) - in_title)
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    @property
    def capped(self):
        """Whether more articles match than were counted: the count is then a lower bound."""
        self.counts()
        return getattr(self, "_capped", False)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop, self.count())
        in_title, _rest = self.counts()
        parts = []
        if start >= stop:
            return []
        if start < in_title:
            parts.append(self.in_title.order_by(*self.ORDER)[start : min(stop, in_title)])
        if stop > in_title:
            low, high = max(0, start - in_title), stop - in_title
            parts.append(self.elsewhere.order_by(*self.ORDER)[low:high])
        if len(parts) == 2 and self.postgresql:
            first, second = (part.annotate(group=models.Value(n)) for n, part in enumerate(parts))
            rows = list(first.union(second, all=True))
            return sorted(rows, key=_union_order)
        return [row for part in parts for row in part]


def _union_order(row):
    """ORDER within each group, for a row of either part: an article, or a values() dict."""
    get = row.__getitem__ if isinstance(row, dict) else row.__getattribute__
    return (get("group"), -get("published_at").timestamp(), get("pk"))


def _through_the_index(db, read):
    """read()'s result, its matches found by a bitmap of the GIN index, never by testing row
    after row.

    For a common word (劳模, in nearly every article) PostgreSQL picks a scan that stops after
    MAX_COUNTED rows as the cheaper plan, not knowing that each row tested unpacks its whole
    term vector from TOAST: 13 ms warm, 56 ms cold for 1,001 rows of a 10,000-article archive.
    The index's bitmap tests none (1.5 ms), and for a rare word it is the plan chosen anyway.
    The planner's settings are changed in a transaction (or savepoint) of its own, rolled back
    once read() is done: a release would keep them until the end of a caller's transaction,
    for every query after this one.
    """
    with transaction.atomic(using=db), connections[db].cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', true),"
            " set_config('enable_indexscan', 'off', true)"
        )
        result = read()
        transaction.set_rollback(True, using=db)
    return result


def search(queryset, query):
    """The articles of queryset that contain every word of query, headline matches first."""
    return SearchResults(queryset, query)


def snippet(text, query, width=60):
    """A short excerpt of text around the first match, escaped, with matches in <mark>."""
    return marked_snippet(text, query_words(query), width)


def marked_snippet(text, words, width=60):
    """snippet() for the query's words already found (a results page has twenty snippets)."""
    plain = text.replace(CROSSHEAD_PREFIX, "").replace("\n", " ")
    start = _first_match(plain, words)
    begin = max(0, start - width // 3)
    excerpt = plain[begin : begin + width]
    prefix = "…" if begin > 0 else ""
    suffix = "…" if begin + width < len(plain) else ""
    return mark_safe(prefix + _marked(excerpt, words) + suffix)


def _first_match(plain, words):
    """Where the first of words occurs in plain, compared as normalize() compares; 0 if nowhere.

    Normalising a whole body costs about 0.4 ms, twenty of them a results page, so the words are
    first found as written, and only the text before the first of those is normalised, to find
    an earlier occurrence written otherwise (ＡＩ or AI for ai).
    """
    if not words:
        return 0
    exact = min((i for w in words if (i := plain.find(w)) >= 0), default=len(plain))
    before = normalize(plain[: exact + max(map(len, words))])
    return min((i for w in words if (i := before.find(w)) >= 0), default=0)


def highlight(text, query):
    """text, escaped, with the query's words in <mark>: a headline as the search shows it."""
    return marked(text, query_words(query))


def marked(text, words):
    """highlight() for the query's words already found (a results page has sixty headlines)."""
    return mark_safe(_marked(text, words))


def _marked(text, words):
    if not text:
        return ""
    escaped = html.escape(text)
    for word in sorted(words, key=len, reverse=True):
        escaped = re.sub(
            re.escape(html.escape(word)),
            lambda m: f"<mark>{m.group(0)}</mark>",
            escaped,
            flags=re.IGNORECASE,
        )
    return escaped
