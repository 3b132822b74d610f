"""Helpers for the import tests: the seed page and variations of it, and running an import."""

import datetime
from pathlib import Path

from django.core.management import call_command

from articles import search
from articles.models import Article
from importing.importer import IssueImport, PageSource
from importing.plan import ImportOptions

SEED_PAGE = "fixtures/pages/seed-page.txt"
DATE = datetime.date(2024, 10, 8)
FIRST_HEADLINE = "全域式创新 领头雁带动 一贯制孵化"
LAST_HEADLINE = "永把“廉”字刻心头"


def seed_bytes():
    return Path(SEED_PAGE).read_bytes()


def seed_text():
    return seed_bytes().decode("utf-8")


def page_without_last_article():
    """The seed page as a later edition that dropped its last article (永把“廉”字刻心头)."""
    text = seed_text()
    return text[: text.index(f"# {LAST_HEADLINE}")].encode("utf-8")


def page_with(old, new):
    """The seed page with one piece of its text changed, as a corrected page would print it."""
    text = seed_text()
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


def job(*pages, number=1, date=DATE, **options):
    """An import of pages, each (bytes, 版次) or bytes for 第2版 工会, with ImportOptions."""
    sources = []
    for index, page in enumerate(pages):
        data, page_number = page if isinstance(page, tuple) else (page, 2)
        sources.append(PageSource(f"p{index + 1}.txt", data, page_number, "工会"))
    return IssueImport(sources, date, ImportOptions(number=number, **options))


def run(*pages, **options):
    """Import pages for real, through the same plan a dry run shows; return the plan written."""
    import_job = job(*pages, **options)
    return import_job.apply(import_job.plan().signature())


def command(*args, page=SEED_PAGE):
    """import_issue as the operator types it, for the seed issue's 第2版 工会."""
    call_command(
        "import_issue", page, "--date", "2024-10-08", "--number", "1", "--page-names", "工会",
        "--page-numbers", "2", *args,
    )  # fmt: skip


def found(query, queryset=None):
    """Headlines the search finds among queryset (every article by default)."""
    queryset = Article.objects.all() if queryset is None else queryset
    return sorted(search.matching(queryset, query).values_list("headline", flat=True))


def article(headline):
    return Article.objects.get(headline=headline)
