"""Adding one article to graphs of growing size: `kg build ARTICLE --into graph.ttl`.

Graphs of about 10k, 100k and 1M triples are made from the bench articles: their graph is built
once, then copied with every entity, fact, sentence and article IRI and every name made unique
per copy (a well-formed kg graph, as a larger corpus would give), and written with the index
kg build keeps beside a graph (`kg.index`). Each round copies the graph file and its index to a
fresh folder and runs `kg build ARTICLE --into graph.ttl --no-html --no-cache --timings` as a
whole command (model loading included), timed here in wall and CPU seconds (CPU is less
disturbed by other work on a shared machine); the steps are the ones the command reports, in
wall seconds: load (the graph file's bytes and its index; the index vouches for the file, so
its subjects are parsed, with Oxigraph, only when the merge asks for them: `kg.filetriples`),
model, extract (parse and extract the article), merge (resolve against the entities the
article's names can reach, add), count (the counts build.json records) and write (Turtle, the
blocks of the subjects read made again and the rest copied; index and build.json). It prints
each step's min/median/max per size.

Then, for the loading and writing rows, the same graph files read with rdflib, with Oxigraph's
parser alone and with kg's loader (Oxigraph's parser into `Triples` of rdflib terms), and
written with rdflib's Turtle serializer and kg's writer (rdflib only up to --rdflib-max
triples: it takes minutes on 1M); last, how much the whole command grew from the smallest graph
to the largest, against how much reading the whole file with kg's Oxigraph loader and writing
it with kg's writer grow (what adding an article cost before the index and the splicing).

    .venv/bin/python bench/add_article.py             # 10k, 100k, 1M triples, 5 rounds
    .venv/bin/python bench/add_article.py --quick     # 2k and 10k triples, 2 rounds (a smoke run)
    .venv/bin/python bench/add_article.py --baseline OLD/kg --sizes 100000   # against an old kg

With --baseline (the folder of an old checkout's `kg` package), each round also runs that kg's
`kg build --into` on the same graph, in turn with this one, and prints both whole commands.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

from kg.index import index_path

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"
SEED = ROOT / "bench" / "articles"
ARTICLE = ROOT / "examples" / "articles" / "01_norvale_tarnix7.txt"
STEPS = ("load", "model", "extract", "merge", "count", "write")
NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, DCTERMS.title)


def seed_graph(folder: Path) -> Graph:
    """The bench articles' graph, built by kg build."""
    subprocess.run(
        [KG, "build", SEED, "-o", folder, "--no-html", "--no-cache"],
        check=True,
        capture_output=True,
    )
    from kg.rdfio import load_graph

    return load_graph(folder / "graph.ttl")


def grown(seed: Graph, size: int) -> list[tuple[URIRef, URIRef, object]]:
    """Copies of `seed` until about `size` triples, each with its own IRIs and names; each
    statement node named, as kg names it, by the triple it describes."""
    from rdflib import RDF

    from kg.graph import fact_iri
    from kg.vocab import ID

    triples = list(seed)
    described = {
        node: (
            seed.value(node, RDF.subject),
            seed.value(node, RDF.predicate),
            seed.value(node, RDF.object),
        )
        for node in seed.subjects(RDF.type, RDF.Statement)
    }
    out: list[tuple[URIRef, URIRef, object]] = []
    copy = 0
    while len(out) < size:

        def own(node: object, copy: int = copy) -> object:
            if copy and node in described:
                s, p, o = described[node]
                return fact_iri(own(s), p, own(o))  # type: ignore[arg-type]
            if copy and isinstance(node, URIRef) and node.startswith(ID):
                return URIRef(f"{node}-c{copy}")
            return node

        for s, p, o in triples:
            if copy and p in NAMES and isinstance(o, Literal):
                o = Literal(f"{o} {copy}", lang=o.language, datatype=o.datatype)
            out.append((own(s), p, own(o)))  # type: ignore[arg-type]
        copy += 1
    return out


def write_graph(triples: list[tuple[URIRef, URIRef, object]], path: Path) -> int:
    """Write the triples as kg's Turtle, with the index kg build writes beside its graphs;
    return how many triples there are."""
    from kg.index import index_of, index_path
    from kg.ontology import load_ontology
    from kg.rdfio import turtle_bytes, write_atomic
    from kg.triples import Triples

    graph = Triples(triples)  # type: ignore[arg-type]
    data = turtle_bytes(graph)
    write_atomic(path, data)
    write_atomic(index_path(path), index_of(graph, load_ontology()).to_bytes(data))
    return len(graph)


class Run(NamedTuple):
    """One `kg build --into`: wall and CPU seconds of the whole command, and its steps."""

    wall: float
    cpu: float
    steps: dict[str, float]


def add_one(graph: Path, work: Path, baseline: Path | None = None) -> Run:
    """Copy the graph into `work` and add the article to it: wall and CPU time (the CPU less
    disturbed by other work on the machine) and reported steps (none from a `baseline` kg, run
    from its checkout with PYTHONPATH)."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    shutil.copy(graph, work / "graph.ttl")
    shutil.copy(index_path(graph), work / "graph.index.json")
    args: list[str | Path] = [
        ARTICLE,
        "--into",
        work / "graph.ttl",
        "-o",
        work,
        "--no-html",
        "--no-cache",
    ]
    if baseline is None:
        command: list[str | Path] = [KG, "build", *args, "--timings"]
        env, cwd = None, None
    else:  # from the old checkout's folder, so that its kg is the one imported
        command = [sys.executable, "-c", "from kg.cli import main; main()", "build", *args]
        cwd = baseline.resolve().parent
        env = {**os.environ, "PYTHONPATH": str(cwd)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode != 0:
        sys.exit(f"kg build failed:\n{done.stderr}")
    if baseline is not None:
        return Run(wall, cpu, {})
    line = done.stderr.strip().splitlines()[-1].removeprefix("Timings: ")
    steps = {part.split()[0]: float(part.split()[1]) for part in line.split(", ")}
    return Run(wall, cpu, steps)


def parse_only(path: Path) -> int:
    """Oxigraph's parser alone, each triple made a Python object and dropped: the floor under
    kg's loader, which also turns them into rdflib terms and indexes them."""
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def spread(values: list[float]) -> str:
    return f"{min(values):7.3f} {statistics.median(values):7.3f} {max(values):7.3f}"


def timed(run: Callable[[], object], rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each of `rounds` runs."""
    took, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        took.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return took, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small graphs, 2 rounds")
    parser.add_argument("--rounds", type=int, help="rounds per size (default 5, quick 2)")
    parser.add_argument("--rdflib-max", type=int, default=120_000, help="largest rdflib graph")
    parser.add_argument("--sizes", type=int, nargs="+", help="graph sizes, in triples")
    parser.add_argument("--baseline", type=Path, help="an old checkout's kg package folder")
    args = parser.parse_args()
    sizes = args.sizes or ([2_000, 10_000] if args.quick else [10_000, 100_000, 1_000_000])
    rounds = args.rounds or (2 if args.quick else 5)

    with tempfile.TemporaryDirectory(prefix="kg-add-") as tmp:
        folder = Path(tmp)
        seed = seed_graph(folder / "seed")
        graphs = {}
        for size in sizes:
            path = folder / f"graph-{size}.ttl"
            graphs[size] = (path, write_graph(grown(seed, size), path))
        print(f"adding {ARTICLE.name} with kg build --into, {rounds} rounds, min/median/max s")
        print(f"{'triples':>9} {'step':<9} {'min':>7} {'median':>7} {'max':>7}")
        results = {}
        for size in sizes:
            path, count = graphs[size]
            runs, old = [], []
            for _ in range(rounds):
                runs.append(add_one(path, folder / "work"))
                if args.baseline:
                    old.append(add_one(path, folder / "work", args.baseline))
            results[size] = runs
            if old:
                print(f"{count:>9} {'baseline':<9} {spread([r.wall for r in old])}")
                print(f"{count:>9} {'base CPU':<9} {spread([r.cpu for r in old])}")
            for step in STEPS:
                print(f"{count:>9} {step:<9} {spread([r.steps[step] for r in runs])}")
            print(f"{count:>9} {'total':<9} {spread([r.wall for r in runs])}")
            print(f"{count:>9} {'CPU':<9} {spread([r.cpu for r in runs])}")
            rest = [r.wall - r.steps["load"] - r.steps["write"] for r in runs]
            print(f"{count:>9} {'not l+w':<9} {spread(rest)}")  # total less load and write
        first, last = sizes[0], sizes[-1]
        grow = graphs[last][1] / graphs[first][1]

        def median(size: int, pick: Callable[[Run], float]) -> float:
            return statistics.median(pick(r) for r in results[size])

        extract = [median(s, lambda r: r.steps["extract"]) for s in (first, last)]
        total = [median(s, lambda r: r.wall) for s in (first, last)]
        cpu = [median(s, lambda r: r.cpu) for s in (first, last)]
        io = [median(s, lambda r: r.steps["load"] + r.steps["write"]) for s in (first, last)]
        print(
            f"\n{grow:.0f}x the triples: extract {extract[0]:.3f} -> {extract[1]:.3f} s, "
            f"total {total[0]:.2f} -> {total[1]:.2f} s (+{total[1] - total[0]:.2f}), "
            f"CPU {cpu[0]:.2f} -> {cpu[1]:.2f} s (+{cpu[1] - cpu[0]:.2f}), "
            f"load+write {io[0]:.2f} -> {io[1]:.2f} s (+{io[1] - io[0]:.2f})"
        )

        from kg.rdfio import load_graph, load_triples, turtle_bytes

        print(
            "\nreading and writing graph files, min/median/max s (triples/s at the median), "
            "wall then CPU"
        )
        io_rounds = max(1, min(rounds, 3))
        whole: dict[int, float] = {}  # kg's loader and writer on the whole file, medians
        for size in sizes:
            path, count = graphs[size]
            loaded = timed(partial(load_triples, path), io_rounds)
            written = timed(partial(turtle_bytes, load_triples(path)), io_rounds)
            whole[size] = statistics.median(loaded[0]) + statistics.median(written[0])
            rows: list[tuple[str, tuple[list[float], list[float]]]] = [
                ("oxigraph parse", timed(partial(parse_only, path), io_rounds)),
                ("oxigraph load", loaded),
                ("kg write", written),
            ]
            if count <= args.rdflib_max:
                rows.append(("rdflib load", timed(partial(load_graph, path), io_rounds)))
                rdf = load_graph(path)
                rows.append(("rdflib write", timed(partial(rdf.serialize, format="turtle"), 1)))
            for name, (took, cpu) in rows:
                rate, cpu_rate = count / statistics.median(took), count / statistics.median(cpu)
                print(
                    f"{count:>9} {name:<14} {spread(took)}  {rate:>10,.0f}/s   "
                    f"CPU {spread(cpu)}  {cpu_rate:>10,.0f}/s"
                )
        print(
            f"\n{grow:.0f}x the triples: the command grew +{total[1] - total[0]:.2f} s; "
            f"kg's loader plus kg's writer on the whole file grow "
            f"+{whole[last] - whole[first]:.2f} s ({whole[first]:.2f} -> {whole[last]:.2f} s)"
        )


if __name__ == "__main__":
    main()
