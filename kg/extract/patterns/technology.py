"""Technologies an owner runs: "its 5G network", "our LTE coverage":
a technology named before a noun for what is built or run with it (a `kg:toolNoun`) is used
by the noun's owner."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.model import Candidate, Mention, View
from kg.extract.refer import mention_of, not_place, refer


def technology_candidates(view: View) -> Iterator[Candidate]:
    ontology = view.ontology
    predicate = ontology.patterns["technology"].yields
    for word in view.words:
        if word.pos != "NOUN" or word.lemma not in ontology.grammar.tool_nouns:
            continue
        noun = word.token
        terms = [s for s in (_term(view, t) for t in _modifiers(noun)) if s is not None]
        if not terms:
            continue
        owners = tuple(
            m
            for c in noun.children
            if c.dep_ == "poss" and not_place(view, c)
            for m in refer(view, c, coordinate=False)
            if m.ner != "PERSON"
        )
        if not owners:  # "a Brisk Mobile 5G network": the operator named before the technology
            owners = _named_operators(view, noun, terms)
        used = tuple(mention_of(view, t, "Technology") for t in terms)
        if owners:
            yield Candidate(predicate, owners, used, "technology", noun, noun.lemma_.lower())


def _modifiers(noun: Token) -> list[Token]:
    """The words before the noun that modify it, with their conjuncts ("its 4G and 5G
    networks")."""
    found = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    return found + [j for c in found for j in c.conjuncts if j.i < noun.i]


def _term(view: View, token: Token) -> Span | None:
    """The technology the ontology knows a modifier and the words before it in its phrase
    to be ("5G", "generative AI"), or None."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det"]
    span = view.sent.doc[words[0].i : token.i + 1] if words else None
    if span is None or view.ontology.class_of_term(span.text) != "Technology":
        return None
    return span


def _named_operators(view: View, noun: Token, terms: list[Span]) -> tuple[Mention, ...]:
    """The organisation whose name modifies the noun before the technology's words, with no
    owner before it ("a Brisk Mobile 5G network"); not a place ("the Harwick 5G network")."""
    first = min(t.start for t in terms)
    return tuple(
        m
        for c in noun.children
        if c.dep_ in ("compound", "nmod")
        and c.i < first
        and c.i in view.names
        and view.names[c.i].end <= first
        and not_place(view, c)
        for m in refer(view, c, coordinate=False)
        if m.ner != "PERSON"
    )
