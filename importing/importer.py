"""The one way in: pages → parsed issue → plan (the review) → written issue.

The command (`import_issue`), the admin's 导入新一期 and any later input (page PDFs, whose pages
would come with their geometry) all go through `IssueImport`:

    job = IssueImport(sources, date, options)
    plan = job.plan()             # PageError for a page that cannot be read
    print(render_plan(plan))      # what will be done or refused
    job.apply(plan.signature())   # ImportRefused, or PlanChanged if the database moved since

Nothing is written before `apply`, and `apply` writes exactly the reviewed plan or nothing.
"""

from dataclasses import dataclass

from articles.importing.parsing import parse_issue
from articles.models import Section

from .loading import load_issue, places_from_database
from .merging import plan_issue


@dataclass(frozen=True)
class PageSource:
    """One page's text as received, with the 版次 and 版名 to use if its text has no header."""

    name: str
    data: bytes
    number: int | None = None
    page_name: str | None = None


class IssueImport:
    def __init__(self, sources, date, options):
        self.sources = list(sources)
        self.date = date
        self.options = options
        self._parsed = None

    @property
    def parsed(self):
        """The pages read into dataclasses (no database writes); raises PageError."""
        if self._parsed is None:
            sources = self.sources
            self._parsed = parse_issue(
                [(source.name, source.data) for source in sources],
                self.date,
                self.options.number,
                [source.page_name for source in sources],
                places_from_database(),
                sections=list(Section.objects.values_list("name", flat=True)),
                page_numbers=[source.number for source in sources],
            )
        return self._parsed

    def plan(self):
        """What the import would do now, read from the database."""
        return plan_issue(self.parsed, self.options)

    def apply(self, expected=None):
        """Write the plan in one transaction and return it; expected: the reviewed signature."""
        return load_issue(self.parsed, self.options, expected=expected)
