"""`make run`'s seed loading (manage.py load_seed) never writes over what editors did since."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article, ArticleRegion, Byline, Issue
from regions.models import Region

pytestmark = pytest.mark.django_db


def load_seed():
    call_command("load_seed", verbosity=0)


def fixture_rows(name, model):
    rows = json.loads((settings.BASE_DIR / "fixtures" / f"{name}.json").read_text("utf-8"))
    return sum(row["model"] == model for row in rows)


def test_on_an_empty_database_it_loads_every_row_of_both_fixtures():
    load_seed()

    assert Region.objects.count() == fixture_rows("regions", "regions.region") > 100
    assert Issue.objects.count() == fixture_rows("seed_issue", "articles.issue") == 1
    assert Article.objects.count() == fixture_rows("seed_issue", "articles.article") == 7
    assert Byline.objects.count() == fixture_rows("seed_issue", "articles.byline")


def test_an_editors_correction_survives_a_second_make_run():
    load_seed()
    article = Article.objects.order_by("position").first()
    article.headline = "编辑改过的标题"
    article.save()

    load_seed()

    article.refresh_from_db()
    assert article.headline == "编辑改过的标题"


def test_an_article_the_editors_deleted_stays_deleted():
    load_seed()
    deleted = Article.objects.order_by("position").last()
    deleted.delete()

    load_seed()

    assert not Article.objects.filter(headline=deleted.headline).exists()
    assert Article.objects.count() == 6


def test_a_renamed_region_keeps_its_name_and_a_missing_one_is_added():
    load_seed()
    Region.objects.filter(code="330105").update(name="拱墅区（改）")
    missing = Region.objects.get(code="330106")
    ArticleRegion.objects.filter(region=missing).delete()
    missing.delete()

    load_seed()

    assert Region.objects.get(code="330105").name == "拱墅区（改）"
    assert Region.objects.get(code="330106").name == missing.name
