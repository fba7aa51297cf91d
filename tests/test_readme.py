"""The README run as written: every example that shows its output prints what is shown
(scripts/readme_examples.py), and the commands of its Serve it and Load it sections work."""

from __future__ import annotations

import glob
import importlib.util
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "readme_examples", ROOT / "scripts" / "readme_examples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


readme_examples = _script()
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = readme_examples.examples(README)


def section(name: str) -> str:
    return README.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]


def commands(name: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", section(name), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def shown(name: str) -> list[str]:
    """The lines of the section's first ```text block: what its commands print."""
    return re.findall(r"```text\n(.*?)```", section(name), flags=re.S)[0].splitlines()


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
    words = [w for word in words for w in (sorted(glob.glob(word, root_dir=cwd)) or [word])]
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


def test_the_readme_shows_its_examples_output() -> None:
    kinds = {e.commands[0].split()[0] for e in EXAMPLES}
    assert kinds == {"kg", "python"}
    assert sum(c.startswith("kg query") for e in EXAMPLES for c in e.commands) >= 9
    assert any(e.program.lstrip().startswith("SELECT") for e in EXAMPLES)
    assert any("kg.build(" in e.program for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.commands[-1][:60])
def test_a_readme_example_prints_what_is_shown(example: object) -> None:
    printed = readme_examples.run(example)
    assert printed == example.shown, readme_examples.diff(example, printed)  # type: ignore[attr-defined]


def test_the_readme_commands_without_output_run(tmp_path: Path) -> None:
    """The first section's other commands, in a folder like the checkout after make run."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "outputs", tmp_path / "outputs")
    (tmp_path / "more-articles").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "golden_article.txt", tmp_path / "more-articles")
    intro = README.split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", intro, flags=re.S)
    lines = [line.split("  #")[0] for block in blocks for line in block.splitlines()]
    assert len(lines) == 4
    for line in lines:
        result = run(line, tmp_path, {})
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert result.stdout.strip(), line
    assert (tmp_path / "norvale.html").stat().st_size > 1000


def test_serve_it(workdir: Path, background: list[subprocess.Popen[bytes]]) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl not installed: apt-get install curl")
    serve, curl = commands("Serve it")
    ports = {"7878": free_port()}
    start(serve, workdir, ports, background)
    wait_for(f"http://127.0.0.1:{ports['7878']}/sparql?query=ASK%7B%7D")
    result = run(curl, workdir, ports)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == shown("Serve it")


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
