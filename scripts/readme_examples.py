"""Run the README's examples and compare what they print with what the README shows.

Three kinds of example are run:
- a ```console block: each line starting with '$ ' is a command, the lines after it what it
  prints on stdout;
- a ```sparql block followed by a ```text block: a query, and the table that
  `kg query outputs/graph.ttl QUERY` prints for it;
- a ```python block followed by a ```text block: a program, and what it prints.

Each example runs in a fresh folder holding a copy of examples/ and of the committed
outputs/graph.ttl, so commands that write there change nothing in the checkout.

    .venv/bin/python scripts/readme_examples.py          # show the differences, exit 1 if any
    .venv/bin/python scripts/readme_examples.py --write  # put what the examples print in README.md
"""

from __future__ import annotations

import difflib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BIN = Path(sys.executable).parent

CONSOLE = re.compile(r"```console\n(.*?)```", re.S)
PROGRAM = re.compile(r"```(sparql|python)\n(.*?)```\n\n```text\n(.*?)```", re.S)
RUNNERS = {"sparql": "kg query outputs/graph.ttl", "python": "python -c"}


@dataclass(frozen=True)
class Example:
    commands: tuple[str, ...]  # shell command lines, run in turn in one folder
    shown: tuple[str, ...]  # what the README shows each printing
    span: tuple[int, int]  # where the shown text sits in the README (the whole console block)
    program: str = ""  # a query or Python program, the last argument of the one command


def examples(readme: str) -> list[Example]:
    found = []
    for match in CONSOLE.finditer(readme):
        commands: list[str] = []
        shown: list[list[str]] = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                commands.append(line[2:])
                shown.append([])
            elif shown:
                shown[-1].append(line)
        found.append(Example(tuple(commands), tuple("\n".join(s) for s in shown), match.span(1)))
    for match in PROGRAM.finditer(readme):
        language, program, shown = match.groups()
        command = RUNNERS[language]
        found.append(Example((command,), (shown.rstrip("\n"),), match.span(3), program))
    return sorted(found, key=lambda e: e.span)


def folder() -> Path:
    """A fresh working folder: examples/ and the committed outputs/graph.ttl."""
    work = Path(tempfile.mkdtemp(prefix="kg-readme-"))
    shutil.copytree(ROOT / "examples", work / "examples")
    (work / "outputs").mkdir()
    shutil.copy(ROOT / "outputs" / "graph.ttl", work / "outputs" / "graph.ttl")
    return work


def run(example: Example) -> tuple[str, ...]:
    """What each of the example's commands prints; RuntimeError when one fails."""
    work = folder()
    try:
        printed = []
        for command in example.commands:
            words = shlex.split(command) + ([example.program] if example.program else [])
            words[0] = sys.executable if words[0] == "python" else str(BIN / words[0])
            done = subprocess.run(words, cwd=work, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                raise RuntimeError(f"$ {command}\nexit {done.returncode}\n{done.stderr}")
            printed.append(done.stdout.rstrip("\n"))
        return tuple(printed)
    finally:
        shutil.rmtree(work)


def block(example: Example, printed: tuple[str, ...]) -> str:
    """The README text of an example that prints `printed`."""
    if example.program:
        return printed[0] + "\n"
    return "".join(
        f"$ {c}\n" + (f"{p}\n" if p else "") for c, p in zip(example.commands, printed, strict=True)
    )


def main() -> int:
    readme = README.read_text(encoding="utf-8")
    found = examples(readme)
    runs = [(example, run(example)) for example in found]
    if "--write" in sys.argv[1:]:
        for example, printed in reversed(runs):
            start, end = example.span
            readme = readme[:start] + block(example, printed) + readme[end:]
        README.write_text(readme, encoding="utf-8")
        return 0
    differ = [(e, p) for e, p in runs if p != e.shown]
    for example, printed in differ:
        print(diff(example, printed))
    return 1 if differ else 0


def diff(example: Example, printed: tuple[str, ...]) -> str:
    """How what the example prints differs from what the README shows."""
    shown = block(example, example.shown).splitlines()
    lines = difflib.unified_diff(shown, block(example, printed).splitlines(), "README", "printed")
    return "\n".join(line.rstrip("\n") for line in lines)


if __name__ == "__main__":
    sys.exit(main())
