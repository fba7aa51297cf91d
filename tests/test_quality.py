"""No silent regress: news-dev and the seeds stay at the README's figures (small margin)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.evaluate import evaluate
from kg.graph import write_turtle
from kg.ontology import Ontology
from kg.pipeline import build, read

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MARGIN = 0.02
# the README's "How good is it" table: (precision, recall, F1) at the default threshold
README = {
    "news-dev": (0.0, 0.0, 0.0),
    "seeds": (0.0, 0.0, 0.0),
}


@pytest.mark.parametrize("name", sorted(README))
def test_figures_hold(name: str, nlp: Language, ontology: Ontology, tmp_path: Path) -> None:
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is not beside the checkout")
    articles_dir = folder / "articles" if (folder / "articles").is_dir() else folder
    articles, problems = read([str(articles_dir)])
    assert not problems
    path = tmp_path / "graph.ttl"
    write_turtle(build(articles, ontology, nlp).graph, path)
    overall = evaluate(path, sorted((folder / "gold").glob("*.json"))).overall
    precision, recall, f1 = README[name]
    assert overall.precision >= precision - MARGIN
    assert overall.recall >= recall - MARGIN
    assert overall.f1 >= f1 - MARGIN
