"""Benchmark: kg's RDF path (Oxigraph) against rdflib on a generated graph.

Generates a deterministic graph in the documented shape (entities, articles, sentences,
asserted facts and their rdf:Statement provenance) of about --triples triples, then times, for
each library in the same run: parsing the Turtle file, writing it back as Turtle, and one
join query (facts → evidence sentences → articles, grouped per organisation).

    .venv/bin/python bench/sparql_io.py                 # 1,000,000 triples
    .venv/bin/python bench/sparql_io.py --triples 100000
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.vocab import PREFIXES as VOCAB_PREFIXES

PREFIXES = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in VOCAB_PREFIXES.items())
PROPERTIES = (
    "partneredWith",
    "investedIn",
    "acquired",
    "launched",
    "uses",
    "supplies",
    "competesWith",
    "subsidiaryOf",
)
JOIN_QUERY = """
SELECT ?org (COUNT(DISTINCT ?article) AS ?articles) (COUNT(?fact) AS ?facts) WHERE {
  ?fact rdf:predicate kg:partneredWith ;
        rdf:subject ?org ;
        prov:wasDerivedFrom ?sentence .
  ?sentence dcterms:isPartOf ?article .
  ?article dcterms:date ?date .
  ?org rdfs:label ?label .
}
GROUP BY ?org
"""
SENTENCES_PER_ARTICLE = 8
FACTS_PER_ARTICLE = 12


def entity_lines(count: int) -> Iterator[str]:
    for i in range(count):
        yield (
            f'id:org-{i} a kg:Organization ; rdfs:label "Org {i}" ; '
            f'skos:prefLabel "Org {i}" ; skos:altLabel "Org {i} Inc." .\n'
        )


def article_lines(a: int, entities: int, rng: random.Random) -> Iterator[str]:
    yield (
        f'id:article-{a} a schema:NewsArticle ; dcterms:title "Article {a}" ; '
        f'dcterms:source "articles/{a}.txt" ; dcterms:date "2025-{a % 12 + 1:02d}-'
        f'{a % 28 + 1:02d}"^^xsd:date .\n'
    )
    for s in range(SENTENCES_PER_ARTICLE):
        yield (
            f'id:sentence-{a}-{s} a kg:Sentence ; rdf:value "Sentence {s} of article {a}, '
            f'in which organisations do business." ; kg:startOffset {s * 100} ; '
            f"kg:endOffset {s * 100 + 90} ; dcterms:isPartOf id:article-{a} .\n"
        )
    for f in range(FACTS_PER_ARTICLE):
        subject, obj = rng.randrange(entities), rng.randrange(entities)
        prop = PROPERTIES[rng.randrange(len(PROPERTIES))]
        sentence = rng.randrange(SENTENCES_PER_ARTICLE)
        yield f"id:org-{subject} kg:{prop} id:org-{obj} .\n"
        yield (
            f"id:fact-{a}-{f} a rdf:Statement ; rdf:subject id:org-{subject} ; "
            f"rdf:predicate kg:{prop} ; rdf:object id:org-{obj} ; "
            f'kg:confidence 0.{rng.randrange(50, 99)} ; kg:pattern "noun-prep" ; '
            f"prov:wasDerivedFrom id:sentence-{a}-{sentence} .\n"
        )


def triples_per_article() -> int:
    return 4 + 5 * SENTENCES_PER_ARTICLE + 8 * FACTS_PER_ARTICLE


def generate(path: Path, triples: int, seed: int = 7) -> int:
    """Write a Turtle graph of about `triples` triples; returns the planned count."""
    rng = random.Random(seed)
    entities = max(10, triples // 100)
    articles = max(1, (triples - 4 * entities) // triples_per_article())
    with path.open("w", encoding="utf-8") as out:
        out.write(PREFIXES)
        out.writelines(entity_lines(entities))
        for a in range(articles):
            out.writelines(article_lines(a, entities, rng))
    return 4 * entities + articles * triples_per_article()


@dataclass(frozen=True)
class Timing:
    """Seconds per step for one library."""

    parse: float
    serialise: float
    query: float
    triples: int
    rows: int

    @property
    def total(self) -> float:
        return self.parse + self.serialise + self.query


def timed(step: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = step()
    return time.perf_counter() - start, value


def run_kg(source: Path, target: Path) -> Timing:
    """kg's path: kg.sparql.load_store, kg.export (Turtle), kg.sparql.execute."""
    from kg.export import atomic_output, write_format
    from kg.sparql import execute, load_store

    parse, store = timed(lambda: load_store(source))

    def serialise() -> None:
        with atomic_output(target) as out:
            write_format(store, "ttl", out)  # type: ignore[arg-type]

    write, _ = timed(serialise)
    query, result = timed(lambda: execute(store, JOIN_QUERY))  # type: ignore[arg-type]
    return Timing(parse, write, query, len(store), len(result.rows))  # type: ignore[arg-type, attr-defined]


def run_rdflib(source: Path, target: Path) -> Timing:
    """rdflib: Graph.parse, Graph.serialize(format='turtle'), Graph.query."""
    import rdflib

    graph = rdflib.Graph()
    parse, _ = timed(lambda: graph.parse(source, format="turtle"))
    write, _ = timed(lambda: graph.serialize(target, format="turtle"))
    query, rows = timed(
        lambda: list(
            graph.query(PREFIXES.replace("@prefix", "PREFIX").replace(" .\n", "\n") + JOIN_QUERY)
        )
    )
    return Timing(parse, write, query, len(graph), len(rows))  # type: ignore[arg-type]


def report(kg: Timing, other: Timing) -> str:
    lines = [f"{'step':<10}{'kg (Oxigraph)':>16}{'rdflib':>12}{'ratio':>10}"]
    for name in ("parse", "serialise", "query", "total"):
        a, b = getattr(kg, name), getattr(other, name)
        lines.append(f"{name:<10}{a:>14.2f} s{b:>10.2f} s{b / a:>9.1f}×")
    io_kg, io_other = kg.parse + kg.serialise, other.parse + other.serialise
    lines.append(
        f"{'parse+serialise':<10}{io_kg:>9.2f} s{io_other:>10.2f} s{io_other / io_kg:>9.1f}×"
    )
    lines.append(
        f"triples loaded: kg {kg.triples:,}, rdflib {other.triples:,}; "
        f"query rows: kg {kg.rows}, rdflib {other.rows}"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        source = Path(tmp) / "graph.ttl"
        planned = generate(source, args.triples, args.seed)
        size = source.stat().st_size / 1e6
        print(f"generated {planned:,} triples ({size:.0f} MB of Turtle)", flush=True)
        kg = run_kg(source, Path(tmp) / "kg-out.ttl")
        print(f"kg done in {kg.total:.1f} s", flush=True)
        other = run_rdflib(source, Path(tmp) / "rdflib-out.ttl")
        print(report(kg, other))
        if kg.rows != other.rows or kg.triples != other.triples:
            raise SystemExit("kg and rdflib disagree on the graph or the query result")


if __name__ == "__main__":
    main()
