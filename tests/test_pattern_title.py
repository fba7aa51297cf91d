"""The title family alone: "CEO Jane Roe", "Jane Roe, chief executive of X"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.titles import title_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "title before name",
        "Orrin Motors chief executive Lucien Marchetti said sales rose.",
        {("title", "Lucien Marchetti", "ceoOf", "Orrin Motors")},
    ),
    (
        "abbreviated title",
        "Ferngate Labs CEO Oda Vinterberg spoke on Monday.",
        {("title", "Oda Vinterberg", "ceoOf", "Ferngate Labs")},
    ),
    (
        "possessive title",
        "Hollin Works's chief executive Marta Quell resigned.",
        {("title", "Marta Quell", "ceoOf", "Hollin Works")},
    ),
    (
        "title in apposition",
        "Arjun Mehta, chief executive of Sablecrest Holdings, said no.",
        {("title", "Arjun Mehta", "ceoOf", "Sablecrest Holdings")},
    ),
    (
        "job at",
        "Tomas Brekke, an analyst at Skarvik Securities, expects more orders.",
        {("title", "Tomas Brekke", "worksFor", "Skarvik Securities")},
    ),
    (
        "job for",
        "Marta Quell, a spokesperson for Hollin Works, declined to comment.",
        {("title", "Marta Quell", "worksFor", "Hollin Works")},
    ),
    (
        "two roles",
        "Arthur Mensch, co-founder and chief executive of Quillfin, said no.",
        {
            ("title", "Arthur Mensch", "founderOf", "Quillfin"),
            ("title", "Arthur Mensch", "ceoOf", "Quillfin"),
        },
    ),
    (
        "appointed as",
        "Orrin Motors named Priya Natarajan as its new chief executive on Monday.",
        {("title", "Priya Natarajan", "ceoOf", "Orrin Motors")},
    ),
    (
        "succeeds as",
        "Priya Natarajan will succeed Lucien Marchetti as chief executive of Orrin Motors.",
        {("title", "Priya Natarajan", "ceoOf", "Orrin Motors")},
    ),
    # nothing to read
    (
        "a former job",
        "Oda Vinterberg, the former chief executive of Ferngate Labs, retired.",
        set(),
    ),
    ("no person", "Ferngate Labs' chief executive spoke on Monday.", set()),
    ("no title", "Tolvane Robotics acquired Brisk Orchard last spring.", set()),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_title_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(title_candidates, text) == expected
