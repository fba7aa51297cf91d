"""SPARQL over a graph file with Oxigraph: load, run (with a timeout), format results.

`run_query(path, sparql)` loads the file into an in-memory `pyoxigraph.Store` and returns a
`QueryResult` made of plain, picklable `Term`s; `format_result(result, fmt)` renders it as an
aligned table, CSV, TSV, SPARQL 1.1 Results JSON/XML, or Turtle/N-Triples for graph results.
The prefixes in `kg.vocab.PREFIXES` are bound in every query.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import select
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal, TypeVar
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

from kg import resources
from kg.errors import KGError
from kg.vocab import PREFIXES

T = TypeVar("T")
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
NUMERIC_TYPES = frozenset(
    XSD + t
    for t in (
        "integer",
        "decimal",
        "double",
        "float",
        "int",
        "long",
        "short",
        "nonNegativeInteger",
        "positiveInteger",
        "unsignedInt",
    )
)
TABLE_CELL_MAX = 80

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}
SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "nt")
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt")
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


class QueryTimeout(KGError):
    """A query ran longer than its time limit."""


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

    kind: Literal["select", "ask", "graph"]
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


# --- loading -------------------------------------------------------------------------------


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF syntax of `path`, from its extension."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise KGError(f"{path}: unknown RDF file extension {path.suffix!r}; use one of {known}")
    return fmt


def load_store(path: str | Path) -> ox.Store:
    """Load an RDF file into a new in-memory store. Triples in named graphs (TriG, N-Quads)
    are also merged into the default graph, so queries without GRAPH see everything once."""
    path = Path(path)
    if not path.is_file():
        raise KGError(f"{path}: no such graph file (build one with `kg build`)")
    fmt = rdf_format(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise KGError(f"{path}: not valid {fmt.name}: {err.msg}") from None
    except (OSError, ValueError) as err:
        raise KGError(f"{path}: cannot read: {err}") from None
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD):
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


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


def check_syntax(sparql: str) -> None:
    """Parse `sparql` without running it on data; raise KGError with line/column when bad."""
    if _is_update(sparql):
        raise KGError(
            "this is a SPARQL update; kg query runs read-only queries "
            "(SELECT, ASK, CONSTRUCT, DESCRIBE)"
        )
    try:
        ox.Store().query(sparql, prefixes=prefix_map())
    except SyntaxError as err:
        raise KGError(syntax_error_message(sparql, str(err))) from None


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


# --- timeouts --------------------------------------------------------------------------------


def timeout_message(timeout: float) -> str:
    return f"query ran longer than {timeout:g} s (raise --timeout, or add LIMIT or filters)"


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Read `fd` to EOF; None when the deadline passes first."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _child(fn: Callable[[], object], write_fd: int) -> None:
    try:
        payload = pickle.dumps((True, fn()))
    except KGError as err:
        payload = pickle.dumps((False, KGError(str(err))))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, never raised here
        payload = pickle.dumps((False, KGError(f"query failed: {err}")))
    with os.fdopen(write_fd, "wb") as out:
        out.write(payload)


def _call_in_fork(
    fn: Callable[[], T], timeout: float, fork_lock: threading.Lock | None = None
) -> T:
    read_fd, write_fd = os.pipe()
    if fork_lock is None:
        pid = os.fork()
    else:
        with fork_lock:  # no writer may hold the store's locks while the process forks
            pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        try:
            _child(fn, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    data: bytes | None = None
    try:
        data = _read_all(read_fd, time.monotonic() + timeout)
    finally:
        os.close(read_fd)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if data is None:
        raise QueryTimeout(timeout_message(timeout))
    if not data:
        raise KGError("the query worker died without an answer")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _call_in_thread(fn: Callable[[], T], timeout: float) -> T:
    box: list[tuple[bool, object]] = []

    def target() -> None:
        try:
            box.append((True, fn()))
        except BaseException as err:  # noqa: BLE001
            box.append((False, err))

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout)
    if not box:
        raise QueryTimeout(timeout_message(timeout))
    ok, value = box[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


def call_with_timeout(
    fn: Callable[[], T], timeout: float | None, fork_lock: threading.Lock | None = None
) -> T:
    """Call `fn` and return its (picklable) value, stopping it after `timeout` seconds.

    On POSIX it runs in a forked child that is killed at the deadline, so a runaway query
    stops using CPU; elsewhere it runs in a daemon thread that is abandoned. A threaded
    caller that also writes to the store passes the `fork_lock` its writers hold."""
    if timeout is None:
        return fn()
    if timeout <= 0:
        raise KGError("--timeout must be a positive number of seconds")
    if hasattr(os, "fork"):
        return _call_in_fork(fn, timeout, fork_lock)
    return _call_in_thread(fn, timeout)


# --- parameters and named queries ----------------------------------------------------------

_TOKENS = re.compile(
    r"""(?P<skip>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|\#[^\n]*)"""
    r"|\$(?P<name>[A-Za-z_][\w]*)",
    re.S,
)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:([\w.-]*)")
NAME_PROPERTIES = (
    "rdfs:label",
    "skos:prefLabel",
    "skos:altLabel",
    "dcterms:title",
    "dcterms:source",
)


def placeholders(sparql: str) -> list[str]:
    """The `$name` placeholders of a query, in order of first use."""
    names: list[str] = []
    for match in _TOKENS.finditer(sparql):
        name = match.group("name")
        if name and name not in names:
            names.append(name)
    return names


def substitute(sparql: str, values: dict[str, str]) -> str:
    """Replace `$name` placeholders (outside strings, IRIs and comments) by SPARQL terms."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        return values.get(name, match.group(0)) if name else match.group(0)

    return _TOKENS.sub(replace, sparql)


def _string_literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _find_by_name(store: ox.Store, name: str) -> list[str]:
    query = (
        "SELECT DISTINCT ?e WHERE { ?e " + "|".join(NAME_PROPERTIES) + " ?n . "
        f"FILTER(LCASE(STR(?n)) = LCASE({_string_literal(name)})) }} ORDER BY ?e"
    )
    return [row[0].value for row in execute(store, query).rows if row[0] is not None]


def param_term(value: str, store: ox.Store | None) -> str:
    """The SPARQL term for a --param value: <iri>, a prefixed name, a number, a quoted
    string, or otherwise the name (label, title or source) of exactly one node."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value
    if re.match(r"(?i)(https?|urn|file):", value):
        return f"<{value}>"
    prefixed = _PREFIXED.fullmatch(value)
    if prefixed and (prefixed.group(1) or "") in prefix_map():
        return value
    if _NUMBER.fullmatch(value):
        return value
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return _string_literal(value[1:-1])
    if store is None:
        raise KGError(f"cannot resolve the name {value!r} without a graph")
    found = _find_by_name(store, value)
    if not found:
        raise KGError(
            f"no node in the graph is named {value!r} (label, title or source); "
            "give an IRI such as id:acme or a quoted string '\"text\"'"
        )
    if len(found) > 1:
        raise KGError(
            f"{value!r} names {len(found)} nodes: "
            + ", ".join(found[:5])
            + "; give the IRI instead"
        )
    return f"<{found[0]}>"


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """`name=value` strings as a dict."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("$?")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise KGError(f"--param {pair!r}: write it as NAME=VALUE, e.g. entity=id:acme")
        params[name] = value
    return params


def bind_params(
    sparql: str, params: dict[str, str], store: ox.Store | None, required: Sequence[str] = ()
) -> str:
    """Substitute `params` into the query's `$name` placeholders; unknown or missing
    required parameters are errors. Placeholders left unbound stay variables."""
    names = placeholders(sparql)
    unknown = [n for n in params if n not in names]
    if unknown:
        have = ", ".join(names) or "none"
        raise KGError(f"unknown parameter {unknown[0]!r}; this query's parameters: {have}")
    missing = [n for n in required if n not in params]
    if missing:
        raise KGError(f"this query needs --param {missing[0]}=VALUE")
    return substitute(sparql, {n: param_term(v, store) for n, v in params.items()})


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in queries/NAME.rq: first line '# description', then optional
    '# param NAME: help' lines ('# param NAME (required): help')."""

    name: str
    description: str
    sparql: str
    params: tuple[tuple[str, str], ...] = ()
    required: tuple[str, ...] = ()


def queries_dir() -> Path | Traversable:
    """The folder of named queries: the bundled `queries/`, or `KG_QUERIES` when set."""
    env = os.environ.get("KG_QUERIES")
    if env:
        return Path(env)
    return resources.queries()


_PARAM_LINE = re.compile(r"#\s*param\s+(\w+)\s*(\(required\))?\s*:\s*(.*)")


def read_named_query(path: Path | Traversable) -> NamedQuery:
    """Parse one .rq file."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    description = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else ""
    params: list[tuple[str, str]] = []
    required: list[str] = []
    for line in lines[1:]:
        match = _PARAM_LINE.match(line.strip())
        if match:
            params.append((match.group(1), match.group(3).strip()))
            if match.group(2):
                required.append(match.group(1))
    name = path.name.removesuffix(".rq")
    return NamedQuery(name, description, text, tuple(params), tuple(required))


def named_queries() -> list[NamedQuery]:
    """Every shipped named query, sorted by name."""
    folder = queries_dir()
    if not folder.is_dir():
        raise KGError(f"{folder}: the named-query folder is missing (set KG_QUERIES)")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return [read_named_query(f) for f in files]


def named_query(name: str) -> NamedQuery:
    """The named query `name`, or a KGError listing the valid names."""
    queries = named_queries()
    for query in queries:
        if query.name == name:
            return query
    valid = ", ".join(q.name for q in queries)
    raise KGError(f"no named query {name!r}; choose one of: {valid} (see kg query --list)")


def list_text(queries: Sequence[NamedQuery]) -> str:
    """The `kg query --list` listing: name, description and parameters."""
    width = max((len(q.name) for q in queries), default=0)
    out: list[str] = []
    for query in queries:
        out.append(f"{query.name:<{width}}  {query.description}")
        for pname, phelp in query.params:
            flag = " (required)" if pname in query.required else ""
            out.append(f"{'':<{width}}    --param {pname}=…{flag}  {phelp}")
    return "\n".join(out) + "\n"


# --- formatting ------------------------------------------------------------------------------


def compact_iri(iri: str) -> str:
    """`iri` as a prefixed name when a standard prefix covers it, else <iri>."""
    best = ""
    for name, ns in prefix_map().items():
        if iri.startswith(ns) and len(ns) > len(prefix_map().get(best, "")):
            best = name
    if best:
        local = iri[len(prefix_map()[best]) :]
        if re.fullmatch(r"[\w-]([\w.-]*[\w-])?|", local):
            return f"{best}:{local}"
    return f"<{iri}>"


def compact(term: Term | None) -> str:
    """A term as shown in a table: prefixed names, literal values without quotes."""
    if term is None:
        return ""
    if term.kind == "uri":
        return compact_iri(term.value)
    if term.kind == "bnode":
        return f"_:{term.value}"
    return term.value


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL_MAX else text[: TABLE_CELL_MAX - 1] + "…"


def format_table(result: QueryResult) -> str:
    """Aligned columns with a header and a row count."""
    header = [f"?{v}" for v in result.variables]
    body = [[_cell(compact(t)) for t in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        for cells in [header, ["-" * w for w in widths], *body]
    ]
    count = len(result.rows)
    note = " (truncated)" if result.truncated else ""
    lines.append(f"({count} row{'s' if count != 1 else ''}{note})")
    return "\n".join(lines) + "\n"


def ntriples_term(term: Term | None) -> str:
    """A term in N-Triples/Turtle syntax (the SPARQL TSV encoding)."""
    if term is None:
        return ""
    if term.kind == "uri":
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    if term.kind == "triple":
        return term.value
    text = _string_literal(term.value)
    if term.lang:
        return f"{text}@{term.lang}"
    if term.datatype and term.datatype != XSD_STRING:
        return f"{text}^^<{term.datatype}>"
    return text


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (values only, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(
            ["" if t is None else (f"_:{t.value}" if t.kind == "bnode" else t.value) for t in row]
        )
    return out.getvalue()


def format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV (terms in Turtle syntax)."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(ntriples_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def json_term(term: Term) -> dict[str, str]:
    """One binding in SPARQL 1.1 Results JSON."""
    if term.kind == "literal":
        out = {"type": "literal", "value": term.value}
        if term.lang:
            out["xml:lang"] = term.lang
        elif term.datatype and term.datatype != XSD_STRING:
            out["datatype"] = term.datatype
        return out
    return {"type": term.kind, "value": term.value}


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [
        {v: json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _xml_term(term: Term) -> str:
    if term.kind == "uri":
        return f"<uri>{xml_escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    attr = ""
    if term.lang:
        attr = f' xml:lang="{xml_escape(term.lang)}"'
    elif term.datatype and term.datatype != XSD_STRING:
        attr = f' datatype="{xml_escape(term.datatype)}"'
    return f"<literal{attr}>{xml_escape(term.value)}</literal>"


def format_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>" + "".join(f'<variable name="{v}"/>' for v in result.variables) + "</head>")
    if result.kind == "ask":
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in result.rows:
            cells = "".join(
                f'<binding name="{v}">{_xml_term(t)}</binding>'
                for v, t in zip(result.variables, row, strict=True)
                if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def format_graph(result: QueryResult, fmt: str) -> str:
    """Triples as Turtle (with the standard prefixes) or N-Triples."""
    triples = [
        ox.Triple(to_node(s), to_node(p), to_node(o))  # type: ignore[arg-type]
        for s, p, o in result.triples
    ]
    rdf = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    data = ox.serialize(triples, format=rdf, prefixes=prefix_map() if fmt == "turtle" else None)
    return (data or b"").decode("utf-8")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result; graph results take 'turtle' or 'nt' (table means Turtle)."""
    if fmt not in FORMATS:
        raise KGError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        if fmt == "table":
            fmt = "turtle"
        if fmt not in GRAPH_FORMATS:
            raise KGError(
                f"CONSTRUCT/DESCRIBE return triples: use --format turtle or nt, not {fmt}"
            )
        return format_graph(result, fmt)
    if fmt in GRAPH_FORMATS:
        raise KGError(
            f"--format {fmt} is for CONSTRUCT/DESCRIBE; SELECT and ASK take "
            + ", ".join(SELECT_FORMATS)
        )
    if result.kind == "ask" and fmt in ("table", "csv", "tsv"):
        return ("true" if result.boolean else "false") + "\n"
    renderers: dict[str, Callable[[QueryResult], str]] = {
        "table": format_table,
        "csv": format_csv,
        "tsv": format_tsv,
        "json": format_json,
        "xml": format_xml,
    }
    return renderers[fmt](result)
