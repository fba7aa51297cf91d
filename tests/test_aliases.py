"""The user's alias file joins names, sets labels and links entities elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, SKOS, Graph, URIRef
from spacy.language import Language

from kg.aliases import AliasGroup, load_aliases
from kg.errors import KGError
from kg.ingest import Article
from kg.ontology import Ontology
from kg.pipeline import build
from kg.vocab import ID

TEXT = (
    "Brightmoor Labs launched the Foldwright platform. BML also teamed up with Lorrance Chemicals."
)


def test_csv(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(
        "# label,alias,same_as\nBrightmoor Labs,BML,https://example.org/Q1\n"
        "Brightmoor Labs,Brightmoor\n"
    )
    assert load_aliases(path) == (
        AliasGroup(
            "Brightmoor Labs",
            frozenset({"Brightmoor Labs", "BML", "Brightmoor"}),
            frozenset({"https://example.org/Q1"}),
        ),
    )


def test_turtle(tmp_path: Path) -> None:
    path = tmp_path / "aliases.ttl"
    path.write_text("""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        <https://example.org/bml> skos:prefLabel "Brightmoor Labs" ; skos:altLabel "BML" ;
            owl:sameAs <https://example.org/Q1> .
    """)
    assert load_aliases(path) == (
        AliasGroup(
            "Brightmoor Labs",
            frozenset({"Brightmoor Labs", "BML"}),
            frozenset({"https://example.org/Q1"}),
        ),
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "x,y,z,w\n", "a.csv:1: expected 'label,alias[,same_as]'"),
        ("a.ttl", "not turtle", "is not valid Turtle"),
        ("a.txt", "x", "is neither .csv nor .ttl"),
        ("missing.csv", None, "alias file not found"),
    ],
)
def test_errors(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(KGError) as info:
        load_aliases(path)
    assert message in str(info.value)


def test_aliases_join_names_and_link(nlp: Language, ontology: Ontology) -> None:
    article = Article(id="a", text=TEXT, source="a")
    plain = build([article], ontology, nlp).graph
    assert (ID["bml"], None, None) in plain
    groups = (
        AliasGroup(
            "Brightmoor Labs",
            frozenset({"Brightmoor Labs", "BML"}),
            frozenset({"https://example.org/Q1"}),
        ),
    )
    graph: Graph = build([article], ontology, nlp, aliases=groups).graph
    node = ID["brightmoor-labs"]
    assert (ID["bml"], None, None) not in graph
    assert (node, OWL.sameAs, URIRef("https://example.org/Q1")) in graph
    assert {str(o) for o in graph.objects(node, SKOS.altLabel)} == {"BML"}
