"""A light in-memory graph: rdflib terms in plain dicts, indexed by subject.

`kg build --into` and `kg stats` read whole graph files into it (`kg.rdfio.load_triples`, with
Oxigraph's parser) instead of an rdflib `Graph`, which takes ten times longer to fill. It
answers the few calls the reader (`kg.reader`) and the graph builder (`kg.graph`) make of a
graph, with rdflib's meaning, so they run unchanged on either.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

# One URIRef object per vocabulary IRI (the terms kg's reader asks for, every predicate and
# class of a graph file read by `kg.rdfio.load_triples`), so that looking one up in a graph is a
# hash and an identity check: two equal but distinct URIRefs are compared by rdflib in Python.
_SHARED: dict[str, URIRef] = {}
_new_str = str.__new__


def shared(iri: str) -> URIRef:
    """The one URIRef object for a vocabulary IRI (made, without rdflib's checks, when new).
    Looked up by the plain string: a URIRef never equals a str key (rdflib's `__eq__`)."""
    text = str(iri)
    found = _SHARED.get(text)
    if found is None:
        found = _SHARED[text] = _new_str(URIRef, text)
    return found


def iri_term(iri: str) -> URIRef:
    """A URIRef for an IRI already checked (by a parser, as a plain string): the shared one if
    there is one."""
    found = _SHARED.get(iri)
    return _new_str(URIRef, iri) if found is None else found


RDF_TYPE = shared(RDF.type)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a large graph is read, added to, counted or
    written: its millions of terms and dicts hold no cycle, and each full collection would
    walk every one of them again, so that the time would grow faster than the graph. What the
    block made goes straight to the oldest generation when it ends: otherwise the first
    allocation after it would walk all of it, as the youngest generation, at once."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            _make_old()
            gc.enable()


def _make_old() -> None:
    """Every object in the collector's young generations moved to the oldest one, unwalked
    (or, inside `left_out_of_collections`, frozen with what it froze, until it ends)."""
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    if outermost:
        gc.unfreeze()


_NONE: dict[Node, dict[Node, None]] = {}  # what a missing subject or predicate has: never changed


class Triples:
    """A set of triples, by subject then predicate; objects keep the order they came in."""

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._by_subject: dict[Node, dict[Node, dict[Node, None]]] = {}
        self._size = 0
        # subjects by rdf:type value, made when first asked for, then kept up by add and remove
        self._typed: dict[Node, dict[Node, None]] | None = None
        self.extend(triples)

    @classmethod
    def indexed(cls, by_subject: dict[Node, dict[Node, dict[Node, None]]], size: int) -> Triples:
        """The triples of an index made as `Triples` keeps one (subject -> predicate ->
        objects), holding `size` triples: the loader's way in, without a second pass."""
        triples = cls()
        triples._by_subject, triples._size = by_subject, size
        return triples

    def extend(self, triples: Iterable[Triple]) -> None:
        """Add every triple (the loop of `add`, written out: files have millions)."""
        self._typed = None
        by_subject, size = self._by_subject, self._size
        for s, p, o in triples:
            predicates = by_subject.get(s)
            if predicates is None:
                predicates = by_subject[s] = {}
            objects = predicates.get(p)
            if objects is None:
                predicates[p] = {o: None}
                size += 1
            else:
                before = len(objects)
                objects[o] = None  # one hash of o: an rdflib Literal's is slow
                size += len(objects) - before
        self._size = size

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Triple]:
        for subject, predicates in self._by_subject.items():
            for predicate, objects in predicates.items():
                for obj in objects:
                    yield subject, predicate, obj

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self._by_subject.get(s, {}).get(p, {})

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        objects = self._by_subject.setdefault(s, {}).setdefault(p, {})
        if o not in objects:
            objects[o] = None
            self._size += 1
            if self._typed is not None and p == RDF_TYPE:
                self._typed.setdefault(o, {})[s] = None

    def remove(self, subject: Node, predicate: Node) -> None:
        """Remove every (subject, predicate, *) triple."""
        objects = self._by_subject.get(subject, {}).pop(predicate, {})
        self._size -= len(objects)
        if self._typed is not None and objects and predicate == RDF_TYPE:
            for cls in objects:
                typed = self._typed.get(cls, {})
                typed.pop(subject, None)
                if not typed:
                    self._typed.pop(cls, None)

    def set(self, triple: Triple) -> None:
        """Make `o` the only value of (s, p), as rdflib's `Graph.set`."""
        self.remove(triple[0], triple[1])
        self.add(triple)

    def to_graph(self) -> Graph:
        """The triples in an rdflib Graph (slow for millions of triples)."""
        graph = Graph()
        graph.addN((s, p, o, graph) for s, p, o in self)
        return graph

    def subjects_and_predicates(self) -> Iterator[tuple[Node, dict[Node, dict[Node, None]]]]:
        """Each subject with its predicates and their objects (for the Turtle writer)."""
        return iter(self._by_subject.items())

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One value of (subject, predicate), the first added, or None."""
        objects = self._by_subject.get(subject, _NONE).get(predicate)
        return next(iter(objects)) if objects else None

    def about(self, subject: Node) -> Mapping[Node, Collection[Node]]:
        """Each predicate of `subject` with its objects, in the order `objects` gives them: a
        view of the graph, for reading while it does not change."""
        return self._by_subject.get(subject, _NONE)

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return iter(list(self._by_subject.get(subject, _NONE).get(predicate, _NONE)))

    def predicate_objects(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        predicates = self._by_subject.get(subject, _NONE)
        return iter([(p, o) for p, objects in predicates.items() for o in objects])

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        if predicate == RDF_TYPE:
            return iter([(s, o) for o, subjects in self._types().items() for s in subjects])
        found = []
        for subject, predicates in self._by_subject.items():
            for obj in predicates.get(predicate, ()):
                found.append((subject, obj))
        return iter(found)

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        if predicate == RDF_TYPE:
            return iter(list(self._types().get(obj, {})))
        return iter([s for s, ps in self._by_subject.items() if obj in ps.get(predicate, {})])

    def _types(self) -> dict[Node, dict[Node, None]]:
        if self._typed is None:
            typed: dict[Node, dict[Node, None]] = {}
            rdf_type = RDF_TYPE
            for subject, predicates in self._by_subject.items():
                for cls in predicates.get(rdf_type, ()):
                    typed.setdefault(cls, {})[subject] = None
            self._typed = typed
        return self._typed


@contextmanager
def left_out_of_collections(on: bool = True) -> Iterator[None]:
    """Every object made so far (a graph just read, a model before workers fork) left out of
    Python's cycle collections until the block ends (`gc.freeze`), so that the collections
    while parsing do not walk them again and again, nor touch a forked worker's shared pages.
    Blocks nest: what an inner block freezes stays frozen until the outermost one ends."""
    if not on:
        yield
        return
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if outermost:
            gc.unfreeze()


# a graph kg reads and adds to: an rdflib Graph, or a whole file read by kg.rdfio.load_triples
GraphLike = Graph | Triples
