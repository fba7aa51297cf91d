"""The RDF graph: asserted facts, entities, and compact provenance with stable IRIs.

See README "The graph's shape". Every IRI is derived from content, so adding the same article
twice adds nothing, and merging a new build into an old graph keeps the old entities' IRIs.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.errors import KGError
from kg.ingest import Article
from kg.ontology import Ontology
from kg.qualifiers import Qualifiers
from kg.resolve import Entity, ResolvedFact
from kg.vocab import ID, KG, PREFIXES, SCHEMA

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def slug(text: str) -> str:
    """A readable IRI segment: the lower-case words joined by '-', in any script (an IRI is
    Unicode): "Société Générale" -> "société-générale", never "socit-gnrale"; a hash of the
    text when it has no letter or digit."""
    text = unicodedata.normalize("NFC", text).lower()
    kept = "".join(c if unicodedata.category(c)[:1] in "LM" or c.isdecimal() else " " for c in text)
    words = [w for w in (re.sub(r"^\W+", "", word) for word in kept.split()) if w]  # no mark first
    if words:
        return "-".join(words)[:60]
    return "x" + hashlib.sha1(text.encode()).hexdigest()[:12]


def entity_iri(entity: Entity) -> URIRef:
    return URIRef(entity.iri) if entity.iri else ID[slug(entity.key)]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article-{article_id}"]


def sentence_iri(article_id: str, start: int, end: int) -> URIRef:
    return ID[f"sentence-{article_id}-{start}-{end}"]


def fact_iri(subject: URIRef, predicate: URIRef, obj: URIRef) -> URIRef:
    digest = hashlib.sha1(f"{subject} {predicate} {obj}".encode()).hexdigest()[:16]
    return ID[f"fact-{digest}"]


def add_articles(graph: Graph, articles: Iterable[Article]) -> None:
    for article in articles:
        node = article_iri(article.id)
        graph.add((node, RDF.type, SCHEMA.NewsArticle))
        graph.set((node, DCTERMS.identifier, Literal(article.id)))
        graph.set((node, DCTERMS.source, Literal(article.url or article.source)))
        if article.title:
            graph.set((node, DCTERMS.title, Literal(article.title)))
        if article.date and DATE.match(article.date):
            graph.set((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))


def add_entities(graph: Graph, entities: Iterable[Entity], ontology: Ontology) -> None:
    for entity in entities:
        node = entity_iri(entity)
        if entity.iri is not None:  # already in the graph: only new names are added
            for name in entity.names:
                if (node, RDFS.label, Literal(name)) not in graph:
                    graph.add((node, SKOS.altLabel, Literal(name)))
            continue
        for other in entity.same_as:
            graph.add((node, OWL.sameAs, URIRef(other)))
        graph.add((node, RDF.type, ontology.classes[entity.cls].iri))
        graph.add((node, RDFS.label, Literal(entity.label)))
        graph.add((node, SKOS.prefLabel, Literal(entity.label)))
        for name in entity.names:
            if name != entity.label:
                graph.add((node, SKOS.altLabel, Literal(name)))


def add_facts(graph: Graph, facts: Iterable[ResolvedFact], ontology: Ontology) -> None:
    for resolved in facts:
        prop = ontology.properties[resolved.predicate]
        subject, obj = entity_iri(resolved.subject), entity_iri(resolved.object)
        if prop.symmetric and str(obj) < str(subject):
            subject, obj = obj, subject
        graph.add((subject, prop.iri, obj))
        if prop.symmetric:
            graph.add((obj, prop.iri, subject))
        fact = resolved.fact
        statement = fact_iri(subject, prop.iri, obj)
        sentence = sentence_iri(fact.article, fact.evidence.start, fact.evidence.end)
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, subject))
        graph.add((statement, RDF.predicate, prop.iri))
        graph.add((statement, RDF.object, obj))
        graph.add((statement, KG.pattern, Literal(fact.pattern)))
        _add_qualifiers(graph, statement, fact.qualifiers)
        graph.add((statement, PROV.wasDerivedFrom, sentence))
        _raise_confidence(graph, statement, fact.confidence)
        graph.add((sentence, RDF.type, KG.Sentence))
        graph.set((sentence, RDF.value, Literal(fact.evidence.text)))
        graph.set((sentence, KG.startOffset, Literal(fact.evidence.start)))
        graph.set((sentence, KG.endOffset, Literal(fact.evidence.end)))
        graph.set((sentence, DCTERMS.isPartOf, article_iri(fact.article)))


def _add_qualifiers(graph: Graph, statement: URIRef, qualifiers: Qualifiers) -> None:
    if qualifiers.status:
        graph.add((statement, KG.status, Literal(qualifiers.status)))
    if qualifiers.amount is not None:
        graph.add((statement, KG.amount, Literal(qualifiers.amount, datatype=XSD.decimal)))
        if qualifiers.currency:
            graph.add((statement, KG.currency, Literal(qualifiers.currency)))
    if qualifiers.date:
        graph.add((statement, KG.date, Literal(qualifiers.date, datatype=XSD.date)))


def _raise_confidence(graph: Graph, statement: URIRef, confidence: float) -> None:
    """A fact's confidence is its best evidence's; adding weaker evidence leaves it."""
    value = Decimal(f"{confidence:.2f}")
    old = graph.value(statement, KG.confidence)
    if old is None or Decimal(str(old)) < value:
        graph.set((statement, KG.confidence, Literal(value, datatype=XSD.decimal)))


def known_entities(graph: Graph, ontology: Ontology) -> list[Entity]:
    """Entities already in a graph, so that a merge reuses their IRIs."""
    by_iri = {c.iri: c.name for c in ontology.classes.values()}
    found = []
    for node, cls_iri in graph.subject_objects(RDF.type):
        cls = by_iri.get(cls_iri)  # type: ignore[call-overload]
        if cls is None or not isinstance(node, URIRef):
            continue
        label = str(graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label) or "")
        names = {
            str(o)
            for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
            for o in graph.objects(node, p)
        }
        if label:
            key = str(node).rsplit("/", 1)[-1]
            found.append(Entity(key, label, tuple(sorted(names)), cls, str(node)))
    return sorted(found, key=lambda e: e.key)


RDF_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json-ld": "json-ld",
}
QUAD_FORMATS = frozenset({"trig", "nquads", "json-ld"})


def load_graph(path: Path) -> Graph:
    """Read a graph file (format from its extension); named graphs are merged into one."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KGError(
            f"cannot tell the RDF format of '{path}' (name it .ttl, .nt, .nq, .trig or .jsonld)"
        )
    if not path.is_file():
        raise KGError(f"graph not found: '{path}' (give a graph file, e.g. from kg build)")
    graph = new_graph()
    try:
        if fmt not in QUAD_FORMATS:
            return graph.parse(path, format=fmt)
        with warnings.catch_warnings():  # rdflib's quad parsers use its own deprecated API
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = Dataset(default_union=True)
            dataset.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many unrelated types for bad input
        raise KGError(f"'{path}' is not valid {fmt}{_where(path, fmt, err)}") from err
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


def _where(path: Path, fmt: str, err: Exception) -> str:
    """' at line N: why'. rdflib says where only sometimes (a file cut short gives an
    IndexError or AssertionError with no place), so Oxigraph's parser finds the place then."""
    lines = getattr(err, "lines", None)
    if isinstance(lines, int):
        return f" at line {lines + 1}: {_why(err)}"
    if fmt in OX_FORMATS:
        try:
            for _ in ox.parse(path=str(path), format=OX_FORMATS[fmt]):
                pass
        except SyntaxError as found:
            if place := re.match(r"Parser error at (line \d+[^:]*): (.+)", found.msg):
                return f" at {place[1]}: {place[2]}"
    return f": {_why(err)}"


def _why(err: Exception) -> str:
    """A short reason for a parse error."""
    why = getattr(err, "_why", None)
    text = why if isinstance(why, str) else (str(err).splitlines() or [type(err).__name__])[0]
    return " ".join(text.split())[:200]


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_turtle(graph: Graph, path: Path) -> None:
    write_atomic(path, graph.serialize(format="turtle").encode())


def stats(graph: Graph, ontology: Ontology) -> dict[str, dict[str, int]]:
    """Counts of entities by class, facts by property, and articles."""
    classes = {c.name: len(set(graph.subjects(RDF.type, c.iri))) for c in ontology.classes.values()}
    facts = {}
    for prop in ontology.properties.values():
        count = len(list(graph.subject_objects(prop.iri)))
        facts[prop.name] = count // 2 if prop.symmetric else count
    articles = len(set(graph.subjects(RDF.type, SCHEMA.NewsArticle)))
    return {"entities": classes, "facts": facts, "articles": {"articles": articles}}
