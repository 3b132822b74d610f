"""The import command and the loading layer, against the database."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importing.parsing import parse_issue
from articles.models import (
    Article,
    ArticleRegion,
    Byline,
    Issue,
    Page,
    Photo,
    Reporter,
    Revision,
    Section,
)
from importing.loading import load_issue, places_from_database
from importing.plan import ImportOptions
from tests.conftest import make_article, make_page

pytestmark = pytest.mark.django_db

SEED_PAGE = "fixtures/pages/seed-page.txt"
MODELS = [Issue, Page, Section, Reporter, Article, Byline, Photo, ArticleRegion, Revision]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def article_record(article):
    """Everything the foundation issue pins for an article, as plain data."""
    return {
        "page": (article.page.number, article.page.topic),
        "position": article.position,
        "section": article.section.name if article.section else None,
        "headline group": (article.kicker, article.headline, article.subheadline),
        "dateline": article.dateline,
        "body": article.body,
        "credits": [
            (b.name, b.role, b.photo.position if b.photo else None)
            for b in article.bylines.order_by("position")
        ],
        "regions": [ar.region.code for ar in article.article_regions.order_by("position")],
        "photos": [p.caption for p in article.photos.order_by("position")],
    }


def issue_records(date="2024-10-08"):
    articles = Article.objects.filter(issue__date=date).order_by("page__number", "position")
    return [article_record(a) for a in articles]


def import_seed(*extra):
    call_command(
        "import_issue", SEED_PAGE, "--date", "2024-10-08", "--number", "1", "--page-names", "工会",
        "--page-numbers", "2",
        *extra,
    )  # fmt: skip


def test_importing_the_seed_page_gives_exactly_the_seed_issue(seed):
    expected = issue_records()
    Article.objects.all().delete()
    Page.objects.all().delete()
    Issue.objects.all().delete()
    import_seed()
    assert issue_records() == expected


def test_import_lands_drafts_unless_publish(regions):
    import_seed()
    assert Article.objects.count() == 7
    assert Article.objects.published().count() == 0
    import_seed("--publish")
    assert Article.objects.published().count() == 7


def test_importing_the_same_issue_again_changes_nothing(regions, capsys):
    import_seed()
    first = counts()
    records = issue_records()
    versions = list(Article.objects.order_by("pk").values_list("version", flat=True))
    import_seed()
    assert counts() == first  # not even a revision
    assert records == issue_records()
    assert list(Article.objects.order_by("pk").values_list("version", flat=True)) == versions
    assert "新建 0 篇，不变 7 篇，更新 0 篇" in capsys.readouterr().err


def test_reimport_keeps_editors_tags_and_published_state(regions):
    import_seed("--publish")
    article = Article.objects.get(position=1)
    article.tags.add("劳模工匠")
    import_seed()
    article.refresh_from_db()
    assert article.is_published()
    assert [t.name for t in article.tags.all()] == ["劳模工匠"]


def test_dry_run_writes_nothing(regions, capsys):
    before = counts()
    import_seed("--dry-run")
    assert counts() == before
    assert "全域式创新 领头雁带动 一贯制孵化" in capsys.readouterr().out


def test_dry_run_shows_every_line_of_text_no_article_took(regions, capsys, tmp_path):
    page = tmp_path / "p2.txt"
    page.write_text(
        "上接第一版 职工们说起这次技能比武  \n还有许多话没有说完，县总工会将继续跟进。\n\n"
        "千名工匠同台竞技\n\n本报讯 近日，全县职工技能大赛举行。\n\n"
        "职工之家服务站点一览表  \n劳模风采专栏往期回顾\n",
        encoding="utf-8",
    )
    before = counts()
    call_command("import_issue", str(page), "--date", "2024-10-08", "--dry-run")
    assert counts() == before
    out = capsys.readouterr().out
    assert (
        "  警告：第1行：版面开头的“上接第一版 职工们说……”不属于任何稿件（可能是转版文字），未导入\n"
        "    未导入的全文：\n"
        "      上接第一版 职工们说起这次技能比武\n"
        "      还有许多话没有说完，县总工会将继续跟进。\n"
    ) in out
    # The closing lines are on the article's lines: the warning stands in its entry.
    assert (
        "     警告：第8行：页面末尾的“职工之家服务站点一览……”下面没有正文，不属于任何稿件，未导入\n"
        "       未导入的全文：\n"
        "         职工之家服务站点一览表\n"
        "         劳模风采专栏往期回顾\n"
    ) in out


def test_json_report_has_the_agreed_shape(regions, capsys):
    import_seed("--dry-run", "--format", "json")
    report = json.loads(capsys.readouterr().out)
    assert report["issue"] == {"date": "2024-10-08", "number": 1}
    assert report["merge"]["summary"]["new"] == 7
    assert [a["action"] for a in report["merge"]["articles"]] == ["new"] * 7
    [page] = report["pages"]
    assert set(page) >= {"number", "name", "topic", "articles"}
    assert len(page["articles"]) == 7
    article = page["articles"][3]
    assert set(article) >= {
        "section", "kicker", "headline", "subheadline", "dateline", "people", "regions",
        "crossheads", "paragraphs", "photos", "notes",
    }  # fmt: skip
    assert article["people"] == [
        {"name": "李凡", "role": "记者"},
        {"name": "金儒彪", "role": "通讯员"},
        {"name": "吴倩", "role": "通讯员"},
    ]
    assert article["regions"] == [{"code": "330211", "name": "镇海区"}]
    assert {w["file"] for w in report["warnings"]} == {SEED_PAGE}


def test_emitted_fixture_loads_into_the_same_issue(regions, tmp_path):
    path = tmp_path / "issue.json"
    import_seed("--dry-run", "--emit-fixture", str(path))
    assert Article.objects.count() == 0
    records = json.loads(path.read_text(encoding="utf-8"))
    assert all("pk" not in record for record in records)
    call_command("loaddata", str(path), verbosity=0)
    from_fixture = issue_records()
    Article.objects.all().delete()
    import_seed()
    assert issue_records() == from_fixture
    call_command("loaddata", str(path), verbosity=0)  # twice: still the same rows
    assert Article.objects.count() == 7


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "第1行"),
        ("一行\x00字".encode(), "NUL"),
        (b"", "\xe7\xa9\xba"),  # 空
        (b"\n\n   \n", "空"),
        (bytes([0xFF, 0xFE, 0xFD, 0x81, 0x30, 0xFF]) * 20, "编码"),
    ],
)
def test_bad_page_file_is_refused_and_nothing_is_written(regions, tmp_path, content, message):
    make_article()
    before = counts()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CommandError) as error:
        call_command("import_issue", SEED_PAGE, str(bad), "--date", "2024-10-08")
    assert "bad.txt" in str(error.value)
    assert counts() == before


def test_bad_date_or_missing_file_is_a_clear_error(regions, tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("import_issue", SEED_PAGE, "--date", "2024-13-45")
    with pytest.raises(CommandError, match="missing.txt"):
        call_command("import_issue", str(tmp_path / "missing.txt"), "--date", "2024-10-08")


def test_issue_number_of_another_date_is_refused(regions):
    make_article(page=make_page(issue=Issue.objects.create(date="2024-10-07", number=1)))
    before = counts()
    with pytest.raises(CommandError, match="期号 1"):
        import_seed()
    assert counts() == before


def test_import_queries_grow_with_pages_not_articles(regions):
    places = places_from_database()
    page = open(SEED_PAGE, "rb").read()

    def queries_for(copies, date):
        parsed = parse_issue([(f"p{n}.txt", page) for n in range(copies)], date, None, None, places)
        with CaptureQueriesContext(connection) as context:
            load_issue(parsed, ImportOptions())
        return len(context.captured_queries)

    one_page = queries_for(1, "2024-01-01")  # 7 articles
    four_pages = queries_for(4, "2024-01-02")  # 28 articles
    # Each extra page costs one page row (and a savepoint or two), not a query per article.
    assert four_pages - one_page <= 3 * 3
