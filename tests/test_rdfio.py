"""One RDF loader: a graph exported in every RDF format and suffix reads back the same through
every command (query, viz, validate, stats, evaluate); one atomic writer; one format table."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.errors import KGError
from kg.rdfio import RDF_SYNTAXES, check_set, load_graph, load_store, write_atomic, write_set

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden.ttl"
EXPORTS = [
    ("ttl", ".ttl"),
    ("nt", ".nt"),
    ("nq", ".nq"),
    ("trig", ".trig"),
    ("jsonld", ".jsonld"),
    ("jsonld", ".json-ld"),
]
COUNTS = """SELECT (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?f) AS ?statements)
  (COUNT(DISTINCT ?a) AS ?articles) WHERE {
  { ?e a ?c . FILTER(?c IN (kg:Organization, kg:Person, kg:Place)) }
  UNION { ?f a rdf:Statement } UNION { ?a a schema:NewsArticle } }"""
GOLD = {
    "article": "story.txt",
    "entities": [
        {"label": "Pellwood Data", "type": "Organization"},
        {"label": "Harrowgate Thermal", "type": "Organization"},
        {"label": "Dublin", "type": "Place"},
        {"label": "Finland", "type": "Place"},
        {"label": "Siobhan Kearney", "type": "Person"},
    ],
    "triples": [
        {"subject": "Pellwood Data", "predicate": "headquarteredIn", "object": "Dublin"},
        {"subject": "Pellwood Data", "predicate": "partneredWith", "object": "Harrowgate Thermal"},
        {"subject": "Pellwood Data", "predicate": "acquired", "object": "Harrowgate Thermal"},
    ],
}


def kg(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def readings(graph: Path, gold: Path, pages: Path) -> dict[str, str]:
    """What each reading command says about `graph`, with the file's name taken out."""
    out: dict[str, str] = {}
    for name, args in {
        "query": ["query", graph, COUNTS, "--format", "csv"],
        "viz": ["viz", graph, "-o", pages / f"{graph.name}.html"],
        "validate": ["validate", graph],
        "stats": ["stats", graph],
        "evaluate": ["evaluate", graph, gold],
    }.items():
        result = kg(*args)
        assert result.exit_code == 0, (name, result.output)
        out[name] = re.sub(r"\S*" + re.escape(graph.name) + r"\S*", "GRAPH", result.stdout)
    return out


def test_every_export_format_and_suffix_reads_back_the_same(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    expected = readings(GOLDEN, gold, tmp_path)
    assert expected["query"].splitlines() == ["entities,statements,articles", "5,4,1"]
    assert expected["viz"].startswith("Wrote GRAPH 5 nodes, 4 edges")
    assert "conforms to the shapes" in expected["validate"]
    assert expected["stats"].startswith("entities: 5\n")
    assert "facts: 4\n" in expected["stats"]
    assert "ALL" in expected["evaluate"]
    for fmt, suffix in EXPORTS:
        target = tmp_path / f"graph{suffix}"
        result = kg("export", GOLDEN, "--format", fmt, "-o", target)
        assert result.exit_code == 0, result.output
        assert readings(target, gold, tmp_path) == expected, suffix


def test_export_takes_either_json_ld_suffix(tmp_path: Path) -> None:
    for suffix in (".jsonld", ".json-ld"):
        target = tmp_path / f"g{suffix}"
        result = kg("export", GOLDEN, "-o", target)
        assert result.exit_code == 0, result.output
        assert target.read_text(encoding="utf-8").startswith('{"@context"')


def test_both_loaders_read_the_same_triples() -> None:
    store = load_store(GOLDEN)
    graph = load_graph(GOLDEN)
    assert len(store) == len(graph) == 74


@pytest.mark.parametrize("load", [load_store, load_graph])
def test_loaders_share_their_messages(tmp_path: Path, load: object) -> None:
    missing = tmp_path / "none.ttl"
    with pytest.raises(KGError) as err:
        load(missing)  # type: ignore[operator]
    assert str(err.value) == f"graph not found: '{missing}' (give a graph file, e.g. from kg build)"
    odd = tmp_path / "graph.txt"
    odd.write_text("x")
    with pytest.raises(KGError) as err:
        load(odd)  # type: ignore[operator]
    assert str(err.value) == (
        f"cannot tell the RDF format of '{odd}' (name it " + ", ".join(RDF_SYNTAXES) + ")"
    )
    broken = tmp_path / "broken.ttl"  # a file cut short
    broken.write_text("@prefix a: <http://a/> .\na:b a:c a:d .\na:x a:y")
    with pytest.raises(KGError) as err:
        load(broken)  # type: ignore[operator]
    assert str(err.value) == (
        f"'{broken}' is not valid Turtle: Parser error at line 3 column 8: Unexpected end"
    )


def test_atomic_writes_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "a" / "file.ttl", b"data")
    finally:
        os.umask(old)
    written = tmp_path / "a" / "file.ttl"
    assert written.read_bytes() == b"data"
    assert written.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in written.parent.iterdir()] == ["file.ttl"]


def test_viz_page_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        result = kg("viz", GOLDEN, "-o", tmp_path / "g.html")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g.html").stat().st_mode & 0o777 == 0o600


def test_a_build_writes_a_record_of_its_set(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text((DATA / "golden_article.txt").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    result = kg("build", story, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        ".cache",
        "build.json",
        "graph.html",
        "graph.index.json",
        "graph.ttl",
    ]
    record = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert (record["articles"], record["entities"], record["facts"]) == (1, 5, 4)
    assert record["problems"] == []
    assert set(record["versions"]) == {"python", "kg", "spacy", "rdflib", "pyoxigraph", "model"}
    for name in ("graph.ttl", "graph.html"):
        data = (out / name).read_bytes()
        assert record["files"][name] == {
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    first = (out / "build.json").read_bytes()
    again = kg("build", story, "--into", out / "graph.ttl", "-o", out)
    assert again.exit_code == 0, again.output
    assert (out / "build.json").read_bytes() == first  # same articles, same set, same record
    stats = kg("stats", out / "graph.ttl")
    assert (stats.exit_code, stats.stderr) == (0, "")


def test_stats_notices_a_set_not_written_together(tmp_path: Path) -> None:
    """What a SIGKILL between two renames leaves: a new graph.ttl beside the old page and
    the old build.json, whose hashes are the old ones."""
    story = tmp_path / "story.txt"
    story.write_text((DATA / "golden_article.txt").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    assert kg("build", story, "-o", out).exit_code == 0
    other = tmp_path / "other"
    assert kg("build", story, "-o", other, "--min-confidence", "0.99").exit_code == 0
    (out / "graph.ttl").write_bytes((other / "graph.ttl").read_bytes())
    result = kg("stats", out / "graph.ttl")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Warning: {out / 'graph.ttl'} is not the file {out / 'build.json'} records\n"
        f"Warning: the files in {out} were not written together (a build was cut short?); "
        "build them again with kg build\n"
    )
    (out / "graph.html").unlink()
    assert f"Warning: {out / 'graph.html'} is missing\n" in kg("stats", out / "graph.ttl").stderr


def test_a_set_cut_short_leaves_no_temporary_files_and_no_record(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()  # a folder where a file of the set should go
    with pytest.raises(OSError):
        write_set(tmp_path, {"a": b"1", "b": b"2"}, {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]  # no build.json
    assert check_set(tmp_path / "a") == []  # no build.json: nothing to check


def test_a_truncated_graph_under_into_names_its_line(tmp_path: Path) -> None:
    cut = tmp_path / "graph.ttl"
    cut.write_bytes(GOLDEN.read_bytes()[:1000])
    story = tmp_path / "story.txt"
    story.write_text("Acme bought Beta.")
    result = kg("build", story, "--into", cut, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: '{cut}' is not valid Turtle: Parser error at line ")
    assert not (tmp_path / "out").exists()


def test_collections_nest_and_the_outermost_block_unfreezes() -> None:
    import gc

    from kg.triples import left_out_of_collections

    assert gc.get_freeze_count() == 0
    with left_out_of_collections():
        outer = gc.get_freeze_count()
        with left_out_of_collections():
            pass
        assert gc.get_freeze_count() >= outer > 0  # the inner block leaves the outer's frozen
    assert gc.get_freeze_count() == 0
    with left_out_of_collections(on=False):
        assert gc.get_freeze_count() == 0


def test_a_paused_collector_leaves_nothing_frozen_and_keeps_an_outer_freeze() -> None:
    """What a paused block made goes to the oldest generation; inside a freeze, it stays
    frozen until the outer block ends."""
    import gc

    from kg.triples import collector_paused, left_out_of_collections

    with collector_paused():
        made = [[] for _ in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    oldest = gc.get_objects(generation=2)  # not left for the young generations to walk
    assert any(o is made[0] for o in oldest) and any(o is made[-1] for o in oldest)
    with left_out_of_collections():
        with collector_paused():
            more = [[] for _ in range(1000)]
        assert gc.get_freeze_count() >= len(more)
    assert gc.get_freeze_count() == 0


def test_a_vocabulary_term_is_one_object_however_it_is_asked_for() -> None:
    from rdflib import RDFS, URIRef

    from kg.triples import shared

    term = shared(RDFS.label)
    assert shared(str(RDFS.label)) is term
    assert shared(URIRef(str(RDFS.label))) is term
    assert type(term) is URIRef and term == RDFS.label


def test_a_loaded_graph_says_the_same_of_a_subject_either_way() -> None:
    from kg.rdfio import load_triples

    triples = load_triples(GOLDEN)
    for subject in {s for s, _, _ in triples}:
        about = triples.about(subject)
        assert {(p, o) for p, objects in about.items() for o in objects} == set(
            triples.predicate_objects(subject)
        )
        assert all(
            list(objects) == list(triples.objects(subject, p)) for p, objects in about.items()
        )
