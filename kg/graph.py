"""The RDF graph: asserted facts, entities, and compact provenance with stable IRIs.

See README "The graph's shape". Every IRI is derived from content, so adding the same article
twice adds nothing, and merging a new build into an old graph keeps the old entities' IRIs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.filetriples import FileTriples
from kg.ingest import Article
from kg.ontology import Ontology
from kg.qualifiers import Qualifiers
from kg.rdfio import turtle_bytes, write_atomic
from kg.reader import GraphEntity, article_iris, count_facts, read_entities
from kg.resolve import Entity, ResolvedFact
from kg.triples import GraphLike
from kg.vocab import ID, KG, SCHEMA

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


def add_articles(graph: GraphLike, articles: Iterable[Article]) -> None:
    for article in articles:
        node = article_iri(article.id)
        graph.add((node, RDF.type, SCHEMA.NewsArticle))
        graph.set((node, DCTERMS.identifier, Literal(article.id)))
        graph.set((node, DCTERMS.source, Literal(article.url or article.source)))
        if article.title:
            graph.set((node, DCTERMS.title, Literal(article.title)))
        if article.date and DATE.match(article.date):
            graph.set((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))


def add_entities(graph: GraphLike, entities: Iterable[Entity], ontology: Ontology) -> None:
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


def add_facts(graph: GraphLike, facts: Iterable[ResolvedFact], ontology: Ontology) -> None:
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


def _add_qualifiers(graph: GraphLike, statement: URIRef, qualifiers: Qualifiers) -> None:
    if qualifiers.status:
        graph.add((statement, KG.status, Literal(qualifiers.status)))
    if qualifiers.amount is not None:
        graph.add((statement, KG.amount, decimal_literal(qualifiers.amount)))
        if qualifiers.currency:
            graph.add((statement, KG.currency, Literal(qualifiers.currency)))
    if qualifiers.date:
        graph.add((statement, KG.date, Literal(qualifiers.date, datatype=XSD.date)))


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal whose lexical form always has a fraction ("1200000000.0"), the form the
    Turtle writer prints, so that a graph read back holds the same literal, not a second one."""
    text = format(value, "f")
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


def _raise_confidence(graph: GraphLike, statement: URIRef, confidence: float) -> None:
    """A fact's confidence is its best evidence's; adding weaker evidence leaves it."""
    value = Decimal(f"{confidence:.2f}")
    old = graph.value(statement, KG.confidence)
    if old is None or Decimal(str(old)) < value:
        graph.set((statement, KG.confidence, decimal_literal(value)))


def graph_entities(
    graph: GraphLike, ontology: Ontology, among: Iterable[URIRef] | None = None
) -> dict[str, GraphEntity]:
    """The entities of a graph, by IRI, as the shared reader finds them with the ontology's
    classes (with `among`, only those of these IRIs)."""
    return read_entities(graph, {c.iri: c.name for c in ontology.classes.values()}, among)


def turtle(graph: GraphLike) -> bytes:
    """The graph as kg's Turtle (`kg.rdfio.write_turtle`): the same triples always give the
    same bytes."""
    if isinstance(graph, FileTriples):  # a file read a subject at a time: spliced
        return graph.turtle()
    return turtle_bytes(graph)


def write_turtle(graph: GraphLike, path: Path) -> None:
    write_atomic(path, turtle(graph))


def stats(
    graph: GraphLike, ontology: Ontology, entities: Mapping[str, GraphEntity] | None = None
) -> dict[str, dict[str, int]]:
    """Counts of entities by class, facts by property (a symmetric fact once), and articles,
    as the shared reader sees them; `entities` are the graph's (`graph_entities`) when known."""
    if entities is None:
        entities = graph_entities(graph, ontology)
    properties = {p.iri: p.name for p in ontology.properties.values()}
    by_class = Counter(e.cls for e in entities.values())
    by_prop = count_facts(graph, entities, properties)
    return {
        "entities": {c.name: by_class[c.name] for c in ontology.classes.values()},
        "facts": {p.name: by_prop[p.name] for p in ontology.properties.values()},
        "articles": {"articles": len(article_iris(graph))},
    }
