import pytest
from django.template import Context, Template

from articles.models import Byline, Photo, Reporter
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def render_credits(bylines):
    return Template("{% load bylines %}{{ bylines|credit_line }}").render(
        Context({"bylines": bylines})
    )


def test_credits_are_grouped_by_role_in_order_with_reporters_linked():
    article = make_article()
    shou = Reporter.objects.create(name="寿慧桢")
    jin = Reporter.objects.create(name="金儒彪")
    Byline.objects.create(article=article, reporter=shou, role="记者", position=1)
    Byline.objects.create(article=article, reporter=jin, role="通讯员", position=2)
    Byline.objects.create(article=article, organisation="<吴兴>总工会", role="通讯员", position=3)

    html = render_credits(article.bylines.select_related("reporter"))

    assert html == (
        f'<span class="credit">记者 <a href="{shou.get_absolute_url()}">寿慧桢</a></span> '
        f'<span class="credit">通讯员 <a href="{jin.get_absolute_url()}">金儒彪</a>、'
        "&lt;吴兴&gt;总工会</span>"
    )


def test_a_photographers_role_is_left_to_the_photo_credits_own_mark():
    article = make_article()
    photo = Photo.objects.create(article=article, caption="比赛现场。")
    Byline.objects.create(
        article=article, photo=photo, organisation="本报", role="摄影", position=1
    )
    Byline.objects.create(article=article, photo=photo, organisation="某社", role="", position=2)

    html = render_credits(photo.credits.all())

    assert html == '<span class="credit">本报</span> <span class="credit">某社</span>'
