"""`kg build NEW --into graph.ttl` reads the graph with Oxigraph into light `Triples` and adds
only the new articles' triples; the graph it writes is the one the rdflib path (the whole file
in an rdflib Graph, as before) gives: isomorphic, and the same bytes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic
from spacy.language import Language

from kg.cli import main
from kg.graph import stats, turtle
from kg.ontology import Ontology
from kg.pipeline import build, read
from kg.rdfio import load_graph, load_triples

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# a partnership stated both ways (one symmetric fact), and a launch
BOTH_WAYS = (
    "Norvale Systems announced a partnership with Quillfin on Monday.\n\n"
    "Quillfin also announced a partnership with Norvale Systems, its chip supplier.\n"
)
LAUNCH = (
    "Norvale Systems launched the Tarnix-7 accelerator on Tuesday. Quillfin is based in Oslo.\n"
)


def kg(*args: object) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.fixture
def stories(tmp_path: Path) -> list[Path]:
    both, launch = tmp_path / "both.txt", tmp_path / "launch.txt"
    both.write_text(BOTH_WAYS, encoding="utf-8")
    launch.write_text(LAUNCH, encoding="utf-8")
    first = sorted(ARTICLES.iterdir())
    return [both, launch, first[0], first[1]]


@pytest.mark.parametrize(
    ("before", "added"),
    [
        ([0, 2], [1]),  # new articles, entities met before
        ([0, 1, 2], [2, 3]),  # an article again (confidence kept or raised) and a new one
        ([2], [0]),  # a symmetric fact added to a graph that has its entities
    ],
)
def test_into_gives_the_graph_the_rdflib_path_gives(
    tmp_path: Path,
    stories: list[Path],
    nlp: Language,
    ontology: Ontology,
    before: list[int],
    added: list[int],
) -> None:
    old = tmp_path / "old"
    kg("build", *[stories[i] for i in before], "-o", old, "--no-html", "--no-cache")
    new = tmp_path / "new"
    new.mkdir()
    shutil.copy(old / "graph.ttl", new / "graph.ttl")
    args = [stories[i] for i in added]
    kg("build", *args, "--into", new / "graph.ttl", "-o", new, "--no-html", "--no-cache")

    articles, _ = read([str(p) for p in args])
    rdflib_path = build(articles, ontology, nlp, into=load_graph(old / "graph.ttl"))
    written = (new / "graph.ttl").read_bytes()
    assert written == turtle(rdflib_path.graph)
    assert isomorphic(load_graph(new / "graph.ttl"), rdflib_path.graph)
    record = json.loads((new / "build.json").read_text(encoding="utf-8"))
    counted = {
        name: sum(rows.values())
        for name, rows in stats(load_graph(new / "graph.ttl"), ontology).items()
    }
    assert (
        (record["articles"], record["facts"], record["entities"])
        == (counted["articles"], counted["facts"], counted["entities"])
        == (rdflib_path.articles, rdflib_path.facts, rdflib_path.entities)
    )
    assert len(load_triples(new / "graph.ttl")) > len(load_triples(old / "graph.ttl"))


def test_into_says_how_long_each_step_took(tmp_path: Path, stories: list[Path]) -> None:
    kg("build", stories[0], "-o", tmp_path, "--no-html", "--no-cache")
    said = kg(
        "build",
        stories[1],
        "--into",
        tmp_path / "graph.ttl",
        "-o",
        tmp_path,
        "--timings",
        "--no-html",
        "--no-cache",
    )
    line = said.splitlines()[-1]
    assert line.startswith("Timings: load ")
    steps = [part.split()[0] for part in line.removeprefix("Timings: ").split(", ")]
    assert steps == ["load", "model", "extract", "merge", "count", "write"]


def test_the_add_article_bench_runs() -> None:
    """bench/add_article.py --quick: every step timed at each size, and the I/O rows."""
    bench = Path(__file__).resolve().parent.parent / "bench" / "add_article.py"
    done = subprocess.run(
        [sys.executable, bench, "--quick", "--rounds", "1", "--rdflib-max", "5000"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()]
    for step in ("load", "model", "extract", "merge", "count", "write", "total"):
        assert len([r for r in rows if r[1:2] == [step]]) == 2, step
    assert [r[1:3] for r in rows if r[1:3] == ["rdflib", "load"]] == [["rdflib", "load"]]
    assert len([r for r in rows if r[1:3] == ["oxigraph", "load"]]) == 2
