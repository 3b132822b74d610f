import datetime

import pytest

from articles import search
from articles.models import Article
from tests.conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db

# Seed articles by their position on the page:
# 1 全域式创新… (吴兴)  2 技能引领新“食”尚 (拱墅)  3 立足小窗口… (西湖)
# 4 引领职工学法知法护法 (镇海)  5 “劳动专列”… (诸暨)  6 沉浸式感悟红色精神 (武义)
# 7 永把“廉”字刻心头 (长兴)
SEED_QUERIES = [
    ("劳模", [1, 5]),
    ("工匠", [1, 2, 5]),
    ("技能竞赛", [3, 1, 2]),  # the headline group's match first
    ("技能 竞赛", [3, 1, 2]),  # all words in 3's headline group; 2's has only one
    ("劳模 工匠", [1, 5]),
    ("吴兴", [1]),
    ("湖州", [1, 7]),  # 长兴县 is in 湖州市
    ("杭州", [3, 2]),
    ("宁波", [4]),
    ("诸暨", [5]),
    ("长兴", [7]),
    ("寿慧桢", [1, 7]),  # a reporter's name finds their articles
    ("杨磊", [2]),  # a photo credit counts too
    ("法润工心", [4]),  # a section's name
    ("红色", [6, 5]),
    ("廉", [7]),  # one character: no bigram, still found
    ("政务服务", [3]),
    ("公交车", [5]),
    ("926", [2]),
    ("金点子", [1]),
    ("普法", [4]),
    ("技能竞赛 吴兴", [1]),
    ("不存在的词", []),
    ("劳模 不存在", []),
]


def positions(query):
    return [a.position for a in search.search(Article.objects.published(), query)]


@pytest.mark.parametrize(("query", "expected"), SEED_QUERIES)
def test_seed_query_finds_exactly_these_articles(seed, query, expected):
    assert positions(query) == expected


def test_blank_or_punctuation_query_finds_nothing(seed):
    assert positions("") == []
    assert positions("  ，。！ ") == []


def test_full_width_digits_and_latin_case_are_normalised(seed):
    assert positions("９２６") == [2]
    article = make_article(body="在 AI 时代，职工学习 Python。")
    assert [a.pk for a in search.search(Article.objects.published(), "python")] == [article.pk]


def test_words_are_not_matched_across_a_gap():
    make_article(body="技能比武与竞赛并举。")
    assert search.search(Article.objects.published(), "技能竞赛").count() == 0


def test_drafts_and_future_articles_are_never_found():
    make_article(headline="劳模风采", status=Article.Status.DRAFT)
    make_article(
        headline="劳模故事",
        published_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
    )
    visible = make_article(headline="劳模精神")
    assert list(search.search(Article.objects.published(), "劳模")) == [visible]


def test_newer_issue_comes_first_among_equal_matches():
    old = make_article(page=make_page(issue=make_issue(date=datetime.date(2023, 1, 1))))
    new = make_article(page=make_page(issue=make_issue(date=datetime.date(2024, 1, 1))))
    for article in (old, new):
        article.body = "工匠精神代代传。"
        article.save()
    assert list(search.search(Article.objects.published(), "工匠")) == [new, old]


def test_edits_to_tags_and_bylines_are_searchable_at_once():
    article = make_article(reporters=[("羊荣江", "记者")])
    article.tags.add("职工书屋")
    found = search.search(Article.objects.published(), "职工书屋 羊荣江")
    assert list(found) == [article]
    article.tags.clear()
    assert search.search(Article.objects.published(), "职工书屋").count() == 0


def test_snippet_escapes_text_and_marks_every_match():
    text = "前言<script>很长的</script>文字，劳模工匠与劳模精神。"
    html = search.snippet(text, "劳模")
    assert "<script>" not in html
    assert "&lt;/script&gt;" in html
    assert html.count("<mark>劳模</mark>") == 2


# The query builder for PostgreSQL's index, tested as plain Python (it runs on SQLite too).


def bigram(pair):
    """A bigram as the index writes it: each character's code point, in ASCII."""
    return "".join(f"u{ord(c):x}" for c in pair)


@pytest.mark.parametrize(
    "words, expected",
    [
        (["劳模"], "u52b3u6a21"),
        (["技能竞赛"], " & ".join(bigram(p) for p in ("技能", "能竞", "竞赛"))),
        # Every word is in the query, not only the first.
        (["劳模", "工匠"], f"{bigram('劳模')} & {bigram('工匠')}"),
        (["劳模", "工匠", "竞赛"], " & ".join(bigram(w) for w in ("劳模", "工匠", "竞赛"))),
        # A bigram two words share is asked for once.
        (["劳模劳模", "劳模"], f"{bigram('劳模')} & {bigram('模劳')}"),
        # Latin words and digits match as prefixes, beside the Chinese bigrams of the same word.
        (["ai"], "ai:*"),
        (["ai编程", "2024"], f"ai:* & {bigram('编程')} & 2024:*"),
        (["5g", "5g"], "5g:*"),
    ],
)
def test_tsquery_ands_every_bigram_and_prefix_of_every_word(words, expected):
    assert search.tsquery(words) == expected


@pytest.mark.parametrize(
    "words", [[], ["会"], ["劳模", "会"], ["会", "劳模"], ["ai", "工"], ["劳模", "ai会"]]
)
def test_tsquery_is_none_when_the_index_cannot_narrow_the_search(words):
    # No words, or a single Chinese character anywhere: the exact-word check answers alone.
    assert search.tsquery(words) is None


def test_tsquery_of_a_readers_query_goes_through_query_words():
    words = search.query_words("  技能　竞赛 技能 ！！ ＡＩ ")
    assert words == ["技能", "竞赛", "ai"]
    assert search.tsquery(words) == f"{bigram('技能')} & {bigram('竞赛')} & ai:*"


def test_snippet_is_a_window_of_the_text_around_the_first_match_with_ellipses():
    text = "甲" * 30 + "劳模" + "乙" * 40
    # A third of the width before the match, the rest after; … where text was cut off.
    assert search.snippet(text, "劳模") == "…" + "甲" * 20 + "<mark>劳模</mark>" + "乙" * 38 + "…"
    assert search.snippet(text, "劳模", width=12) == "…甲甲甲甲<mark>劳模</mark>乙乙乙乙乙乙…"


def test_snippet_starts_at_the_text_when_the_match_is_near_it_or_absent():
    assert search.snippet("劳模" + "乙" * 10, "劳模") == "<mark>劳模</mark>" + "乙" * 10
    assert search.snippet("乙" * 70, "劳模") == "乙" * 60 + "…"
    assert search.snippet("", "劳模") == ""


def test_snippet_starts_at_a_words_first_occurrence_even_at_the_very_start():
    text = "劳模" + "甲" * 40 + "工匠" + "乙" * 40 + "劳模"
    assert search.snippet(text, "工匠 劳模").startswith("<mark>劳模</mark>甲甲")
    assert search.snippet(text, "工匠").startswith("…" + "甲" * 20 + "<mark>工匠</mark>")


def test_snippet_takes_the_earliest_of_the_words_and_marks_each_in_any_case():
    text = "丙" * 50 + "工匠" + "丁" * 5 + "AI劳模"
    html = search.snippet(text, "劳模 ai 工匠")
    assert (
        html
        == "…" + "丙" * 20 + "<mark>工匠</mark>" + "丁" * 5 + "<mark>AI</mark><mark>劳模</mark>"
    )


def test_snippet_reads_crossheads_and_lines_as_running_text():
    body = f"第一段。\n{search.CROSSHEAD_PREFIX}小标题\n劳模出场。"
    assert search.snippet(body, "劳模") == "第一段。 小标题 <mark>劳模</mark>出场。"


# The lookup and the column on PostgreSQL, compiled here without one.


class Pretending:
    """This database's connection under another vendor's name: enough to compile SQL text."""

    def __init__(self, real, vendor):
        self.real, self.vendor = real, vendor

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_terms_match_compiles_to_the_index_expression_on_postgresql():
    from django.db import connection

    query = Article.objects.filter(search_terms__terms_match="u52b3u6a21").query
    [lookup] = query.where.children
    compiler = query.get_compiler(connection=connection)
    sql, params = lookup.as_sql(compiler, Pretending(connection, "postgresql"))
    column = f'"{Article._meta.db_table}"."search_terms"'
    assert (sql, params) == (
        f"{column} @@ to_tsquery('simple'::regconfig, %s)",
        ["u52b3u6a21"],
    )
    # Elsewhere the lookup lets every row through, for the exact-word check to decide.
    assert lookup.as_sql(compiler, Pretending(connection, "sqlite")) == ("1 = 1", [])


def test_search_terms_column_is_a_tsvector_on_postgresql_and_text_elsewhere():
    from django.db import connection

    field = Article._meta.get_field("search_terms")
    postgresql, sqlite = Pretending(connection, "postgresql"), Pretending(connection, "sqlite")
    assert field.db_type(postgresql) == "tsvector"
    assert field.get_placeholder("x", None, postgresql) == "%s::tsvector"
    assert field.db_type(sqlite) == connection.data_types["TextField"]
    assert field.get_placeholder("x", None, sqlite) == "%s"


def test_snippet_marks_a_longer_word_whole_before_a_shorter_one_inside_it():
    assert search.snippet("劳模工匠", "工匠 劳模工匠").startswith("<mark>劳模")
    assert search.snippet("劳模工匠", "劳模 劳模工匠").endswith("工匠</mark>")


def test_snippet_ellipses_mark_exactly_where_text_was_cut():
    assert search.snippet("甲" * 21 + "劳模", "劳模") == "…" + "甲" * 20 + "<mark>劳模</mark>"
    assert search.snippet("乙" * 60, "劳模") == "乙" * 60
    assert search.snippet("乙" * 61, "劳模") == "乙" * 60 + "…"


def test_a_page_of_results_that_straddles_headline_and_other_matches_shows_exactly_its_rows(
    seed,
):
    # 技能竞赛: 3 in its headline group, then 1 and 2 in their text. A results page may start in
    # the first group and end in the second; on SQLite that is two queries, never a UNION.
    results = search.search(Article.objects.published(), "技能竞赛")
    assert [a.position for a in results[0:2]] == [3, 1]
    assert [a.position for a in results[0:3]] == [3, 1, 2]
    assert [a.position for a in results[1:3]] == [1, 2]
    assert [a.position for a in results[0:10]] == [3, 1, 2]


def test_matching_filters_to_articles_with_every_word_in_any_order(seed):
    published = Article.objects.published()
    assert sorted(a.position for a in search.matching(published, "工匠 劳模")) == [1, 5]
    # The whole article is searched unless asked for the headline group only.
    assert sorted(a.position for a in search.matching(published, "技能竞赛")) == [1, 2, 3]
    headline_only = search.matching(published, "技能竞赛", title_only=True)
    assert [a.position for a in headline_only] == [3]
    assert list(search.matching(published, " ，。 ")) == []


def test_highlight_escapes_a_headline_and_marks_the_query_words():
    html = search.highlight("<b>AI</b>时代的劳模", "劳模 ai")
    assert html == "&lt;b&gt;<mark>AI</mark>&lt;/b&gt;时代的<mark>劳模</mark>"
    assert search.highlight("劳模", "") == "劳模"


def test_a_straddling_page_keeps_headline_matches_first_then_the_newer_issue_first():
    hour = datetime.timedelta(hours=1)
    now = datetime.datetime(2024, 5, 1, 8, tzinfo=datetime.UTC)
    in_headline = make_article(headline="劳模风采", published_at=now - 3 * hour)
    older = make_article(body="一位劳模的故事。", published_at=now - 2 * hour)
    newer = make_article(body="又一位劳模。", published_at=now - hour)
    results = search.search(Article.objects.published(), "劳模")
    assert results[0:3] == [in_headline, newer, older]
    assert results[0:2] == [in_headline, newer]


def test_a_kicker_match_ranks_with_the_headline_group():
    hour = datetime.timedelta(hours=1)
    now = datetime.datetime(2024, 5, 1, 8, tzinfo=datetime.UTC)
    kicker = make_article(kicker="劳模风采", headline="他的二十年", published_at=now - 2 * hour)
    body = make_article(body="一位劳模的故事。", published_at=now - hour)
    assert list(search.search(Article.objects.published(), "劳模")) == [kicker, body]


def test_only_the_articles_own_text_is_searchable_not_what_joins_its_parts():
    make_article(kicker="引题", headline="劳模风采", subheadline="副题", body="正文。")
    assert search.search(Article.objects.published(), "xx").count() == 0
    assert search.search(Article.objects.published(), "劳模").count() == 1


def test_index_terms_are_bigrams_of_chinese_runs_and_whole_latin_words():
    assert search.terms("会 劳模工匠 AI2024 㐀㐁㐂") == [
        bigram("会"),  # a lone character is indexed as itself
        bigram("劳模"),
        bigram("模工"),
        bigram("工匠"),
        "ai2024",
        bigram("㐀㐁"),  # the first CJK character of all is Chinese too
        bigram("㐁㐂"),
    ]
    assert search.terms(None) == []


def test_counts_stop_at_the_cap_and_say_whether_more_matched(seed, monkeypatch):
    published = Article.objects.published()
    results = search.search(published, "技能竞赛")
    assert results.counts() == (1, 2)
    assert len(results) == 3
    assert results.capped is False
    # Three matches against a cap of three: all counted, none more.
    monkeypatch.setattr(search.SearchResults, "MAX_COUNTED", 3)
    results = search.search(published, "技能竞赛")
    assert (results.count(), results.capped) == (3, False)
    # Against a cap of two: "2+".
    monkeypatch.setattr(search.SearchResults, "MAX_COUNTED", 2)
    results = search.search(published, "技能竞赛")
    assert (results.count(), results.capped) == (2, True)


def test_snippet_finds_a_word_written_full_width_before_it_is_written_plainly():
    text = "丙" * 30 + "ＡＩ助手" + "丁" * 30 + "ai助手"
    assert search.snippet(text, "ai", width=12) == "…丙丙丙丙ＡＩ助手丁丁丁丁…"


def test_headline_matches_past_the_cap_of_other_matches_are_counted_and_shown_first(
    db, monkeypatch
):
    # Filed before and after, so that the first rows the database finds, in whichever order it
    # reads them, are other matches.
    def others():
        for n in range(4):
            make_article(headline=f"普通稿件{n}", body="本文写到了劳模的故事。")

    others()
    in_title = {make_article(headline=f"劳模风采{n}", body="正文。").pk for n in range(2)}
    others()
    monkeypatch.setattr(search.SearchResults, "MAX_COUNTED", 2)

    results = search.search(Article.objects.published(), "劳模")

    assert results.counts() == (2, 0)
    assert results.capped is True
    assert {article.pk for article in results[0:2]} == in_title
