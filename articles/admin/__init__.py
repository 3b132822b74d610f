"""The editors' admin, one module per models module: articles, issues (with pages), people."""

from . import articles, issues, people  # noqa: F401  (importing registers the ModelAdmins)
