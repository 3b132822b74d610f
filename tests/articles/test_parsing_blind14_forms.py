"""Forms from blind sets 10, 13 and 14 (all text invented, laid out as the real pages were):
another article's teaser under the credit that ends this one, a site's 时间/来源 fields run into
the first sentence, and a lone ▲ caption under a text.
"""

from articles.importing.parsing import parse_issue

BODY = (
    "近日，某某县总工会为快递员送上入会礼包。\n据了解，联合工会将设立暖心驿站，为快递员提供服务。"
)


def parse(text):
    [page] = parse_issue([("p.txt", text.encode())], "2024-10-09", 1).pages
    return page


def test_a_teaser_cut_off_under_the_closing_credit_is_not_the_articles_text():
    credit = "（记者 鲁明远 通讯员 郑晓燕）"
    text = f"# 标题\n\n{BODY}{credit}\n\n3月2日，志愿者为环卫工人测量血压，穿着橙色工装..."
    page = parse(text)
    [article] = page.articles
    assert article.paragraphs[-1] == "据了解，联合工会将设立暖心驿站，为快递员提供服务。"
    assert [(c.name, c.role) for c in article.people] == [("鲁明远", "记者"), ("郑晓燕", "通讯员")]
    assert [w.line for w in page.warnings if "另一篇稿件的摘要" in w.message] == [6]


def test_a_teaser_under_a_credit_line_of_its_own_is_left_out_too():
    text = f"# 标题\n\n{BODY}\n\n记者 鲁明远\n\n3月2日，志愿者为环卫工人测量血压……"
    [article] = parse(text).articles
    assert article.paragraphs[-1].endswith("提供服务。")
    assert [(c.name, c.role) for c in article.people] == [("鲁明远", "记者")]


def test_text_cut_off_with_no_credit_before_it_stays_the_articles_text():
    # No credit closes the article above it: the ellipsis is this text's own cut, kept and noted.
    text = f"# 标题\n\n{BODY}\n\n3月2日，志愿者为环卫工人测量血压……"
    [article] = parse(text).articles
    assert article.paragraphs[-1] == "3月2日，志愿者为环卫工人测量血压……"
