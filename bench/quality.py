"""Extraction quality in one run: P/R/F1 on every evaluation set, and per confidence threshold.

Builds each set into one graph (as `kg build` does), scores it with `kg evaluate`'s scorer,
then re-scores the same graph at rising `--min-confidence` thresholds.

    .venv/bin/python bench/quality.py              # seeds, examples, held-out, CoNLL04, Re-DocRED
    .venv/bin/python bench/quality.py --split dev  # the development splits of the benchmarks
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg.evaluate import Report, evaluate, load_gold, node_names, normalise
from kg.graph import write_turtle
from kg.nlp import load_model
from kg.ontology import load_ontology
from kg.pipeline import build, read

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def sets(split: str) -> list[tuple[str, list[str], list[Path]]]:
    seeds = SHARED / "corpus" / "seeds"
    bench = SHARED / "benchmarks"
    return [
        ("seeds", [str(seeds)], sorted((seeds / "gold").glob("*.json"))),
        (
            "examples",
            [str(ROOT / "examples" / "articles")],
            sorted((ROOT / "examples" / "gold").glob("*.json")),
        ),
        (
            "held-out",
            [str(ROOT / "bench" / "articles")],
            sorted((ROOT / "bench" / "gold").glob("*.json")),
        ),
        (
            f"conll04 {split}",
            [str(bench / "conll04" / f"{split}.jsonl")],
            [bench / "conll04" / f"{split}.jsonl"],
        ),
        (
            f"re-docred {split}",
            [str(bench / "re-docred" / f"{split}.jsonl")],
            [bench / "re-docred" / f"{split}.jsonl"],
        ),
    ]


def row(name: str, report: Report, seconds: float | None = None) -> str:
    s = report.overall
    timing = f"{seconds:7.1f}" if seconds is not None else ""
    return (
        f"{name:<22} {s.tp:>5} {s.fp:>5} {s.fn:>5}  {s.precision:6.3f} {s.recall:6.3f} "
        f"{s.f1:6.3f} {timing}"
    )


def error_classes(graph_path: Path, gold: list[Path], report: Report) -> dict[str, int]:
    """Count what went wrong. A gold fact is missed either with no fact read about one of its
    entities (the graph holds only entities that facts name), or with both entities in other
    facts but this relation not read. A false positive joins a name that is no gold entity,
    or two gold entities the gold does not relate."""
    from rdflib import Graph

    found = {
        normalise(n)
        for kinds in node_names(Graph().parse(graph_path)).values()
        for names in kinds.values()
        for n in names
    }
    entities = load_gold(gold).entities
    gold_names = {n for e in entities.values() for n in e.names}

    def known(name: str) -> bool:
        entity = entities.get(normalise(name))
        names = entity.names if entity is not None else {normalise(name)}
        return bool(names & found)

    counts = {
        "missed: no fact about an entity": 0,
        "missed: relation not read": 0,
        "false: a name not a gold entity": 0,
        "false: relation not in gold": 0,
    }
    for subject, _, obj in report.misses:
        both = known(subject) and known(obj)
        counts["missed: relation not read" if both else "missed: no fact about an entity"] += 1
    for subject, _, obj in report.false_positives:
        gold_pair = normalise(subject) in gold_names and normalise(obj) in gold_names
        counts[
            "false: relation not in gold" if gold_pair else "false: a name not a gold entity"
        ] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    args = parser.parse_args()
    ontology, nlp = load_ontology(), load_model()
    header = f"{'set':<22} {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>6} {'R':>6} {'F1':>6}"
    print(header + "  build s")
    graphs = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, inputs, gold in sets(args.split):
            started = time.perf_counter()
            articles, _ = read(inputs)
            path = Path(tmp) / f"{name.replace(' ', '-')}.ttl"
            write_turtle(build(articles, ontology, nlp).graph, path)
            seconds = time.perf_counter() - started
            report = evaluate(path, gold)
            print(row(name, report, seconds), flush=True)
            graphs.append((name, path, gold, report))
        print("\nBy --min-confidence (facts below the threshold left out)")
        print(header)
        for name, path, gold, _ in graphs:
            for threshold in THRESHOLDS:
                print(row(f"{name} >= {threshold:.1f}", evaluate(path, gold, None, threshold)))
        print("\nError classes")
        for name, path, gold, report in graphs:
            counts = error_classes(path, gold, report)
            print(f"{name:<22} " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
