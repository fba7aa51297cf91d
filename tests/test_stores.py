"""Real triple stores on 127.0.0.1 receive the graph and answer the named queries with the same
rows as `kg query`: the Oxigraph server (PyPI `oxigraph`, loaded with `kg push`) and Virtuoso
(Debian `virtuoso-opensource`, loaded with `kg push` and with its bulk loader). Refusals are
reported with the store's status and message."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_query import NAMED_PARAMS, SAMPLE_TTL

from kg import catalogue
from kg import params as p
from kg import sparql as q
from kg.cli_sparql import push_command
from kg.rdfio import load_store

NAMES = [query.name for query in catalogue.named_queries()]
GRAPH_IRI = "https://kg.example.org/graph/test"
BULK_IRI = "https://kg.example.org/graph/bulk"

Rows = set[tuple[str, ...]]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def same_value(text: str) -> str:
    """Numbers compared by value: engines write 3.0E7, 30000000 or 30000000.0."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    return format(number.normalize(), "f") if number.is_finite() else text


def kg_rows(graph: Path, sparql: str) -> Rows:
    return {
        tuple(same_value("" if t is None else t.value) for t in row)
        for row in q.run_query(graph, sparql).rows
    }


def remote_rows(url: str, sparql: str, default_graph: str | None = None) -> Rows:
    fields = {"query": q.with_prefix_declarations(sparql)}
    if default_graph:
        fields["default-graph-uri"] = default_graph
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        doc = json.load(response)
    names = doc["head"]["vars"]
    return {
        tuple(same_value(b.get(v, {}).get("value", "")) for v in names)
        for b in doc["results"]["bindings"]
    }


def named_sparql(graph: Path, name: str) -> str:
    named = catalogue.named_query(name)
    store = load_store(graph)
    return p.bind_params(named.sparql, NAMED_PARAMS.get(name, {}), store, named.required)


def push(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(push_command, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stores") / "graph.ttl"
    path.write_text(SAMPLE_TTL, encoding="utf-8")
    return path


# --- Oxigraph server -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        pytest.skip("the Oxigraph server is not installed: pip install oxigraph")
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/query?query=ASK%7B%7D", 30)
        yield base
    finally:
        stop(proc)


def test_push_to_oxigraph_default_graph(oxigraph: str, graph: Path) -> None:
    assert push(str(graph), "--endpoint", f"{oxigraph}/store") == (
        0,
        (f"Replaced the default graph: 139 triples sent to {oxigraph}/store (HTTP 204)\n"),
    )
    assert push(str(graph), "--endpoint", f"{oxigraph}/store") == (
        0,
        (f"Replaced the default graph: 139 triples sent to {oxigraph}/store (HTTP 204)\n"),
    )
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert remote_rows(f"{oxigraph}/query", count) == {("139",)}


@pytest.mark.parametrize("name", NAMES)
def test_oxigraph_server_answers_named_queries_like_kg(
    oxigraph: str, graph: Path, name: str
) -> None:
    push(str(graph), "--endpoint", f"{oxigraph}/store")
    sparql = named_sparql(graph, name)
    expected = kg_rows(graph, sparql)
    assert expected
    assert remote_rows(f"{oxigraph}/query", sparql) == expected


def test_push_named_graph_replace_and_append(oxigraph: str, graph: Path, tmp_path: Path) -> None:
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }} }}"
    code, out = push(str(graph), "--endpoint", f"{oxigraph}/store", "--graph", GRAPH_IRI)
    assert (code, out) == (
        0,
        f"Replaced graph <{GRAPH_IRI}>: 139 triples sent to {oxigraph}/store (HTTP 201)\n",
    )
    extra = tmp_path / "extra.nt"
    extra.write_text(
        '<https://kg.example.org/id/zeta> <http://www.w3.org/2000/01/rdf-schema#label> "Zeta" .\n'
    )
    code, out = push(
        str(extra), "--endpoint", f"{oxigraph}/store", "--graph", GRAPH_IRI, "--append"
    )
    assert (code, out) == (
        0,
        f"Appended to graph <{GRAPH_IRI}>: 1 triple sent to {oxigraph}/store (HTTP 204)\n",
    )
    assert remote_rows(f"{oxigraph}/query", count) == {("140",)}
    push(str(extra), "--endpoint", f"{oxigraph}/store", "--graph", GRAPH_IRI)
    assert remote_rows(f"{oxigraph}/query", count) == {("1",)}


def test_refusals_name_status_and_message(oxigraph: str, graph: Path) -> None:
    code, out = push(str(graph), "--endpoint", f"{oxigraph}/store", "--graph", "not an iri")
    assert (code, out) == (
        1,
        (
            "Error: the store refused the graph: HTTP 400 Bad Request from PUT "
            f"{oxigraph}/store?graph=not%20an%20iri: Invalid IRI code point ' '\n"
        ),
    )
    port = free_port()
    code, out = push(str(graph), "--endpoint", f"http://127.0.0.1:{port}/store")
    assert (code, out) == (
        1,
        (
            f"Error: cannot reach the store at http://127.0.0.1:{port}/store"
            "?default: [Errno 111] Connection refused\n"
        ),
    )
    code, out = push(str(graph), "--endpoint", "ftp://example.org/store")
    assert code == 1 and out.startswith("Error: --endpoint 'ftp://example.org/store': give an")


# --- Virtuoso --------------------------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., {data}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def isql(port: int, sql: str) -> str:
    run = subprocess.run(
        ["isql-vt", f"127.0.0.1:{port}", "dba", "dba", f"exec={sql}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if run.returncode != 0 or "*** Error" in run.stdout + run.stderr:
        raise RuntimeError(f"isql-vt failed: {run.stdout}{run.stderr}")
    return run.stdout


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory, graph: Path) -> Iterator[str]:
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed: apt-get install virtuoso-opensource")
    folder = tmp_path_factory.mktemp("virtuoso")
    db, data = folder / "db", folder / "data"
    db.mkdir()
    data.mkdir()
    shutil.copy(graph, data / "graph.ttl")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=db, data=data, sql_port=sql_port, http_port=http_port))
    proc = subprocess.Popen(
        ["virtuoso-t", "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{http_port}"
        wait_for(f"{base}/sparql?query=ASK%7B%7D", 90)
        isql(
            sql_port, f"ld_dir('{data}', 'graph.ttl', '{BULK_IRI}'); rdf_loader_run(); checkpoint;"
        )
        yield f"{base}|{sql_port}"
    finally:
        stop(proc)


def test_virtuoso_refuses_anonymous_writes_with_its_message(virtuoso: str, graph: Path) -> None:
    base = virtuoso.split("|")[0]
    code, out = push(str(graph), "--endpoint", f"{base}/sparql-graph-crud", "--graph", GRAPH_IRI)
    assert code == 1
    assert out.startswith(
        "Error: the store refused the graph: HTTP 403 Forbidden from PUT "
        f"{base}/sparql-graph-crud?graph="
    )
    assert out.endswith(
        "SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)\n"
    )


@pytest.fixture(scope="module")
def virtuoso_pushed(virtuoso: str, graph: Path) -> str:
    base, sql_port = virtuoso.split("|")
    isql(int(sql_port), 'GRANT SPARQL_UPDATE TO "SPARQL";')
    code, out = push(str(graph), "--endpoint", f"{base}/sparql-graph-crud", "--graph", GRAPH_IRI)
    assert (code, out) == (
        0,
        f"Replaced graph <{GRAPH_IRI}>: 139 triples sent to {base}/sparql-graph-crud (HTTP 201)\n",
    )
    code, out = push(
        str(graph), "--endpoint", f"{base}/sparql-graph-crud", "--graph", GRAPH_IRI, "--append"
    )
    assert code == 0  # stable IRIs, no blank nodes: appending the same graph adds nothing
    return base


def test_virtuoso_holds_each_triple_once(virtuoso_pushed: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for iri in (GRAPH_IRI, BULK_IRI):
        assert remote_rows(f"{virtuoso_pushed}/sparql", count, iri) == {("139",)}


@pytest.mark.parametrize("name", NAMES)
def test_virtuoso_answers_named_queries_like_kg(
    virtuoso_pushed: str, graph: Path, name: str
) -> None:
    sparql = named_sparql(graph, name)
    expected = kg_rows(graph, sparql)
    assert expected
    for iri in (GRAPH_IRI, BULK_IRI):  # loaded by kg push, and by Virtuoso's bulk loader
        assert remote_rows(f"{virtuoso_pushed}/sparql", sparql, iri) == expected
