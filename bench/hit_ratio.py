"""Page-cache hits against Django's ceiling, in turns, with the connections each worker held.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/hit_ratio.py

Two servers stay up (bench/ceiling_wsgi.py, gunicorn.conf.py, 2 workers): one with the page
cache (Redis) and one without, whose /ceiling/ is the ceiling. For each page (home, one article,
the list's first page) wrk runs hit, ceiling, hit, ceiling (--duration seconds each), and each
ratio pairs a hit run with the ceiling run right after it.

Beside each run, how wrk's connections were spread over the two workers, read halfway through
(`ss`): keep-alive keeps a connection on the worker that accepted it, and gunicorn's gthread
workers accept whatever comes, so a run may have 8 and 8, or 1 and 15, for its whole length. A
worker is one core at most (the GIL), so a lopsided run measures mostly one worker. In one
sitting (2026-11-30, load ~12 on 2 cores) hits of one page ranged 62–176% of the ceiling; the two
lowest were hit runs on 1 and 15, and 0 and 16. Read each ratio beside its spread.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from django_setup import ROOT  # sets Django up: before any Django import

# isort: split
from run import targets
from side_by_side import start_ours, wait_for

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
CEILING, CACHED = 8775, 8776
PAGES = ("首页", "一篇稿件", "稿件列表第1页")


def connections_per_worker(port):
    out = subprocess.run(
        ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    counts = {}
    for pid in re.findall(r"pid=(\d+)", out):
        counts[pid] = counts.get(pid, 0) + 1
    return sorted(counts.values())


def wrk(port, path, duration, connections):
    """Requests per second, p99 (ms) and the connections per worker, halfway through."""
    url = f"http://127.0.0.1:{port}" + urllib.parse.quote(path, safe="/?=&%")
    for _ in range(3):  # the first stores the page; then hits
        urllib.request.urlopen(url, timeout=60).read()
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s",
               str(ROOT / "bench/wrk_report.lua"), url]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as load:
        time.sleep(duration / 2)
        spread = connections_per_worker(port)
        out = load.communicate()[0]
    data = json.loads(next(line for line in out.splitlines() if line.startswith("JSON "))[5:])
    return data["requests"] / (data["duration_us"] / 1e6), data["p99"] / 1000, spread


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    pages = [(label, path) for label, path in targets() if label in PAGES]
    subprocess.run(["redis-cli", "-u", REDIS_URL, "FLUSHDB"], capture_output=True, check=False)
    servers = [
        start_ours(CEILING, {"PAGE_CACHE": "0"}),
        start_ours(CACHED, {"PAGE_CACHE": "1", "REDIS_URL": REDIS_URL}),
    ]
    try:
        for port in (CEILING, CACHED):
            wait_for(f"http://127.0.0.1:{port}/ceiling/")
        for label, path in pages:
            ratios = []
            for _ in range(args.rounds):
                hit = wrk(CACHED, path, args.duration, args.connections)
                ceiling = wrk(CEILING, "/ceiling/", args.duration, args.connections)
                ratios.append(hit[0] / ceiling[0])
                print(
                    f"{label} {path}: hit {hit[0]:,.0f}/s p99 {hit[1]:.1f} ms {hit[2]}, "
                    f"ceiling {ceiling[0]:,.0f}/s {ceiling[2]}: {ratios[-1]:.0%} "
                    f"(load {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
            print(f"{label}: {min(ratios):.0%}–{max(ratios):.0%}", flush=True)
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
