"""The project fixtures: natural keys only, idempotent, and a faithful dump-and-load round trip."""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles import search
from articles.models import (
    Article,
    ArticleRegion,
    Byline,
    Issue,
    Page,
    Photo,
    Reporter,
    Section,
    TaggedArticle,
)
from regions.models import Region

SEED_MODELS = [Issue, Page, Section, Reporter, Article, Photo, Byline, ArticleRegion, TaggedArticle]
DUMPED = ["regions.region", "articles", "taggit.tag"]


def table_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def dump():
    out = StringIO()
    call_command(
        "dumpdata",
        *DUMPED,
        natural_foreign=True,
        natural_primary=True,
        indent=2,
        stdout=out,
    )
    return out.getvalue()


def comparable(text):
    """The dumped objects in a fixed order, so two dumps compare whatever the primary keys."""
    return sorted(json.dumps(obj, sort_keys=True, ensure_ascii=False) for obj in json.loads(text))


def empty_the_database():
    for model in [TaggedArticle, Tag, Byline, Photo, ArticleRegion, Article, Section, Reporter]:
        model._default_manager.all().delete()
    Page.objects.all().delete()
    Issue.objects.all().delete()
    # Region.parent is PROTECT: remove the tree from the leaves up.
    for kinds in (
        ["district", "county", "county_city", "autonomous_county"],
        ["city"],
        ["province"],
    ):
        Region.objects.filter(kind__in=kinds).delete()


def test_seed_loads_one_issue_one_page_and_seven_articles(seed):
    assert Issue.objects.count() == 1
    assert Page.objects.count() == 1
    assert Article.objects.count() == 7
    assert Reporter.objects.count() == 12
    assert Region.objects.count() == 102


def test_loading_the_fixtures_twice_changes_no_table(seed):
    before = table_counts()

    call_command("loaddata", "regions", "seed_issue", verbosity=0)

    assert table_counts() == before


def test_loading_twice_keeps_the_content(seed):
    before = comparable(dump())

    call_command("loaddata", "regions", "seed_issue", verbosity=0)

    assert comparable(dump()) == before


def test_natural_key_dump_has_no_primary_keys(seed):
    objects = json.loads(dump())

    assert objects
    assert all("pk" not in obj for obj in objects)


def test_natural_key_dump_loads_into_an_empty_database_with_the_same_content(seed, tmp_path):
    text = dump()
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(text, encoding="utf-8")

    empty_the_database()
    assert Region.objects.count() == Article.objects.count() == Tag.objects.count() == 0
    call_command("loaddata", str(dump_file), verbosity=0)

    assert comparable(dump()) == comparable(text)
    assert Article.objects.count() == 7


def test_every_seed_object_is_found_again_by_its_natural_key(seed):
    for model in [Region, Tag, *SEED_MODELS]:
        objects = list(model._default_manager.all())
        assert objects, model
        for obj in objects:
            assert model._default_manager.get_by_natural_key(*obj.natural_key()) == obj


def test_committed_fixtures_carry_no_primary_keys():
    for name in ("regions.json", "seed_issue.json"):
        for fixture_dir in settings.FIXTURE_DIRS:
            objects = json.loads((fixture_dir / name).read_text(encoding="utf-8"))
            assert all("pk" not in obj for obj in objects), name


# Loading runs our signal handlers inside one batch (articles/management/commands/loaddata.py):
# what is derived from the rows is worked out once at the end, and must equal what saving gives.

SEARCH_COLUMNS = ("search_document", "search_terms", "search_title", "search_title_terms")


def search_columns():
    return {row["pk"]: row for row in Article.objects.values("pk", *SEARCH_COLUMNS)}


def test_each_loaded_article_has_the_search_text_that_saving_it_gives(seed):
    loaded = search_columns()

    for article in Article.objects.all():
        article.refresh_search()

    assert search_columns() == loaded
    # Worked out once the bylines and places were in, not from the article row alone.
    found = search.search(Article.objects.published(), "寿慧桢 吴兴")
    assert [a.position for a in found] == [1]


def test_loading_writes_each_articles_search_text_once(regions):
    with CaptureQueriesContext(connection) as queries:
        call_command("loaddata", "seed_issue", verbosity=0)

    writes = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "articles_article"')]
    assert len(writes) == Article.objects.count() == 7


def article_fixture(tmp_path, article, **changes):
    row = json.loads(
        serializers.serialize(
            "json", [article], use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
    )[0]
    row["fields"].update(changes)
    path = tmp_path / "change.json"
    path.write_text(json.dumps([row], ensure_ascii=False), encoding="utf-8")
    return path, row


def test_loading_refreshes_the_cached_pages_of_what_it_changed(seed, client, tmp_path):
    article = Article.objects.get(position=2)
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"
    path, _ = article_fixture(tmp_path, article, headline="载入后的新主题")

    call_command("loaddata", str(path), verbosity=0)

    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "载入后的新主题" in response.content.decode()
    assert [a.pk for a in search.search(Article.objects.published(), "载入后的新主题")] == [
        article.pk
    ]


def test_a_fixture_that_fails_part_way_changes_nothing(seed, tmp_path):
    article = Article.objects.get(position=2)
    before = search_columns()
    path, row = article_fixture(tmp_path, article, headline="不该留下的主题")
    broken = {"model": "articles.byline", "fields": {"article": ["1999-01-01", 9, 9]}}
    path.write_text(json.dumps([row, broken], ensure_ascii=False), encoding="utf-8")

    with pytest.raises(DeserializationError):
        call_command("loaddata", str(path), verbosity=0)

    article.refresh_from_db()
    assert article.headline == "技能引领新“食”尚"
    assert search_columns() == before
