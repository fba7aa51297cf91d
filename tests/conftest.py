"""Shared fixtures: the real spaCy pipeline and ontology, loaded once per session, and a
pattern family run alone on a sentence."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from itertools import combinations, product

import pytest
from spacy.language import Language

from kg.extract import View, extract, view_of
from kg.extract.model import Focus
from kg.extract.names import read_article_names
from kg.extract.patterns import Family
from kg.ingest import Article
from kg.nlp import load_model, parse
from kg.ontology import Ontology, load_ontology
from kg.resolve import resolve

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="session")
def view(nlp: Language, ontology: Ontology) -> Callable[[str], View]:
    """The first sentence of a one-paragraph text as the patterns see it, nothing read before."""

    def make(text: str) -> View:
        parsed = next(parse(nlp, [Article(id="t", text=text, source="test")]))
        paragraph = parsed.paragraphs[0]
        article_names, found = read_article_names(parsed.paragraphs, ontology)
        names = found[0]
        focus = Focus(ontology.corporate_suffixes, article_names)
        sent = next(iter(paragraph.doc.sents))
        return view_of(sent, paragraph.offset, names, ontology, focus)

    return make


@pytest.fixture(scope="session")
def reads(view: Callable[[str], View]) -> Callable[[Family, str], set[Reading]]:
    """What one pattern family alone reads in a sentence, before facts are made of it."""

    def run(family: Family, text: str) -> set[Reading]:
        found: set[Reading] = set()
        for c in family(view(text)):
            pairs = combinations(c.subjects, 2) if c.pairwise else product(c.subjects, c.objects)
            found |= {(c.pattern, s.text, c.predicate, o.text) for s, o in pairs}
        return found

    return run


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """With KG_REQUIRE_ALL=1 (CI), a skipped test fails: CI must install what tests need."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and os.environ.get("KG_REQUIRE_ALL") == "1":
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where nothing may be skipped: {report.longrepr}"


Triple = tuple[str, str, str]


@pytest.fixture(scope="session")
def resolved(nlp: Language, ontology: Ontology) -> Callable[[str], set[Triple]]:
    """The facts a one-article text gives once resolved, as (subject, property, object) labels."""

    def run(text: str) -> set[Triple]:
        article = Article(id="t", text=text, source="test")
        found = [f for parsed in parse(nlp, [article]) for f in extract(parsed, ontology)]
        return {
            (f.subject.label, f.predicate, f.object.label) for f in resolve(found, ontology).facts
        }

    return run
