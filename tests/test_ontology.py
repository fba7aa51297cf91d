"""Loading the ontology: the pattern registry checked against it, a user's trimmed copy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from kg import resources
from kg.errors import KGError
from kg.extract.patterns import PATTERNS
from kg.ingest import Article
from kg.ontology import Ontology, load_ontology
from kg.pipeline import build
from kg.vocab import KG

TEXT = (
    "Orrin Motors is building its own software (Wayline OS) for its cars. "
    "Lars Eikrem of Halvane Capital said Halvane Capital had invested $40 million in "
    "Orrin Motors. Norvale Systems launched the Tarnix-7 accelerator on Tuesday."
)


def user_ontology(tmp_path: Path, edit: str, new: str = "", regex: bool = False) -> Path:
    """A copy of the ontology with `edit` replaced (a regular expression if `regex`)."""
    text = resources.ontology().read_text(encoding="utf-8")
    edited = re.sub(edit, new, text, flags=re.S) if regex else text.replace(edit, new)
    assert edited != text
    path = tmp_path / "mine.ttl"
    path.write_text(edited, encoding="utf-8")
    return path


def test_the_default_ontology_enables_every_pattern(ontology: Ontology) -> None:
    assert set(ontology.patterns) == set(PATTERNS)
    assert ontology.patterns["funding"].yields == "investedIn"
    assert ontology.properties["acquired"].share_purchase == "investedIn"


def test_the_text_states_each_property(ontology: Ontology, nlp: Language) -> None:
    graph = build([Article(id="a", text=TEXT, source="test")], ontology, nlp).graph
    for prop in ("developed", "investedIn", "worksFor", "launched"):
        assert KG[prop] in set(graph.predicates())


@pytest.mark.parametrize(
    ("prop", "pattern"),
    [("developed", "possessive"), ("investedIn", "funding"), ("worksFor", "affiliation")],
)
def test_a_missing_property_turns_its_pattern_off(
    tmp_path: Path, nlp: Language, prop: str, pattern: str
) -> None:
    block = rf"\nkg:{prop} a owl:ObjectProperty.*?\s\.\n"
    ontology = load_ontology(user_ontology(tmp_path, block, "\n", regex=True))
    assert prop not in ontology.properties
    assert pattern not in ontology.patterns
    assert set(ontology.patterns) == set(PATTERNS) - {pattern}
    graph = build([Article(id="a", text=TEXT, source="test")], ontology, nlp).graph
    predicates = {p for p in graph.predicates() if str(p).startswith(str(KG))}
    assert KG[prop] not in predicates
    assert KG.launched in predicates  # the rest still works


def test_an_unknown_pattern_names_the_valid_ones(tmp_path: Path) -> None:
    path = user_ontology(tmp_path, 'kg:patternName "funding"', 'kg:patternName "fundraising"')
    with pytest.raises(KGError) as raised:
        load_ontology(path)
    message = str(raised.value)
    assert "unknown pattern 'fundraising' (kg:fundingPattern" in message
    assert f"Available names: {', '.join(PATTERNS)}" in message


def test_no_patterns_is_an_error(tmp_path: Path) -> None:
    path = user_ontology(tmp_path, " a kg:Pattern ;", " a owl:NamedIndividual ;")
    with pytest.raises(KGError, match="declares no kg:Pattern"):
        load_ontology(path)


def test_a_missing_prior_is_named(tmp_path: Path) -> None:
    path = user_ontology(tmp_path, ', "verb-pair 0.8"')
    with pytest.raises(KGError, match="needs a kg:prior for each of verb, verb-passive, verb-pair"):
        load_ontology(path)


def test_a_class_the_extractor_uses_must_be_defined(tmp_path: Path) -> None:
    path = user_ontology(tmp_path, "kg:Technology a owl:Class", "kg:Technology a owl:Thing")
    with pytest.raises(KGError, match="lacks classes the extractor uses: kg:Technology"):
        load_ontology(path)
