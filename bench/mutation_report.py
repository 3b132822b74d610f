"""The mutation score per module, from the last `make mutation` run (mutmut's results in mutants/).

    .venv/bin/python bench/mutation_report.py [--survivors]

For each file in pyproject's [tool.mutmut] only_mutate: mutants killed (a test failed, or the
mutant ran past its time limit), survived, judged equivalent (bench/mutation_equivalents.toml:
each with why), not reached by any selected test, and not yet run. The score is killed over
killed + surviving non-equivalent mutants. Markdown on stdout; --survivors lists each survivor.
"""

import argparse
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "bench" / "mutation_equivalents.toml"
TARGET = 0.90

# A mutant is caught when a test failed, or when it ran past its time limit or crashed.
KILLED = {"killed", "timeout", "segfault", "caught by type check"}


def modules():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return config["only_mutate"]


def equivalents():
    if not EQUIVALENTS.exists():
        return {}
    return tomllib.loads(EQUIVALENTS.read_text())


def results(path):
    meta = ROOT / "mutants" / f"{path}.meta"
    if not meta.exists():
        return {}
    return json.loads(meta.read_text())["exit_code_by_key"]


def tally(path, judged):
    counts, survivors = Counter(), []
    for name, code in sorted(results(path).items()):
        status = status_by_exit_code[code]
        if status in KILLED:
            counts["killed"] += 1
        elif status != "survived":
            counts[status] += 1  # not checked, no tests, suspicious …
        elif name in judged:
            counts["equivalent"] += 1
        else:
            counts["survived"] += 1
            survivors.append(name)
    return counts, survivors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list every surviving mutant")
    args = parser.parse_args()
    judged = equivalents()
    print("| module | mutants | killed | survived | equivalent | no test | not run | score |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    below, all_survivors = [], []
    for path in modules():
        counts, survivors = tally(path, judged)
        all_survivors += survivors
        decided = counts["killed"] + counts["survived"]
        score = counts["killed"] / decided if decided else None
        if score is not None and score < TARGET:
            below.append(path)
        shown = f"{score:.1%}" if score is not None else "–"
        print(
            f"| {path} | {sum(counts.values())} | {counts['killed']} | {counts['survived']} "
            f"| {counts['equivalent']} | {counts['no tests']} | {counts['not checked']} | {shown} |"
        )
    print(f"\nTarget: {TARGET:.0%} of non-equivalent mutants killed in each module.")
    if below:
        print("Below it: " + ", ".join(below))
    if args.survivors:
        print("\nSurviving mutants (`mutmut show NAME` shows each):\n")
        print("\n".join(f"- {name}" for name in all_survivors))
    print("\nJudged equivalent (bench/mutation_equivalents.toml):\n")
    for name, why in sorted(judged.items()):
        print(f"- `{name}`: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
