"""The pattern families, by the name the ontology enables them with (`kg:patternName`).

A family is a pure function from one sentence's `View` to the `Candidate`s it reads there;
`kg/extract/facts.py` turns candidates into facts. To add one: write the function in a module
here, register it below, and declare it in the ontology (`a kg:Pattern`, its `kg:patternName`,
what it `kg:yields` or `kg:readsCue`, and the `kg:prior` of each pattern name it records).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.extract.model import Candidate, View
from kg.extract.patterns.brands import brand_candidates
from kg.extract.patterns.funding import funding_candidates
from kg.extract.patterns.lists import list_candidates
from kg.extract.patterns.nouns import noun_candidates
from kg.extract.patterns.places import place_candidates, presence_candidates
from kg.extract.patterns.possessives import possessive_candidates
from kg.extract.patterns.technology import technology_candidates
from kg.extract.patterns.titles import affiliation_candidates, title_candidates
from kg.extract.patterns.verbs import verb_candidates

Family = Callable[[View], Iterator[Candidate]]


@dataclass(frozen=True)
class Registered:
    """A family as the registry knows it."""

    find: Family
    readings: tuple[str, ...]  # the pattern names it records, with variants: each has a prior
    by_word: bool = False  # reads word by word, its candidates in the order of their anchors


# Of two facts alike the first found is kept: the families that read word by word go first,
# their candidates merged in text order, then the others in this order.
PATTERNS: dict[str, Registered] = {
    "verb": Registered(verb_candidates, ("verb", "verb-passive", "verb-pair"), by_word=True),
    "noun": Registered(
        noun_candidates,
        (
            "noun-owner",
            "noun-agent",
            "noun-described",
            "noun-verb",
            "noun-between",
            "noun-topic",
            "noun-topic pair",
            "noun-pair",
        ),
        by_word=True,
    ),
    "title": Registered(title_candidates, ("title", "title topic")),
    "funding": Registered(funding_candidates, ("funding", "funding topic")),
    "affiliation": Registered(affiliation_candidates, ("affiliation",)),
    "place": Registered(place_candidates, ("name-place", "described-place")),
    "presence": Registered(presence_candidates, ("presence",)),
    "possessive": Registered(possessive_candidates, ("possessive", "apposition")),
    "list": Registered(list_candidates, ("list-owner", "list-holder", "list-agent", "list-topic")),
    "technology": Registered(technology_candidates, ("technology",)),
    "brand": Registered(brand_candidates, ("brand", "unit")),
}


def candidates(view: View) -> Iterator[Candidate]:
    """What every family the ontology enables reads in the sentence."""
    enabled = [r for name, r in PATTERNS.items() if name in view.ontology.patterns]
    yield from heapq.merge(*(r.find(view) for r in enabled if r.by_word), key=_anchor)
    for registered in enabled:
        if not registered.by_word:
            yield from registered.find(view)


def _anchor(candidate: Candidate) -> int:
    return candidate.anchor.i if candidate.anchor is not None else -1
