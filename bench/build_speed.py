"""Build throughput: the spaCy pass on one process against several, on the same articles.

Reads the Re-DocRED test split (500 Wikipedia introductions, ~85,000 words) as articles,
builds the graph with `--jobs 1` (the baseline) and with more processes, and prints the
time of each stage and the speed-up against the baseline in the same run.

    .venv/bin/python bench/build_speed.py            # jobs 1 and 2
    .venv/bin/python bench/build_speed.py --jobs 1 2 4
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.extract import extract
from kg.nlp import load_model, parse
from kg.ontology import load_ontology
from kg.pipeline import build, read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "re-docred" / "test.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--input", type=Path, default=DATA)
    args = parser.parse_args()
    ontology, nlp = load_ontology(), load_model()
    articles, _ = read([str(args.input)])
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words from {args.input.name}")

    started = time.perf_counter()
    parsed = list(parse(nlp, articles))
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    facts = [f for p in parsed for f in extract(p, ontology)]
    extract_s = time.perf_counter() - started
    print(f"stages (jobs 1): parse {parse_s:.1f} s, extract {extract_s:.1f} s "
          f"({extract_s / parse_s:.2f}x the parse), {len(facts)} candidate facts")

    baseline = None
    print(f"{'jobs':>4} {'seconds':>8} {'words/s':>9} {'speed-up':>9}")
    for jobs in args.jobs:
        started = time.perf_counter()
        build(articles, ontology, nlp, jobs=jobs)
        seconds = time.perf_counter() - started
        baseline = baseline or seconds
        print(f"{jobs:>4} {seconds:>8.1f} {words / seconds:>9,.0f} {baseline / seconds:>8.2f}x")


if __name__ == "__main__":
    main()
