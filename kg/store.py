"""Send a graph to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

`push_graph` serialises the graph as N-Triples (a subset of Turtle, sent as text/turtle so
every store accepts it) into a temporary file and PUTs it (replace) or POSTs it (append) to
`ENDPOINT?graph=IRI` or `ENDPOINT?default`. A refusal becomes a KGError with the HTTP status
and the store's own message.
"""

from __future__ import annotations

import html
import re
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from kg.errors import KGError
from kg.sparql import load_store

CONTENT_TYPE = "text/turtle; charset=utf-8"
MESSAGE_MAX = 400


@dataclass(frozen=True)
class PushResult:
    """What was sent where."""

    url: str
    method: str
    triples: int
    status: int


def target_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store URL for a named graph, or for the default graph."""
    if not re.match(r"https?://", endpoint):
        raise KGError(
            f"--endpoint {endpoint!r}: give an http(s):// URL of the store's Graph "
            "Store endpoint (Oxigraph: …/store, Virtuoso: …/sparql-graph-crud)"
        )
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}graph={quote(graph, safe='')}" if graph else f"{endpoint}{sep}default"


def store_message(body: bytes) -> str:
    """A store's error body as one readable line (HTML tags dropped)."""
    text = body.decode("utf-8", errors="replace")
    text = re.sub(r"(?is)<(title|head|style|script)[^>]*>.*?</\1>", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = " ".join(text.split())
    return text if len(text) <= MESSAGE_MAX else text[: MESSAGE_MAX - 1] + "…"


def _send(url: str, method: str, body: Path, size: int, timeout: float) -> int:
    with body.open("rb") as data:
        request = urllib.request.Request(
            url,
            data=data,
            method=method,
            headers={"Content-Type": CONTENT_TYPE, "Content-Length": str(size)},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as err:
            message = store_message(err.read())
            raise KGError(
                f"the store refused the graph: HTTP {err.code} {err.reason} from "
                f"{method} {url}" + (f": {message}" if message else "")
            ) from None
        except urllib.error.URLError as err:
            raise KGError(f"cannot reach the store at {url}: {err.reason}") from None
        except TimeoutError:
            raise KGError(f"the store at {url} did not answer within {timeout:g} s") from None


def push_graph(
    graph: str | Path,
    endpoint: str,
    graph_iri: str | None = None,
    replace: bool = True,
    timeout: float = 300.0,
) -> PushResult:
    """PUT (replace) or POST (append) the graph file's triples to a Graph Store endpoint."""
    url = target_url(endpoint, graph_iri)
    store = load_store(graph)
    method = "PUT" if replace else "POST"
    with tempfile.TemporaryDirectory(prefix="kg-push-") as tmp:
        body = Path(tmp) / "graph.nt"
        store.dump(str(body), ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        status = _send(url, method, body, body.stat().st_size, timeout)
    return PushResult(url, method, triples, status)
