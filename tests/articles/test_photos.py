"""Photos from editors: uploaded in the article's admin, checked, kept private, rendered for
readers; alt text required to publish; the originals moved out of public media by 0009."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.urls import reverse

from articles.models import Article, Photo
from photos.storage import ORIGINALS
from tests.articles.admin_helpers import (
    CONTRIBUTORS,
    change_url,
    client_for,
    form_errors,
    make_user,
    messages_of,
    post_data_from,
    run_action,
    transition_url,
)
from tests.conftest import make_article
from tests.photos.images import has_gps, image_bytes, upload

pytestmark = pytest.mark.django_db

S = Article.Status


def public_files(media_dirs):
    return sorted(p for p in (media_dirs / "media").rglob("*") if p.is_file())


def private_files(media_dirs):
    return sorted(p for p in (media_dirs / "private").rglob("*") if p.is_file())


def original_url(photo):
    return reverse("admin:articles_article_photo_original", args=[photo.article_id, photo.pk])


# Uploading in the article's admin


def upload_in_admin(client, article, file, **fields):
    data = post_data_from(client.get(change_url(article)))
    data.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-0-position": "1",
            "photos-0-caption": fields.get("caption", "比赛现场。"),
            "photos-0-alt": fields.get("alt", "选手在车床前加工零件"),
            "photos-0-image": file,
        }
    )
    return client.post(change_url(article), data)


def test_an_editor_uploads_a_photo_with_caption_and_alt_in_the_article_form(editor, media_dirs):
    article = make_article(status=S.DRAFT, created_by=editor)
    client = client_for(editor)

    response = upload_in_admin(client, article, upload("IMG_0001.JPG", gps=True))

    assert response.status_code == 302, form_errors(response)
    photo = article.photos.get()
    assert (photo.caption, photo.alt, photo.width, photo.height) == (
        "比赛现场。",
        "选手在车床前加工零件",
        1600,
        1000,
    )
    # The original, as uploaded, in the private storage under its content's name.
    assert photo.image.name.startswith("photos/originals/")
    assert photo.image.name.endswith(".jpg")
    assert private_files(media_dirs) == [media_dirs / "private" / photo.image.name]
    # Six renditions in public media, none with the GPS position the camera wrote.
    files = public_files(media_dirs)
    assert len(files) == 6
    assert not any(has_gps(path.read_bytes()) for path in files)
    assert has_gps(storages[ORIGINALS].open(photo.image.name).read())


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(editor, media_dirs):
    article = make_article(status=S.DRAFT, created_by=editor)

    response = upload_in_admin(
        client_for(editor), article, upload("photo.jpg", data=b"%PDF-1.7 not a photo")
    )

    assert response.status_code == 200
    assert "无法识别的图片文件" in str(form_errors(response))
    assert not article.photos.exists()
    assert public_files(media_dirs) == private_files(media_dirs) == []


def test_an_image_over_the_size_limit_is_refused_beside_the_field(editor, media_dirs, settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    article = make_article(status=S.DRAFT, created_by=editor)

    response = upload_in_admin(client_for(editor), article, upload(size=(600, 400)))

    assert "图片文件过大" in str(form_errors(response))
    assert not article.photos.exists()


def test_the_form_shows_a_rendition_and_a_link_to_the_original_not_its_path(editor, media_dirs):
    article = make_article(status=S.DRAFT, created_by=editor)
    photo = Photo.objects.create(article=article, alt="图", image=upload())

    html = client_for(editor).get(change_url(article)).content.decode()

    assert f'<a href="{original_url(photo)}">查看原图</a>' in html
    assert '<img src="/media/photos/renditions/' in html
    assert photo.image.name not in html


def test_the_photo_inline_shows_the_photos_credits(editor, media_dirs):
    article = make_article(status=S.DRAFT, created_by=editor, reporters=[("杨磊", "通讯员")])
    photo = Photo.objects.create(article=article, caption="现场")
    article.bylines.update(photo=photo)

    html = client_for(editor).get(change_url(article)).content.decode()

    assert "通讯员 杨磊 摄" in html


def test_replacing_a_photo_keeps_the_first_original(editor, media_dirs):
    article = make_article(status=S.DRAFT, created_by=editor)
    photo = Photo.objects.create(article=article, alt="图", image=upload())
    first = photo.image.name

    photo.image = upload(size=(800, 600))
    photo.save()

    assert photo.image.name != first
    assert storages[ORIGINALS].exists(first)
    assert (photo.width, photo.height) == (800, 600)


def test_the_same_photo_uploaded_twice_is_stored_once(media_dirs):
    data = image_bytes()
    first = Photo.objects.create(article=make_article(), image=upload(data=data), alt="图")
    second = Photo.objects.create(article=make_article(), image=upload(data=data), alt="图")

    assert first.image.name == second.image.name
    assert len(private_files(media_dirs)) == 1


def test_a_photo_saved_from_code_is_checked_too(media_dirs):
    with pytest.raises(ValidationError, match="无法识别"):
        Photo.objects.create(article=make_article(), image=upload(data=b"not an image"))

    assert private_files(media_dirs) == []


# The original: editors only


def test_an_editor_gets_the_original_never_cached(editor, media_dirs):
    article = make_article(status=S.DRAFT, created_by=editor)
    data = image_bytes(gps=True)
    photo = Photo.objects.create(article=article, image=upload(data=data))

    response = client_for(editor).get(original_url(photo))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_reader_cannot_reach_the_original(client, media_dirs):
    photo = Photo.objects.create(article=make_article(), alt="图", image=upload())

    response = client.get(original_url(photo))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    with pytest.raises(ValueError):
        photo.image.url  # noqa: B018 - no public URL exists to give out


def test_a_contributor_cannot_see_the_original_of_someone_elses_draft(editor, media_dirs):
    article = make_article(status=S.DRAFT, created_by=editor)
    photo = Photo.objects.create(article=article, image=upload())
    contributor = make_user(CONTRIBUTORS, "someone")

    assert client_for(contributor).get(original_url(photo)).status_code == 403


def test_a_photo_id_of_another_article_is_404(editor, media_dirs):
    mine = make_article(status=S.DRAFT, created_by=editor)
    other = Photo.objects.create(article=make_article(), image=upload(), alt="图")

    url = reverse("admin:articles_article_photo_original", args=[mine.pk, other.pk])

    assert client_for(editor).get(url).status_code == 404


# Alt text before publishing: the workflow's one check


def test_an_article_whose_photo_lacks_alt_text_is_not_published(editor, media_dirs):
    article = make_article(status=S.APPROVED, headline="技能比武")
    Photo.objects.create(article=article, image=upload(), alt="  ")

    with pytest.raises(ValidationError, match="《技能比武》的图片缺少替代文字") as error:
        article.transition(S.PUBLISHED, editor)

    assert error.value.code == "alt_text"
    assert Article.objects.get(pk=article.pk).status == S.APPROVED
    with pytest.raises(ValidationError):
        article.transition(S.SCHEDULED, editor, publish_at=article.created_at.replace(year=2999))


def test_with_alt_text_the_article_is_published(editor, media_dirs):
    article = make_article(status=S.APPROVED)
    Photo.objects.create(article=article, image=upload(), alt="选手在车床前加工零件")

    article.transition(S.PUBLISHED, editor)

    assert Article.objects.published().filter(pk=article.pk).exists()


def test_a_caption_without_an_upload_needs_no_alt_text(editor):
    article = make_article(status=S.APPROVED)
    Photo.objects.create(article=article, caption="独轮车支前项目比赛场景。")

    article.transition(S.PUBLISHED, editor)

    assert Article.objects.get(pk=article.pk).status == S.PUBLISHED


def test_the_admins_publish_button_says_why_it_refused(editor, media_dirs):
    article = make_article(status=S.APPROVED, headline="技能比武")
    Photo.objects.create(article=article, image=upload())

    response = client_for(editor).post(transition_url(article), {"to_status": S.PUBLISHED})

    assert any("替代文字" in message for message in messages_of(response))
    assert Article.objects.get(pk=article.pk).status == S.APPROVED


def test_bulk_publishing_refuses_the_whole_selection_and_names_the_article(editor, media_dirs):
    ready = make_article(status=S.APPROVED)
    lacking = make_article(status=S.APPROVED, headline="缺少替代文字的稿件")
    Photo.objects.create(article=lacking, image=upload())

    response = run_action(client_for(editor), "publish_selected", [ready, lacking])

    assert any("《缺少替代文字的稿件》" in message for message in messages_of(response))
    assert not Article.objects.filter(status=S.PUBLISHED).exists()


def test_an_issue_is_not_published_while_a_photo_lacks_alt_text(chief, media_dirs):
    article = make_article(status=S.APPROVED)
    make_article(page=article.page, position=2, status=S.APPROVED)
    Photo.objects.create(article=article, image=upload())

    with pytest.raises(ValidationError, match="替代文字"):
        article.issue.publish(chief)

    assert not Article.objects.filter(status=S.PUBLISHED).exists()


# History and re-import


def test_alt_text_is_kept_in_the_revisions(media_dirs):
    article = make_article(status=S.DRAFT)
    Photo.objects.create(article=article, caption="现场", image=upload(), alt="选手在加工零件")

    snapshot = article.snapshot()

    assert snapshot["photo_alts"] == ["选手在加工零件"]
    assert len(snapshot["photo_files"]) == 1


def test_a_snapshot_without_alt_text_is_as_before(db):
    article = make_article(status=S.DRAFT)
    Photo.objects.create(article=article, caption="现场")

    assert "photo_alts" not in article.snapshot()


# The migration that made originals private


def test_0009_moves_a_public_original_out_of_media_without_losing_it(media_dirs):
    migration = importlib.import_module("articles.migrations.0009_photo_alt_private_original")
    data = image_bytes(size=(900, 600), gps=True)
    old = default_storage.save("photos/2024/10/match.jpg", ContentFile(data))
    broken = default_storage.save("photos/2024/10/broken.jpg", ContentFile(b"not an image"))
    photo = Photo.objects.create(article=make_article(), caption="现场")
    other = Photo.objects.create(article=make_article(), caption="坏文件")
    Photo.objects.filter(pk=photo.pk).update(image=old)
    Photo.objects.filter(pk=other.pk).update(image=broken)

    migration.move_originals_out_of_public_media(apps, None)
    migration.move_originals_out_of_public_media(apps, None)  # a second run changes nothing

    photo.refresh_from_db()
    other.refresh_from_db()
    assert not default_storage.exists(old) and not default_storage.exists(broken)
    assert storages[ORIGINALS].open(photo.image.name).read() == data
    assert (photo.width, photo.height) == (900, 600)
    assert storages[ORIGINALS].open(other.image.name).read() == b"not an image"
    assert other.width is None and other.picture is None
    renditions = [p for p in public_files(media_dirs) if "renditions" in str(p)]
    assert len(renditions) == 6
    assert not any(has_gps(p.read_bytes()) for p in renditions)
