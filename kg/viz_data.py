"""The data a page embeds: classes with colours, properties, articles, nodes and edges with
their evidence, as plain JSON-able values in a fixed order."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kg.reader import CLASS_ORDER, GraphArticle, GraphEntity, GraphEvidence, GraphFact
from kg.viz_select import Selection

CLASS_COLOURS = {
    "Organization": "#4e79a7",
    "Person": "#f28e2b",
    "Product": "#59a14f",
    "Technology": "#b07aa1",
    "Place": "#e15759",
    "Event": "#edc948",
}
EXTRA_COLOURS = ("#76b7b2", "#ff9da7", "#9c755f", "#bab0ac", "#8cd17d", "#d4a6c8")


def _is_url(text: str) -> bool:
    return re.match(r"^https?://\S+$", text, re.IGNORECASE) is not None


def page_data(
    selection: Selection,
    articles: Sequence[GraphArticle],
    positions: Sequence[tuple[float, float]],
) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able values in a fixed order; ``positions``
    are the entities' (x, y), in order."""
    index = {e.iri: i for i, e in enumerate(selection.entities)}
    article_index = {a.iri: i for i, a in enumerate(articles)}
    degree = [0] * len(index)
    for a, b in selection.edges():
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


def _classes(entities: Sequence[GraphEntity]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for entity in entities:
        counts[entity.cls] += 1
    known = [c for c in CLASS_ORDER if c in counts]
    extra = sorted(set(counts) - set(CLASS_ORDER))
    colours = {**CLASS_COLOURS, **dict(zip(extra, _cycle(EXTRA_COLOURS, len(extra)), strict=True))}
    return [{"name": c, "color": colours[c], "count": counts[c]} for c in known + extra]


def _cycle(values: Sequence[str], count: int) -> list[str]:
    return [values[i % len(values)] for i in range(count)]


def _properties(facts: Iterable[GraphFact]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for fact in facts:
        counts[fact.prop] += 1
    return [{"name": p, "count": counts[p]} for p in sorted(counts)]


def _article_data(i: int, article: GraphArticle) -> dict[str, Any]:
    return {
        "id": i,
        "title": article.title,
        "source": article.source,
        "url": _is_url(article.source),
        "date": article.date,
    }


def _node_data(i: int, entity: GraphEntity, xy: tuple[float, float], degree: int) -> dict[str, Any]:
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
    facts: Sequence[GraphFact], index: Mapping[str, int], article_index: Mapping[str, int]
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


def _evidence_data(evidence: GraphEvidence, article_index: Mapping[str, int]) -> dict[str, Any]:
    return {
        "text": evidence.text,
        "article": article_index.get(evidence.article) if evidence.article else None,
        "start": evidence.start,
        "end": evidence.end,
    }
