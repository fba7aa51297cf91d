"""kg export: every format round-trips, Raptor's rapper parses the RDF ones without warnings,
TriG/N-Quads hold one named graph per article, GraphML opens in networkx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from test_query import SAMPLE_TTL, values

from kg import sparql as q
from kg.cli_sparql import export_command

RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig"}
ID = "https://kg.example.org/id/"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "graph.ttl"
    path.write_text(SAMPLE_TTL, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exported(sample: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for fmt in ("ttl", "nt", "nq", "trig", "jsonld", "graphml"):
        target = sample.parent / f"out.{fmt}"
        result = CliRunner().invoke(export_command, [str(sample), "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert result.output == f"wrote {target} ({fmt})\n"
        out[fmt] = target
    return out


def rdflib_triples(path: Path, fmt: str) -> set[tuple[object, object, object]]:
    """The triples rdflib reads from `path` (graphs merged), literals compared by value
    (Oxigraph writes numbers in canonical form: 25000000.0 becomes 25000000)."""
    syntax = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
    dataset = rdflib.Dataset()
    dataset.parse(path, format=syntax[fmt])
    return {
        (s, p, o.toPython() if isinstance(o, rdflib.Literal) else o)
        for s, p, o, _ in dataset.quads()
    }


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_rdf_formats_round_trip(exported: dict[str, Path], sample: Path, fmt: str) -> None:
    assert rdflib_triples(exported[fmt], fmt) == rdflib_triples(sample, "ttl")
    # and kg's own loader reads it back: same rows from a named query
    assert values(q.run_query(exported[fmt], q.named_query("sources").sparql)) == values(
        q.run_query(sample, q.named_query("sources").sparql)
    )


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig"])
def test_rapper_parses_without_warnings(exported: dict[str, Path], fmt: str) -> None:
    if shutil.which("rapper") is None:
        pytest.skip("rapper not installed: apt-get install raptor2-utils")
    run = subprocess.run(
        ["rapper", "-i", RAPPER_SYNTAX[fmt], "-c", str(exported[fmt])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2, run.stderr  # "Parsing URI ..." and "Parsing returned N triples"
    assert lines[0].startswith("rapper: Parsing URI ")
    expected = 146 if fmt in ("nq", "trig") else 139  # facts repeat in each article's graph
    assert lines[1] == f"rapper: Parsing returned {expected} triples"


# Apache Jena from Debian (libapache-jena-java 4.5) ships no `riot` launcher, and its relocated
# xerces classes look for their message bundles under xerces/ while the jar holds them under
# org/apache/jena/ext/xerces/: build the classpath by hand and copy the bundles where they are
# looked for. Debian has no Jakarta JSON implementation for Jena's JSON-LD 1.1 reader
# (titanium), so JSON-LD is checked with the JSON-LD 1.0 reader (jsonld-java).
JENA_JARS = (
    "jena-arq",
    "jena-base",
    "jena-core",
    "jena-iri",
    "jena-cmds",
    "jena-shacl",
    "jena-shex",
    "jena-dboe-base",
    "jena-dboe-index",
    "jena-dboe-storage",
    "jena-dboe-trans-data",
    "jena-dboe-transaction",
    "jena-tdb",
    "jena-tdb2",
    "jena-rdfconnection",
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpclient-cache",
    "httpcore",
    "jackson-core",
    "jackson-databind",
    "jackson-annotations",
    "jsonld-java",
    "jakarta.json-api",
    "protobuf",
    "slf4j-api",
    "slf4j-simple",
    "thrift",
    "titanium-json-ld",
)
JENA_SYNTAX = {
    "ttl": "turtle",
    "nt": "ntriples",
    "nq": "nquads",
    "trig": "trig",
    "jsonld": "jsonld10",
}


@pytest.fixture(scope="module")
def jena_classpath(tmp_path_factory: pytest.TempPathFactory) -> str:
    java_dir = Path("/usr/share/java")
    if shutil.which("java") is None or not (java_dir / "jena-arq.jar").is_file():
        pytest.skip(
            "Apache Jena not installed: apt-get install libapache-jena-java default-jre-headless"
        )
    import zipfile

    bundles = tmp_path_factory.mktemp("jena-bundles")
    with zipfile.ZipFile(java_dir / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = bundles / name.removeprefix("org/apache/jena/ext/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return ":".join([str(bundles), *(str(java_dir / f"{jar}.jar") for jar in JENA_JARS)])


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_jena_riot_validates(exported: dict[str, Path], jena_classpath: str, fmt: str) -> None:
    run = subprocess.run(
        [
            "java",
            "-cp",
            jena_classpath,
            "riotcmd.riot",
            f"--syntax={JENA_SYNTAX[fmt]}",
            "--validate",
            str(exported[fmt]),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    count = subprocess.run(
        [
            "java",
            "-cp",
            jena_classpath,
            "riotcmd.riot",
            f"--syntax={JENA_SYNTAX[fmt]}",
            "--count",
            str(exported[fmt]),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    kind, expected = ("Quads", 146) if fmt in ("nq", "trig") else ("Triples", 139)
    assert count.stderr.strip().endswith(f" : {kind} = {expected}")


def test_jena_riot_does_report_problems(jena_classpath: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('<urn:a> <urn:b> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')
    run = subprocess.run(
        ["java", "-cp", jena_classpath, "riotcmd.riot", "--validate", str(bad)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 1 and "not valid for datatype XSD integer" in run.stderr


def test_jsonld_has_a_context_and_compact_names(exported: dict[str, Path]) -> None:
    text = exported["jsonld"].read_text(encoding="utf-8")
    assert text.startswith('{"@context": {"kg": "https://kg.example.org/ontology#", "id": ')
    assert '"@id": "id:acme-robotics", "@type": ["kg:Organization"]' in text
    dataset = ox.Dataset(ox.parse(path=str(exported["jsonld"]), format=ox.RdfFormat.JSON_LD))
    assert len(dataset) == 139


def test_trig_has_one_named_graph_per_article(exported: dict[str, Path]) -> None:
    store = ox.Store()
    store.load(path=str(exported["trig"]), format=ox.RdfFormat.TRIG)
    graphs = sorted(g.value for g in store.named_graphs())
    assert graphs == [ID + "article-a1", ID + "article-b2", ID + "article-c3"]
    rows = store.query(
        "SELECT ?g WHERE { GRAPH ?g { id:acme-robotics kg:partneredWith id:borealis-chips } }",
        prefixes=q.prefix_map(),
    )
    assert sorted(r[0].value for r in rows) == [ID + "article-a1", ID + "article-b2"]
    default = store.query("ASK { GRAPH ?g { ?e a kg:Organization } }", prefixes=q.prefix_map())
    assert not default  # entities live in the default graph
    evidence = store.query(
        "SELECT ?g WHERE { GRAPH ?g { id:fact-0000000000000001 prov:wasDerivedFrom "
        "id:sentence-b2-0-90 } }",
        prefixes=q.prefix_map(),
    )
    assert [r[0].value for r in evidence] == [ID + "article-b2"]


def test_graphml_nodes_and_edges(exported: dict[str, Path]) -> None:
    graph = nx.read_graphml(exported["graphml"], force_multigraph=True)
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 9
    acme = graph.nodes[ID + "acme-robotics"]
    assert (acme["label"], acme["class"]) == ("Acme Robotics", "Organization")
    edge = graph.get_edge_data(ID + "acme-robotics", ID + "borealis-chips")
    (attrs,) = edge.values()
    assert (attrs["predicate"], attrs["sources"], attrs["confidence"]) == ("partneredWith", 2, 0.9)


def test_stdout_and_errors(sample: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(export_command, [str(sample), "--format", "nt"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 139
    result = CliRunner().invoke(export_command, [str(sample), "-o", str(tmp_path / "x.txt")])
    assert (result.exit_code, result.output) == (
        1,
        "Error: say which format to write: --format ttl|nt|nq|trig|jsonld|graphml\n",
    )
    result = CliRunner().invoke(export_command, [str(sample), "-o", "/nonexistent/x.nt"])
    assert (result.exit_code, result.output) == (
        1,
        "Error: /nonexistent/x.nt: the folder /nonexistent does not exist\n",
    )
    result = CliRunner().invoke(
        export_command, [str(tmp_path / "no.ttl"), "-o", str(tmp_path / "x.nt")]
    )
    assert (
        result.output == f"Error: {tmp_path / 'no.ttl'}: no such graph file "
        "(build one with `kg build`)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing half-written


def test_failed_write_leaves_no_file(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg import export

    def boom(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "write_jsonld", boom)
    target = tmp_path / "g.jsonld"
    with pytest.raises(RuntimeError):
        export.export_graph(sample, "jsonld", target)
    assert list(tmp_path.iterdir()) == []
