"""An editor corrects a zone in the admin (its rectangles, or the article it opens); the page
imported again keeps the correction."""

import pytest
from django.core.management import call_command

from articles.models import Article
from epaper.models import PagePdf, Zone
from tests.articles.admin_helpers import EDITORS, client_for, make_user, post_data_from

pytestmark = pytest.mark.django_db


def import_seed(seed_pdf):
    call_command("import_issue", str(seed_pdf), "--date", "2024-10-08", "--number", "1")


def zone_row(data, position):
    """The inline form prefix of the zone at position."""
    for key, value in data.items():
        if key.endswith("-id") and value == str(Zone.objects.get(position=position).pk):
            return key[: -len("id")]
    raise AssertionError(position)


def test_the_page_pdf_admin_shows_the_page_image_with_its_zones(admin_client, seed_pdf, regions):
    import_seed(seed_pdf)
    page_pdf = PagePdf.objects.get()

    body = admin_client.get(f"/admin/epaper/pagepdf/{page_pdf.pk}/change/").content.decode()

    assert page_pdf.renditions.get(kind="phone", format="jpeg").file.url in body
    assert body.count('class="import-zone"') == 7


def test_an_editors_zone_correction_in_the_admin_survives_reimport(seed_pdf, regions):
    editor = make_user(EDITORS, "editor")  # the 编辑 group, not a superuser
    admin_client = client_for(editor)
    import_seed(seed_pdf)
    page_pdf = PagePdf.objects.get()
    url = f"/admin/epaper/pagepdf/{page_pdf.pk}/change/"
    data = post_data_from(admin_client.get(url))
    redrawn = zone_row(data, 3)
    reassigned = zone_row(data, 4)
    data[redrawn + "rects_text"] = "0.6 0.3 0.99 0.45\n0.6, 0.46, 0.8, 0.5"
    data[reassigned + "article"] = str(Article.objects.get(position=5).pk)

    saved = admin_client.post(url, data)

    assert saved.status_code == 302
    assert Zone.objects.get(position=3).rects == [[0.6, 0.3, 0.99, 0.45], [0.6, 0.46, 0.8, 0.5]]
    assert Zone.objects.get(position=4).article.position == 5
    assert Zone.objects.corrected().count() == 2
    untouched = Zone.objects.get(position=1).rects

    import_seed(seed_pdf)

    assert Zone.objects.get(position=3).rects == [[0.6, 0.3, 0.99, 0.45], [0.6, 0.46, 0.8, 0.5]]
    assert Zone.objects.get(position=3).corrected_by == editor
    assert Zone.objects.get(position=4).article.position == 5
    assert Zone.objects.get(position=1).rects == untouched


@pytest.mark.parametrize(
    "text, error",
    [("0.9 0.3 0.1 0.4", "左小于右"), ("a b c d", "必须是数字"), ("0.1 0.2 0.3", "四个数")],
)
def test_a_wrong_rectangle_is_refused_and_nothing_changes(
    admin_client, seed_pdf, regions, text, error
):
    import_seed(seed_pdf)
    page_pdf = PagePdf.objects.get()
    url = f"/admin/epaper/pagepdf/{page_pdf.pk}/change/"
    data = post_data_from(admin_client.get(url))
    before = list(Zone.objects.values_list("rects", flat=True))
    data[zone_row(data, 2) + "rects_text"] = text

    refused = admin_client.post(url, data)

    assert refused.status_code == 200 and error in refused.content.decode()
    assert list(Zone.objects.values_list("rects", flat=True)) == before
    assert not Zone.objects.corrected().exists()


def test_a_correction_made_since_the_page_was_opened_is_not_undone(seed_pdf, regions, admin_user):
    editor = make_user(EDITORS, "editor")
    client = client_for(editor)
    import_seed(seed_pdf)
    page_pdf = PagePdf.objects.get()
    url = f"/admin/epaper/pagepdf/{page_pdf.pk}/change/"
    stale = post_data_from(client.get(url))
    # Meanwhile another editor redraws zone 2.
    Zone.objects.get(position=2).correct([[0.5, 0.1, 0.9, 0.3]], admin_user)
    stale[zone_row(stale, 2) + "rects_text"] = "0.1 0.1 0.2 0.2"

    refused = client.post(url, stale)

    assert refused.status_code == 200 and "已被他人修改" in refused.content.decode()
    kept = Zone.objects.get(position=2)
    assert kept.rects == [[0.5, 0.1, 0.9, 0.3]] and kept.corrected_by == admin_user
