"""Run the README's examples and compare what they print with what the README shows.

Every shell, SPARQL and Python block of the README is an example:
- a ```console block: each line starting with '$ ' is a command, the lines after it what it
  prints on stdout;
- a ```sh block: command lines that must succeed; when a ```text block follows it, that is
  what its last command prints;
- a ```sparql block followed by a ```text block: a query, and the table that
  `kg query outputs/graph.ttl QUERY` prints for it;
- a ```python block followed by a ```text block: a program, and what it prints.

A command ending in '&' starts a server, which runs in the background until the example ends;
the next command waits until its port answers. Each example runs in a fresh folder like the
checkout after `make run` (a copy of examples/ and of the committed outputs/, and a folder
more-articles/ with one article), so commands that write there change nothing in the
checkout. The addresses in a command are put on this machine: ports on free ports of
127.0.0.1, private addresses (10.x.x.x, the machines of a cluster) on 127.0.0.1, /tmp/ in the
example's folder.

    .venv/bin/python scripts/readme_examples.py          # show the differences, exit 1 if any
    .venv/bin/python scripts/readme_examples.py --write  # put what the examples print in README.md
"""

from __future__ import annotations

import difflib
import glob
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BIN = Path(sys.executable).parent

CONSOLE = re.compile(r"```console\n(.*?)```", re.S)
SHELL = re.compile(r"```sh\n(.*?)```(?:\n\n```text\n(.*?)```)?", re.S)
PROGRAM = re.compile(r"```(sparql|python)\n(.*?)```\n\n```text\n(.*?)```", re.S)
RUNNERS = {"sparql": "kg query outputs/graph.ttl", "python": "python -c"}
PORT = re.compile(r"(?<=:)\d{4,5}\b|(?<=--port )\d{4,5}\b")
PRIVATE = re.compile(r"\b10(?:\.\d{1,3}){3}\b")


@dataclass(frozen=True)
class Example:
    commands: tuple[str, ...]  # shell command lines, run in turn in one folder
    shown: tuple[str | None, ...]  # what the README shows each printing; None: not shown
    span: tuple[int, int]  # where the shown text sits in the README (a console block: all of it)
    program: str = ""  # a query or Python program, the last argument of the one command
    console: bool = False  # the commands and what they print are one ```console block


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
        printed = tuple(
            None if background(c) else "\n".join(s) for c, s in zip(commands, shown, strict=True)
        )
        found.append(Example(tuple(commands), printed, match.span(1), console=True))
    for match in SHELL.finditer(readme):
        lines = tuple(line for line in match.group(1).splitlines() if line.strip())
        text = match.group(2)
        last = None if text is None else text.rstrip("\n")
        shown_sh = (None,) * (len(lines) - 1) + (last,)
        found.append(Example(lines, shown_sh, match.span(2) if text is not None else match.span(1)))
    for match in PROGRAM.finditer(readme):
        language, program, text = match.groups()
        command = RUNNERS[language]
        found.append(Example((command,), (text.rstrip("\n"),), match.span(3), program))
    return sorted(found, key=lambda e: e.span)


def background(command: str) -> bool:
    """Whether the command starts a server that runs on in the background."""
    return shlex.split(command, comments=True)[-1] == "&"


def folder() -> Path:
    """A fresh folder like the checkout after `make run`, with more articles to add."""
    work = Path(tempfile.mkdtemp(prefix="kg-readme-"))
    shutil.copytree(ROOT / "examples", work / "examples")
    shutil.copytree(ROOT / "outputs", work / "outputs")
    (work / "more-articles").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "golden_article.txt", work / "more-articles")
    (work / "tmp").mkdir()
    return work


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def words(command: str, program: str, work: Path, ports: dict[str, str]) -> list[str]:
    """The command's words, on this machine, with the program as its last argument."""
    command = PORT.sub(lambda m: ports.setdefault(m.group(), str(free_port())), command)
    command = PRIVATE.sub("127.0.0.1", command)
    split = shlex.split(command, comments=True) + ([program] if program else [])
    split = [str(work) + w[4:] if w.startswith("/tmp/") else w for w in split]
    split = [g for w in split for g in expanded(w, work)]
    if split[0] == "python":
        split[0] = sys.executable
    elif (BIN / split[0]).exists():
        split[0] = str(BIN / split[0])
    return split


def expanded(word: str, work: Path) -> list[str]:
    """The files a word that is a glob matches in the folder, as a shell gives them."""
    if " " in word:  # a query or program, never a pattern
        return [word]
    return sorted(glob.glob(word, root_dir=work)) or [word]


def wait_for_port(split: list[str], process: subprocess.Popen[bytes]) -> None:
    """Wait until the port a server's command names answers (or the server has died)."""
    named = PORT.search(" ".join(split))
    port = named.group() if named else None
    deadline = time.monotonic() + 60
    while port is not None and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", int(port)), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing answers on port {port}: {shlex.join(split)}") from None
            time.sleep(0.2)
    if process.poll() is not None:
        raise RuntimeError(f"$ {shlex.join(split)}\nexited {process.returncode}")


def stop(servers: list[subprocess.Popen[bytes]]) -> None:
    """Stop the servers an example started, each with the processes it started."""
    for server in reversed(servers):
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def run(example: Example) -> tuple[str | None, ...]:
    """What each of the example's commands prints (None for a server started with '&');
    RuntimeError when one fails."""
    work = folder()
    ports: dict[str, str] = {}
    servers: list[subprocess.Popen[bytes]] = []
    try:
        printed: list[str | None] = []
        for command in example.commands:
            split = words(command, example.program, work, ports)
            if split[-1] == "&":
                server = subprocess.Popen(
                    split[:-1],
                    cwd=work,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # its own group: stopped with what it starts
                )
                servers.append(server)
                wait_for_port(split, server)
                printed.append(None)
                continue
            done = subprocess.run(split, cwd=work, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                raise RuntimeError(f"$ {command}\nexit {done.returncode}\n{done.stderr}")
            printed.append(done.stdout.rstrip("\n"))
        return tuple(printed)
    finally:
        stop(servers)
        shutil.rmtree(work)


def compared(example: Example, printed: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """What the example printed where the README shows what it prints."""
    return tuple(None if s is None else p for s, p in zip(example.shown, printed, strict=True))


def block(example: Example, printed: tuple[str | None, ...]) -> str:
    """The README text of an example that prints `printed`."""
    if not example.console:
        return f"{printed[-1]}\n" if printed[-1] is not None else ""
    return "".join(
        f"$ {c}\n" + (f"{p}\n" if p else "") for c, p in zip(example.commands, printed, strict=True)
    )


def main() -> int:
    readme = README.read_text(encoding="utf-8")
    found = examples(readme)
    runs = [(example, compared(example, run(example))) for example in found]
    if "--write" in sys.argv[1:]:
        for example, printed in reversed(runs):
            if example.shown[-1] is not None or example.console:
                start, end = example.span
                readme = readme[:start] + block(example, printed) + readme[end:]
        README.write_text(readme, encoding="utf-8")
        return 0
    differ = [(e, p) for e, p in runs if p != e.shown]
    for example, printed in differ:
        print(diff(example, printed))
    return 1 if differ else 0


def diff(example: Example, printed: tuple[str | None, ...]) -> str:
    """How what the example prints differs from what the README shows."""
    shown = block(example, example.shown).splitlines()
    lines = difflib.unified_diff(shown, block(example, printed).splitlines(), "README", "printed")
    return "\n".join(line.rstrip("\n") for line in lines)


if __name__ == "__main__":
    sys.exit(main())
