"""Cue words the ontology adds to the verb and noun families, read from sentences of one's
own: each is a variant of a cue the ontology had, or a verb whose object's class tells the
property ("relies on" a product uses it, "relies on" a firm is supplied by it)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.nouns import noun_candidates
from kg.extract.patterns.verbs import verb_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, Family, set[Reading]]] = [
    (
        "leverage",
        "Corvent Energy leverages the Tarnix-5 platform.",
        verb_candidates,
        {("verb", "Corvent Energy", "uses", "Tarnix-5")},
    ),
    (
        "switch to",
        "Pellwood Data switched to the Tarnix-5 platform.",
        verb_candidates,
        {("verb", "Pellwood Data", "uses", "Tarnix-5")},
    ),
    (
        "rely on: uses or supplied by, as the object's class says",
        "Pellwood Data relies on Corvent Energy for its chips.",
        verb_candidates,
        {
            ("verb", "Pellwood Data", "uses", "Corvent Energy"),
            ("verb", "Corvent Energy", "supplies", "Pellwood Data"),
        },
    ),
    (
        "battle",
        "Quillfin battled Corvent Energy for the contract.",
        verb_candidates,
        {("verb", "Quillfin", "competesWith", "Corvent Energy")},
    ),
    (
        "fleet of",
        "Pellwood Data has a fleet of Tarnix-5 drones.",
        noun_candidates,
        {("noun-verb", "Pellwood Data", "uses", "Tarnix-5")},
    ),
    (
        "customer for",
        "Quillfin is the largest customer for the Tarnix-5.",
        noun_candidates,
        {
            ("noun-described", "Quillfin", "uses", "Tarnix-5"),
            ("noun-described", "Tarnix-5", "supplies", "Quillfin"),
        },
    ),
    (
        "make in",
        "Corvent Energy makes its turbines in Ostravia.",
        verb_candidates,
        {("verb", "Corvent Energy", "operatesIn", "Ostravia")},
    ),
    (
        "employer in",
        "Corvent Energy is one of the largest employers in Ostravia.",
        noun_candidates,
        {("noun-verb", "Corvent Energy", "operatesIn", "Ostravia")},
    ),
    (
        "purchase from",
        "Pellwood Data purchases its chips from Corvent Energy.",
        verb_candidates,
        {("verb", "Corvent Energy", "supplies", "Pellwood Data")},
    ),
    (
        "show off",
        "Pellwood Data showed off the Tarnix-5 drone in May.",
        verb_candidates,
        {("verb", "Pellwood Data", "launched", "Tarnix-5")},
    ),
    (
        "bring out",
        "Pellwood Data brought out the Tarnix-5 drone in May.",
        verb_candidates,
        {("verb", "Pellwood Data", "launched", "Tarnix-5")},
    ),
    (
        "located in",
        "Norvale Systems is located in Ohio.",
        verb_candidates,
        {("verb-passive", "Norvale Systems", "headquarteredIn", "Ohio")},
    ),
    (
        "round for",
        "Harwick Capital led a $20 million funding round for Norvale Systems.",
        noun_candidates,
        {("noun-verb", "Harwick Capital", "investedIn", "Norvale Systems")},
    ),
    # nothing to read
    (
        "a round raised for a purpose invests in nothing",
        "Norvale Systems raised a round for its expansion.",
        noun_candidates,
        set(),
    ),
    (
        "a supply deal does not say who supplies whom",
        "Quillfin signed a supply agreement with Corvent Energy.",
        noun_candidates,
        {("noun-verb", "Quillfin", "partneredWith", "Corvent Energy")},
    ),
    (
        "founding of, with its agent",
        "Since its founding by Jane Roe in 2010, Tallow Corp. has grown.",
        noun_candidates,
        {("noun-agent", "Jane Roe", "founderOf", "Tallow Corp.")},
    ),
    (
        "founding of, with none",
        "Since its founding in 2010, Tallow Corp. has grown.",
        noun_candidates,
        set(),
    ),
    (
        "fly to",
        "Tallow Airways flies to Brazil and Chile.",
        verb_candidates,
        {
            ("verb", "Tallow Airways", "operatesIn", "Brazil"),
            ("verb", "Tallow Airways", "operatesIn", "Chile"),
        },
    ),
    (
        "compete in",
        "Tallow Corp. competes in Brazil with Quillfin Ltd.",
        verb_candidates,
        {
            ("verb", "Tallow Corp.", "operatesIn", "Brazil"),
            ("verb", "Tallow Corp.", "competesWith", "Quillfin Ltd."),
        },
    ),
    (
        "assemble in",
        "Tallow Corp. assembles its trucks in Mexico.",
        verb_candidates,
        {("verb", "Tallow Corp.", "operatesIn", "Mexico")},
    ),
]


@pytest.mark.parametrize(
    ("text", "family", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_cue_words(
    text: str,
    family: Family,
    expected: set[Reading],
    reads: Callable[[Family, str], set[Reading]],
) -> None:
    assert reads(family, text) == expected


def test_a_person_who_flies_somewhere_operates_nowhere(
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    assert resolved("Jane Roe flew to Brazil on Monday.") == set()
