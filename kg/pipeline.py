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
from kg.score import Scorer, load_scorer, score_facts


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


def candidates(
    articles: Sequence[Article],
    ontology: Ontology,
    nlp: Language,
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
) -> list[Fact]:
    """Every fact the patterns read in the articles, before resolution and scoring."""
    facts: list[Fact] = []
    for parsed in parse(nlp, articles, jobs=jobs):
        facts.extend(extract(parsed, ontology))
        if progress is not None:
            progress(parsed.article)
    return facts


def build(
    articles: Sequence[Article],
    ontology: Ontology,
    nlp: Language,
    into: Graph | None = None,
    jobs: int = 1,
    min_confidence: float | None = None,
    aliases: Sequence[AliasGroup] = (),
    progress: Callable[[Article], None] | None = None,
    scorer: Scorer | None = None,
) -> BuildResult:
    """Build a graph from articles, or add them to `into`. Facts less likely than
    `min_confidence` (default: the scorer's threshold) are left out."""
    facts = candidates(articles, ontology, nlp, jobs, progress)
    graph = into if into is not None else new_graph()
    resolution = resolve(facts, ontology, known_entities(graph, ontology), aliases)
    scorer = scorer or load_scorer()
    threshold = scorer.threshold if min_confidence is None else min_confidence
    symmetric = frozenset(p.name for p in ontology.properties.values() if p.symmetric)
    kept = [
        f
        for f in score_facts(resolution.facts, scorer, symmetric)
        if f.fact.confidence >= threshold
    ]
    used = {e.key for f in kept for e in (f.subject, f.object)}
    entities = [e for e in resolution.entities if e.key in used]
    add_articles(graph, articles)
    add_entities(graph, entities, ontology)
    add_facts(graph, kept, ontology)
    return BuildResult(graph, len(articles), len(kept), len(entities))
