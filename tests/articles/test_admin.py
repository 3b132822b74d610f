import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from articles.dates import chinese_date
from articles.models import Article, Byline, Issue, Page, Photo, Reporter, Section
from articles.signal_handlers import batched
from regions.models import Region
from tests.articles.admin_helpers import form_errors, post_data_from
from tests.conftest import make_article, make_issue, make_page, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(regions):
    """A draft with two text bylines, a photo with its credit, a region, a section and tags."""
    article = make_article(
        status=Article.Status.DRAFT,
        kicker="第十届职工技能大赛开幕",
        headline="全域式创新 领头雁带动 一贯制孵化",
        subheadline="湖州吴兴工会塑造人才培育新生态",
        body="本报讯 吴兴区总工会推出劳模工匠技能“领头雁”项目。\n## 全域式创新\n第二段。",
        section=make_section(),
        reporters=[("寿慧桢", "记者"), ("徐婧", "通讯员")],
        regions=[region("330502")],
        tags=["劳模", "工匠"],
    )
    photo = Photo.objects.create(article=article, caption="独轮车支前项目比赛场景。")
    Byline.objects.create(
        article=article,
        photo=photo,
        reporter=Reporter.objects.create(name="杨磊", kind=Reporter.Kind.CORRESPONDENT),
        role="通讯员",
        position=3,
    )
    return article


def region(code):
    return Region.objects.get(code=code)


def changelist(client, **params):
    response = client.get(reverse("admin:articles_article_changelist"), params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def admin_urls(model, obj):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    return [
        reverse(f"{name}_changelist"),
        reverse(f"{name}_add"),
        reverse(f"{name}_change", args=[obj.pk]),
    ]


def action_choices(response):
    return [name for name, _ in response.context["action_form"].fields["action"].choices if name]


def form_values(response):
    form = response.context["adminform"].form
    return {name: form[name].value() for name in form.fields}


# What each admin page shows a staff editor: the listing with its actions, an empty add form
# with the model's fields, and the change form filled with the object's own values.
ADMIN_PAGES = {
    "article": (
        Article,
        lambda article: article,
        ["delete_selected", "submit_selected", "approve_selected", "schedule_selected"]
        + ["publish_selected", "withdraw_selected"],
        ["kicker", "headline", "subheadline", "page", "position", "section", "dateline", "body"]
        + ["tags", "editor_note", "base_version"],
        lambda article: {
            "kicker": "第十届职工技能大赛开幕",
            "headline": "全域式创新 领头雁带动 一贯制孵化",
            "subheadline": "湖州吴兴工会塑造人才培育新生态",
            "page": article.page_id,
            "section": article.section_id,
            "body": "本报讯 吴兴区总工会推出劳模工匠技能“领头雁”项目。\n## 全域式创新\n第二段。",
            "base_version": 1,
        },
    ),
    "issue": (
        Issue,
        lambda article: article.issue,
        ["delete_selected", "publish_selected_issues"],
        ["date", "number", "note"],
        lambda issue: {"date": issue.date, "number": issue.number, "note": ""},
    ),
    "page": (
        Page,
        lambda article: article.page,
        ["delete_selected"],
        ["issue", "number", "name", "topic"],
        lambda page: {"issue": page.issue_id, "number": 1, "name": "要闻", "topic": ""},
    ),
    "section": (
        Section,
        lambda article: article.section,
        ["delete_selected"],
        ["name", "slug", "description"],
        lambda section: {"name": "法润工心", "slug": "farungongxin", "description": ""},
    ),
    "reporter": (
        Reporter,
        lambda article: article.bylines.first().reporter,
        ["delete_selected"],
        ["name", "kind", "unit", "slug"],
        lambda reporter: {"name": "寿慧桢", "unit": "", "slug": "shou-hui-zhen"},
    ),
    "tag": (
        Tag,
        lambda article: article.tags.get(name="劳模"),
        ["delete_selected", "render_tag_form"],
        ["name", "slug"],
        lambda tag: {"name": "劳模", "slug": "劳模"},
    ),
}


@pytest.mark.parametrize("page", list(ADMIN_PAGES))
def test_admin_pages_show_the_object_and_the_actions_to_superuser_and_editor(
    staff_client, article, page
):
    model, get_object, actions, fields, values = ADMIN_PAGES[page]
    obj = get_object(article)
    changelist_url, add_url, change_url = admin_urls(model, obj)

    listing = staff_client.get(changelist_url)
    assert listing.status_code == 200
    assert obj in listing.context["cl"].result_list
    assert str(obj) in listing.content.decode()
    assert action_choices(listing) == actions

    adding = staff_client.get(add_url)
    assert adding.status_code == 200
    assert list(adding.context["adminform"].form.fields) == fields
    assert not adding.context["adminform"].form.is_bound

    changing = staff_client.get(change_url)
    assert changing.status_code == 200
    assert changing.context["original"] == obj
    shown = form_values(changing)
    assert {name: shown[name] for name in values(obj)} == values(obj)
    assert changing.context["has_delete_permission"]


def test_changelist_shows_issue_page_byline_regions_and_tags(admin_client, article):
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    content = response.content.decode()
    assert f"{chinese_date(article.issue.date)} 第01版 要闻" in content
    assert "记者 寿慧桢、通讯员 徐婧" in content
    # The photo credit belongs to the photo, not to the article's byline.
    assert "杨磊" not in content
    assert "吴兴区" in content
    assert "劳模、工匠" in content
    assert "法润工心" in content


def build_listing(count):
    """count articles as a paper has them: bylines, a photo credit, regions, tags, a section.

    In one batch, as fixtures load: each article's search text is written once, not per row.
    """
    section = Section.objects.first() or make_section()
    wuxing, changxing = region("330502"), region("330522")
    start = Article.objects.count()
    with batched():
        add_listing(section, (wuxing, changxing), range(start, start + count))


def add_listing(section, places, numbers):
    for n in numbers:
        article = make_article(
            page=make_page(issue=make_issue(), number=1 + n % 8),
            section=section,
            reporters=[(f"记者{n % 7}", "记者"), (f"通讯员{n % 5}", "通讯员")],
            regions=list(places),
            tags=[f"标签{n % 6}", "劳模"],
        )
        photo = Photo.objects.create(article=article)
        Byline.objects.create(
            article=article, photo=photo, organisation="某某县总工会", role="", position=3
        )


def count_changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    return len(queries), len(response.context["cl"].result_list)


def test_changelist_runs_as_many_queries_for_100_rows_as_for_10(admin_client, regions):
    build_listing(10)
    count_changelist_queries(admin_client)  # warm caches (session, content types)
    queries_for_10, rows = count_changelist_queries(admin_client)
    assert rows == 10

    build_listing(90)
    queries_for_100, rows = count_changelist_queries(admin_client)
    assert rows == 50  # one page of list_per_page
    assert queries_for_100 == queries_for_10


@pytest.mark.parametrize(
    "term",
    ["领头雁带动", "湖州吴兴工会", "职工技能大赛", "劳模工匠技能", "寿慧桢"],
    ids=["headline", "subheadline", "kicker", "body", "reporter"],
)
def test_search_finds_article_by_text_or_reporter(admin_client, article, term):
    make_article(headline="别的稿件", reporters=[("金儒彪", "通讯员")])
    assert changelist(admin_client, q=term) == [article]


def test_search_by_reporter_lists_an_article_once(admin_client, article):
    # 寿慧桢 twice (text and photo) and 寿某 once on the same article: three matching joins.
    photo = article.photos.get()
    shou = Reporter.objects.get(name="寿慧桢")
    Byline.objects.create(article=article, photo=photo, reporter=shou, role="记者", position=4)
    Byline.objects.create(
        article=article, reporter=Reporter.objects.create(name="寿某"), role="记者", position=5
    )
    other = make_article(reporters=[("寿慧桢", "记者")])
    assert sorted(changelist(admin_client, q="寿"), key=lambda a: a.pk) == [article, other]


def test_status_filter_lists_only_that_status(admin_client, article):
    published = make_article()
    assert changelist(admin_client, status__exact="draft") == [article]
    assert changelist(admin_client, status__exact="published") == [published]


def in_issue_of(day):
    return make_article(page=make_page(issue=make_issue(date=day)))


def test_issue_date_filter_narrows_by_year_month_or_day(admin_client):
    march_first = in_issue_of(datetime.date(2023, 3, 1))
    march_second = in_issue_of(datetime.date(2023, 3, 2))
    april = in_issue_of(datetime.date(2023, 4, 1))
    in_issue_of(datetime.date(2024, 3, 1))

    def found(value):
        return sorted(changelist(admin_client, issue_date=value), key=lambda a: a.pk)

    assert found("2023") == [march_first, march_second, april]
    assert found("2023-03") == [march_first, march_second]
    assert found("2023-03-02") == [march_second]


@pytest.mark.parametrize("value", ["abc", "2023-13", "2023-02-30", "2023-03-01-01", "-"])
def test_issue_date_filter_with_a_malformed_date_lists_nothing(admin_client, value):
    in_issue_of(datetime.date(2023, 3, 1))
    assert changelist(admin_client, issue_date=value) == []


def test_issue_date_filter_opens_one_level_at_a_time(admin_client):
    for day in (datetime.date(2023, 3, 1), datetime.date(2023, 4, 5), datetime.date(2024, 1, 2)):
        in_issue_of(day)

    def choices(**params):
        response = admin_client.get(reverse("admin:articles_article_changelist"), params)
        spec = next(s for s in response.context["cl"].filter_specs if s.title == "刊期")
        return [value for value, label in spec.lookup_choices]

    assert choices() == ["2023", "2024"]
    assert choices(issue_date="2023") == ["2023", "2023-03", "2023-04", "2024"]
    assert choices(issue_date="2023-04") == ["2023", "2023-03", "2023-04", "2023-04-05", "2024"]
    # A year without issues opens nothing (and does not fail).
    assert choices(issue_date="1999") == ["2023", "2024"]


def test_search_counts_matches_only_up_to_its_cap(admin_client, monkeypatch):
    from articles.admin.paging import BoundedCountPaginator

    monkeypatch.setattr(BoundedCountPaginator, "MAX_COUNTED", 3)
    for _ in range(5):
        make_article(headline="劳模风采")
    response = admin_client.get(reverse("admin:articles_article_changelist"), {"q": "劳模"})
    assert str(response.context["cl"].result_count) == "超过 3"
    assert "超过 3 篇" in response.content.decode()
    # Without a search the count is exact.
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    assert response.context["cl"].result_count == 5


def test_search_below_the_cap_counts_exactly(admin_client, article):
    make_article(headline="别的稿件")
    response = admin_client.get(reverse("admin:articles_article_changelist"), {"q": "领头雁"})
    assert response.context["cl"].result_count == 1
    assert str(response.context["cl"].result_count) == "1"


def test_section_filter_lists_only_that_section(admin_client, article):
    make_article(section=make_section("工会“小灵通”"))
    make_article()
    assert changelist(admin_client, section__id__exact=article.section_id) == [article]


def test_region_filter_by_city_includes_its_districts_and_counties(admin_client, article):
    changxing = make_article(regions=[region("330522")])  # 长兴县, also 湖州
    make_article(regions=[region("330106")])  # 西湖区, 杭州
    found = changelist(admin_client, region="330500")
    assert sorted(found, key=lambda a: a.pk) == [article, changxing]


def test_region_filter_by_county_lists_only_that_county(admin_client, article):
    make_article(regions=[region("330522")])
    assert changelist(admin_client, region="330502") == [article]


def test_region_filter_lists_an_article_in_two_districts_of_the_city_once(admin_client, article):
    article.article_regions.create(region=region("330522"), position=2)
    assert changelist(admin_client, region="330500") == [article]


def test_region_filter_with_unknown_code_lists_nothing(admin_client, article):
    assert changelist(admin_client, region="999999") == []


def test_region_filter_offers_cities_then_the_chosen_citys_counties(admin_client, article):
    def choices(**params):
        response = admin_client.get(reverse("admin:articles_article_changelist"), params)
        spec = next(s for s in response.context["cl"].filter_specs if s.title == "地区")
        return [label for code, label in spec.lookup_choices]

    assert "湖州市" in choices() and "　吴兴区" not in choices()
    assert "　吴兴区" in choices(region="330500")
    assert "　长兴县" in choices(region="330502")
    assert "　西湖区" not in choices(region="330500")


def test_tag_filter_lists_only_articles_with_that_tag(admin_client, article):
    make_article(tags=["安全生产"])
    assert changelist(admin_client, tag=Tag.objects.get(name="工匠").slug) == [article]


def test_tag_filter_offers_only_tags_used_by_articles(admin_client, article):
    Tag.objects.create(name="无人使用")
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    spec = next(s for s in response.context["cl"].filter_specs if s.title == "标签")
    assert sorted(label for slug, label in spec.lookup_choices) == ["劳模", "工匠"]


def test_page_select_labels_pages_with_their_issue_date(admin_client, article):
    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    labels = [label for value, label in response.context["adminform"].form.fields["page"].choices]
    assert f"{chinese_date(article.issue.date)} 第01版 要闻" in labels


def test_byline_photo_choices_are_the_articles_own_photos(admin_client, article):
    make_article().photos.create(caption="别的稿件的图片")
    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    byline_formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Byline
    )
    photos = byline_formset.forms[0].fields["photo"].queryset
    assert list(photos) == list(article.photos.all())


def test_editing_through_the_change_form_changes_headline_and_tags(admin_client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = post_data_from(admin_client.get(url))
    data["headline"] = "全域式创新 领头雁带动"
    data["tags"] += ", 职工技能"

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.headline == "全域式创新 领头雁带动"
    assert sorted(article.tags.names()) == ["劳模", "工匠", "职工技能"]
    # The inlines came back unchanged.
    assert [str(b) for b in article.bylines.order_by("position")] == [
        "记者 寿慧桢",
        "通讯员 徐婧",
        "通讯员 杨磊 摄",
    ]
    assert list(article.regions.values_list("code", flat=True)) == ["330502"]


def test_status_and_publish_time_posted_with_the_change_form_are_ignored(admin_client, article):
    # Status changes only through the workflow (articles/admin/workflow.py), even for a superuser.
    Article.objects.filter(pk=article.pk).update(status=Article.Status.APPROVED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = post_data_from(admin_client.get(url))
    assert "status" not in data
    data["status"] = Article.Status.PUBLISHED
    data["published_at_0"] = "2024-10-08"
    data["published_at_1"] = "08:00:00"

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.status == Article.Status.APPROVED
    assert article.published_at is None
    assert not article.is_published()


def test_moving_an_article_to_another_issues_page_moves_its_issue(admin_client, article):
    other_page = make_page(number=3, name="工会")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = post_data_from(admin_client.get(url))
    data["page"] = str(other_page.pk)

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.page == other_page
    assert article.issue == other_page.issue


def test_adding_an_article_with_a_byline_and_region(admin_client, article):
    page = make_page(name="工会")
    url = reverse("admin:articles_article_add")
    data = post_data_from(admin_client.get(url))
    data.update(
        {
            "headline": "立足小窗口 赛出新水平",
            "body": "本报讯 第一段。",
            "page": str(page.pk),
            "position": "2",
            "bylines-0-reporter": str(Reporter.objects.get(name="寿慧桢").pk),
            "bylines-0-role": "记者",
            "article_regions-0-region": str(region("330106").pk),
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    added = Article.objects.get(headline="立足小窗口 赛出新水平")
    assert added.issue == page.issue
    assert added.status == Article.Status.DRAFT
    assert added.created_by.username == "admin"
    assert [str(b) for b in added.bylines.all()] == ["记者 寿慧桢"]
    assert [r.name for r in added.regions.all()] == ["西湖区"]


def test_byline_without_person_or_organisation_is_refused_in_words(admin_client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = post_data_from(admin_client.get(url))
    # Fill the empty extra byline row with a role only: neither a reporter nor a unit.
    extra = int(data["bylines-TOTAL_FORMS"]) - 1
    data[f"bylines-{extra}-role"] = "通讯员"
    data[f"bylines-{extra}-position"] = "9"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "请选择作者，或填写署名单位（二者只填一项）。" in response.content.decode()
    assert article.bylines.count() == 3


def byline_row_posted(admin_client, article, **fields):
    """The change form posted with its empty extra byline row filled with fields."""
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = post_data_from(admin_client.get(url))
    extra = int(data["bylines-TOTAL_FORMS"]) - 1
    data.update({f"bylines-{extra}-{name}": value for name, value in fields.items()})
    data[f"bylines-{extra}-position"] = "9"
    return admin_client.post(url, data), extra


def test_a_byline_credited_to_an_organisation_alone_is_saved(admin_client, article):
    response, _ = byline_row_posted(admin_client, article, organisation="某某县总工会", role="")
    assert response.status_code == 302, form_errors(response)
    assert article.bylines.filter(organisation="某某县总工会", reporter=None).count() == 1


def test_a_byline_with_both_a_person_and_an_organisation_is_refused_at_the_person(
    admin_client, article
):
    reporter = Reporter.objects.get(name="寿慧桢")
    response, extra = byline_row_posted(
        admin_client, article, reporter=str(reporter.pk), organisation="某某县总工会", role="记者"
    )
    assert response.status_code == 200
    [inline] = [
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "bylines"
    ]
    form = inline.formset.forms[extra]
    assert form.errors == {"reporter": ["请选择作者，或填写署名单位（二者只填一项）。"]}
    assert article.bylines.count() == 3


def autocomplete(client, model_name, field_name, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_reporter_autocomplete_finds_by_name(staff_client, article):
    assert autocomplete(staff_client, "byline", "reporter", "寿") == ["寿慧桢"]


def test_region_autocomplete_finds_by_short_name(staff_client, article):
    assert autocomplete(staff_client, "articleregion", "region", "吴兴") == ["吴兴区"]


def test_issue_page_lists_each_pages_articles_with_links(admin_client, article):
    second = make_article(page=article.page, position=2, headline="立足小窗口 赛出新水平")
    response = admin_client.get(reverse("admin:articles_issue_change", args=[article.issue_id]))
    content = response.content.decode()
    for listed in (article, second):
        assert reverse("admin:articles_article_change", args=[listed.pk]) in content
        assert listed.headline in content
    assert content.index(article.headline) < content.index(second.headline)


def test_issue_page_runs_as_many_queries_for_many_pages_as_for_one(admin_client, article):
    def issue_page_queries(issue):
        url = reverse("admin:articles_issue_change", args=[issue.pk])
        admin_client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        return len(queries)

    busy = make_issue()
    for number in range(1, 5):
        page = make_page(issue=busy, number=number)
        for position in range(1, 4):
            make_article(page=page, position=position)

    assert issue_page_queries(busy) == issue_page_queries(article.issue)


def test_page_list_counts_each_pages_articles(admin_client, article):
    make_article(page=article.page, position=2)
    empty = make_page(issue=article.issue, number=2)
    response = admin_client.get(reverse("admin:articles_page_changelist"))
    counts = {page.pk: page.article_count for page in response.context["cl"].result_list}
    assert counts[article.page_id] == 2
    assert counts[empty.pk] == 0


def test_reporter_list_counts_an_article_once_per_person(admin_client, article):
    # 杨磊 gets a text byline too on the article he photographed: still one article.
    yang = Reporter.objects.get(name="杨磊")
    Byline.objects.create(article=article, reporter=yang, role="通讯员", position=4)
    make_article(reporters=[("杨磊", "通讯员")])
    response = admin_client.get(reverse("admin:articles_reporter_changelist"), {"q": "杨磊"})
    assert [(r.name, r.article_count) for r in response.context["cl"].result_list] == [("杨磊", 2)]


def test_page_select_offers_recent_issues_and_the_articles_own_page(admin_client, monkeypatch):
    from articles.admin import articles as article_admin

    monkeypatch.setattr(article_admin, "PAGE_CHOICE_ISSUES", 2)
    old = make_article(page=make_page(issue=make_issue(date=datetime.date(2001, 1, 1))))
    make_page(issue=make_issue(date=datetime.date(2002, 1, 1)))  # neither recent nor its own
    recent = [make_page(issue=make_issue(date=datetime.date(2024, 1, d))) for d in (1, 2)]
    response = admin_client.get(reverse("admin:articles_article_change", args=[old.pk]))
    offered = set(response.context["adminform"].form.fields["page"].queryset)
    assert offered == {old.page, *recent}
