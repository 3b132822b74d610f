"""The admin's correspondent statistics, corrections (更正) and signing off a whole issue."""

import csv
import datetime
import io

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline, Correction, Photo, Reporter, StatusChange
from tests.articles.admin_helpers import (
    change_url,
    client_for,
    messages_of,
)
from tests.articles.helpers import generated_set
from tests.conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db
S = Article.Status
STATISTICS = reverse("admin:articles_article_statistics")
RANGE = {"start": "2024-01-01", "end": "2024-12-31"}


# 通讯员发稿统计.


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_statistics_csv_equals_the_bylines_of_a_generated_set(editor):
    expected = generated_set()

    response = client_for(editor).get(STATISTICS, {**RANGE, "format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # the BOM Excel needs
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''"
        "%E9%80%9A%E8%AE%AF%E5%91%98%E5%8F%91%E7%A8%BF%E7%BB%9F%E8%AE%A1"  # 通讯员发稿统计
        "_2024-01-01_2024-12-31.csv"
    )
    header, *rows = read_csv(response)
    assert header == ["姓名", "角色", "单位", "文字稿件", "图片", "合计", "见报版面"]
    found = {
        (name, role): (int(articles), int(photos), set(pages.split("、")))
        for name, role, _unit, articles, photos, total, pages in rows
    }
    assert found == {key: (a, p, pages) for key, (a, p, pages) in expected.items()}
    for _name, _role, _unit, articles, photos, total, _pages in rows:
        assert int(total) == int(articles) + int(photos)


def units_from_the_bylines():
    """Each unit's numbers, counted here one byline at a time from the published articles."""
    units = {}
    for byline in Byline.objects.select_related("article__issue", "article__page", "reporter"):
        article = byline.article
        if byline.reporter is None or not article.is_published():
            continue
        label = byline.reporter.unit or "未填单位"
        texts, photos, pages = units.setdefault(label, (set(), set(), set()))
        if byline.photo_id is None:
            texts.add(article.pk)
        else:
            photos.add(byline.photo_id)
        date = article.issue.date
        pages.add(f"{date.year}年{date.month}月{date.day}日 第{article.page.number:02d}版")
    return {
        label: (len(texts), len(photos), len(texts) + len(photos), pages)
        for label, (texts, photos, pages) in units.items()
    }


def test_statistics_csv_by_unit_equals_the_bylines_of_a_generated_set(editor):
    generated_set()
    response = client_for(editor).get(STATISTICS, {**RANGE, "format": "csv", "table": "unit"})
    header, *rows = read_csv(response)
    assert header == ["单位", "文字稿件", "图片", "合计", "见报版面"]
    found = {
        unit: (int(articles), int(photos), int(total), set(pages.split("、")))
        for unit, articles, photos, total, pages in rows
    }
    assert found == units_from_the_bylines()
    assert set(found) == {"湖州市总工会", "宁波市总工会", "未填单位"}


def test_an_article_two_people_of_one_unit_share_counts_once_for_the_unit(editor):
    page = make_page(issue=make_issue(date=datetime.date(2024, 5, 6)), number=3)
    shared = make_article(page=page, position=1)
    own = make_article(page=page, position=2)
    draft = make_article(page=page, position=3, status=S.DRAFT)
    huzhou = [Reporter.objects.create(name=n, unit="湖州市总工会") for n in ("甲一", "乙二")]
    nowhere = Reporter.objects.create(name="丁四", unit="")
    Reporter.objects.create(name="未署名者", unit="宁波市总工会")  # credited nowhere
    for position, person in enumerate(huzhou, start=1):
        Byline.objects.create(article=shared, reporter=person, role="通讯员", position=position)
    Byline.objects.create(article=own, reporter=nowhere, role="记者", position=1)
    photo = Photo.objects.create(article=own, position=1, caption="图")
    Byline.objects.create(article=own, photo=photo, reporter=huzhou[0], role="通讯员", position=2)
    Byline.objects.create(article=draft, reporter=huzhou[1], role="通讯员", position=1)

    response = client_for(editor).get(STATISTICS, {**RANGE, "format": "csv", "table": "unit"})

    _header, *rows = read_csv(response)
    assert rows == [
        ["湖州市总工会", "1", "1", "2", "2024年5月6日 第03版"],
        ["未填单位", "1", "0", "1", "2024年5月6日 第03版"],
    ]


def test_statistics_page_shows_both_tables_sorted_by_the_chosen_column(editor):
    generated_set()
    client = client_for(editor)

    by_name = client.get(STATISTICS, {**RANGE, "sort": "name"})
    by_total = client.get(STATISTICS, {**RANGE, "sort": "total"})

    assert by_name.status_code == 200
    names = [cells[0] for cells, _ in by_name.context["person_rows"]]
    assert names == sorted(names)
    totals = [cells[5] for cells, _ in by_total.context["person_rows"]]
    assert totals == sorted(totals, reverse=True)
    assert by_total.context["unit_rows"]
    content = by_name.content.decode()
    assert "按作者" in content and "按单位" in content
    assert "format=csv" in content


def test_statistics_open_on_the_month_that_has_ended(editor):
    first_of_this_month = timezone.localdate().replace(day=1)
    response = client_for(editor).get(STATISTICS)
    form = response.context["form"]
    assert form.is_valid()
    assert form.cleaned_data["end"] == first_of_this_month - datetime.timedelta(days=1)
    assert form.cleaned_data["start"] == form.cleaned_data["end"].replace(day=1)


def test_statistics_month_picker_counts_that_month(editor):
    page = make_page(issue=make_issue(date=datetime.date(2024, 2, 29)))
    make_article(page=page, reporters=[("寿慧桢", "通讯员")])
    make_article(issue=make_issue(date=datetime.date(2024, 3, 1)), reporters=[("寿慧桢", "通讯员")])
    response = client_for(editor).get(STATISTICS, {"month": "2024-02"})
    form = response.context["form"]
    assert (form.cleaned_data["start"], form.cleaned_data["end"]) == (
        datetime.date(2024, 2, 1),
        datetime.date(2024, 2, 29),
    )
    assert [cells[:4] for cells, _ in response.context["person_rows"]] == [
        ["寿慧桢", "通讯员", "未填单位", 1]
    ]
    assert "2024年2月1日至2024年2月29日" in response.content.decode()


@pytest.mark.parametrize("month", ["2024-13", "nonsense", "2024-02-30"])
def test_statistics_refuse_a_bad_month_with_a_form_error(editor, month):
    response = client_for(editor).get(STATISTICS, {"month": month, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response.context["form"].errors


def test_statistics_page_numbers_equal_the_csv(editor):
    generated_set()
    client = client_for(editor)
    page = client.get(STATISTICS, RANGE)
    _header, *csv_rows = read_csv(client.get(STATISTICS, {**RANGE, "format": "csv"}))
    shown = [
        [str(c) for c in cells] + ["、".join(pages)] for cells, pages in page.context["person_rows"]
    ]
    assert shown == csv_rows
    totals = page.context["person_totals"]
    assert totals["articles"] == sum(int(row[3]) for row in csv_rows)
    assert totals["photos"] == sum(int(row[4]) for row in csv_rows)


def test_statistics_summary_is_paged_and_the_csv_is_whole(editor, settings):
    page = make_page(issue=make_issue(date=datetime.date(2024, 5, 6)))
    for n in range(55):
        make_article(page=page, position=n + 1, reporters=[(f"通讯员{n:02d}", "通讯员")])
    client = client_for(editor)
    first = client.get(STATISTICS, {"month": "2024-05", "sort": "name"})
    second = client.get(STATISTICS, {"month": "2024-05", "sort": "name", "page": "2"})
    assert len(first.context["person_rows"]) == 50
    assert [cells[0] for cells, _ in second.context["person_rows"]] == [
        f"通讯员{n}" for n in range(50, 55)
    ]
    assert "下一页" in first.content.decode()
    _header, *rows = read_csv(client.get(STATISTICS, {"month": "2024-05", "format": "csv"}))
    assert len(rows) == 55


def test_statistics_refuse_a_range_that_ends_before_it_starts(editor):
    generated_set()
    response = client_for(editor).get(
        STATISTICS, {"start": "2024-12-31", "end": "2024-01-01", "format": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "截止日期不能早于起始日期。" in response.content.decode()
    assert response.context["person_rows"] == []


def test_statistics_are_refused_to_contributors(contributor):
    assert client_for(contributor).get(STATISTICS).status_code == 403


def test_admin_index_links_statistics_for_editors_only(editor, contributor):
    index = reverse("admin:index")
    assert STATISTICS in client_for(editor).get(index).content.decode()
    assert STATISTICS not in client_for(contributor).get(index).content.decode()


# Corrections.


def correction_url(article):
    return reverse("admin:articles_article_correction", args=[article.pk])


def test_editor_adds_a_dated_correction_to_a_published_article(editor):
    article = make_article()
    client = client_for(editor)
    assert correction_url(article) in client.get(change_url(article)).content.decode()

    response = client.post(
        correction_url(article), {"date": "2024-10-09", "text": "“16419人”应为“16491人”。"}
    )

    assert response.status_code == 302
    [success] = get_messages(response.wsgi_request)
    assert (str(success), success.level) == ("更正已添加，并记入修改记录。", messages.SUCCESS)
    correction = Correction.objects.get(article=article)
    assert (correction.date, correction.created_by) == (datetime.date(2024, 10, 9), editor)
    assert article.revisions.get(number=2).comment.startswith("更正：")
    assert "“16419人”应为“16491人”。" in client.get(change_url(article)).content.decode()


def test_correction_page_shows_its_title_the_article_and_its_earlier_corrections(editor):
    article = make_article(headline="需要更正的稿件")
    article.add_correction("“三月”应为“四月”。", editor, datetime.date(2024, 4, 2))
    response = client_for(editor).get(correction_url(article))
    html = response.content.decode()
    assert "“三月”应为“四月”。" in html
    assert 'name="csrfmiddlewaretoken"' in html
    # The form to fill in: its date (today by default) and the text.
    assert 'name="date"' in html and '<textarea name="text"' in html
    assert (response.context["title"], response.context["subtitle"]) == (
        "添加更正",
        "需要更正的稿件",
    )
    assert "<title>需要更正的稿件 | 添加更正 | 采编系统</title>" in response.content.decode()


def test_correction_needs_text(editor):
    article = make_article()
    response = client_for(editor).post(correction_url(article), {"date": "2024-10-09"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Correction.objects.exists()


def test_contributor_cannot_add_a_correction(contributor):
    article = make_article(created_by=contributor)
    response = client_for(contributor).post(
        correction_url(article), {"date": "2024-10-09", "text": "冒充的更正"}
    )
    assert response.status_code == 403
    assert not Correction.objects.exists()


def test_unpublished_article_takes_no_correction(editor):
    draft = make_article(status=S.DRAFT)
    response = client_for(editor).post(
        correction_url(draft), {"date": "2024-10-09", "text": "草稿不需要更正"}
    )
    assert messages_of(response) == ["只有已发布的稿件可以添加更正。"]
    assert [m.level for m in get_messages(response.wsgi_request)] == [messages.ERROR]
    assert not Correction.objects.exists()


# 整期签发.


def issue_with_articles():
    issue = make_issue()
    page = make_page(issue=issue)
    approved = [make_article(page=page, position=n, status=S.APPROVED) for n in (1, 2)]
    draft = make_article(page=page, position=3, status=S.DRAFT)
    return issue, approved, draft


def publish_url(issue):
    return reverse("admin:articles_issue_publish", args=[issue.pk])


def test_chief_signs_off_an_issue_from_its_page(chief):
    issue, approved, draft = issue_with_articles()
    client = client_for(chief)
    assert (
        publish_url(issue)
        in client.get(reverse("admin:articles_issue_change", args=[issue.pk])).content.decode()
    )
    confirmation = client.get(publish_url(issue))
    assert list(confirmation.context["approved"]) == approved

    response = client.post(publish_url(issue))

    assert response.status_code == 302
    assert sorted(a.pk for a in Article.objects.published()) == [a.pk for a in approved]
    assert Article.objects.get(pk=draft.pk).status == S.DRAFT
    assert StatusChange.objects.filter(user=chief, to_status=S.PUBLISHED).count() == 2


def test_editor_cannot_sign_off_an_issue(editor):
    issue, approved, _ = issue_with_articles()
    client = client_for(editor)
    assert (
        publish_url(issue)
        not in client.get(reverse("admin:articles_issue_change", args=[issue.pk])).content.decode()
    )
    assert client.get(publish_url(issue)).status_code == 403
    assert client.post(publish_url(issue)).status_code == 403
    assert not Article.objects.published().exists()


def test_issue_action_signs_off_for_chiefs_and_is_not_offered_to_editors(chief, editor):
    issue, approved, _ = issue_with_articles()
    changelist = reverse("admin:articles_issue_changelist")
    data = {"action": "publish_selected_issues", "_selected_action": [issue.pk], "index": "0"}

    client_for(editor).post(changelist, data)
    assert not Article.objects.published().exists()

    response = client_for(chief).post(changelist, data)
    assert response.status_code == 302
    assert Article.objects.published().count() == 2


def test_units_count_a_shared_photo_once_and_list_pages_in_print_order(editor):
    late = make_page(issue=make_issue(date=datetime.date(2024, 5, 7)), number=1)
    early = make_page(issue=make_issue(date=datetime.date(2024, 5, 6)), number=3)
    first = make_page(issue=early.issue, number=1)
    yuhang = [Reporter.objects.create(name=n, unit="余杭区总工会") for n in ("甲", "乙")]
    nowhere = Reporter.objects.create(name="丙", unit="")
    for page in (late, early, first):
        article = make_article(page=page, position=1)
        photo = Photo.objects.create(article=article, position=1, caption="图")
        for position, person in enumerate(yuhang, start=1):
            Byline.objects.create(
                article=article, photo=photo, reporter=person, role="摄影", position=position
            )
        Byline.objects.create(article=article, reporter=nowhere, role="记者", position=3)

    response = client_for(editor).get(STATISTICS, {**RANGE, "format": "csv", "table": "unit"})

    _header, *rows = read_csv(response)
    # Equal totals would tie: then by name, with the unnamed unit under its shown name.
    pages = "2024年5月6日 第01版、2024年5月6日 第03版、2024年5月7日 第01版"
    assert rows == [
        ["余杭区总工会", "0", "3", "3", pages],
        ["未填单位", "3", "0", "3", pages],
    ]
