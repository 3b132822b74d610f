import datetime
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.models import Issue
from epaper.pdf.errors import PdfError
from importing.importer import IssueImport, PageSource
from importing.pdf_pages import give_photos
from importing.plan import ImportOptions

SEED_DATE = datetime.date(2024, 10, 8)


class Command(BaseCommand):
    help = (
        "给种子期（2024-10-08 第1期，loaddata seed_issue 载入）配上它的版面 PDF："
        "用测试排版脚本（epaper.testing.make_pages）排出第02版，按正常导入流程导入"
        "（稿件不变），保存 PDF、版面图、热区和图片。可重复运行。"
    )

    def handle(self, *args, **options):
        from epaper.testing import fonts, make_pages  # reportlab: `make install` installs it

        if not Issue.objects.filter(date=SEED_DATE, number=1).exists():
            raise CommandError("没有种子期：先运行 manage.py loaddata regions seed_issue")
        with tempfile.TemporaryDirectory() as directory:
            try:
                [path] = make_pages.build(directory, issue=0)
            except fonts.MissingFonts as error:
                raise CommandError(str(error)) from error
            job = IssueImport(
                [PageSource(Path(path).name, path=Path(path))], SEED_DATE, ImportOptions(number=1)
            )
            try:
                plan = job.plan()
                done = job.apply(plan.signature())
                job.store_pages(done)
            except PdfError as error:
                raise CommandError(str(error)) from error
        page = done.pages[0]
        page_pdf = done.written_issue.pages.get(number=page.number).pdf
        # The seed's articles are this very page's (fixtures/seed_issue.json was read from
        # it), so the photos printed beside their captions are theirs.
        give_photos(page_pdf, {item.article.pk for item in page.articles if item.article})
        self.stdout.write(
            f"种子期第{page.number:02d}版：PDF、{page_pdf.renditions.count()} 个版面图、"
            f"{page_pdf.zones.count()} 个热区、{page_pdf.photos.count()} 张图片；"
            + done.summary_line()
        )
