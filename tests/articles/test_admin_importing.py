"""导入新一期 in the admin: upload, review the merge as cards, confirm or cancel.

The uploads wait in a private temporary directory (never the session, never MEDIA_ROOT); what is
confirmed is exactly what was previewed, or nothing is written.
"""

import os
import stat
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Issue
from importing import uploads
from importing.views import MAX_FILES, SESSION_KEY
from tests.articles.admin_helpers import (
    CHIEFS,
    CONTRIBUTORS,
    EDITORS,
    client_for,
    make_user,
    messages_of,
)
from tests.articles.importing_helpers import (
    FIRST_HEADLINE,
    LAST_HEADLINE,
    article,
    command,
    found,
    page_with,
    page_without_last_article,
    seed_bytes,
)

pytestmark = pytest.mark.django_db

URL = "/admin/articles/issue/import/"
CORRECTED = "全域式创新 领头雁带动 一贯制孵化成效显著"


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    return tmp_path / "uploads"


@pytest.fixture
def editor(regions):
    return make_user(EDITORS, "editor")


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


def upload(client, *files, **fields):
    data = {"date": "2024-10-08", "number": "1", **fields}
    data["files"] = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(URL, data)


def choices(preview, **changes):
    """What the preview page posts back untouched, with changes: token, rows, options."""
    context = preview.context
    data = {"token": context["token"], "number": context["choices"]["number"].value() or ""}
    management = context["management_form"]
    for field in management:
        data[field.html_name] = field.value()
    for row, _page, _by_header in context["rows"]:
        data[row["number"].html_name] = str(row["number"].value())
        data[row["name"].html_name] = row["name"].value() or ""
    for item in context["plan"].articles:
        if item.action == "replaced":
            data.setdefault("replace", []).append(str(item.article.pk))
    for box in ("renumber", "delete_missing"):
        if context["choices"][box].value():
            data[box] = "on"
    data.update(changes)
    return data


def post(client, preview, action, **changes):
    return client.post(URL, {**choices(preview, **changes), "action": action})


def stored_uploads(upload_dir):
    return sorted(upload_dir.iterdir()) if upload_dir.exists() else []


# Upload and preview.


def test_preview_shows_cards_with_rows_per_file_and_writes_nothing(editor_client):
    response = upload(editor_client, ("p1.txt", seed_bytes()))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('class="import-card import-new"') == 7
    assert "全域式创新 领头雁带动 一贯制孵化" in body
    assert "记者 寿慧桢" in body
    assert 'name="pages-0-number"' in body and 'name="pages-0-name"' in body
    assert "将会新建 7 篇，不变 0 篇" in body
    assert "import_issue" not in body and "--" not in response.context["plan"].summary_line()
    assert "命令" not in body
    assert Article.objects.count() == 0
    assert Issue.objects.count() == 0


def test_warnings_stand_in_the_card_they_concern(editor_client):
    response = upload(editor_client, ("p1.txt", seed_bytes()))
    plan = response.context["plan"]
    [cut_off] = [a for a in plan.articles if a.headline == "立足小窗口 赛出新水平"]
    assert any("养老护理员、网" in w.message for w in cut_off.warnings)
    body = response.content.decode()
    card = body[body.index("立足小窗口 赛出新水平") :]
    card = card[: card.index("</li>\n      \n        <li")]
    assert "养老护理员、网" in card


def test_a_warning_shows_every_line_of_the_text_no_article_took(editor_client):
    page = (
        "上接第一版 职工们说起这次技能比武  \n还有许多话没有说完，县总工会将继续跟进。\n\n"
        "千名工匠同台竞技\n\n本报讯 近日，全县职工技能大赛举行。\n"
    )
    response = upload(editor_client, ("p1.txt", page.encode()))
    body = response.content.decode()
    warning = body[body.index('<ul class="import-warnings">') :]
    warning = warning[: warning.index("</ul>")]
    assert "版面开头的“上接第一版 职工们说……”不属于任何稿件（可能是转版文字），未导入" in warning
    assert (
        "<pre>上接第一版 职工们说起这次技能比武\n还有许多话没有说完，县总工会将继续跟进。</pre>"
        in warning
    )
    assert Article.objects.count() == 0


def test_confirm_buttons_are_styled_like_the_admins(editor_client):
    body = upload(editor_client, ("p1.txt", seed_bytes())).content.decode()
    assert 'class="button default">确认导入</button>' in body
    assert 'class="button cancel-link">取消</button>' in body
    assert "admin/articles/import." in body  # the stylesheet (its name carries a hash)


def test_each_file_gets_its_page_number_and_name_before_confirming(editor_client):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    assert preview.context["plan"].pages[0].number == 1  # no header: its position

    again = post(
        editor_client, preview, "preview", **{"pages-0-number": "2", "pages-0-name": "工会"}
    )
    assert [(p.number, p.name) for p in again.context["plan"].pages] == [(2, "工会")]

    response = post(editor_client, again, "confirm")
    assert response.status_code == 302
    page = Issue.objects.get(date="2024-10-08").pages.get()
    assert (page.number, page.name) == (2, "工会")
    assert page.articles.count() == 7


def test_confirm_creates_the_drafts_previewed(editor_client, editor):
    preview = upload(editor_client, ("p1.txt", seed_bytes()), number="")  # the next number
    response = post(editor_client, preview, "confirm")
    issue = Issue.objects.get(date="2024-10-08")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_issue_change", args=[issue.pk])
    assert issue.number == 1
    assert Article.objects.filter(issue=issue, status=Article.Status.DRAFT).count() == 7
    assert Article.objects.filter(created_by=editor, origin=Article.Origin.IMPORT).count() == 7
    assert FIRST_HEADLINE in found("寿慧桢") and FIRST_HEADLINE in found("吴兴")
    assert any("新建 7 篇" in m for m in messages_of(response))


def test_cancel_writes_nothing_and_the_token_cannot_be_reused(editor_client, upload_dir):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    assert len(stored_uploads(upload_dir)) == 1
    post(editor_client, preview, "cancel")
    assert stored_uploads(upload_dir) == []
    response = post(editor_client, preview, "confirm")
    assert response.status_code == 302
    assert Article.objects.count() == 0


def test_bad_file_is_a_form_error_naming_the_file(editor_client, upload_dir):
    response = upload(editor_client, ("p1.txt", seed_bytes()), ("p2.txt", b"\x00\x01\x02"))
    assert response.status_code == 200
    assert "p2.txt" in response.context["form"].errors["files"][0]
    assert Issue.objects.count() == 0
    assert stored_uploads(upload_dir) == []


def test_contributors_cannot_import(client, regions):
    client.force_login(make_user(CONTRIBUTORS, "contributor"))
    assert client.get(URL).status_code == 403
    response = upload(client, ("p1.txt", seed_bytes()))
    assert response.status_code == 403
    assert Issue.objects.count() == 0


def test_issue_list_links_to_the_import_for_editors(editor_client):
    response = editor_client.get(reverse("admin:articles_issue_changelist"))
    assert URL in response.content.decode()


# Where the upload waits.


def test_the_upload_waits_in_a_private_directory_and_the_session_holds_only_its_token(
    editor_client, upload_dir, settings
):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    [directory] = stored_uploads(upload_dir)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in directory.iterdir())
    assert editor_client.session[SESSION_KEY] == preview.context["token"] == directory.name
    assert len(editor_client.session.encode(dict(editor_client.session.items()))) < 1000
    assert not str(directory).startswith(str(settings.MEDIA_ROOT))


def test_a_stored_file_changed_after_the_preview_is_never_written(editor_client, upload_dir):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    [directory] = stored_uploads(upload_dir)
    [page] = directory.glob("page-*.txt")
    page.write_bytes(page_with(FIRST_HEADLINE, "被人改过的标题"))

    response = post(editor_client, preview, "confirm")

    assert response.status_code == 302
    assert any("已过期或已处理" in m for m in messages_of(response))
    assert Article.objects.count() == 0


def test_another_user_cannot_confirm_my_upload(editor_client, regions):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    other = client_for(make_user(CHIEFS, "chief"))
    other.post(URL, {**choices(preview), "action": "confirm"})
    session = other.session
    session[SESSION_KEY] = preview.context["token"]  # even with the token in their session
    session.save()
    other.post(URL, {**choices(preview), "action": "confirm"})
    assert Article.objects.count() == 0


def test_expired_uploads_are_swept_and_refused(editor_client, upload_dir):
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    [directory] = stored_uploads(upload_dir)
    old = time.time() - uploads.MAX_AGE - 60
    os.utime(directory, (old, old))

    response = post(editor_client, preview, "confirm")

    assert any("已过期或已处理" in m for m in messages_of(response))
    assert stored_uploads(upload_dir) == []
    assert Article.objects.count() == 0


# Bounds: refused before the upload is read or kept.


def test_too_many_files_are_refused_before_they_are_kept(editor_client, upload_dir):
    files = [(f"p{n}.txt", seed_bytes()[:200]) for n in range(MAX_FILES + 1)]
    response = upload(editor_client, *files)
    assert response.status_code == 413
    assert f"一次最多上传 {MAX_FILES} 个文件" in response.content.decode()
    assert stored_uploads(upload_dir) == []


def test_an_upload_larger_than_an_issue_is_refused_from_its_length(
    editor_client, upload_dir, settings
):
    settings.IMPORT_MAX_UPLOAD_BYTES = 8 * 1024 * 1024  # page PDFs allow far more by default
    files = [(f"p{n}.txt", b"a" * 1_900_000) for n in range(5)]  # 9.5 MB
    response = upload(editor_client, *files)
    assert response.status_code == 413
    assert "合计超过 8 MB" in response.content.decode()
    assert not response.wsgi_request._read_started  # answered without reading the body
    assert stored_uploads(upload_dir) == []


def test_an_upload_passing_the_total_while_read_is_cut_off(editor_client, upload_dir):
    # Within the request's allowance for form fields, but more page bytes than an issue has.
    files = [(f"p{n}.txt", b"a" * 1_680_000) for n in range(5)]
    response = upload(editor_client, *files)
    assert response.status_code == 413
    assert "合计超过 8 MB" in response.content.decode()
    assert stored_uploads(upload_dir) == []


def test_one_file_over_2_mb_is_refused(editor_client, upload_dir):
    response = upload(editor_client, ("p1.txt", b"a" * 2_200_000))
    assert "p1.txt 超过 2 MB" in response.content.decode()
    assert stored_uploads(upload_dir) == []


# The merge, as the admin shows it.


def test_a_conflict_is_shown_field_by_field_and_replaced_only_when_ticked(editor_client, regions):
    command("--publish")
    lead = article(FIRST_HEADLINE)
    corrected = page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}")

    preview = upload(editor_client, ("p2.txt", corrected), number="1")
    preview = post(editor_client, preview, "preview", **{"pages-0-number": "2"})
    body = preview.content.decode()
    assert 'class="import-card import-conflict"' in body
    assert f'name="replace" value="{lead.pk}"' in body
    assert '<th scope="row">主题</th>' in body and CORRECTED in body

    # Ticking the box and confirming at once shows the new plan first: nothing written yet.
    ticked = post(editor_client, preview, "confirm", replace=[str(lead.pk)])
    assert ticked.status_code == 200
    assert any("选项有改动" in m for m in messages_of(ticked))
    lead.refresh_from_db()
    assert (lead.headline, lead.version) == (FIRST_HEADLINE, 1)
    assert 'class="import-card import-replaced"' in ticked.content.decode()

    done = post(editor_client, ticked, "confirm")
    assert done.status_code == 302
    lead.refresh_from_db()
    assert (lead.headline, lead.version, lead.status) == (CORRECTED, 2, Article.Status.PUBLISHED)
    assert lead.revisions.order_by("-number").first().comment.startswith("导入替换")


def test_articles_no_longer_on_the_page_are_deleted_only_when_chosen(editor_client, regions):
    command()
    last = article(LAST_HEADLINE)
    preview = upload(editor_client, ("p2.txt", page_without_last_article()))
    preview = post(editor_client, preview, "preview", **{"pages-0-number": "2"})
    assert "不再见于版面，保留" in preview.content.decode()

    chosen = post(editor_client, preview, "preview", delete_missing="on")
    assert "不再见于版面，删除" in chosen.content.decode()
    done = post(editor_client, chosen, "confirm")
    assert done.status_code == 302
    assert not Article.objects.filter(pk=last.pk).exists()
    assert any(f"已删除《{LAST_HEADLINE}》" in m for m in messages_of(done))


def test_a_database_change_after_the_preview_shows_the_new_plan_instead(editor_client, regions):
    command()
    preview = upload(editor_client, ("p2.txt", page_with(f"# {FIRST_HEADLINE}", f"# {CORRECTED}")))
    preview = post(editor_client, preview, "preview", **{"pages-0-number": "2"})
    assert [a.action for a in preview.context["plan"].articles][0] == "updated"
    # An editor corrects the article meanwhile.
    Article.objects.filter(headline=FIRST_HEADLINE).update(body="编辑改写的正文。")

    response = post(editor_client, preview, "confirm")

    assert response.status_code == 200
    assert any("预览之后数据库已有变化" in m for m in messages_of(response))
    assert [a.action for a in response.context["plan"].articles][0] == "conflict"
    assert article(FIRST_HEADLINE).body == "编辑改写的正文。"
    # The new plan, confirmed, is written as shown: the editor's article is kept.
    assert post(editor_client, response, "confirm").status_code == 302
    assert article(FIRST_HEADLINE).body == "编辑改写的正文。"


def test_an_existing_issue_keeps_its_number_unless_renumbering_is_ticked(editor_client, regions):
    command()
    preview = upload(editor_client, ("p2.txt", seed_bytes()), number="3")
    body = preview.content.decode()
    assert "已是第1期，本次要求第3期" in body and "确认导入</button>" not in body
    assert 'name="renumber"' in body
    assert preview.context["choices"]["number"].value() == 3  # what was asked stays asked

    ticked = post(editor_client, preview, "preview", renumber="on", **{"pages-0-number": "2"})
    assert "期号将由第1期改为第3期" in ticked.content.decode()
    assert post(editor_client, ticked, "confirm").status_code == 302
    assert Issue.objects.get(date="2024-10-08").number == 3


def test_an_issue_number_clash_is_shown_and_nothing_can_be_confirmed(editor_client, regions):
    Issue.objects.create(date="2024-10-07", number=1)
    preview = upload(editor_client, ("p1.txt", seed_bytes()))
    body = preview.content.decode()
    assert "期号 1 已属于 2024-10-07 的报纸" in body
    assert "确认导入</button>" not in body
    post(editor_client, preview, "confirm")
    assert Article.objects.count() == 0


def test_the_upload_still_needs_its_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    form_page = client.get(URL)
    token = form_page.cookies["csrftoken"].value
    files = [SimpleUploadedFile("p1.txt", seed_bytes())]
    refused = client.post(URL, {"date": "2024-10-08", "files": files})
    assert refused.status_code == 403
    files = [SimpleUploadedFile("p1.txt", seed_bytes())]
    data = {"date": "2024-10-08", "files": files, "csrfmiddlewaretoken": token}
    assert client.post(URL, data).status_code == 200
