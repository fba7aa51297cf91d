"""Status, amount and date on facts: sentence -> qualifiers, through the real pipeline."""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.ingest import Article
from kg.nlp import parse
from kg.ontology import Ontology
from kg.qualifiers import Qualifiers, parse_money

CASES = [
    (
        "Veyra completed its acquisition of Solenne Foundry on June 3, 2025.",
        "acquired",
        Qualifiers("completed", None, None, "2025-06-03"),
    ),
    (
        "Tessaro Cloud has agreed to buy Pellwood Data for $1.2 billion in cash.",
        "acquired",
        Qualifiers("pending", Decimal(1_200_000_000), "USD", None),
    ),
    (
        "Halvane Capital plans to invest €40 million in Pellwood Data.",
        "investedIn",
        Qualifiers("planned", Decimal(40_000_000), "EUR", None),
    ),
    (
        "Ostrander Ventures announced on 4 March 2024 a £25 million investment in Quillfin.",
        "investedIn",
        Qualifiers("announced", Decimal(25_000_000), "GBP", "2024-03-04"),
    ),
    (
        "Norvale Systems will launch the Tarnix-9 accelerator next year.",
        "launched",
        Qualifiers("planned", None, None, None),
    ),
    ("Marrowby is headquartered in Leeds.", "headquarteredIn", Qualifiers()),
]


@pytest.mark.parametrize(("text", "predicate", "expected"), CASES, ids=[c[1] for c in CASES])
def test_qualifiers(
    text: str, predicate: str, expected: Qualifiers, nlp: Language, ontology: Ontology
) -> None:
    article = Article(id="q", text=text, source="q")
    facts = [
        f for p in parse(nlp, [article]) for f in extract(p, ontology) if f.predicate == predicate
    ]
    assert facts, f"no {predicate} fact in {text!r}"
    assert {f.qualifiers for f in facts} == {expected}


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$1.3 billion", Decimal(1_300_000_000), "USD"),
        ("€24,900", Decimal(24_900), "EUR"),
        ("approximately $16 million", Decimal(16_000_000), "USD"),
        ("US$5bn", Decimal(5_000_000_000), "USD"),
        ("3.5 billion yuan", Decimal(3_500_000_000), "CNY"),
        ("a few dollars", None, "USD"),
    ],
)
def test_parse_money(text: str, amount: Decimal | None, currency: str, ontology: Ontology) -> None:
    assert parse_money(text, ontology) == (amount, currency)
