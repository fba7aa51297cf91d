"""The spaCy pass: what reaches the parser as one unit of text."""

from __future__ import annotations

import textwrap

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.ingest import Article
from kg.nlp import paragraphs, parse
from kg.ontology import Ontology

STORY = (
    "Norvale Systems said on Tuesday that it had agreed to buy Brisk Foods for $2 billion in "
    "cash, a deal that would give the software maker a foothold in retail logistics. The "
    "company expects the deal to close next year.\n\n"
    "Brisk Foods chief executive Ada Lind said the two firms had talked for months about a "
    "combination."
)


def _wrapped(width: int) -> str:
    return "Norvale to buy Brisk\n" + "\n\n".join(
        textwrap.fill(p, width) for p in STORY.split("\n\n")
    )


@pytest.mark.parametrize("width", [52, 72, 79])
def test_hard_wrapped_lines_come_as_their_paragraph(width: int) -> None:
    text = _wrapped(width)
    units = list(paragraphs(text))
    assert [line for _, line in units] == ["Norvale to buy Brisk", *STORY.split("\n\n")]
    for offset, line in units:
        assert text[offset : offset + len(line)].replace("\n", " ") == line


@pytest.mark.parametrize(
    "text",
    [
        "Norvale to buy Brisk\nNorvale Systems agreed to buy Brisk Foods.\nThe deal closes soon.",
        "A short line\nanother short line\nand one more\nand the last",
        STORY,
    ],
    ids=["headline and paragraphs", "short lines", "long paragraphs"],
)
def test_lines_that_are_paragraphs_stay_lines(text: str) -> None:
    lines = [line for line in text.split("\n") if line.strip()]
    assert [line for _, line in paragraphs(text)] == lines


def test_a_fact_across_a_line_break_is_read(nlp: Language, ontology: Ontology) -> None:
    text = _wrapped(60)
    assert "to buy\nBrisk Foods" in text  # the fact's object starts the next line
    parsed = next(parse(nlp, [Article(id="w", text=text, source="w.txt")]))
    got = {(f.subject.text, f.predicate, f.object.text) for f in extract(parsed, ontology)}
    assert ("Norvale Systems", "acquired", "Brisk Foods") in got
    for fact in extract(parsed, ontology):
        start, end = fact.evidence.start, fact.evidence.end
        assert text[start:end].replace("\n", " ") == fact.evidence.text
