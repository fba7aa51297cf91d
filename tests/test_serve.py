"""kg serve over real HTTP on 127.0.0.1: curl and SPARQLWrapper as clients, content
negotiation, read-only by default, a runaway query stopped, results cut at --max-rows."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from test_query import NAMED_PARAMS, SAMPLE_TTL, values

from kg import catalogue
from kg import params as p
from kg import sparql as q
from kg.cli_sparql import serve_command
from kg.rdfio import load_store

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ACQUIRED = "SELECT ?s ?o WHERE { ?s kg:acquired ?o }"
ID = "https://kg.example.org/id/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    path.write_text(SAMPLE_TTL, encoding="utf-8")
    return path


def start_server(graph: Path, *options: str) -> tuple[subprocess.Popen[str], str]:
    code = "from kg.cli_sparql import serve_command; serve_command()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(graph), "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    banner = proc.stdout.readline()
    assert banner.startswith(f"kg SPARQL endpoint for {graph} at http://127.0.0.1:"), banner
    url = banner.split(" at ", 1)[1].split("/sparql", 1)[0] + "/sparql"
    return proc, url


def stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    proc.wait(timeout=10)


SERVERS: dict[str, subprocess.Popen[str]] = {}


def children(pid: int) -> list[str]:
    """The live child processes of `pid` (any of its threads may have forked them)."""
    found: list[str] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += (task / "children").read_text().split()
    return found


@pytest.fixture(scope="module")
def endpoint(graph: Path) -> Iterator[str]:
    proc, url = start_server(graph, "--timeout", "2", "--max-rows", "5")
    SERVERS[url] = proc
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def writable(graph: Path) -> Iterator[str]:
    proc, url = start_server(graph, "--allow-update")
    yield url
    stop(proc)


def curl(*args: str) -> tuple[int, dict[str, str], str]:
    if shutil.which("curl") is None:
        pytest.skip("curl not installed: apt-get install curl")
    run = subprocess.run(
        ["curl", "-s", "-i", *args], capture_output=True, text=True, check=True, timeout=30
    )
    head, _, body = run.stdout.replace("\r\n", "\n").partition("\n\n")
    lines = head.splitlines()
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


def test_url_is_loopback(endpoint: str) -> None:
    assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/sparql")


def test_curl_get_json(endpoint: str) -> None:
    status, headers, body = curl("-G", "--data-urlencode", f"query={ACQUIRED}", endpoint)
    assert status == 200
    assert headers["content-type"] == "application/sparql-results+json; charset=utf-8"
    assert json.loads(body)["results"]["bindings"] == [
        {
            "s": {"type": "uri", "value": ID + "acme-robotics"},
            "o": {"type": "uri", "value": ID + "kestrel-labs"},
        }
    ]


def test_curl_post_form_csv_and_tsv(endpoint: str) -> None:
    status, headers, body = curl(
        "-H", "Accept: text/csv", "--data-urlencode", f"query={ACQUIRED}", endpoint
    )
    assert (status, body) == (200, f"s,o\n{ID}acme-robotics,{ID}kestrel-labs\n")
    status, headers, body = curl(
        "-H",
        "Accept: text/tab-separated-values",
        "-H",
        "Content-Type: application/sparql-query",
        "--data-binary",
        ACQUIRED,
        endpoint,
    )
    assert (status, body) == (200, f"?s\t?o\n<{ID}acme-robotics>\t<{ID}kestrel-labs>\n")


def test_curl_construct_turtle_and_ntriples(endpoint: str) -> None:
    query = "CONSTRUCT WHERE { ?s kg:launched ?o }"
    status, headers, body = curl("--data-urlencode", f"query={query}", endpoint)
    assert headers["content-type"] == "text/turtle; charset=utf-8"
    assert body.splitlines()[-1] == "id:acme-robotics kg:launched id:helix-assistant ."
    status, headers, body = curl(
        "-H", "Accept: application/n-triples", "--data-urlencode", f"query={query}", endpoint
    )
    assert body == (
        f"<{ID}acme-robotics> <https://kg.example.org/ontology#launched> <{ID}helix-assistant> .\n"
    )


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/csv", ox.QueryResultsFormat.CSV),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
@pytest.mark.parametrize("query", [ACQUIRED, "ASK { ?s kg:acquired ?o }"])
def test_results_are_oxigraphs_own_serialisation(
    endpoint: str, graph: Path, accept: str, fmt: ox.QueryResultsFormat, query: str
) -> None:
    """Every result format is written by Oxigraph's serialiser, byte for byte."""
    request = urllib.request.Request(
        endpoint + "?query=" + urllib.parse.quote(query), headers={"Accept": accept}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        body = response.read()
    expected = load_store(graph).query(query, prefixes=q.prefix_map()).serialize(format=fmt)
    assert body.rstrip(b"\n") == expected.rstrip(b"\n")


def test_a_query_with_from_is_cut_at_max_rows(endpoint: str) -> None:
    """The row limit wraps the query; its FROM clause moves out of the wrapped part."""
    query = "SELECT ?s FROM <urn:x:default> WHERE { ?s ?p ?o } "
    status, _, body = curl(
        "-G", "-H", "Accept: text/csv", "--data-urlencode", f"query={query}", endpoint
    )
    assert (status, body) == (200, "s\n")


def test_updates_refused_by_default(endpoint: str) -> None:
    status, _, body = curl("--data-urlencode", "update=INSERT DATA { id:x id:y id:z }", endpoint)
    assert (status, body) == (
        403,
        "this endpoint is read-only; start kg serve with --allow-update to accept SPARQL updates\n",
    )
    status, _, _ = curl(
        "-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL", endpoint
    )
    assert status == 403
    status, _, body = curl("-G", "--data-urlencode", "query=ASK { ?s a kg:Organization }", endpoint)
    assert json.loads(body)["boolean"] is True


def test_runaway_query_is_stopped(endpoint: str) -> None:
    started = time.monotonic()
    status, _, body = curl("--data-urlencode", f"query={RUNAWAY}", endpoint)
    assert time.monotonic() - started < 5
    assert (status, body) == (
        503,
        "query ran longer than 2 s (the server's --timeout); add LIMIT or filters\n",
    )
    if Path("/proc").is_dir():
        assert children(SERVERS[endpoint].pid) == []  # the worker was killed, not abandoned
    status, _, _ = curl("-G", "--data-urlencode", "query=ASK { ?s ?p ?o }", endpoint)
    assert status == 200  # still serving


def test_results_cut_at_max_rows(endpoint: str) -> None:
    status, headers, body = curl(
        "-H", "Accept: text/csv", "--data-urlencode", "query=SELECT ?s WHERE { ?s ?p ?o }", endpoint
    )
    assert status == 200 and headers["x-kg-truncated"] == "max-rows=5"
    assert len(body.splitlines()) == 6


def test_bad_requests(endpoint: str) -> None:
    status, _, body = curl("--data-urlencode", "query=SELECT * { ?s ?p }", endpoint)
    assert (status, body) == (
        400,
        "query syntax error at line 1, column 19: expected one of "
        "LATERAL, SERVICE\n  SELECT * { ?s ?p }\n"
        "                    ^\n",
    )
    status, _, body = curl(
        "-H", "Accept: image/png", "--data-urlencode", f"query={ACQUIRED}", endpoint
    )
    assert status == 406 and body.startswith("cannot answer as image/png; offered: ")
    status, _, _ = curl(endpoint.replace("/sparql", "/nowhere"))
    assert status == 404
    status, _, body = curl(endpoint)
    assert status == 200 and body.startswith("kg SPARQL endpoint for ")


def test_allow_update(writable: str) -> None:
    status, _, _ = curl(
        "--data-urlencode",
        'update=INSERT DATA { id:zeta a kg:Organization ; rdfs:label "Zeta" }',
        writable,
    )
    assert status == 204
    status, _, body = curl(
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT ?l WHERE { id:zeta rdfs:label ?l }",
        writable,
    )
    assert body == "l\nZeta\n"


# --- SPARQLWrapper ---------------------------------------------------------------------------


def wrapper(url: str) -> object:
    sparqlwrapper = pytest.importorskip("SPARQLWrapper", reason="pip install SPARQLWrapper")
    return sparqlwrapper.SPARQLWrapper(url)


def wrapper_rows(url: str, sparql: str) -> set[tuple[str, ...]]:
    from SPARQLWrapper import JSON, POST

    client = wrapper(url)
    client.setQuery(sparql)  # type: ignore[attr-defined]
    client.setReturnFormat(JSON)  # type: ignore[attr-defined]
    client.setMethod(POST)  # type: ignore[attr-defined]
    doc = client.query().convert()  # type: ignore[attr-defined]
    names = doc["head"]["vars"]
    return {tuple(b.get(v, {}).get("value", "") for v in names) for b in doc["results"]["bindings"]}


@pytest.mark.parametrize("name", [query.name for query in catalogue.named_queries()])
def test_sparqlwrapper_named_queries_match_kg_query(writable: str, graph: Path, name: str) -> None:
    named = catalogue.named_query(name)
    store = load_store(graph)
    sparql = p.bind_params(named.sparql, NAMED_PARAMS.get(name, {}), store, named.required)
    expected = values(q.run_query(store, sparql))
    assert expected  # (the writable server may have gained id:zeta, which states no fact)
    assert wrapper_rows(writable, sparql) == expected


def test_sparqlwrapper_ask_construct_and_xml(endpoint: str) -> None:
    from SPARQLWrapper import JSON, TURTLE, XML

    client = wrapper(endpoint)
    client.setQuery("ASK { id:acme-robotics kg:acquired id:kestrel-labs }")  # type: ignore
    client.setReturnFormat(JSON)  # type: ignore[attr-defined]
    assert client.query().convert()["boolean"] is True  # type: ignore[attr-defined]
    client.setQuery("CONSTRUCT WHERE { ?s kg:acquired ?o }")  # type: ignore[attr-defined]
    client.setReturnFormat(TURTLE)  # type: ignore[attr-defined]
    assert b"id:acme-robotics kg:acquired id:kestrel-labs ." in client.query().convert()  # type: ignore[attr-defined]
    client.setQuery(ACQUIRED)  # type: ignore[attr-defined]
    client.setReturnFormat(XML)  # type: ignore[attr-defined]
    doc = client.query().convert()  # type: ignore[attr-defined]
    assert [u.firstChild.data for u in doc.getElementsByTagName("uri")] == [
        ID + "acme-robotics",
        ID + "kestrel-labs",
    ]


def test_sparqlwrapper_update_refused(endpoint: str) -> None:
    from urllib.error import HTTPError

    from SPARQLWrapper import POST

    client = wrapper(endpoint)
    client.setQuery("INSERT DATA { id:x id:y id:z }")  # type: ignore[attr-defined]
    client.setMethod(POST)  # type: ignore[attr-defined]
    with pytest.raises(HTTPError) as err:
        client.query()  # type: ignore[attr-defined]
    assert err.value.code == 403
    assert err.value.read().decode().startswith("this endpoint is read-only")


# --- CLI errors ------------------------------------------------------------------------------


def test_serve_errors(graph: Path, endpoint: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(serve_command, [str(tmp_path / "none.ttl")])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: graph not found: '{tmp_path / 'none.ttl'}' "
        "(give a graph file, e.g. from kg build)\n",
    )
    port = endpoint.rsplit(":", 1)[1].split("/")[0]
    result = CliRunner().invoke(serve_command, [str(graph), "--port", port])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: cannot listen on 127.0.0.1:{port}: Address already in use "
        "(choose another --port)\n",
    )
