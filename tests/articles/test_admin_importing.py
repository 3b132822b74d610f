"""导入新一期 in the admin: upload, preview with warnings, confirm or cancel."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Issue

pytestmark = pytest.mark.django_db

URL = "/admin/articles/issue/import/"
SEED_PAGE = "fixtures/pages/seed-page.txt"


def user_in(group):
    user = User.objects.create_user(f"{group}-user", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor_client(client, regions):
    client.force_login(user_in("编辑"))
    return client


def upload(client, *files, **fields):
    data = {"date": "2024-10-08", "number": "1", "page_names": "工会", **fields}
    data["files"] = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(URL, data)


def seed_bytes():
    return open(SEED_PAGE, "rb").read()


def test_preview_shows_the_parsed_issue_and_writes_nothing(editor_client):
    response = upload(editor_client, ("p1.txt", seed_bytes()))
    assert response.status_code == 200
    body = response.content.decode()
    assert "全域式创新 领头雁带动 一贯制孵化" in body
    assert "寿慧桢 → 记者" in body
    assert "养老护理员、网" in body  # the cut-off warning is shown
    assert Article.objects.count() == 0
    assert Issue.objects.count() == 0


def test_confirm_creates_the_drafts_previewed(editor_client):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    token = preview.context["token"]
    response = editor_client.post(URL, {"action": "confirm", "token": token})
    issue = Issue.objects.get(date="2024-10-08")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_issue_change", args=[issue.pk])
    assert Article.objects.filter(issue=issue, status=Article.Status.DRAFT).count() == 7
    assert Article.objects.filter(created_by__username="编辑-user").count() == 7


def test_cancel_writes_nothing_and_the_token_cannot_be_reused(editor_client):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    token = preview.context["token"]
    editor_client.post(URL, {"action": "cancel", "token": token})
    editor_client.post(URL, {"action": "confirm", "token": token})
    assert Article.objects.count() == 0


def test_bad_file_is_a_form_error_naming_the_file(editor_client):
    response = upload(editor_client, ("p1.txt", seed_bytes()), ("p2.txt", b"\x00\x01\x02"))
    assert response.status_code == 200
    assert "p2.txt" in response.context["form"].errors["files"][0]
    assert Issue.objects.count() == 0


def test_contributors_cannot_import(client, regions):
    client.force_login(user_in("通讯员/记者"))
    assert client.get(URL).status_code == 403
    response = client.post(
        URL,
        {"date": "2024-10-08", "files": [SimpleUploadedFile("p1.txt", seed_bytes())]},
    )
    assert response.status_code == 403
    assert Issue.objects.count() == 0


def test_issue_list_links_to_the_import_for_editors(editor_client):
    response = editor_client.get(reverse("admin:articles_issue_changelist"))
    assert URL in response.content.decode()
