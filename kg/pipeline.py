"""The build: ingest -> nlp -> extract -> resolve -> graph, for the CLI and for library users."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TextIO

from spacy.language import Language

from kg.aliases import AliasGroup
from kg.cache import ParseCache, parse_cached
from kg.errors import TextError
from kg.extract import Fact, extract
from kg.graph import add_articles, add_entities, add_facts, entity_iri
from kg.index import GraphIndex, index_of, new_articles
from kg.ingest import Article, Problem, read_articles
from kg.nlp import Model, ParsedArticle, parse_alone
from kg.ontology import Ontology
from kg.rdfio import new_graph
from kg.resolve import Entity, Resolution, resolve
from kg.score import Scorer, load_scorer, score_facts
from kg.triples import GraphLike, collector_paused, left_out_of_collections


@dataclass(frozen=True)
class BuildResult:
    """A built graph, its counts as `kg stats` counts them (`kg.graph.stats`: a symmetric fact
    once), and the articles that failed. The graph is an rdflib Graph, or the `kg.triples.Triples`
    a graph file given as `into` was read into."""

    graph: GraphLike
    articles: int
    facts: int
    entities: int
    problems: tuple[Problem, ...] = ()  # articles that failed, each left out of the graph
    added: int = 0  # articles built into the graph this time (the rest came with `into`)
    model: str = ""  # the spaCy pipeline that read them: "lang_name version"
    timings: tuple[tuple[str, float], ...] = ()  # seconds each step took, in order
    index: GraphIndex | None = None  # the graph's index (`kg.index`), written beside it


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


@dataclass(frozen=True)
class Candidates:
    """What the patterns read, before resolution and scoring, and the articles read."""

    facts: tuple[Fact, ...]
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]  # articles that failed


def candidates(
    articles: Sequence[Article],
    ontology: Ontology,
    nlp: Language | Model,
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    cache: ParseCache | None = None,
    scheduler: str | None = None,
) -> Candidates:
    """Every fact the patterns read in the articles; a failed article becomes a Problem.
    Parses kept in `cache` are not made again."""
    model = nlp if isinstance(nlp, Model) else Model.of(nlp)
    facts: list[Fact] = []
    done: list[Article] = []
    problems: list[Problem] = []
    for article, found in _each_article(articles, ontology, model, jobs, cache, scheduler):
        if isinstance(found, Problem):
            problems.append(found)
        else:
            done.append(article)
            facts.extend(found)
        if progress is not None:
            progress(article)
    return Candidates(tuple(facts), tuple(done), tuple(problems))


def build(
    articles: Sequence[Article],
    ontology: Ontology,
    nlp: Language | Model,
    into: GraphLike | None = None,
    jobs: int = 1,
    min_confidence: float | None = None,
    aliases: Sequence[AliasGroup] = (),
    progress: Callable[[Article], None] | None = None,
    scorer: Scorer | None = None,
    cache: ParseCache | None = None,
    scheduler: str | None = None,
    index: GraphIndex | None = None,
) -> BuildResult:
    """Build a graph from articles, or add them to `into` (whose index, when known, spares
    reading all of it). Facts less likely than
    `min_confidence` (default: the scorer's threshold) are left out. An article that fails is
    left out and reported in `problems`; the others still build. `timings` holds the seconds
    spent parsing and extracting ("extract"; loading the model, if anything is parsed, too),
    resolving and adding to the graph ("merge") and counting the graph ("count")."""
    start = time.perf_counter()
    model = nlp if isinstance(nlp, Model) else Model.of(nlp)
    found = candidates(articles, ontology, model, jobs, progress, cache, scheduler)
    extracted = time.perf_counter()
    with collector_paused():  # the graph may hold millions of objects
        graph = into if into is not None else new_graph()
        index = index if index is not None else index_of(graph, ontology)
        known = index.known(found.facts, aliases, ontology.corporate_suffixes)
        resolution, found = _resolved(found, ontology, known, aliases)
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
        touched = [entity_iri(e) for e in entities]
        before = index.facts_among(graph, ontology, touched)
        articles_added = new_articles(graph, (a.id for a in found.articles))
        add_articles(graph, found.articles)
        add_entities(graph, entities, ontology)
        add_facts(graph, kept, ontology)
        merged = time.perf_counter()
        # only the entities just added to, and the facts between them, can have changed
        index = index.updated(graph, ontology, touched, before, articles_added)
        label = model.label
        result = result_of(graph, ontology, found.problems, len(found.articles), label, index)
        steps = {"extract": extracted - start, "merge": merged - extracted}
        return replace(result, timings=(*steps.items(), ("count", time.perf_counter() - merged)))


def _resolved(
    found: Candidates, ontology: Ontology, known: Sequence[Entity], aliases: Sequence[AliasGroup]
) -> tuple[Resolution, Candidates]:
    """All facts resolved together. Should that fail (a bug in kg that some text sets off),
    each article's facts are resolved alone: those that fail so become Problems, and the
    others are resolved together as before."""
    try:
        return resolve(found.facts, ontology, known, aliases), found
    except Exception:
        by_article: dict[str, list[Fact]] = {}
        for fact in found.facts:
            by_article.setdefault(fact.article, []).append(fact)
        failed: dict[str, str] = {}
        for article, facts in by_article.items():
            try:
                resolve(facts, ontology, known, aliases)
            except Exception as err:
                failed[article] = f"{type(err).__name__}: {err}"
        if not failed:
            raise
        reason = "article {} failed in resolution: {} (a bug in kg; please report it)"
        problems = [
            Problem(a.source, reason.format(a.id, failed[a.id]))
            for a in found.articles
            if a.id in failed
        ]
        kept = Candidates(
            tuple(f for f in found.facts if f.article not in failed),
            tuple(a for a in found.articles if a.id not in failed),
            (*found.problems, *problems),
        )
        return resolve(kept.facts, ontology, known, aliases), kept


def result_of(
    graph: GraphLike,
    ontology: Ontology,
    problems: Sequence[Problem],
    added: int,
    model: str = "",
    index: GraphIndex | None = None,
) -> BuildResult:
    """The BuildResult of a graph: its counts as `kg stats` gives them, from its index (read
    from the graph when not given)."""
    index = index if index is not None else index_of(graph, ontology)
    counts = {name: sum(rows.values()) for name, rows in index.counts.items()}
    return BuildResult(
        graph,
        counts["articles"],
        counts["facts"],
        counts["entities"],
        tuple(problems),
        added,
        model,
        index=index,
    )


Outcome = tuple[Article, list[Fact] | Problem]
CLUSTER_SHARES = 64  # shares of the articles sent to a cluster's workers


def _each_article(
    articles: Sequence[Article],
    ontology: Ontology,
    model: Model,
    jobs: int,
    cache: ParseCache | None,
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Each article's facts or its Problem, in order. With `jobs` > 1, worker processes each
    parse and extract a share of the articles and send back only the facts; with a
    `scheduler`, the workers of that Dask cluster do."""
    if scheduler is not None:
        from kg.cluster import on_cluster

        shares = _shares(articles, CLUSTER_SHARES)
        for done in on_cluster(scheduler, shares, ontology, model.name, cache):
            yield from done
        return
    if jobs == 1 or len(articles) < 2:
        yield from _serial(articles, ontology, model, cache)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if cache is None or not all(cache.path(cache.key(model, a)).is_file() for a in articles):
        model.load()  # before the fork, so that the workers share it
    fork = multiprocessing.get_context("fork")
    held = (ontology, model, cache)
    with (
        left_out_of_collections(),  # the workers' collections leave the parent's pages alone
        ProcessPoolExecutor(jobs, fork, initializer=_hold, initargs=held) as pool,
    ):
        for done in pool.map(_held, _tapering_shares(articles, jobs)):
            yield from done


# a worker's ontology, model and cache, set as it starts
_HELD: list[tuple[Ontology, Model, ParseCache | None]] = []


def _hold(ontology: Ontology, model: Model, cache: ParseCache | None) -> None:
    _HELD.append((ontology, model, cache))


def _held(articles: Sequence[Article]) -> list[Outcome]:
    return list(_serial(articles, *_HELD[-1]))


_MODELS: dict[str, Model] = {}  # the models a worker process has found, by name


def share_facts(
    articles: Sequence[Article], ontology: Ontology, model: str, cache: ParseCache | None
) -> list[Outcome]:
    """The work on one share of the articles, in any process: parse and extract."""
    if model not in _MODELS:
        _MODELS[model] = Model.find(model)
    return list(_serial(articles, ontology, _MODELS[model], cache))


def _shares(articles: Sequence[Article], count: int) -> list[Sequence[Article]]:
    """About `count` runs of articles of about equal text (several per worker, so that none
    waits long)."""
    size = sum(len(a.text) for a in articles) / count or 1
    shares: list[Sequence[Article]] = []
    start, length = 0, 0
    for end, article in enumerate(articles, 1):
        length += len(article.text)
        if length >= size:
            shares.append(articles[start:end])
            start, length = end, 0
    if start < len(articles):
        shares.append(articles[start:])
    return shares


def _tapering_shares(
    articles: Sequence[Article], jobs: int, smallest: float = 0.005
) -> list[Sequence[Article]]:
    """Runs of articles for `jobs` workers that each take the next as they finish one: each
    run 1 / (2 * jobs) of the text still left, down to `smallest` of all the text, so that
    the first runs are long and the last short, and no worker is left alone at the end."""
    total = sum(len(a.text) for a in articles)
    shares: list[Sequence[Article]] = []
    start, length, left = 0, 0, total
    for end, article in enumerate(articles, 1):
        length += len(article.text)
        if length >= max(left / (2 * jobs), smallest * total):
            shares.append(articles[start:end])
            start, length, left = end, 0, left - length
    if start < len(articles):
        shares.append(articles[start:])
    return shares


def _serial(
    articles: Sequence[Article], ontology: Ontology, model: Model, cache: ParseCache | None
) -> Iterator[Outcome]:
    """Each article's facts or its Problem, in order, in this process: from the cache where
    it keeps them, else parsed and read (and then kept there)."""
    if cache is None:
        yield from _made(articles, ontology, model, cache)
        return
    paths = [cache.facts_path(model, ontology, a) for a in articles]
    kept = [cache.facts(p) if p.is_file() else None for p in paths]
    missing = [a for a, facts in zip(articles, kept, strict=True) if facts is None]
    made = _made(missing, ontology, model, cache)
    for article, path, facts in zip(articles, paths, kept, strict=True):
        if facts is not None:
            yield article, facts
            continue
        outcome = next(made)
        if not isinstance(outcome[1], Problem):
            cache.put_facts(path, outcome[1])
        yield outcome


def _made(
    articles: Sequence[Article], ontology: Ontology, model: Model, cache: ParseCache | None
) -> Iterator[Outcome]:
    """Each article's facts or its Problem, in order, parsed and read. Articles are parsed in
    batches; when a batch fails, the first article not done is parsed alone and the batches go
    on after it."""
    done = 0
    while done < len(articles):
        try:
            for parsed in parse_cached(model, articles[done:], cache):
                done += 1
                yield parsed.article, _facts(parsed.article, ontology, model, parsed)
        except Exception:
            article = articles[done]
            done += 1
            yield article, _facts(article, ontology, model)


def _facts(
    article: Article, ontology: Ontology, model: Model, parsed: ParsedArticle | None = None
) -> list[Fact] | Problem:
    """The article's facts (parsing it alone unless `parsed`). This is the one place a bug on
    one article's text is caught: it becomes that article's Problem."""
    try:
        return list(extract(parsed or parse_alone(model.load(), article), ontology))
    except Exception as err:
        cause = err.__cause__ if isinstance(err, TextError) and err.__cause__ else err
        where = f" in {_shorten(err.text)!r}" if isinstance(err, TextError) else ""
        reason = f"article {article.id} failed{where}: {type(cause).__name__}: {cause}"
        return Problem(article.source, f"{reason} (a bug in kg; please report it)")


def _shorten(text: str, size: int = 120) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
