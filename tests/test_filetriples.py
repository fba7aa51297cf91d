"""`FileTriples` reads a kg Turtle file a subject at a time and writes it back by splicing: it
answers as the whole file read with `load_triples` does, and writes the same bytes as
`turtle_bytes` of the same triples, while reading only the subjects asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from spacy.language import Language

from kg.filetriples import FileTriples
from kg.graph import turtle
from kg.index import read_index
from kg.ontology import Ontology
from kg.pipeline import build, read
from kg.rdfio import load_triples, turtle_bytes
from kg.triples import Triples
from kg.vocab import ID, KG, SCHEMA

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
DATE = URIRef("http://purl.org/dc/terms/date")
A, M, Z = URIRef(ID + "harwick"), URIRef(ID + "quillfin"), URIRef(ID + "tallow")
ODD = URIRef("http://example.org/café/x")  # under no prefix: written <...>
TRIPLES = [
    (A, RDF.type, KG.Organization),
    (A, RDFS.label, Literal("Harwick")),
    (A, KG.partneredWith, M),
    (M, RDF.type, KG.Organization),
    (M, RDFS.label, Literal("Quillfin", lang="en")),
    (M, DATE, Literal("2026-01-02", datatype=XSD.date)),
    (Z, RDF.type, KG.Organization),
    (Z, RDFS.label, Literal('Tallow "Group"\nLtd')),
    (ODD, RDFS.label, Literal("odd")),
    (URIRef(ID + "tallow/2"), RDFS.label, Literal("Tallow Two")),
]


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_bytes(turtle_bytes(Triples(TRIPLES)))
    return path


ASKED = [
    A,
    M,
    Z,
    ODD,
    URIRef(ID + "tallow/2"),
    URIRef(ID + "aaa"),  # before every subject
    URIRef(ID + "m"),  # between two
    URIRef("urn:zzz"),  # after every subject
    URIRef(ID + "tallow/1"),
]


@pytest.mark.parametrize("subject", ASKED, ids=str)
def test_a_subject_is_read_as_the_whole_file_gives_it(graph_file: Path, subject: URIRef) -> None:
    whole, graph = load_triples(graph_file), _file(graph_file)
    assert dict(graph.about(subject)) == dict(whole.about(subject))
    assert graph.value(subject, RDFS.label) == whole.value(subject, RDFS.label)
    assert not graph.whole


Change = Callable[[Triples], None]
CHANGES: dict[str, Change] = {
    "nothing": lambda g: None,
    "a new first subject": lambda g: g.add((URIRef(ID + "aaa"), RDFS.label, Literal("A"))),
    "a new last subject": lambda g: g.add((URIRef("urn:zzz"), RDFS.label, Literal("Z"))),
    "a new subject between": lambda g: g.add((URIRef(ID + "m"), RDF.type, KG.Person)),
    "a value added": lambda g: g.add((M, KG.partneredWith, Z)),
    "a value replaced": lambda g: g.set((A, RDFS.label, Literal("Harwick plc"))),
    "a subject emptied": lambda g: [g.remove(Z, p) for p in (RDF.type, RDFS.label)] and None,
    "a prefix no longer used": lambda g: g.set((M, DATE, Literal("2026"))),
    "a prefix newly used": lambda g: g.add((Z, SCHEMA.name, Literal("T"))),
    "a blank node": lambda g: g.add((BNode("b1"), RDFS.label, Literal("blank"))),
    "two new subjects in one gap": lambda g: g.extend(
        [(URIRef(ID + "n"), RDFS.label, Literal("N")), (URIRef(ID + "o"), RDF.type, KG.Person)]
    ),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_written_back_it_is_the_whole_graph_written(graph_file: Path, change: Change) -> None:
    whole, graph = load_triples(graph_file), _file(graph_file)
    change(whole)
    change(graph)
    assert turtle(graph) == turtle_bytes(whole)
    assert set(graph) == set(whole)


def test_asking_for_every_subject_reads_them_all(graph_file: Path) -> None:
    graph = _file(graph_file)
    graph.add((A, RDFS.comment, Literal("added")))
    assert len(graph) == len(TRIPLES) + 1
    assert graph.whole
    assert list(graph.subjects(RDF.type, KG.Organization)) == [A, M, Z]
    assert turtle(graph) == turtle_bytes(Triples([*TRIPLES, (A, RDFS.comment, Literal("added"))]))


def test_adding_an_article_reads_few_subjects_and_writes_the_same_bytes(
    tmp_path: Path, nlp: Language, ontology: Ontology
) -> None:
    first, *rest = sorted(ARTICLES.iterdir())
    old, _ = read([str(p) for p in rest])
    path = tmp_path / "graph.ttl"
    path.write_bytes(turtle(build(old, ontology, nlp).graph))
    index = build(old, ontology, nlp).index
    assert index is not None
    index_file = tmp_path / "graph.index.json"
    index_file.write_bytes(index.to_bytes(path.read_bytes()))
    known = read_index(path, ontology)
    assert known is not None

    new, _ = read([str(first)])
    spliced = _file(path)
    written = turtle(build(new, ontology, nlp, into=spliced, index=known).graph)
    assert written == turtle(build(new, ontology, nlp, into=load_triples(path), index=known).graph)
    subjects = len({s for s, _, _ in load_triples(path)})
    assert not spliced.whole
    assert 0 < spliced.subjects_read < subjects / 4


def _file(path: Path) -> FileTriples:
    return FileTriples(path, path.read_bytes())
