"""Precision and recall of the page-text parser per field, on a corpus of real pages.

    .venv/bin/python bench/parser_corpus.py /work/corpus/real [--details]

The corpus lives outside the repository (its sentences are other people's work): a folder of
`<id>.txt` page texts, each with `<id>.expected.json`, the facts an editor records, written by
hand (format: articles/importing/evaluation.py); a .txt without facts (SOURCES.txt, the list of
addresses) is skipped. Pure Python: no database, no Django.

A page that prints no headline has "headline": null in its facts. The parser then gives a
stand-in flagged as such; the two agree, so they pair (even with no credit or place to pair by)
and the stand-in counts as no headline part. A headline the parser does not flag where the page
printed none counts as wrong, and so does a stand-in where the page printed a headline or on an
article that pairs with no facts. The rule in full: evaluation.py's docstring.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.importing.evaluation import Report, score_page  # noqa: E402
from articles.importing.gazetteer import Gazetteer, load_places_from_fixture  # noqa: E402
from articles.importing.parsing import parse_issue  # noqa: E402
from articles.importing.text import PageError  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of <id>.txt and <id>.expected.json")
    parser.add_argument("--details", action="store_true", help="list every miss, page by page")
    args = parser.parse_args()
    gazetteer = Gazetteer(load_places_from_fixture(ROOT / "fixtures" / "regions.json"))
    total, refused, papers = Report(), [], set()
    for path in sorted(args.corpus.glob("*.txt")):
        expected = path.with_suffix(".expected.json")
        if not expected.exists():
            continue  # not a page: the corpus's list of sources (SOURCES.txt)
        facts = json.loads(expected.read_text(encoding="utf-8"))
        papers.add(facts.get("paper"))
        try:
            issue = parse_issue([(path.name, path.read_bytes())], "2024-10-09", 1, places=gazetteer)
        except PageError as error:
            refused.append(str(error))
            empty = {"page": facts.get("page"), "articles": []}
            total.add(score_page(_EmptyPage(), facts, path.stem) if empty else None)
            continue
        total.add(score_page(issue.pages[0], facts, path.stem))
    print(f"{total.pages} pages from {len(papers)} papers, {len(refused)} refused")
    print(total.table())
    for message in refused:
        print("refused:", message)
    if args.details:
        for name, field_name, missing, extra in total.misses:
            print(f"{name}  {field_name}: missing {missing} extra {extra}")


class _EmptyPage:
    """A refused page: it gave no articles and no header."""

    number = None
    name = None
    articles = ()


if __name__ == "__main__":
    main()
