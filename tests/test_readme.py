"""The README's Query it, Serve it and Load it sections, run as written."""

from __future__ import annotations

import re
import shlex
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(shutil.which("kg") or ROOT / ".venv" / "bin" / "kg").parent


def commands(section: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    body = readme.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", body, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "outputs").mkdir()
    shutil.copy(ROOT / "outputs" / "graph.ttl", tmp_path / "outputs" / "graph.ttl")
    return tmp_path


def run(line: str, cwd: Path, ports: dict[str, int]) -> subprocess.CompletedProcess[str]:
    for old, new in ports.items():
        line = line.replace(old, str(new))
    words = shlex.split(line)
    if words[0] in ("kg", "oxigraph"):
        words[0] = str(BIN / words[0])
    return subprocess.run(words, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def background() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:
        proc.terminate()
        proc.wait(timeout=10)


def start(
    line: str, cwd: Path, ports: dict[str, int], started: list[subprocess.Popen[bytes]]
) -> None:
    for old, new in ports.items():
        line = line.replace(old, str(new))
    words = shlex.split(line.rstrip(" &"))
    words[0] = str(BIN / words[0])
    started.append(
        subprocess.Popen(words, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    )


def test_query_it(workdir: Path) -> None:
    lines = commands("Query it")
    assert len(lines) >= 5
    for line in lines:
        result = run(line, workdir, {})
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert result.stdout.strip(), line


def test_serve_it(workdir: Path, background: list[subprocess.Popen[bytes]]) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl not installed: apt-get install curl")
    serve, curl = commands("Serve it")
    ports = {"7878": free_port()}
    start(serve, workdir, ports, background)
    wait_for(f"http://127.0.0.1:{ports['7878']}/sparql?query=ASK%7B%7D")
    result = run(curl, workdir, ports)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.strip().splitlines()
    assert rows[0].strip() == "s,o"
    assert len(rows) >= 3


def test_load_it(workdir: Path, background: list[subprocess.Popen[bytes]]) -> None:
    if shutil.which("oxigraph") is None and not (BIN / "oxigraph").exists():
        pytest.skip("the Oxigraph server is not installed: pip install oxigraph")
    ports = {"7879": free_port()}
    for line in commands("Load it into a triple store"):
        if line.endswith("&"):
            start(line.replace("/tmp/oxigraph", str(workdir / "store")), workdir, ports, background)
            wait_for(f"http://127.0.0.1:{ports['7879']}/query?query=ASK%7B%7D")
            continue
        result = run(line, workdir, ports)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
    for name in ("graph.trig", "graph.nq", "graph.jsonld", "graph.graphml"):
        assert (workdir / "outputs" / name).stat().st_size > 1000
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    url = f"http://127.0.0.1:{ports['7879']}/query?query=" + urllib.parse.quote(query)
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        count = int(response.read().decode().splitlines()[1])
    assert count > 1000
