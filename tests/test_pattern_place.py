"""The place family alone: where an organisation is based, from how it is named."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.places import place_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "described as a firm of a place",
        "Hollin Works, a Hong Kong construction firm, won the contract.",
        {("described-place", "Hollin Works", "headquarteredIn", "Hong Kong")},
    ),
    (
        "possessive place",
        "Munich's Hollin Bank raised its rates.",
        {("name-place", "Hollin Bank", "headquarteredIn", "Munich")},
    ),
    (
        "in a relative clause",
        "Veyra Microdevices, which is headquartered in Hsinchu, cut prices.",
        {("name-place", "Veyra Microdevices", "headquarteredIn", "Hsinchu")},
    ),
    # nothing to read
    (
        "a nationality is no place",
        "Hollin Works, a German construction firm, won the contract.",
        set(),
    ),
    ("where it acts is not where it is", "Hollin Bank raised its rates in Pittsburgh.", set()),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_place_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(place_candidates, text) == expected
