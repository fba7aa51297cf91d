"""The Python API for notebooks and pipelines: `kg.build`, `kg.query` and `kg.load`.

`kg build` calls `build` too, so the command and the library take one path. Everything heavy
(spaCy, rdflib, Oxigraph) is imported when a function is first called, not by `import kg`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Identifier

    from kg.pipeline import BuildResult
    from kg.triples import GraphLike

PathLike = str | Path


def build(
    paths: PathLike | Iterable[PathLike],
    *,
    into: Graph | PathLike | None = None,
    ontology: PathLike | None = None,
    model: str | None = None,
    jobs: int = 1,
    min_confidence: float | None = None,
    scorer: PathLike | None = None,
    aliases: PathLike | None = None,
    cache: PathLike | None = None,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Build a graph from articles: files, folders, globs or "-" (stdin), as `kg build` reads
    them. Returns a frozen `BuildResult`: the rdflib `graph`, its counts (`articles`, `facts`,
    `entities`, as `kg stats` counts them), the `problems` (each article that could not be
    read or built: `source` and `reason`), how many articles were `added` and the seconds each
    step took (`timings`).

    `into` is a graph (or a graph file) to add the articles to; a Graph given is changed in
    place. A graph file is read with Oxigraph into a light `kg.triples.Triples` (not an rdflib
    Graph: ten times faster on large graphs), which `result.graph` then is; iterate it for the
    triples, `.to_graph()` for an rdflib Graph. A file kg wrote with its index beside it is read
    a subject at a time, as the merge asks (`kg.filetriples`). `cache` is a folder of kept parses
    (default: none, every article is parsed). The other options are `kg build`'s.
    `progress(done, total)` is called after each article. When no article can be read,
    nothing is parsed: `added` is 0 and `problems` says why. Bad options (a missing ontology,
    an unknown model …) raise `kg.errors.KGError`.
    """
    from kg.aliases import load_aliases
    from kg.cache import ParseCache
    from kg.filetriples import FileTriples
    from kg.index import indexed_graph
    from kg.ingest import Article
    from kg.nlp import Model
    from kg.ontology import load_ontology
    from kg.pipeline import build as build_articles
    from kg.pipeline import read, result_of
    from kg.rdfio import load_triples, new_graph
    from kg.score import load_scorer
    from kg.triples import left_out_of_collections

    inputs = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    onto = load_ontology(Path(ontology) if ontology is not None else None)
    fact_scorer = load_scorer(Path(scorer) if scorer is not None else None)
    start = time.perf_counter()
    base: GraphLike | None = None if isinstance(into, str | Path) else into
    index = None
    if isinstance(into, str | Path):  # read a subject at a time when its index vouches for it
        found = indexed_graph(Path(into), onto)
        if found is None:
            base = load_triples(Path(into))
        else:
            index, data = found
            base = FileTriples(Path(into), data)
    loaded = time.perf_counter()
    groups = load_aliases(Path(aliases)) if aliases is not None else ()
    articles, problems = read(inputs)
    if not articles:
        return result_of(base if base is not None else new_graph(), onto, problems, 0, index=index)
    done: list[Article] = []

    def step(article: Article) -> None:
        done.append(article)
        if progress is not None:
            progress(len(done), len(articles))

    with left_out_of_collections(isinstance(into, str | Path)):  # a graph file just read
        nlp = Model.find(model)  # loaded only if something is parsed
        ready = time.perf_counter()
        result = build_articles(
            articles,
            onto,
            nlp,
            base,
            jobs,
            min_confidence,
            groups,
            progress=step,
            scorer=fact_scorer,
            cache=ParseCache(Path(cache)) if cache is not None else None,
            scheduler=scheduler,
            index=index,
        )
    steps = (("load", loaded - start), ("model", ready - loaded), *result.timings)
    return replace(result, problems=(*problems, *result.problems), timings=steps)


def load(path: PathLike) -> Graph:
    """Read a graph file (.ttl, .nt, .nq, .trig or .jsonld; named graphs merged) as an rdflib
    Graph with kg's prefixes bound."""
    from kg.rdfio import load_graph

    return load_graph(Path(path))


Row = dict[str, "Identifier | None"]


def query(graph: Graph | PathLike, sparql: str, timeout: float | None = None) -> list[Row]:
    """Run a SPARQL SELECT query on a graph (an rdflib Graph or a graph file) in Oxigraph, as
    `kg query` does, with its prefixes (kg: id: rdfs: skos: prov: dcterms: schema: …) bound.
    Returns one dict per row, variable name to an rdflib term (None when unbound). A syntax
    error, a query that is not a SELECT, or one that runs over `timeout` seconds raises
    `kg.errors.KGError`."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    from kg.errors import KGError
    from kg.rdfio import load_store
    from kg.sparql import XSD_STRING, Term, run_query

    if isinstance(graph, str | Path):
        store = load_store(graph)
    else:
        store = ox.Store()
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    result = run_query(store, sparql, timeout)
    if result.kind != "select":
        raise KGError("kg.query answers SELECT queries; for ASK or CONSTRUCT use Graph.query")

    def node(term: Term | None) -> Identifier | None:
        if term is None:
            return None
        if term.kind == "uri":
            return URIRef(term.value)
        if term.kind == "bnode":
            return BNode(term.value)
        if term.lang or term.datatype in (None, XSD_STRING):
            return Literal(term.value, lang=term.lang)
        return Literal(term.value, datatype=URIRef(term.datatype))

    return [{v: node(t) for v, t in zip(result.variables, row, strict=True)} for row in result.rows]
