"""What a kg graph holds, read once for every consumer (viz, evaluate, export, stats).

An entity is an IRI typed with a class of the kg: vocabulary (kg:Sentence aside); a fact is an
asserted `entity kg:property entity` triple, with the confidence, patterns and evidence
sentences of the rdf:Statement nodes that describe it. A symmetric fact (asserted both ways) is
one fact. Everything is sorted, so the same graph always reads the same.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial

from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV
from rdflib.term import Node

from kg.triples import RDF_TYPE, GraphLike, Triples, iri_term, shared
from kg.vocab import KG, SCHEMA

CLASS_ORDER = ("Organization", "Person", "Product", "Technology", "Place", "Event")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
Triple = tuple[URIRef, URIRef, URIRef]

# the terms read, each one object (`kg.triples.shared`): rdflib makes a new one at each RDF.value
_STATEMENT, _SUBJECT = shared(RDF.Statement), shared(RDF.subject)
_PREDICATE, _OBJECT, _VALUE = shared(RDF.predicate), shared(RDF.object), shared(RDF.value)
_SYMMETRIC, _NEWS = shared(OWL.SymmetricProperty), shared(SCHEMA.NewsArticle)
_SENTENCE, _CONFIDENCE, _PATTERN = shared(KG.Sentence), shared(KG.confidence), shared(KG.pattern)
_START, _END, _DERIVED = shared(KG.startOffset), shared(KG.endOffset), shared(PROV.wasDerivedFrom)
_PART_OF, _DATE = shared(DCTERMS.isPartOf), shared(DCTERMS.date)
_TITLE, _SOURCE = shared(DCTERMS.title), shared(DCTERMS.source)


@dataclass(frozen=True)
class GraphEntity:
    """An entity: its IRI, display label, every name (label first) and one class name."""

    iri: str
    label: str
    names: tuple[str, ...]
    cls: str


@dataclass(frozen=True)
class GraphArticle:
    """An article node: IRI, title, source (URL or file) and ISO date (or "")."""

    iri: str
    title: str
    source: str
    date: str


@dataclass(frozen=True)
class GraphEvidence:
    """An evidence sentence: its text, article IRI and character offsets."""

    text: str
    article: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class GraphFact:
    """An asserted fact between entities, with its statements' provenance."""

    subject: str
    prop: str
    obj: str
    confidence: float | None
    patterns: tuple[str, ...]
    evidence: tuple[GraphEvidence, ...]
    symmetric: bool = False  # asserted both ways: drawn once, without an arrow


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


Values = Mapping[Node, Collection[Node]]  # what a graph says of a subject: p -> objects


def values_of(graph: GraphLike, subject: Node) -> Values:
    """Each predicate of `subject` with its objects, in the order `graph.objects` gives them
    (rdflib's memory stores walk one index for both): looked up once for all of them."""
    if isinstance(graph, Triples):
        return graph.about(subject)
    found: dict[Node, list[Node]] = {}
    for predicate, obj in graph.predicate_objects(subject):
        found.setdefault(predicate, []).append(obj)
    return found


def _texts(objects: Iterable[object]) -> list[str]:
    """The literals among `objects`, as sorted strings."""
    return sorted([str(o) for o in objects if isinstance(o, Literal)])


def _first(values: Values, prop: URIRef) -> str:
    found = _texts(values.get(prop, ()))
    return found[0] if found else ""


def _one(values: Values, prop: URIRef) -> Node | None:
    """The first of `prop`'s objects (as `graph.value` gives it), or None."""
    found = values.get(prop)
    return next(iter(found)) if found else None


def _pick_class(classes: list[str]) -> str:
    if len(classes) == 1:
        return classes[0]
    names = sorted(set(classes))
    known = [c for c in CLASS_ORDER if c in names]
    return (known or names)[0]


def read_entities(
    graph: GraphLike,
    classes: Mapping[URIRef, str] | None = None,
    among: Iterable[URIRef] | None = None,
) -> dict[str, GraphEntity]:
    """Every IRI typed with an entity class, by IRI: a class of the kg: vocabulary (kg:Sentence
    aside), or with `classes` (class IRI -> name, e.g. an ontology's) one of those. With
    `among`, only those of these IRIs that are entities."""
    typed: Iterable[tuple[object, object]]
    if classes is not None:
        classes = {shared(iri): name for iri, name in classes.items()}
    if among is None and classes is not None:  # only the subjects of these classes
        typed = [(s, cls) for cls in classes for s in graph.subjects(RDF_TYPE, cls)]
    elif among is None:
        typed = graph.subject_objects(RDF_TYPE)
    else:
        typed = [(s, cls) for s in set(among) for cls in graph.objects(s, RDF_TYPE)]
    found: dict[URIRef, list[str]] = defaultdict(list)
    names: dict[object, str | None] = {}  # each class's name (None: not an entity class), once
    for subject, cls in typed:
        if cls in names:
            name = names[cls]
        else:
            name = names[cls] = _class_name(cls, classes)
        if name is not None and isinstance(subject, URIRef):
            found[subject].append(name)
    ordered = sorted([(str(s), s, c) for s, c in found.items()], key=_first_item)
    return {iri: _entity(graph, s, c) for iri, s, c in ordered}


def _first_item(item: tuple[str, object, object]) -> str:
    return item[0]  # each subject's IRI is there once


def _class_name(cls: object, classes: Mapping[URIRef, str] | None) -> str | None:
    """The entity class name of `cls` (from `classes` if given), None when it is none."""
    if not isinstance(cls, URIRef):
        return None
    if classes is not None:
        return classes.get(cls)
    return str(cls)[len(KG) :] if _is_entity_class(cls) else None


def _is_entity_class(cls: object) -> bool:
    return isinstance(cls, URIRef) and cls.startswith(KG) and cls != _SENTENCE


_PREF, _LABEL, _ALT = shared(SKOS.prefLabel), shared(RDFS.label), shared(SKOS.altLabel)


def _entity(graph: GraphLike, subject: URIRef, classes: list[str]) -> GraphEntity:
    values = values_of(graph, subject)
    pref, labels = _texts(values.get(_PREF, ())), _texts(values.get(_LABEL, ()))
    alt = _texts(values.get(_ALT, ()))
    label = (pref or labels or [_local_name(str(subject))])[0]
    names = {*pref, *labels, *alt}
    names.discard(label)
    others = sorted(names, key=_name_order) if names else ()
    return GraphEntity(str(subject), label, (label, *others), _pick_class(classes))


def _name_order(name: str) -> tuple[str, str]:
    return name.casefold(), name


def read_facts(
    graph: GraphLike,
    entities: Mapping[str, GraphEntity],
    properties: Mapping[URIRef, str] | None = None,
) -> list[GraphFact]:
    """Asserted ``entity kg:prop entity`` triples with their provenance, sorted; with
    `properties` (property IRI -> name, e.g. an ontology's) only those properties. A symmetric
    fact (asserted both ways, provenance on one) is one fact, with the evidence of both."""
    named = properties or {}
    sentences: dict[URIRef, GraphEvidence] = {}
    facts = []
    found = sorted(_fact_triples(graph, entities, properties), key=_order)
    for (s, p, o), nodes, symmetric in found:
        fact = _fact(graph, str(s), named.get(p, p[len(KG) :]), str(o), nodes, sentences)
        facts.append(replace(fact, symmetric=True) if symmetric else fact)
    return facts


def _order(item: tuple[Triple, list[URIRef], bool]) -> tuple[str, str, str]:
    """A fact's place: by its triple's IRIs (each triple is there once), as rdflib orders
    URIRefs, without rdflib's comparisons in Python."""
    s, p, o = item[0]
    return str(s), str(p), str(o)


def count_facts(
    graph: GraphLike,
    entities: Mapping[str, GraphEntity],
    properties: Mapping[URIRef, str] | None = None,
    named: Callable[[Triple], URIRef] | None = None,
) -> Counter[str]:
    """How many facts `read_facts` finds, by property name, without reading provenance. With
    `named`, the name every statement node of the graph has (kg's `fact_iri`), each fact's
    statement is looked up by its name instead of reading every statement of the graph."""
    names = properties or {}
    found = (p for (_, p, _), _, _ in _fact_triples(graph, entities, properties, named))
    return Counter(names.get(p, p[len(KG) :]) for p in found)


def _fact_triples(
    graph: GraphLike,
    entities: Mapping[str, GraphEntity],
    properties: Mapping[URIRef, str] | None,
    named: Callable[[Triple], URIRef] | None = None,
) -> Iterator[tuple[Triple, list[URIRef], bool]]:
    """Each fact's triple, statement nodes, and whether it is symmetric (one of two)."""
    if properties is not None:  # the graph's own terms: looked up without rdflib's __eq__
        properties = {shared(iri): name for iri, name in properties.items()}
    if named is None:
        lookup = _statements_by_triple(graph).get
    else:
        lookup = partial(_named_statement, graph, named)
    asserted = _asserted(graph, entities, lookup, properties)
    declared: dict[URIRef, bool] = {}
    for (s, p, o), nodes in asserted.items():
        mirror = asserted.get((o, p, s)) if s != o else None
        if mirror is not None and p not in declared:
            declared[p] = (p, RDF_TYPE, _SYMMETRIC) in graph
        if mirror is None or not (declared[p] or bool(nodes) != bool(mirror)):
            yield (s, p, o), nodes, False
        elif (bool(nodes), str(o)) > (bool(mirror), str(s)):  # keep the side with provenance
            yield (s, p, o), nodes + mirror, True


def _named_statement(
    graph: GraphLike, named: Callable[[Triple], URIRef], triple: Triple, default: list[URIRef]
) -> list[URIRef]:
    """The statement node `named(triple)` in a list, if the graph says it is that triple's."""
    node = named(triple)
    about = values_of(graph, node)
    for part, value in zip((_SUBJECT, _PREDICATE, _OBJECT), triple, strict=True):
        if value not in about.get(part, ()):
            return default
    return [node]


def _asserted(
    graph: GraphLike,
    entities: Mapping[str, GraphEntity],
    statements: Callable[[Triple, list[URIRef]], list[URIRef]],
    properties: Mapping[URIRef, str] | None,
) -> dict[Triple, list[URIRef]]:
    """Every asserted ``entity kg:prop entity`` triple -> its statement nodes (maybe none)."""
    found: dict[Triple, list[URIRef]] = {}
    for iri in entities:
        node = iri_term(iri)  # an entity's IRI, read from the graph: no need to check it again
        for prop, objects in values_of(graph, node).items():
            if not isinstance(prop, URIRef):
                continue
            if not (prop in properties if properties is not None else str.startswith(prop, KG)):
                continue
            for obj in objects:
                if isinstance(obj, URIRef) and str(obj) in entities:  # an entity
                    triple = (node, prop, _uri(obj))
                    found[triple] = statements(triple, [])
    return found


def _uri(node: object) -> URIRef:
    return node if type(node) is URIRef else URIRef(str(node))


def _statements_by_triple(graph: GraphLike) -> dict[Triple, list[URIRef]]:
    found: dict[Triple, list[URIRef]] = defaultdict(list)
    subject, predicate, obj = _SUBJECT, _PREDICATE, _OBJECT
    for node in graph.subjects(RDF_TYPE, _STATEMENT):
        values = values_of(graph, node)
        s, p, o = _one(values, subject), _one(values, predicate), _one(values, obj)
        if (
            isinstance(node, URIRef)
            and isinstance(s, URIRef)
            and isinstance(p, URIRef)
            and isinstance(o, URIRef)
        ):
            found[(_uri(s), _uri(p), _uri(o))].append(node)
    return found


def _fact(
    graph: GraphLike,
    subject: str,
    prop: str,
    obj: str,
    nodes: list[URIRef],
    seen: dict[URIRef, GraphEvidence],
) -> GraphFact:
    about = [values_of(graph, n) for n in nodes]
    confidences = [_number(c) for values in about for c in values.get(_CONFIDENCE, ())]
    known = [c for c in confidences if c is not None]
    patterns = sorted({p for values in about for p in _texts(values.get(_PATTERN, ()))})
    sentences = {s for values in about for s in values.get(_DERIVED, ())}
    for s in sentences:
        if isinstance(s, URIRef) and s not in seen:
            seen[s] = _evidence(graph, s)
    evidence = [seen[s] for s in sentences if isinstance(s, URIRef)]
    evidence.sort(key=lambda e: (e.article or "", e.start or 0, e.text))
    conf = max(known) if known else None
    return GraphFact(subject, prop, obj, conf, tuple(patterns), tuple(evidence))


def _number(node: object) -> float | None:
    if isinstance(node, Literal):
        try:
            return float(node.toPython())
        except (TypeError, ValueError):
            return None
    return None


def _int(node: object) -> int | None:
    value = _number(node)
    return int(value) if value is not None else None


def _evidence(graph: GraphLike, sentence: URIRef) -> GraphEvidence:
    values = values_of(graph, sentence)
    article = _one(values, _PART_OF)
    return GraphEvidence(
        text=_first(values, _VALUE),
        article=str(article) if isinstance(article, URIRef) else None,
        start=_int(_one(values, _START)),
        end=_int(_one(values, _END)),
    )


def read_articles(graph: GraphLike, facts: Iterable[GraphFact]) -> list[GraphArticle]:
    """The articles the facts' evidence comes from, sorted by date then title."""
    iris = sorted({e.article for f in facts for e in f.evidence if e.article})
    articles = [_article(graph, URIRef(iri)) for iri in iris]
    return sorted(articles, key=lambda a: (a.date, a.title.casefold(), a.iri))


def _article(graph: GraphLike, iri: URIRef) -> GraphArticle:
    values = values_of(graph, iri)
    date = _first(values, _DATE)
    match = _ISO_DATE.match(date)
    title = _first(values, _TITLE) or _local_name(str(iri))
    return GraphArticle(str(iri), title, _first(values, _SOURCE), match[0] if match else "")


def article_iris(graph: GraphLike) -> list[str]:
    """Every article in the graph (typed schema:NewsArticle), sorted."""
    return sorted(str(a) for a in graph.subjects(RDF_TYPE, _NEWS))
