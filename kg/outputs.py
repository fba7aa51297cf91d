"""A build's outputs as one set: graph.ttl, graph.html, graph.index.json (`kg.index`) and
build.json, the record that they belong together (counts, problems, versions and the sha256 of
each file)."""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import dataclass
from pathlib import Path

from kg.graph import turtle
from kg.index import index_path
from kg.pipeline import BuildResult
from kg.rdfio import write_set
from kg.viz import VizReport, render_html

GRAPH = "graph.ttl"
PAGE = "graph.html"
INDEX = index_path(Path(GRAPH)).name
PACKAGES = ("kg", "spacy", "rdflib", "pyoxigraph")


@dataclass(frozen=True)
class Outputs:
    """What a build wrote: the graph, the page (None with no_html) and its report, the record."""

    graph: Path
    page: Path | None
    viz: VizReport | None
    record: Path


def versions(model: str) -> dict[str, str]:
    """The versions a build ran with: Python, kg and its main libraries, the spaCy model."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "unknown"
    found["model"] = model
    return found


def write_outputs(out: Path, result: BuildResult, html: bool = True) -> Outputs:
    """Write a build's graph.ttl (and graph.html) with build.json into `out`, as one set."""
    files = {GRAPH: turtle(result.graph)}
    if result.index is not None:
        files[INDEX] = result.index.to_bytes(files[GRAPH])
    report = None
    if html:
        page, report = render_html(result.graph)
        files[PAGE] = page.encode("utf-8")
    record = {
        "articles": result.articles,
        "entities": result.entities,
        "facts": result.facts,
        "problems": [{"source": p.source, "reason": p.reason} for p in result.problems],
        "versions": versions(result.model),
    }
    written = write_set(out, files, record)
    return Outputs(out / GRAPH, out / PAGE if html else None, report, written)
