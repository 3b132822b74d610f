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
