"""kg query: named queries, output formats and errors, against a hand-built example graph.

SAMPLE_TTL is the small graph in the documented shape (invented entities) that the export,
serve, store and validate tests also use.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import catalogue, timeouts
from kg import params as p
from kg import sparql as q
from kg.cli_sparql import query_command
from kg.rdfio import load_store

GOLDEN = Path(__file__).parent / "data" / "golden.ttl"

SAMPLE_TTL = """\
@prefix kg: <https://kg.example.org/ontology#> .
@prefix id: <https://kg.example.org/id/> .
@prefix schema: <https://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

id:acme-robotics a kg:Organization ; rdfs:label "Acme Robotics" ;
    skos:prefLabel "Acme Robotics" ;
    skos:altLabel "Acme", "Acme Robotics Inc." .
id:borealis-chips a kg:Organization ; rdfs:label "Borealis Chips" ;
    skos:prefLabel "Borealis Chips" .
id:cobalt-ventures a kg:Organization ; rdfs:label "Cobalt Ventures" ;
    skos:prefLabel "Cobalt Ventures" .
id:kestrel-labs a kg:Organization ; rdfs:label "Kestrel Labs" ; skos:prefLabel "Kestrel Labs" .
id:dana-whitfield a kg:Person ; rdfs:label "Dana Whitfield" ; skos:prefLabel "Dana Whitfield" .
id:helix-assistant a kg:Product ; rdfs:label "Helix Assistant" ; skos:prefLabel "Helix Assistant" .
id:lumen-vision a kg:Technology ; rdfs:label "Lumen Vision" ; skos:prefLabel "Lumen Vision" .
id:oslo a kg:Place ; rdfs:label "Oslo" ; skos:prefLabel "Oslo" .

id:acme-robotics kg:partneredWith id:borealis-chips ;
    kg:acquired id:kestrel-labs ;
    kg:launched id:helix-assistant ;
    kg:headquarteredIn id:oslo .
id:cobalt-ventures kg:investedIn id:acme-robotics, id:kestrel-labs .
id:dana-whitfield kg:ceoOf id:acme-robotics ; kg:investedIn id:lumen-vision .
id:helix-assistant kg:uses id:lumen-vision .

id:article-a1 a schema:NewsArticle ; dcterms:title "Acme and Borealis team up on robot chips" ;
    dcterms:source "articles/acme-borealis.txt" ; dcterms:date "2025-03-04"^^xsd:date .
id:article-b2 a schema:NewsArticle ; dcterms:title "Cobalt Ventures backs Acme Robotics" ;
    dcterms:source "articles/cobalt.txt" ; dcterms:date "2025-04-10"^^xsd:date .
id:article-c3 a schema:NewsArticle ; dcterms:title "Acme buys Kestrel Labs" ;
    dcterms:source "articles/kestrel.txt" .

id:sentence-a1-0-70 a kg:Sentence ;
    rdf:value "Oslo-based Acme Robotics announced a partnership with Borealis Chips." ;
    kg:startOffset 0 ; kg:endOffset 70 ; dcterms:isPartOf id:article-a1 .
id:sentence-a1-71-140 a kg:Sentence ;
    rdf:value "Acme Robotics launched Helix Assistant, which uses Lumen Vision." ;
    kg:startOffset 71 ; kg:endOffset 140 ; dcterms:isPartOf id:article-a1 .
id:sentence-b2-0-90 a kg:Sentence ;
    rdf:value "Cobalt Ventures invested $25 million in Acme Robotics, a Borealis Chips partner." ;
    kg:startOffset 0 ; kg:endOffset 90 ; dcterms:isPartOf id:article-b2 .
id:sentence-b2-91-160 a kg:Sentence ;
    rdf:value "CEO Dana Whitfield also put money into Lumen Vision." ;
    kg:startOffset 91 ; kg:endOffset 160 ; dcterms:isPartOf id:article-b2 .
id:sentence-c3-0-80 a kg:Sentence ;
    rdf:value "Acme Robotics acquired Kestrel Labs, in which Cobalt Ventures invested $5 million." ;
    kg:startOffset 0 ; kg:endOffset 80 ; dcterms:isPartOf id:article-c3 .

id:fact-0000000000000001 a rdf:Statement ;
    rdf:subject id:acme-robotics ; rdf:predicate kg:partneredWith ; rdf:object id:borealis-chips ;
    kg:confidence 0.9 ; kg:pattern "noun-prep" ;
    prov:wasDerivedFrom id:sentence-a1-0-70, id:sentence-b2-0-90 .
id:fact-0000000000000002 a rdf:Statement ;
    rdf:subject id:acme-robotics ; rdf:predicate kg:headquarteredIn ; rdf:object id:oslo ;
    kg:confidence 0.7 ; kg:pattern "compound-based" ; prov:wasDerivedFrom id:sentence-a1-0-70 .
id:fact-0000000000000003 a rdf:Statement ;
    rdf:subject id:acme-robotics ; rdf:predicate kg:launched ; rdf:object id:helix-assistant ;
    kg:confidence 0.95 ; kg:pattern "active-verb" ; prov:wasDerivedFrom id:sentence-a1-71-140 .
id:fact-0000000000000004 a rdf:Statement ;
    rdf:subject id:helix-assistant ; rdf:predicate kg:uses ; rdf:object id:lumen-vision ;
    kg:confidence 0.8 ; kg:pattern "relative-clause" ; prov:wasDerivedFrom id:sentence-a1-71-140 .
id:fact-0000000000000005 a rdf:Statement ;
    rdf:subject id:cobalt-ventures ; rdf:predicate kg:investedIn ; rdf:object id:acme-robotics ;
    kg:confidence 0.9 ; kg:pattern "active-verb" ; kg:amount 25000000.0 ; kg:currency "USD" ;
    prov:wasDerivedFrom id:sentence-b2-0-90 .
id:fact-0000000000000006 a rdf:Statement ;
    rdf:subject id:dana-whitfield ; rdf:predicate kg:ceoOf ; rdf:object id:acme-robotics ;
    kg:confidence 0.85 ; kg:pattern "title" ; prov:wasDerivedFrom id:sentence-b2-91-160 .
id:fact-0000000000000007 a rdf:Statement ;
    rdf:subject id:dana-whitfield ; rdf:predicate kg:investedIn ; rdf:object id:lumen-vision ;
    kg:confidence 0.6 ; kg:pattern "noun-prep" ; prov:wasDerivedFrom id:sentence-b2-91-160 .
id:fact-0000000000000008 a rdf:Statement ;
    rdf:subject id:acme-robotics ; rdf:predicate kg:acquired ; rdf:object id:kestrel-labs ;
    kg:confidence 0.95 ; kg:pattern "active-verb" ; prov:wasDerivedFrom id:sentence-c3-0-80 .
id:fact-0000000000000009 a rdf:Statement ;
    rdf:subject id:cobalt-ventures ; rdf:predicate kg:investedIn ; rdf:object id:kestrel-labs ;
    kg:confidence 0.75 ; kg:pattern "relative-clause" ; kg:amount 5000000.0 ; kg:currency "USD" ;
    prov:wasDerivedFrom id:sentence-c3-0-80 .
"""


@pytest.fixture(scope="session")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    path.write_text(SAMPLE_TTL, encoding="utf-8")
    return path


def kg_query(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(query_command, [str(a) for a in args])
    return result.exit_code, result.output


def values(result: q.QueryResult) -> set[tuple[str, ...]]:
    return {tuple("" if t is None else t.value for t in row) for row in result.rows}


def run_named(graph: Path, name: str, **params: str) -> q.QueryResult:
    named = catalogue.named_query(name)
    store = load_store(graph)
    return q.run_query(store, p.bind_params(named.sparql, params, store, named.required))


# --- named queries ---------------------------------------------------------------------------

NAMED_PARAMS = {"entity": {"entity": "Acme"}, "article-facts": {"article": "id:article-b2"}}
ID = "https://kg.example.org/id/"
KG = "https://kg.example.org/ontology#"


def test_every_named_query_has_a_description_and_runs(sample_graph: Path) -> None:
    queries = catalogue.named_queries()
    assert {n.name for n in queries} == {
        "acquisitions",
        "article-facts",
        "entity",
        "evidence",
        "investment-totals",
        "investments",
        "launches",
        "partnerships",
        "sources",
    }
    for named in queries:
        assert named.description and not named.description.startswith("#")
        assert run_named(sample_graph, named.name, **NAMED_PARAMS.get(named.name, {})).rows


def test_partnerships_counts_articles_once_per_pair(sample_graph: Path) -> None:
    assert values(run_named(sample_graph, "partnerships")) == {
        (ID + "acme-robotics", "Acme Robotics", ID + "borealis-chips", "Borealis Chips", "2")
    }


def test_investments_with_amounts_and_totals(sample_graph: Path) -> None:
    assert values(run_named(sample_graph, "investments")) == {
        (
            ID + "cobalt-ventures",
            "Cobalt Ventures",
            ID + "acme-robotics",
            "Acme Robotics",
            "25000000",
            "USD",
        ),
        (
            ID + "cobalt-ventures",
            "Cobalt Ventures",
            ID + "kestrel-labs",
            "Kestrel Labs",
            "5000000",
            "USD",
        ),
        (ID + "dana-whitfield", "Dana Whitfield", ID + "lumen-vision", "Lumen Vision", "", ""),
    }
    assert values(run_named(sample_graph, "investment-totals")) == {
        (ID + "cobalt-ventures", "Cobalt Ventures", "USD", "2", "30000000")
    }
    only = run_named(sample_graph, "investments", investor="Dana Whitfield")
    assert [row[3].value for row in only.rows if row[3]] == ["Lumen Vision"]


def test_sources_ranks_entities_by_articles(sample_graph: Path) -> None:
    rows = run_named(sample_graph, "sources").rows
    ranked = [(r[1].value, r[3].value, r[4].value) for r in rows if r[1] and r[3] and r[4]]
    assert ranked[:2] == [("Acme Robotics", "3", "6"), ("Cobalt Ventures", "2", "2")]
    assert len(ranked) == 8


def test_evidence_and_article_facts(sample_graph: Path) -> None:
    rows = run_named(sample_graph, "evidence", subject="Acme", property="kg:partneredWith").rows
    assert {(r[4].value, r[7].value) for r in rows if r[4] and r[7]} == {
        (
            "Oslo-based Acme Robotics announced a partnership with Borealis Chips.",
            ID + "article-a1",
        ),
        (
            "Cobalt Ventures invested $25 million in Acme Robotics, a Borealis Chips partner.",
            ID + "article-b2",
        ),
    }
    facts = run_named(sample_graph, "article-facts", article="Acme buys Kestrel Labs")
    assert {(r[0].value, r[1].value, r[2].value) for r in facts.rows if r[0] and r[1] and r[2]} == {
        ("Acme Robotics", KG + "acquired", "Kestrel Labs"),
        ("Cobalt Ventures", KG + "investedIn", "Kestrel Labs"),
    }


def test_entity_by_alt_label_and_by_iri_agree(sample_graph: Path) -> None:
    by_name = values(run_named(sample_graph, "entity", entity="acme robotics inc."))
    assert by_name == values(run_named(sample_graph, "entity", entity="id:acme-robotics"))
    assert ("in", KG + "ceoOf", ID + "dana-whitfield", "Dana Whitfield") in by_name


# --- the command -----------------------------------------------------------------------------


def test_table_output(sample_graph: Path) -> None:
    assert kg_query(sample_graph, "--name", "launches") == (
        0,
        (
            "?organisation     ?organisationLabel  ?product            ?productLabel\n"
            "----------------  ------------------  ------------------  ---------------\n"
            "id:acme-robotics  Acme Robotics       id:helix-assistant  Helix Assistant\n"
            "(1 row)\n"
        ),
    )


def test_csv_tsv_json_xml(sample_graph: Path) -> None:
    sparql = "SELECT ?e ?n WHERE { ?e skos:altLabel ?n } ORDER BY ?n"
    code, out = kg_query(sample_graph, sparql, "--format", "csv")
    assert (code, out) == (
        0,
        "e,n\nhttps://kg.example.org/id/acme-robotics,Acme\n"
        "https://kg.example.org/id/acme-robotics,Acme Robotics Inc.\n",
    )
    code, out = kg_query(
        sample_graph, "SELECT ?s WHERE { ?s kg:startOffset 91 }", "--format", "tsv"
    )
    assert out == "?s\n<https://kg.example.org/id/sentence-b2-91-160>\n"
    code, out = kg_query(
        sample_graph,
        "SELECT ?c WHERE { id:fact-0000000000000007 kg:confidence ?c }",
        "--format",
        "json",
    )
    assert json.loads(out) == {
        "head": {"vars": ["c"]},
        "results": {
            "bindings": [
                {
                    "c": {
                        "type": "literal",
                        "value": "0.6",
                        "datatype": "http://www.w3.org/2001/XMLSchema#decimal",
                    }
                }
            ]
        },
    }
    code, out = kg_query(sample_graph, "ASK { id:acme-robotics kg:acquired ?x }", "--format", "xml")
    assert "<boolean>true</boolean>" in out


def test_ask_and_construct(sample_graph: Path) -> None:
    assert kg_query(sample_graph, "ASK { id:oslo kg:acquired ?x }") == (0, "false\n")
    code, out = kg_query(sample_graph, "CONSTRUCT WHERE { ?s kg:acquired ?o }")
    assert code == 0
    assert out.splitlines()[-1] == "id:acme-robotics kg:acquired id:kestrel-labs ."
    code, out = kg_query(sample_graph, "CONSTRUCT WHERE { ?s kg:acquired ?o }", "--format", "nt")
    assert out == (f"<{ID}acme-robotics> <{KG}acquired> <{ID}kestrel-labs> .\n")


def test_query_from_file_and_stdin(sample_graph: Path, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Organization }\n")
    assert kg_query(sample_graph, "-f", rq, "--format", "csv") == (0, "n\n4\n")
    result = CliRunner().invoke(
        query_command,
        [str(sample_graph), "-f", "-", "--format", "csv"],
        input="ASK { ?s a kg:Person }",
    )
    assert result.output == "true\n"


def test_list_shows_every_query_and_its_params() -> None:
    code, out = kg_query("--list")
    assert code == 0
    assert out.splitlines()[0] == (
        "acquisitions       Who acquired whom, with the number of articles that say so"
    )
    assert "  --param entity=… (required)  the entity, as an IRI" in out
    for query in catalogue.named_queries():
        assert query.name in out


SYNTAX_ERROR = """\
Error: query syntax error at line 2, column 30: expected BIND
    ?x rdfs:label ?label . ?x }
                               ^
"""


def test_syntax_error_shows_line_column_and_expected(sample_graph: Path) -> None:
    query = "SELECT ?x WHERE {\n  ?x rdfs:label ?label . ?x }"
    assert kg_query(sample_graph, query) == (1, SYNTAX_ERROR)


def test_unknown_prefix_is_named(sample_graph: Path) -> None:
    code, out = kg_query(sample_graph, "SELECT * WHERE { ?x foaf:name ?n }")
    assert code == 1
    assert out.startswith(
        "Error: query syntax error at line 1, column 21: unknown prefix "
        "'foaf:' (bound: kg:, id:, schema:"
    )


def test_errors_are_one_line(sample_graph: Path, tmp_path: Path) -> None:
    assert kg_query(sample_graph, "--name", "nope") == (
        1,
        (
            "Error: no named query 'nope'; choose one of: acquisitions, article-facts, entity, "
            "evidence, investment-totals, investments, launches, partnerships, sources "
            "(see kg query --list)\n"
        ),
    )
    missing = tmp_path / "missing.ttl"
    assert kg_query(missing, "--name", "sources") == (
        1,
        f"Error: graph not found: '{missing}' (give a graph file, e.g. from kg build)\n",
    )
    assert kg_query(sample_graph, "--name", "entity") == (
        1,
        "Error: this query needs --param entity=VALUE\n",
    )
    assert kg_query(sample_graph, "--name", "entity", "-p", "entity=Nobody") == (
        1,
        (
            "Error: no node in the graph is named 'Nobody' (label, title or source); give an IRI "
            "such as id:acme or a quoted string '\"text\"'\n"
        ),
    )
    assert kg_query(sample_graph, "--name", "launches", "-p", "org=Acme") == (
        1,
        "Error: unknown parameter 'org'; this query's parameters: organisation\n",
    )
    assert kg_query(sample_graph, "INSERT DATA { id:a id:b id:c }") == (
        1,
        (
            "Error: this is a SPARQL update; kg query runs read-only queries (SELECT, ASK, "
            "CONSTRUCT, DESCRIBE)\n"
        ),
    )
    assert kg_query(sample_graph, "--name", "sources", "--format", "turtle") == (
        1,
        (
            "Error: --format turtle is for CONSTRUCT/DESCRIBE; SELECT and ASK take table, csv, "
            "tsv, json, xml\n"
        ),
    )
    bad = tmp_path / "bad.ttl"
    bad.write_text("id:a id:b .\n")
    code, out = kg_query(bad, "ASK {}")
    assert (code, out) == (
        1,
        f"Error: '{bad}' is not valid Turtle: Parser error at line 1 between "
        "columns 1 and 5: The prefix id: has not been declared\n",
    )
    code, out = kg_query(sample_graph)
    assert code == 2 and "give exactly one of QUERY, -f FILE or --name NAME" in out


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_timeout_stops_a_runaway_query(sample_graph: Path) -> None:
    assert kg_query(sample_graph, RUNAWAY, "--timeout", "0.5") == (
        1,
        "Error: query ran longer than 0.5 s (raise --timeout, or add LIMIT or filters)\n",
    )
    assert kg_query(sample_graph, "ASK { ?s ?p ?o }", "--timeout", "10") == (0, "true\n")


def test_thread_fallback_times_out_too() -> None:
    with pytest.raises(timeouts.QueryTimeout):
        timeouts._call_in_thread(lambda: __import__("time").sleep(2), 0.2)


def test_params_become_terms(sample_graph: Path) -> None:
    store = load_store(sample_graph)
    assert p.param_term("https://x.org/a", store) == "<https://x.org/a>"
    assert p.param_term("kg:launched", store) == "kg:launched"
    assert p.param_term("42", store) == "42"
    assert p.param_term('"Acme"', store) == '"Acme"'
    assert p.param_term("articles/cobalt.txt", store) == f"<{ID}article-b2>"
    assert p.substitute('SELECT * { $x ?p "$x" } # $x', {"x": "id:a"}) == (
        'SELECT * { id:a ?p "$x" } # $x'
    )


@pytest.mark.parametrize("command", ["query", "export", "serve", "push", "validate"])
def test_every_command_has_help_with_examples(command: str) -> None:
    from kg import cli_sparql

    result = CliRunner().invoke(getattr(cli_sparql, f"{command}_command"), ["--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"  kg {command} " in result.output


CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MEMORY_BOUND_MB = 150  # kg query itself takes about 45 MB; results must not add to it
MEASURE = """
import resource, subprocess, sys
proc = subprocess.Popen(
    [sys.executable, "-c", "from kg.cli import main; main()", *sys.argv[1:]],
    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
)
lines = 0
while chunk := proc.stdout.read(1 << 16):
    lines += chunk.count(b"\\n")
err = proc.stderr.read().decode()
code = proc.wait()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(code, lines, peak)
print(err, end="")
"""


def measured(*args: str | Path) -> tuple[int, int, int, str]:
    """Run `kg ARGS` in a fresh process: exit code, lines written, peak RSS (MB) of it and
    its query worker, and stderr."""
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
    )
    first, _, err = run.stdout.partition("\n")
    code, lines, peak = map(int, first.split())
    return code, lines, peak, err


def test_a_cross_product_streams_in_bounded_memory_up_to_the_limit() -> None:
    code, lines, peak, err = measured(
        "query", GOLDEN, CROSS, "--format", "csv", "--limit", "100000"
    )
    assert (code, lines) == (0, 100001)  # the header and 100,000 rows of 74**4
    assert err == "Note: stopped at 100000 rows; --limit 0 writes them all\n"
    assert peak < MEMORY_BOUND_MB


def test_an_unlimited_cross_product_streams_until_the_timeout() -> None:
    code, lines, peak, err = measured(
        "query", GOLDEN, CROSS, "--format", "csv", "--limit", "0", "--timeout", "3"
    )
    assert code == 1
    assert err == "Error: query ran longer than 3 s (raise --timeout, or add LIMIT or filters)\n"
    assert lines > 10000  # rows were written as they were found, not kept for the end
    assert peak < MEMORY_BOUND_MB


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml"])
def test_the_limit_applies_to_every_format(sample_graph: Path, fmt: str) -> None:
    result = CliRunner().invoke(
        query_command,
        [str(sample_graph), "SELECT ?s WHERE { ?s ?p ?o }", "--format", fmt, "--limit", "2"],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "Note: stopped at 2 rows; --limit 0 writes them all\n"
    assert result.stdout.count("kg.example.org/id/") == 2 or (
        fmt == "table" and result.stdout.count("id:") == 2
    )


def test_construct_is_limited_too(sample_graph: Path) -> None:
    result = CliRunner().invoke(
        query_command,
        [str(sample_graph), "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "nt", "--limit", "3"],
    )
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr == "Note: stopped at 3 rows; --limit 0 writes them all\n"


def test_the_limit_keeps_the_columns_in_order(sample_graph: Path) -> None:
    sparql = "SELECT (COUNT(*) AS ?z) (MIN(?s) AS ?a) WHERE { ?s a kg:Organization }"
    code, out = kg_query(sample_graph, sparql, "--format", "csv", "--limit", "5")
    assert (code, out.splitlines()[0]) == (0, "z,a")


def test_the_limit_wraps_a_query_with_from(tmp_path: Path) -> None:
    """FROM clauses move out of the part the limit wraps (they once made --limit refuse)."""
    trig = tmp_path / "g.trig"
    trig.write_text(
        "@prefix id: <https://kg.example.org/id/> .\n"
        "@prefix kg: <https://kg.example.org/ontology#> .\n"
        "<urn:x:g> { id:a kg:acquired id:b . id:c kg:acquired id:d . }\n",
        encoding="utf-8",
    )
    sparql = "SELECT ?s FROM <urn:x:g> WHERE { ?s kg:acquired ?o } ORDER BY ?s"
    code, out = kg_query(trig, sparql, "--format", "csv", "--limit", "1")
    assert code == 0, out
    assert out.splitlines() == [
        "s",
        "https://kg.example.org/id/a",
        "Note: stopped at 1 rows; --limit 0 writes them all",
    ]
