"""Search latency at scale: p50 and p95 per kind of query, in-process against the database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/search.py

Times what the search page does for one request (the bounded count and the first page's rows,
with their credits, links and marks), over several queries of each kind, 20 rounds each.
"""

import statistics
import time

import django_setup  # noqa: F401  (sets Django up: before any Django import)

# isort: split
from django.db import connection

from articles import search, search_rows
from articles.models import Article

KINDS = {
    "常见两字词": ["劳模", "工匠", "职工", "工会"],
    "三四字词": ["技能竞赛", "独轮车", "金点子", "劳动专列"],
    "多词组合": ["劳模 工匠", "技能 竞赛 吴兴", "红色 运动会"],
    "人名地名": ["寿慧桢", "吴兴", "诸暨", "宁波"],
    "单字": ["廉", "赛"],
    "无结果": ["不存在的词语", "量子纠缠"],
}
ROUNDS = 20


def one_request(query):
    results = search.search(Article.objects.published().values(*search_rows.FIELDS), query)
    results.count()
    return search_rows.rows(results[0:20], query)


def main():
    print(f"{connection.vendor}，{Article.objects.count():,} 篇稿件")
    print("| 查询类型 | 例 | 结果数 | p50 (ms) | p95 (ms) |")
    print("|---|---|---|---|---|")
    for kind, queries in KINDS.items():
        times = []
        for query in queries:
            one_request(query)  # warm
            for _ in range(ROUNDS):
                started = time.perf_counter()
                one_request(query)
                times.append((time.perf_counter() - started) * 1000)
        counts = [search.search(Article.objects.published(), q).count() for q in queries]
        shown = "、".join(
            f"{q}({'1000+' if n >= 1000 else n})" for q, n in zip(queries, counts, strict=True)
        )
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        print(f"| {kind} | {shown} | | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
