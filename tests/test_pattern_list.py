"""The list family alone: the named members of a group and who holds it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.lists import list_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "an owner's products of a kind",
        "Norvale's drugs include Tarnix and Kestrel.",
        {
            ("list-owner", "Norvale", "developed", "Tarnix"),
            ("list-owner", "Norvale", "developed", "Kestrel"),
        },
    ),
    (
        "an owner's lineup of named products sharing a product noun",
        "Norvale's lineup includes the Tarnix and Kestrel phones.",
        {
            ("list-owner", "Norvale", "developed", "Tarnix"),
            ("list-owner", "Norvale", "developed", "Kestrel"),
        },
    ),
    (
        "the cars a firm runs are none it made",
        "Brisk Foods' cars include a Tarnix and two Kestrels.",
        set(),
    ),
    (
        "possessor's group includes members",
        "Norvale Systems's brands include Brisk, Ferrow and Tessaro.",
        {
            ("list-owner", "Norvale Systems", "developed", "Brisk"),
            ("list-owner", "Norvale Systems", "developed", "Ferrow"),
            ("list-owner", "Norvale Systems", "developed", "Tessaro"),
            ("list-owner", "Brisk", "subsidiaryOf", "Norvale Systems"),
            ("list-owner", "Ferrow", "subsidiaryOf", "Norvale Systems"),
            ("list-owner", "Tessaro", "subsidiaryOf", "Norvale Systems"),
        },
    ),
    (
        "inverse list noun: members are the subjects",
        "Quillfin's early backers include Halvane Capital and Ostrander Ventures.",
        {
            ("list-owner", "Halvane Capital", "investedIn", "Quillfin"),
            ("list-owner", "Ostrander Ventures", "investedIn", "Quillfin"),
        },
    ),
    (
        "members put among a possessor's group",
        "Quillfin, which boasts Corvent Energy and Marrowby among its customers, makes cells.",
        {
            ("list-owner", "Quillfin", "supplies", "Corvent Energy"),
            ("list-owner", "Quillfin", "supplies", "Marrowby"),
            # a customer may use a product instead: the classes of the names choose
            ("list-owner", "Corvent Energy", "uses", "Quillfin"),
            ("list-owner", "Marrowby", "uses", "Quillfin"),
        },
    ),
    (
        "the group's single member after a copula",
        "Brisk Orchard's largest shareholder is Pendle Ventures.",
        {("list-owner", "Pendle Ventures", "investedIn", "Brisk Orchard")},
    ),
    (
        "examples of a group the subject is home to",
        "Tessaro, a company based in Ohio, is home to brands including Brisk Snacks, Ferrow Fresh "
        "and Marrowby.",
        {
            ("list-holder", "Tessaro", "developed", "Brisk Snacks"),
            ("list-holder", "Tessaro", "developed", "Ferrow Fresh"),
            ("list-holder", "Tessaro", "developed", "Marrowby"),
            ("list-holder", "Brisk Snacks", "subsidiaryOf", "Tessaro"),
            ("list-holder", "Ferrow Fresh", "subsidiaryOf", "Tessaro"),
            ("list-holder", "Marrowby", "subsidiaryOf", "Tessaro"),
        },
    ),
    (
        "a spree by an agent, its clause on the agent",
        "The deal is part of a buying spree by Norvale, which rejected an offer from Halvane, "
        "that has included Brisk and Ferrow.",
        {
            ("list-agent", "Norvale", "acquired", "Brisk"),
            ("list-agent", "Norvale", "acquired", "Ferrow"),
        },
    ),
    (
        "one of a possessor's group after a copula",
        "Pendle Ventures is one of Brisk Orchard's suppliers.",
        {
            ("list-owner", "Pendle Ventures", "supplies", "Brisk Orchard"),
        },
    ),
    (
        "one of an unowned group names no holder",
        "Pendle Ventures is one of the largest suppliers.",
        set(),
    ),
    (
        "members taken as a group's after a holding verb",
        "Brisk Orchard counts Pendle Ventures and Tarrow Bank as customers.",
        {
            ("list-holder", "Brisk Orchard", "supplies", "Pendle Ventures"),
            ("list-holder", "Brisk Orchard", "supplies", "Tarrow Bank"),
            ("list-holder", "Pendle Ventures", "uses", "Brisk Orchard"),
            ("list-holder", "Tarrow Bank", "uses", "Brisk Orchard"),
        },
    ),
    (
        "a member chosen as the possessor's",
        "Brisk Orchard named Pendle Ventures as its supplier.",
        {("list-owner", "Pendle Ventures", "supplies", "Brisk Orchard")},
    ),
    (
        "a member welcomed in a role towards the subject",
        "Brisk Orchard welcomed Pendle Ventures as an investor.",
        {("list-holder", "Pendle Ventures", "investedIn", "Brisk Orchard")},
    ),
    (
        "a member brought on in a role towards the subject",
        "Brisk Orchard brought on Pendle Ventures as a strategic partner.",
        {("list-holder", "Brisk Orchard", "partneredWith", "Pendle Ventures")},
    ),
    (
        "a role with no holder",
        "The board named Pendle Ventures as a supplier.",
        set(),
    ),
    (
        "no holder named: the topic is not guessed",
        "Other early backers include Halvane Capital, Ostrander Ventures and Pellwood Data.",
        set(),
    ),
    (
        "a retailer's stocking is no ownership",
        "Pellwood Stores sells brands such as Brisk and Ferrow.",
        set(),
    ),
    (
        "a supplier to brands is not their owner",
        "Tessaro is a supplier to brands including Brisk and Ferrow.",
        set(),
    ),
    ("a group with no named member", "Norvale's brands include two new snack lines.", set()),
    (
        "a name before the group noun holds it: a product's customers use it",
        "Zentra Drive customers include Brisk Motors and Orlin Auto.",
        {
            ("list-owner", "Brisk Motors", "uses", "Zentra Drive"),
            ("list-owner", "Orlin Auto", "uses", "Zentra Drive"),
            ("list-owner", "Zentra Drive", "supplies", "Brisk Motors"),
            ("list-owner", "Zentra Drive", "supplies", "Orlin Auto"),
        },
    ),
    (
        "a name before the group noun holds it: a firm's shareholders",
        "Norvale Systems shareholders include Orlin Capital.",
        {("list-owner", "Orlin Capital", "investedIn", "Norvale Systems")},
    ),
    (
        "a place before the group noun holds nothing",
        "The Ohio customers include Brisk Motors.",
        set(),
    ),
    (
        "examples of the customers the subject serves",
        "Norvale Systems serves customers such as Brisk Foods and Ferrow Group.",
        {
            ("list-holder", "Norvale Systems", "supplies", "Brisk Foods"),
            ("list-holder", "Norvale Systems", "supplies", "Ferrow Group"),
            ("list-holder", "Brisk Foods", "uses", "Norvale Systems"),
            ("list-holder", "Ferrow Group", "uses", "Norvale Systems"),
        },
    ),
    (
        "the group's holder after its relation preposition",
        "Other customers of Norvale Systems include Brisk Foods and Ferrow Group.",
        {
            ("list-owner", "Norvale Systems", "supplies", "Brisk Foods"),
            ("list-owner", "Norvale Systems", "supplies", "Ferrow Group"),
            ("list-owner", "Brisk Foods", "uses", "Norvale Systems"),
            ("list-owner", "Ferrow Group", "uses", "Norvale Systems"),
        },
    ),
    (
        "a supplier chosen with no possessive: the chooser is supplied",
        "Brisk Motors picked Kestrel Chips Ltd as the supplier for its new cars.",
        {("list-holder", "Kestrel Chips Ltd", "supplies", "Brisk Motors")},
    ),
    (
        "a partner named, the parser's object predicate",
        "Brisk Motors named Kestrel Chips Ltd as its partner.",
        {("list-owner", "Brisk Motors", "partneredWith", "Kestrel Chips Ltd")},
    ),
    (
        "a supplier picked by no name",
        "Analysts picked Kestrel Chips Ltd as the supplier most likely to win.",
        set(),
    ),
    (
        "a verb of no choice gives no role towards its subject",
        "Brisk Motors described Kestrel Chips Ltd as a supplier.",
        set(),
    ),
    (
        "a provider picked as the owner's: it supplies the owner",
        "Ferngate Labs picked Norvale Systems as its cloud provider.",
        {("list-owner", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "an organisation's releases",
        "Norvale Systems' releases this year include Kestrel 7 and Orbis.",
        {
            ("list-owner", "Norvale Systems", "launched", "Kestrel 7"),
            ("list-owner", "Norvale Systems", "launched", "Orbis"),
        },
    ),
    (
        "a pronoun for the holder is none of the members",
        "Halvane Capital and Brisk Ventures are among its backers.",
        set(),
    ),
    (
        "a possessive relative's group is held by the noun its clause hangs on",
        "Norvale Systems, whose customers include Brisk Motors and Pellwood Auto, reported "
        "results.",
        {
            ("list-owner", "Norvale Systems", "supplies", "Brisk Motors"),
            ("list-owner", "Norvale Systems", "supplies", "Pellwood Auto"),
            ("list-owner", "Brisk Motors", "uses", "Norvale Systems"),
            ("list-owner", "Pellwood Auto", "uses", "Norvale Systems"),
        },
    ),
    (
        "the places a firm counts as its markets",
        "Norvale Pay's markets include Kenya, Ghana and Uganda.",
        {
            ("list-owner", "Norvale Pay", "operatesIn", "Kenya"),
            ("list-owner", "Norvale Pay", "operatesIn", "Ghana"),
            ("list-owner", "Norvale Pay", "operatesIn", "Uganda"),
        },
    ),
    (
        "a firm's biggest market",
        "Norvale Pay's biggest market is Kenya.",
        {("list-owner", "Norvale Pay", "operatesIn", "Kenya")},
    ),
    ("markets that are no names", "Norvale Pay's markets include retail and banking.", set()),
    (
        "a possessive relative's backers",
        "Halden Capital, whose backers include Brisk Ventures, raised money.",
        {("list-owner", "Brisk Ventures", "investedIn", "Halden Capital")},
    ),
    (
        "what a subject has made: its acquisitions' examples",
        "Halvane Holdings has made acquisitions, including Brisk Foods and Ferrow Networks.",
        {
            ("list-holder", "Halvane Holdings", "acquired", "Brisk Foods"),
            ("list-holder", "Halvane Holdings", "acquired", "Ferrow Networks"),
        },
    ),
    (
        "the holder after the noun's own cue preposition",
        "Investors in Brisk Foods include Halvane Capital and Tolvane Ventures.",
        {
            ("list-owner", "Halvane Capital", "investedIn", "Brisk Foods"),
            ("list-owner", "Tolvane Ventures", "investedIn", "Brisk Foods"),
        },
    ),
    (
        "a place after the preposition holds nothing",
        "Customers in Ohio include Halvane Capital and Tolvane Ventures.",
        set(),
    ),
    (
        "a name on a bare common noun coordinated with a member is a member",
        "The deal is part of a buying spree by Halden Foods that has included Pukka Herbs and "
        "Brisk tea.",
        {
            ("list-agent", "Halden Foods", "acquired", "Pukka Herbs"),
            ("list-agent", "Halden Foods", "acquired", "Brisk"),
        },
    ),
    (
        "a name on a counted common noun coordinated with a member is no member",
        "The deal is part of a buying spree by Halden Foods that has included Pukka Herbs and "
        "several Oslo stores.",
        {("list-agent", "Halden Foods", "acquired", "Pukka Herbs")},
    ),
    (
        "members after the copula of a fronted group",
        "Among Quillfin Ltd.'s backers are Tallow Corp. and Harwick Inc.",
        {
            ("list-owner", "Harwick Inc.", "investedIn", "Quillfin Ltd."),
            ("list-owner", "Tallow Corp.", "investedIn", "Quillfin Ltd."),
        },
    ),
    (
        "and none when the holder is a pronoun standing for nothing",
        "Among its customers are Tallow Corp. and Harwick Inc.",
        set(),
    ),
]


def test_pronoun_holder_of_members_is_the_topic(
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "X and Y are among its backers": "its" is the firm the text is about, not X."""
    text = (
        "Pellwood Data listed its shares on Friday. "
        "Halvane Capital and Brisk Ventures are among its backers."
    )
    found = resolved(text)
    assert ("Halvane Capital", "investedIn", "Pellwood Data") in found
    assert ("Brisk Ventures", "investedIn", "Halvane Capital") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the round of the organisation the text is about
            "Tallow Corp. raised $40 million. Investors in the round include Harwick Capital and "
            "Brackmoor Ventures.",
            {
                ("Harwick Capital", "investedIn", "Tallow Corp."),
                ("Brackmoor Ventures", "investedIn", "Tallow Corp."),
            },
        ),
        (  # a round with an owner of its own is the owner's
            "Tallow Corp. grew. Investors in Quillfin Ltd.'s round include Harwick Capital.",
            {("Harwick Capital", "investedIn", "Quillfin Ltd.")},
        ),
        (  # other backers, with no round: no holder is guessed
            "Tallow Corp. grew. Other backers include Harwick Capital.",
            set(),
        ),
    ],
)
def test_investors_in_the_round(
    text: str,
    expected: set[tuple[str, str, str]],
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    assert resolved(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_list_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(list_candidates, text) == expected
