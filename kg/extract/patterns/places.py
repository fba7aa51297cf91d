"""Where an organisation is based, from how it is named: "X, a Hong Kong construction firm",
"Acme Corp. of Pittsburgh", "Giessen's Acme Bank"."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.clauses import prep_objects
from kg.extract.model import Candidate, View
from kg.extract.refer import mention_of, refer


def place_candidates(view: View) -> Iterator[Candidate]:
    ontology = view.ontology
    predicate = ontology.patterns["place"].yields
    for token in view.sent:
        name = view.names.get(token.i)
        if name is not None and token.i == name.root.i and token.ent_type_ == "ORG":
            preps = ontology.grammar.place_prepositions
            words = [c for prep in preps for c in prep_objects(view, token, prep)]
            words += [c for c in token.children if c.dep_ == "poss" and c.i in view.names]
            places = tuple(
                m
                for c in words
                for m in refer(view, c, coordinate=False)
                if m.ner in ("GPE", "LOC")
            )
            yield Candidate(predicate, (mention_of(view, name),), places, "name-place")
        if (
            name is None
            and token.dep_ == "appos"
            and token.head.i in view.names
            and ontology.class_of_head_noun(token.lemma_.lower()) == "Organization"
        ):
            places = tuple(
                m
                for c in token.children
                if c.dep_ in ("compound", "nmod") and c.ent_type_ in ("GPE", "LOC")
                for m in refer(view, c)
            )
            subject = (mention_of(view, view.names[token.head.i]),)
            yield Candidate(predicate, subject, places, "described-place")
