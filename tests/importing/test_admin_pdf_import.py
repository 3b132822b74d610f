"""导入新一期 with page PDFs: read by a background task (django-tasks, its database backend,
run here by `db_worker --batch` as `make run` runs it), reviewed with the page images and their
zones, stored by a second task after the merge; bad PDFs refused with nothing written."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker

from articles.models import Article, Issue, Page
from epaper.models import PagePdf, PageRendition, Zone
from importing import pdf_pages
from tests.articles.admin_helpers import EDITORS, client_for, make_user, messages_of
from tests.epaper import bad_pdfs

from .conftest import stored_files

pytestmark = pytest.mark.django_db

URL = "/admin/articles/issue/import/"


@pytest.fixture
def editor_client(regions):
    return client_for(make_user(EDITORS, "editor"))


def upload(client, *paths, **fields):
    data = {"date": "2024-10-08", "number": "1", **fields}
    data["files"] = [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths]
    return client.post(URL, data)


def work():
    """What the worker beside the site does: run every task waiting in the queue.

    Its check for stale connections closes one found inside a transaction, which here is the
    test's own: kept from running, as Django's test client keeps it from running on requests.
    """
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def choices(preview, action):
    context = preview.context
    data = {
        "token": context["token"],
        "action": action,
        "number": context["choices"]["number"].value() or "",
        **{key: value for key, value in context["management_form"].initial.items()},
    }
    data = {**data, **{f"pages-{key}": value for key, value in data.items() if key.isupper()}}
    for n, (row, _, _) in enumerate(context["rows"]):
        data[f"pages-{n}-number"] = row["number"].value()
        data[f"pages-{n}-name"] = row["name"].value() or ""
    return data


def written():
    return [m.objects.count() for m in (Issue, Page, Article, PagePdf, PageRendition, Zone)]


def reviewed(client, seed_pdf):
    before = written()
    response = upload(client, seed_pdf)
    assert response.status_code == 302 and response["Location"].endswith("?progress=1")
    waiting = client.get(URL + "?progress=1")
    assert "正在后台读取各版 PDF" in waiting.content.decode()
    assert 'http-equiv="refresh"' in waiting.content.decode()
    assert written() == before  # nothing before the review
    work()
    return client.get(URL + "?progress=1")


def test_the_review_shows_the_page_image_with_zones_numbered_like_the_cards(
    editor_client, seed_pdf
):
    preview = reviewed(editor_client, seed_pdf)

    body = preview.content.decode()
    assert "将会新建 7 篇" in body
    assert '<img src="?image=0"' in body
    zones = preview.context["plan"].pages[0].pdf.zones
    assert [position for position, _ in zones] == [1, 2, 3, 4, 5, 6, 7]
    for position in range(1, 8):
        assert f'data-position="{position}"' in body
        assert f"第{position}篇" in body
    image = editor_client.get(URL + "?image=0")
    assert image["Content-Type"] == "image/jpeg" and image.content[:3] == b"\xff\xd8\xff"
    assert "no-store" in image["Cache-Control"]
    assert written() == [0, 0, 0, 0, 0, 0]


def test_another_user_never_gets_the_page_image(editor_client, seed_pdf, regions):
    reviewed(editor_client, seed_pdf)
    other = client_for(make_user(EDITORS, "other"))
    assert other.get(URL + "?image=0").status_code == 404


def test_confirming_writes_the_articles_then_a_task_stores_the_pages(editor_client, seed_pdf):
    preview = reviewed(editor_client, seed_pdf)

    confirmed = editor_client.post(URL, choices(preview, "confirm"))

    assert confirmed["Location"].endswith("?progress=1")
    assert Article.objects.count() == 7 and PagePdf.objects.count() == 0
    work()
    done = editor_client.get(URL + "?progress=1")
    issue = Issue.objects.get()
    assert done["Location"] == f"/admin/articles/issue/{issue.pk}/change/"
    page_pdf = PagePdf.objects.get()
    assert page_pdf.zones.count() == 7 and page_pdf.renditions.count() == 6
    assert Article.objects.get(position=6).photos.get().image


def test_a_confirmation_posted_again_while_the_pages_are_stored_writes_nothing_twice(
    editor_client, seed_pdf
):
    preview = reviewed(editor_client, seed_pdf)
    editor_client.post(URL, choices(preview, "confirm"))

    again = editor_client.post(URL, choices(preview, "confirm"))

    assert again["Location"].endswith("?progress=1")
    assert Article.objects.count() == 7
    assert "正在后台保存" in editor_client.get(URL + "?progress=1").content.decode()


def test_the_review_of_a_page_imported_before_links_to_its_zones_to_correct(
    editor_client, seed_pdf
):
    call_command("import_issue", str(seed_pdf), "--date", "2024-10-08", "--number", "1")

    preview = reviewed(editor_client, seed_pdf)

    assert f"/admin/epaper/pagepdf/{PagePdf.objects.get().pk}/change/" in preview.content.decode()


def test_a_storing_task_that_dies_leaves_nothing_half_written_and_runs_again(
    editor_client, seed_pdf, monkeypatch, storage
):
    preview = reviewed(editor_client, seed_pdf)
    editor_client.post(URL, choices(preview, "confirm"))

    def dies(*args):
        raise RuntimeError("the worker died")

    # Inside the page's transaction, after its PDF, images, zones and photos are written.
    monkeypatch.setattr(pdf_pages, "give_photos", dies)
    work()

    assert [PagePdf.objects.count(), PageRendition.objects.count(), Zone.objects.count()] == [
        0,
        0,
        0,
    ]
    assert [f for f in stored_files(storage / "media") if f.startswith("epaper/")] == []
    failed = editor_client.get(URL + "?progress=1")
    assert "后台任务中断了" in failed.content.decode()

    monkeypatch.undo()
    retried = editor_client.post(URL, {"token": failed.context["token"], "action": "retry"})
    assert retried["Location"].endswith("?progress=1")
    work()
    editor_client.get(URL + "?progress=1")
    assert PagePdf.objects.get().zones.count() == 7
    assert Article.objects.count() == 7  # the articles were written once


def bad_pdf(kind, directory, seed_pdf):
    path = directory / "p02.pdf"
    {
        "encrypted": bad_pdfs.encrypted,
        "no pages": bad_pdfs.no_pages,
        "two pages": bad_pdfs.two_pages,
    }.get(kind, lambda p: None)(path)
    if kind == "damaged":
        bad_pdfs.garbled(path, seed_pdf)
    if kind == "not a pdf":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    return path


@pytest.mark.parametrize(
    "kind, said",
    [
        ("encrypted", "加密"),
        ("damaged", "损坏"),
        ("not a pdf", "PNG 图片，不是 PDF"),
        ("no pages", "没有页面"),
        ("two pages", "2 页"),
    ],
)
def test_a_bad_pdf_is_named_and_nothing_is_written(
    kind, said, editor_client, seed_pdf, tmp_path, settings
):
    path = bad_pdf(kind, tmp_path, seed_pdf)
    upload(editor_client, seed_pdf, path)
    work()

    refused = editor_client.get(URL + "?progress=1")

    assert refused["Location"] == URL
    [message] = messages_of(refused)
    assert "p02.pdf" in message and said in message and "没有写入任何内容" in message
    assert written() == [0, 0, 0, 0, 0, 0]
    assert list((tmp_path / "uploads").iterdir()) == []  # the upload went too


def test_a_pdf_past_the_limit_is_refused_while_it_is_read(editor_client, tmp_path, settings):
    settings.IMPORT_MAX_PDF_BYTES = 1024 * 1024
    path = tmp_path / "p02.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024))

    refused = upload(editor_client, path)

    assert refused.status_code == 413
    assert "p02.pdf 超过 1 MB" in refused.content.decode()
    assert written() == [0, 0, 0, 0, 0, 0]
    assert list((tmp_path / "uploads").iterdir()) == []


def test_a_scan_is_reviewed_as_a_page_with_no_articles_and_a_warning(editor_client, tmp_path):
    path = tmp_path / "p03.pdf"
    bad_pdfs.scanned(path)

    preview = reviewed(editor_client, path)

    assert "没有文字层" in preview.content.decode()
    assert preview.context["plan"].articles == []
