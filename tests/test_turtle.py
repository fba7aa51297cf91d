"""kg's Turtle writer and its Oxigraph loader: escapes exactly right (checked by two independent
parsers, Oxigraph's and rdflib's), the same triples always the same bytes, and a file read with
`load_triples` holds what rdflib reads."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.errors import KGError
from kg.export import export_graph
from kg.rdfio import load_graph, load_triples, turtle_bytes
from kg.triples import Triples
from kg.vocab import ID, KG

DATA = Path(__file__).parent / "data"

LABELS = [
    'Harlow "Big" Industries',
    "back\\slash \\n not a newline \\u0041",
    "two\nlines\r\nand a\ttab",
    "control \x01 \x1f \x7f characters",
    "Société Générale — 東京 · Ωmega 😀",
    'ends with a quote"',
    '"""',
    "'single' and ''",
    "",
]
IRIS = [
    ID["société-générale"],  # Unicode: a prefixed name
    ID["3m"],  # a local name may start with a digit
    ID["a.b"],
    ID["ends-with-a-dot."],  # not a prefixed name
    ID["paren(1)"],
    ID["per%20cent"],
    ID["x/y"],
    ID["it's"],
    URIRef("https://example.org/other#frag"),
    URIRef("urn:isbn:0451450523"),
    URIRef("https://example.org/é?q=1&r=2"),
]


def tricky_graph() -> Graph:
    graph = Graph()
    for number, iri in enumerate(IRIS):
        graph.add((iri, RDF.type, KG.Organization))
        graph.add((iri, RDFS.label, Literal(LABELS[number % len(LABELS)])))
        graph.add((iri, KG.startOffset, Literal(number)))
    for label in LABELS:
        graph.add((ID.thing, SKOS.altLabel, Literal(label)))
    graph.add((ID.thing, SKOS.altLabel, Literal("Société", lang="fr")))
    graph.add((ID.thing, SKOS.altLabel, Literal("typed", datatype=XSD.string)))
    graph.add((ID.thing, KG.amount, Literal("1.50", datatype=XSD.decimal)))
    graph.add((ID.thing, KG.amount, Literal("180000000.0", datatype=XSD.decimal)))
    graph.add((ID.thing, KG.amount, Literal("12", datatype=XSD.decimal)))  # not Turtle's decimal
    graph.add((ID.thing, KG.confidence, Literal("1.5E3", datatype=XSD.double)))
    graph.add((ID.thing, KG.confidence, Literal(True)))
    graph.add((ID.thing, KG.date, Literal("2024-02-29", datatype=XSD.date)))
    graph.add((BNode("b0"), RDFS.label, Literal("a blank node")))
    graph.add((ID.thing, KG.mentions, BNode("b0")))
    return graph


def oxigraph_terms(data: bytes, syntax: ox.RdfFormat) -> set[str]:
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(data, syntax)}


def test_written_turtle_reads_back_the_same_in_oxigraph_and_rdflib() -> None:
    graph = tricky_graph()
    data = turtle_bytes(graph)
    # Oxigraph's parser gives the triples rdflib's own N-Triples give it
    expected = oxigraph_terms(
        graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES
    )
    assert oxigraph_terms(data, ox.RdfFormat.TURTLE) == expected
    assert isomorphic(Graph().parse(data=data, format="turtle"), graph)


def test_iris_that_need_escapes_are_written_with_them() -> None:
    """rdflib holds IRIs that RDF forbids (a space, a quote, braces, a backslash); written as
    \\u escapes they read back the same."""
    graph = Graph()
    bad = URIRef('https://example.org/a b"<{|}>^`\\c')
    graph.add((bad, RDFS.label, Literal("x", datatype=URIRef("https://example.org/dt#a b"))))
    data = turtle_bytes(graph)
    assert b"<https://example.org/a\\u0020b\\u0022\\u003C\\u007B\\u007C\\u007D\\u003E" in data
    assert set(Graph().parse(data=data, format="turtle")) == set(graph)


def test_the_same_triples_give_the_same_bytes_whatever_the_order() -> None:
    graph = tricky_graph()
    triples = list(graph)
    first = turtle_bytes(graph)
    for seed in range(3):
        random.Random(seed).shuffle(triples)
        shuffled = Graph()
        for triple in triples:
            shuffled.add(triple)
        assert turtle_bytes(shuffled) == first
        assert turtle_bytes(Triples(triples)) == first


def test_turtle_is_grouped_sorted_and_uses_only_the_prefixes_it_needs() -> None:
    graph = Graph()
    graph.add((ID.b, RDFS.label, Literal("B")))
    graph.add((ID.a, KG.partnerOf, ID.c))
    graph.add((ID.a, KG.partnerOf, ID.b))
    graph.add((ID.a, RDF.type, KG.Organization))
    graph.add((ID.a, KG.confidence, Literal("0.80", datatype=XSD.decimal)))
    graph.add((ID.a, RDFS.label, Literal("A")))
    assert turtle_bytes(graph).decode() == (
        "@prefix id: <https://kg.example.org/id/> .\n"
        "@prefix kg: <https://kg.example.org/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "\n"
        "id:a a kg:Organization ;\n"
        '    rdfs:label "A" ;\n'
        "    kg:confidence 0.80 ;\n"
        "    kg:partnerOf id:b ,\n"
        "        id:c .\n"
        "\n"
        'id:b rdfs:label "B" .\n'
    )
    assert turtle_bytes(Graph()) == b""


def test_load_triples_reads_what_rdflib_reads(tmp_path: Path) -> None:
    """The same triples, but for blank nodes (rdflib gives them new names) and an explicit
    ^^xsd:string, which Oxigraph reads as the plain literal RDF 1.1 says it is."""
    graph = tricky_graph()
    graph.remove((ID.thing, SKOS.altLabel, Literal("typed", datatype=XSD.string)))
    tricky = tmp_path / "tricky.ttl"
    tricky.write_bytes(turtle_bytes(graph))
    assert isomorphic(load_triples(tricky).to_graph(), load_graph(tricky))
    golden = load_triples(DATA / "golden.ttl")
    assert set(golden) == set(load_graph(DATA / "golden.ttl"))
    assert turtle_bytes(golden) == turtle_bytes(load_graph(DATA / "golden.ttl"))
    for fmt in ("nt", "nq", "trig", "jsonld"):
        exported = tmp_path / f"golden.{fmt}"
        export_graph(DATA / "golden.ttl", fmt, exported)
        assert set(load_triples(exported)) == set(load_graph(exported)), fmt


def test_load_triples_reads_a_file_in_any_order_with_repeats(tmp_path: Path) -> None:
    """The loader takes a subject whose triples come together in one look-up; a file that
    scatters a subject's triples, or repeats one, still reads as rdflib reads it."""
    graph = tricky_graph()
    graph.remove((ID.thing, SKOS.altLabel, Literal("typed", datatype=XSD.string)))
    lines = graph.serialize(format="nt").strip().splitlines()
    lines += lines[::3]
    random.Random(7).shuffle(lines)
    scattered = tmp_path / "scattered.nt"
    scattered.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_triples(scattered)
    assert len(loaded) == len(graph) == len(list(loaded))
    assert isomorphic(loaded.to_graph(), graph)


def test_load_triples_names_the_line_of_a_syntax_error(tmp_path: Path) -> None:
    cut = tmp_path / "cut.ttl"
    cut.write_text(
        '@prefix id: <https://kg.example.org/id/> .\n\nid:a id:b "open', encoding="utf-8"
    )
    with pytest.raises(KGError, match=rf"^'{cut}' is not valid Turtle: Parser error at line 3"):
        load_triples(cut)
    with pytest.raises(KGError, match="graph not found"):
        load_triples(tmp_path / "none.ttl")


def test_triples_behaves_as_an_rdflib_graph_for_set_and_value() -> None:
    triples = Triples()
    triples.add((ID.a, KG.confidence, Literal(1)))
    triples.add((ID.a, KG.confidence, Literal(2)))
    triples.add((ID.a, KG.confidence, Literal(2)))
    assert len(triples) == 2
    triples.set((ID.a, KG.confidence, Literal(3)))
    assert (list(triples), len(triples)) == ([(ID.a, KG.confidence, Literal(3))], 1)
    assert triples.value(ID.a, KG.confidence) == Literal(3)
    assert triples.value(ID.b, KG.confidence) is None
    assert (ID.a, KG.confidence, Literal(3)) in triples
    assert list(triples.subjects(KG.confidence, Literal(3))) == [ID.a]
    triples.add((ID.b, RDF.type, KG.Person))
    assert list(triples.subjects(RDF.type, KG.Person)) == [ID.b]  # the type index is made
    triples.add((ID.a, RDF.type, KG.Person))
    triples.set((ID.b, RDF.type, KG.Organization))  # and kept up by each change
    assert list(triples.subjects(RDF.type, KG.Person)) == [ID.a]
    assert sorted(triples.subject_objects(RDF.type)) == [
        (ID.a, KG.Person),
        (ID.b, KG.Organization),
    ]


def test_the_type_index_follows_every_change_as_rdflib_does() -> None:
    """`Triples` keeps its index of subjects by class up to date through add, set and remove
    (not made again after each change): it answers as an rdflib Graph at every step."""
    rng = random.Random(3)
    triples, graph = Triples(), Graph()
    classes = [KG.Person, KG.Organization, KG.Place]
    for step in range(300):
        subject, cls = ID[f"e{rng.randrange(12)}"], rng.choice(classes)
        change = rng.choice(("add", "add", "set", "remove"))
        for g in (triples, graph):
            if change == "add":
                g.add((subject, RDF.type, cls))
            elif change == "set":
                g.set((subject, RDF.type, cls))
            elif isinstance(g, Triples):
                g.remove(subject, RDF.type)
            else:
                g.remove((subject, RDF.type, None))
        if step % 7 == 0:
            for c in classes:
                assert set(triples.subjects(RDF.type, c)) == set(graph.subjects(RDF.type, c))
            assert set(triples.subject_objects(RDF.type)) == set(graph.subject_objects(RDF.type))
    assert len(triples) == len(graph)
