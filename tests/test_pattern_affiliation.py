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
    (
        "of an organisation the tagger took with its article",
        "Tom Hale of the Harwick Water Board said supplies were low.",
        {("affiliation", "Tom Hale", "worksFor", "Harwick Water Board")},
    ),
    (
        "of, after an age",
        "Tomas Lindqvist, 47, of the Halvane Institute said demand was strong.",
        {("affiliation", "Tomas Lindqvist", "worksFor", "Halvane Institute")},
    ),
    (
        "of, each with the nearest person before it, wherever the parser hung it",
        "Quillfin said that Jane Roe of Brackmoor Labs and John Poe, 47, of the Harwick"
        " Institute had joined the project.",
        {
            ("affiliation", "Jane Roe", "worksFor", "Brackmoor Labs"),
            ("affiliation", "John Poe", "worksFor", "Harwick Institute"),
        },
    ),
    (
        "of a firm described by its name, not one named before",
        "Tallow University said that Sam Kadet of the corporate law firm of Brackmoor Poe LLP"
        " had joined.",
        {("affiliation", "Sam Kadet", "worksFor", "Brackmoor Poe LLP")},
    ),
    (
        "of, an organisation's name the tagger labelled a person",
        "Jane Roe of Brackmoor Labs said demand was strong.",
        {("affiliation", "Jane Roe", "worksFor", "Brackmoor Labs")},
    ),
    (
        "a person's organisation, as the possessive names it",
        "Jane Roe's Norvale Party won the vote.",
        {("affiliation", "Jane Roe", "worksFor", "Norvale Party")},
    ),
    (
        "at, in a clause on the person",
        "Sam Poe, who directs research at Norvale Systems, said demand was strong.",
        {("affiliation", "Sam Poe", "worksFor", "Norvale Systems")},
    ),
    ("a place one is from, after an age", "Ana Ferreira, 47, of Harwick was hurt.", set()),
    (
        "a former job in apposition",
        "Sam Poe, a former Quillfin engineer, said demand was strong.",
        {("affiliation", "Sam Poe", "worksFor", "Quillfin")},
    ),
    ("no job, though former", "Sam Poe, a former Quillfin fan, said it was fine.", set()),
    (
        "of, on a noun in a clause on the person",
        "Sam Poe, who praised the findings of the Harwick Commission, left.",
        set(),
    ),
    ("a person's product", "Lars Eikrem's Kestrel phone sold well.", set()),
    (
        "of an organisation's unit",
        "Jane Roe, of Norvale Systems' research division, said demand was strong.",
        {("affiliation", "Jane Roe", "worksFor", "Norvale Systems")},
    ),
    (
        "of a unit a place names",
        "Sam Poe of the Harwick bank said demand was strong.",
        set(),
    ),
    (
        "a person's thing the tagger takes for an organisation, no organisation's name",
        "Tom Hale's Red Harbor Project won praise.",
        set(),
    ),
    (
        "coordinated people share the organisation after the last",
        "Jane Roe and Tom Hale of Tallow Corp. said sales rose.",
        {
            ("affiliation", "Jane Roe", "worksFor", "Tallow Corp."),
            ("affiliation", "Tom Hale", "worksFor", "Tallow Corp."),
        },
    ),
    (
        "each their own, where each is given one",
        "Jane Roe of Harwick Inc. and Tom Hale, 47, of Tallow Corp. said sales rose.",
        {
            ("affiliation", "Jane Roe", "worksFor", "Harwick Inc."),
            ("affiliation", "Tom Hale", "worksFor", "Tallow Corp."),
        },
    ),
    (
        "not one described otherwise",
        "Jane Roe, the finance minister, and Tom Hale of Tallow Corp. met on Monday.",
        {("affiliation", "Tom Hale", "worksFor", "Tallow Corp.")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_affiliation_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(affiliation_candidates, text) == expected
