"""Render the knowledge graph as one self-contained, offline HTML page.

One step per module: read the graph's entities and facts (`kg.reader`), choose what to draw
(`kg.viz_select`), place it (`kg.viz_layout`), gather the page's data (`kg.viz_data`) and fill
the page (`kg.viz_page`). Article text is data: it is JSON-escaped in the page and rendered
with ``textContent`` only. Positions are computed here (deterministic, fixed seed) and physics
is off in the browser, so even a large graph is drawn once and stays still.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.rdfio import write_atomic
from kg.reader import read_articles, read_entities, read_facts
from kg.triples import GraphLike, collector_paused
from kg.viz_data import page_data
from kg.viz_layout import layout
from kg.viz_page import render_page
from kg.viz_select import VizOptions, check_options, select

__all__ = ["VizOptions", "VizReport", "render_html", "write_html"]

EVERYTHING = VizOptions()  # the default: draw the whole graph


@dataclass(frozen=True)
class VizReport:
    """What was drawn, and why anything was left out."""

    nodes: int
    edges: int
    dropped_nodes: int
    notes: tuple[str, ...]


def write_html(graph: GraphLike, path: Path, options: VizOptions = EVERYTHING) -> VizReport:
    """Write ``graph`` as an interactive HTML page at ``path`` (atomically) and report on it."""
    html, report = render_html(graph, options)
    write_atomic(Path(path), html.encode("utf-8"))
    return report


def render_html(
    graph: GraphLike, options: VizOptions = EVERYTHING, lap: Callable[[str], object] | None = None
) -> tuple[str, VizReport]:
    """The page for ``graph``, and the report on what it draws. ``lap``, if given, is called
    with each step's name as it ends: entities, facts, select, articles, layout, data, page."""
    done = lap or (lambda step: None)
    check_options(options)
    with collector_paused():
        entities = read_entities(graph)
        done("entities")
        facts = read_facts(graph, entities)
        done("facts")
        selection = select(entities, facts, options)
        done("select")
        articles = read_articles(graph, selection.facts)
        done("articles")
        positions = layout(len(selection.entities), selection.edges())
        done("layout")
        data = page_data(selection, articles, positions)
        done("data")
        page = render_page(data)
        done("page")
    report = VizReport(
        nodes=len(selection.entities),
        edges=len(selection.facts),
        dropped_nodes=selection.dropped,
        notes=selection.notes,
    )
    return page, report
