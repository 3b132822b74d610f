"""Ours and the peer (../shared/bench-peer, a stock Wagtail site) measured in turns, page by page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/side_by_side.py

Needs an archive made by bench/generate.py in that database, and the peer set up once by its
runner (`bash ../shared/bench-peer/run_peer.sh`: venv, corpus, database, URLs). This machine's
speed drifts with whatever else runs on it, so instead of one whole run after the other, both
sites stay up and each page is measured ours, peer, ours, peer (wrk, --duration seconds each):
their ratio is taken from runs seconds apart. Ours uncached (PAGE_CACHE=0) and from the page
cache (Redis); the peer as its runner serves it (gunicorn, 2 sync workers, no cache). Writes a
markdown table to bench/results/.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from django_setup import ROOT  # sets Django up: before any Django import

# isort: split
from run import targets

PEER_DIR = ROOT.parent / "shared" / "bench-peer"
PEER_DATA = Path(os.environ.get("DATA_DIR", Path.home() / ".cache/newsroom-bench/data"))
PEER_VENV = Path(os.environ.get("VENV", Path.home() / ".cache/newsroom-bench/venv"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
OURS, CACHED, PEER = 8765, 8767, 8101


def wait_for(url):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def start_ours(port, extra_env):
    env = {**os.environ, "ACCESS_LOG_LEVEL": "WARNING", "MAX_REQUESTS": "0", **extra_env}
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"), "bench.ceiling_wsgi",
        "--config", str(ROOT / "gunicorn.conf.py"), "--workers", "2",
        "--bind", f"127.0.0.1:{port}", "--no-control-socket", "--log-level", "warning",
    ]  # fmt: skip
    return subprocess.Popen(cmd, cwd=ROOT, env=env)


def start_peer(urls):
    env = {
        **os.environ,
        "PEER_DB_NAME": os.environ.get("PEER_DB_NAME", "peer_wagtail"),
        "CEILING_HTML_FILE": str(PEER_DATA / "www" / "article.html"),
    }
    env.pop("DATABASE_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "peer.settings"
    cmd = [
        str(PEER_VENV / "bin/gunicorn"), "peer.wsgi:application", "--workers", "2",
        "--worker-class", "sync", "--bind", f"127.0.0.1:{PEER}", "--log-level", "warning",
    ]  # fmt: skip
    return subprocess.Popen(cmd, cwd=PEER_DIR / "peer_wagtail", env=env)


def wrk(port, path, duration, connections):
    """Requests per second, p50 and p99 (ms) of one wrk run, after warming every path once."""
    base = f"http://127.0.0.1:{port}"
    paths = path if isinstance(path, list) else [path]
    quoted = [urllib.parse.quote(p, safe="/?=&%") for p in paths]
    for each in quoted:
        urllib.request.urlopen(base + each, timeout=60).read()
    env = {**os.environ}
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(quoted))
    if len(paths) > 1:
        env["PATHS_FILE"] = handle.name
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s",
         str(ROOT / "bench/wrk_report.lua"), base + quoted[0]],
        env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    os.unlink(handle.name)
    data = json.loads(next(line for line in out.splitlines() if line.startswith("JSON "))[5:])
    errors = data["non2xx"] + data["socket_errors"]
    rps = data["requests"] / (data["duration_us"] / 1e6)
    return rps, data["p50"] / 1000, data["p99"] / 1000, errors


def peer_urls():
    runs = sorted((PEER_DATA / "results").glob("peer-*/urls.json"))
    if not runs:
        raise SystemExit("run ../shared/bench-peer/run_peer.sh once first")
    urls = json.loads(runs[-1].read_text())
    return urls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--only", nargs="*", help="measure only the cases whose label contains one of these"
    )
    args = parser.parse_args()

    ours = dict(targets())
    peer = peer_urls()
    cases = [
        ("one article page", ours["一篇稿件"], peer["detail"]),
        ("500 article pages in rotation", ours["稿件（500篇轮换）"], peer["rotate"]),
        ("article index, page 1", ours["稿件列表第1页"], peer["index"]),
        (
            "deep page (200)",
            next(v for k, v in ours.items() if k.startswith("稿件列表第") and k != "稿件列表第1页"),
            peer["index_deep"],
        ),
        ("list by a popular tag", ours["按标签筛选"], peer["tag_list"]),
        # The lists the peer has no page of its own for: the target is 3× its index page.
        ("index filtered by a city (vs the peer's index)", ours["按地区筛选"], peer["index"]),
        ("a reporter's page (vs the peer's index)", ours["作者页"], peer["index"]),
        ("a section's page (vs the peer's index)", ours["栏目页"], peer["index"]),
        ("a city's page (vs the peer's index)", ours["地区页"], peer["index"]),
        ("search (vs the peer's index)", ours["搜索"], peer["index"]),
        ("Django's ceiling (fixed page)", "/ceiling/", "/ceiling/"),
    ]
    if args.only:
        # The ceiling stays: it is what the cached figures are compared with.
        cases = [
            case
            for case in cases
            if case[1] == "/ceiling/" or any(word in case[0] for word in args.only)
        ]
    subprocess.run(["redis-cli", "-u", REDIS_URL, "FLUSHDB"], capture_output=True, check=False)
    servers = [
        start_ours(OURS, {"PAGE_CACHE": "0"}),
        start_ours(CACHED, {"PAGE_CACHE": "1", "REDIS_URL": REDIS_URL}),
        start_peer(peer),
    ]
    rows = []
    try:
        for port in (OURS, CACHED, PEER):
            wait_for(f"http://127.0.0.1:{port}/ceiling/")
        load = [os.getloadavg()[0]]
        for label, our_path, peer_path in cases:
            runs = {"ours": [], "cached": [], "peer": []}
            for _ in range(args.rounds):
                runs["ours"].append(wrk(OURS, our_path, args.duration, args.connections))
                runs["peer"].append(wrk(PEER, peer_path, args.duration, args.connections))
                if our_path != "/ceiling/":
                    runs["cached"].append(wrk(CACHED, our_path, args.duration, args.connections))
            rows.append((label, runs))
            load.append(os.getloadavg()[0])
            print(label, {k: [round(r[0]) for r in v] for k, v in runs.items()}, file=sys.stderr)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    report(args, rows, load)


def span(values, fmt="{:,.0f}"):
    low, high = fmt.format(min(values)), fmt.format(max(values))
    return low if low == high else f"{low}–{high}"


def report(args, rows, load):
    ceiling = next(runs["peer"] for label, runs in rows if label.startswith("Django"))
    our_ceiling = next(runs["ours"] for label, runs in rows if label.startswith("Django"))
    peer_ceiling = [r[0] for r in ceiling]
    own_ceiling = [r[0] for r in our_ceiling]
    lines = [
        f"# Side by side, in turns: {args.rounds} rounds of ours then the peer, "
        f"wrk 2 threads × {args.connections} connections × {args.duration} s",
        "",
        f"Load average during the run: {min(load):.1f}–{max(load):.1f} (2 cores, shared with "
        "other work). Ranges cover the rounds; ratios pair each of our runs with the peer's "
        "run right after it. Cached: ours from the Redis page cache (gthread gunicorn, "
        "keep-alive); the peer has no page cache. p99 in ms.",
        "",
        "| page | peer req/s | ours req/s (uncached) | ours / peer | ours p99 | "
        "ours cached req/s | cached / peer's ceiling | cached / our ceiling | errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, runs in rows:
        peer = [r[0] for r in runs["peer"]]
        ours = [r[0] for r in runs["ours"]]
        ratios = [o / p for o, p in zip(ours, peer, strict=True) if p]
        cached = [r[0] for r in runs["cached"]]
        errors = sum(r[3] for kind in runs.values() for r in kind)
        lines.append(
            f"| {label} | {span(peer)} | {span(ours)} | {span(ratios, '{:.2f}')} | "
            f"{span([r[2] for r in runs['ours']])} | "
            + (
                f"{span(cached)} | {span([c / max(peer_ceiling) for c in cached], '{:.0%}')}"
                f" | {span([c / max(own_ceiling) for c in cached], '{:.0%}')}"
                if cached
                else "– | – | –"
            )
            + f" | {errors} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"side_by_side-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(text)


if __name__ == "__main__":
    main()
