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

from django.db import models
from django.utils.safestring import mark_safe

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


def _units(text):
    """The distinct bigrams (or lone characters) and Latin/digit words of a normalised text."""
    units = {}
    for run in TOKEN.findall(text):
        if CJK_RUN.match(run):
            if len(run) == 1:
                units[(run,)] = None
            else:
                for i in range(len(run) - 1):
                    units[(run[i : i + 2],)] = None
        else:
            units[run] = None
    return units


def terms(text):
    """The distinct index terms of a text: CJK bigrams (single characters alone) and words."""
    return [_token(u[0]) if isinstance(u, tuple) else u for u in _units(normalize(text))]


def document(*parts):
    """The stored search document and its terms, from the parts of an article."""
    text = normalize("\n".join(p for p in parts if p))
    return text, " ".join(terms(text))


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
    """Space-separated index terms; `terms_match` asks PostgreSQL's GIN index for them."""


@SearchTermsField.register_lookup
class TermsMatch(models.Lookup):
    lookup_name = "terms_match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            # Must read exactly like the index expression for the planner to use the index.
            sql = (
                f"to_tsvector('simple'::regconfig, {lhs}) @@ to_tsquery('simple'::regconfig, {rhs})"
            )
            return sql, [*lhs_params, *rhs_params]
        # Elsewhere the exact-word check does the work; this lookup passes everything.
        return "1 = 1", []


def search(queryset, query):
    """The articles of queryset that contain every word of query, headline matches first."""
    words = query_words(query)
    if not words:
        return queryset.none()
    if _is_postgresql(queryset):
        bigrams = tsquery(words)
        if bigrams:
            queryset = queryset.filter(search_terms__terms_match=bigrams)
    headline_hits = []
    for word in words:
        queryset = queryset.filter(search_document__contains=word)
        in_headline = (
            models.Q(headline__icontains=word)
            | models.Q(kicker__icontains=word)
            | models.Q(subheadline__icontains=word)
        )
        headline_hits.append(
            models.Case(
                models.When(in_headline, then=models.Value(1)),
                default=models.Value(0),
                output_field=models.IntegerField(),
            )
        )
    # Articles whose headline group holds more of the words come first, then the newest.
    return queryset.annotate(headline_rank=sum(headline_hits[1:], headline_hits[0])).order_by(
        "-headline_rank", "-issue__date", "page__number", "position"
    )


def _is_postgresql(queryset):
    from django.db import connections

    return connections[queryset.db].vendor == "postgresql"


def snippet(text, query, width=60):
    """A short excerpt of text around the first match, escaped, with matches in <mark>."""
    words = query_words(query)
    plain = text.replace("## ", "").replace("\n", " ")
    lowered = normalize(plain)
    start = min((i for w in words if (i := lowered.find(w)) >= 0), default=0)
    begin = max(0, start - width // 3)
    excerpt = plain[begin : begin + width]
    escaped = html.escape(excerpt)
    for word in sorted(words, key=len, reverse=True):
        escaped = re.sub(
            re.escape(html.escape(word)),
            lambda m: f"<mark>{m.group(0)}</mark>",
            escaped,
            flags=re.IGNORECASE,
        )
    prefix = "…" if begin > 0 else ""
    suffix = "…" if begin + width < len(plain) else ""
    return mark_safe(prefix + escaped + suffix)
