"""Every bad input answered: a folder of bad files builds with every good article kept and every
bad one reported by name and reason; malformed HTTP requests to a real `kg serve` get 4xx
answers and the server keeps answering; SIGINT during a real build exits 130 and leaves the
previous outputs whole."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_serve import start_server, stop

SAMPLE = "@prefix kg: <https://kg.example.org/ontology#> .\n<urn:a> a kg:Organization .\n"


# --- kg serve --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    graph = tmp_path_factory.mktemp("reliability") / "graph.ttl"
    graph.write_text(SAMPLE, encoding="utf-8")
    proc, url = start_server(graph)
    address = urlsplit(url)
    assert address.hostname is not None and address.port is not None
    yield address.hostname, address.port
    stop(proc)


def exchange(address: tuple[str, int], data: bytes) -> list[int]:
    """Send raw bytes on one connection; the status of every response, until it closes."""
    with socket.create_connection(address, timeout=10) as conn:
        conn.sendall(data)
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
    return [int(status) for status in re.findall(rb"HTTP/1\.[01] (\d{3}) ", received)]


ASK = b"ASK { ?s ?p ?o }"
CLOSE = b"GET /sparql HTTP/1.1\r\nHost: kg\r\nConnection: close\r\n\r\n"


def post(length: bytes, body: bytes = ASK, extra: bytes = b"") -> bytes:
    return (
        b"POST /sparql HTTP/1.1\r\nHost: kg\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: " + length + b"\r\n" + extra + b"\r\n" + body
    )


@pytest.mark.parametrize(
    "request_bytes",
    [
        post(b"-5"),
        post(b"abc"),
        post(b"1e3"),
        post(b"+16"),
        post(b"16, 16"),
        post(b"16", extra=b"Content-Length: 17\r\n"),
        b"POST /sparql HTTP/1.1\r\nHost: kg\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"HELLO\r\n\r\n",
        b"GET /sparql HTTP/1.1\r\nHost: kg\r\nBad Header\r\n\r\n",
        post(b"%d" % (11 * 1024 * 1024), body=b""),
    ],
    ids=[
        "negative length",
        "non-numeric length",
        "float length",
        "signed length",
        "listed length",
        "two lengths",
        "bad chunk",
        "no request line",
        "bad header",
        "huge body",
    ],
)
def test_malformed_requests_get_4xx_and_the_server_answers_on(
    served: tuple[str, int], request_bytes: bytes
) -> None:
    statuses = exchange(served, request_bytes)
    assert len(statuses) == 1 and 400 <= statuses[0] < 500, statuses
    assert exchange(served, post(b"16", extra=b"Connection: close\r\n")) == [200]


def test_a_refused_body_is_never_read_as_the_next_request(served: tuple[str, int]) -> None:
    hidden = b"GET /nowhere HTTP/1.1\r\nHost: kg\r\n\r\n"
    put = b"PUT /sparql HTTP/1.1\r\nHost: kg\r\nContent-Length: %d\r\n\r\n" % len(hidden)
    assert exchange(served, put + hidden + CLOSE) == [405, 200]
    delete = b"DELETE /sparql HTTP/1.1\r\nHost: kg\r\nContent-Length: %d\r\n\r\n" % len(hidden)
    assert exchange(served, delete + hidden + CLOSE) == [405, 200]


def test_a_request_in_pieces_and_pipelined_requests_are_answered(
    served: tuple[str, int],
) -> None:
    with socket.create_connection(served, timeout=10) as conn:
        for piece in (post(b"16")[:20], post(b"16")[20:]):
            conn.sendall(piece)
        assert conn.recv(65536).startswith(b"HTTP/1.1 200 OK\r\n")
    assert exchange(served, post(b"16") * 3 + CLOSE) == [200, 200, 200, 200]
