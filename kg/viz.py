"""Render the knowledge graph as one self-contained, offline HTML page.

The page embeds vis-network (the copy pyvis ships, read from the installed package), the graph
as JSON inside ``<script type="application/json">`` and a small script that draws it. Nothing is
fetched at view time. Article text is data: it is JSON-escaped in the page and rendered with
``textContent`` only.

Positions are computed here (deterministic, fixed seed) and physics is off in the browser, so
even a large graph is drawn once and stays still.
"""

from __future__ import annotations

import difflib
import importlib.resources
import importlib.util
import json
import math
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from kg.errors import KGError
from kg.vocab import KG

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.int64]

__all__ = ["VizOptions", "VizReport", "write_html"]

CLASS_ORDER = ("Organization", "Person", "Product", "Technology", "Place", "Event")
CLASS_COLOURS = {
    "Organization": "#4e79a7",
    "Person": "#f28e2b",
    "Product": "#59a14f",
    "Technology": "#b07aa1",
    "Place": "#e15759",
    "Event": "#edc948",
}
EXTRA_COLOURS = ("#76b7b2", "#ff9da7", "#9c755f", "#bab0ac", "#8cd17d", "#d4a6c8")
SEED = 7
EDGE_PX = 110.0  # median drawn edge length, in vis-network canvas units
DENSE_LIMIT = 500  # networkx lays out smaller components without scipy; larger ones use ours
VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")
_TEMPLATE_SLOT = re.compile(r"\{\{(KG_DATA|VIS_JS|TITLE)\}\}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
Triple = tuple[URIRef, URIRef, URIRef]


@dataclass(frozen=True)
class VizOptions:
    """What part of the graph to draw. CLI options map one to one onto these fields."""

    focus: str | None = None  # entity name (any label, case-insensitive)
    depth: int = 2  # with focus: keep entities within this many hops
    min_sources: int = 1  # keep facts stated by at least this many sentences
    max_nodes: int | None = None  # keep only the most connected entities


@dataclass(frozen=True)
class VizReport:
    """What was drawn, and why anything was left out."""

    nodes: int
    edges: int
    dropped_nodes: int
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    iri: str
    label: str
    names: tuple[str, ...]
    cls: str


@dataclass(frozen=True)
class Article:
    iri: str
    title: str
    source: str
    date: str


@dataclass(frozen=True)
class Evidence:
    text: str
    article: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Fact:
    subject: str
    prop: str
    obj: str
    confidence: float | None
    patterns: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    symmetric: bool = False  # asserted both ways: drawn once, without an arrow


@dataclass(frozen=True)
class Selection:
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    dropped: int
    notes: tuple[str, ...]


def write_html(graph: Graph, path: Path, options: VizOptions = VizOptions()) -> VizReport:
    """Write ``graph`` as an interactive HTML page at ``path`` (atomically) and report on it."""
    _check_options(options)
    entities = read_entities(graph)
    facts = read_facts(graph, entities)
    selection = select(entities, facts, options)
    articles = read_articles(graph, selection.facts)
    data = page_data(selection, articles)
    html = render_page(data)
    _write_atomically(Path(path), html)
    return VizReport(
        nodes=len(selection.entities),
        edges=len(selection.facts),
        dropped_nodes=selection.dropped,
        notes=selection.notes,
    )


def _check_options(options: VizOptions) -> None:
    if options.depth < 0:
        raise KGError(f"depth must be 0 or more, not {options.depth}")
    if options.min_sources < 0:
        raise KGError(f"min_sources must be 0 or more, not {options.min_sources}")
    if options.max_nodes is not None and options.max_nodes < 1:
        raise KGError(f"max_nodes must be 1 or more, not {options.max_nodes}")
    if options.focus is not None and not options.focus.strip():
        raise KGError("focus is empty: give an entity name, or leave it out to draw everything")


# --- reading the graph ------------------------------------------------------------------------


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def _strings(graph: Graph, subject: URIRef, prop: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, prop) if isinstance(o, Literal))


def _first(graph: Graph, subject: URIRef, prop: URIRef) -> str:
    values = _strings(graph, subject, prop)
    return values[0] if values else ""


def _pick_class(classes: Iterable[str]) -> str:
    names = sorted(set(classes))
    known = [c for c in CLASS_ORDER if c in names]
    return (known or names)[0]


def read_entities(graph: Graph) -> dict[str, Entity]:
    """Every IRI typed with a class of the kg: ontology (sentences aside), by IRI."""
    classes: dict[URIRef, list[str]] = defaultdict(list)
    for subject, cls in graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef) and _is_entity_class(cls):
            classes[subject].append(str(cls)[len(KG) :])
    return {str(s): _entity(graph, s, c) for s, c in sorted(classes.items())}


def _is_entity_class(cls: object) -> bool:
    return isinstance(cls, URIRef) and cls.startswith(KG) and cls != KG.Sentence


def _entity(graph: Graph, subject: URIRef, classes: list[str]) -> Entity:
    pref = _strings(graph, subject, SKOS.prefLabel)
    labels = _strings(graph, subject, RDFS.label)
    alt = _strings(graph, subject, SKOS.altLabel)
    label = (pref or labels or [_local_name(str(subject))])[0]
    others = sorted({*pref, *labels, *alt} - {label}, key=lambda n: (n.casefold(), n))
    return Entity(str(subject), label, (label, *others), _pick_class(classes))


def read_facts(graph: Graph, entities: Mapping[str, Entity]) -> list[Fact]:
    """Asserted ``entity kg:prop entity`` triples with their provenance, sorted. A symmetric
    fact (asserted both ways, provenance on one) is one fact, with the evidence of both."""
    asserted = _asserted(graph, entities, _statements_by_triple(graph))
    declared = set(graph.subjects(RDF.type, OWL.SymmetricProperty))
    sentences: dict[URIRef, Evidence] = {}
    facts = []
    for (s, p, o), nodes in sorted(asserted.items()):
        mirror = asserted.get((o, p, s)) if s != o else None
        if mirror is None or not (p in declared or bool(nodes) != bool(mirror)):
            facts.append(_fact(graph, str(s), p, str(o), nodes, sentences))
        elif (bool(nodes), str(o)) > (bool(mirror), str(s)):  # keep the side with provenance
            fact = _fact(graph, str(s), p, str(o), nodes + mirror, sentences)
            facts.append(replace(fact, symmetric=True))
    return facts


def _asserted(
    graph: Graph, entities: Mapping[str, Entity], statements: Mapping[Triple, list[URIRef]]
) -> dict[Triple, list[URIRef]]:
    """Every asserted ``entity kg:prop entity`` triple -> its statement nodes (maybe none)."""
    found: dict[Triple, list[URIRef]] = {}
    for iri in entities:
        for prop, obj in graph.predicate_objects(URIRef(iri)):
            if isinstance(prop, URIRef) and prop.startswith(KG) and _is_entity(obj, entities):
                triple = (URIRef(iri), prop, URIRef(str(obj)))
                found[triple] = statements.get(triple, [])
    return found


def _is_entity(node: object, entities: Mapping[str, Entity]) -> bool:
    return isinstance(node, URIRef) and str(node) in entities


def _statements_by_triple(graph: Graph) -> dict[Triple, list[URIRef]]:
    found: dict[Triple, list[URIRef]] = defaultdict(list)
    for node in graph.subjects(RDF.type, RDF.Statement):
        s = graph.value(node, RDF.subject)
        p = graph.value(node, RDF.predicate)
        o = graph.value(node, RDF.object)
        if isinstance(node, URIRef) and all(isinstance(x, URIRef) for x in (s, p, o)):
            found[(URIRef(str(s)), URIRef(str(p)), URIRef(str(o)))].append(node)
    return found


def _fact(
    graph: Graph,
    subject: str,
    prop: URIRef,
    obj: str,
    nodes: list[URIRef],
    seen: dict[URIRef, Evidence],
) -> Fact:
    confidences = [_number(c) for n in nodes for c in graph.objects(n, KG.confidence)]
    known = [c for c in confidences if c is not None]
    patterns = sorted({p for n in nodes for p in _strings(graph, n, KG.pattern)})
    sentences = {s for n in nodes for s in graph.objects(n, PROV.wasDerivedFrom)}
    for s in sentences:
        if isinstance(s, URIRef) and s not in seen:
            seen[s] = _evidence(graph, s)
    evidence = [seen[s] for s in sentences if isinstance(s, URIRef)]
    evidence.sort(key=lambda e: (e.article or "", e.start or 0, e.text))
    conf = max(known) if known else None
    return Fact(subject, prop[len(KG) :], obj, conf, tuple(patterns), tuple(evidence))


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


def _evidence(graph: Graph, sentence: URIRef) -> Evidence:
    article = graph.value(sentence, DCTERMS.isPartOf)
    return Evidence(
        text=_first(graph, sentence, RDF.value),
        article=str(article) if isinstance(article, URIRef) else None,
        start=_int(graph.value(sentence, KG.startOffset)),
        end=_int(graph.value(sentence, KG.endOffset)),
    )


def read_articles(graph: Graph, facts: Iterable[Fact]) -> list[Article]:
    """The articles the facts' evidence comes from, sorted by date then title."""
    iris = sorted({e.article for f in facts for e in f.evidence if e.article})
    articles = [_article(graph, URIRef(iri)) for iri in iris]
    return sorted(articles, key=lambda a: (a.date, a.title.casefold(), a.iri))


def _article(graph: Graph, iri: URIRef) -> Article:
    date = _first(graph, iri, DCTERMS.date)
    match = _ISO_DATE.match(date)
    title = _first(graph, iri, DCTERMS.title) or _local_name(str(iri))
    return Article(str(iri), title, _first(graph, iri, DCTERMS.source), match[0] if match else "")


# --- choosing what to draw --------------------------------------------------------------------


def select(entities: Mapping[str, Entity], facts: Sequence[Fact], options: VizOptions) -> Selection:
    """Apply min_sources, then focus/depth, then max_nodes; explain each cut in a note."""
    notes: list[str] = []
    kept_facts = [f for f in facts if len(f.evidence) >= options.min_sources]
    keep = _after_min_sources(entities, facts, kept_facts, options, notes)
    seeds = find_entities(entities, options.focus) if options.focus is not None else set()
    if seeds:
        keep = _focus(entities, keep, kept_facts, seeds, options.depth, notes)
    kept_facts = _among(kept_facts, keep)
    if options.max_nodes is not None and len(keep) > options.max_nodes:
        keep = _most_connected(entities, keep, kept_facts, seeds, options.max_nodes, notes)
        kept_facts = _among(kept_facts, keep)
    chosen = tuple(entities[iri] for iri in sorted(keep))
    if not entities:
        notes.append("the graph has no entities to draw")
    return Selection(chosen, tuple(kept_facts), len(entities) - len(chosen), tuple(notes))


def _among(facts: Iterable[Fact], keep: set[str]) -> list[Fact]:
    return [f for f in facts if f.subject in keep and f.obj in keep]


def _endpoints(facts: Iterable[Fact]) -> set[str]:
    return {iri for f in facts for iri in (f.subject, f.obj)}


def _after_min_sources(
    entities: Mapping[str, Entity],
    facts: Sequence[Fact],
    kept: Sequence[Fact],
    options: VizOptions,
    notes: list[str],
) -> set[str]:
    """All entities, less those whose every fact fell under min_sources."""
    if len(kept) == len(facts):
        return set(entities)
    orphans = _endpoints(facts) - _endpoints(kept)
    notes.append(
        f"kept {len(kept)} of {len(facts)} facts stated by at least "
        f"{options.min_sources} sentence(s) (--min-sources); "
        f"dropped {len(orphans)} entities left without facts"
    )
    return set(entities) - orphans


def _focus(
    entities: Mapping[str, Entity],
    keep: set[str],
    facts: Sequence[Fact],
    seeds: set[str],
    depth: int,
    notes: list[str],
) -> set[str]:
    near = (_within(seeds, _adjacency(facts), depth) & keep) | seeds
    notes.append(
        f"kept {len(near)} of {len(entities)} entities within {depth} hop(s) of "
        f"{', '.join(entities[s].label for s in sorted(seeds))} (--focus, --depth)"
    )
    return near


def find_entities(entities: Mapping[str, Entity], name: str) -> set[str]:
    """IRIs of the entities one of whose names is ``name`` (case-insensitive), or KGError."""
    wanted = name.strip().casefold()
    found = {e.iri for e in entities.values() if wanted in {n.casefold() for n in e.names}}
    if found:
        return found
    names = {n.casefold(): n for e in entities.values() for n in e.names}
    close = difflib.get_close_matches(wanted, sorted(names), n=5, cutoff=0.5)
    hint = ", ".join(repr(names[c]) for c in close) if close else "no entity has a similar name"
    raise KGError(f"no entity is named {name!r} (closest: {hint})")


def _adjacency(facts: Iterable[Fact]) -> dict[str, set[str]]:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        neighbours[fact.subject].add(fact.obj)
        neighbours[fact.obj].add(fact.subject)
    return neighbours


def _within(seeds: set[str], neighbours: Mapping[str, set[str]], depth: int) -> set[str]:
    seen = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        frontier = {n for iri in frontier for n in neighbours.get(iri, ())} - seen
        seen |= frontier
    return seen


def _most_connected(
    entities: Mapping[str, Entity],
    keep: set[str],
    facts: Sequence[Fact],
    seeds: set[str],
    limit: int,
    notes: list[str],
) -> set[str]:
    """The ``limit`` entities with most facts (focus entities first, ties by name)."""
    degree = {iri: 0 for iri in keep}
    for fact in facts:
        degree[fact.subject] += 1
        degree[fact.obj] += 1
    ranked = sorted(
        keep,
        key=lambda i: (i not in seeds, -degree[i], entities[i].label.casefold(), i),
    )
    notes.append(f"kept {limit} of {len(keep)} nodes (--max-nodes)")
    return set(ranked[:limit])


# --- page data --------------------------------------------------------------------------------


def _is_url(text: str) -> bool:
    return re.match(r"^https?://\S+$", text, re.IGNORECASE) is not None


def page_data(selection: Selection, articles: Sequence[Article]) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able values in a fixed order."""
    index = {e.iri: i for i, e in enumerate(selection.entities)}
    article_index = {a.iri: i for i, a in enumerate(articles)}
    edges = [(index[f.subject], index[f.obj]) for f in selection.facts]
    positions = layout(len(index), edges)
    degree = [0] * len(index)
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    return {
        "classes": _classes(selection.entities),
        "properties": _properties(selection.facts),
        "articles": [_article_data(i, a) for i, a in enumerate(articles)],
        "nodes": [
            _node_data(i, e, positions[i], degree[i]) for i, e in enumerate(selection.entities)
        ],
        "edges": _edges_data(selection.facts, index, article_index),
        "notes": list(selection.notes),
    }


def _classes(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for entity in entities:
        counts[entity.cls] += 1
    known = [c for c in CLASS_ORDER if c in counts]
    extra = sorted(set(counts) - set(CLASS_ORDER))
    colours = {**CLASS_COLOURS, **dict(zip(extra, _cycle(EXTRA_COLOURS, len(extra)), strict=True))}
    return [{"name": c, "color": colours[c], "count": counts[c]} for c in known + extra]


def _cycle(values: Sequence[str], count: int) -> list[str]:
    return [values[i % len(values)] for i in range(count)]


def _properties(facts: Iterable[Fact]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for fact in facts:
        counts[fact.prop] += 1
    return [{"name": p, "count": counts[p]} for p in sorted(counts)]


def _article_data(i: int, article: Article) -> dict[str, Any]:
    return {
        "id": i,
        "title": article.title,
        "source": article.source,
        "url": _is_url(article.source),
        "date": article.date,
    }


def _node_data(i: int, entity: Entity, xy: tuple[float, float], degree: int) -> dict[str, Any]:
    return {
        "id": i,
        "iri": entity.iri,
        "label": entity.label,
        "names": list(entity.names),
        "cls": entity.cls,
        "x": xy[0],
        "y": xy[1],
        "size": round(min(10.0 + 4.0 * math.sqrt(degree), 50.0), 1),
        "degree": degree,
    }


def _edges_data(
    facts: Sequence[Fact], index: Mapping[str, int], article_index: Mapping[str, int]
) -> list[dict[str, Any]]:
    seen_pairs: dict[frozenset[int], int] = defaultdict(int)
    edges = []
    for i, fact in enumerate(facts):
        pair = frozenset((index[fact.subject], index[fact.obj]))
        curve = 0.2 * seen_pairs[pair]  # parallel facts between one pair get their own curve
        seen_pairs[pair] += 1
        edges.append(
            {
                "id": i,
                "from": index[fact.subject],
                "to": index[fact.obj],
                "prop": fact.prop,
                "conf": fact.confidence,
                "patterns": list(fact.patterns),
                "curve": round(curve, 2),
                "symmetric": fact.symmetric,
                "evidence": [_evidence_data(e, article_index) for e in fact.evidence],
            }
        )
    return edges


def _evidence_data(evidence: Evidence, article_index: Mapping[str, int]) -> dict[str, Any]:
    return {
        "text": evidence.text,
        "article": article_index.get(evidence.article) if evidence.article else None,
        "start": evidence.start,
        "end": evidence.end,
    }


# --- layout -----------------------------------------------------------------------------------


def layout(count: int, edges: Sequence[tuple[int, int]]) -> list[tuple[float, float]]:
    """Deterministic positions (canvas units) for nodes 0..count-1: each connected component
    laid out by force direction, components packed in rows, biggest first."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from(edges)
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    placed = [_component_layout(graph, nodes) for nodes in components]
    return _pack(components, placed, count)


def _component_layout(graph: Any, nodes: list[int]) -> FloatArray:
    """Positions for one component's nodes, in order, with median edge length EDGE_PX."""
    import networkx as nx
    import numpy as np

    if len(nodes) == 1:
        return np.zeros((1, 2))
    if len(nodes) == 2:
        return np.array([[0.0, 0.0], [EDGE_PX, 0.0]])
    where = {n: i for i, n in enumerate(nodes)}
    pairs = sorted((where[a], where[b]) for a, b in graph.subgraph(nodes).edges() if a != b)
    if len(nodes) < DENSE_LIMIT:
        sub = nx.Graph()
        sub.add_nodes_from(range(len(nodes)))
        sub.add_edges_from(pairs)
        found = nx.spring_layout(sub, seed=SEED, iterations=60)
        pos = np.array([found[i] for i in range(len(nodes))], dtype=np.float64)
    else:
        pos = force_layout(len(nodes), np.array(pairs, dtype=np.int64).reshape(-1, 2))
    return _scale_to_edges(pos, pairs)


def _scale_to_edges(pos: FloatArray, pairs: Sequence[tuple[int, int]]) -> FloatArray:
    import numpy as np

    if not pairs:
        return pos
    a, b = np.array(pairs).T
    lengths = np.hypot(*(pos[a] - pos[b]).T)
    median = float(np.median(lengths[lengths > 0])) if np.any(lengths > 0) else 1.0
    result: FloatArray = pos * (EDGE_PX / median)
    return result


REPULSION_RADIUS = 2.0  # the grid variant's cut-off, in ideal edge lengths
NEIGHBOURS = 4  # cell-mates each point is pushed from one by one


def force_layout(count: int, edges: IntArray, iterations: int = 100) -> FloatArray:
    """Force-directed layout in numpy: Fruchterman-Reingold repulsion with the grid variant's
    cut-off (only pairs closer than 2k repel) and linear attraction along edges. No scipy,
    about a second for 2,000 nodes, and the same result every run (fixed seed)."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    side = math.sqrt(count)  # ideal edge length k = 1: one node per unit area
    pos = rng.random((count, 2)) * side
    temp = side / 8.0
    a, b = edges[:, 0], edges[:, 1]
    for step in range(iterations):
        disp = _repulsion(pos, REPULSION_RADIUS)
        pull = pos[a] - pos[b]  # linear attraction (|f| = d): hubs do not crush their leaves
        disp += _scatter(b, pull, count) - _scatter(a, pull, count)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        shift = np.minimum(length, temp * (1.0 - step / iterations) + 0.01)
        pos += disp * (shift / length)[:, None]
    return pos


def _scatter(index: IntArray, values: FloatArray, count: int) -> FloatArray:
    import numpy as np

    return np.stack(
        [np.bincount(index, weights=values[:, d], minlength=count) for d in (0, 1)], axis=1
    )


def _repulsion(pos: FloatArray, radius: float) -> FloatArray:
    """Each point pushed (k^2/d, k = 1) by the points of its own and the eight neighbouring
    cells of a ``radius`` grid, each cell standing in as its count at its centre of mass: linear
    in the number of points however tightly they crowd (pairwise, a hub's leaves would not be)."""
    import numpy as np

    grid = np.floor(pos / radius).astype(np.int64)
    grid -= grid.min(axis=0)
    width = int(grid[:, 1].max()) + 3
    key = (grid[:, 0] + 1) * width + grid[:, 1] + 1
    cells, slot_of, counts = np.unique(key, return_inverse=True, return_counts=True)
    sums = _scatter(slot_of, pos, len(cells))
    push = np.zeros_like(pos)
    for offset in (-width - 1, -width, -width + 1, -1, 0, 1, width - 1, width, width + 1):
        target = key + offset
        slot = np.minimum(np.searchsorted(cells, target), len(cells) - 1)
        hit = cells[slot] == target
        count = np.where(hit, counts[slot], 0).astype(np.float64)
        total = np.where(hit[:, None], sums[slot], 0.0)
        if offset == 0:  # the point's own cell, without the point
            count -= 1
            total -= pos
        centre = total / np.maximum(count, 1)[:, None]
        delta = pos - centre
        dist2 = np.maximum(delta[:, 0] ** 2 + delta[:, 1] ** 2, 1e-4)
        push += delta * (count / dist2)[:, None]
    order = np.argsort(key, kind="stable")  # and each point apart from its cell-mates next in
    for shift in range(1, NEIGHBOURS + 1):  # order, so that no two points settle as one
        i, j = order[:-shift], order[shift:]
        same = key[i] == key[j]
        i, j = i[same], j[same]
        delta = pos[i] - pos[j]
        pair = delta / np.maximum(delta[:, 0] ** 2 + delta[:, 1] ** 2, 1e-4)[:, None]
        push += _scatter(i, pair, len(pos)) - _scatter(j, pair, len(pos))
    result: FloatArray = push
    return result


def _pack(
    components: Sequence[list[int]], placed: Sequence[FloatArray], count: int
) -> list[tuple[float, float]]:
    """Shelf-pack the components' bounding boxes into rows about as wide as the whole is tall."""
    import numpy as np

    gap = EDGE_PX
    boxes = [p.max(axis=0) - p.min(axis=0) + gap for p in placed]
    row_width = max([math.sqrt(sum(float(w * h) for w, h in boxes))] + [b[0] for b in boxes])
    out = np.zeros((count, 2))
    x = y = row_height = 0.0
    for nodes, pos, box in zip(components, placed, boxes, strict=True):
        if x > 0 and x + box[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out[nodes] = pos - pos.min(axis=0) + np.array([x, y])
        x += float(box[0])
        row_height = max(row_height, float(box[1]))
    if count:
        out -= (out.min(axis=0) + out.max(axis=0)) / 2
    return [(round(float(px), 1), round(float(py), 1)) for px, py in out]


# --- the page ---------------------------------------------------------------------------------


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' and no raw U+2028/9
    (ensure_ascii escapes every non-ASCII character), so no text can close the element."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _vis_js() -> str:
    """vis-network as pyvis ships it, found without importing pyvis (which pulls in IPython)."""
    spec = importlib.util.find_spec("pyvis")
    places = list(spec.submodule_search_locations or []) if spec else []
    try:
        code = Path(places[0], *VIS_JS).read_text(encoding="utf-8")
    except (IndexError, OSError) as err:
        raise KGError(
            "pyvis's bundled vis-network.min.js is missing: pip install pyvis==0.3.2"
        ) from err
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def render_page(data: Mapping[str, Any]) -> str:
    """The page: template with the vis library and the data filled in, in one pass."""
    template = importlib.resources.files("kg").joinpath("viz_template.html").read_text("utf-8")
    nodes, edges = len(data["nodes"]), len(data["edges"])
    slots = {
        "KG_DATA": script_json(data),
        "VIS_JS": _vis_js(),
        "TITLE": f"Knowledge graph: {nodes} entities, {edges} facts",
    }
    return _TEMPLATE_SLOT.sub(lambda m: slots[m[1]], template)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
