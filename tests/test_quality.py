"""No silent regress: news-dev, the seeds and the benchmarks' test splits stay at the README's
figures (small margin), and their errors are counted by class."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from spacy.language import Language

from kg.evaluate import ERROR_CLASSES, error_classes, evaluate, load_gold
from kg.graph import write_turtle
from kg.ontology import Ontology
from kg.pipeline import build, read

SHARED = Path(__file__).resolve().parents[2] / "shared"
MARGIN = 0.02
# the README's "How good is it" table: (precision, recall, F1) at the default threshold
README = {
    "corpus/news-dev": (0.915, 0.608, 0.731),
    "corpus/seeds": (0.944, 1.000, 0.971),
    "benchmarks/conll04/test.jsonl": (0.697, 0.317, 0.436),
    "benchmarks/re-docred/test.jsonl": (0.144, 0.150, 0.147),
}


def _inputs(name: str) -> tuple[list[str], list[Path]]:
    path = SHARED / name
    if path.suffix == ".jsonl":
        return [str(path)], [path]
    articles = path / "articles" if (path / "articles").is_dir() else path / "*.*"  # not gold/
    return [str(articles)], sorted((path / "gold").glob("*.json"))


@pytest.mark.parametrize("name", sorted(README))
def test_figures_hold(name: str, nlp: Language, ontology: Ontology, tmp_path: Path) -> None:
    if not (SHARED / name).exists():
        pytest.skip(f"{SHARED / name} is not beside the checkout")
    inputs, gold = _inputs(name)
    articles, problems = read(inputs)
    assert not problems
    path = tmp_path / "graph.ttl"
    write_turtle(build(articles, ontology, nlp).graph, path)
    report = evaluate(path, gold)
    precision, recall, f1 = README[name]
    assert report.overall.precision >= precision - MARGIN
    assert report.overall.recall >= recall - MARGIN
    assert report.overall.f1 >= f1 - MARGIN
    counts = error_classes(Graph().parse(path), load_gold(gold), report)
    assert list(counts) == list(ERROR_CLASSES)
    assert counts[ERROR_CLASSES[0]] + counts[ERROR_CLASSES[1]] == report.overall.fn
    assert counts[ERROR_CLASSES[2]] + counts[ERROR_CLASSES[3]] == report.overall.fp
