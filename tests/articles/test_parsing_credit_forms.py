"""Credit forms of sites and accounts (blind set 5): a bracket whose close was lost, credits
under colon labels (制图 is a credit for a graphic, beside the photos), a job title printed
before the writer's name, a site's author field ending in 摄."""

import pytest

from articles.importing.bylines import parse_credit_phrase, parse_titled_byline
from articles.importing.credits_in_text import split_trailing_credit
from articles.importing.parsing import parse_page
from tests.articles.conftest import people


def test_a_bracketed_credit_whose_close_was_lost_ends_the_paragraph():
    text, phrase, glued = split_trailing_credit("会上表彰了十名先进。(记者 高远 通讯员 钟林")
    assert text == "会上表彰了十名先进。"
    assert people(phrase.text_credits) == [("高远", "记者"), ("钟林", "通讯员")]
    assert not glued


@pytest.mark.parametrize(
    "text",
    [
        "他说：“这次活动很好（大家都来了",
        "会上表彰了十名先进。(高远",
        "会上表彰了十名先进。(详见附件",
    ],
)
def test_an_unclosed_bracket_without_a_role_word_is_no_credit(text):
    assert split_trailing_credit(text) is None


def test_a_graphic_credit_under_a_colon_label_is_a_photo_credit():
    phrase = parse_credit_phrase("制图：施晓燕")
    assert people(phrase.photo_credits) == [("施晓燕", "制图")]
    assert phrase.text_credits == []


def test_graphic_is_no_role_word_before_names_in_running_text():
    assert parse_credit_phrase("制图 施晓燕") is None


def test_a_job_title_before_a_name_is_the_printed_role():
    phrase = parse_titled_byline("某某日报社党委书记、社长 孙立平")
    assert people(phrase.text_credits) == [("孙立平", "某某日报社党委书记、社长")]


@pytest.mark.parametrize(
    "text", ["某某日报社党委书记、社长", "职工书记 好样的", "市总工会主席 工会"]
)
def test_a_title_without_a_persons_name_is_no_byline(text):
    assert parse_titled_byline(text) is None


def test_colon_credits_on_their_own_lines_close_an_accounts_article():
    text = (
        "江南区表彰一批技术能手！这些人榜上有名\n\n"
        "近日，江南区总工会表彰了一批技术能手，他们来自制造、建筑等行业。\n\n\n"
        "表彰大会现场\n\n\n"
        "能手代表发言\n\n\n"
        "技术能手们表示，将继续钻研技艺，带好徒弟。\n\n"
        "记者：钱多多\n\n摄影：孟夏\n\n制图：施晓燕\n\n编辑/版式：严青\n"
    )
    page = parse_page(text, "p.txt", 1)
    [article] = page.articles
    assert article.headline == "江南区表彰一批技术能手！这些人榜上有名"
    assert article.kicker is None and article.subheadline is None
    assert people(article.people) == [("钱多多", "记者")]
    photo_people = {(c.name, c.role) for photo in article.photos for c in photo.people}
    assert photo_people == {("孟夏", "摄影"), ("施晓燕", "制图")}


def test_a_credit_line_naming_a_reporter_and_a_photographer_credits_each_in_their_role():
    text = (
        "城南公园改造完工\n\n"
        "记者 王伟 摄影 李强\n\n"  # line 3
        "本报讯 经过半年施工，城南公园改造工程日前完工，新增步道三公里。\n"
    )
    [article] = parse_page(text, "p.txt", 1).articles
    assert people(article.people) == [("王伟", "记者")]
    assert [people(photo.credits) for photo in article.photos] == [[("李强", "摄影")]]
    assert article.blocks == [
        ("paragraph", "经过半年施工，城南公园改造工程日前完工，新增步道三公里。")
    ]
