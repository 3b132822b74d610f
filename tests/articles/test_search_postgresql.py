"""PostgreSQL-only behaviour: reported as skipped, with its reason, on SQLite (see conftest)."""

import pytest
from django.db import connection

from articles import search
from articles.models import Article

pytestmark = pytest.mark.django_db


def test_postgresql_answers_search_from_the_gin_index(seed):
    # The bigram filter alone, so the tiny seed table's other indexes are not the cheaper path:
    # this proves the lookup's SQL matches the index expression, which is what lets it be used.
    bigrams = search.tsquery(search.query_words("技能竞赛"))
    query = Article.objects.filter(search_terms__terms_match=bigrams).order_by().values("pk")
    assert sorted(query.values_list("position", flat=True)) == [1, 2, 3]
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = query.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "article_search_terms_gin" in plan


def test_an_editors_search_in_the_admin_asks_postgresqls_bigram_index():
    # matching() (the admin's and the filters' search) narrows by the GIN index's bigrams.
    sql = str(search.matching(Article.objects.all(), "技能竞赛").query)
    assert "@@ to_tsquery('simple'::regconfig" in sql


def test_a_results_page_straddling_headline_and_other_matches_is_one_query(
    seed, django_assert_num_queries
):
    results = search.search(Article.objects.published(), "技能竞赛")
    assert results.counts() == (1, 2)
    with django_assert_num_queries(1):
        page = results[0:3]
    assert [a.position for a in page] == [3, 1, 2]


def test_a_search_is_answered_from_the_gin_index(seed):
    # All articles, so the published rule's own index is not the cheaper path on the tiny seed.
    results = search.search(Article.objects.all(), "技能竞赛")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = results.matches.order_by().values("pk").query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "article_search_terms_gin" in plan
    assert [a.position for a in results[0:3]] == [3, 1, 2]


def test_a_common_words_count_is_read_from_the_index_and_leaves_the_planner_as_it_was(seed):
    results = search.search(Article.objects.published(), "工会")
    expected = Article.objects.published().filter(search_document__contains="工会").count()
    assert expected > 1
    assert sum(results.counts()) == expected
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
        cursor.execute("SHOW enable_indexscan")
        assert cursor.fetchone() == ("on",)
