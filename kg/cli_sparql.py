"""Thin click commands for SPARQL and triple stores: query, export, serve, push, validate.

Each command parses options, calls a library module and turns `KGError` into a one-line
`Error: …`. The main group registers them with `main.add_command(...)`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.errors import KGError

GRAPH_PATH = click.Path(dir_okay=False, path_type=Path)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "0 entities"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _fail(err: KGError) -> click.ClickException:
    return click.ClickException(str(err))


# --- query -----------------------------------------------------------------------------------

QUERY_HELP = """Run a SPARQL query on GRAPH (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML).

Give the query as an argument, from a file (-f, '-' for stdin) or by the name of a shipped
query (--name; see --list). The prefixes kg:, id:, schema:, rdf:, rdfs:, owl:, xsd:, skos:,
prov: and dcterms: are always bound. SELECT/ASK print a table, CSV, TSV, SPARQL Results
JSON or XML; CONSTRUCT/DESCRIBE print Turtle or N-Triples. Rows are written as they are
found, at most --limit of them (10000 unless told; --limit 0 for all), and --timeout stops a
query that runs too long.

A query's $name placeholders take --param name=VALUE: an IRI (id:acme, <https://…>), a
number, a quoted string ('"text"'), or the name (label, title or source) of a node.

\b
Examples:
  kg query outputs/graph.ttl 'SELECT ?p ?o WHERE { ?s rdfs:label "Norvale" ; ?p ?o }'
  kg query outputs/graph.ttl -f my-query.rq --format csv > rows.csv
  kg query --list
  kg query outputs/graph.ttl --name partnerships
  kg query outputs/graph.ttl --name entity --param entity="Norvale Systems" --format json
  kg query outputs/graph.ttl 'CONSTRUCT WHERE { ?s kg:acquired ?o }' --format turtle
  kg query big.ttl --name sources --timeout 30
  kg query big.ttl 'SELECT * WHERE { ?s ?p ?o }' --format csv --limit 0 > all.csv
"""


def _read_query_text(sparql: str | None, query_file: str | None, name: str | None) -> str:
    given = [x for x in (sparql, query_file, name) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, -f FILE or --name NAME")
    if sparql is not None:
        return sparql
    if query_file is not None:
        if query_file == "-":
            return sys.stdin.read()
        try:
            return Path(query_file).read_text(encoding="utf-8")
        except OSError as err:
            raise KGError(f"{query_file}: cannot read the query: {err.strerror}") from None
    return ""


@click.command("query", help=QUERY_HELP)
@click.argument("graph", required=False, type=GRAPH_PATH)
@click.argument("sparql", required=False, metavar="[QUERY]")
@click.option("-f", "--file", "query_file", metavar="FILE", help="Read the query from FILE.")
@click.option("-n", "--name", help="Run a shipped named query (see --list).")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Fill the query's $NAME placeholder (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "nt"]),
    help="Output format.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop a query that runs longer than this.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=10000,
    show_default=True,
    metavar="N",
    help="Write at most N rows or triples (0: all of them).",
)
@click.option("--list", "list_only", is_flag=True, help="List the named queries and exit.")
def query_command(
    graph: Path | None,
    sparql: str | None,
    query_file: str | None,
    name: str | None,
    params: tuple[str, ...],
    fmt: str,
    timeout: float | None,
    limit: int,
    list_only: bool,
) -> None:
    from kg import catalogue, results
    from kg import params as p
    from kg import sparql as q
    from kg.rdfio import load_store

    try:
        if list_only:
            click.echo(catalogue.list_text(catalogue.named_queries()), nl=False)
            return
        if graph is None:
            raise click.UsageError("missing GRAPH (the graph file to query)")
        text = _read_query_text(sparql, query_file, name)
        named = catalogue.named_query(name) if name is not None else None
        if named is not None:
            text = named.sparql
        q.check_syntax(p.substitute(text, {}))
        values = p.parse_params(params)
        required = named.required if named else ()
        store = load_store(graph)
        bound = p.bind_params(text, values, store, required)
        most = limit or None
        if fmt == "table":
            result = q.run_query(store, bound, timeout=timeout, max_rows=most)
            click.echo(results.format_result(result), nl=False)
            truncated = result.truncated
        else:
            out = sys.stdout.buffer
            truncated = q.stream_query(store, bound, fmt, out, most, timeout).truncated
    except KGError as err:
        raise _fail(err) from None
    if truncated:
        click.echo(f"Note: stopped at {limit} rows; --limit 0 writes them all", err=True)


# --- export ----------------------------------------------------------------------------------

EXPORT_HELP = """Write GRAPH in another format: ttl, nt, nq, trig, jsonld or graphml.

N-Quads and TriG put each article's facts and provenance in a named graph (the article's IRI)
and entities in the default graph. JSON-LD carries a context of the standard prefixes. GraphML
(Gephi, networkx) has entities as nodes (label, class) and facts as edges (predicate,
confidence, sources). Files are written completely or not at all; without -o the output goes
to stdout. The format defaults to the extension of -o.

\b
Examples:
  kg export outputs/graph.ttl --format trig -o outputs/graph.trig
  kg export outputs/graph.ttl -o outputs/graph.nt
  kg export outputs/graph.ttl --format jsonld -o graph.jsonld
  kg export outputs/graph.ttl --format graphml -o graph.graphml   # open in Gephi
  kg export outputs/graph.ttl --format nq | gzip > graph.nq.gz
"""


@click.command("export", help=EXPORT_HELP)
@click.argument("graph", type=GRAPH_PATH)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "graphml"]),
    help="Output format (default: from the -o extension).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write ('-' or none: stdout).",
)
def export_command(graph: Path, fmt: str | None, output: Path | None) -> None:
    from kg.export import export_graph

    if output is not None and str(output) == "-":
        output = None
    try:
        if output is None and fmt is None:
            raise KGError("say which format to write: --format ttl|nt|nq|trig|jsonld|graphml")
        written = export_graph(graph, fmt, output)
    except KGError as err:
        raise _fail(err) from None
    if output is not None:
        click.echo(f"Wrote {output} ({written})", err=True)


# --- serve -----------------------------------------------------------------------------------

SERVE_HELP = """Serve GRAPH as a SPARQL 1.1 Protocol endpoint at http://HOST:PORT/sparql.

GET ?query=…, POST a form (query= / update=) or an application/sparql-query body. Results
follow the Accept header: SPARQL Results JSON (default), XML, CSV, TSV; Turtle (default),
N-Triples, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE. Works with SPARQLWrapper, curl and
YASGUI (CORS is on). Read-only unless --allow-update (updates change memory, not the file).
A query running past --timeout is stopped (HTTP 503); results are cut at --max-rows (header
X-KG-Truncated). Binds to 127.0.0.1 unless --host says otherwise; --port 0 picks a free port.

\b
Examples:
  kg serve outputs/graph.ttl
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s kg:acquired ?o }' \\
       http://127.0.0.1:7878/sparql
  kg serve outputs/graph.ttl --port 8000 --timeout 10 --max-rows 1000
  kg serve outputs/graph.ttl --allow-update
"""


def _announce(text: str) -> None:
    click.echo(text)
    sys.stdout.flush()


@click.command("serve", help=SERVE_HELP)
@click.argument("graph", type=GRAPH_PATH)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (in memory only).")
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    type=click.FloatRange(min=0, min_open=True),
    help="Stop queries after this.",
)
@click.option(
    "--max-rows",
    default=10000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Cut results after this many rows.",
)
def serve_command(
    graph: Path, host: str, port: int, allow_update: bool, timeout: float, max_rows: int
) -> None:
    from kg.serve import ServeConfig, serve

    config = ServeConfig(host, port, allow_update, timeout, max_rows)
    try:
        serve(graph, config, announce=_announce)
    except KGError as err:
        raise _fail(err) from None


# --- push ------------------------------------------------------------------------------------

PUSH_HELP = """Send GRAPH to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).

--replace (the default) PUTs the triples, replacing the target graph; --append POSTs them,
adding to it. Without --graph the store's default graph is the target. The store's refusal is
reported with its HTTP status and message.

\b
Examples:
  kg push outputs/graph.ttl --endpoint http://127.0.0.1:7878/store            # Oxigraph
  kg push outputs/graph.ttl --endpoint http://127.0.0.1:8890/sparql-graph-crud \\
          --graph https://kg.example.org/graph                                   # Virtuoso
  kg push more.ttl --endpoint http://127.0.0.1:7878/store --append
"""


@click.command("push", help=PUSH_HELP)
@click.argument("graph", type=GRAPH_PATH)
@click.option(
    "--endpoint", required=True, metavar="URL", help="The store's Graph Store Protocol URL."
)
@click.option(
    "--graph", "graph_iri", metavar="IRI", help="Named graph to write (default: the default graph)."
)
@click.option(
    "--replace/--append",
    default=True,
    show_default=True,
    help="Replace the target graph (PUT) or add to it (POST).",
)
@click.option(
    "--timeout",
    default=300.0,
    show_default=True,
    metavar="SECONDS",
    type=click.FloatRange(min=0, min_open=True),
    help="Give up after this long.",
)
def push_command(
    graph: Path, endpoint: str, graph_iri: str | None, replace: bool, timeout: float
) -> None:
    from kg.store import push_graph

    try:
        result = push_graph(graph, endpoint, graph_iri, replace, timeout)
    except KGError as err:
        raise _fail(err) from None
    verb = "Replaced" if replace else "Appended to"
    target = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    sent = counted(result.triples, "triple")
    click.echo(f"{verb} {target}: {sent} sent to {endpoint} (HTTP {result.status})")


# --- validate --------------------------------------------------------------------------------

VALIDATE_HELP = """Check GRAPH against the SHACL shapes of the ontology (ontology/shapes.ttl).

Entities need exactly one class from the ontology and a label; every rdf:Statement needs its
subject, predicate, object, a confidence in [0, 1] and evidence sentences with text, offsets
and an article; each property's subject and object must fit its domain and range. Prints one
line per violation (label, IRI, property, message); exits with status 1 when the graph does
not conform.

\b
Examples:
  kg validate outputs/graph.ttl
  kg validate outputs/graph.trig --shapes my-shapes.ttl
"""


@click.command("validate", help=VALIDATE_HELP)
@click.argument("graph", type=GRAPH_PATH)
@click.option(
    "--shapes",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SHACL shapes to use instead of ontology/shapes.ttl.",
)
@click.pass_context
def validate_command(ctx: click.Context, graph: Path, shapes: Path | None) -> None:
    from kg.validate import format_report, validate_graph

    try:
        report = validate_graph(graph, shapes)
    except KGError as err:
        raise _fail(err) from None
    click.echo(format_report(report, graph), nl=False)
    if not report.conforms:
        ctx.exit(1)
