"""The possessive family alone: who made a product, from possessives and appositions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.possessives import possessive_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "possessive name",
        "Analysts liked Ferngate's Quillon.",
        {("possessive", "Ferngate", "developed", "Quillon")},
    ),
    (
        "product in apposition",
        "Quillcore, Quillfin's inference engine, runs on small servers.",
        {("apposition", "Quillfin", "developed", "Quillcore")},
    ),
    (
        "product in apposition, new names",
        "Velto, Ferngate Labs' budget phone, sold out.",
        {("apposition", "Ferngate Labs", "developed", "Velto")},
    ),
    (
        "its own",
        "Ferngate Labs is designing its own chips (Kestrel) for its servers.",
        {("apposition", "Ferngate Labs", "developed", "Kestrel")},
    ),
    (
        "maker noun between product and maker",
        "Analysts prefer Quillon maker Ferngate Labs to its rivals.",
        {("apposition", "Ferngate Labs", "developed", "Quillon")},
    ),
    (
        "coordinated maker nouns keep their pairs",
        "It lost players to rivals like Quillon maker Ferngate Labs and Kestrel maker Norvale"
        " Systems.",
        {
            ("apposition", "Ferngate Labs", "developed", "Quillon"),
            ("apposition", "Norvale Systems", "developed", "Kestrel"),
        },
    ),
    (
        "its named product before a product noun",
        "Brisk Foods said its Crumbly Oats app sold well.",
        {("apposition", "Brisk Foods", "developed", "Crumbly Oats")},
    ),
    (
        "a numbered model tagged an organisation",
        "Analysts liked Ferngate Labs' Kestrel 360 this year.",
        {("possessive", "Ferngate Labs", "developed", "Kestrel 360")},
    ),
    (
        "a product noun from a company",
        "The Wayline phone from Quillfin Inc. goes on sale in May.",
        {("apposition", "Quillfin Inc.", "developed", "Wayline")},
    ),
    (
        "an apposed product noun from a company",
        "Norvale bought Wayline, a chatbot from Quillfin Labs.",
        {("apposition", "Quillfin Labs", "developed", "Wayline")},
    ),
    (
        "a copula gives the name an owned product noun",
        "Kestrel X2 is Norvale Systems' newest drone.",
        {("apposition", "Norvale Systems", "developed", "Kestrel X2")},
    ),
    # nothing to read
    ("a maker noun with no name before it", "Shares of chip maker Quillfin rose.", set()),
    ("its product noun with no name", "Brisk Foods said its new app sold well.", set()),
    ("shares are no product", "Ferngate Labs' shares fell on Monday.", set()),
    ("no maker", "The Quillon headset sold out on Monday.", set()),
    ("a place is no maker", "Norway's Tessaro Cloud said sales rose.", set()),
    ("a place is no maker of a product", "Norway's Tessaro phone sold well.", set()),
    (
        "an unnamed product from a company",
        "Brisk ordered engines from Norvale Systems.",
        set(),
    ),
    (
        "a copula with an owned noun that names no product",
        "Brisk Foods is Norvale Systems' biggest customer.",
        set(),
    ),
    (
        "an owner's model the tagger counts with",
        "Norvale's 4QX console sold well.",
        {("apposition", "Norvale", "developed", "4QX")},
    ),
    (
        "an owner's names sharing a product noun",
        "Brisk Foods deployed Norvale's Tarnix and Kestrel platforms.",
        {
            ("apposition", "Norvale", "developed", "Tarnix"),
            ("apposition", "Norvale", "developed", "Kestrel"),
        },
    ),
    (
        "an owner's product named before a word for its kind of software",
        "Brisk's tools are built on top of Norvale's Kestrel language.",
        {("apposition", "Norvale", "developed", "Kestrel")},
    ),
    (
        "the named examples of an owner's products",
        "Norvale Systems' models, including Kestrel and Orbis, are popular.",
        {
            ("apposition", "Norvale Systems", "developed", "Kestrel"),
            ("apposition", "Norvale Systems", "developed", "Orbis"),
        },
    ),
    (
        "the named examples of an owner's customers are no products",
        "Norvale Systems' customers, including Brisk Foods, are happy.",
        set(),
    ),
    (
        "whose named product",
        "Norvale Pay, the company whose Tapwise checkout app is used by 40,000 merchants, grew.",
        {("apposition", "Norvale Pay", "developed", "Tapwise")},
    ),
    (
        "its product, named with a word for its kind",
        "Norvale Pay said it would launch its Tarn Wallet in the autumn.",
        {("possessive", "Norvale Pay", "developed", "Tarn Wallet")},
    ),
    (
        "its unit, named with a word for an organisation",
        "Norvale Pay said it would sell its Tarn Bank in the autumn.",
        set(),
    ),
    (
        "a noun for a firm between two names is no maker noun",
        "Jane Roe founded the Film and Media company Tarnix Pictures in 2009.",
        set(),
    ),
    (
        "the company's product, named before its kind, as its product",
        "Tallow Corp. grew fast because the company's Zentro X1 truck sold well.",
        {("apposition", "Tallow Corp.", "developed", "Zentro X1")},
    ),
    (
        "a company's product is nobody's",
        "Tallow Corp. grew fast because a company's Zentro X1 truck sold well.",
        set(),
    ),
    (
        "a pronoun's product noun with the name in apposition after it",
        "Tallow Corp. said its new flagship model, Zentro Large, is available now.",
        {("apposition", "Tallow Corp.", "developed", "Zentro Large")},
    ),
    (
        "no product: a partner in apposition",
        "Tallow Corp. said its partner, Harwick Inc., is happy.",
        set(),
    ),
    (
        "organisations after a product noun are no examples of it",
        "Tallow Corp. listed several carmakers that will use Harwick's Zentro chips, including "
        "Quillfin Ltd. and Brisko Motors.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_possessive_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(possessive_candidates, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a product noun right before the name says what it names
            "Norvale Therapeutics said its experimental drug NT4471 failed a trial.",
            {("Norvale Therapeutics", "developed", "NT4471")},
        ),
        ("Norvale Therapeutics said its Kestrel grew fast.", set()),  # a bare name: no maker
    ],
)
def test_pronoun_owner_of_a_described_name(
    text: str,
    expected: set[tuple[str, str, str]],
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    assert {t for t in resolved(text) if t[1] == "developed"} == expected
