"""kg.viz_layout: deterministic, linear-time positions; small components where networkx's
spring_layout places them, larger ones by the grid variant, each as if laid out alone."""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pytest

from kg import viz_layout
from kg.viz_layout import EDGE_PX, SMALL, layout


def random_tree_plus(size: int, seed: int) -> list[tuple[int, int]]:
    """A connected graph: a random tree with some extra edges."""
    rng = random.Random(seed)
    pairs = {(rng.randrange(i), i) for i in range(1, size)}
    for _ in range(size // 3):
        a, b = sorted(rng.sample(range(size), 2))
        pairs.add((a, b))
    return sorted(pairs)


def test_large_components_use_the_numpy_layout() -> None:
    count = 700  # above the networkx dense limit
    edges = [(i, (i + 1) % count) for i in range(count)] + [
        (i, (i * 7) % count) for i in range(0, count, 5)
    ]
    edges = [(a, b) for a, b in edges if a != b]
    first = layout(count, edges)
    assert first == layout(count, edges)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first)
    assert len(set(first)) == count
    lengths = sorted(math.dist(first[a], first[b]) for a, b in edges)
    assert 0.5 * EDGE_PX < lengths[len(lengths) // 2] < 2 * EDGE_PX


def test_components_are_packed_apart() -> None:
    positions = layout(6, [(0, 1), (1, 2), (3, 4)])
    left = positions[:3]
    right = positions[3:5]
    gaps = [math.dist(p, q) for p in left for q in right]
    assert min(gaps) >= EDGE_PX * 0.9
    assert positions[5] not in positions[:5]


@pytest.mark.parametrize("size", [3, 4, 17, SMALL])
def test_small_components_are_placed_as_networkx_places_them(size: int) -> None:
    for seed in range(3):
        pairs = random_tree_plus(size, seed)
        graph = nx.Graph()
        graph.add_nodes_from(range(size))
        graph.add_edges_from(pairs)
        found = nx.spring_layout(graph, seed=viz_layout.SEED, iterations=60)
        expected = np.array([found[i] for i in range(size)])
        ours = viz_layout._dense_layouts(size, [np.array(pairs)])[0]
        assert np.abs(ours - expected).max() < 1e-5  # of [-1, 1]: far under a pixel


def test_a_component_is_placed_the_same_beside_others() -> None:
    sizes = (300, SMALL + 1, 20)  # two laid out together by the grid variant, one dense
    parts = [random_tree_plus(n, n) for n in sizes]
    starts = [0, sizes[0], sizes[0] + sizes[1]]
    edges = [(a + s, b + s) for pairs, s in zip(parts, starts, strict=True) for a, b in pairs]
    together = np.array(layout(sum(sizes), edges))
    for n, pairs, start in zip(sizes, parts, starts, strict=True):
        alone = np.array(layout(n, pairs))
        here = together[start : start + n]
        moved = (here - here[0]) - (alone - alone[0])  # the same shape, shifted
        assert np.abs(moved).max() <= 0.21  # positions are rounded to 0.1


def test_many_small_components_each_get_their_own_layout() -> None:
    triangle = [(0, 1), (1, 2), (0, 2)]
    path = [(0, 1), (1, 2)]
    edges = [(a + 3 * i, b + 3 * i) for i in range(200) for a, b in (triangle, path)[i % 2]]
    positions = layout(600, edges)
    assert len(set(positions)) == 600
    shapes = [np.array(positions[3 * i : 3 * i + 3]) - positions[3 * i] for i in range(200)]
    for i, shape in enumerate(shapes):  # every triangle alike, every path alike (rounding aside)
        assert np.abs(shape - shapes[i % 2]).max() <= 0.21
    assert np.abs(shapes[0] - shapes[1]).max() > 10
    lengths = [math.dist(positions[a], positions[b]) for a, b in edges]
    assert 0.5 * EDGE_PX < sorted(lengths)[len(lengths) // 2] < 2 * EDGE_PX
