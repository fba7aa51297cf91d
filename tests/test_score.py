"""The fact scorer: features from how a fact was found, a fitted model, `kg train`."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from kg.cli import main
from kg.errors import KGError
from kg.evaluate import Judge, load_gold
from kg.ingest import Article
from kg.ontology import Ontology
from kg.pipeline import build, candidates
from kg.resolve import resolve
from kg.score import Scorer, features, group_facts, load_scorer
from kg.train import choose_threshold, prf, reliability

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEXT = (
    "Quorvane Systems launched the Pelimar 3 tablet on Monday. "
    "Its chief executive Dalia Ostrova said the company had teamed up with Bexford Labs."
)


def article(text: str = TEXT) -> Article:
    return Article("a1", text, "a1.txt")


def test_features_describe_how_not_whom(nlp: Language, ontology: Ontology) -> None:
    facts = resolve(candidates([article()], ontology, nlp).facts, ontology).facts
    assert facts
    symmetric = frozenset(p.name for p in ontology.properties.values() if p.symmetric)
    names = {n.lower() for f in facts for e in (f.subject, f.object) for n in e.names}
    words = {w for n in names for w in n.split()}
    for group in group_facts(facts, symmetric).values():
        found = features(group)
        assert any(k.startswith("pattern=") for k in found)
        assert f"predicate={group[0].predicate}" in found
        for key in found:
            assert not set(key.lower().replace("=", " ").replace("&", " ").split()) & words, key


def test_probability_is_a_logistic_of_the_weights() -> None:
    scorer = Scorer({"a": 2.0, "b": -1.0}, 0.5, 0.4)
    assert scorer.probability({"a": 1.0, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert scorer.probability({"unseen": 1.0}) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert scorer.probability({"a": 1e9}) == pytest.approx(1.0)


def test_calibration_scales_the_log_odds() -> None:
    scorer = Scorer({"a": 2.0}, 0.5, 0.4, (0.5, -1.0))
    assert scorer.logit({"a": 1.0}) == pytest.approx(2.5)
    assert scorer.probability({"a": 1.0}) == pytest.approx(1 / (1 + math.exp(-(1.25 - 1.0))))
    assert scorer.probability({"a": -1e9}) == pytest.approx(0.0)


def test_shipped_scorer_loads_and_round_trips(tmp_path: Path) -> None:
    shipped = load_scorer()
    assert shipped.weights and 0.0 <= shipped.threshold < 1.0
    path = tmp_path / "s.json"
    path.write_text(shipped.to_json({"note": "copy"}))
    again = load_scorer(path)
    assert again.threshold == pytest.approx(shipped.threshold)
    assert again.weights.keys() == shipped.weights.keys()
    assert shipped.calibration != (1.0, 0.0)
    assert again.calibration == pytest.approx(shipped.calibration, abs=1e-6)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "scorer not found: '{path}' (write one with kg train)"),
        ("{not json", "is not a kg scorer file"),
        ('{"weights": {}}', "is not a kg scorer file"),
        (  # a scorer of an older kg, calibrated by points
            '{"weights": {}, "intercept": 0, "threshold": 0, "calibration": [[0.1, 0.2]]}',
            "is not a kg scorer file",
        ),
    ],
)
def test_bad_scorer_files_are_named(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "scorer.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(KGError, match="scorer") as err:
        load_scorer(path)
    assert message.format(path=path) in str(err.value)


def test_threshold_leaves_out_unlikely_facts(nlp: Language, ontology: Ontology) -> None:
    everything = build([article()], ontology, nlp, scorer=Scorer({}, 0.0, 0.0))
    assert everything.facts > 0
    strict = build([article()], ontology, nlp, scorer=Scorer({}, 0.0, 0.9))
    assert strict.facts == 0 and strict.entities == 0  # p = 0.5 for every fact
    overridden = build([article()], ontology, nlp, min_confidence=0.4, scorer=Scorer({}, 0, 0.9))
    assert overridden.facts == everything.facts


def test_judge_follows_the_scoring_rules() -> None:
    judge = Judge(load_gold(sorted((EXAMPLES / "gold").glob("*.json"))))
    gold = json.loads((EXAMPLES / "gold" / "01_norvale_tarnix7.json").read_text())
    required = next(t for t in gold["triples"] if not t.get("optional"))
    subject, predicate, obj = required["subject"], required["predicate"], required["object"]
    assert judge([subject], predicate, [obj]) is True
    assert judge([obj], "acquired", [subject]) is False
    assert judge(["Nobody Anywhere"], predicate, [obj]) is False
    assert judge([subject], "notAPredicate", [obj]) is None


def test_threshold_and_reliability_arithmetic() -> None:
    probabilities = [0.95, 0.85, 0.3, 0.1]
    right = [True, True, False, True]
    assert prf(probabilities, right, 4, 0.5) == pytest.approx((1.0, 0.5, 2 / 3))
    assert choose_threshold(probabilities, right, 4) == 0.0  # keeping all: P 0.75, R 0.75
    rows = {(r.low, r.count, r.precision) for r in reliability(probabilities, right)}
    assert (0.8, 1, 1.0) in rows and (0.9, 1, 1.0) in rows and (0.2, 1, 0.0) in rows


def test_kg_train_writes_a_scorer_build_uses(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "scorer.json"
    result = runner.invoke(main, ["train", str(EXAMPLES / "gold"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "out-of-fold reliability" in result.output and f"Wrote {out}" in result.output
    scorer = load_scorer(out)
    assert any(k.startswith("pattern=") for k in scorer.weights)
    assert scorer.calibration[0] > 0.0  # more likely by the model, more likely calibrated
    built = runner.invoke(
        main,
        ["build", str(EXAMPLES / "articles"), "-o", str(tmp_path / "g"), "--scorer", str(out)],
    )
    assert built.exit_code == 0, built.output
    assert (tmp_path / "g" / "graph.ttl").stat().st_size > 0


def test_kg_train_names_a_bad_gold_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["train", str(tmp_path / "x.txt"), "-o", "s.json"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: not a gold file or folder: '{tmp_path / 'x.txt'}' (give .json, .jsonl or a "
        "folder)\n"
    )
