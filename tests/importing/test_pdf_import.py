"""import_issue with page PDFs: the same parser, review and merge as text pages; then each
page's PDF, 版面图, zones and photos stored; bad PDFs refused with nothing written."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Byline, Issue, Page, Photo
from epaper.models import PagePdf, PagePhoto, PageRendition, Zone
from tests.epaper import bad_pdfs

from .conftest import stored_files

pytestmark = pytest.mark.django_db

SEED_FIXTURE = "fixtures/seed_issue.json"


def import_pdfs(*paths, capsys=None, extra=()):
    call_command("import_issue", *map(str, paths), "--date", "2024-10-08", "--number", "1", *extra)


def written_rows():
    return [m.objects.count() for m in (Issue, Page, Article, PagePdf, PageRendition, Zone)]


def seed_articles():
    rows = json.loads(open(SEED_FIXTURE, encoding="utf-8").read())
    return sorted(
        (r["fields"] for r in rows if r["model"] == "articles.article"),
        key=lambda f: f["position"],
    )


def test_the_seed_pdf_imports_as_exactly_the_seed_issue(seed_pdf, regions, capsys):
    import_pdfs(seed_pdf)

    page = Page.objects.get()
    assert (page.number, page.name) == (2, "工会")
    articles = list(Article.objects.filter(page=page).order_by("position"))
    expected = seed_articles()
    assert [a.headline for a in articles] == [f["headline"] for f in expected]
    for article, fields in zip(articles, expected, strict=True):
        assert (article.kicker, article.subheadline, article.body) == (
            fields["kicker"],
            fields["subheadline"],
            fields["body"],
        )
    assert "新建 7 篇" in capsys.readouterr().err


def test_each_article_gets_a_zone_covering_its_text_and_nothing_of_its_neighbours(
    seed_pdf, seed_record, regions
):
    import_pdfs(seed_pdf)

    zones = {z.article.headline: z.rects for z in Zone.objects.select_related("article")}
    stories = seed_record["stories"]
    assert sorted(zones) == sorted(s["headline"] for s in stories)
    for story in stories:
        own = zones[story["headline"]]
        for box in story["lines"] + [p["box"] for p in story["photos"]]:
            assert any(inside(box, rect) for rect in own), (story["headline"], box)
        for other in stories:
            if other is not story:
                for box in other["lines"]:
                    assert not any(overlaps(box, rect) for rect in own), (story["key"], box)


def inside(box, rect, slack=0.002):
    return (
        box[0] >= rect[0] - slack
        and box[1] >= rect[1] - slack
        and box[2] <= rect[2] + slack
        and box[3] <= rect[3] + slack
    )


def overlaps(box, rect, slack=0.002):
    return (
        min(box[2], rect[2]) - max(box[0], rect[0]) > slack
        and min(box[3], rect[3]) - max(box[1], rect[1]) > slack
    )


def test_the_page_gets_its_pdf_and_images_for_desktop_and_phone(seed_pdf, regions):
    import_pdfs(seed_pdf)

    page_pdf = PagePdf.objects.get(page__number=2)
    kinds = set(page_pdf.renditions.values_list("kind", "format"))
    assert {("desktop", "webp"), ("desktop", "jpeg"), ("phone", "webp"), ("phone", "jpeg")} <= kinds
    assert page_pdf.original_name.endswith("seed-page.pdf")
    assert "# 技能引领新“食”尚" in page_pdf.text


def test_photos_beside_a_caption_become_the_articles_photos_with_caption_and_credit(
    seed_pdf, regions
):
    import_pdfs(seed_pdf)

    photo = Photo.objects.get(caption="独轮车支前项目比赛场景。")
    assert photo.image and photo.width and photo.alt == photo.caption
    by_yang = Byline.objects.get(reporter__name="杨磊")
    assert by_yang.photo is not None and by_yang.photo.image
    assert PagePhoto.objects.filter(photo__isnull=False).count() == 2


def test_importing_the_same_pdf_again_changes_nothing(seed_pdf, regions, capsys, storage):
    import_pdfs(seed_pdf)
    before = (written_rows(), stored_files(storage), list(Zone.objects.values_list("rects")))
    capsys.readouterr()

    import_pdfs(seed_pdf)

    assert "不变 7 篇" in capsys.readouterr().err  # the photos given are the import's own work
    assert (written_rows(), stored_files(storage), list(Zone.objects.values_list("rects"))) == (
        before
    )


def test_a_zone_an_editor_corrected_survives_reimport(seed_pdf, regions, admin_user):
    import_pdfs(seed_pdf)
    zone = Zone.objects.get(position=3)
    zone.correct([[0.6, 0.3, 0.99, 0.45], [0.6, 0.46, 0.8, 0.5]], admin_user)

    import_pdfs(seed_pdf)

    zone.refresh_from_db()
    assert zone.rects == [[0.6, 0.3, 0.99, 0.45], [0.6, 0.46, 0.8, 0.5]]
    assert zone.article.position == 3 and zone.corrected_by == admin_user


def test_an_editors_changes_are_a_conflict_on_reimport_and_kept(seed_pdf, regions, capsys):
    import_pdfs(seed_pdf)
    edited = Article.objects.get(position=6)
    edited.body = "编辑改过的正文。"
    edited.save()
    photo = edited.photos.get()
    image = photo.image.name
    capsys.readouterr()

    import_pdfs(seed_pdf)

    edited.refresh_from_db()
    assert edited.body == "编辑改过的正文。"
    assert "冲突保留 1 篇" in capsys.readouterr().err
    assert edited.photos.get().image.name == image
    assert Zone.objects.get(position=6).article == edited  # the zone still opens it


def test_an_editors_uploaded_picture_is_never_replaced_by_the_pages(seed_pdf, regions):
    import_pdfs(seed_pdf)
    photo = Photo.objects.get(caption="独轮车支前项目比赛场景。")
    Photo.objects.filter(pk=photo.pk).update(image="photos/originals/editor.jpg")
    Article.objects.filter(pk=photo.article_id).update(import_digest="edited")

    import_pdfs(seed_pdf)

    assert Photo.objects.get(pk=photo.pk).image.name == "photos/originals/editor.jpg"


def test_the_review_names_each_pages_image_with_its_zones(seed_pdf, regions, capsys, tmp_path):
    review = tmp_path / "review"
    import_pdfs(seed_pdf, extra=["--dry-run", "--review-dir", str(review)])

    out = capsys.readouterr().out
    image = review / "20241008-02.jpg"
    assert f"版面图（热区按稿件序号标出）：{image}" in out
    assert image.read_bytes()[:3] == b"\xff\xd8\xff"
    assert written_rows() == [0, 0, 0, 0, 0, 0]  # a dry run writes nothing


def test_text_and_pdf_pages_import_together(seed_pdf, regions, tmp_path):
    text = tmp_path / "p01.txt"
    text.write_text("第01版：要闻\n\n# 一版的稿件\n\n本报讯 一版的正文。\n", encoding="utf-8")

    import_pdfs(text, seed_pdf)

    assert list(Page.objects.order_by("number").values_list("number", "name")) == [
        (1, "要闻"),
        (2, "工会"),
    ]
    assert PagePdf.objects.get().page.number == 2
    assert Article.objects.filter(page__number=1).count() == 1


# Bad PDFs: a clear error naming the file, and nothing written.


def bad(kind, tmp_path, seed_pdf):
    path = tmp_path / "in" / "p02.pdf"
    path.parent.mkdir()
    if kind == "encrypted":
        bad_pdfs.encrypted(path)
    elif kind == "damaged":
        bad_pdfs.garbled(path, seed_pdf)
    elif kind == "cut off":
        bad_pdfs.truncated(path, seed_pdf)
    elif kind == "not a pdf":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    elif kind == "no pages":
        bad_pdfs.no_pages(path)
    elif kind == "two pages":
        bad_pdfs.two_pages(path)
    elif kind == "200 MB":
        bad_pdfs.huge(path, 200 * 2**20)
    return path


BAD = {
    "encrypted": "加密",
    "damaged": "损坏",
    "cut off": "不完整",
    "not a pdf": "PNG 图片，不是 PDF",
    "no pages": "没有页面",
    "two pages": "2 页",
    "200 MB": "过大",
}


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_pdf_is_refused_naming_the_file_and_nothing_is_written(
    kind, tmp_path, seed_pdf, regions, storage
):
    path = bad(kind, tmp_path, seed_pdf)

    with pytest.raises(CommandError) as refused:
        import_pdfs(seed_pdf, path)

    assert str(path) in str(refused.value) and BAD[kind] in str(refused.value)
    assert written_rows() == [0, 0, 0, 0, 0, 0]
    assert [f for f in stored_files(storage) if not f.startswith("in/")] == []


def test_a_scan_is_imported_as_its_image_with_no_articles_and_a_warning(tmp_path, regions, capsys):
    path = tmp_path / "p03.pdf"
    bad_pdfs.scanned(path)

    import_pdfs(path, extra=["--page-numbers", "3", "--page-names", "图片"])

    out = capsys.readouterr().out
    assert "没有文字层" in out and str(path) in out
    page = Page.objects.get()
    assert (page.number, page.name, page.articles.count()) == (3, "图片", 0)
    assert page.pdf.renditions.count() == 6 and page.pdf.zones.count() == 0


def test_the_command_shows_its_progress_page_by_page(seed_pdf, tmp_path, regions):
    text = tmp_path / "p01.txt"
    text.write_text("第01版：要闻\n\n# 一版的稿件\n\n本报讯 一版的正文。\n", encoding="utf-8")
    errors = io.StringIO()

    call_command(
        "import_issue", str(text), str(seed_pdf), "--date", "2024-10-08", "--progress",
        stderr=errors,
    )  # fmt: skip

    shown = errors.getvalue()
    bar = "#" * 30
    assert f"读取 PDF [{bar}] 1/1 {seed_pdf}" in shown  # the PDFs only: text needs no reading
    assert f"保存版面 [{bar}] 1/1 {seed_pdf}" in shown
