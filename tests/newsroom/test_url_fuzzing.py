"""No generated request to any URL pattern, public or admin, as any role, is a server error.

The patterns are read from the resolver, so a new view is fuzzed without touching this file.
For each, Hypothesis fills the pattern's parameters with real values (the ids, slugs and dates of
a small newsroom made for the test) or hostile ones (control characters, lone surrogates, bytes
that are not UTF-8, huge numbers, long strings, odd Unicode), adds a query string of known and
unknown parameters, repeated at times and past Django's limit on their number, and asks as an
anonymous reader, a correspondent (通讯员/记者), an editor (编辑) or a chief (值班主任/总编).

Bounded for `make test` (FUZZ_EXAMPLES examples per pattern, 8 by default, half of them on paths
to real rows); `make fuzz` runs many more. FUZZ_REPORT names a file to append, per pattern and
kind of path, the examples tried and the statuses seen.
"""

import collections
import datetime
import os
import re
from dataclasses import dataclass
from urllib.parse import quote_from_bytes

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag

from articles.models import Article, Correction, Issue, Page, Reporter, Section
from articles.sitemaps import SITEMAPS
from regions.models import Region
from tests.articles.admin_helpers import CHIEFS, CONTRIBUTORS, EDITORS, make_user
from tests.conftest import make_article, make_issue, make_page

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
REPORT = os.environ.get("FUZZ_REPORT")

# Hypothesis draws the first more often than the others: the role that sees most of the admin.
ROLES = [CHIEFS, EDITORS, CONTRIBUTORS, "anonymous"]


# The patterns, from the resolver.


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # a converter's name (int, slug, str, path, isodate), or "regex"
    choices: tuple = ()  # a regex group's alternatives, when it is one


PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def route_parts(route):
    parts, end = [], 0
    for match in PARAMETER.finditer(route):
        parts.append(route[end : match.start()])
        parts.append(Parameter(match["name"], match["converter"] or "str"))
        end = match.end()
    return [*parts, route[end:]]


def regex_parts(regex):
    """Literal text and named groups of a re_path() pattern; enough for the admin's two."""
    regex = regex.removeprefix("^").removesuffix("$")
    parts, position = [], 0
    while (start := regex.find("(?P<", position)) != -1:
        parts.append(re.sub(r"\\(.)", r"\1", regex[position:start]))
        name_end = regex.index(">", start)
        depth, end = 1, name_end + 1
        while depth:
            depth += {"(": 1, ")": -1}.get(regex[end], 0)
            end += 1
        body = regex[name_end + 1 : end - 1]
        choices = tuple(body.split("|")) if re.fullmatch(r"[\w|]+", body) else ()
        parts.append(Parameter(regex[start + 4 : name_end], "regex", choices))
        position = end
    return [*parts, re.sub(r"\\(.)", r"\1", regex[position:])]


def url_patterns(patterns=None, prefix=()):
    """(name, parts) for every pattern that resolves to a view, with its includes' prefixes."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        parts = [*prefix, *pattern_parts(pattern.pattern)]
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, parts)
        else:
            name = "".join(p if isinstance(p, str) else f"<{p.kind}:{p.name}>" for p in parts)
            yield name, parts


def pattern_parts(pattern):
    if isinstance(pattern, RegexPattern):
        return regex_parts(pattern._regex)
    return route_parts(str(pattern))


PATTERNS = dict(url_patterns())


# A small newsroom whose rows the real values point at.


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    """Made once for the module's hundred tests, inside a transaction rolled back at its end;
    each test's own (pytest-django's) is a savepoint within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_newsroom()
        transaction.set_rollback(True)


def make_newsroom():
    contributor = make_user(CONTRIBUTORS, "contributor")
    province = Region.objects.create(
        code="330000", name="浙江省", short_name="浙江", kind="province", slug="zhejiang"
    )
    city = Region.objects.create(
        code="330500", name="湖州市", short_name="湖州", kind="city", parent=province, slug="huzhou"
    )
    section = Section.objects.create(name="法润工心", slug="farungongxin")
    issue = make_issue(date=datetime.date(2024, 10, 8))
    page = make_page(issue=issue, number=2)
    published = make_article(
        page=page, section=section, regions=[city], tags=["劳模"], reporters=[("寿慧桢", "记者")]
    )
    draft = make_article(page=page, position=2, status=Article.Status.DRAFT, created_by=contributor)
    draft.save_revision(contributor)
    Correction.objects.create(article=published, text="第二段数字有误。")
    clients = {"anonymous": Client()}
    for role in ROLES[:-1]:
        user = contributor if role == CONTRIBUTORS else make_user(role, f"user-{role}")
        clients[role] = Client()
        clients[role].force_login(user)
    return clients, real_values()


def real_values():
    """Values that name real rows, by where a parameter sits: (the path word before it, its
    name), or its name alone. /reporters/<slug>/ gets reporters' slugs, /admin/articles/issue/
    <object_id>/ the issues' keys, and so on for every model the admin has."""
    values = {
        (model._meta.model_name, name): [
            str(pk) for pk in model.objects.values_list("pk", flat=True)
        ]
        for model in admin.site._registry
        for name in ("object_id", "id")
    }
    for word, model in [
        ("sections", Section),
        ("reporters", Reporter),
        ("regions", Region),
        ("tags", Tag),
    ]:
        values[word, "slug"] = list(model.objects.values_list("slug", flat=True))
    issues = Issue.objects.all()
    values |= {
        ("articles", "pk"): [str(pk) for pk in Article.objects.values_list("pk", flat=True)],
        ("issues", "date"): [str(issue.date) for issue in issues],
        ("issues", "year"): [str(issue.date.year) for issue in issues],
        "month": [str(issue.date.month) for issue in issues],
        "number": [str(n) for n in Page.objects.values_list("number", flat=True)] + ["1"],
        "section": list(SITEMAPS),
        "content_type_id": [str(ContentType.objects.get_for_model(Article).pk)],
        "url": ["", "articles/", "articles/article/"],
    }
    values["object_id"] = sorted(
        {pk for key, pks in values.items() if key[-1] == "object_id" for pk in pks}
    )
    return values


def real(parts, index, values):
    """The real values for the parameter at parts[index]."""
    parameter = parts[index]
    words = "".join(p for p in parts[:index] if isinstance(p, str)).strip("/").split("/")
    found = values.get((words[-1], parameter.name)) or values.get(parameter.name)
    return [*(found or []), *parameter.choices] or ["1"]


# What goes into a URL, as bytes: percent-encoded here, decoded by Django.

# NUL as often as all the others: it is the one PostgreSQL refuses in text.
CONTROL = st.one_of(
    st.just("\x00"), st.sampled_from([chr(c) for c in [*range(1, 0x20), 0x7F, *range(0x80, 0xA0)]])
)
ODD_UNICODE = st.sampled_from(
    ["\u202e", "\u200b", "\ufeff", "\ufffd", "\uffff", "𝟙", "²", "٣", "Ⅻ", "ﬁ", "\u0301", "🀄"]
)
CHARACTER = st.one_of(st.characters(), CONTROL, ODD_UNICODE, st.characters(categories=["Cs"]))
HUGE_NUMBER = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.integers(min_value=15, max_value=6000).map(lambda digits: "9" * digits),
    st.sampled_from([str(2**63 - 1), str(2**63), str(-(2**63) - 1), "1e400", "NaN", "-0"]),
)
ODD_TEXT = st.sampled_from(
    ["", " ", "..", "../..", "%", "%00", "null", "None", "'", '"', "<script>", "&amp;", "a/b"]
)


def as_bytes(text):
    return text.encode("utf-8", "surrogatepass")


# Odd but usable: what reaches the views (odd Unicode, long strings, numbers a database holds).
USABLE_CHARACTER = st.one_of(
    st.characters(exclude_categories=["Cc", "Cs"]), ODD_UNICODE, st.sampled_from("-_.~%+&=/ 劳")
)
ODD = st.one_of(
    st.text(USABLE_CHARACTER, max_size=12),
    st.integers(min_value=-(2**63), max_value=2**63 - 1).map(str),
    ODD_TEXT,
    st.tuples(USABLE_CHARACTER, st.integers(100, 3000)).map(lambda c: c[0] * c[1]),
).map(as_bytes)
# Refused before any view (400): control characters, lone surrogates, bytes that are not UTF-8,
# numbers past 64 bits.
UNUSABLE = st.one_of(
    st.text(CHARACTER, min_size=1, max_size=12).map(as_bytes),
    st.tuples(st.text(max_size=4), CONTROL, st.text(max_size=4)).map(
        lambda t: as_bytes("".join(t))
    ),
    HUGE_NUMBER.map(as_bytes),
    st.binary(min_size=1, max_size=8),
)
# Three to one, so that most requests get past the refusal to the views' own code.
HOSTILE = st.one_of(ODD, ODD, ODD, UNUSABLE)

QUERY_NAMES = [
    # The site's and the admin's own, so that generated values reach the code that reads them.
    *["page", "after", "before", "q", "section", "region", "reporter", "tag", "issue"],
    *["date_from", "date_to", "date", "month", "missing", "year", "sort", "format", "table"],
    *["start", "end", "term", "app_label", "model_name", "field_name", "o", "p", "e", "all"],
    *["status__exact", "section__id__exact", "issue_date", "kind__exact", "parent__id__exact"],
    *["_changelist_filters", "_popup", "_to_field", "next", "token", "action"],
]


def queries(values):
    known = sorted({v for vs in values.values() for v in vs})
    pair = st.tuples(
        st.one_of(st.sampled_from(QUERY_NAMES).map(as_bytes), HOSTILE),
        st.one_of(st.sampled_from(known).map(as_bytes), HOSTILE),
    )
    many = st.integers(990, 1010).map(lambda n: [(b"p", b"1")] * n)  # Django's limit is 1,000
    return st.one_of(*[st.lists(pair, max_size=4)] * 5, many)


def segment(parts, index, values, real_only):
    part = parts[index]
    if isinstance(part, str):
        return st.just(as_bytes(part))
    real_value = st.sampled_from(real(parts, index, values)).map(as_bytes)
    return real_value if real_only else st.one_of(real_value, HOSTILE)


def requests_for(parts, values, real_only):
    return st.tuples(
        st.sampled_from(ROLES),
        st.sampled_from(["GET", "GET", "GET", "HEAD"]),
        st.tuples(*[segment(parts, index, values, real_only) for index in range(len(parts))]),
        queries(values),
    )


def url(segments, query):
    path = "/" + "".join(quote_from_bytes(s, safe="/") for s in segments)
    pairs = "&".join(
        f"{quote_from_bytes(k, safe='')}={quote_from_bytes(v, safe='')}" for k, v in query
    )
    return f"{path}?{pairs}" if pairs else path


@pytest.mark.parametrize("path", ["real path", "generated path"])
@pytest.mark.parametrize("name", PATTERNS)
def test_no_generated_request_is_a_server_error(name, path, newsroom, db):
    """Half the examples on paths to real rows (the query string is generated), so that every
    view's own code is reached; half on paths whose parameters are generated too."""
    clients, values = newsroom
    seen = collections.Counter()

    @settings(
        max_examples=max(1, EXAMPLES // 2),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(requests_for(PATTERNS[name], values, real_only=path == "real path"))
    def request(generated):
        role, method, segments, query = generated
        response = clients[role].generic(method, url(segments, query))
        seen[response.status_code] += 1
        assert response.status_code < 500, (
            response.status_code,
            role,
            method,
            url(segments, query),
        )

    request()

    if REPORT:
        with open(REPORT, "a") as report:
            report.write(f"{name}\t{path}\t{seen.total()}\t{sorted(seen.items())}\n")


def test_every_pattern_is_fuzzed_public_and_admin():
    assert "articles/<int:pk>/" in PATTERNS
    assert "admin/articles/article/<path:object_id>/change/" in PATTERNS
    assert "admin/<regex:app_label>/" in PATTERNS
    assert all(not isinstance(p, str) or "(?P" not in p for ps in PATTERNS.values() for p in ps)
