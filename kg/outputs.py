"""A build's outputs as one set: graph.ttl, graph.html and build.json, the record that they
belong together (counts, problems, versions and the sha256 of each file)."""

from __future__ import annotations

import importlib.metadata
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from spacy.language import Language

from kg.graph import stats, turtle
from kg.ingest import Problem
from kg.ontology import Ontology
from kg.rdfio import write_set
from kg.viz import VizReport, render_html

GRAPH = "graph.ttl"
PAGE = "graph.html"
PACKAGES = ("kg", "spacy", "rdflib", "pyoxigraph")


@dataclass(frozen=True)
class Outputs:
    """What a build wrote: the graph, the page (None with no_html) and its report, the record."""

    graph: Path
    page: Path | None
    viz: VizReport | None
    record: Path


def versions(nlp: Language) -> dict[str, str]:
    """The versions a build ran with: Python, kg and its main libraries, the spaCy model."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "unknown"
    meta = nlp.meta
    found["model"] = f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"
    return found


def write_outputs(
    out: Path,
    graph: Graph,
    ontology: Ontology,
    nlp: Language,
    problems: Sequence[Problem] = (),
    html: bool = True,
) -> Outputs:
    """Write graph.ttl (and graph.html) with build.json into `out`, as one set."""
    files = {GRAPH: turtle(graph)}
    report = None
    if html:
        page, report = render_html(graph)
        files[PAGE] = page.encode("utf-8")
    counts = stats(graph, ontology)
    record = {
        "articles": sum(counts["articles"].values()),
        "entities": sum(counts["entities"].values()),
        "facts": sum(counts["facts"].values()),
        "problems": [{"source": p.source, "reason": p.reason} for p in problems],
        "versions": versions(nlp),
    }
    written = write_set(out, files, record)
    return Outputs(out / GRAPH, out / PAGE if html else None, report, written)
