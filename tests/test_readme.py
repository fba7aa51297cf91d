"""The README run as written: every shell, SPARQL and Python block is an example that
scripts/readme_examples.py runs (servers and a Dask cluster on 127.0.0.1 included), each
prints what the README shows, every kg command is among them, and the outputs they run
against are the ones `make run` builds."""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent


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
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)


def test_every_shell_sparql_and_python_block_is_an_example() -> None:
    blocks = [(m.group(1), m.span(2)) for m in FENCE.finditer(README)]
    run = [b for b in blocks if b[0] in ("console", "sh", "sparql", "python")]
    assert len(run) == len(EXAMPLES) == 15
    # the other blocks: what a command prints, the graph's shape, and make targets
    for language, (start, end) in blocks:
        if language == "":
            targets = [line.split()[1] for line in README[start:end].splitlines()]
            assert targets and all(
                line.startswith("make ") for line in README[start:end].splitlines()
            )
            phony = re.search(r"^\.PHONY:(.*)$", (ROOT / "Makefile").read_text(), re.M)
            assert phony is not None and set(targets) <= set(phony.group(1).split())
        else:
            assert language in ("console", "sh", "sparql", "python", "text", "turtle")


def test_every_kg_command_runs_in_an_example() -> None:
    used = {
        shlex.split(c)[1]
        for e in EXAMPLES
        for c in e.commands
        if c.startswith("kg ") and "--help" not in c
    }
    assert used == set(main.commands)
    assert sum(c.startswith("kg query") for e in EXAMPLES for c in e.commands) >= 9
    assert any(c.startswith("dask worker") for e in EXAMPLES for c in e.commands)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.commands[-1][:60])
def test_a_readme_example_prints_what_is_shown(example: object) -> None:
    if any(c.startswith("curl ") for c in example.commands) and shutil.which("curl") is None:  # type: ignore[attr-defined]
        pytest.skip("curl not installed: apt-get install curl")
    printed = readme_examples.compared(example, readme_examples.run(example))
    assert printed == example.shown, readme_examples.diff(example, printed)  # type: ignore[attr-defined]


def test_the_examples_run_against_what_make_run_builds(tmp_path: Path) -> None:
    """The committed outputs/ are, byte for byte, what `make run` writes (versions aside)."""
    recipe = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    build = shlex.split(next(line for line in recipe.splitlines() if " build " in line))
    assert build[:2] == [".venv/bin/kg", "build"]
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    done = subprocess.run(
        [str(Path(sys.executable).parent / "kg"), *build[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "outputs" / name).read_bytes() == (ROOT / "outputs" / name).read_bytes()
    built, committed = (
        json.loads((root / "outputs" / "build.json").read_text()) for root in (tmp_path, ROOT)
    )
    assert {**built, "versions": None} == {**committed, "versions": None}
