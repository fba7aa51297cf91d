"""Extraction quality in one run: every evaluation set, per predicate, calibration, errors.

Builds each set into one graph (as `kg build` does, at the scorer's default threshold), scores
it with `kg evaluate`'s scorer, then prints news-dev per predicate and by threshold, the
reliability of `kg:confidence` on news-dev (which the scorer never saw), the error classes of
every set, and the scorer refitted on the sets the shipped one names (`make scorer`) with its
out-of-fold figures (folds by article). For news-dev it also gives the uncertainty of its F1:
each article built and scored alone, and a 95 % interval from resampling the articles.

    .venv/bin/python bench/quality.py              # news-dev, seeds, benchmarks' test splits
    .venv/bin/python bench/quality.py --split dev  # the benchmarks' development splits
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from spacy.language import Language

from kg.evaluate import (
    EvaluationReport,
    Judge,
    confidences,
    error_classes,
    evaluate,
    load_gold,
    node_names,
)
from kg.graph import write_turtle
from kg.nlp import load_model
from kg.ontology import Ontology, load_ontology
from kg.pipeline import build, read
from kg.rdfio import load_graph
from kg.score import load_scorer
from kg.train import Training, format_training, reliability, train

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
HIGH = 0.8  # the calibration claim: facts this likely are right at least 0.90 of the time
RESAMPLES = 2000  # for the interval of news-dev's F1


def sets(split: str) -> list[tuple[str, list[str], list[Path]]]:
    corpus = SHARED / "corpus"
    bench = SHARED / "benchmarks"

    def folder(path: Path) -> tuple[list[str], list[Path]]:
        return [str(path / "articles" if (path / "articles").is_dir() else path / "*.*")], sorted(
            (path / "gold").glob("*.json")
        )

    return [
        ("news-dev", *folder(corpus / "news-dev")),
        ("news-train", *folder(corpus / "news-train")),
        ("seeds", *folder(corpus / "seeds")),
        ("examples (own)", *folder(ROOT / "examples")),
        (
            "held-out (own)",
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


def row(name: str, report: EvaluationReport, seconds: float | None = None) -> str:
    s = report.overall
    timing = f"{seconds:7.1f}" if seconds is not None else ""
    return (
        f"{name:<22} {s.tp:>5} {s.fp:>5} {s.fn:>5}  {s.precision:6.3f} {s.recall:6.3f} "
        f"{s.f1:6.3f} {timing}"
    )


def confidence_table(path: Path, gold: list[Path]) -> str:
    """Reliability of kg:confidence on a built graph: each bin's facts and their precision."""
    graph = load_graph(path)
    names = node_names(graph)
    judge = Judge(load_gold(gold))
    probabilities, right = [], []
    for (s, predicate, o), p in confidences(graph).items():
        verdict = judge(
            [n for ns in names.get(s, {}).values() for n in ns],
            predicate,
            [n for ns in names.get(o, {}).values() for n in ns],
        )
        if verdict is not None:
            probabilities.append(p)
            right.append(verdict)
    lines = ["confidence    facts  precision"]
    lines += [
        f"{r.low:.1f}-{r.high:.1f}  {r.count:>9}  {r.precision:9.3f}"
        for r in reliability(probabilities, right)
    ]
    high = [r for p, r in zip(probabilities, right, strict=True) if p >= HIGH]
    if high:
        lines.append(f">= {HIGH:.1f}  {len(high):>9}  {sum(high) / len(high):9.3f}")
    return "\n".join(lines)


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
            path = Path(tmp) / f"{name.split()[0]}.ttl"
            write_turtle(build(articles, ontology, nlp, min_confidence=0.0).graph, path)
            seconds = time.perf_counter() - started
            graphs.append((name, path, gold))
            default = evaluate(path, gold, None, _threshold())
            print(row(name, default, seconds), flush=True)
        name, path, gold = graphs[0]
        print(f"\n{name} by predicate (default threshold {_threshold():.2f})")
        print(_per_predicate(evaluate(path, gold, None, _threshold())))
        print("\nBy --min-confidence (facts below the threshold left out)")
        print(header)
        for name, path, gold in graphs:
            for threshold in THRESHOLDS:
                print(row(f"{name} >= {threshold:.1f}", evaluate(path, gold, None, threshold)))
        print(f"\n{graphs[0][0]} article by article (each built and scored alone)")
        print(article_interval(*sets(args.split)[0][1:], ontology, nlp))
        print(f"\nReliability on {graphs[0][0]} (never seen by the scorer)")
        print(confidence_table(graphs[0][1], graphs[0][2]))
        print("\nError classes (default threshold)")
        for name, path, gold in graphs:
            report = evaluate(path, gold, None, _threshold())
            counts = error_classes(load_graph(path), load_gold(gold), report)
            print(f"{name:<22} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("\nThe scorer refitted on its fitting sets (kg train), out of fold by article:")
    fitted_on = json.loads((ROOT / "kg" / "scorer.json").read_text())["about"]["gold"]
    training = train([ROOT / p for p in fitted_on], ontology, nlp)
    print(format_training(training))
    print(f"\nOut of fold, by gold set: facts at confidence >= {HIGH}, and ranking (AUC)")
    print(high_confidence(training))


def article_interval(inputs: list[str], gold: list[Path], ontology: Ontology, nlp: Language) -> str:
    """The set's figures with each article built and scored alone (no names shared between
    articles, so a little off the pooled ones), and a 95 % interval of F1 from resampling
    the articles with replacement: how much the figure would move on other articles like
    these."""
    articles, _ = read(inputs)
    by_file = {Path(a.source).name: a for a in articles}
    counts = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.ttl"
        for one in gold:
            article = by_file[json.loads(one.read_text(encoding="utf-8"))["article"]]
            write_turtle(build([article], ontology, nlp, min_confidence=0.0).graph, path)
            s = evaluate(path, [one], None, _threshold()).overall
            counts.append((s.tp, s.fp, s.fn))
    draw = random.Random(0)
    f1s = sorted(_f1(draw.choices(counts, k=len(counts))) for _ in range(RESAMPLES))
    low, high = f1s[int(0.025 * RESAMPLES)], f1s[int(0.975 * RESAMPLES) - 1]
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    per_article = [_f1([c]) for c in counts]
    return (
        f"{len(counts)} articles: tp {tp} fp {fp} fn {fn}, F1 {_f1(counts):.3f}; "
        f"95 % interval by resampling the articles {low:.3f}-{high:.3f}; "
        f"F1 of one article: median {statistics.median(per_article):.3f}, "
        f"lowest {min(per_article):.3f}, highest {max(per_article):.3f}"
    )


def _f1(counts: list[tuple[int, int, int]]) -> float:
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def high_confidence(training: Training) -> str:
    """Each gold set's out-of-fold facts at confidence >= HIGH and their precision, then the
    same for the news folders together and for all sets, with how well the out-of-fold
    probabilities rank right above wrong (ROC AUC; 0.5 is chance)."""
    from sklearn.metrics import roc_auc_score

    examples = [e for s in training.samples.values() for e in s.examples]
    pairs = list(zip(training.out_of_fold, (e.right for e in examples), strict=True))
    names = list(training.samples)
    groups = [(_label(n), [n]) for n in names]
    groups += [("news folders", [n for n in names if not n.endswith(".jsonl")]), ("all", names)]
    lines = [f"{'gold set':<22} {'facts':>6} {'precision':>9} {'AUC':>6}"]
    for label, members in groups:
        chosen = [pr for pr, e in zip(pairs, examples, strict=True) if e.gold_set in members]
        high = [right for p, right in chosen if p >= HIGH]
        precision = f"{sum(high) / len(high):9.3f}" if high else f"{'-':>9}"
        verdicts = {right for _, right in chosen}
        auc = (
            f"{roc_auc_score([r for _, r in chosen], [p for p, _ in chosen]):6.2f}"
            if len(verdicts) == 2
            else f"{'-':>6}"
        )
        lines.append(f"{label:<22} {len(high):>6} {precision} {auc}")
    return "\n".join(lines)


def _label(gold_set: str) -> str:
    """`news-train` for `.../news-train/gold`, `conll04 dev` for `.../conll04/dev.jsonl`."""
    path = Path(gold_set)
    return f"{path.parent.name} {path.stem}" if path.suffix == ".jsonl" else path.parent.name


def _threshold() -> float:
    return load_scorer().threshold


def _per_predicate(report: EvaluationReport) -> str:
    lines = [f"{'predicate':<16} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>6} {'R':>6} {'F1':>6}"]
    for r in (*report.per_predicate, report.overall):
        lines.append(
            f"{r.predicate:<16} {r.tp:>4} {r.fp:>4} {r.fn:>4}  "
            f"{r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
