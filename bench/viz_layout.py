"""How fast does `kg.viz` draw big graphs? Random graphs of 500, 2,000 and 10,000 entities.

For each size: build a graph in the documented shape (entities, facts, statement nodes,
sentences, articles), time ``write_html`` (layout included), then open the page in headless
Chromium with every network request blocked and read the page's own timings
(``window.kgView.timings``, milliseconds since navigation start):

* first draw: the first time vis-network finished drawing the canvas;
* stable: the last draw before the canvas stayed untouched for ``QUIET_MS`` (physics is off,
  so this should equal the first draw unless something keeps redrawing).

Run:  .venv/bin/python bench/viz_layout.py [--sizes 500,2000,10000] [--keep DIR]
Target: 2,000 entities drawn and stable within 5 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.browser import CHROMIUM, CHROMIUM_ARGS
from kg.reader import CLASS_ORDER
from kg.viz import write_html
from kg.vocab import ID, KG, SCHEMA

PROPS = ("partneredWith", "acquired", "investedIn", "worksFor", "locatedIn", "develops", "uses")
WORDS = (
    "quarterly",
    "merger",
    "chip",
    "supply",
    "deal",
    "board",
    "launch",
    "market",
    "cloud",
    "robot",
    "battery",
    "license",
    "factory",
    "research",
    "growth",
    "talks",
)
QUIET_MS = 1500
TARGET_S = 5.0


@dataclass(frozen=True)
class Result:
    size: int
    edges: int
    python_s: float
    megabytes: float
    first_draw_s: float
    stable_s: float


def random_graph(size: int, seed: int = 1) -> Graph:
    """About 1.5 facts per entity, preferential attachment (news has hubs), 1-3 sentences each."""
    rng = random.Random(seed)
    graph = Graph()
    entities = [_entity(graph, rng, i) for i in range(size)]
    articles = [_article(graph, i) for i in range(max(1, size // 10))]
    targets: list[URIRef] = [entities[0]]
    for i in range(1, size):
        for _ in range(1 + (rng.random() < 0.5)):
            other = rng.choice(targets) if rng.random() < 0.8 else rng.choice(entities[:i])
            if other != entities[i]:
                _fact(graph, rng, entities[i], rng.choice(PROPS), other, articles)
                targets.append(other)
        targets.append(entities[i])
    return graph


def _entity(graph: Graph, rng: random.Random, i: int) -> URIRef:
    iri = ID[f"entity-{i:05d}"]
    name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {i}"
    graph.add((iri, RDF.type, KG[rng.choice(CLASS_ORDER)]))
    graph.add((iri, RDFS.label, Literal(name)))
    graph.add((iri, SKOS.prefLabel, Literal(name)))
    graph.add((iri, SKOS.altLabel, Literal(f"E{i}")))
    return iri


def _article(graph: Graph, i: int) -> URIRef:
    iri = ID[f"article-{i:04d}"]
    graph.add((iri, RDF.type, SCHEMA.NewsArticle))
    graph.add((iri, DCTERMS.title, Literal(f"Bench story number {i}")))
    graph.add((iri, DCTERMS.source, Literal(f"https://news.example.org/story/{i}")))
    day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
    graph.add((iri, DCTERMS.date, Literal(day, datatype=XSD.date)))
    return iri


def _fact(
    graph: Graph, rng: random.Random, s: URIRef, p: str, o: URIRef, articles: list[URIRef]
) -> None:
    graph.add((s, KG[p], o))
    node = ID[f"fact-{s[-5:]}-{p}-{o[-5:]}"]
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, s))
    graph.add((node, RDF.predicate, KG[p]))
    graph.add((node, RDF.object, o))
    graph.add((node, KG.confidence, Literal(f"{rng.uniform(0.5, 1):.2f}", datatype=XSD.decimal)))
    graph.add((node, KG.pattern, Literal(rng.choice(("svo", "noun-prep", "appos")))))
    for _ in range(rng.randint(1, 3)):
        article = rng.choice(articles)
        start = rng.randrange(0, 5000)
        sentence = ID[f"sentence-{article[-4:]}-{start}"]
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        graph.add((sentence, RDF.type, KG.Sentence))
        graph.add((sentence, RDF.value, Literal(f"The {words} story.")))
        graph.add((sentence, KG.startOffset, Literal(start)))
        graph.add((sentence, KG.endOffset, Literal(start + 90)))
        graph.add((sentence, DCTERMS.isPartOf, article))
        graph.add((node, PROV.wasDerivedFrom, sentence))


def measure_page(path: Path) -> tuple[float, float]:
    """(first draw, stable) in seconds since navigation start, network blocked."""
    from playwright.sync_api import Route, sync_playwright

    blocked: list[str] = []

    def block(route: Route) -> None:
        if route.request.url == path.as_uri():
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", block)
        page.goto(path.as_uri())
        page.wait_for_function("window.kgView && window.kgView.ready", timeout=120_000)
        last = page.evaluate("kgView.timings.lastDraw")
        while True:  # wait until nothing has redrawn for QUIET_MS
            page.wait_for_timeout(QUIET_MS)
            now = page.evaluate("kgView.timings.lastDraw")
            if now == last:
                break
            last = now
        timings = page.evaluate("kgView.timings")
        browser.close()
    if blocked:
        raise SystemExit(f"the page made network requests: {blocked[:3]}")
    return timings["firstDraw"] / 1000, last / 1000


def run(size: int, out_dir: Path) -> Result:
    graph = random_graph(size)
    path = out_dir / f"viz-{size}.html"
    start = time.perf_counter()
    report = write_html(graph, path)
    python_s = time.perf_counter() - start
    first, stable = measure_page(path)
    megabytes = path.stat().st_size / 1e6
    return Result(size, report.edges, python_s, megabytes, first, stable)


def print_table(results: list[Result]) -> None:
    base = results[0]
    print(
        f"{'nodes':>6} {'edges':>6} {'MB':>6} {'python s':>9} {'first draw s':>13} "
        f"{'stable s':>9} {'x python':>9} {'x draw':>7} {'x stable':>9}"
    )
    for r in results:
        print(
            f"{r.size:>6} {r.edges:>6} {r.megabytes:>6.1f} {r.python_s:>9.2f} "
            f"{r.first_draw_s:>13.2f} {r.stable_s:>9.2f} {r.python_s / base.python_s:>9.1f} "
            f"{r.first_draw_s / base.first_draw_s:>7.1f} {r.stable_s / base.stable_s:>9.1f}"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,10000")
    parser.add_argument("--keep", type=Path, help="write the pages here instead of a temp dir")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        results = [run(size, out_dir) for size in sizes]
    print_table(results)
    slow = [r for r in results if r.size == 2000 and r.stable_s > TARGET_S]
    print(f"target: 2000 nodes stable within {TARGET_S:.0f} s: {'MISSED' if slow else 'met'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
