"""Write a graph in other formats: Turtle, N-Triples, N-Quads, TriG, JSON-LD and GraphML.

RDF formats stream through Oxigraph's serialisers (no pretty-printer). N-Quads and TriG put
each article's facts and provenance in a named graph named by the article's IRI; entities and
anything not tied to an article stay in the default graph. JSON-LD is written with a context
made of the standard prefixes. GraphML (for Gephi and networkx) has entities as nodes and facts
as edges. Every file is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import KGError
from kg.sparql import compact_iri, load_store, prefix_map

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml")
SUFFIXES = {
    "ttl": ".ttl",
    "nt": ".nt",
    "nq": ".nq",
    "trig": ".trig",
    "jsonld": ".jsonld",
    "graphml": ".graphml",
}
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
KG = prefix_map()["kg"]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DERIVED_FROM = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
Node = object  # a pyoxigraph subject, graph name or object term


@contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[bytes]]:
    """A binary file that appears at `path` only when complete (stdout when None)."""
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise KGError(f"{path}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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

ENTITIES = """SELECT ?e ?class ?label WHERE {
  ?e a ?class . FILTER(STRSTARTS(STR(?class), STR(kg:)) && ?class != kg:Sentence)
  OPTIONAL { ?e rdfs:label ?label } }"""
EDGES = """SELECT ?s ?p ?o (MAX(?c) AS ?confidence) (COUNT(DISTINCT ?a) AS ?sources) WHERE {
  ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(kg:)) && isIRI(?o))
  OPTIONAL { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?st kg:confidence ?c }
    OPTIONAL { ?st prov:wasDerivedFrom ?e . ?e dcterms:isPartOf ?a } } }
GROUP BY ?s ?p ?o"""


def write_graphml(store: ox.Store, out: IO[bytes]) -> None:
    """GraphML: entities (label, class) as nodes, facts (predicate, confidence, sources) as
    edges."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    entities = store.query(ENTITIES, prefixes=prefix_map())
    assert isinstance(entities, ox.QuerySolutions)
    for e, cls, label in entities:
        graph.add_node(
            e.value,
            label=label.value if label else compact_iri(e.value),
            **{"class": cls.value[len(KG) :]},
            iri=e.value,
        )
    edges = store.query(EDGES, prefixes=prefix_map())
    assert isinstance(edges, ox.QuerySolutions)
    for s, p, o, confidence, sources in edges:
        if s.value in graph and o.value in graph:
            name = p.value[len(KG) :]
            attrs: dict[str, object] = {
                "predicate": name,
                "label": name,
                "sources": int(sources.value),
            }
            if confidence is not None:
                attrs["confidence"] = float(confidence.value)
            graph.add_edge(s.value, o.value, key=name, **attrs)
    nx.write_graphml(graph, out)


# --- entry point -----------------------------------------------------------------------------


def write_format(store: ox.Store, fmt: str, out: IO[bytes]) -> None:
    """Serialise the store's default graph in `fmt` to a binary stream."""
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
    elif fmt == "graphml":
        write_graphml(store, out)
    else:
        raise KGError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def format_for(output: Path | None, fmt: str | None) -> str:
    """The export format: --format, else the output file's extension."""
    if fmt:
        return fmt
    if output is not None:
        for name, suffix in SUFFIXES.items():
            if output.suffix.lower() == suffix:
                return name
    raise KGError("say which format to write: --format " + "|".join(FORMATS))


def export_graph(graph: str | Path, fmt: str | None, output: Path | None) -> str:
    """Load `graph` and write it in `fmt` to `output` (stdout when None); returns the format."""
    fmt = format_for(output, fmt)
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    store = load_store(graph)
    with atomic_output(output) as out:
        write_format(store, fmt, out)
    return fmt
