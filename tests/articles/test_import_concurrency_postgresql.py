"""Two imports of one issue at once, and an import while an editor saves: nothing is lost.

Run only on PostgreSQL, reported as skipped on SQLite (see tests/conftest.py): SQLite has no
row locks, and writers there wait for each other whole. Each side runs in its own thread with
its own database connection; the test holds one side's transaction open until the other is
seen waiting for its lock.
"""

import threading
import time

import pytest
from django.db import connection, transaction
from django.test import Client

from articles.models import Article, Revision
from importing.plan import ImportRefused
from tests.articles.admin_helpers import change_url, post_data_from
from tests.articles.importing_helpers import (
    FIRST_HEADLINE,
    LAST_HEADLINE,
    article,
    job,
    page_with,
    run,
    seed_bytes,
)

pytestmark = pytest.mark.django_db(transaction=True)

CORRECTED = "全域式创新 领头雁带动 一贯制孵化成效显著"


def corrected_page():
    return page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}")


def someone_waits_for_a_lock():
    """Whether another connection is blocked on a row lock (polled for up to ten seconds)."""
    for _ in range(400):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.025)
    return False


def finishes_without_waiting(side):
    """Whether side ends without ever being blocked on a row lock (polled as above)."""
    for _ in range(400):
        if not side.is_alive():
            return True
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return False
        time.sleep(0.025)
    return False


class Side(threading.Thread):
    """One party, in a thread of its own, with its own connection; outcome kept for the test."""

    def __init__(self, work):
        super().__init__()
        self.work = work
        self.result = self.error = None

    def run(self):
        try:
            self.result = self.work()
        except Exception as error:  # noqa: BLE001 - handed to the test, which asserts on it
            self.error = error
        finally:
            connection.close()


def holding(work, ready, release):
    """work() inside a transaction that stays open (its locks held) until release is set."""

    def held():
        with transaction.atomic():
            result = work()
            ready.set()
            assert release.wait(20)
        return result

    return held


def test_a_second_import_of_the_same_issue_waits_then_is_refused_clearly(regions):
    run(seed_bytes())
    first, second = job(corrected_page()), job(corrected_page())
    expected = first.plan().signature()
    assert second.plan().signature() == expected  # both reviewed the same plan
    ready, release = threading.Event(), threading.Event()
    one = Side(holding(lambda: first.apply(expected), ready, release))
    two = Side(lambda: second.apply(expected))

    one.start()
    assert ready.wait(20)
    two.start()
    assert someone_waits_for_a_lock()  # the second waits on the issue's row lock
    release.set()
    one.join()
    two.join()

    assert one.error is None
    assert isinstance(two.error, ImportRefused)
    assert "预览之后数据库已有变化" in str(two.error)
    lead = article(CORRECTED)
    assert lead.version == 2  # updated once, not twice
    assert Revision.objects.filter(article=lead).count() == 2
    assert Article.objects.count() == 7


def test_an_import_waits_for_an_editors_save_and_keeps_the_editors_words(regions):
    run(seed_bytes())
    lead = article(FIRST_HEADLINE)
    reviewed = job(corrected_page())
    expected = reviewed.plan().signature()  # reviewed while the article was untouched
    ready, release = threading.Event(), threading.Event()

    def editor_saves():
        # What the admin's save does: lock the row, check and raise the version, save, record.
        editing = Article.objects.select_for_update().get(pk=lead.pk)
        editing.body = "编辑改写的正文。"
        editing.version += 1
        editing.save()
        editing.save_revision(comment="修改：正文")

    editor = Side(holding(editor_saves, ready, release))
    importer = Side(lambda: reviewed.apply(expected))

    editor.start()
    assert ready.wait(20)
    importer.start()
    assert someone_waits_for_a_lock()  # the import waits for the editor's row
    release.set()
    editor.join()
    importer.join()

    assert editor.error is None
    assert isinstance(importer.error, ImportRefused)  # the reviewed plan no longer holds
    lead.refresh_from_db()
    assert (lead.headline, lead.body) == (FIRST_HEADLINE, "编辑改写的正文。")
    # Reviewed again, the article is a conflict, and the import keeps the editor's words.
    again = run(corrected_page())
    assert [a.action for a in again.articles if a.article.pk == lead.pk] == ["conflict"]
    lead.refresh_from_db()
    assert lead.body == "编辑改写的正文。"


def test_an_editors_save_during_an_import_waits_and_is_refused_as_out_of_date(regions, admin_user):
    run(seed_bytes())
    lead = article(FIRST_HEADLINE)
    client = Client()
    client.force_login(admin_user)
    data = post_data_from(client.get(change_url(lead)))  # the editor's form, at version 1
    data["subheadline"] = "编辑加的副题"
    reviewed = job(corrected_page())
    expected = reviewed.plan().signature()
    ready, release = threading.Event(), threading.Event()
    importer = Side(holding(lambda: reviewed.apply(expected), ready, release))
    editor = Side(lambda: client.post(change_url(lead), data))

    importer.start()
    assert ready.wait(20)
    editor.start()
    assert someone_waits_for_a_lock()  # the editor's save waits for the import's row lock
    release.set()
    importer.join()
    editor.join()

    assert importer.error is None and editor.error is None
    response = editor.result
    assert response.status_code == 200  # the form again, with the editor's text in it
    assert "此稿件已被他人修改" in response.content.decode()
    assert "编辑加的副题" in response.content.decode()
    lead.refresh_from_db()
    assert (lead.headline, lead.subheadline, lead.version) == (
        CORRECTED,
        "湖州吴兴工会塑造人才培育新生态",
        2,
    )


def test_an_import_of_one_page_does_not_wait_for_an_editor_saving_on_another_page(regions):
    run((seed_bytes(), 2), (seed_bytes(), 3))
    on_page_3 = Article.objects.get(headline=LAST_HEADLINE, page__number=3)
    reviewed = job(corrected_page())  # 第2版 only
    expected = reviewed.plan().signature()
    ready, release = threading.Event(), threading.Event()

    def editor_saves():
        editing = Article.objects.select_for_update().get(pk=on_page_3.pk)
        editing.body = "编辑改写的正文。"
        editing.version += 1
        editing.save()

    editor = Side(holding(editor_saves, ready, release))
    importer = Side(lambda: reviewed.apply(expected))
    editor.start()
    assert ready.wait(20)
    importer.start()
    try:
        # The import locks the articles of the pages it reads (第2版), not the issue's others.
        assert finishes_without_waiting(importer)
    finally:
        release.set()
        importer.join()
        editor.join()

    assert importer.error is None and editor.error is None
    assert Article.objects.filter(headline=CORRECTED, page__number=2).exists()
    on_page_3.refresh_from_db()
    assert on_page_3.body == "编辑改写的正文。"


def test_a_correction_to_an_article_the_import_leaves_as_it_is_does_not_wait(regions):
    run(seed_bytes(), publish=True)  # the issue is out: corrections are added to it
    untouched = article(LAST_HEADLINE)
    assert untouched.is_published()
    reviewed = job(corrected_page())
    expected = reviewed.plan().signature()
    ready, release = threading.Event(), threading.Event()
    importer = Side(holding(lambda: reviewed.apply(expected), ready, release))
    corrector = Side(lambda: untouched.add_correction("更正：日期应为10月8日。"))
    importer.start()
    assert ready.wait(20)
    corrector.start()
    try:
        # The import's lock on the page's articles (FOR NO KEY UPDATE) lets others' rows that
        # refer to them (a correction and its revision) be written meanwhile.
        assert finishes_without_waiting(corrector)
    finally:
        release.set()
        corrector.join()
        importer.join()

    assert importer.error is None and corrector.error is None
    assert [c.text for c in untouched.corrections.all()] == ["更正：日期应为10月8日。"]
    # A published article is not rewritten by an import: the page's change is a conflict.
    assert [a.action for a in importer.result.articles][:2] == ["conflict", "unchanged"]
