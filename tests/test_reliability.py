"""Every bad input answered: a folder of bad files builds with every good article kept and every
bad one reported by name and reason; malformed HTTP requests to a real `kg serve` get 4xx
answers and the server keeps answering; SIGINT during a real build exits 130 and leaves the
previous outputs whole."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import DCTERMS, RDFS
from test_serve import start_server, stop

from kg.cli import main
from kg.ingest import SUFFIXES

KG = Path(sys.executable).parent / "kg"
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


# --- a folder of bad files -------------------------------------------------------------------

READS = f"kg reads {', '.join(SUFFIXES)}: save it as one of them or leave it out"
NO_TEXT = "no text left after removing the markup; check the file holds article text"
LONG = "Quenby Foods acquired Halvik Farms. " + " " * 999_000
SCRIPT = '<script>document.write("Evil Corp acquired Bad Labs.")</script>'
GOOD: dict[str, str | bytes] = {
    "a.txt": "Orvane Dynamics acquired Pellick Labs on Tuesday.\n",
    "b.md": "# Tolvar\n\nTolvar Systems launched the **Brisa 3** tablet. ![x](x.png)\n",
    "long.txt": LONG + "x" * (1_000_001 - len(LONG)),  # one line of 1,000,001 characters
    "scripts.html": (
        f"<html><head><title>Nexwell</title>{SCRIPT}</head><body><nav>Home</nav>"
        f"<article><p>Nexwell Grid partnered with Brightmoor AI.</p>{SCRIPT}</article>"
        f"<script>var evil = 'Evil Corp acquired Bad Labs.';</script></body></html>"
    ),
    "lines.jsonl": json.dumps({"text": "Mira Castell founded Halvik Farms.", "title": "Halvik"})
    + "\n{not json\n",
}
BAD: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file; add the article's text or leave the file out"),
    "binary.txt": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        f"binary file (contains NUL bytes); give a text file ({', '.join(SUFFIXES)})",
    ),
    "latin1.txt": (
        "Société Générale acquired Brisk Foods.".encode("latin-1"),
        "not UTF-8 text (byte 0xe9 at offset 4); save it as UTF-8",
    ),
    "utf16.md": (
        "Nexwell Grid acquired Brisk Foods.".encode("utf-16"),
        "UTF-16 text, not UTF-8; save it as UTF-8",
    ),
    "report.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", f"unknown file type '.pdf'; {READS}"),
    "images.md": (b"# ![logo](logo.png)\n\n![a](a.png) ![b](b(1).png) |\n", NO_TEXT),
    "only-scripts.html": (f"<html><body>{SCRIPT}</body></html>".encode(), NO_TEXT),
}


def test_a_folder_of_bad_files_keeps_every_good_article(tmp_path: Path) -> None:
    news = tmp_path / "news"
    for name, content in {**GOOD, **{n: c for n, (c, _) in BAD.items()}}.items():
        path = news / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(news), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    skipped = {line for line in result.stderr.splitlines() if line.startswith("Skipped ")}
    assert skipped == {f"Skipped {news / name}: {reason}" for name, (_, reason) in BAD.items()} | {
        f"Skipped {news}/lines.jsonl:2: invalid JSON (Expecting property name enclosed in double "
        "quotes at column 2); fix or remove the line"
    }
    assert result.stderr.splitlines()[-1] == "8 of 13 articles failed"
    assert result.stdout.startswith(f"Wrote {tmp_path}/out/graph.ttl: 5 articles, ")
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    sources = {str(o) for o in graph.objects(None, DCTERMS.source)}
    assert sources == {str(news / n) for n in GOOD if n != "lines.jsonl"} | {
        f"{news}/lines.jsonl:1"
    }
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert {"Pellick Labs", "Brisa 3", "Halvik Farms", "Brightmoor AI"} <= labels
    assert not [o for o in graph.objects() if "Evil" in o or "Bad Labs" in o]  # no script read
    assert "Traceback" not in result.output


# --- SIGINT during a real build --------------------------------------------------------------


def _ctrl_c_heard() -> None:
    """In the child: SIGINT acted on, though a shell without job control starts background
    commands (and so these tests) with it ignored, and children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_build_exits_130_and_keeps_the_previous_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = tmp_path / "first.txt"
    first.write_text("Orvane Dynamics acquired Pellick Labs.\n", encoding="utf-8")
    subprocess.run([str(KG), "build", str(first), "-o", str(out)], check=True, capture_output=True)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert set(before) == {"build.json", "graph.ttl", "graph.index.json", "graph.html"}
    many = tmp_path / "many.jsonl"
    story = "Tolvar Systems launched the Brisa 3 tablet and partnered with Nexwell Grid. "
    many.write_text(
        "".join(json.dumps({"text": f"{story * 5} Story {i}."}) + "\n" for i in range(400)),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [str(KG), "build", str(many), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_heard,
    )
    assert proc.stderr is not None
    said = b""
    deadline = time.monotonic() + 120
    while b"Reading articles" not in said and time.monotonic() < deadline:  # parsing has begun
        said += os.read(proc.stderr.fileno(), 1024)
    proc.send_signal(signal.SIGINT)
    stdout, rest = proc.communicate(timeout=60)
    assert proc.returncode == 130, (said + rest).decode()
    assert (said + rest).decode().endswith("Interrupted\n")
    assert stdout == b""
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before  # whole, and no temp files


def test_ctrl_c_while_the_outputs_are_written_leaves_them_consistent(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = tmp_path / "first.txt"
    first.write_text("Orvane Dynamics acquired Pellick Labs.\n", encoding="utf-8")
    subprocess.run([str(KG), "build", str(first), "-o", str(out)], check=True, capture_output=True)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    many = tmp_path / "many.jsonl"
    syllables = ["Kor", "Vel", "Tam", "Ris", "Bex", "Nol", "Dar", "Quin", "Sel", "Mav"]
    names = [
        f"{a}{b.lower()} {c}{d.lower()}"
        for a in syllables
        for b in syllables[:4]
        for c in syllables[4:6]
        for d in syllables[:2]
    ]
    many.write_text(
        "".join(
            json.dumps({"text": f"{x} Systems acquired {y} Labs on Monday."}) + "\n"
            for x, y in zip(names, reversed(names), strict=True)
        ),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [str(KG), "build", str(many), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_ctrl_c_heard,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # the set is being written, or has just been
    assert line.startswith(f"Wrote {out}/graph.ttl: ".encode()), line
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    # 0 or 130; or, when the signal lands after the command has returned, click's "Aborted!"
    # (1) or the interpreter's own exit by the signal: either way all was written
    assert proc.returncode in (0, 130, 1, -signal.SIGINT), err.decode()
    assert proc.returncode != 1 or err.decode().endswith("Aborted!\n")
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert set(after) == set(before)
    assert after["graph.ttl"] != before["graph.ttl"] and after["graph.html"] != before["graph.html"]
    stats = subprocess.run([str(KG), "stats", str(out / "graph.ttl")], capture_output=True)
    assert stats.returncode == 0, stats.stderr.decode()  # the set agrees with its build.json
