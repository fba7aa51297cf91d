"""SPARQL over a loaded graph with Oxigraph: check, run (with a timeout), stream results.

`run_query(store, sparql)` returns a `QueryResult` made of plain, picklable `Term`s (for the
table, see `kg.results`, and the Python API); `write_results` and `stream_query(store, sparql,
fmt, out)` write the results as they are found with Oxigraph's own serialisers, at most `limit`
rows (for `kg query` and the endpoint). The prefixes
in `kg.vocab.PREFIXES` are bound in every query. Parameters are in `kg.params`, the shipped
named queries in `kg.catalogue`, timeouts in `kg.timeouts`.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

import pyoxigraph as ox

from kg.errors import KGError
from kg.rdfio import load_store
from kg.timeouts import call_with_timeout, stream_with_timeout
from kg.vocab import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"

SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "nt", "rdfxml", "jsonld")
FORMATS = (*SELECT_FORMATS, *GRAPH_FORMATS)
Kind = Literal["select", "ask", "graph"]
UPDATE_KEYWORDS = (
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
)


@dataclass(frozen=True)
class Term:
    """An RDF term as plain strings: kind is 'uri', 'literal', 'bnode' or 'triple'."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None


Row = tuple[Term | None, ...]
TripleTerms = tuple[Term, Term, Term]


@dataclass(frozen=True)
class QueryResult:
    """What a query returned: solutions ('select'), a boolean ('ask') or triples ('graph')."""

    kind: Kind
    variables: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    boolean: bool | None = None
    triples: tuple[TripleTerms, ...] = ()
    truncated: bool = False


def prefix_map() -> dict[str, str]:
    """The standard prefixes as plain strings."""
    return {name: str(ns) for name, ns in PREFIXES.items()}


def with_prefix_declarations(sparql: str) -> str:
    """`sparql` with PREFIX lines for the standard prefixes it does not declare (for other
    engines, which do not know kg: or id:)."""
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w-]*):", sparql)}
    lines = [f"PREFIX {n}: <{iri}>" for n, iri in prefix_map().items() if n not in declared]
    return "\n".join([*lines, sparql])


def string_literal(text: str) -> str:
    """`text` as a SPARQL (and N-Triples) string literal."""
    return json.dumps(text, ensure_ascii=False)


# --- syntax errors ---------------------------------------------------------------------------

_ERROR_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def _expected_items(detail: str) -> list[str]:
    """Readable alternatives from Oxigraph's 'expected one of ...' list (character classes
    such as ['0' ..= '9'] are dropped)."""
    detail = re.sub(r"^expected (one of )?", "", detail.strip())
    cleaned = re.sub(r"\[[^\]]*\]", "", detail.replace("\n", " "))
    items = [item.strip() for item in cleaned.split(",")]
    return [item for item in items if item and item != "|"]


def _unknown_prefix(line: str, col: int) -> tuple[str, int]:
    """The undeclared prefix nearest before `col` on `line`, and its column."""
    found = ("", col)
    for match in re.finditer(r"(?<![\w<?$:])([A-Za-z][\w.-]*)?:", line):
        if match.start() < col and (match.group(1) or "") not in prefix_map():
            found = (match.group(0), match.start() + 1)
    return found


def _describe_detail(detail: str) -> str:
    items = _expected_items(detail)
    if not items:
        return "unexpected input"
    if len(items) == 1:
        return f"expected {items[0]}"
    return "expected one of " + ", ".join(items)


def syntax_error_message(sparql: str, message: str) -> str:
    """Turn Oxigraph's parser message into 'line L, column C: expected …' plus the line and
    a caret under the column."""
    match = _ERROR_AT.search(message)
    if match is None:
        return f"query syntax error: {message}"
    line_no, col = int(match.group(1)), int(match.group(2))
    lines = sparql.split("\n")
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    col = max(1, min(col, len(line) + 1))
    if "Prefix not found" in match.group(3):
        prefix, col = _unknown_prefix(line, col)
        known = ", ".join(f"{n}:" for n in prefix_map())
        detail = f"unknown prefix {prefix!r} (bound: {known}; declare others with PREFIX)"
    else:
        detail = _describe_detail(match.group(3))
    caret = " " * (col - 1) + "^"
    return f"query syntax error at line {line_no}, column {col}: {detail}\n  {line}\n  {caret}"


def _is_update(sparql: str) -> bool:
    body = re.sub(r"(?im)^\s*(#.*|PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*$", "", sparql)
    body = re.sub(r"(?i)(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", "", body).lstrip()
    return body.upper().startswith(UPDATE_KEYWORDS)


def check_syntax(sparql: str) -> Kind:
    """Parse `sparql` without running it on data and say what it returns; raise KGError with
    line/column when bad."""
    if _is_update(sparql):
        raise KGError(
            "this is a SPARQL update; kg query runs read-only queries "
            "(SELECT, ASK, CONSTRUCT, DESCRIBE)"
        )
    try:
        answer = ox.Store().query(sparql, prefixes=prefix_map())
    except SyntaxError as err:
        raise KGError(syntax_error_message(sparql, str(err))) from None
    if isinstance(answer, ox.QuerySolutions):
        return "select"
    return "ask" if isinstance(answer, ox.QueryBoolean) else "graph"


# --- running ---------------------------------------------------------------------------------


def to_term(node: object) -> Term:
    """A pyoxigraph term as a plain Term."""
    if isinstance(node, ox.NamedNode):
        return Term("uri", node.value)
    if isinstance(node, ox.BlankNode):
        return Term("bnode", node.value)
    if isinstance(node, ox.Literal):
        return Term("literal", node.value, node.datatype.value, node.language)
    return Term("triple", str(node))


def to_node(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A plain Term back as a pyoxigraph term."""
    if term.kind == "uri":
        return ox.NamedNode(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype or XSD_STRING))


def _collect_solutions(solutions: ox.QuerySolutions, max_rows: int | None) -> QueryResult:
    variables = tuple(v.value for v in solutions.variables)
    rows: list[Row] = []
    truncated = False
    for solution in solutions:
        if max_rows is not None and len(rows) >= max_rows:
            truncated = True
            break
        rows.append(tuple(None if solution[v] is None else to_term(solution[v]) for v in variables))
    return QueryResult("select", variables, tuple(rows), truncated=truncated)


def _collect_triples(triples: Iterable[ox.Triple], max_rows: int | None) -> QueryResult:
    out: list[TripleTerms] = []
    truncated = False
    for triple in triples:
        if max_rows is not None and len(out) >= max_rows:
            truncated = True
            break
        out.append((to_term(triple.subject), to_term(triple.predicate), to_term(triple.object)))
    return QueryResult("graph", triples=tuple(out), truncated=truncated)


def execute(
    store: ox.Store, sparql: str, max_rows: int | None = None, **options: object
) -> QueryResult:
    """Run a read-only query on a loaded store (no timeout). `options` go to Store.query."""
    check_syntax(sparql)
    try:
        answer = store.query(sparql, prefixes=prefix_map(), **options)  # type: ignore[arg-type]
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            return _collect_solutions(answer, max_rows)
        return _collect_triples(answer, max_rows)
    except (OSError, ValueError, RuntimeError) as err:
        raise KGError(f"query failed: {err}") from None


def run_query(
    graph: str | Path | ox.Store,
    sparql: str,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> QueryResult:
    """Run `sparql` on a graph file (or a loaded store); stop after `timeout` seconds."""
    check_syntax(sparql)
    store = graph if isinstance(graph, ox.Store) else load_store(graph)
    return call_with_timeout(lambda: execute(store, sparql, max_rows), timeout)


# --- streaming -------------------------------------------------------------------------------

DEFAULT_LIMIT = 10000
RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_PROLOGUE = re.compile(r"(?:\s+|\#[^\n]*|(?i:PREFIX)\s*[\w.-]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")
_DATASET = re.compile(r"(?i:FROM)\s+(?:(?i:NAMED)\s+)?(?:<[^>]*>|[\w.-]*:[\w.-]*)")


@dataclass(frozen=True)
class Streamed:
    """What `write_results` wrote: `truncated` when rows were left out at the limit."""

    truncated: bool = False


class _Sink:
    """An output that remembers whether anything was written and its last byte."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.last = b""

    def write(self, data: bytes) -> int:
        if data:
            self.out.write(data)
            self.last = data[-1:]
        return len(data)

    def flush(self) -> None:
        self.out.flush()

    def end_line(self) -> None:
        if self.last not in (b"", b"\n"):
            self.write(b"\n")


def limited_select(sparql: str, variables: Sequence[str], limit: int, offset: int = 0) -> str:
    """A SELECT query wrapped so that Oxigraph stops after `limit` rows (from `offset`),
    keeping its columns in order; its FROM clauses move to the outer query."""
    split = _PROLOGUE.match(sparql)
    head = split.group(0) if split else ""
    body = sparql[len(head) :]
    select, brace, rest = body.partition("{")
    dataset = " ".join(_DATASET.findall(select))
    body = _DATASET.sub(" ", select) + brace + rest
    columns = " ".join(f"?{v}" for v in variables) or "*"
    return f"{head}\nSELECT {columns} {dataset} WHERE {{ {body}\n}} OFFSET {offset} LIMIT {limit}"


def _query(
    store: ox.Store, sparql: str, **options: object
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    try:
        return store.query(sparql, prefixes=prefix_map(), **options)  # type: ignore[arg-type]
    except SyntaxError as err:
        raise KGError(
            "the row limit cannot wrap this query (a form Oxigraph cannot nest); "
            f"put a LIMIT in it and lift the limit (kg query --limit 0) ({err})"
        ) from None


def write_results(
    store: ox.Store,
    sparql: str,
    fmt: str,
    out: IO[bytes],
    limit: int | None = DEFAULT_LIMIT,
    **options: object,
) -> Streamed:
    """Run a read-only query and write its results to `out` as they come, with Oxigraph's
    own serialisers (SPARQL Results CSV, TSV, JSON, XML; Turtle, N-Triples, RDF/XML or
    JSON-LD for triples). At most `limit` rows or triples are written (None: all).
    `options` go to Store.query (the endpoint's default and named graphs)."""
    check_syntax(sparql)
    if fmt not in RESULT_FORMATS and fmt not in RDF_FORMATS:
        raise KGError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS[1:])}")
    sink = _Sink(out)
    try:
        answer = _query(store, sparql, **options)
        if isinstance(answer, ox.QueryTriples):
            return _write_triples(answer, fmt, sink, limit)
        if fmt in RDF_FORMATS:
            raise KGError(
                f"--format {fmt} is for CONSTRUCT/DESCRIBE; SELECT and ASK take "
                + ", ".join(SELECT_FORMATS)
            )
        truncated = False
        if isinstance(answer, ox.QuerySolutions) and limit is not None:
            columns = [v.value for v in answer.variables]
            answer = _query(store, limited_select(sparql, columns, limit), **options)
            more = _query(store, limited_select(sparql, columns, 1, offset=limit), **options)
            truncated = any(True for _ in more)  # type: ignore[union-attr]
        answer.serialize(sink, RESULT_FORMATS[fmt])  # type: ignore[arg-type]
    except (OSError, ValueError, RuntimeError) as err:
        raise KGError(f"query failed: {err}") from None
    sink.end_line()
    sink.flush()
    return Streamed(truncated)


def _write_triples(triples: ox.QueryTriples, fmt: str, sink: _Sink, limit: int | None) -> Streamed:
    if fmt not in RDF_FORMATS:
        raise KGError(f"CONSTRUCT/DESCRIBE return triples: use --format turtle or nt, not {fmt}")
    head = itertools.islice(triples, limit)
    prefixes = prefix_map() if fmt == "turtle" else None
    ox.serialize(head, sink, RDF_FORMATS[fmt], prefixes=prefixes)  # type: ignore[arg-type]
    sink.end_line()
    sink.flush()
    return Streamed(limit is not None and next(triples, None) is not None)


def stream_query(
    store: ox.Store,
    sparql: str,
    fmt: str,
    out: IO[bytes],
    limit: int | None = DEFAULT_LIMIT,
    timeout: float | None = None,
) -> Streamed:
    """`write_results`, stopped after `timeout` seconds; memory stays flat either way."""
    return stream_with_timeout(
        lambda sink: write_results(store, sparql, fmt, sink, limit), out, timeout
    )
