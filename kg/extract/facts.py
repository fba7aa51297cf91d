"""Candidates -> facts: the one place where what every pattern reads is denied or kept,
qualified, scored, paired and deduplicated."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.extract.model import Candidate, Evidence, Fact, Mention, View
from kg.extract.refer import is_reference, unique_mentions
from kg.qualifiers import NONE, denied, qualify


def stated(view: View, candidates: Iterable[Candidate], article: str) -> list[Fact]:
    """Every fact the candidates state, each reading of it (`distinct` keeps one): none that
    its anchor word denies or hedges ("did not acquire"); each qualified by its anchor
    (status, amount, date); scored by its pattern's prior, less when its subject is a pronoun
    or description standing for a name; a symmetric property paired between every two
    parties of a pairwise candidate."""
    sent = view.sent
    evidence = Evidence(view.text, view.offset + sent.start_char, view.offset + sent.end_char)
    return [f for c in candidates for f in _stated(view, c, article, evidence)]


def distinct(facts: Iterable[Fact]) -> Iterator[Fact]:
    """Each fact once, as first stated, and none of a name to itself."""
    seen: set[tuple[str, str, str]] = set()
    for fact in facts:
        key = (fact.subject.text, fact.predicate, fact.object.text)
        if fact.subject.text != fact.object.text and key not in seen:
            seen.add(key)
            yield fact


def _stated(view: View, candidate: Candidate, article: str, evidence: Evidence) -> Iterator[Fact]:
    ontology = view.ontology
    prop = ontology.properties[candidate.predicate]
    pairs = list(_pairs(candidate, prop.symmetric))
    if not pairs:
        return
    anchor, qualifiers, offset = candidate.anchor, NONE, -1
    if anchor is not None:
        if denied(anchor, ontology):
            return
        qualifiers = qualify(anchor, ontology)
        if not prop.takes_status:
            qualifiers = replace(qualifiers, status=None)
        offset = view.offset + anchor.idx
    if candidate.status:  # "former chief executive": a state that has ended
        qualifiers = replace(qualifiers, status=candidate.status)
    prior = ontology.priors[" ".join(filter(None, (candidate.pattern, candidate.variant)))]
    for subject, obj in pairs:
        confidence = prior * (ontology.reference_factor if is_reference(subject, view) else 1.0)
        yield Fact(
            subject,
            candidate.predicate,
            obj,
            article,
            evidence,
            candidate.pattern,
            confidence,
            qualifiers,
            candidate.cue,
            offset,
        )


def _pairs(candidate: Candidate, symmetric: bool) -> Iterator[tuple[Mention, Mention]]:
    if not candidate.pairwise:
        yield from ((s, o) for s in candidate.subjects for o in candidate.objects)
    elif symmetric:  # "A, B and C teamed up": A-B, A-C, B-C
        parties = unique_mentions(list(candidate.subjects))
        yield from ((a, b) for i, a in enumerate(parties) for b in parties[i + 1 :])
