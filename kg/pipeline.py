"""The build: ingest -> nlp -> extract -> resolve -> graph, for the CLI and for library users."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from rdflib import Graph
from spacy.language import Language

from kg.aliases import AliasGroup
from kg.extract import Fact, extract
from kg.graph import add_articles, add_entities, add_facts, known_entities, new_graph
from kg.ingest import Article, Problem, read_articles
from kg.nlp import parse
from kg.ontology import Ontology
from kg.resolve import resolve


@dataclass(frozen=True)
class BuildResult:
    graph: Graph
    articles: int
    facts: int
    entities: int


def read(inputs: Sequence[str], stdin: TextIO | None = None) -> tuple[list[Article], list[Problem]]:
    """Every readable article, and a Problem for each one that is not."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_articles(inputs, stdin):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return articles, problems


def build(
    articles: Sequence[Article],
    ontology: Ontology,
    nlp: Language,
    into: Graph | None = None,
    jobs: int = 1,
    min_confidence: float = 0.0,
    aliases: Sequence[AliasGroup] = (),
    progress: Callable[[Article], None] | None = None,
) -> BuildResult:
    """Build a graph from articles, or add them to `into`."""
    facts: list[Fact] = []
    for parsed in parse(nlp, articles, jobs=jobs):
        facts.extend(f for f in extract(parsed, ontology) if f.confidence >= min_confidence)
        if progress is not None:
            progress(parsed.article)
    graph = into if into is not None else new_graph()
    resolution = resolve(facts, ontology, known_entities(graph, ontology), aliases)
    add_articles(graph, articles)
    add_entities(graph, resolution.entities, ontology)
    add_facts(graph, resolution.facts, ontology)
    return BuildResult(graph, len(articles), len(resolution.facts), len(resolution.entities))
