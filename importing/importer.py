"""The one way in: pages → parsed issue → plan (the review) → written issue.

The command (`import_issue`) and the admin's 导入新一期 go through `IssueImport`, for pages
given as text or as page PDFs:

    job = IssueImport(sources, date, options)
    job.read(progress)            # page PDFs read (PdfError for a bad one), nothing written
    plan = job.plan()             # PageError for a page that cannot be read
    print(render_plan(plan))      # what will be done or refused
    done = job.apply(plan.signature())  # ImportRefused, or PlanChanged if the database moved
    job.store_pages(done)         # each page PDF stored (版面图, zones, photos), page by page

A page PDF's text, in reading order, goes through the same parser as a text page, so the
review, the warnings and the merge rules are the same. Nothing is written before `apply`, and
`apply` writes exactly the reviewed plan or nothing; `store_pages` follows it (in the admin as
a background task), one transaction per page, and can be run again.
"""

from dataclasses import dataclass
from pathlib import Path

from articles.importing.parsing import parse_issue
from articles.importing.text import PageError
from articles.models import Page, Section

from .loading import load_issue, places_from_database
from .merging import plan_issue
from .pdf_pages import PdfPage, looks_like_pdf, matched_articles, read_pdf, scan_page, store_page


@dataclass(frozen=True)
class PageSource:
    """One page as received (text, or a PDF at `path`), with the 版次 and 版名 to use if it has
    no page header."""

    name: str
    data: bytes = b""
    number: int | None = None
    page_name: str | None = None
    path: Path | None = None  # a page PDF is read from its file, never whole into memory

    @property
    def is_pdf(self):
        if self.path is not None:
            with open(self.path, "rb") as stream:
                return looks_like_pdf(self.name, stream.read(1024))
        return looks_like_pdf(self.name, self.data)


class IssueImport:
    def __init__(self, sources, date, options, *, readings=None):
        self.sources = list(sources)
        self.date = date
        self.options = options
        # index → epaper.pdf.page.PageResult of each page PDF already read (see read()).
        self.readings = dict(readings or {})
        self._parsed = None

    @property
    def pdf_indexes(self):
        return [n for n, source in enumerate(self.sources) if source.is_pdf]

    def read(self, progress=None):
        """Read every page PDF not read yet (PdfError names a bad one); progress(done, total,
        name) after each. Writes nothing."""
        indexes = self.pdf_indexes
        for done, index in enumerate(indexes, start=1):
            source = self.sources[index]
            if index not in self.readings:
                self.readings[index] = read_pdf(source.path, source.name)
            if progress:
                progress(done, len(indexes), source.name)
        return self.readings

    @property
    def parsed(self):
        """The pages read into dataclasses (no database writes); raises PageError or PdfError."""
        if self._parsed is None:
            self.read()
            sources = self.sources
            texts, scans = [], {}
            for index, source in enumerate(sources):
                reading = self.readings.get(index)
                number = source.number or index + 1
                if reading is None:
                    texts.append((index, source.name, source.data))
                elif reading.text:
                    texts.append((index, source.name, reading.text.encode("utf-8")))
                else:
                    scans[index] = scan_page(source.name, number, source.page_name)
            issue = parse_issue(
                [(name, data) for _, name, data in texts],
                self.date,
                self.options.number,
                [sources[index].page_name for index, _, _ in texts],
                places_from_database(),
                sections=list(Section.objects.values_list("name", flat=True)),
                # Each page's position in the whole issue, scans included.
                page_numbers=[sources[index].number or index + 1 for index, _, _ in texts],
            )
            pages = iter(issue.pages)
            issue.pages = [scans[n] if n in scans else next(pages) for n in range(len(sources))]
            seen = {}
            for page in issue.pages:
                if page.number in seen:
                    raise PageError(page.file, 1, f"版次 {page.number} 与 {seen[page.number]} 重复")
                seen[page.number] = page.file
            self._parsed = issue
        return self._parsed

    def plan(self):
        """What the import would do now, read from the database; each page PDF's page with
        the zones its articles would get (PagePlan.pdf)."""
        return self._with_pdfs(plan_issue(self.parsed, self.options))

    def apply(self, expected=None):
        """Write the plan in one transaction and return it; expected: the reviewed signature.
        The page PDFs are stored after it, by store_pages()."""
        return self._with_pdfs(load_issue(self.parsed, self.options, expected=expected))

    def store_pages(self, done, progress=None):
        """Store each page PDF of an applied plan (one transaction per page); progress(done,
        total, name) after each. Stores the same thing when run again."""
        indexes = self.pdf_indexes
        for count, index in enumerate(indexes, start=1):
            source, page_plan = self.sources[index], done.pages[index]
            page = Page.objects.get(issue=done.written_issue, number=page_plan.number)
            articles, written = matched_articles(page_plan)
            store_page(
                page,
                source.path,
                source.name,
                self.readings[index],
                self.parsed.pages[index],
                articles,
                written,
            )
            if progress:
                progress(count, len(indexes), source.name)

    def _with_pdfs(self, plan):
        for index, reading in self.readings.items():
            plan.pages[index].pdf = PdfPage.of(reading, self.parsed.pages[index])
        return plan
