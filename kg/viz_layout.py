"""Where each entity is drawn: a deterministic force-directed layout (fixed seed), each
connected component on its own, components packed in rows. Physics is off in the browser, so
these positions are final.

Time grows linearly with the graph. Small components get networkx's dense Fruchterman-Reingold
(`spring_layout`, re-done here in numpy: the same positions to a millionth of its unit square,
without importing networkx), all components of one size in one batch; larger ones, all at
once, the grid variant, whose repulsion only reaches the neighbouring cells of a grid.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

SEED = 7
EDGE_PX = 110.0  # median drawn edge length, in vis-network canvas units
SMALL = 64  # components up to this size: dense layout (all pairs); larger: the grid variant
SMALL_ITERATIONS = 60
SMALL_THRESHOLD = 1e-4  # a dense layout stops once its mean step is shorter
BATCH_PAIRS = 1 << 20  # point pairs per dense batch, to bound its memory
ITERATIONS = 100  # of the grid variant
REPULSION_RADIUS = 2.0  # the grid variant's cut-off, in ideal edge lengths
NEIGHBOURS = 4  # cell-mates each point is pushed from one by one
FLAT_GRID = 16  # grid cells per point up to which the grid is a flat table, not searched


def layout(count: int, edges: Sequence[tuple[int, int]]) -> list[tuple[float, float]]:
    """Deterministic positions (canvas units) for nodes 0..count-1: each connected component
    laid out by force direction, components packed in rows, biggest first."""
    pairs = sorted({(min(a, b), max(a, b)) for a, b in edges if a != b})
    components = _components(count, pairs)
    local = _local_pairs(count, components, pairs)
    placed: list[FloatArray] = [np.zeros((0, 2))] * len(components)
    by_size: dict[int, list[int]] = defaultdict(list)
    for c, nodes in enumerate(components):
        by_size[min(len(nodes), SMALL + 1)].append(c)
    for size, group in by_size.items():
        if size == 1:
            found = [np.zeros((1, 2)) for _ in group]
        elif size == 2:
            found = [np.array([[0.0, 0.0], [EDGE_PX, 0.0]]) for _ in group]
        elif size <= SMALL:
            found = _dense_layouts(size, [local[c] for c in group])
        else:
            found = _grid_layouts([len(components[c]) for c in group], [local[c] for c in group])
        for c, pos in zip(group, found, strict=True):
            placed[c] = pos if size <= 2 else _scale_to_edges(pos, local[c])
    return _pack(components, placed, count)


def _components(count: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components, each sorted, biggest first (ties: lowest node first)."""
    parent = list(range(count))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for node in range(count):
        groups[root(node)].append(node)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _local_pairs(
    count: int, components: Sequence[list[int]], pairs: Sequence[tuple[int, int]]
) -> list[IntArray]:
    """Each component's edges, as sorted pairs of positions in the component."""
    component = np.zeros(count, dtype=np.int64)
    position = np.zeros(count, dtype=np.int64)
    for c, nodes in enumerate(components):
        component[nodes] = c
        position[nodes] = np.arange(len(nodes))
    ends = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    owner = component[ends[:, 0]]
    order = np.argsort(owner, kind="stable")
    bounds = np.searchsorted(owner[order], np.arange(len(components) + 1))
    local = position[ends[order]]
    return [local[bounds[c] : bounds[c + 1]] for c in range(len(components))]


def _dense_layouts(size: int, edges: Sequence[IntArray]) -> list[FloatArray]:
    """networkx's `spring_layout(graph, seed=SEED, iterations=SMALL_ITERATIONS)` of each
    component of `size` nodes, in batches: the same start, forces, cooling and stop."""
    found: list[FloatArray] = []
    batch = max(1, BATCH_PAIRS // (size * size))
    for first in range(0, len(edges), batch):
        chunk = edges[first : first + batch]
        adjacency = np.zeros((len(chunk), size, size))
        for i, pairs in enumerate(chunk):
            adjacency[i, pairs[:, 0], pairs[:, 1]] = 1.0
            adjacency[i, pairs[:, 1], pairs[:, 0]] = 1.0
        found.extend(_spring(adjacency))
    return found


def _spring(adjacency: FloatArray) -> FloatArray:
    """Dense Fruchterman-Reingold on a batch of same-size graphs (networkx's algorithm),
    each result centred and scaled into [-1, 1] as networkx's rescale_layout does."""
    count, size, _ = adjacency.shape
    start = np.random.RandomState(SEED).rand(size, 2)
    pos = np.repeat(start[None], count, axis=0)
    k = np.sqrt(1.0 / size)
    temp = max(np.ptp(start[:, 0]), np.ptp(start[:, 1])) * 0.1
    cooling = temp / (SMALL_ITERATIONS + 1)
    moving = np.arange(count)
    for _ in range(SMALL_ITERATIONS):
        everyone = len(moving) == count  # as a rule: then no copies
        now, links = (pos, adjacency) if everyone else (pos[moving], adjacency[moving])
        delta_x = now[:, :, None, 0] - now[:, None, :, 0]  # x and y apart: numpy is much
        delta_y = now[:, :, None, 1] - now[:, None, :, 1]  # faster than on (.., 2) arrays
        distance = np.sqrt(delta_x * delta_x + delta_y * delta_y)  # = np.linalg.norm's
        np.clip(distance, 0.01, None, out=distance)
        force = k * k / distance**2 - links * distance / k
        displacement = np.stack(
            [np.einsum("bij,bij->bi", delta_x, force), np.einsum("bij,bij->bi", delta_y, force)],
            axis=-1,
        )
        length = np.clip(np.linalg.norm(displacement, axis=-1), 0.01, None)
        step = np.einsum("bij,bi->bij", displacement, temp / length)
        if everyone:
            pos += step
        else:
            pos[moving] = now + step
        temp -= cooling
        still = np.sqrt(np.einsum("bij,bij->b", step, step)) / size < SMALL_THRESHOLD
        moving = moving[~still]
        if not len(moving):
            break
    pos -= pos.mean(axis=1, keepdims=True)
    reach = np.abs(pos).max(axis=(1, 2))
    scaled: FloatArray = pos * (1.0 / np.where(reach > 0, reach, 1.0))[:, None, None]
    return scaled


def _scale_to_edges(pos: FloatArray, pairs: IntArray) -> FloatArray:
    if not len(pairs):
        return pos
    a, b = pairs.T
    lengths = np.hypot(*(pos[a] - pos[b]).T)
    median = float(np.median(lengths[lengths > 0])) if np.any(lengths > 0) else 1.0
    result: FloatArray = pos * (EDGE_PX / median)
    return result


def _grid_layouts(sizes: Sequence[int], edges: Sequence[IntArray]) -> list[FloatArray]:
    """Force-directed layout of several components at once, each as if alone: Fruchterman-
    Reingold repulsion with the grid variant's cut-off (only pairs closer than 2k repel, and
    only within a component) and linear attraction along edges. No scipy, the same result
    every run (fixed seed). Coordinates are kept as two flat arrays: numpy is several times
    faster on those than on the columns of an (n, 2) array."""
    starts = np.cumsum([0, *sizes[:-1]]).astype(np.int64)
    component = np.repeat(np.arange(len(sizes)), sizes)
    count = int(component.size)
    side = np.sqrt(np.array(sizes, dtype=np.float64))  # ideal edge length k = 1: one node
    pos = np.concatenate(  # per unit area
        [np.random.default_rng(SEED).random((n, 2)) * math.sqrt(n) for n in sizes]
    )
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    temp = (side / 8.0)[component]
    ends = np.concatenate([e + s for e, s in zip(edges, starts, strict=True)])
    a, b = ends[:, 0].copy(), ends[:, 1].copy()
    for step in range(ITERATIONS):
        dx, dy = _repulsion(x, y, component, starts, REPULSION_RADIUS)
        pull_x, pull_y = x[a] - x[b], y[a] - y[b]  # linear attraction (|f| = d): hubs do not
        dx += _scatter(b, pull_x, count) - _scatter(a, pull_x, count)  # crush their leaves
        dy += _scatter(b, pull_y, count) - _scatter(a, pull_y, count)
        length = np.maximum(np.hypot(dx, dy), 1e-9)
        scale = np.minimum(length, temp * (1.0 - step / ITERATIONS) + 0.01) / length
        x += dx * scale
        y += dy * scale
    return np.split(np.stack([x, y], axis=1), starts[1:])


def _scatter(index: IntArray, values: FloatArray, count: int) -> FloatArray:
    """The sum of `values` at each of `count` places (`index` says where each goes)."""
    return cast(FloatArray, np.bincount(index, weights=values, minlength=count))


def _repulsion(
    x: FloatArray, y: FloatArray, component: IntArray, starts: IntArray, radius: float
) -> tuple[FloatArray, FloatArray]:
    """Each point pushed (k^2/d, k = 1) by the points of its component in its own and the
    eight neighbouring cells of a ``radius`` grid, each cell standing in as its count at its
    centre of mass: linear in the number of points however tightly they crowd (pairwise, a
    hub's leaves would not be). Each component has its own block of cells, one cell wider on
    every side than its points reach, so no neighbouring cell is another component's."""
    row = np.floor(x / radius).astype(np.int64)
    col = np.floor(y / radius).astype(np.int64)
    row -= np.minimum.reduceat(row, starts)[component]
    col -= np.minimum.reduceat(col, starts)[component]
    rows = np.maximum.reduceat(row, starts) + 3
    cols = np.maximum.reduceat(col, starts) + 3
    base = np.cumsum(rows * cols) - rows * cols
    width = cols[component]
    key = base[component] + (row + 1) * width + col + 1
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    new = np.concatenate([[True], ordered[1:] != ordered[:-1]])
    cells = ordered[new]
    slot_of = np.empty_like(order)
    slot_of[order] = np.cumsum(new) - 1
    empty = len(cells)  # the slot after the last cell: no point
    counts = np.append(np.bincount(slot_of), 0).astype(np.float64)
    sum_x = np.append(_scatter(slot_of, x, empty), 0.0)
    sum_y = np.append(_scatter(slot_of, y, empty), 0.0)
    mean_x, mean_y = sum_x / np.maximum(counts, 1), sum_y / np.maximum(counts, 1)
    table_size = int(base[-1] + rows[-1] * cols[-1])
    flat = table_size <= FLAT_GRID * len(x)
    if flat:
        table = np.full(table_size, empty)
        table[cells] = np.arange(empty)
    push_x, push_y = np.zeros_like(x), np.zeros_like(y)
    for down in (-1, 0, 1):
        for right in (-1, 0, 1):
            target = key + down * width + right
            if flat:
                slot = table[target]
            else:
                slot = np.minimum(np.searchsorted(cells, target), empty - 1)
                slot = np.where(cells[slot] == target, slot, empty)
            count = counts[slot]
            if down == right == 0:  # the point's own cell, without the point
                count -= 1
                others = np.maximum(count, 1)
                delta_x = x - (sum_x[slot] - x) / others
                delta_y = y - (sum_y[slot] - y) / others
            else:
                delta_x, delta_y = x - mean_x[slot], y - mean_y[slot]
            weight = count / np.maximum(delta_x**2 + delta_y**2, 1e-4)
            push_x += delta_x * weight
            push_y += delta_y * weight
    for shift in range(1, NEIGHBOURS + 1):  # and each point apart from its cell-mates next
        same = ordered[:-shift] == ordered[shift:]  # in order, so no two points settle as one
        i, j = order[:-shift][same], order[shift:][same]
        delta_x, delta_y = x[i] - x[j], y[i] - y[j]
        near = np.maximum(delta_x**2 + delta_y**2, 1e-4)
        pair_x, pair_y = delta_x / near, delta_y / near
        push_x += _scatter(i, pair_x, len(x)) - _scatter(j, pair_x, len(x))
        push_y += _scatter(i, pair_y, len(x)) - _scatter(j, pair_y, len(x))
    return push_x, push_y


def _pack(
    components: Sequence[list[int]], placed: Sequence[FloatArray], count: int
) -> list[tuple[float, float]]:
    """Shelf-pack the components' bounding boxes into rows about as wide as the whole is tall."""
    gap = EDGE_PX
    if not count:
        return []
    sizes = [len(nodes) for nodes in components]
    starts = np.cumsum([0, *sizes[:-1]])
    flat = np.concatenate(placed)
    low = np.minimum.reduceat(flat, starts, axis=0)
    boxes = np.maximum.reduceat(flat, starts, axis=0) - low + gap
    row_width = max([math.sqrt(sum(w * h for w, h in boxes.tolist()))] + boxes[:, 0].tolist())
    corner = np.zeros_like(boxes)
    x = y = row_height = 0.0
    for c, (width, height) in enumerate(boxes.tolist()):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        corner[c] = (x, y)
        x += width
        row_height = max(row_height, height)
    out = np.zeros((count, 2))
    out[np.concatenate(components)] = flat - low.repeat(sizes, axis=0) + corner.repeat(sizes, 0)
    out -= (out.min(axis=0) + out.max(axis=0)) / 2
    return [(round(px, 1), round(py, 1)) for px, py in out.tolist()]
