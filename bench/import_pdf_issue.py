"""Import a 40-page issue of page PDFs as `import_issue p01.pdf … p40.pdf` does: pages per
second, where the time goes, peak memory.

    DATABASE_URL=postgres://… .venv/bin/python bench/import_pdf_issue.py [--pages 40]

Lays out the pages with epaper.testing.make_pages (generated pages, not timed), migrates,
loads the regions, then runs the import through importing.importer.IssueImport in its four
steps: reading every page PDF (each in the bounded child: text, zones, photos, six page
images), planning the merge (the parser included), writing it, and storing each page (PDF,
images, zones, photos through the photos app). Then the same issue again (a re-import: every
article unchanged, every file already stored). One process, one page at a time. Writes the
figures to bench/results/import_pdf_issue.txt as well.
"""

import argparse
import datetime
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

# The page images and photos go to a scratch directory, removed at the end (set before Django).
SCRATCH = Path(tempfile.mkdtemp(prefix="bench-import-pdf-"))
os.environ["MEDIA_ROOT"] = str(SCRATCH / "media")
os.environ["PRIVATE_MEDIA_ROOT"] = str(SCRATCH / "private")

from django_setup import ROOT  # noqa: E402  (sets Django up: before any Django import)

# isort: split
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from articles.models import Article, Issue, Page  # noqa: E402
from epaper.testing import make_pages  # noqa: E402
from importing.importer import IssueImport, PageSource  # noqa: E402
from importing.plan import ImportOptions  # noqa: E402
from regions.models import Region  # noqa: E402

DATE = datetime.date(2031, 1, 6)  # a day no other benchmark writes


def one_import(paths):
    sources = [PageSource(p.name, path=p) for p in paths]
    job = IssueImport(sources, DATE, ImportOptions())
    steps = {}
    t = time.perf_counter()
    job.read()
    steps["read PDFs (text, zones, images)"] = time.perf_counter() - t
    t = time.perf_counter()
    plan = job.plan()
    steps["parse + plan the merge"] = time.perf_counter() - t
    t = time.perf_counter()
    done = job.apply(plan.signature())
    steps["write the merge"] = time.perf_counter() - t
    t = time.perf_counter()
    job.store_pages(done)
    steps["store pages (PDF, images, zones, photos)"] = time.perf_counter() - t
    return steps, done


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40)
    options = parser.parse_args()
    out = []

    def say(line):
        print(line)
        out.append(line)

    call_command("migrate", verbosity=0)
    if not Region.objects.exists():
        call_command("loaddata", "regions", verbosity=0)
    # A previous run's issue goes (articles and pages first: they protect it), so that the
    # first import is new again.
    Article.objects.filter(issue__date=DATE).delete()
    Page.objects.filter(issue__date=DATE).delete()
    Issue.objects.filter(date=DATE).delete()
    try:
        paths = make_pages.build(SCRATCH / "pdf", issue=options.pages, seed_page=False)
        size = sum(p.stat().st_size for p in paths)
        say(f"{connection.vendor}: {len(paths)} page PDFs, {size / 2**20:.1f} MB")
        for label in ("first import", "re-import"):
            steps, done = one_import(paths)
            total = sum(steps.values())
            say(f"{label}: {len(paths) / total:.2f} pages/s ({total:.1f} s); {done.summary_line()}")
            for step, seconds in steps.items():
                say(f"  {step}: {seconds:.1f} s ({len(paths) / seconds:.1f} pages/s)")
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    say(f"peak memory: importer {parent:.0f} MB, largest PDF child {child:.0f} MB")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "import_pdf_issue.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
