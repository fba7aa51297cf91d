"""The quick rule components (`kg.pipes`): the same parse as spaCy's own, token for token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.nlp import paragraphs
from kg.pipes import QuickRuler, pipe, quick_equivalent

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
ATTRS: list[int | str] = [
    "ORTH",
    "TAG",
    "POS",
    "MORPH",
    "LEMMA",
    "DEP",
    "HEAD",
    "ENT_IOB",
    "ENT_TYPE",
    "NORM",
]

OWN = [
    "",
    "   ",
    "Norvale's chief executive said they ain't gonna sell, but let's see.",
    "Quillfin Ltd. (Oslo) gotta ship 40 units; it won't -- and can't -- wait.",
    "I told you: we'd rather THEY didn't. Ça va? 東京 was quiet\u2009today.",
    "Tarnix acquired Brisk Systems for $4.2bn on 3 March 2025 , analysts said .",
    "- a list item\n\n  with a break and\ttabs",
    "Who's there? It's him; 'twas theirs, not hers.",
]


def annotated(doc: Doc) -> tuple[list[list[int]], list[str]]:
    return doc.to_array(ATTRS).tolist(), [str(t.morph) for t in doc]


def same_parses(nlp: Language, texts: list[str]) -> None:
    stock = list(nlp.pipe(texts, batch_size=16))
    quick = list(pipe(nlp, texts, 16))
    assert len(stock) == len(quick)
    for text, a, b in zip(texts, stock, quick, strict=True):
        assert annotated(a) == annotated(b), text


def test_own_sentences_parse_as_spacy_does(nlp: Language) -> None:
    same_parses(nlp, OWN)


@pytest.mark.parametrize("folder", ["seeds", "news-train/articles"])
def test_real_articles_parse_as_spacy_does(nlp: Language, folder: str) -> None:
    files = sorted(f for f in (SHARED / folder).iterdir() if f.suffix in (".txt", ".md"))
    assert files
    same_parses(nlp, [line for f in files for _, line in paragraphs(f.read_text("utf-8"))])


def test_the_default_model_runs_both_quick(nlp: Language) -> None:
    quick = {name for name, c in nlp.pipeline if quick_equivalent(c) is not None}
    assert quick == {"attribute_ruler", "lemmatizer"}


def ruler_pipeline(patterns: list[dict[str, Any]]) -> Language:
    blank = spacy.blank("en")
    blank.add_pipe("attribute_ruler")
    ruler(blank).add_patterns(patterns)
    return blank


def ruler(nlp: Language) -> AttributeRuler:
    found = nlp.get_pipe("attribute_ruler")
    assert isinstance(found, AttributeRuler)
    return found


COVERED: list[dict[str, Any]] = [
    {"patterns": [[{"TEXT": "Norvale"}]], "attrs": {"TAG": "NNP", "LEMMA": "norvale"}},
    {"patterns": [[{"LOWER": {"IN": ["sold", "bought"]}}, {}]], "attrs": {"TAG": "VBD"}},
    {"patterns": [[{"ORTH": {"REGEX": "^[0-9]+$"}}]], "attrs": {"TAG": "CD"}},
    {"patterns": [[{"NORM": {"NOT_IN": ["the", "a"]}, "IS_PUNCT": False}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us"}, "index": 1},
]


def test_a_ruler_with_every_covered_test_sets_what_spacy_sets() -> None:
    blank = ruler_pipeline(COVERED)
    assert QuickRuler.of(ruler(blank)) is not None
    texts = [*OWN, "Norvale sold 40  units, the rest bought 7.", "let's go"]
    stock = [blank(t) for t in texts]
    quick = list(pipe(blank, texts))
    for a, b in zip(stock, quick, strict=True):
        assert [(t.tag_, t.pos_, t.lemma_) for t in a] == [(t.tag_, t.pos_, t.lemma_) for t in b]
    assert [t.tag_ for t in quick[-2]][:3] == ["NNP", "VBD", "CD"]


@pytest.mark.parametrize(
    "token",
    [{"LOWER": "a", "OP": "?"}, {"LENGTH": {">=": 3}}, {"POS": "X"}, {"LOWER": {"FUZZY": "bb"}}],
)
def test_a_pattern_not_covered_leaves_the_ruler_as_it_is(token: dict[str, Any]) -> None:
    blank = ruler_pipeline([{"patterns": [[token]], "attrs": {"TAG": "X"}}])
    assert QuickRuler.of(ruler(blank)) is None
    assert [t.tag_ for t in next(pipe(blank, ["a bb ccc"]))] == [t.tag_ for t in blank("a bb ccc")]
