import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.importing.loading import LoadError, load_issue, places_from_database, write_fixture
from articles.importing.parsing import parse_issue
from articles.importing.review import render_review
from articles.importing.text import PageError
from articles.models import Section


class Command(BaseCommand):
    help = (
        "导入一期报纸：每个版面一个文本文件，按版序给出。先解析全部版面，有错则不写入任何内容；"
        "写入在一个事务中完成，重复导入同一期会就地更新而不重复。"
        "稿件默认为草稿（--publish 直接发布）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("page_files", nargs="+", type=Path, help="版面文本文件，按版序")
        parser.add_argument("--date", required=True, help="出版日期 YYYY-MM-DD")
        parser.add_argument("--number", type=int, help="期号（缺省：沿用已有期号或顺延）")
        parser.add_argument("--page-names", help="无版头的版面的版名，逗号分隔，按版序")
        parser.add_argument(
            "--page-numbers", help="无版头的版面的版次，逗号分隔，按版序（缺省为文件顺序）"
        )
        parser.add_argument("--dry-run", action="store_true", help="只解析并报告，不写入")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--emit-fixture", type=Path, help="写出可供 loaddata 的自然键 fixture")
        parser.add_argument("--publish", action="store_true", help="导入后直接发布")

    def handle(self, *args, page_files, **options):
        try:
            date = datetime.date.fromisoformat(options["date"])
        except ValueError as error:
            raise CommandError(f"--date 应为 YYYY-MM-DD：{options['date']}") from error
        files = []
        for path in page_files:
            try:
                files.append((str(path), path.read_bytes()))
            except OSError as error:
                raise CommandError(f"{path}：无法读取（{error.strerror}）") from error
        page_names = options["page_names"].split(",") if options["page_names"] else None
        try:
            page_numbers = (
                [int(n) for n in options["page_numbers"].split(",")]
                if options["page_numbers"]
                else None
            )
        except ValueError as error:
            raise CommandError(
                f"--page-numbers 应为逗号分隔的整数：{options['page_numbers']}"
            ) from error
        try:
            parsed = parse_issue(
                files,
                date,
                options["number"],
                page_names,
                places_from_database(),
                sections=list(Section.objects.values_list("name", flat=True)),
                page_numbers=page_numbers,
            )
        except PageError as error:
            raise CommandError(str(error)) from error

        if options["format"] == "json":
            self.stdout.write(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_review(parsed), ending="")

        if options["dry_run"] and not options["emit_fixture"]:
            return
        try:
            with transaction.atomic():
                result = load_issue(parsed, publish=options["publish"])
                if options["emit_fixture"]:
                    write_fixture(result.issue, options["emit_fixture"])
                if options["dry_run"]:
                    # The fixture was written from the loaded rows; the rows themselves go.
                    transaction.set_rollback(True)
        except LoadError as error:
            raise CommandError(str(error)) from error
        if options["dry_run"]:
            self.stderr.write(f"试运行：已写出 {options['emit_fixture']}，数据库未改动。")
            return
        for warning in result.warnings:
            self.stderr.write(f"警告：{warning}")
        self.stderr.write(
            f"已导入 {result.issue}：新建 {result.created} 篇，更新 {result.updated} 篇，"
            f"删除 {result.removed} 篇草稿；新署名作者 {len(result.new_reporters)} 人。"
        )
