"""The printed page online: a page's image with its zones and 标题导航, the issue's thumbnails,
the front page at home, an article's photos where print put them and its 原版位置; drafts
never show; the number of queries stays fixed."""

import datetime
import re

import pytest
from django.urls import reverse

from articles.models import Article, Photo
from tests.articles.helpers import (
    HIDDEN,
    RENDERED_ARTICLE_QUERIES,
    add_articles,
    assert_fixed_query_count,
    headlines_in,
)
from tests.conftest import make_article, make_issue, make_page
from tests.photos.images import upload

from .printed_helpers import add_page_pdf, add_page_photo, column_rects

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(db):
    return make_page(issue=make_issue(date=datetime.date(2024, 10, 8)), number=1, name="要闻")


@pytest.fixture
def printed(page):
    """A page with three published articles, each with its zone (the second in two columns)."""
    articles = [
        make_article(page=page, position=n, headline=f"第{n}篇稿件", kicker=f"引题{n}")
        for n in (1, 2, 3)
    ]
    zones = [
        (articles[0], column_rects(0)),
        (articles[1], column_rects(1) + column_rects(2)),
        (articles[2], column_rects(3)),
    ]
    return add_page_pdf(page, zones), articles


def zone_links(html):
    """(href, aria-label) of every zone link on the page image, in order."""
    return re.findall(r'<a href="([^"]+)" class="zone"[^>]*aria-label="([^"]+)"', html)


def test_a_page_shows_its_image_with_each_published_article_a_zone_link(client, page, printed):
    page_pdf, articles = printed

    html = client.get(page.get_absolute_url()).content.decode()

    assert zone_links(html) == [(a.get_absolute_url(), a.headline) for a in articles]
    # The second article runs over two columns: one link, two rectangles.
    second = html.split(f'id="zone-{articles[1].pk}"')[1].split("</a>")[0]
    assert second.count('class="zone-area"') == 2
    assert 'viewBox="0 0 1600 2262"' in html


def test_the_page_image_has_its_size_and_responsive_sources(client, page, printed):
    html = client.get(page.get_absolute_url()).content.decode()

    picture = html.split("<picture>")[1].split("</picture>")[0]
    assert (
        f'<source type="image/webp" srcset="/media/epaper/pages/{page.pk}-phone.webp 800w, '
        f'/media/epaper/pages/{page.pk}-desktop.webp 1600w"' in picture
    )
    assert f'src="/media/epaper/pages/{page.pk}-desktop.jpg"' in picture
    assert f"/media/epaper/pages/{page.pk}-phone.jpg 800w" in picture
    assert 'width="1600" height="2262"' in picture
    assert 'alt="第01版 要闻 版面图"' in picture
    assert "loading=" not in picture  # the page image is the top of the page: never lazy


def test_the_headline_list_is_in_print_order_and_tied_to_the_zones(client, page, printed):
    _, articles = printed

    html = client.get(page.get_absolute_url()).content.decode()

    assert headlines_in(client.get(page.get_absolute_url())) == [a.headline for a in articles]
    for article in articles:
        assert f'<li id="nav-{article.pk}" data-article="{article.pk}">' in html
        assert f'id="zone-{article.pk}" data-article="{article.pk}"' in html
    assert '<script src="/static/js/page-zones.' in html
    assert '<p class="kicker">引题1</p>' in html


def test_the_page_pdf_is_one_click_away_from_the_media_files(client, page, printed):
    page_pdf, _ = printed

    html = client.get(page.get_absolute_url()).content.decode()

    assert (
        f'<a href="/media/{page_pdf.file.name}" download="20241008-01.pdf" '
        'type="application/pdf">下载本版PDF</a>' in html
    )
    assert f'<a href="/media/epaper/pages/{page.pk}-desktop.jpg">查看大图</a>' in html


@pytest.mark.parametrize("hidden", sorted(HIDDEN))
def test_an_unpublished_articles_zone_shows_nothing_of_it(client, page, printed, hidden):
    page_pdf, articles = printed
    draft = make_article(page=page, position=4, headline="不该出现的稿件", **HIDDEN[hidden]())
    add_zone = page_pdf.zones.create(position=4, article=draft, rects=[[0.1, 0.9, 0.5, 0.99]])

    html = client.get(page.get_absolute_url()).content.decode()

    assert "不该出现的稿件" not in html
    assert draft.get_absolute_url() not in html
    assert f"zone-{draft.pk}" not in html
    assert f'y="{round(0.9 * 2262, 1)}"' not in html  # not even its rectangle
    assert len(zone_links(html)) == 3
    assert add_zone.pk


def test_a_zone_with_no_article_left_is_not_drawn(client, page, printed):
    page_pdf, _ = printed
    page_pdf.zones.create(position=4, article=None, rects=[[0.1, 0.9, 0.5, 0.99]])

    html = client.get(page.get_absolute_url()).content.decode()

    assert len(zone_links(html)) == 3
    assert html.count('class="zone-area"') == 4


def test_a_page_without_a_pdf_keeps_the_list_of_articles(client, page):
    make_article(page=page, headline="只有文字的稿件")

    html = client.get(page.get_absolute_url()).content.decode()

    assert "<svg" not in html and "<picture>" not in html and "下载本版PDF" not in html
    assert 'class="article-list"' in html
    assert "page-zones" not in html


def test_the_issue_shows_each_pages_thumbnail(client, page, printed):
    second = make_page(issue=page.issue, number=2, name="工会")
    make_article(page=second, headline="第二版稿件")

    html = client.get(page.issue.get_absolute_url()).content.decode()

    thumbnails = re.findall(r'<a class="page-thumbnail" href="([^"]+)">', html)
    assert thumbnails == [page.get_absolute_url()]  # the second page has no PDF
    assert f"/media/epaper/pages/{page.pk}-thumbnail.webp 300w" in html
    assert 'alt="第01版 要闻 版面缩略图"' in html


def test_home_shows_the_front_page_with_its_zones(client, page, printed):
    _, articles = printed

    html = client.get(reverse("articles:home")).content.decode()

    front = html.split('<section class="front-page"')[1].split("</section>")[0]
    assert zone_links(front) == [(a.get_absolute_url(), a.headline) for a in articles]
    assert f'<a href="{page.get_absolute_url()}">第01版 要闻</a>' in front


# The article: photos where print put them, 原版位置


def test_an_article_shows_its_place_on_the_page(client, page, printed):
    _, articles = printed

    html = client.get(articles[1].get_absolute_url()).content.decode()

    aside = html.split('<aside class="printed-position"')[1].split("</aside>")[0]
    assert f'<a class="printed-position-link" href="{page.get_absolute_url()}">' in aside
    assert aside.count("<rect ") == 2  # its own zone, both columns
    assert f"/media/epaper/pages/{page.pk}-thumbnail.jpg" in aside
    assert "第01版 要闻：本文在版面上的位置" in aside


def test_an_article_on_a_page_without_a_pdf_has_no_place_shown(client, page):
    article = make_article(page=page)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "原版位置" not in html


def test_an_uploaded_photo_is_shown_above_the_body_responsive_with_caption(
    client, page, media_dirs
):
    article = make_article(page=page)
    photo = Photo.objects.create(
        article=article, caption="比赛现场。", alt="选手在车床前加工零件", image=upload()
    )

    html = client.get(article.get_absolute_url()).content.decode()

    figure = html.split('<figure class="photo">')[1].split("</figure>")[0]
    assert html.index('<figure class="photo">') < html.index('class="article-body"')
    assert '<source type="image/webp" srcset="/media/photos/renditions/' in figure
    assert " 480w, /media/photos/renditions/" in figure
    assert 'width="1200" height="750"' in figure
    assert 'alt="选手在车床前加工零件"' in figure
    assert "loading=" not in figure  # the first photo is at the top
    assert "<figcaption>比赛现场。" in figure
    assert photo.image.name not in html  # the original is nowhere on the page


def test_photos_after_the_first_are_lazy(client, page, media_dirs):
    article = make_article(page=page)
    for position in (1, 2):
        Photo.objects.create(article=article, position=position, alt="图", image=upload())

    html = client.get(article.get_absolute_url()).content.decode()

    figures = html.split('<figure class="photo">')[1:]
    assert ["loading=" in figure.split("</figure>")[0] for figure in figures] == [False, True]


def test_a_photo_the_page_prints_under_the_text_goes_after_the_body(client, page):
    article = make_article(page=page)
    lines = list(range(1, 9))
    page_pdf = add_page_pdf(page, [(article, [[0.0, 0.1, 0.5, 0.9]], lines)])
    # Eight lines of text from the top, the last one (a caption) under the photo.
    page_pdf.line_boxes = {str(n): [[0.0, 0.1 + n * 0.05, 0.5, 0.14 + n * 0.05]] for n in lines}
    page_pdf.line_boxes["8"] = [[0.0, 0.86, 0.5, 0.88]]
    page_pdf.save()
    photo = Photo.objects.create(article=article, caption="图说。")
    add_page_photo(page_pdf, photo, box=[0.0, 0.6, 0.5, 0.85])

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.index('class="article-body"') < html.index('<figure class="photo">')
    figure = html.split('<figure class="photo">')[1].split("</figure>")[0]
    assert '<img src="/media/epaper/photos/abc.jpg"' in figure
    assert 'width="600" height="400"' in figure
    assert 'alt="图说。"' in figure


def test_a_photo_the_page_prints_at_the_top_goes_above_the_body(client, page):
    article = make_article(page=page)
    lines = list(range(1, 9))
    page_pdf = add_page_pdf(page, [(article, [[0.0, 0.1, 0.5, 0.9]], lines)])
    page_pdf.line_boxes = {str(n): [[0.0, 0.4 + n * 0.05, 0.5, 0.44 + n * 0.05]] for n in lines}
    page_pdf.save()
    photo = Photo.objects.create(article=article, caption="图说。")
    add_page_photo(page_pdf, photo, box=[0.0, 0.12, 0.5, 0.38])

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.index('<figure class="photo">') < html.index('class="article-body"')


def test_a_caption_without_a_picture_stays_after_the_body(client, page):
    article = make_article(page=page)
    Photo.objects.create(article=article, caption="独轮车支前项目比赛场景。")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<picture>" not in html
    assert html.index('class="article-body"') < html.index("独轮车支前项目比赛场景。")


# Query counts: fixed whatever the number of articles (and zones)


@pytest.fixture
def news_page(regions):
    return make_page(issue=make_issue(date=datetime.date(2024, 10, 8)), number=1, name="要闻")


def add_with_zones(page):
    def add(n):
        add_articles(page, n)
        page_pdf = getattr(page, "_test_pdf", None) or add_page_pdf(page)
        page._test_pdf = page_pdf
        start = page_pdf.zones.count() + 1
        for article in page.articles.filter(position__gte=start):
            page_pdf.zones.create(position=article.position, article=article, rects=column_rects(0))

    return add


def test_a_page_with_its_image_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page
):
    # The five of a page without one, plus its renditions and its zones.
    response = assert_fixed_query_count(
        client,
        django_assert_num_queries,
        news_page.get_absolute_url(),
        add_with_zones(news_page),
        7,
    )
    assert len(zone_links(response.content.decode())) == 15


def test_an_issue_with_page_images_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page
):
    def add(n):
        add_with_zones(news_page)(n)
        number = news_page.issue.pages.count() + 1
        other = make_page(issue=news_page.issue, number=number)
        add_articles(other, 1)
        add_page_pdf(other)

    # The three of an issue without page images, plus every page's renditions in one.
    response = assert_fixed_query_count(
        client, django_assert_num_queries, news_page.issue.get_absolute_url(), add, expected=4
    )
    assert response.content.decode().count('class="page-thumbnail"') == 3


def test_home_with_a_front_page_image_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page
):
    # The issue's four, plus the front page's zones.
    response = assert_fixed_query_count(
        client, django_assert_num_queries, reverse("articles:home"), add_with_zones(news_page), 5
    )
    assert len(zone_links(response.content.decode())) == 15


def test_an_article_on_a_page_with_an_image_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, news_page
):
    add_with_zones(news_page)(1)
    article = news_page.articles.get()

    # An article's page rendered (tests/articles/test_views.py), plus its photos' places on the
    # page, its zone and the page's small images.
    assert_fixed_query_count(
        client,
        django_assert_num_queries,
        article.get_absolute_url(),
        add_with_zones(news_page),
        expected=RENDERED_ARTICLE_QUERIES + 3,
    )


def test_a_withdrawn_articles_zone_is_gone_from_the_page(client, page, printed, editor):
    _, articles = printed
    Article.objects.filter(pk=articles[0].pk).update(status=Article.Status.WITHDRAWN)

    html = client.get(page.get_absolute_url()).content.decode()

    assert [label for _, label in zone_links(html)] == [a.headline for a in articles[1:]]
