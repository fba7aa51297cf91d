"""The fact scorer: how likely a fact is right, from how it was found, never whom it names.

A fact (one subject, property and object after resolution) may be stated several times, by
several patterns. Its features describe that support: the patterns and cues, the classes and
spaCy labels of its arguments, whether they were named or referred to, the dependency path
between them, the status words around it, and how many sentences and articles state it. A
logistic model (fitted by `kg train`, shipped as `kg/scorer.json`) turns them into log-odds,
and a slope and offset learnt out of fold (Platt's scaling) turn those into `kg:confidence`, a
calibrated probability; the file also holds the default threshold.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import cast

from kg.errors import KGError
from kg.resolve import ResolvedFact

Features = dict[str, float]


@dataclass(frozen=True)
class Scorer:
    """A fitted logistic model over named features, the calibration of its log-odds (a slope
    and an offset, Platt's scaling: (1, 0) leaves the model's probability as it is) and the
    threshold chosen for it."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float
    calibration: tuple[float, float] = (1.0, 0.0)

    def logit(self, features: Mapping[str, float]) -> float:
        """The model's log-odds that the fact is right."""
        return self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        slope, offset = self.calibration
        return _sigmoid(slope * self.logit(features) + offset)

    def to_json(self, about: Mapping[str, object]) -> str:
        data = {
            "about": dict(about),
            "threshold": round(self.threshold, 4),
            "intercept": round(self.intercept, 6),
            "calibration": {
                "slope": round(self.calibration[0], 6),
                "offset": round(self.calibration[1], 6),
            },
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if v},
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def load_scorer(path: Path | None = None) -> Scorer:
    """The scorer in `path`, or the one shipped with kg."""
    try:
        if path is None:
            text = resources.files("kg").joinpath("scorer.json").read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        return Scorer(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["intercept"]),
            float(data["threshold"]),
            _calibration(data.get("calibration", {"slope": 1.0, "offset": 0.0})),
        )
    except FileNotFoundError as err:
        raise KGError(f"scorer not found: '{path}' (write one with kg train)") from err
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise KGError(
            f"scorer '{path}' is not a kg scorer file ({err}); write one with kg train"
        ) from err


def _calibration(data: Mapping[str, object]) -> tuple[float, float]:
    return float(cast(float, data["slope"])), float(cast(float, data["offset"]))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fact_key(fact: ResolvedFact, symmetric: bool) -> tuple[str, str, str]:
    """One fact however often stated (either way round, for a symmetric property)."""
    left, right = fact.subject.key, fact.object.key
    if symmetric and right < left:
        left, right = right, left
    return (left, fact.predicate, right)


def group_facts(
    facts: Iterable[ResolvedFact], symmetric: frozenset[str]
) -> dict[tuple[str, str, str], list[ResolvedFact]]:
    groups: dict[tuple[str, str, str], list[ResolvedFact]] = defaultdict(list)
    for fact in facts:
        groups[fact_key(fact, fact.predicate in symmetric)].append(fact)
    return groups


def score_facts(
    facts: Sequence[ResolvedFact], scorer: Scorer, symmetric: frozenset[str]
) -> list[ResolvedFact]:
    """The facts, each with its confidence set to the scorer's probability for its group."""
    scored: list[ResolvedFact] = []
    for group in group_facts(facts, symmetric).values():
        p = scorer.probability(features(group))
        scored += [replace(f, fact=replace(f.fact, confidence=p)) for f in group]
    return scored


def features(group: Sequence[ResolvedFact]) -> Features:
    """What describes how a fact was found (see the module's docstring)."""
    first = group[0]
    predicate = first.predicate
    facts = [r.fact for r in group]
    found: Features = {
        f"predicate={predicate}": 1.0,
        f"subject-class={first.subject.cls}": 1.0,
        f"object-class={first.object.cls}": 1.0,
        "prior": max(f.confidence for f in facts),
        "statements": math.log(len(facts)),
        "patterns": math.log(len({f.pattern for f in facts})),
        "sentences": math.log(len({(f.article, f.evidence.start) for f in facts})),
        "articles": math.log(len({f.article for f in facts})),
        "subject-named": float(any(f.shape.subject_named for f in facts)),
        "object-named": float(any(f.shape.object_named for f in facts)),
        "lead": float(any(f.shape.sentence == 0 for f in facts)),
    }
    for fact in facts:
        found[f"pattern={fact.pattern}"] = 1.0
        found[f"pattern={fact.pattern}&{predicate}"] = 1.0
        found[f"status={fact.qualifiers.status or 'none'}"] = 1.0
        if fact.cue:
            found[f"cue={fact.cue}"] = 1.0
        if fact.shape.path:
            found[f"path={fact.shape.path}"] = 1.0
            found[f"path={fact.shape.path}&{predicate}"] = 1.0
        if fact.shape.governor:
            found[f"governor={fact.shape.governor}&{predicate}"] = 1.0
    found[f"subject-ner={_most(f.subject.ner for f in facts)}"] = 1.0
    found[f"object-ner={_most(f.object.ner for f in facts)}"] = 1.0
    distances = [f.shape.distance for f in facts if f.shape.distance >= 0]
    found[f"distance={_bucket(min(distances)) if distances else 'none'}"] = 1.0
    found[f"sentence-length={_length(min(f.shape.tokens for f in facts))}"] = 1.0
    return found


def _most(labels: Iterable[str]) -> str:
    counts = Counter(label or "none" for label in labels)
    return min(counts, key=lambda label: (-counts[label], label))


def _bucket(distance: int) -> str:
    return str(distance) if distance <= 3 else "4+"


def _length(tokens: int) -> str:
    return "short" if tokens <= 20 else "medium" if tokens <= 40 else "long"
