"""Serve the site with gunicorn (production settings, 2 workers) and load it with wrk.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/run.py

Needs an archive made by bench/generate.py in that database, and `wrk` (Debian package). For
each page (home, issue, page, list first page and page 2,000, list by region and by tag, search,
500 article pages in rotation, reporter) it runs wrk for --duration seconds at --connections,
uncached (PAGE_CACHE=0) and cached (the page cache on Redis), and reports requests per second,
p50 and p99 latency, errors and SQL queries per request. It also times the admin as an editor
and prints each worker's peak memory. The markdown table goes to bench/results/.
"""

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

# This process counts each page's queries: with the page cache on, a page counted twice (one
# article alone, then first in the rotation) was a hit with no queries. The servers say theirs.
os.environ.setdefault("PAGE_CACHE", "0")

from django_setup import ROOT  # sets Django up: before any Django import

# isort: split
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Issue, Reporter, Section
from articles.pagination import ARTICLES_PER_PAGE, PRINT_ORDER, print_key
from regions.models import Region

PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")


def targets():
    """(label, path or list of paths) for each page measured."""
    latest = Issue.objects.published().order_by("-date").first()
    page = latest.pages.order_by("number").first()
    city = Region.objects.filter(kind="city").order_by("code").first()
    published = Article.objects.published()
    articles = list(published.order_by("-published_at").values_list("pk", flat=True)[:500])
    # Page 200 of the list (the key after the 4,000th article; the peer's deep page), or the last
    # page of a smaller archive: the cursor of the article just before it in print order.
    deep_page = min(200, published.count() // ARTICLES_PER_PAGE)
    deep = published.select_related("issue", "page").order_by(*PRINT_ORDER)[
        (deep_page - 1) * ARTICLES_PER_PAGE - 1
    ]
    tag = Article.tags.most_common()[:1]
    reporter = Reporter.objects.filter(bylines__isnull=False).first()
    return [
        ("首页", "/"),
        ("一期", latest.get_absolute_url()),
        ("一版", page.get_absolute_url()),
        ("稿件列表第1页", "/articles/"),
        (f"稿件列表第{deep_page}页", f"/articles/?after={print_key(deep)}"),
        ("按地区筛选", f"/articles/?region={city.slug}"),
        ("按标签筛选", f"/articles/?tag={tag[0].slug}" if tag else "/articles/"),
        ("搜索", "/search/?q=劳模"),
        ("一篇稿件", f"/articles/{articles[0]}/"),
        ("稿件（500篇轮换）", [f"/articles/{pk}/" for pk in articles]),
        ("作者页", reporter.get_absolute_url()),
        ("栏目页", Section.objects.public().order_by("pk").first().get_absolute_url()),
        ("地区页", city.get_absolute_url()),
        # Django's ceiling: a fixed page of an article's size through the same stack and server.
        ("框架上限", "/ceiling/"),
    ]


def queries_per_request(path):
    if path == "/ceiling/":  # bench/ceiling_wsgi.py's own page: no database
        return 0, 200
    client = Client()
    with CaptureQueriesContext(connection) as context:
        status = client.get(path).status_code
    return len(context.captured_queries), status


def start_gunicorn(extra_env, wsgi="newsroom.wsgi"):
    # No access log lines and no worker recycling while measuring.
    env = {**os.environ, "ACCESS_LOG_LEVEL": "WARNING", "MAX_REQUESTS": "0", **extra_env}
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"), wsgi,
        "--config", str(ROOT / "gunicorn.conf.py"),
        "--workers", "2", "--bind", f"127.0.0.1:{PORT}", "--no-control-socket",
        "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(cmd, cwd=ROOT, env=env)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def worker_peak_memory_kib(server):
    peaks = []
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    for pid in children.read_text().split() if children.exists() else []:
        status = Path(f"/proc/{pid}/status").read_text()
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            peaks.append(int(match.group(1)))
    return peaks


def run_wrk(path, duration, connections):
    env = {**os.environ}
    url = BASE + "/"
    if isinstance(path, list):
        handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
        handle.write("\n".join(urllib.parse.quote(p, safe="/?=&") for p in path))
        handle.close()
        env["PATHS_FILE"] = handle.name
    else:
        url = BASE + urllib.parse.quote(path, safe="/?=&")
    # Warm up (connections, template caches, the page cache) before measuring: every page of a
    # rotation once, so that the cached run measures hits, not the first render of 500 pages.
    for each in path if isinstance(path, list) else [path]:
        urllib.request.urlopen(BASE + urllib.parse.quote(each, safe="/?=&"), timeout=30).read()
    subprocess.run(["wrk", "-t2", "-c4", "-d1s", "-s", str(ROOT / "bench/wrk_report.lua"), url],
                   env=env, capture_output=True, check=False)  # fmt: skip
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s",
         str(ROOT / "bench/wrk_report.lua"), url],
        env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    line = next(line for line in out.splitlines() if line.startswith("JSON "))
    data = json.loads(line[5:])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def admin_timings():
    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    article = Article.objects.order_by("-pk").first()
    city = Region.objects.filter(kind="city").first()
    pages = [
        ("后台稿件列表", "/admin/articles/article/"),
        ("后台列表·按状态筛选", "/admin/articles/article/?status__exact=published"),
        ("后台列表·按地区筛选", f"/admin/articles/article/?region={city.code}"),
        ("后台列表·搜索", "/admin/articles/article/?q=劳模"),
        ("后台稿件编辑页", f"/admin/articles/article/{article.pk}/change/"),
    ]
    rows = []
    for label, path in pages:
        times = []
        for _ in range(7):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        rows.append((label, response.status_code, statistics.median(times), max(times)))
    return rows


def main():
    parser = argparse.ArgumentParser(description="Load the site with wrk")
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--only", help="measure only pages whose label contains one of these (comma-separated)"
    )
    args = parser.parse_args()

    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True
    )
    count = Article.objects.count()
    only = args.only.split(",") if args.only else [""]
    pages = [t for t in targets() if any(part in t[0] for part in only)]
    queries = {}
    for label, path in pages:
        first = path[0] if isinstance(path, list) else path
        queries[label] = queries_per_request(first)
    results, memory = {}, {}
    for mode, env in (
        ("未缓存", {"PAGE_CACHE": "0"}),
        ("缓存", {"PAGE_CACHE": "1", "REDIS_URL": REDIS_URL}),
    ):
        if mode == "缓存":
            subprocess.run(
                ["redis-cli", "-u", REDIS_URL, "FLUSHDB"], capture_output=True, check=False
            )
        server = start_gunicorn(env, wsgi="bench.ceiling_wsgi")
        try:
            for label, path in pages:
                results[(mode, label)] = run_wrk(path, args.duration, args.connections)
                print(f"{mode} {label}: {results[(mode, label)]['rps']:.0f} 次/秒", file=sys.stderr)
            memory[mode] = worker_peak_memory_kib(server)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    admin = admin_timings()

    lines = [
        f"# 基准测试：{count:,} 篇稿件，{connection.vendor}，gunicorn 2 workers，"
        f"wrk {args.connections} 连接 × {args.duration} 秒",
        "",
        "| 页面 | SQL/请求 | 模式 | 请求/秒 | p50 (ms) | p99 (ms) | 错误 |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, _ in pages:
        n, status = queries[label]
        for mode in ("未缓存", "缓存"):
            r = results[(mode, label)]
            lines.append(
                f"| {label} | {n} (HTTP {status}) | {mode} | {r['rps']:,.0f} "
                f"| {r['p50'] / 1000:.1f} | {r['p99'] / 1000:.1f} "
                f"| {r['non2xx'] + r['socket_errors']} |"
            )
    lines += ["", "| 后台页面 | HTTP | 服务端中位数 (ms) | 最慢 (ms) |", "|---|---|---|---|"]
    lines += [
        f"| {label} | {status} | {median:.0f} | {worst:.0f} |"
        for label, status, median, worst in admin
    ]
    peaks = "；".join(
        f"{mode} " + ", ".join(f"{kib / 1024:.0f} MiB" for kib in kibs)
        for mode, kibs in memory.items()
    )
    lines += ["", f"每个 worker 的内存峰值 (VmHWM)：{peaks}"]
    report = "\n".join(lines) + "\n"
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    path = out_dir / f"{time.strftime('%Y%m%d-%H%M%S')}-{count}.md"
    path.write_text(report, encoding="utf-8")
    print(report)
    print(f"写入 {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
