"""What a page draws: the entities and facts kept by the user's options, and why others were
left out (min_sources, then focus and depth, then max_nodes)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kg.errors import KGError
from kg.reader import GraphEntity, GraphFact


@dataclass(frozen=True)
class VizOptions:
    """What part of the graph to draw. CLI options map one to one onto these fields."""

    focus: str | None = None  # entity name (any label, case-insensitive)
    depth: int = 2  # with focus: keep entities within this many hops
    min_sources: int = 1  # keep facts stated by at least this many sentences
    max_nodes: int | None = None  # keep only the most connected entities


@dataclass(frozen=True)
class Selection:
    """The entities to draw (sorted by IRI), the facts among them, and what was cut."""

    entities: tuple[GraphEntity, ...]
    facts: tuple[GraphFact, ...]
    dropped: int
    notes: tuple[str, ...]

    def edges(self) -> list[tuple[int, int]]:
        """Each fact as (subject, object) positions in `entities`."""
        index = {e.iri: i for i, e in enumerate(self.entities)}
        return [(index[f.subject], index[f.obj]) for f in self.facts]


def check_options(options: VizOptions) -> None:
    """KGError naming the first option out of range."""
    if options.depth < 0:
        raise KGError(f"depth must be 0 or more, not {options.depth}")
    if options.min_sources < 0:
        raise KGError(f"min_sources must be 0 or more, not {options.min_sources}")
    if options.max_nodes is not None and options.max_nodes < 1:
        raise KGError(f"max_nodes must be 1 or more, not {options.max_nodes}")
    if options.focus is not None and not options.focus.strip():
        raise KGError("focus is empty: give an entity name, or leave it out to draw everything")


def select(
    entities: Mapping[str, GraphEntity], facts: Sequence[GraphFact], options: VizOptions
) -> Selection:
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


def _among(facts: Iterable[GraphFact], keep: set[str]) -> list[GraphFact]:
    return [f for f in facts if f.subject in keep and f.obj in keep]


def _endpoints(facts: Iterable[GraphFact]) -> set[str]:
    return {iri for f in facts for iri in (f.subject, f.obj)}


def _after_min_sources(
    entities: Mapping[str, GraphEntity],
    facts: Sequence[GraphFact],
    kept: Sequence[GraphFact],
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
    entities: Mapping[str, GraphEntity],
    keep: set[str],
    facts: Sequence[GraphFact],
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


def find_entities(entities: Mapping[str, GraphEntity], name: str) -> set[str]:
    """IRIs of the entities one of whose names is ``name`` (case-insensitive), or KGError."""
    wanted = name.strip().casefold()
    found = {e.iri for e in entities.values() if wanted in {n.casefold() for n in e.names}}
    if found:
        return found
    names = {n.casefold(): n for e in entities.values() for n in e.names}
    close = difflib.get_close_matches(wanted, sorted(names), n=5, cutoff=0.5)
    hint = ", ".join(repr(names[c]) for c in close) if close else "no entity has a similar name"
    raise KGError(f"no entity is named {name!r} (closest: {hint})")


def _adjacency(facts: Iterable[GraphFact]) -> dict[str, set[str]]:
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
    entities: Mapping[str, GraphEntity],
    keep: set[str],
    facts: Sequence[GraphFact],
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
