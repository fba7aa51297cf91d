"""The presence family alone: where an organisation is present, from a copula."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.places import presence_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "an adjective cue",
        "Pellwood Data is present in Europe, the Middle East and parts of Asia.",
        {
            ("presence", "Pellwood Data", "operatesIn", "Europe"),
            ("presence", "Pellwood Data", "operatesIn", "Middle East"),
            ("presence", "Pellwood Data", "operatesIn", "Asia"),
        },
    ),
    (
        "the brand of a named firm stands for the firm",
        "The budget brand of Halden Hotels is present in Portugal and Greece.",
        {
            ("presence", "Halden Hotels", "operatesIn", "Portugal"),
            ("presence", "Halden Hotels", "operatesIn", "Greece"),
        },
    ),
    (
        "a noun cue owned by the subject",
        "Most of Brisk Orchard's stores are in Texas.",
        {("presence", "Brisk Orchard", "operatesIn", "Texas")},
    ),
    (
        "a nationality modifying an owned noun cue",
        "Brisk Orchard's Italian unit grew last year.",
        {("presence", "Brisk Orchard", "operatesIn", "Italy")},
    ),
    (
        "a market of a nationality entered",
        "Brisk Orchard entered the Indian market in 2019.",
        {("presence", "Brisk Orchard", "operatesIn", "India")},
    ),
    (
        "another adjective cue",
        "Quillfin is active in Norway.",
        {("presence", "Quillfin", "operatesIn", "Norway")},
    ),
    (
        "a place modifying an owned noun cue",
        "Brisk Orchard's Ohio market grew last year.",
        {("presence", "Brisk Orchard", "operatesIn", "Ohio")},
    ),
    (
        "a place modifying a noun cue owned by a pronoun's name",
        "Norvale Systems sold its Spain business to a rival.",
        {("presence", "Norvale Systems", "operatesIn", "Spain")},
    ),
    (
        "places under a participle on an owned noun cue",
        "Fennick Bank has six branches, including Brisk Orchard's branches stretching from "
        "Dayton to Toledo and Akron.",
        {
            ("presence", "Brisk Orchard", "operatesIn", "Dayton"),
            ("presence", "Brisk Orchard", "operatesIn", "Toledo"),
            ("presence", "Brisk Orchard", "operatesIn", "Akron"),
        },
    ),
    (
        "a place before the other words of a two-word cue",
        "Last month Norvale Cloud opened its Salt Lake City data center.",
        {("presence", "Norvale Cloud", "operatesIn", "Salt Lake City")},
    ),
    (
        "a noun cue the object of a verb cue",
        "Brisk Orchard plans to enter the Mexico market.",
        {("presence", "Brisk Orchard", "operatesIn", "Mexico")},
    ),
    (
        "a noun cue the object of a verb cue's preposition",
        "Quillfin expanded into the Peru market last year.",
        {("presence", "Quillfin", "operatesIn", "Peru")},
    ),
    (
        "a second clause without its copula",
        "Most of Brisk Orchard's stores are in Ohio, and the rest mainly in New Mexico.",
        {
            ("presence", "Brisk Orchard", "operatesIn", "Ohio"),
            ("presence", "Brisk Orchard", "operatesIn", "New Mexico"),
        },
    ),
    (
        "a place modifying a subsidiary",
        "Quillfin said Norvale Systems's Brazil subsidiary grew.",
        {("presence", "Norvale Systems", "operatesIn", "Brazil")},
    ),
    (
        "a noun cue owned by an organisation noun",
        "Brisk Orchard said the company's Ohio market grew.",
        {("presence", "Brisk Orchard", "operatesIn", "Ohio")},
    ),
    (
        "a relative possessive's noun cue in a place",
        "Brisk Foods, whose stores are in Chile and Peru, said sales rose.",
        {
            ("presence", "Brisk Foods", "operatesIn", "Chile"),
            ("presence", "Brisk Foods", "operatesIn", "Peru"),
        },
    ),
    (
        "a relative possessive's headquarters",
        "Norvale Systems, whose headquarters are in Oslo, said sales rose.",
        {("presence", "Norvale Systems", "headquarteredIn", "Oslo")},
    ),
    (
        "a place noun cue of a named owner after it",
        "The Dublin office of Norvale Systems was closed.",
        {("presence", "Norvale Systems", "operatesIn", "Dublin")},
    ),
    (
        "a place owns a ranked noun cue in apposition",
        "Quillfin, Norway's second-largest telecom operator, cut prices.",
        {("presence", "Quillfin", "operatesIn", "Norway")},
    ),
    (
        "a place owns a noun cue ranked by a rank word, after a copula",
        "Quillfin is Britain's leading grocery chain.",
        {("presence", "Quillfin", "operatesIn", "Britain")},
    ),
    (
        "a place owns a ranked noun cue after a role marker",
        "Halden Bank retains its position as Mexico's largest challenger bank.",
        {("presence", "Halden Bank", "operatesIn", "Mexico")},
    ),
    (
        "a gapped clause after a reported copula",
        "Halden said about 90% of Brisk Orchard's stores are in Texas, and the rest primarily "
        "in New Mexico.",
        {
            ("presence", "Brisk Orchard", "operatesIn", "Texas"),
            ("presence", "Brisk Orchard", "operatesIn", "New Mexico"),
        },
    ),
    # nothing to read
    (
        "a conjunct before the reported copula is no gapped clause of it",
        "Halden opened a plant in Ohio and said Brisk Orchard's stores are in Texas.",
        {("presence", "Brisk Orchard", "operatesIn", "Texas")},
    ),
    ("a verb that is no cue", "Brisk Orchard left the Mexico market.", set()),
    ("a place that names a product line", "Quillfin sold its Windows PC business.", set()),
    ("a place as possessor", "Ohio's stores are in Dayton and Toledo.", set()),
    ("an unowned noun cue", "The Ohio market grew last year.", set()),
    ("not at a place", "Brisk Orchard is present at the trade fair.", set()),
    ("no cue", "Brisk Orchard is big in Texas.", set()),
    (
        "places given as examples of the markets a firm is present in",
        "Norvale is present in 12 markets, including Kenya and Peru.",
        {
            ("presence", "Norvale", "operatesIn", "Kenya"),
            ("presence", "Norvale", "operatesIn", "Peru"),
        },
    ),
    (
        "a place modifying an owned unit",
        "Norvale Telecom's Kenya unit reported a loss.",
        {("presence", "Norvale Telecom", "operatesIn", "Kenya")},
    ),
    (
        "examples of markets that are no places",
        "Norvale is present in 12 markets, including rivals such as Brisk Foods.",
        set(),
    ),
    (
        "places coordinated before an owned noun cue",
        "Norvale Systems sold its Idaho and Vermont businesses.",
        {
            ("presence", "Norvale Systems", "operatesIn", "Idaho"),
            ("presence", "Norvale Systems", "operatesIn", "Vermont"),
        },
    ),
    (
        "places coordinated before the market a verb cue's subject enters",
        "Norvale Pay expanded into the Idaho and Vermont markets.",
        {
            ("presence", "Norvale Pay", "operatesIn", "Idaho"),
            ("presence", "Norvale Pay", "operatesIn", "Vermont"),
        },
    ),
    (
        "a place coordinated with a name that is no place's, before a noun cue",
        "Norvale Systems sold its Idaho and Tarnix PC businesses.",
        set(),
    ),
    ("no owner", "The stores are in Texas.", set()),
    ("a subject that names nothing", "The Swiss brand is present in Europe and Asia.", set()),
    (
        "a brand that names nothing after it",
        "The budget brand of the group is present in Portugal.",
        set(),
    ),
    (
        "a place noun cue of an unnamed owner",
        "The Ohio plant of the group makes soup.",
        set(),
    ),
    (
        "a place that owns an unranked noun",
        "Quillfin, Norway's telecom operator, cut prices.",
        set(),
    ),
    ("a ranked noun that describes no one named", "Quillfin bought Norway's largest bank.", set()),
    ("a ranked noun of a place, no organisation", "Oslo's largest bank raised rates.", set()),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_presence_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(presence_candidates, text) == expected
