"""Funding rounds: "Ferrolith raised $120 million in a round led by Halcyon, with participation
from Oakmere": everyone who leads or joins a company's funding invests in it."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.clauses import negated, subjects_of
from kg.extract.model import Candidate, Mention, View
from kg.extract.refer import refer


def funding_candidates(view: View) -> Iterator[Candidate]:
    """Every `kg:fundingVerb` that takes money or a `kg:fundingNoun`, with who gave it."""
    ontology = view.ontology
    predicate = ontology.patterns["funding"].yields
    for verb in view.sent:
        lemma = verb.lemma_.lower()
        if lemma not in ontology.funding_verbs or negated(verb):
            continue
        money = [c for c in verb.children if c.dep_ == "dobj"]
        if not any(c.ent_type_ == "MONEY" or c.lemma_ in ontology.funding_nouns for c in money):
            continue
        investors: list[Mention] = []
        for token in verb.subtree:
            led = token.dep_ == "agent" and token.head.dep_ == "acl"  # "a round led by X"
            if led or token.lower_ in ontology.grammar.source_prepositions:
                investors += [m for c in token.children if c.dep_ == "pobj" for m in refer(view, c)]
        subjects = tuple(subjects_of(view, verb))
        yield Candidate(predicate, tuple(investors), subjects, "funding", verb, lemma)
