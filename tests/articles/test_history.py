import pytest

from articles.models import Correction, Revision
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def test_revision_diff_shows_changed_fields_only():
    article = make_article(headline="旧标题", body="第一段。\n第二段。")
    first = article.save_revision(comment="初稿")
    article.headline = "新标题"
    article.body = "第一段。\n改过的第二段。"
    article.save()
    changes = dict(first.diff(article.snapshot()))
    assert set(changes) == {"主题", "正文"}
    assert ("-", "旧标题") in changes["主题"]
    assert ("+", "新标题") in changes["主题"]
    assert ("-", "第二段。") in changes["正文"]
    assert ("+", "改过的第二段。") in changes["正文"]
    assert (" ", "第一段。") in changes["正文"]


def test_restore_brings_back_text_and_tags_as_a_new_revision():
    article = make_article(headline="原题", tags=["劳模"])
    original = article.save_revision()
    article.headline = "改题"
    article.save()
    article.tags.set(["工匠"])
    article.save_revision()
    restored = article.restore_revision(original)
    article.refresh_from_db()
    assert article.headline == "原题"
    assert [t.name for t in article.tags.all()] == ["劳模"]
    assert restored.number == 3
    assert restored.comment == "恢复至第1版"
    assert Revision.objects.filter(article=article).count() == 3


def test_correction_is_kept_in_history():
    article = make_article()
    article.add_correction("第二段中“16419人”应为“16491人”。")
    assert Correction.objects.filter(article=article).count() == 1
    original, revision = article.revisions.order_by("number")
    assert original.data["corrections"] == []
    assert revision.comment.startswith("更正：")
    assert revision.data["corrections"][0].endswith("应为“16491人”。")


def test_corrections_of_unpublished_articles_are_not_public():
    from articles.models import Article

    hidden = make_article(status=Article.Status.DRAFT)
    hidden.add_correction("不应公开")
    shown = make_article()
    shown.add_correction("公开的更正")
    assert [c.text for c in Correction.objects.published()] == ["公开的更正"]


def test_a_seed_article_keeps_its_loaded_text_as_revision_1_when_first_changed(seed):
    from articles.models import Article

    article = Article.objects.filter(revisions__isnull=True).order_by("pk").first()
    loaded = article.snapshot()
    article.add_correction("一处笔误。")
    original, correction = article.revisions.order_by("number")
    assert (original.number, original.comment, original.author) == (1, "原始稿件", None)
    assert original.data == loaded
    assert correction.number == 2


def test_keep_originals_writes_revision_1_once_and_only_where_none_is(seed):
    from articles.models import Article

    kept = make_article()
    kept.save_revision(None, "已有")
    bare = Article.objects.filter(revisions__isnull=True).count()
    assert Article.objects.keep_originals() == bare
    assert Article.objects.keep_originals() == 0
    assert kept.revisions.get().comment == "已有"
    assert not Article.objects.filter(revisions__isnull=True).exists()


def test_the_migration_gives_every_bare_article_its_revision_1(seed):
    import importlib

    from django.apps import apps

    from articles.models import Article

    migration = importlib.import_module("articles.migrations.0010_original_revisions")
    migration.original_revisions(apps, None)
    for article in Article.objects.all():
        original = article.revisions.get(number=1)
        # The migration's snapshot is the model's own, field for field (names, not codes).
        assert original.data == article.snapshot()
