"""`make run`'s seed: the seed issue gets its page PDF from the test layout script, through the
import, with its articles unchanged."""

import json

import pytest
from django.core.management import call_command

from articles.models import Article, Page

pytestmark = pytest.mark.django_db


def test_the_seed_issue_gets_its_page_pdf_zones_and_photo_and_again_changes_nothing(seed, capsys):
    fixture = json.loads(open("fixtures/seed_issue.json", encoding="utf-8").read())
    bodies = sorted(r["fields"]["body"] for r in fixture if r["model"] == "articles.article")

    call_command("load_seed_pdf")

    assert "不变 7 篇" in capsys.readouterr().out
    page = Page.objects.get(number=2)
    zones = list(page.pdf.zones.select_related("article"))
    assert [(z.position, z.article.position) for z in zones] == [(n, n) for n in range(1, 8)]
    assert page.pdf.renditions.filter(kind="desktop").exists()
    assert sorted(Article.objects.values_list("body", flat=True)) == bodies
    assert Article.objects.get(position=6).photos.get().image
    rows = list(page.pdf.zones.values_list("pk", "rects"))

    call_command("load_seed_pdf")

    assert list(page.pdf.zones.values_list("pk", "rects")) == rows
