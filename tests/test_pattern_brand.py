"""The brand family alone: the brands an organisation has, runs or trades under."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.brands import brand_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "outlets a firm runs, and more coordinated with them",
        "Halden Group already operates Brisk supermarkets and Quill home improvement centres "
        "in Ostravia.",
        {
            ("brand", "Brisk", "subsidiaryOf", "Halden Group"),
            ("brand", "Quill", "subsidiaryOf", "Halden Group"),
        },
    ),
    (
        "outlets a firm has, counted",
        "Halden Foods has 2,658 Brisk convenience stores in Ostravia.",
        {("brand", "Brisk", "subsidiaryOf", "Halden Foods")},
    ),
    (
        "outlets a firm owns, two brands",
        "Halden Foods owns 40 Tarnix Market stores and 12 Quill hypermarkets.",
        {
            ("brand", "Tarnix Market", "subsidiaryOf", "Halden Foods"),
            ("brand", "Quill", "subsidiaryOf", "Halden Foods"),
        },
    ),
    (
        "a brand a firm trades under",
        "Halden Group also runs 570 service stations in Ostravia under the Brisk Fuel brand.",
        {("brand", "Brisk Fuel", "subsidiaryOf", "Halden Group")},
    ),
    (
        "a brand a firm's possessive owns",
        "Halden Foods will convert 39 of them to its Brisk Orchard brand.",
        {("brand", "Brisk Orchard", "subsidiaryOf", "Halden Foods")},
    ),
    (
        "a name that ends in a unit noun and begins with another name the sentence gives",
        "“The deal is one of the biggest orders in the history of Halvane,” said Jane Roe, CEO "
        "of Halvane Renewable Energy Division.",
        {("unit", "Halvane Renewable Energy Division", "subsidiaryOf", "Halvane")},
    ),
    (
        "another unit noun",
        "“It is a big order for Halvane,” said Jane Roe, head of the Halvane Energy Unit.",
        {("unit", "Halvane Energy Unit", "subsidiaryOf", "Halvane")},
    ),
    (
        "an organisation noun of a nationality an organisation owns, in apposition",
        "Brisk Mobile, Halvane's Danish operator, cut prices.",
        {("unit", "Brisk Mobile", "subsidiaryOf", "Halvane")},
    ),
    (
        "an organisation noun of a nationality an organisation owns, after a copula",
        "Brisk Mobile is Halvane's Danish business.",
        {("unit", "Brisk Mobile", "subsidiaryOf", "Halvane")},
    ),
    # nothing to read
    (
        "an owned organisation noun of no nationality",
        "Brisk Mobile, Halvane's operator, cut prices.",
        set(),
    ),
    ("a noun of another relation", "Halvane's Danish rival Brisk Mobile cut prices.", set()),
    ("a place owns it", "Brisk Mobile, Norway's Danish operator, cut prices.", set()),
    (
        "a name that ends in a unit noun, no other name the text gives begins it",
        "Jane Roe, CEO of Halvane Renewable Energy Division, spoke.",
        set(),
    ),
    (
        "a unit noun that names a unit's owner ends no unit's name",
        "“It is a big order for Halvane,” said Jane Roe, head of the Halvane Energy Parent.",
        set(),
    ),
    ("outlets in a place named before them", "Norvale Holdings has 40 Texas stores.", set()),
    ("outlets a firm supplies", "Tarnix Labs supplies Brisk stores across Ostravia.", set()),
    ("one store a firm runs", "Halden Foods runs the Quill store in Oslo.", set()),
    ("outlets a person owns", "Jane Roe owns two Brisk stores.", set()),
    ("a brand a firm sells under", "Halden Foods sells its phones under the Brisk brand.", set()),
    ("a product brand", "Sony expanded its PlayStation brand.", set()),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_brand_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(brand_candidates, text) == expected
