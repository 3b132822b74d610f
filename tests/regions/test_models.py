from collections import Counter

import pytest
from django.db import IntegrityError, transaction

from regions.models import Region

COUNTY_KINDS = [
    Region.Kind.DISTRICT,
    Region.Kind.COUNTY,
    Region.Kind.COUNTY_CITY,
    Region.Kind.AUTONOMOUS_COUNTY,
]


def test_fixture_has_the_province_its_11_cities_and_90_county_level_divisions(regions):
    kinds = Counter(Region.objects.values_list("kind", flat=True))

    assert kinds == {
        "province": 1,
        "city": 11,
        "district": 37,
        "county_city": 20,
        "county": 32,
        "autonomous_county": 1,
    }


def test_every_city_hangs_under_the_province(regions):
    province = Region.objects.get(kind=Region.Kind.PROVINCE)

    assert (province.code, province.name, province.parent) == ("330000", "浙江省", None)
    assert set(Region.objects.filter(kind=Region.Kind.CITY).values_list("parent", flat=True)) == {
        province.pk
    }


def test_every_county_level_division_hangs_under_the_city_sharing_its_first_four_digits(
    regions,
):
    counties = Region.objects.filter(kind__in=COUNTY_KINDS).select_related("parent")

    assert counties.count() == 90
    for county in counties:
        assert county.parent.kind == Region.Kind.CITY
        assert county.parent.code == county.code[:4] + "00"


def test_within_a_city_returns_the_city_and_its_counties(regions):
    huzhou = Region.objects.get(code="330500")

    within = Region.objects.within(huzhou)

    assert list(within.values_list("name", flat=True)) == [
        "湖州市",
        "吴兴区",
        "南浔区",
        "德清县",
        "长兴县",
        "安吉县",
    ]
    assert set(within) == {huzhou, *huzhou.children.all()}


def test_within_the_province_returns_the_whole_tree(regions):
    province = Region.objects.get(code="330000")

    assert Region.objects.within(province).count() == 102


def test_within_a_county_returns_only_that_county(regions):
    wuxing = Region.objects.get(code="330502")

    assert list(Region.objects.within(wuxing)) == [wuxing]


def test_natural_key_round_trips_for_every_region(regions):
    for region in Region.objects.all():
        assert region.natural_key() == (region.code,)
        assert Region.objects.get_by_natural_key(*region.natural_key()) == region


@pytest.mark.parametrize(
    ("code", "short_name", "slug"),
    [
        ("330000", "浙江", "zhejiang"),
        ("330100", "杭州", "hangzhou"),
        ("330502", "吴兴", "wuxing"),
        ("330681", "诸暨", "zhuji"),
        ("331127", "景宁", "jingning"),
        ("330382", "乐清", "yueqing"),
        ("331102", "莲都", "liandu"),
    ],
)
def test_short_name_drops_the_suffix_and_slug_is_its_pinyin(regions, code, short_name, slug):
    region = Region.objects.get(code=code)

    assert (region.short_name, region.slug) == (short_name, slug)


def test_slugs_and_short_names_are_unique(regions):
    assert Region.objects.values("slug").distinct().count() == 102
    assert Region.objects.values("short_name").distinct().count() == 102


def test_code_must_have_six_characters(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(code="33050", name="坏区", short_name="坏", kind="district", slug="a")


def test_kind_must_be_one_of_the_choices(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(code="330599", name="某乡", short_name="某", kind="town", slug="b")
