"""How fast is `kg viz FILE` on big graphs? Random graphs of 500, 2,000 and 10,000 entities.

For each size, a graph in the documented shape (entities, facts, statement nodes, sentences,
articles) is written to a Turtle file. Then, over several rounds, interleaved by size:

* the whole command, `kg viz FILE -o PAGE`, in a fresh process: wall and CPU time, Python's
  start-up, imports and loading the file included;
* each step in this process: load (`rdfio.load_triples`, as `kg viz` does), then as
  `kg.viz.render_html` reports them: entities, facts and articles (`kg.reader`), select,
  layout, data (`kg.viz_data`), page (`kg.viz_page`), then the atomic write. The page must
  equal the command's, byte for byte.

It prints min / median / max of each, and how the times grow per entity from the smallest size.
Then it opens each page once in headless Chromium with every network request blocked and reads
the page's own timings (``window.kgView.timings``, milliseconds since navigation start):

* first draw: the first time vis-network finished drawing the canvas;
* stable: the last draw before the canvas stayed untouched for ``QUIET_MS`` (physics is off,
  so this should equal the first draw unless something keeps redrawing).

Run:  .venv/bin/python bench/viz_layout.py [--sizes 500,2000,10000] [--rounds 3] [--keep DIR]
      [--no-browser]
Targets: `kg viz` on 10,000 entities within 3 s of Python, about linear in size; 2,000
entities drawn and stable within 5 s.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kg.browser import CHROMIUM, CHROMIUM_ARGS
from kg.rdfio import load_triples, write_atomic
from kg.reader import CLASS_ORDER
from kg.viz import EVERYTHING, render_html
from kg.vocab import PREFIXES

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
STEPS = ("load", "entities", "facts", "select", "articles", "layout", "data", "page", "write")
QUIET_MS = 1500
TARGET_S = 5.0  # 2,000 entities drawn and stable in the browser
PYTHON_TARGET_S = 3.0  # `kg viz` on 10,000 entities
KG = Path(sys.executable).with_name("kg")

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Sample:
    """One round of one size: the whole command (wall, CPU) and each step in this process."""

    size: int
    command_s: float
    command_cpu_s: float
    steps: dict[str, float]


def random_triples(size: int, seed: int = 1) -> Iterator[Triple]:
    """About 1.5 facts per entity, preferential attachment (news has hubs), 1-3 sentences each,
    as Turtle terms."""
    rng = random.Random(seed)
    entities = [f"id:entity-{i:05d}" for i in range(size)]
    for i, iri in enumerate(entities):
        name = _string(f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {i}")
        yield iri, "a", f"kg:{rng.choice(CLASS_ORDER)}"
        yield iri, "rdfs:label", name
        yield iri, "skos:prefLabel", name
        yield iri, "skos:altLabel", _string(f"E{i}")
    articles = [f"id:article-{i:04d}" for i in range(max(1, size // 10))]
    for i, iri in enumerate(articles):
        yield iri, "a", "schema:NewsArticle"
        yield iri, "dcterms:title", _string(f"Bench story number {i}")
        yield iri, "dcterms:source", _string(f"https://news.example.org/story/{i}")
        yield iri, "dcterms:date", f'"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"^^xsd:date'
    targets = [entities[0]]
    for i in range(1, size):
        for _ in range(1 + (rng.random() < 0.5)):
            other = rng.choice(targets) if rng.random() < 0.8 else rng.choice(entities[:i])
            if other != entities[i]:
                yield from _fact(rng, entities[i], rng.choice(PROPS), other, articles)
                targets.append(other)
        targets.append(entities[i])


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fact(rng: random.Random, s: str, p: str, o: str, articles: list[str]) -> Iterator[Triple]:
    yield s, f"kg:{p}", o
    node = f"id:fact-{s[-5:]}-{p}-{o[-5:]}"
    yield node, "a", "rdf:Statement"
    yield node, "rdf:subject", s
    yield node, "rdf:predicate", f"kg:{p}"
    yield node, "rdf:object", o
    yield node, "kg:confidence", f'"{rng.uniform(0.5, 1):.2f}"^^xsd:decimal'
    yield node, "kg:pattern", _string(rng.choice(("svo", "noun-prep", "appos")))
    for _ in range(rng.randint(1, 3)):
        article = rng.choice(articles)
        start = rng.randrange(0, 5000)
        sentence = f"id:sentence-{article[-4:]}-{start}"
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        yield sentence, "a", "kg:Sentence"
        yield sentence, "rdf:value", _string(f"The {words} story.")
        yield sentence, "kg:startOffset", str(start)
        yield sentence, "kg:endOffset", str(start + 90)
        yield sentence, "dcterms:isPartOf", article
        yield node, "prov:wasDerivedFrom", sentence


def write_graph(size: int, path: Path) -> int:
    """The random graph of `size` entities as a Turtle file, subjects grouped and sorted as kg
    writes them; returns the number of triples."""
    by_subject: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, p, o in random_triples(size):
        by_subject[s].add((p, o))
    lines = [f"@prefix {prefix}: <{ns}> ." for prefix, ns in sorted(PREFIXES.items())] + [""]
    for subject, pairs in sorted(by_subject.items()):
        body = " ;\n    ".join(f"{p} {o}" for p, o in sorted(pairs))
        lines.append(f"{subject} {body} .\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return sum(len(pairs) for pairs in by_subject.values())


def run_command(graph: Path, page: Path) -> tuple[float, float]:
    """`kg viz graph -o page` in a fresh process: (wall, CPU) seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(KG), "viz", str(graph), "-o", str(page)], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def run_steps(graph: Path, page: Path) -> dict[str, float]:
    """What `kg viz` does, in this process, each step timed: loading, `render_html`'s steps,
    writing."""
    times: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[step] = now - clock
        clock = now

    rdf = load_triples(graph)
    lap("load")
    html, _ = render_html(rdf, EVERYTHING, lap)
    write_atomic(page, html.encode("utf-8"))
    lap("write")
    return times


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


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}/{statistics.median(values):.2f}/{max(values):.2f}"


def _step(step: str, sample: Sample) -> float:
    return sample.steps[step]


def print_python(sizes: list[int], samples: list[Sample]) -> dict[int, float]:
    """The table of min/median/max per row and size, then the medians per 1,000 entities;
    returns the command's median wall time by size."""
    rows: dict[str, Callable[[Sample], float]] = {
        "kg viz, wall": lambda s: s.command_s,
        "kg viz, CPU": lambda s: s.command_cpu_s,
    }
    rows.update({step: partial(_step, step) for step in STEPS})
    rows["after load"] = lambda s: sum(t for step, t in s.steps.items() if step != "load")
    by_size = {size: [s for s in samples if s.size == size] for size in sizes}
    print("seconds, min/median/max over rounds")
    print(f"{'':>14}" + "".join(f"{size:>18}" for size in sizes))
    for name, value in rows.items():
        cells = [spread([value(s) for s in by_size[size]]) for size in sizes]
        print(f"{name:>14}" + "".join(f"{cell:>18}" for cell in cells))
    print("median ms per 1,000 entities (flat when linear)")
    print(f"{'':>14}" + "".join(f"{size:>18}" for size in sizes))
    for name, value in rows.items():
        per = [1e6 * statistics.median(value(s) for s in by_size[size]) / size for size in sizes]
        print(f"{name:>14}" + "".join(f"{cell:>18.0f}" for cell in per))
    return {size: statistics.median(s.command_s for s in by_size[size]) for size in sizes}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,10000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write graphs and pages here, not a temp dir")
    parser.add_argument("--no-browser", action="store_true", help="Python times only")
    args = parser.parse_args(argv)
    if not args.no_browser and not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        graphs = {size: folder / f"viz-{size}.ttl" for size in sizes}
        for size, path in graphs.items():
            triples = write_graph(size, path)
            mb = path.stat().st_size / 1e6
            print(f"{size} entities: {triples:,} triples, {mb:.1f} MB of Turtle")
        samples = []
        for _ in range(args.rounds):
            for size, path in graphs.items():
                command_page, steps_page = folder / f"viz-{size}.html", folder / "steps.html"
                wall, cpu = run_command(path, command_page)
                samples.append(Sample(size, wall, cpu, run_steps(path, steps_page)))
                if steps_page.read_bytes() != command_page.read_bytes():
                    raise SystemExit(f"{size}: the steps' page differs from kg viz's")
        medians = print_python(sizes, samples)
        drawn = (
            {} if args.no_browser else {s: measure_page(folder / f"viz-{s}.html") for s in sizes}
        )
        for size, (first, stable) in drawn.items():
            mb = (folder / f"viz-{size}.html").stat().st_size / 1e6
            print(
                f"browser, {size} entities: {mb:.1f} MB page, first draw {first:.2f} s, "
                f"stable {stable:.2f} s"
            )
    python_ok = 10_000 not in medians or medians[10_000] <= PYTHON_TARGET_S
    if 10_000 in medians:
        print(
            f"target: kg viz on 10000 entities within {PYTHON_TARGET_S:.0f} s: "
            f"{medians[10_000]:.2f} s, {'met' if python_ok else 'MISSED'}"
        )
    slow = [s for s, (_, stable) in drawn.items() if s == 2000 and stable > TARGET_S]
    if drawn:
        print(f"target: 2000 nodes stable within {TARGET_S:.0f} s: {'MISSED' if slow else 'met'}")
    return 1 if slow or not python_ok else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
