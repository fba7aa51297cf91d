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
    (
        "possessive place of a name no label calls a company",
        "Norway's Tessaro Cloud said sales rose.",
        {("name-place", "Tessaro Cloud", "headquarteredIn", "Norway")},
    ),
    (
        "possessive place of the noun before a name",
        "Japan's chip maker Veyra Microdevices cut prices.",
        {("described-place", "Veyra Microdevices", "headquarteredIn", "Japan")},
    ),
    (
        "based, on the noun before a name",
        "Canada-based diversified metals company Aldane Mining bought a mine.",
        {("described-place", "Aldane Mining", "headquarteredIn", "Canada")},
    ),
    (
        "based, on the noun a copula gives the name",
        "Halvane Bank is a Boston-based lender founded by Jane Roe.",
        {("described-place", "Halvane Bank", "headquarteredIn", "Boston")},
    ),
    (
        "a place in brackets after the name",
        "Brisk Foods Corp. (Seattle), the largest coffee chain, bought Quillfin.",
        {("name-place", "Brisk Foods Corp.", "headquarteredIn", "Seattle")},
    ),
    (
        "an organisation noun from a place",
        "Norvale Systems, a software company from Oslo, said sales rose.",
        {("described-place", "Norvale Systems", "headquarteredIn", "Oslo")},
    ),
    (
        "a city and its state hyphened to a participle before the name",
        "Harwick, Calif.-based Norvale Systems hired 40 engineers.",
        {("name-place", "Norvale Systems", "headquarteredIn", "Harwick, Calif.")},
    ),
    (
        "a city and its state after the preposition",
        "Norvale Systems, which is based in Harwick, Idaho, hired 40 engineers.",
        {("name-place", "Norvale Systems", "headquarteredIn", "Harwick, Idaho")},
    ),
    # nothing to read
    (
        "a dateline is no place of the firm",
        "Oslo - Norwegian lender Fjordbank opened a branch.",
        set(),
    ),
    ("a possessive place of a product", "Norway's Tessaro phone sold well.", set()),
    (
        "a clause on the name whose verb is no headquarters verb",
        "Halvane Bank, which was rooted in Ohio, raised its rates.",
        set(),
    ),
    (
        "possessive place read as a modifier",
        "South Africa's Halvane Holdings raised its rates.",
        {("name-place", "Halvane Holdings", "headquarteredIn", "South Africa")},
    ),
    (
        "a nationality names its country",
        "Hollin Works, a German construction firm, won the contract.",
        {("described-place", "Hollin Works", "headquarteredIn", "Germany")},
    ),
    (
        "a nationality before the noun that names the firm",
        "Swedish operator Hollin Mobile picked a new supplier.",
        {("described-place", "Hollin Mobile", "headquarteredIn", "Sweden")},
    ),
    ("a nationality no country's name gives", "Hollin Works, a Zorbish firm, grew.", set()),
    ("a nationality of a people, not of a firm", "Quillfin hired Italian engineers.", set()),
    (
        "a place in brackets after a name with no corporate word",
        "They built wind farms near Oslo (Norway) and Aarhus.",
        set(),
    ),
    ("where it acts is not where it is", "Hollin Bank raised its rates in Pittsburgh.", set()),
    (
        "where a passive verb's agent acts is not where it is based",
        "The Kestrel drone was unveiled by Norvale Systems in Paris.",
        set(),
    ),
    (
        "where a verb cue's prepositional object acts with the subject is not where it is based",
        "Norvale Systems will partner with Halvane Corp. in India.",
        set(),
    ),
    (
        "the object of a preposition no cue takes is where the place says",
        "The lab sent samples to Halvane Corp. in Boston.",
        {("name-place", "Halvane Corp.", "headquarteredIn", "Boston")},
    ),
    (
        "a verb's prepositional object of a place is still based there",
        "Norvale Systems invested in Halvane Corp. of Boston.",
        {("name-place", "Halvane Corp.", "headquarteredIn", "Boston")},
    ),
    (
        "a noun's object in a place is based there",
        "Jane Roe is chief executive of Halvane Corp. in Boston.",
        {("name-place", "Halvane Corp.", "headquarteredIn", "Boston")},
    ),
    (
        "a passive verb's agent of a place is still based there",
        "Brisk Foods was bought by Halvane Corp. of Boston.",
        {("name-place", "Halvane Corp.", "headquarteredIn", "Boston")},
    ),
    (
        "a person from a place says nothing of the firm",
        "Brisk Foods hired a consultant from Oslo.",
        set(),
    ),
    (
        "a person, as an age after the name says, from a place",
        "Varro Kelmsted, 50, of Harwick, Conn., was hurt.",
        set(),
    ),
    (
        "a place on the last word of a name with 'of' inside",
        "Troops of the Legion of Upper Corrin in Harwick left.",
        {("name-place", "Legion of Upper Corrin", "headquarteredIn", "Harwick")},
    ),
    ("a date after such a name", "Jane Roe sold the Bank of Upper Corrin in March.", set()),
    (
        "a state hyphened to a participle of no place verb",
        "Harwick, Calif.-owned Norvale Systems hired 40 engineers.",
        set(),
    ),
    ("where such a name's people meet", "Staff of the Bank of Upper Corrin met in Harwick.", set()),
    (
        "possessive place of a name a legal form marks as a company's",
        "Norvale said that Kenya’s SkyKenya Bhd. ordered 14 jets.",
        {("name-place", "SkyKenya Bhd", "headquarteredIn", "Kenya")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_place_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(place_candidates, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harwick, Idaho-based Norvale Systems said it opened a plant in Corrinville, Tenn.",
            {
                ("Norvale Systems", "headquarteredIn", "Harwick, Idaho"),
                ("Norvale Systems", "operatesIn", "Corrinville, Tenn."),
            },
        ),
        (
            "Norvale Systems, based in HARWICK, OH, hired staff.",
            {("Norvale Systems", "headquarteredIn", "HARWICK, OH")},
        ),
    ],
)
def test_a_city_and_its_state_are_one_place_whichever_family_reads_them(
    text: str,
    expected: set[tuple[str, str, str]],
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """The state after the city is no second place of its own."""
    assert resolved(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a city and its state set off by commas before a definite noun for the firm
            "Brisk Foods posted a loss. The Harwick, Idaho, company said sales fell.",
            {("Brisk Foods", "headquarteredIn", "Harwick, Idaho")},
        ),
        (  # based, on a definite noun for the firm
            "Brisk Foods posted a loss. The Idaho-based company said sales fell.",
            {("Brisk Foods", "headquarteredIn", "Idaho")},
        ),
        (  # a bare place before it may say no more than where the firm is from
            "Brisk Foods posted a loss. The Idaho company said sales fell.",
            set(),
        ),
        (  # a relational noun is not the firm
            "Brisk Foods posted a loss. The Harwick, Idaho, unit said sales fell.",
            set(),
        ),
    ],
)
def test_a_definite_noun_with_a_place_stands_for_the_firm_just_named(
    text: str,
    expected: set[tuple[str, str, str]],
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    assert {f for f in resolved(text) if f[1] == "headquarteredIn"} == expected
