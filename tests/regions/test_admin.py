import pytest
from django.urls import reverse

from regions.models import Region

pytestmark = pytest.mark.django_db


def region_codes(client, **params):
    response = client.get(reverse("admin:regions_region_changelist"), params)
    assert response.status_code == 200
    return [region.code for region in response.context["cl"].result_list]


def test_region_admin_pages_show_the_region_to_superuser_and_editor(staff_client, regions):
    wuxing = Region.objects.get(code="330502")
    listing = staff_client.get(reverse("admin:regions_region_changelist"), {"q": "吴兴"})
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [wuxing]
    assert "吴兴区" in listing.content.decode()
    actions = listing.context["action_form"].fields["action"].choices
    assert [name for name, _ in actions if name] == ["delete_selected"]

    adding = staff_client.get(reverse("admin:regions_region_add"))
    assert adding.status_code == 200
    assert not adding.context["adminform"].form.is_bound

    changing = staff_client.get(reverse("admin:regions_region_change", args=[wuxing.pk]))
    assert changing.status_code == 200
    form = changing.context["adminform"].form
    shown = {name: form[name].value() for name in ("code", "name", "kind", "parent")}
    assert shown == {
        "code": "330502",
        "name": "吴兴区",
        "kind": "district",
        "parent": Region.objects.get(code="330500").pk,
    }


def test_search_by_code_prefix_finds_the_city_and_everything_under_it(admin_client, regions):
    codes = region_codes(admin_client, q="3305")
    assert codes[0] == "330500"
    assert "330502" in codes and "330522" in codes
    assert all(code.startswith("3305") for code in codes)


def test_search_by_short_name_finds_the_region(admin_client, regions):
    assert region_codes(admin_client, q="吴兴") == ["330502"]


def test_kind_filter_lists_only_that_kind(admin_client, regions):
    codes = region_codes(admin_client, kind__exact=Region.Kind.CITY)
    assert len(codes) == 11
    assert set(Region.objects.filter(code__in=codes).values_list("kind", flat=True)) == {"city"}


def test_parent_autocomplete_finds_by_name(staff_client, regions):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "regions", "model_name": "region", "field_name": "parent", "term": "湖州"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["湖州市"]
