"""The technology family alone: a technology its owner runs ("its 5G network")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.technology import technology_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "a named owner's network of a known technology",
        "Norvale Telecom's 5G network now covers most of Ostravia.",
        {("technology", "Norvale Telecom", "uses", "5G")},
    ),
    (
        "a pronoun owner's network",
        "Brisk Mobile said it would extend its GSM network to rural towns.",
        {("technology", "Brisk Mobile", "uses", "GSM")},
    ),
    (
        "capabilities in a technology may be the owner's own making",
        "As Brisk Mobile scales its AI capabilities, costs rise.",
        set(),
    ),
    (
        "a network nobody owns",
        "The 5G network in Ostravia is fast.",
        set(),
    ),
    (
        "a technology before a noun for a product is no tool",
        "Norvale Telecom sold its AI chips to Brisk Mobile.",
        set(),
    ),
    (
        "a name the ontology does not know as a technology",
        "Norvale Telecom's Kestrel network reaches Harwick.",
        set(),
    ),
    (
        "an operator named before the technology, with no owner",
        "Subscribers can stream games using a Brisk Mobile 5G network.",
        {("technology", "Brisk Mobile", "uses", "5G")},
    ),
    (
        "a person named before the technology is no operator",
        "Jane Roe said the Jane Roe 5G network was her idea.",
        set(),
    ),
    (
        "infrastructure built on a technology",
        "Pellwood Telecom said its LTE infrastructure is ready.",
        {("technology", "Pellwood Telecom", "uses", "LTE")},
    ),
    (
        "what an owner can do in a field is its own work, not a technology it uses",
        "Pellwood Telecom said its AI capabilities are growing.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_technology_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(technology_candidates, text) == expected
