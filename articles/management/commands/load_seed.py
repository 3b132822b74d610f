"""Load the Zhejiang regions and the seed issue for `make run`, never over anyone's work.

`loaddata` writes each fixture row over the row with its natural key, so running it on every
`make run` put the seed's text back over an editor's corrections and brought back what they had
deleted. This adds a region only where no region has its code, and loads the seed issue only where
no issue has its date: once loaded, the seed is the editors' like any other issue.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Issue
from articles.signal_handlers import batched


def fixture_path(name):
    [directory] = settings.FIXTURE_DIRS
    return Path(directory) / f"{name}.json"


class Command(BaseCommand):
    help = "载入浙江行政区划与种子期（已有的不覆盖：编辑的修改与删除都保留）。"

    def handle(self, **options):
        with transaction.atomic(), batched():
            added = self.add_missing_regions()
            loaded = self.load_seed_issue()
        seed = "已载入" if loaded else "已存在，未改动"
        self.stdout.write(f"行政区划：新增 {added} 个；种子期：{seed}")

    def add_missing_regions(self):
        added = 0
        with fixture_path("regions").open(encoding="utf-8") as stream:
            # Row by row: a region's parent is named by its code, saved a row earlier.
            for row in serializers.deserialize("json", stream):
                # The natural key (the code) found a region: that one is kept as it is.
                if row.object.pk is None:
                    row.save()
                    added += 1
        return added

    def load_seed_issue(self):
        rows = json.loads(fixture_path("seed_issue").read_text(encoding="utf-8"))
        dates = [row["fields"]["date"] for row in rows if row["model"] == "articles.issue"]
        if Issue.objects.filter(date__in=dates).exists():
            return False
        call_command("loaddata", "seed_issue", verbosity=0)
        return True
