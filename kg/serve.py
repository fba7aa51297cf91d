"""A SPARQL 1.1 Protocol endpoint over one graph file (Oxigraph in memory, http.server).

GET `/sparql?query=…`, POST form (`query=` / `update=`) and POST `application/sparql-query` /
`application/sparql-update` bodies. Results are negotiated from the Accept header: SPARQL
Results JSON (default), XML, CSV or TSV for SELECT/ASK; Turtle (default), N-Triples, RDF/XML
or JSON-LD for CONSTRUCT/DESCRIBE. Read-only unless updates are allowed (updates → 403 then);
each query runs in a forked worker that is killed at the time limit (→ 503); results longer
than `max_rows` are cut and flagged with the `X-KG-Truncated` header. Updates change only the
in-memory copy, never the file.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg import sparql as q
from kg.errors import KGError

PATHS = ("/", "/sparql", "/query", "/update")
MAX_BODY = 10 * 1024 * 1024
SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
}
DEFAULT_TYPE = {
    "select": "application/sparql-results+json",
    "ask": "application/sparql-results+json",
    "graph": "text/turtle",
}


@dataclass(frozen=True)
class ServeConfig:
    """How `kg serve` answers."""

    host: str = "127.0.0.1"
    port: int = 7878
    allow_update: bool = False
    timeout: float = 30.0
    max_rows: int = 10000


@dataclass(frozen=True)
class Reply:
    """An HTTP answer."""

    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


def text_reply(status: HTTPStatus, message: str) -> Reply:
    return Reply(status, (message.rstrip("\n") + "\n").encode("utf-8"))


# --- content negotiation ---------------------------------------------------------------------


def parse_accept(header: str | None) -> list[str]:
    """Media types from an Accept header, best first (q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        if fields[0] and quality > 0:
            ranked.append((-quality, i, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(accept: str | None, kind: str) -> str | None:
    """The media type to answer with, or None when nothing acceptable is on offer."""
    offered = GRAPH_TYPES if kind == "graph" else SELECT_TYPES
    for media in parse_accept(accept):
        if media in offered:
            return media
        major = media.split("/")[0]
        if media == "*/*" or media.endswith("/*") and DEFAULT_TYPE[kind].startswith(major):
            return DEFAULT_TYPE[kind]
        if media.endswith("/*"):
            match = next((m for m in offered if m.startswith(major + "/")), None)
            if match:
                return match
    return None


def render(result: q.QueryResult, media: str) -> bytes:
    """The body for `result` as `media`."""
    if result.kind != "graph":
        return q.format_result(result, SELECT_TYPES[media]).encode("utf-8")
    fmt = GRAPH_TYPES[media]
    if fmt in ("turtle", "nt"):
        return q.format_result(result, fmt).encode("utf-8")
    triples = [
        ox.Triple(q.to_node(s), q.to_node(p), q.to_node(o))  # type: ignore[arg-type]
        for s, p, o in result.triples
    ]
    rdf = ox.RdfFormat.RDF_XML if fmt == "rdfxml" else ox.RdfFormat.JSON_LD
    return ox.serialize(triples, format=rdf) or b""


# --- the endpoint ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """A SPARQL protocol request, whatever its HTTP form."""

    query: str | None
    update: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


class Endpoint:
    """Answers protocol requests from one in-memory store."""

    def __init__(self, store: ox.Store, config: ServeConfig) -> None:
        self.store = store
        self.config = config
        self.fork_lock = threading.Lock()
        self.workers = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))

    def _options(self, request: Request) -> dict[str, object]:
        options: dict[str, object] = {}
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        return options

    def run_query(self, request: Request, accept: str | None) -> Reply:
        sparql = request.query or ""
        try:
            q.check_syntax(sparql)
            options = self._options(request)
            limit = self.config.max_rows

            def work() -> q.QueryResult:
                return q.execute(self.store, sparql, limit, **options)

            with self.workers:
                result = q.call_with_timeout(work, self.config.timeout, self.fork_lock)
        except q.QueryTimeout:
            return text_reply(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"query ran longer than {self.config.timeout:g} s "
                "(the server's --timeout); add LIMIT or filters",
            )
        except KGError as err:
            return text_reply(HTTPStatus.BAD_REQUEST, str(err))
        media = negotiate(accept, result.kind)
        if media is None:
            offered = GRAPH_TYPES if result.kind == "graph" else SELECT_TYPES
            return text_reply(
                HTTPStatus.NOT_ACCEPTABLE,
                f"cannot answer as {accept}; offered: " + ", ".join(offered),
            )
        headers = (
            (("X-KG-Truncated", f"max-rows={self.config.max_rows}"),) if result.truncated else ()
        )
        charset = "; charset=utf-8"
        return Reply(HTTPStatus.OK, render(result, media), media + charset, headers)

    def run_update(self, request: Request) -> Reply:
        if not self.config.allow_update:
            return text_reply(
                HTTPStatus.FORBIDDEN,
                "this endpoint is read-only; start kg "
                "serve with --allow-update to accept SPARQL updates",
            )
        try:
            with self.fork_lock:
                self.store.update(request.update or "", prefixes=q.prefix_map())
        except SyntaxError as err:
            return text_reply(
                HTTPStatus.BAD_REQUEST, q.syntax_error_message(request.update or "", str(err))
            )
        except (OSError, ValueError) as err:
            return text_reply(HTTPStatus.BAD_REQUEST, f"update failed: {err}")
        return Reply(HTTPStatus.NO_CONTENT, b"")

    def answer(self, request: Request, accept: str | None) -> Reply:
        if request.update is not None:
            return self.run_update(request)
        if request.query is None:
            return text_reply(
                HTTPStatus.BAD_REQUEST,
                "give a SPARQL query as ?query=… or "
                "POST it (application/sparql-query or a query= form field)",
            )
        return self.run_query(request, accept)


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def request_from(
    params: dict[str, list[str]], body_query: str | None = None, body_update: str | None = None
) -> Request:
    """A protocol Request from URL/form parameters and an optional raw body."""
    return Request(
        query=body_query if body_query is not None else _first(params, "query"),
        update=body_update if body_update is not None else _first(params, "update"),
        default_graphs=tuple(
            params.get("default-graph-uri", []) + params.get("using-graph-uri", [])
        ),
        named_graphs=tuple(params.get("named-graph-uri", [])),
    )


class Handler(BaseHTTPRequestHandler):
    """HTTP plumbing: turns requests into `Request`s and `Reply`s into responses."""

    server: SparqlHTTPServer
    protocol_version = "HTTP/1.1"

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "X-KG-Truncated")
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _route(self) -> tuple[str, dict[str, list[str]]] | None:
        url = urlsplit(self.path)
        if url.path not in PATHS:
            self._send(
                text_reply(
                    HTTPStatus.NOT_FOUND, f"no such path {url.path}; the SPARQL endpoint is /sparql"
                )
            )
            return None
        return url.path, parse_qs(url.query, keep_blank_values=True)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        routed = self._route()
        if routed is None:
            return
        path, params = routed
        if "update" in params:
            self._send(text_reply(HTTPStatus.METHOD_NOT_ALLOWED, "send updates with POST"))
            return
        if "query" not in params and path in ("/", "/sparql"):
            self._send(text_reply(HTTPStatus.OK, self.server.banner()))
            return
        self._send(self.server.endpoint.answer(request_from(params), self.headers["Accept"]))

    do_HEAD = do_GET

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _body(self) -> str | None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(text_reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large"))
            return None
        return self.rfile.read(length).decode("utf-8", errors="replace")

    def do_POST(self) -> None:  # noqa: N802
        routed = self._route()
        if routed is None:
            return
        _, params = routed
        body = self._body()
        if body is None:
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded":
            params = {**params, **parse_qs(body, keep_blank_values=True)}
            request = request_from(params)
        elif ctype == "application/sparql-query":
            request = request_from(params, body_query=body)
        elif ctype == "application/sparql-update":
            request = request_from(params, body_update=body)
        else:
            self._send(
                text_reply(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST a form "
                    "(application/x-www-form-urlencoded), "
                    "application/sparql-query or application/sparql-update",
                )
            )
            return
        self._send(self.server.endpoint.answer(request, self.headers["Accept"]))


class SparqlHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that holds an Endpoint."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], endpoint: Endpoint, graph: str) -> None:
        super().__init__(address, Handler)
        self.endpoint = endpoint
        self.graph = graph

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/sparql"

    def banner(self) -> str:
        config = self.endpoint.config
        mode = "read-write (updates allowed)" if config.allow_update else "read-only"
        return (
            f"kg SPARQL endpoint for {self.graph} at {self.url}: {mode}, timeout "
            f"{config.timeout:g} s, at most {config.max_rows} rows per result\n"
            f"query: GET {self.url}?query=… or POST application/sparql-query"
        )


def make_server(graph: str | Path, config: ServeConfig) -> SparqlHTTPServer:
    """Load `graph` and bind the server (port 0 picks a free port)."""
    if config.timeout <= 0 or config.max_rows <= 0:
        raise KGError("--timeout and --max-rows must be positive")
    store = q.load_store(graph)
    try:
        return SparqlHTTPServer((config.host, config.port), Endpoint(store, config), str(graph))
    except OSError as err:
        raise KGError(
            f"cannot listen on {config.host}:{config.port}: {err.strerror} (choose another --port)"
        ) from None


def serve(graph: str | Path, config: ServeConfig, announce: Callable[[str], None] = print) -> None:
    """Serve `graph` until interrupted."""
    server = make_server(graph, config)
    if config.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"warning: listening on {config.host}: reachable from other machines", file=sys.stderr
        )
    announce(server.banner())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
