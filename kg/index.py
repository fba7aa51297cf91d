"""A graph's index: what adding articles to a graph needs to know of it, without reading all of
it. kg build writes it beside the graph (graph.ttl -> graph.index.json), tied to the graph file
by its sha256 and to the ontology by its digest; an index that does not match both is not used,
and the graph is read as without one.

It holds every entity (label, names, class), the tokens resolution's rules compare names by
(`kg.resolve.name_links`), and the counts `kg stats` gives. A merge then reads only the entities
a new name can reach (`GraphIndex.known`) and counts again only the facts between the entities
it added to (`GraphIndex.updated`): both grow with the articles added, not with the graph.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from rdflib import RDF, URIRef
from rdflib.term import Node

from kg.aliases import AliasGroup
from kg.extract import Fact
from kg.graph import article_iri, fact_iri, graph_entities, stats
from kg.names import clean_name
from kg.ontology import Ontology
from kg.reader import count_facts, values_of
from kg.resolve import Entity, name_links
from kg.triples import GraphLike, collector_paused, shared
from kg.vocab import SCHEMA

# the index's form, and what it vouches for: a graph file laid out as `kg.rdfio.TurtleBlocks` writes
# it (`kg.filetriples` splices such files). Raise it when either changes.
VERSION = 1
SUFFIX = ".index.json"
Counts = Mapping[str, Mapping[str, int]]  # as `kg.graph.stats` gives them
_STATEMENT, _NEWS = shared(RDF.Statement), shared(SCHEMA.NewsArticle)
_SUBJECT, _PREDICATE, _OBJECT = shared(RDF.subject), shared(RDF.predicate), shared(RDF.object)


@dataclass(frozen=True)
class GraphIndex:
    """A graph's entities by IRI (label, names with the label first, class), the IRIs found
    under each name token, its counts, and whether every statement node of the graph is named
    by `kg.graph.fact_iri` (so that a fact's statement can be looked up by its name)."""

    ontology: str  # the digest of the ontology the entities were classed and counted with
    entities: Mapping[str, Sequence[object]]  # IRI -> [label, [names], class], as in the file
    tokens: Mapping[str, Sequence[str]]  # a name token -> the IRIs found under it, sorted
    counts: Counts
    named_statements: bool

    def known(
        self, facts: Sequence[Fact], aliases: Sequence[AliasGroup], suffixes: frozenset[str]
    ) -> list[Entity]:
        """The entities a rule could join to a name of `facts` or `aliases`, directly or
        through another such entity: the only ones whose presence can change a resolution
        (`kg.resolve.resolve`'s `known`), sorted by key."""
        mentions = [m for f in facts for m in (f.subject, f.object)]
        texts = {t for m in mentions for t in (m.text, m.acronym, m.alias) if t}
        names = texts | {clean_name(t) for t in texts}
        names |= {n for group in aliases for n in (group.label, *group.names)}
        wanted: set[str] = set()
        for name in names:
            wanted |= name_links(name, suffixes, person=True)[1]
        asked: set[str] = set()
        found: dict[str, Entity] = {}
        while wanted:
            token = wanted.pop()
            asked.add(token)
            for iri in self.tokens.get(token, ()):
                if iri in found:
                    continue
                found[iri] = entity = _entity(iri, self.entities[iri])
                for name in entity.names:
                    wanted |= name_links(name, suffixes, entity.cls == "Person")[1] - asked
        return sorted(found.values(), key=lambda e: e.key)

    def facts_among(self, graph: GraphLike, ontology: Ontology, iris: Iterable[URIRef]) -> Counts:
        """The facts, by property, whose two entities are both among `iris`."""
        present = graph_entities(graph, ontology, iris)
        properties = {p.iri: p.name for p in ontology.properties.values()}
        named = _fact_node if self.named_statements else None
        found = count_facts(graph, present, properties, named)
        return {"facts": {p.name: found[p.name] for p in ontology.properties.values()}}

    def updated(
        self,
        graph: GraphLike,
        ontology: Ontology,
        iris: Sequence[URIRef],
        before: Counts,
        articles: int,
    ) -> GraphIndex:
        """The index of `graph` after these entities were added to (their facts counted
        `before` by `facts_among`) and this many articles added."""
        entities = dict(self.entities)
        tokens = dict(self.tokens)
        by_class = Counter(self.counts["entities"])
        for iri, entity in graph_entities(graph, ontology, iris).items():
            old = entities.get(iri)
            if old is not None:
                by_class[str(old[2])] -= 1
                _file(tokens, iri, _entity(iri, old), ontology.corporate_suffixes, add=False)
            entities[iri] = [entity.label, list(entity.names), entity.cls]
            by_class[entity.cls] += 1
            _file(tokens, iri, _entity(iri, entities[iri]), ontology.corporate_suffixes)
        after = self.facts_among(graph, ontology, iris)["facts"]
        facts = {
            name: count - before["facts"][name] + after[name]
            for name, count in self.counts["facts"].items()
        }
        counts = {
            "entities": {name: by_class[name] for name in self.counts["entities"]},
            "facts": facts,
            "articles": {"articles": self.counts["articles"]["articles"] + articles},
        }
        return GraphIndex(self.ontology, entities, tokens, counts, self.named_statements)

    def to_bytes(self, graph: bytes) -> bytes:
        """The index as the JSON file kept beside `graph` (the graph file's bytes)."""
        about = {
            "version": VERSION,
            "graph": hashlib.sha256(graph).hexdigest(),
            "ontology": self.ontology,
            "named_statements": self.named_statements,
            "counts": self.counts,
            "entities": self.entities,
            "tokens": self.tokens,
        }
        return json.dumps(about, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def index_of(graph: GraphLike, ontology: Ontology) -> GraphIndex:
    """The index of a graph, read from all of it."""
    present = graph_entities(graph, ontology)
    filed: dict[str, list[str]] = defaultdict(list)
    entities: dict[str, Sequence[object]] = {}
    for iri, entity in present.items():  # in IRI order: each token's IRIs come sorted
        entities[iri] = [entity.label, list(entity.names), entity.cls]
        for token in _tokens(_entity(iri, entities[iri]), ontology.corporate_suffixes):
            filed[token].append(iri)
    counts = stats(graph, ontology, present)
    named = all(_named(graph, node) for node in graph.subjects(RDF.type, _STATEMENT))
    return GraphIndex(ontology.digest, entities, dict(filed), counts, named)


def new_articles(graph: GraphLike, ids: Iterable[str]) -> int:
    """How many of these article IDs the graph does not hold yet."""
    return sum(1 for i in set(ids) if (article_iri(i), RDF.type, _NEWS) not in graph)


def index_path(graph: Path) -> Path:
    """Where the index of a graph file is kept: graph.ttl -> graph.index.json."""
    return graph.with_name(graph.stem + SUFFIX)


def read_index(graph: Path, ontology: Ontology) -> GraphIndex | None:
    """The index beside a graph file, or None when there is none, or it is not this file's
    (the file changed since), or not this ontology's, or cannot be read."""
    found = indexed_graph(graph, ontology)
    return found[0] if found is not None else None


def indexed_graph(graph: Path, ontology: Ontology) -> tuple[GraphIndex, bytes] | None:
    """The index beside a graph file and the file's bytes, read once, where `read_index`
    gives an index; else None."""
    try:
        with collector_paused():
            about = json.loads(index_path(graph).read_bytes())
        if about.get("version") != VERSION or about.get("ontology") != ontology.digest:
            return None
        data = graph.read_bytes()
        if hashlib.sha256(data).hexdigest() != about.get("graph"):
            return None
        index = GraphIndex(
            about["ontology"],
            about["entities"],
            about["tokens"],
            about["counts"],
            about["named_statements"],
        )
        return index, data
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _entity(iri: str, record: Sequence[object]) -> Entity:
    label, names, cls = str(record[0]), cast(list[str], record[1]), str(record[2])
    return Entity(iri.rsplit("/", 1)[-1], label, tuple(sorted(set(names))), cls, iri)


def _tokens(entity: Entity, suffixes: frozenset[str]) -> set[str]:
    """The tokens an entity is found under: those of each of its names."""
    found: set[str] = set()
    for name in entity.names:
        found |= name_links(name, suffixes, entity.cls == "Person")[0]
    return found


def _file(
    tokens: dict[str, Sequence[str]],
    iri: str,
    entity: Entity,
    suffixes: frozenset[str],
    add: bool = True,
) -> None:
    """File the entity's IRI under each of its tokens (or, with add=False, take it out); each
    list changed is a new one, so that an index it was copied from is unchanged."""
    for token in _tokens(entity, suffixes):
        iris = set(tokens.get(token, ()))
        iris = iris | {iri} if add else iris - {iri}
        if iris:
            tokens[token] = sorted(iris)
        else:
            tokens.pop(token, None)


def _named(graph: GraphLike, node: Node) -> bool:
    """Whether a statement node is named `fact_iri` of the one triple it describes."""
    values = values_of(graph, node)
    parts = [values.get(part, ()) for part in (_SUBJECT, _PREDICATE, _OBJECT)]
    if not all(len(v) == 1 for v in parts):
        return False
    s, p, o = (next(iter(v)) for v in parts)
    return node == fact_iri(s, p, o)  # type: ignore[arg-type]


def _fact_node(triple: tuple[URIRef, URIRef, URIRef]) -> URIRef:
    return fact_iri(*triple)
