"""What qualifies a fact: its status, the money and the date that belong to it.

A fact found at a cue word ("acquired", "investment") is qualified by the words around that
cue: modal and intent verbs make it planned ("will launch", "plans to buy"), agreement words
pending ("agreed to acquire"), announcement verbs announced, a past tense completed; a MONEY
entity hanging off the cue is its amount ("a $1.3 billion investment", "for $35 billion"),
and a full DATE entity its date ("on 4 March 2024"). The words come from the ontology.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from spacy.tokens import Span, Token

from kg.ingest import iso_date
from kg.ontology import Ontology

# "Omnira, a subsidiary of X, denied ...": what describes a noun is not negated with its verb
DESCRIPTIONS = frozenset({"appos", "relcl", "pobj", "amod"})
NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?")


@dataclass(frozen=True)
class Qualifiers:
    status: str | None = None  # planned, pending, announced, completed; former (a past job)
    amount: Decimal | None = None
    currency: str | None = None  # ISO 4217 code
    date: str | None = None  # ISO date


NONE = Qualifiers()
FORMER = "former"  # the status of a state that has ended: "former chief executive"


def qualify(anchor: Token, ontology: Ontology) -> Qualifiers:
    """The status, amount and date of a fact stated at `anchor` (its verb or noun)."""
    ents = anchor.doc.ents  # spaCy makes the doc's entities anew on every `ents`
    amount, currency = _money(anchor, ontology, _reaches(ents, "MONEY"))
    return Qualifiers(_status(anchor, ontology), amount, currency, _date(anchor, ents))


def clause(anchor: Token, stop: frozenset[str] = frozenset()) -> list[Token]:
    """The anchor and the words above it in its sentence, nearest first, up to a word whose
    relation is in `stop`."""
    chain, token = [anchor], anchor
    while token.head.i != token.i and len(chain) < 6 and token.dep_ not in stop:
        token = token.head
        chain.append(token)
    return chain


def denied(anchor: Token, ontology: Ontology) -> bool:
    """Is the fact negated or only hedged? "did not acquire", "no plans to take a stake",
    "reports that it was weighing a bid", "if it were to launch". A cue in brackets is
    stated there whatever hedges the words outside ("whether for X (acquired by Y)")."""
    inside = _brackets(anchor)
    chain = clause(anchor, DESCRIPTIONS)
    for below, token in zip([None, *chain], chain, strict=False):
        if token.i not in inside:
            break
        for child in token.children:
            if child.i not in inside:
                continue
            negative = child.dep_ == "det" and child.lower_ in ontology.grammar.negative_determiners
            if child.dep_ == "neg" or negative:
                return True
            if child.dep_ in ("mark", "advmod") and child.lower_ in ontology.hedge_words:
                return True
        # a verb the one below is coordinated with does not govern it: "X reported strong
        # sales and bought Y" (its negation and "if" do: "X did not buy Y and sell Z"); nor
        # does a verb its subject: "X's parent, Y, reported results" (who reports is stated)
        governed = below is None or below.dep_ not in ("conj", "nsubj")
        if token.lemma_.lower() in ontology.hedge_words and governed:
            return True
    return False


def _brackets(anchor: Token) -> range:
    """The positions of the words in the innermost brackets around the anchor within its
    sentence, or of the whole sentence."""
    sent = anchor.sent
    opening = next(
        (t.i for t in reversed(sent.doc[sent.start : anchor.i]) if t.text in ("(", ")")), None
    )
    closing = next((t.i for t in sent.doc[anchor.i + 1 : sent.end] if t.text in ("(", ")")), None)
    doc = anchor.doc
    if opening is None or closing is None or doc[opening].text != "(" or doc[closing].text != ")":
        return range(sent.start, sent.end)
    return range(opening + 1, closing)


def _status(anchor: Token, ontology: Ontology) -> str | None:
    """The strongest status any verb above the anchor gives: planned over pending over
    completed over announced ("is expected to unveil" is planned); else a past tense."""
    found = set()
    past = False
    for token in clause(anchor):
        lemmas = {token.lemma_.lower()} | {
            c.lemma_.lower() for c in token.children if c.dep_ in ("aux", "auxpass")
        }
        found |= {status for status, words in ontology.status_words.items() if lemmas & words}
        past = past or (token.pos_ == "VERB" and token.tag_ in ("VBD", "VBN"))
    for status in ("planned", "pending", "completed", "announced"):
        if status in found:
            return status
    return "completed" if past else None


# a doc's entities of one label, each with the words its words hang off: its root and the
# words up to three steps above it
Reaches = list[tuple[Span, frozenset[int]]]


def _reaches(ents: Sequence[Span], label: str) -> Reaches:
    found = []
    for ent in ents:
        if ent.label_ != label:
            continue
        token = ent.root
        reach = [token.i]
        while token.head.i != token.i and len(reach) < 4:
            token = token.head
            reach.append(token.i)
        found.append((ent, frozenset(reach)))
    return found


def _entity_near(anchor: Token, reaches: Reaches) -> Span | None:
    """The first entity whose words hang off the anchor (at most three steps down)."""
    return next((ent for ent, reach in reaches if anchor.i in reach), None)


def _money(
    anchor: Token, ontology: Ontology, reaches: Reaches
) -> tuple[Decimal | None, str | None]:
    ent = _entity_near(anchor, reaches)
    return parse_money(ent.text, ontology) if ent is not None else (None, None)


def parse_money(text: str, ontology: Ontology) -> tuple[Decimal | None, str | None]:
    """ "$1.3 billion" -> (1300000000, "USD"); "€24,900" -> (24900, "EUR")."""
    lower = text.lower()
    currency = next((code for mark, code in ontology.currencies.items() if mark in lower), None)
    match = NUMBER.search(lower)
    if match is None:
        return None, currency
    try:
        value = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:
        return None, currency
    total = value * ontology.grammar.scales.get(match.group(2) or "", 1)
    if total == total.to_integral_value():
        total = total.quantize(Decimal(1))
    return total, currency


def _date(anchor: Token, ents: Sequence[Span]) -> str | None:
    """A full date said of the anchor or of a verb above it ("..., the company said on 4 May").
    `ents`: the doc's entities."""
    reaches = _reaches(ents, "DATE")
    for token in clause(anchor):
        ent = _entity_near(token, reaches)
        if ent is not None:
            text = re.sub(r"^(?:on\s+)?[A-Z][a-z]+day,?\s+", "", ent.text)
            return iso_date(text)
    return None
