"""Where a build's time goes inside one process: each spaCy component, stock and quick, and
extraction alone.

On the corpus of `bench/build_speed.py` (news-dev, news-train, the seeds and the CoNLL04 and
Re-DocRED test records), each round parses every line afresh and times every component of
the pipeline over all of them; the attribute ruler and the rule lemmatizer are timed twice,
as spaCy runs them and as kg runs them (`kg/pipes.py`), both starting with nothing kept
(spaCy's lemma cache emptied each round), as in a build's one pass. Then it
times kg's whole parse of the articles (`kg.nlp.parse`) and `extract()` over the parsed
articles, in memory. Prints min/median/max seconds over the rounds.

    .venv/bin/python bench/parse_parts.py --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from kg.extract import extract
from kg.nlp import load_model, paragraphs, parse
from kg.ontology import load_ontology
from kg.pipeline import read
from kg.pipes import quick_equivalent

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_speed import corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    nlp, ontology = load_model(), load_ontology()
    seconds: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        words = corpus(Path(tmp), news_only=False)
        articles, _ = read([tmp])
    lines = [line for a in articles for _, line in paragraphs(a.text)]
    print(f"{len(articles)} articles, {len(lines)} lines, {words:,} words; {args.rounds} rounds")
    for _ in range(args.rounds):
        docs = [nlp.make_doc(line) for line in lines]
        for name, component in nlp.pipeline:
            quick = quick_equivalent(component)
            if quick is not None:  # on copies, before the stock component sets the same
                copies = [doc.copy() for doc in docs]
                started = time.perf_counter()
                for doc in copies:
                    quick(doc)
                seconds[f"{name}, kg's"].append(time.perf_counter() - started)
            if isinstance(getattr(component, "cache", None), dict):
                component.cache.clear()  # type: ignore[attr-defined]  # as in one pass
            started = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=64))  # type: ignore[attr-defined]
            seconds[name].append(time.perf_counter() - started)
        started = time.perf_counter()
        parsed = list(parse(nlp, articles))
        seconds["kg's whole parse"].append(time.perf_counter() - started)
        started = time.perf_counter()
        for one in parsed:
            list(extract(one, ontology))
        seconds["extract(), in memory"].append(time.perf_counter() - started)
    print(f"{'part':<26} {'min':>7} {'median':>7} {'max':>7}  (seconds)")
    for name, times in seconds.items():
        print(f"{name:<26} {min(times):7.2f} {statistics.median(times):7.2f} {max(times):7.2f}")


if __name__ == "__main__":
    main()
