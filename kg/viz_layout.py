"""Where each entity is drawn: a deterministic force-directed layout (fixed seed), each
connected component on its own, components packed in rows. Physics is off in the browser, so
these positions are final."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.int64]

SEED = 7
EDGE_PX = 110.0  # median drawn edge length, in vis-network canvas units
DENSE_LIMIT = 500  # networkx lays out smaller components without scipy; larger ones use ours


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
