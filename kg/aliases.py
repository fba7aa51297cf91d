"""A user's alias file: names that are one entity, its preferred label, and links elsewhere.

CSV, one row per name: `label,alias[,same_as]` ("Northfield Analytical Instruments,NAI,
http://www.wikidata.org/entity/Q37156"); a row with an empty alias only sets the link.
Turtle: any node with rdfs:label or skos:prefLabel, skos:altLabel names and owl:sameAs links.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDFS, SKOS, Graph

from kg.errors import KGError


@dataclass(frozen=True)
class AliasGroup:
    label: str  # the preferred label
    names: frozenset[str]  # every name, the label included
    same_as: frozenset[str] = frozenset()  # IRIs of the same entity in other datasets


def load_aliases(path: Path) -> tuple[AliasGroup, ...]:
    if not path.is_file():
        raise KGError(f"alias file not found: '{path}' (give a .csv or .ttl file with --aliases)")
    if path.suffix.lower() == ".csv":
        return _from_csv(path)
    if path.suffix.lower() in (".ttl", ".turtle"):
        return _from_turtle(path)
    raise KGError(f"alias file '{path}' is neither .csv nor .ttl (rename it or convert it)")


def _from_csv(path: Path) -> tuple[AliasGroup, ...]:
    names: dict[str, set[str]] = defaultdict(set)
    links: dict[str, set[str]] = defaultdict(set)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for number, row in enumerate(csv.reader(handle), start=1):
                cells = [c.strip() for c in row]
                if not any(cells) or cells[0].startswith("#"):
                    continue
                if len(cells) > 3 or not cells[0]:
                    raise KGError(f"{path}:{number}: expected 'label,alias[,same_as]', got {row!r}")
                label = cells[0]
                names[label].update(c for c in cells[:2] if c)
                if len(cells) == 3 and cells[2]:
                    links[label].add(cells[2])
    except UnicodeDecodeError as err:
        raise KGError(f"alias file '{path}' is not UTF-8 text; save it as UTF-8") from err
    return tuple(
        AliasGroup(label, frozenset(group), frozenset(links[label]))
        for label, group in sorted(names.items())
    )


def _from_turtle(path: Path) -> tuple[AliasGroup, ...]:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # rdflib raises many parser types
        message = " ".join(str(err).split())
        raise KGError(f"alias file '{path}' is not valid Turtle: {message}") from err
    groups = []
    for node in sorted(
        set(graph.subjects(SKOS.altLabel)) | set(graph.subjects(OWL.sameAs)), key=str
    ):
        label = graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label)
        if label is None:
            raise KGError(f"alias file '{path}': {node} has no skos:prefLabel or rdfs:label")
        names = {str(label)} | {str(n) for n in graph.objects(node, SKOS.altLabel)}
        links = {str(o) for o in graph.objects(node, OWL.sameAs)}
        groups.append(AliasGroup(str(label), frozenset(names), frozenset(links)))
    return tuple(groups)
