"""Page view throughput of the printed page (版面图 with its zones), with the image.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_printed .venv/bin/python \\
        bench/printed_page.py [--duration 10] [--connections 16]

Loads the seed issue into that database (migrate, regions, seed_issue; not timed), lays out
the seed page's PDF and stores it as the importer does (epaper.processing.process_page_pdf),
then serves the site with gunicorn (production settings, 2 workers) and its media files with
whitenoise (bench/media_wsgi.py: the image is never served by a Django view), and loads it with
wrk: the page's HTML uncached (PAGE_CACHE=0) and cached (Redis), the page image alone (desktop
and phone WebP), and whole page views (the HTML, then the desktop image: two requests each).
Prints a markdown table (bench/results/ too) with SQL queries per page.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MEDIA = Path(tempfile.mkdtemp(prefix="bench-printed-media-"))
os.environ["MEDIA_ROOT"] = str(MEDIA)

from django_setup import ROOT  # noqa: E402 - sets Django up: before any Django import

# isort: split
import run  # noqa: E402 - bench/run.py: gunicorn, wrk and the report's helpers
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from articles.models import Page  # noqa: E402
from epaper.processing import process_page_pdf  # noqa: E402
from epaper.testing import make_pages  # noqa: E402


def prepare():
    call_command("migrate", verbosity=0)
    call_command("loaddata", "regions", "seed_issue", verbosity=0)
    page = Page.objects.select_related("issue").get(issue__date="2024-10-08", number=2)
    with tempfile.TemporaryDirectory() as directory:
        make_pages.build(directory, issue=0)
        page_pdf = process_page_pdf(page, Path(directory) / "seed-page.pdf")
    renditions = {(r.kind, r.format): r for r in page_pdf.renditions.all()}
    return page, page_pdf, renditions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True
    )
    page, page_pdf, renditions = prepare()
    html = page.get_absolute_url()
    desktop = "/media/" + renditions[("desktop", "webp")].file.name
    phone = "/media/" + renditions[("phone", "webp")].file.name
    sizes = {
        kind: renditions[(kind, "webp")].file.size for kind in ("desktop", "phone", "thumbnail")
    }
    queries, status = run.queries_per_request(html)
    targets = [
        ("一版 HTML", html),
        ("版面图 桌面 WebP", desktop),
        ("版面图 手机 WebP", phone),
        ("整次浏览（HTML + 桌面版面图）", [html, desktop]),
    ]
    results = {}
    for mode, env in (("未缓存", {"PAGE_CACHE": "0"}), ("缓存", {"REDIS_URL": run.REDIS_URL})):
        if mode == "缓存":
            subprocess.run(["redis-cli", "-u", run.REDIS_URL, "FLUSHDB"], capture_output=True)
        server = run.start_gunicorn(env, wsgi="bench.media_wsgi")
        try:
            for label, path in targets:
                results[(mode, label)] = run.run_wrk(path, args.duration, args.connections)
                print(f"{mode} {label}: {results[(mode, label)]['rps']:.0f} 次/秒", file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines = [
        f"# 版面页吞吐：{connection.vendor}，gunicorn 2 workers，媒体文件由 whitenoise 提供，"
        f"wrk {args.connections} 连接 × {args.duration} 秒",
        "",
        f"一版 HTML：{queries} 条 SQL（HTTP {status}），7 个热区；版面图 WebP 大小："
        + "，".join(f"{kind} {size / 1024:.0f} KiB" for kind, size in sizes.items()),
        "",
        "| 请求 | 模式 | 请求/秒 | 浏览/秒 | p50 (ms) | p99 (ms) | 错误 |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, path in targets:
        for mode in ("未缓存", "缓存"):
            r = results[(mode, label)]
            views = r["rps"] / len(path) if isinstance(path, list) else r["rps"]
            lines.append(
                f"| {label} | {mode} | {r['rps']:,.0f} | {views:,.0f} "
                f"| {r['p50'] / 1000:.1f} | {r['p99'] / 1000:.1f} "
                f"| {r['non2xx'] + r['socket_errors']} |"
            )
    report = "\n".join(lines) + "\n"
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"{time.strftime('%Y%m%d-%H%M%S')}-printed-page.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
