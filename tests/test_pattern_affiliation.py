"""The affiliation family alone: works for, from how a person is introduced."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.titles import affiliation_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "of",
        "Lars Eikrem of Halvane Capital said demand was strong.",
        {("affiliation", "Lars Eikrem", "worksFor", "Halvane Capital")},
    ),
    (
        "possessive",
        "Halvane Capital's Lars Eikrem said demand was strong.",
        {("affiliation", "Lars Eikrem", "worksFor", "Halvane Capital")},
    ),
    (
        "job in apposition",
        "Sam Poe, a Quillfin engineer, said demand was strong.",
        {("affiliation", "Sam Poe", "worksFor", "Quillfin")},
    ),
    # nothing to read
    (
        "from",
        "Demand is strong, said analyst Lars Eikrem from Halvane Capital.",
        {("affiliation", "Lars Eikrem", "worksFor", "Halvane Capital")},
    ),
    ("a place one comes from", "Anna Berg from London said demand was strong.", set()),
    ("no organisation", "Anna Berg said demand was strong.", set()),
    ("a place is no employer", "Anna Berg of Paris said demand was strong.", set()),
    (
        "a name that modifies a word for a product is no person",
        "Norvale Systems' Kestrel and Tarnix models are popular.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_affiliation_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(affiliation_candidates, text) == expected
