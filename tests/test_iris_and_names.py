"""Names from text keep their letters and their quotes whole: IRIs in any script, a quoted
nickname inside a name, and every kind of line break ending a name."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDFS, URIRef
from spacy.language import Language

from kg.graph import slug, write_turtle
from kg.ontology import Ontology
from kg.pipeline import build, read
from kg.rdfio import load_graph

ID = "https://kg.example.org/id/"


@pytest.mark.parametrize(
    ("name", "segment"),
    [
        ("société générale", "société-générale"),
        ("Société Générale", "société-générale"),
        ("Nestlé S.A.", "nestlé-s-a"),
        ("straße 9", "straße-9"),
        ("huawei 华为", "huawei-华为"),
        ("газпром нефть", "газпром-нефть"),
        ("हिन्दी समाचार", "हिन्दी-समाचार"),
        ("acme robotics", "acme-robotics"),
    ],
)
def test_iri_segments_keep_every_letter(name: str, segment: str) -> None:
    assert slug(name) == segment


def test_names_that_differ_only_in_accents_stay_apart() -> None:
    assert len({slug("müller"), slug("muller"), slug("mùller")}) == 3


LINE_BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1e"]


@pytest.mark.parametrize("brk", LINE_BREAKS, ids=[f"U+{ord(b[-1]):04X}" for b in LINE_BREAKS])
def test_every_line_break_in_jsonl_text_is_a_line_end(tmp_path: Path, brk: str) -> None:
    path = tmp_path / "a.jsonl"
    text = f"Kestrel Labs partnered with Acme Robotics{brk}Brisk Foods acquired Pellwood Data."
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    [article], _ = read([str(path)])
    assert article.text.split("\n") == [
        "Kestrel Labs partnered with Acme Robotics",
        "Brisk Foods acquired Pellwood Data.",
    ]


STORY = (
    'Kestrel Labs acquired Harlow "Big" Industries in March.\u2028'
    "Brisk Foods partnered with Société Générale.\u2029"
    "Acme Robotics competes with Harlow “Big” Industries."
)


@pytest.fixture(scope="module")
def labels(
    nlp: Language, ontology: Ontology, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """Label -> IRI of every entity, as another parser (Oxigraph) reads the written Turtle."""
    folder = tmp_path_factory.mktemp("names")
    (folder / "a.jsonl").write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    articles, _ = read([str(folder / "a.jsonl")])
    result = build(articles, ontology, nlp)
    path = folder / "graph.ttl"
    write_turtle(result.graph, path)
    assert {(s, o) for s, o in load_graph(path).subject_objects(RDFS.label)} == set(
        result.graph.subject_objects(RDFS.label)
    )
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    label = ox.NamedNode(str(RDFS.label))
    return {q.object.value: q.subject.value for q in store.quads_for_pattern(None, label, None)}


def test_accented_names_keep_their_letters_in_iris(labels: dict[str, str]) -> None:
    assert labels["Société Générale"] == ID + "société-générale"
    assert URIRef(labels["Société Générale"]).n3() == f"<{ID}société-générale>"


def test_a_quoted_nickname_stays_inside_its_name(labels: dict[str, str]) -> None:
    assert labels['Harlow "Big" Industries'] == ID + "harlow-big-industries"
    assert not [name for name in labels if name.count('"') % 2 or "“" in name or "”" in name]
    assert "Industries" not in labels and 'Big" Industries' not in labels


def test_names_do_not_run_across_unicode_line_breaks(labels: dict[str, str]) -> None:
    assert {"Kestrel Labs", "Brisk Foods", "Acme Robotics"} <= set(labels)
    assert not [name for name in labels if "Industries Brisk" in name or "Générale Acme" in name]
