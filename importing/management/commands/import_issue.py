import argparse
import datetime
import json
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.importing.text import PageError
from epaper.pdf.errors import PdfError
from importing.importer import IssueImport, PageSource
from importing.loading import write_fixture
from importing.plan import Action, ImportOptions, ImportRefused
from importing.review import render_plan
from importing.review_images import draw_zones


class Command(BaseCommand):
    help = (
        "导入一期报纸：每个版面一个文本文件或单页 PDF，按版序给出。导入是合并而不是覆盖："
        "只涉及所导入的版面；"
        "后台录入的稿件从不改动；导入的稿件只在仍是导入后无人改动的草稿时更新，其余不同之处列为"
        "冲突并保留，除非用 --replace 或 --replace-article 要求以版面内容替换。先打印核对结果，"
        "有错或被拒绝则不写入任何内容；写入在一个事务中完成。"
        "不带 --user 时以系统身份导入：可新建、更新导入自己的草稿、--publish 发布，"
        "但不能替换冲突稿件。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "page_files", nargs="+", type=Path, help="版面文本文件或单页 PDF，按版序"
        )
        parser.add_argument("--date", required=True, help="出版日期 YYYY-MM-DD")
        parser.add_argument("--number", type=int, help="期号（缺省：沿用已有期号或顺延）")
        parser.add_argument(
            "--renumber", action="store_true", help="允许把已有一期的期号改为 --number"
        )
        parser.add_argument("--page-names", help="无版头的版面的版名，逗号分隔，按版序")
        parser.add_argument(
            "--page-numbers", help="无版头的版面的版次，逗号分隔，按版序（缺省为文件顺序）"
        )
        parser.add_argument("--dry-run", action="store_true", help="只核对并报告，不写入")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--emit-fixture", type=Path, help="写出可供 loaddata 的自然键 fixture")
        parser.add_argument("--publish", action="store_true", help="导入后直接发布")
        parser.add_argument(
            "--replace", action="store_true", help="所有冲突稿件都以版面内容替换（需 --user）"
        )
        parser.add_argument(
            "--replace-article",
            type=int,
            action="append",
            default=[],
            metavar="ID",
            help="以版面内容替换这篇冲突稿件（稿件 ID，可重复；需 --user）",
        )
        parser.add_argument(
            "--delete-missing",
            action="store_true",
            help="删除不再见于版面、且导入后无人改动的草稿",
        )
        parser.add_argument("--user", help="以此用户的身份和权限导入（替换冲突稿件时必需）")
        parser.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            help="逐版显示读取和保存 PDF 的进度条（缺省：在终端上显示）",
        )
        parser.add_argument(
            "--review-dir",
            type=Path,
            help="PDF 版面的核对图（标出各稿件热区）写到这个目录（缺省：新建的临时目录）",
        )

    def handle(self, *args, page_files, **options):
        job = IssueImport(
            self._sources(page_files, options), self._date(options), self._options(options)
        )
        try:
            job.read(progress=self._progress("读取 PDF", options["progress"]))
            plan = job.plan()
        except (PageError, PdfError) as error:
            raise CommandError(str(error)) from error
        self._review_images(plan, options["review_dir"])

        if options["format"] == "json":
            report = {**job.parsed.to_dict(), "merge": plan.to_dict()}
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_plan(plan), ending="")
            self.stdout.write(self._hints(plan), ending="")
        if plan.refusals:
            raise CommandError("导入被拒绝，没有写入任何内容：" + "；".join(plan.refusals))
        if options["dry_run"] and not options["emit_fixture"]:
            self.stderr.write(f"试运行，数据库未改动。将会：{plan.summary_line()}")
            return
        try:
            with transaction.atomic():
                done = job.apply(plan.signature())
                if options["emit_fixture"]:
                    write_fixture(done.written_issue, options["emit_fixture"])
                if options["dry_run"]:
                    # The fixture was written from the loaded rows; the rows themselves go.
                    transaction.set_rollback(True)
        except ImportRefused as error:
            if error.plan is not None and error.plan is not plan:
                self.stdout.write(render_plan(error.plan), ending="")
            raise CommandError(str(error)) from error
        if options["dry_run"]:
            self.stderr.write(f"试运行：已写出 {options['emit_fixture']}，数据库未改动。")
            return
        try:
            job.store_pages(done, progress=self._progress("保存版面", options["progress"]))
        except PdfError as error:
            raise CommandError(
                f"稿件已导入，版面 PDF 未能全部保存（可再次导入）：{error}"
            ) from error
        self.stderr.write(f"已导入 {done.written_issue}：{done.summary_line()}。")
        for item in done.of(Action.REMOVED):
            self.stderr.write(f"已删除《{item.headline}》（第{item.page_number}版）")

    def _progress(self, label, wanted):
        """A per-page progress bar on stderr: asked for, or by default on a terminal."""
        if not (self.stderr.isatty() if wanted is None else wanted):
            return None
        stream = self.stderr

        def show(done, total, name):
            filled = round(30 * done / total)
            end = "\n" if done == total else ""
            stream.write(
                f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {name}",
                ending=end,
            )
            stream.flush()

        return show

    def _review_images(self, plan, directory):
        """Each page PDF's image with its zones numbered as the review numbers its articles."""
        pages = [page for page in plan.pages if page.pdf is not None and page.pdf.image]
        if not pages:
            return
        if directory is None:
            directory = Path(tempfile.mkdtemp(prefix="newsroom-import-review-"))
        directory.mkdir(parents=True, exist_ok=True)
        for page in pages:
            path = directory / f"{plan.date:%Y%m%d}-{page.number:02d}.jpg"
            path.write_bytes(draw_zones(page.pdf.image, page.pdf.zones))
            page.image = str(path)

    def _date(self, options):
        try:
            return datetime.date.fromisoformat(options["date"])
        except ValueError as error:
            raise CommandError(f"--date 应为 YYYY-MM-DD：{options['date']}") from error

    def _sources(self, page_files, options):
        names = options["page_names"].split(",") if options["page_names"] else []
        try:
            numbers = (
                [int(n) for n in options["page_numbers"].split(",")]
                if options["page_numbers"]
                else []
            )
        except ValueError as error:
            raise CommandError(
                f"--page-numbers 应为逗号分隔的整数：{options['page_numbers']}"
            ) from error
        sources = []
        for index, path in enumerate(page_files):
            number = numbers[index] if index < len(numbers) else None
            page_name = names[index].strip() or None if index < len(names) else None
            try:
                source = PageSource(str(path), number=number, page_name=page_name, path=path)
                if not source.is_pdf:  # a page's text is read whole; a PDF from its file
                    source = PageSource(str(path), path.read_bytes(), number, page_name)
            except OSError as error:
                raise CommandError(f"{path}：无法读取（{error.strerror}）") from error
            sources.append(source)
        return sources

    def _options(self, options):
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"--user：没有用户 {options['user']}") from error
        return ImportOptions(
            number=options["number"],
            renumber=options["renumber"],
            publish=options["publish"],
            replace_all=options["replace"],
            replace=frozenset(options["replace_article"]),
            delete_missing=options["delete_missing"],
            user=user,
        )

    def _hints(self, plan):
        """What the operator can ask for next, in this command's own flags."""
        hints = []
        conflicts = [a for a in plan.of(Action.CONFLICT) if a.replaceable]
        if conflicts:
            ids = " ".join(f"--replace-article {a.article.pk}" for a in conflicts)
            hints.append(f"以版面内容替换冲突稿件：--replace（全部）或 {ids}（需 --user）")
        if any(a.removable for a in plan.of(Action.MISSING)):
            hints.append("删除不再见于版面、导入后无人改动的草稿：--delete-missing")
        if any("改期号" in refusal for refusal in plan.refusals):
            hints.append("确需改期号：--renumber")
        return "".join(f"提示：{hint}\n" for hint in hints)
