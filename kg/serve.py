"""A SPARQL 1.1 Protocol endpoint over one graph file (Oxigraph in memory, served by waitress).

GET `/sparql?query=…`, POST form (`query=` / `update=`) and POST `application/sparql-query` /
`application/sparql-update` bodies. Results are negotiated from the Accept header: SPARQL
Results JSON (default), XML, CSV or TSV for SELECT/ASK; Turtle (default), N-Triples, RDF/XML
or JSON-LD for CONSTRUCT/DESCRIBE. Read-only unless updates are allowed (updates → 403 then);
each query runs in a forked worker that is killed at the time limit (→ 503); results longer
than `max_rows` are cut and flagged with the `X-KG-Truncated` header. Updates change only the
in-memory copy, never the file.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from waitress.server import create_server

from kg import sparql as q
from kg import timeouts
from kg.errors import KGError
from kg.rdfio import load_store

PATHS = ("/", "/sparql", "/query", "/update")
MAX_BODY = 10 * 1024 * 1024  # bytes of a request body; waitress answers 413 past it
THREADS = 8  # requests answered at once (queries run in forked workers, see Endpoint)
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
            kind = q.check_syntax(sparql)
        except KGError as err:
            return text_reply(HTTPStatus.BAD_REQUEST, str(err))
        media = negotiate(accept, kind)
        if media is None:
            offered = GRAPH_TYPES if kind == "graph" else SELECT_TYPES
            return text_reply(
                HTTPStatus.NOT_ACCEPTABLE,
                f"cannot answer as {accept}; offered: " + ", ".join(offered),
            )
        fmt = GRAPH_TYPES[media] if kind == "graph" else SELECT_TYPES[media]
        options = self._options(request)
        limit = self.config.max_rows

        def work() -> tuple[bytes, bool]:
            body = io.BytesIO()
            written = q.write_results(self.store, sparql, fmt, body, limit, **options)
            return body.getvalue(), written.truncated

        try:
            with self.workers:
                body, truncated = timeouts.call_with_timeout(
                    work, self.config.timeout, self.fork_lock
                )
        except timeouts.QueryTimeout:
            return text_reply(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"query ran longer than {self.config.timeout:g} s "
                "(the server's --timeout); add LIMIT or filters",
            )
        except KGError as err:
            return text_reply(HTTPStatus.BAD_REQUEST, str(err))
        headers = (("X-KG-Truncated", f"max-rows={self.config.max_rows}"),) if truncated else ()
        return Reply(HTTPStatus.OK, body, media + "; charset=utf-8", headers)

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


Environ = dict[str, Any]
StartResponse = Callable[[str, list[tuple[str, str]]], object]
CORS = (("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", "X-KG-Truncated"))
ALLOW = "GET, HEAD, POST, OPTIONS"
FORM = "application/x-www-form-urlencoded"


class App:
    """The WSGI application: turns requests into `Request`s and `Reply`s into responses.
    HTTP itself (request lines, headers, Content-Length, chunked bodies, size limits,
    keep-alive) is waitress's, so a malformed request gets its 400 before it reaches here."""

    def __init__(self, endpoint: Endpoint, banner: Callable[[], str]) -> None:
        self.endpoint = endpoint
        self.banner = banner

    def __call__(self, environ: Environ, start_response: StartResponse) -> list[bytes]:
        reply = self.respond(environ)
        status = HTTPStatus(reply.status)
        headers = [
            ("Content-Type", reply.content_type),
            ("Content-Length", str(len(reply.body))),
            *CORS,
            *reply.headers,
        ]
        start_response(f"{status.value} {status.phrase}", headers)
        return [reply.body]

    def respond(self, environ: Environ) -> Reply:
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO") or "/"
        if method == "OPTIONS":
            return Reply(
                HTTPStatus.NO_CONTENT,
                b"",
                headers=(
                    ("Access-Control-Allow-Methods", ALLOW),
                    ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                ),
            )
        if path not in PATHS:
            return text_reply(
                HTTPStatus.NOT_FOUND, f"no such path {path}; the SPARQL endpoint is /sparql"
            )
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        accept = environ.get("HTTP_ACCEPT")
        if method in ("GET", "HEAD"):
            if "update" in params:
                return text_reply(HTTPStatus.METHOD_NOT_ALLOWED, "send updates with POST")
            if "query" not in params and path in ("/", "/sparql"):
                return text_reply(HTTPStatus.OK, self.banner())
            return self.endpoint.answer(request_from(params), accept)
        if method != "POST":
            reply = text_reply(
                HTTPStatus.METHOD_NOT_ALLOWED, f"{method} is not supported; use GET or POST"
            )
            return Reply(reply.status, reply.body, headers=(("Allow", ALLOW),))
        body = environ["wsgi.input"].read().decode("utf-8", errors="replace")
        ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if ctype == FORM:
            request = request_from({**params, **parse_qs(body, keep_blank_values=True)})
        elif ctype == "application/sparql-query":
            request = request_from(params, body_query=body)
        elif ctype == "application/sparql-update":
            request = request_from(params, body_update=body)
        else:
            return text_reply(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"POST a form ({FORM}), application/sparql-query or application/sparql-update",
            )
        return self.endpoint.answer(request, accept)


class SparqlServer:
    """A waitress server that answers with an App."""

    def __init__(self, endpoint: Endpoint, graph: str) -> None:
        self.endpoint = endpoint
        self.graph = graph
        config = endpoint.config
        try:
            self.server = create_server(
                App(endpoint, self.banner),
                host=config.host,
                port=config.port,
                threads=THREADS,
                max_request_body_size=MAX_BODY,
                ident="kg",
            )
        except OSError as err:
            raise KGError(
                f"cannot listen on {config.host}:{config.port}: {err.strerror} "
                "(choose another --port)"
            ) from None

    @property
    def url(self) -> str:
        port = getattr(self.server, "effective_port", self.endpoint.config.port)
        return f"http://{self.endpoint.config.host}:{port}/sparql"

    def banner(self) -> str:
        config = self.endpoint.config
        mode = "read-write (updates allowed)" if config.allow_update else "read-only"
        return (
            f"kg SPARQL endpoint for {self.graph} at {self.url}: {mode}, timeout "
            f"{config.timeout:g} s, at most {config.max_rows} rows per result\n"
            f"query: GET {self.url}?query=… or POST application/sparql-query"
        )

    def run(self) -> None:
        """Answer until interrupted."""
        self.server.run()

    def close(self) -> None:
        self.server.close()


def make_server(graph: str | Path, config: ServeConfig) -> SparqlServer:
    """Load `graph` and bind the server (port 0 picks a free port)."""
    if config.timeout <= 0 or config.max_rows <= 0:
        raise KGError("--timeout and --max-rows must be positive")
    store = load_store(graph)
    return SparqlServer(Endpoint(store, config), str(graph))


def serve(graph: str | Path, config: ServeConfig, announce: Callable[[str], None] = print) -> None:
    """Serve `graph` until interrupted."""
    server = make_server(graph, config)
    if config.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"warning: listening on {config.host}: reachable from other machines", file=sys.stderr
        )
    announce(server.banner())
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
