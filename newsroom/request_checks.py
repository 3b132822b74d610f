"""Requests that no view can use are refused here, before any view runs, for every URL.

400 (the styled page) for input that no page can use, wherever it appears in the path or the
query string:

- bytes that are not UTF-8 (lone surrogates included: strict UTF-8 refuses them too);
- control characters: PostgreSQL refuses NUL in text (a 500 from any view that queries with it),
  and nobody types the others (tab, line feed and carriage return are let through in query
  values, where a pasted search may carry them);
- an integer past what the database stores (64-bit), which also keeps 5,000-digit page numbers
  from Python's int(), whose limit is 4,300 digits;
- more parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS (Django's TooManyFieldsSent).

405 for any method but GET and HEAD outside the admin: the public site only reads. (Before,
CsrfViewMiddleware answered a POST with its 403 page, and feeds answered TRACE with the feed.)
OPTIONS is answered here with what is allowed.

Request bodies stay Django's to parse, so that a view may still choose its upload handlers;
their limits (TooManyFieldsSent, RequestDataTooBig) are SuspiciousOperations that Django
answers with handler400, the same page.
"""

import re
import unicodedata
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.contrib.admin import site as admin_site
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import HttpResponse
from django.urls import reverse

from .views import READ_ONLY_METHODS, bad_request, method_not_allowed

# PostgreSQL's bigint, the widest integer column (BigAutoField keys).
LARGEST_INTEGER = 2**63 - 1
INTEGER = re.compile(r"[+-]?[0-9]+")
# Whitespace a query value may hold: a search pasted from a document.
ALLOWED_IN_VALUES = frozenset("\t\n\r")
# Django re-percent-encodes the bytes of a path that are not UTF-8 (%FF, and %ED%A0%80 for a lone
# surrogate) before any code sees the path, so that is how they appear. No address on this site
# holds a percent sign once decoded (slugs drop it, the admin quotes keys with "_").
REPERCENTED_BYTE = re.compile(r"%[89A-F][0-9A-F]")


def has_control_characters(text, allowed=frozenset()):
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def is_outsized_integer(text):
    if not INTEGER.fullmatch(text):
        return False
    digits = text.lstrip("+-").lstrip("0")
    # Compared by length first: int() refuses strings of more than 4,300 digits.
    return len(digits) > len(str(LARGEST_INTEGER)) or int(digits or "0") > LARGEST_INTEGER


def path_is_unusable(path):
    return (
        REPERCENTED_BYTE.search(path) is not None
        or has_control_characters(path)
        or any(is_outsized_integer(segment) for segment in path.split("/"))
    )


def query_is_unusable(raw_query):
    # Counted as Django's QueryDict counts them (TooManyFieldsSent).
    if raw_query and raw_query.count(b"&") + 1 > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:
        return True
    for field in raw_query.split(b"&"):
        raw_name, _, raw_value = field.partition(b"=")
        try:
            name = unquote_to_bytes(raw_name.replace(b"+", b" ")).decode("utf-8")
            value = unquote_to_bytes(raw_value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return True
        if has_control_characters(name) or has_control_characters(value, ALLOWED_IN_VALUES):
            return True
        if is_outsized_integer(value):
            return True
    return False


class RequestCheckMiddleware:
    """Placed after the middleware that adds headers, so that refusals carry them too; it
    answers before any view runs whatever its place, as it does not wait for process_view."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse(f"{admin_site.name}:index")

    def __call__(self, request):
        # The query string's bytes as they came, still percent-encoded.
        raw_query = get_bytes_from_wsgi(request.META, "QUERY_STRING", "")
        if path_is_unusable(request.path_info) or query_is_unusable(raw_query):
            return bad_request(request)
        if not request.path.startswith(self.admin_prefix):
            if request.method == "OPTIONS":
                response = HttpResponse()
                response["Allow"] = ", ".join(READ_ONLY_METHODS)
                return response
            if request.method not in READ_ONLY_METHODS:
                return method_not_allowed()
        return self.get_response(request)
