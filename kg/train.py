"""Fitting the fact scorer on annotated articles (`kg train`).

Each gold set (a folder of `.json` gold files with their articles, or a `.jsonl` benchmark) is
built as `kg build` would, without a scorer; every fact is judged by the scoring rules of
`kg evaluate` against that set's own gold, and a logistic model learns the verdicts from the
facts' features (`kg.score.features`). Out-of-fold predictions (folds by article: no article
is scored by a model that saw it) give the reliability table and the default threshold.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language

from kg.errors import KGError
from kg.evaluate import Judge, load_gold
from kg.ontology import Ontology
from kg.pipeline import candidates, read
from kg.resolve import resolve
from kg.score import Features, Scorer, features, group_facts

FOLDS = 5
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


@dataclass(frozen=True)
class GoldSet:
    name: str
    inputs: tuple[str, ...]  # the articles
    gold: tuple[Path, ...]


@dataclass(frozen=True)
class Example:
    gold_set: str
    article: str  # the fold: the first article that states the fact
    features: Features
    right: bool


@dataclass(frozen=True)
class Sample:
    """The judged facts of one gold set, and how many required gold facts it holds."""

    examples: tuple[Example, ...]
    required: int


@dataclass(frozen=True)
class Row:
    low: float
    high: float
    count: int
    precision: float


@dataclass(frozen=True)
class Training:
    scorer: Scorer
    samples: dict[str, Sample]
    out_of_fold: tuple[float, ...]  # one probability per example, in sample order
    reliability: tuple[Row, ...]
    f1: float  # out-of-fold, at the chosen threshold, on the gold folders (not benchmarks)
    precision: float
    recall: float


def gold_sets(paths: Sequence[Path]) -> list[GoldSet]:
    """The gold sets named by `paths`: `.jsonl` benchmarks, `.json` gold files (grouped by
    folder) and folders of them; a `.json` file's article is found in `../articles/` or
    beside it."""
    sets: list[GoldSet] = []
    folders: dict[Path, list[Path]] = {}
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.json"))
            if not files:
                raise KGError(f"no .json gold files in '{path}'; give gold files or a folder")
            folders.setdefault(path, []).extend(files)
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            sets.append(GoldSet(str(path), (str(path),), (path,)))
        elif path.suffix.lower() == ".json" and path.is_file():
            folders.setdefault(path.parent, []).append(path)
        else:
            raise KGError(f"not a gold file or folder: '{path}' (give .json, .jsonl or a folder)")
    for folder, files in folders.items():
        sets.append(GoldSet(str(folder), tuple(_article_of(f) for f in files), tuple(files)))
    return sets


def _article_of(gold: Path) -> str:
    try:
        name = json.loads(gold.read_text(encoding="utf-8"))["article"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise KGError(f"gold file '{gold}' names no article ({err})") from err
    for folder in (gold.parent.parent / "articles", gold.parent.parent, gold.parent):
        if (folder / name).is_file():
            return str(folder / name)
    raise KGError(f"article '{name}' of '{gold}' not found in ../articles/, .. or beside it")


def sample(gold_set: GoldSet, ontology: Ontology, nlp: Language) -> Sample:
    """Build the set's articles without a scorer and judge every fact."""
    articles, _ = read(gold_set.inputs)
    resolution = resolve(candidates(articles, ontology, nlp).facts, ontology)
    judge = Judge(load_gold(gold_set.gold))
    symmetric = frozenset(p.name for p in ontology.properties.values() if p.symmetric)
    found: list[Example] = []
    for group in group_facts(resolution.facts, symmetric).values():
        first = group[0]
        right = judge(first.subject.names, first.predicate, first.object.names)
        if right is not None:
            article = min(f.fact.article for f in group)
            found.append(Example(gold_set.name, article, features(group), right))
    gold = load_gold(gold_set.gold)
    required = sum(1 for t in gold.required if t.predicate in judge.predicates)
    return Sample(tuple(found), required)


def fit(examples: Sequence[Example], threshold: float = 0.5) -> Scorer:
    """A logistic model on the examples, its log-odds calibrated by Platt's scaling fitted to
    the log-odds its out-of-fold models give them (a slope and an offset: on a few hundred
    facts a step-wise isotonic map follows the folds' noise at the top of the scale)."""
    from sklearn.linear_model import LogisticRegression

    scorer = _logistic(examples, threshold)
    logits = _out_of_fold(examples, _logistic, Scorer.logit)
    platt = LogisticRegression(C=1e6, max_iter=5000)
    platt.fit([[z] for z in logits], [e.right for e in examples])
    return replace(scorer, calibration=(float(platt.coef_[0][0]), float(platt.intercept_[0])))


def _logistic(examples: Sequence[Example], threshold: float = 0.5) -> Scorer:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([e.features for e in examples])
    model = LogisticRegression(C=1.0, max_iter=5000)
    model.fit(x, [e.right for e in examples])
    names = vectoriser.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)}
    return Scorer(weights, float(model.intercept_[0]), threshold)


def out_of_fold(examples: Sequence[Example]) -> list[float]:
    """Each example's calibrated probability from a scorer fitted (and calibrated) without
    its article's facts."""
    return _out_of_fold(examples, fit, Scorer.probability)


def _out_of_fold(
    examples: Sequence[Example],
    fitter: Callable[[Sequence[Example]], Scorer],
    value: Callable[[Scorer, Features], float],
) -> list[float]:
    articles = sorted({(e.gold_set, e.article) for e in examples})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    folds = [fold_of[(e.gold_set, e.article)] for e in examples]
    values = [0.0] * len(examples)
    for fold in sorted(set(folds)):
        train = [e for e, f in zip(examples, folds, strict=True) if f != fold]
        if len({e.right for e in train}) < 2:
            continue
        scorer = fitter(train)
        for i, example in enumerate(examples):
            if folds[i] == fold:
                values[i] = value(scorer, example.features)
    return values


def reliability(probabilities: Sequence[float], right: Sequence[bool]) -> tuple[Row, ...]:
    rows = []
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [r for p, r in zip(probabilities, right, strict=True) if low <= p < high]
        precision = sum(inside) / len(inside) if inside else 0.0
        rows.append(Row(low, min(high, 1.0), len(inside), precision))
    return tuple(rows)


def prf(
    probabilities: Sequence[float], right: Sequence[bool], required: int, threshold: float
) -> tuple[float, float, float]:
    kept = [r for p, r in zip(probabilities, right, strict=True) if p >= threshold]
    tp = sum(kept)
    precision = tp / len(kept) if kept else 0.0
    recall = tp / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def choose_threshold(probabilities: Sequence[float], right: Sequence[bool], required: int) -> float:
    """The threshold (in steps of 0.05) with the best out-of-fold F1."""
    steps = [round(0.05 * i, 2) for i in range(20)]
    return max(steps, key=lambda t: (prf(probabilities, right, required, t)[2], -t))


def train(paths: Sequence[Path], ontology: Ontology, nlp: Language) -> Training:
    try:
        import sklearn  # noqa: F401
    except ImportError as err:
        raise KGError("kg train needs scikit-learn: pip install 'kg[train]'") from err
    samples = {s.name: sample(s, ontology, nlp) for s in gold_sets(paths)}
    examples = [e for s in samples.values() for e in s.examples]
    if len({e.right for e in examples}) < 2:
        raise KGError("the gold sets give too few judged facts to learn from; add articles")
    probabilities = out_of_fold(examples)
    right = [e.right for e in examples]
    # the threshold suits articles annotated in full, not benchmarks that annotate a few facts
    news = [n for n in samples if not n.endswith(".jsonl")] or list(samples)
    chosen = [i for i, e in enumerate(examples) if e.gold_set in news]
    required = sum(samples[n].required for n in news)
    threshold = choose_threshold(
        [probabilities[i] for i in chosen], [right[i] for i in chosen], required
    )
    precision, recall, f1 = prf(
        [probabilities[i] for i in chosen], [right[i] for i in chosen], required, threshold
    )
    return Training(
        fit(examples, threshold),
        samples,
        tuple(probabilities),
        reliability(probabilities, right),
        f1,
        precision,
        recall,
    )


def format_training(training: Training) -> str:
    lines = ["gold set                                   facts  right  required"]
    for name, s in training.samples.items():
        right = sum(e.right for e in s.examples)
        lines.append(f"{name[-40:]:<40} {len(s.examples):>7} {right:>6} {s.required:>9}")
    lines += [
        "",
        f"threshold {training.scorer.threshold:.2f} (best out-of-fold F1 on the gold folders): "
        f"P {training.precision:.3f}  R {training.recall:.3f}  F1 {training.f1:.3f}",
        "",
        "out-of-fold reliability",
        "confidence    facts  precision",
    ]
    lines += [
        f"{r.low:.1f}-{r.high:.1f}  {r.count:>9}  {r.precision:9.3f}" for r in training.reliability
    ]
    return "\n".join(lines)
