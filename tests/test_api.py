"""The Python API (`kg.build`, `kg.query`, `kg.load`) and the counts a build reports."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

import kg
from kg.cli import main
from kg.errors import KGError

# a partnership stated once each way (one symmetric fact), and a supplier
BOTH_WAYS = (
    "Norvale Systems announced a partnership with Quillfin on Monday.\n\n"
    "Quillfin also announced a partnership with Norvale Systems, its chip supplier.\n"
)

LAUNCH = "Norvale Systems launched the Tarnix-7 accelerator on Tuesday.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(BOTH_WAYS, encoding="utf-8")
    return path


def test_import_kg_does_no_work() -> None:
    heavy = ("spacy", "thinc", "rdflib", "pyoxigraph", "pyshacl", "numpy", "click")
    code = (
        f"import sys, kg; print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_build_returns_the_graph_its_counts_and_the_problems(tmp_path: Path, story: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00binary")
    result = kg.build([story, bad])
    assert (result.articles, result.facts, result.entities, result.added) == (1, 2, 2, 1)
    assert [p.source for p in result.problems] == [str(bad)]
    assert result.problems[0].reason.startswith("binary file (contains NUL bytes)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.facts = 0  # type: ignore[misc]


def test_build_into_a_graph_adds_to_it(tmp_path: Path, story: Path) -> None:
    first = kg.build(story)
    other = tmp_path / "other.txt"
    other.write_text(LAUNCH, encoding="utf-8")
    merged = kg.build([other], into=first.graph)
    assert merged.graph is first.graph
    assert (merged.articles, merged.facts, merged.added) == (2, 3, 1)


def test_build_with_nothing_readable_parses_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n", encoding="utf-8")
    result = kg.build(empty)
    assert (result.added, result.articles, len(result.graph)) == (0, 0, len(kg.build([]).graph))
    assert [p.source for p in result.problems] == [str(empty)]


def test_build_reports_progress(tmp_path: Path, story: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(LAUNCH, encoding="utf-8")
    steps: list[tuple[int, int]] = []
    kg.build([story, other], progress=lambda done, total: steps.append((done, total)))
    assert steps == [(1, 2), (2, 2)]


def test_a_bad_option_raises_kgerror(story: Path) -> None:
    with pytest.raises(KGError, match="ontology not found: 'none.ttl'"):
        kg.build(story, ontology="none.ttl")


def test_query_gives_rows_of_rdflib_terms(story: Path) -> None:
    graph = kg.build(story).graph
    rows = kg.query(
        graph,
        "SELECT ?name ?partner ?c WHERE { ?org rdfs:label ?name . ?f rdf:subject ?org ;"
        " rdf:predicate kg:partneredWith ; rdf:object ?partner ; kg:confidence ?c }",
    )
    assert [(r["name"], r["partner"]) for r in rows] == [
        (Literal("Norvale Systems"), URIRef("https://kg.example.org/id/quillfin"))
    ]
    assert 0 < rows[0]["c"].toPython() <= 1  # type: ignore[union-attr]


def test_query_and_load_read_a_graph_file(tmp_path: Path, story: Path) -> None:
    graph = kg.build(story).graph
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    assert set(kg.load(path)) == set(graph)
    sparql = "SELECT ?s WHERE { ?s a kg:Organization } ORDER BY ?s"
    assert kg.query(path, sparql) == kg.query(graph, sparql) != []


def test_query_errors_are_kgerrors(story: Path) -> None:
    graph = kg.build(story).graph
    with pytest.raises(KGError, match="syntax error"):
        kg.query(graph, "SELECT ?s WHERE { ?s")
    with pytest.raises(KGError, match="answers SELECT queries"):
        kg.query(graph, "ASK { ?s ?p ?o }")
    with pytest.raises(KGError, match="graph not found"):
        kg.query("missing.ttl", "SELECT * WHERE { ?s ?p ?o }")


def test_build_and_stats_count_a_symmetric_fact_once(tmp_path: Path, story: Path) -> None:
    out = tmp_path / "out"
    built = CliRunner().invoke(main, ["build", str(story), "-o", str(out), "--no-html"])
    assert built.stdout == f"Wrote {out}/graph.ttl: 1 article, 2 facts, 2 entities\n"
    stats = CliRunner().invoke(main, ["stats", str(out / "graph.ttl")])
    assert stats.stdout.splitlines()[-4:] == [
        "facts: 2",
        "  partneredWith         1",
        "  supplies              1",
        "articles: 1",
    ]
