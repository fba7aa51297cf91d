"""Write a graph in other formats: Turtle, N-Triples, N-Quads, TriG, JSON-LD and GraphML.

RDF formats stream through Oxigraph's serialisers (no pretty-printer). N-Quads and TriG put
each article's facts and provenance in a named graph named by the article's IRI; entities and
anything not tied to an article stay in the default graph. JSON-LD is written with a context
made of the standard prefixes. GraphML (for Gephi and networkx) has entities as nodes and facts
as edges. Every file is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import KGError
from kg.rdfio import RDF_SYNTAXES, atomic_output, load_graph, load_store, load_triples, write_turtle
from kg.reader import read_entities, read_facts
from kg.results import compact_iri
from kg.sparql import prefix_map
from kg.vocab import PREFIXES

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml")
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
KG = prefix_map()["kg"]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DERIVED_FROM = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
Node = object  # a pyoxigraph subject, graph name or object term


def _pairs(store: ox.Store, sparql: str) -> Iterator[tuple[Node, Node]]:
    solutions = store.query(sparql, prefixes=prefix_map())
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        yield row[0], row[1]


def _article_maps(
    store: ox.Store,
) -> tuple[dict[Node, Node], dict[Node, set[Node]], dict[tuple[Node, Node, Node], set[Node]]]:
    """sentence → article, statement → articles, asserted fact (s, p, o) → articles."""
    sentences = dict(_pairs(store, "SELECT ?s ?a WHERE { ?s a kg:Sentence ; dcterms:isPartOf ?a }"))
    statements: dict[Node, set[Node]] = defaultdict(set)
    facts: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
    rows = store.query(
        "SELECT ?st ?s ?p ?o ?a WHERE { ?st a rdf:Statement ; rdf:subject ?s ; "
        "rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?e . "
        "?e dcterms:isPartOf ?a }",
        prefixes=prefix_map(),
    )
    assert isinstance(rows, ox.QuerySolutions)
    for st, s, p, o, article in rows:
        statements[st].add(article)
        facts[(s, p, o)].add(article)
    return sentences, statements, facts


def article_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The default graph as quads, each article's facts and provenance in its own graph."""
    sentences, statements, facts = _article_maps(store)
    articles = set(sentences.values())
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        s, p, o = quad.subject, quad.predicate, quad.object
        graphs: set[Node] | list[Node] = []
        if s in sentences:
            graphs = [sentences[s]]
        elif s in articles:
            graphs = [s]
        elif s in statements:
            graphs = [sentences[o]] if p == DERIVED_FROM and o in sentences else statements[s]
        else:
            graphs = facts.get((s, p, o), [])
        if not graphs:
            yield quad
        for graph in sorted(graphs, key=str):
            yield ox.Quad(s, p, o, graph)  # type: ignore[arg-type]


# --- JSON-LD ---------------------------------------------------------------------------------


def _jsonld_id(node: object) -> str:
    if isinstance(node, ox.BlankNode):
        return f"_:{node.value}"
    text = compact_iri(node.value)  # type: ignore[attr-defined]
    return text[1:-1] if text.startswith("<") else text


def _jsonld_value(node: object) -> dict[str, str]:
    if not isinstance(node, ox.Literal):
        return {"@id": _jsonld_id(node)}
    value = {"@value": node.value}
    if node.language:
        value["@language"] = node.language
    elif node.datatype.value != XSD_STRING:
        value["@type"] = _jsonld_id(node.datatype)
    return value


def _jsonld_nodes(store: ox.Store) -> Iterator[dict[str, object]]:
    rows = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o")
    assert isinstance(rows, ox.QuerySolutions)
    node: dict[str, object] = {}
    for s, p, o in rows:
        subject = _jsonld_id(s)
        if node.get("@id") != subject:
            if node:
                yield node
            node = {"@id": subject}
        if p.value == RDF + "type" and not isinstance(o, ox.Literal):
            node.setdefault("@type", []).append(_jsonld_id(o))  # type: ignore[attr-defined]
        else:
            key = _jsonld_id(p)
            node.setdefault(key, []).append(_jsonld_value(o))  # type: ignore[attr-defined]
    if node:
        yield node


def write_jsonld(store: ox.Store, out: IO[bytes]) -> None:
    """JSON-LD: a context of the standard prefixes and one node object per subject."""
    out.write(b'{"@context": ' + json.dumps(prefix_map()).encode() + b',\n "@graph": [')
    for i, node in enumerate(_jsonld_nodes(store)):
        out.write((",\n  " if i else "\n  ").encode())
        out.write(json.dumps(node, ensure_ascii=False).encode("utf-8"))
    out.write(b"\n]}\n")


# --- GraphML ---------------------------------------------------------------------------------


def write_graphml(graph: Graph, out: IO[bytes]) -> None:
    """GraphML: entities (label, class) as nodes, facts (predicate, confidence, sources) as
    edges; a symmetric fact is an edge each way."""
    import networkx as nx

    network = nx.MultiDiGraph()
    entities = read_entities(graph)
    for entity in entities.values():
        network.add_node(entity.iri, label=entity.label, **{"class": entity.cls}, iri=entity.iri)
    for fact in read_facts(graph, entities):
        attrs: dict[str, object] = {
            "predicate": fact.prop,
            "label": fact.prop,
            "sources": len({e.article for e in fact.evidence if e.article}),
        }
        if fact.confidence is not None:
            attrs["confidence"] = fact.confidence
        network.add_edge(fact.subject, fact.obj, key=fact.prop, **attrs)
        if fact.symmetric:
            network.add_edge(fact.obj, fact.subject, key=fact.prop, **attrs)
    nx.write_graphml(network, out)


# --- entry point -----------------------------------------------------------------------------


def write_format(store: ox.Store, fmt: str, out: IO[bytes]) -> None:
    """Serialise the store's default graph in an RDF `fmt` to a binary stream."""
    prefixes = prefix_map()
    if fmt == "ttl":
        store.dump(out, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    elif fmt == "nt":
        store.dump(out, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    elif fmt == "nq":
        ox.serialize(article_quads(store), out, ox.RdfFormat.N_QUADS)
    elif fmt == "trig":
        ox.serialize(article_quads(store), out, ox.RdfFormat.TRIG, prefixes=prefixes)
    elif fmt == "jsonld":
        write_jsonld(store, out)
    else:
        raise KGError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def format_for(output: Path | None, fmt: str | None) -> str:
    """The export format: --format, else the output file's extension."""
    if fmt:
        return fmt
    if output is not None:
        if output.suffix.lower() == ".graphml":
            return "graphml"
        syntax = RDF_SYNTAXES.get(output.suffix.lower())
        if syntax is not None and syntax.export:
            return syntax.export
    raise KGError("say which format to write: --format " + "|".join(FORMATS))


def export_graph(graph: str | Path, fmt: str | None, output: Path | None) -> str:
    """Load `graph` and write it in `fmt` to `output` (stdout when None); returns the format."""
    fmt = format_for(output, fmt)
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "graphml":
        rdf = load_graph(graph)
        _write(output, lambda out: write_graphml(rdf, out))
    elif fmt == "ttl":  # kg's own Turtle: sorted, the bytes kg build writes
        triples = load_triples(graph)
        _write(output, lambda out: write_turtle(triples, out, PREFIXES))
    else:
        store = load_store(graph)
        _write(output, lambda out: write_format(store, fmt, out))
    return fmt


def _write(output: Path | None, write: Callable[[IO[bytes]], None]) -> None:
    """Write to `output` atomically, or to stdout when None."""
    if output is None:
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with atomic_output(output) as out:
        write(out)
