"""The funding family alone: who leads or joins a company's round invests in it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.funding import funding_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "led by and participation from",
        "Ferrolith Energy raised $120 million in a round led by Halcyon Ridge Partners, "
        "with participation from Oakmere Ventures.",
        {
            ("funding", "Halcyon Ridge Partners", "investedIn", "Ferrolith Energy"),
            ("funding", "Oakmere Ventures", "investedIn", "Ferrolith Energy"),
        },
    ),
    (
        "led by",
        "Brisk Orchard raised $30 million in a round led by Pendle Ventures.",
        {("funding", "Pendle Ventures", "investedIn", "Brisk Orchard")},
    ),
    (
        "funding from two",
        "Brisk Orchard secured new funding from Pendle Ventures and Tarrow Bank.",
        {
            ("funding", "Pendle Ventures", "investedIn", "Brisk Orchard"),
            ("funding", "Tarrow Bank", "investedIn", "Brisk Orchard"),
        },
    ),
    (
        "joined an owned round",
        "Halcyon Partners joined Brisk Foods' seed round.",
        {("funding", "Halcyon Partners", "investedIn", "Brisk Foods")},
    ),
    (
        "participated in an owned round named by its letter",
        "Norvale Capital participated in Brisk Foods' Series A round.",
        {("funding", "Norvale Capital", "investedIn", "Brisk Foods")},
    ),
    (
        "a round named by its letter, led by an investor",
        "Brisk Foods' $20 million Series B was led by Norvale Capital.",
        {("funding", "Norvale Capital", "investedIn", "Brisk Foods")},
    ),
    # nothing to read
    ("no investor", "Brisk Orchard raised $30 million on Tuesday.", set()),
    ("no money", "Brisk Orchard raised prices in a move backed by Pendle Ventures.", set()),
    ("negation", "Brisk Orchard did not raise a new round from Pendle Ventures.", set()),
    (
        "the owner's round as the subject, led by examples",
        "Brisk Orchard's $5 million round was led by venture firms including Pendle Ventures "
        "and Tarrow Bank.",
        {
            ("funding", "Pendle Ventures", "investedIn", "Brisk Orchard"),
            ("funding", "Tarrow Bank", "investedIn", "Brisk Orchard"),
        },
    ),
    (
        "the owner's round drew participation",
        "Brisk Orchard's round also drew participation from Pendle Ventures.",
        {("funding", "Pendle Ventures", "investedIn", "Brisk Orchard")},
    ),
    (
        "a round with no owner and nothing read before",
        "The round was led by Pendle Ventures.",
        set(),
    ),
    (
        "reporting a round is no part in it",
        "Reuters reported Brisk Foods' Series B round.",
        set(),
    ),
    (
        "a round not joined",
        "Halcyon Partners did not join Brisk Foods' round.",
        set(),
    ),
    (
        "a round whose owner says who led it",
        "Tallow Corp. said the round was led by Sequoia Capital.",
        {("funding", "Sequoia Capital", "investedIn", "Tallow Corp.")},
    ),
    (
        "a person who says so owns no round",
        "Jane Roe said the round was led by Sequoia Capital.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_funding_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(funding_candidates, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brisk Foods Inc. raised $20 million this week.\n"
            "Halvane Capital and Tolvane Ventures also participated in the round.",
            {
                ("Halvane Capital", "investedIn", "Brisk Foods Inc."),
                ("Tolvane Ventures", "investedIn", "Brisk Foods Inc."),
            },
        ),
        (
            "Brisk Foods Inc. raised $20 million this week.\n"
            "Halvane Capital, which also backs Ferrow Corp., led the round.",
            {("Halvane Capital", "investedIn", "Ferrow Corp.")},
        ),
        (
            "Brisk Foods Inc. raised $20 million this week.\nHalvane Capital led a round in March.",
            set(),
        ),
    ],
    ids=[
        "the round, joined",
        "another firm named: whose round is unsaid",
        "a round, not the round",
    ],
)
def test_the_round_is_the_topics(
    text: str,
    expected: set[tuple[str, str, str]],
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "X joined the round": the round of the organisation the text is about."""
    assert {t for t in resolved(text) if t[1] == "investedIn"} == expected
