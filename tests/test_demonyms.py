"""Nationality adjectives read as countries, from CLDR's names (through Babel)."""

from __future__ import annotations

import pytest

from kg.extract.demonyms import country_of
from kg.ontology import Ontology


@pytest.mark.parametrize(
    ("adjective", "country"),
    [
        ("Italian", "Italy"),  # the name and an ending
        ("Canadian", "Canada"),  # the name without its last letter and an ending
        ("Nigerian", "Nigeria"),  # also "Niger" + "ian": the longer name is meant
        ("Dutch", "Netherlands"),  # a language whose likely country shares its code
        ("Danish", "Denmark"),  # a language whose likely country has its first letter
        ("Korean", "South Korea"),
        ("English", None),  # a language whose likely country is another's
        ("Portuguese", None),
        ("American", None),  # no country's name gives it
        ("Zorbish", None),
        ("italian", None),  # an adjective of nationality is capitalised
    ],
)
def test_country_of(adjective: str, country: str | None, ontology: Ontology) -> None:
    assert country_of(adjective, ontology.grammar.demonym_endings) == country


def test_no_endings_no_countries_from_names(ontology: Ontology) -> None:
    assert country_of("Canadian", frozenset()) is None
    assert country_of("French", frozenset()) == "France"  # a language's name needs no ending
