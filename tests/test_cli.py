"""The `kg` command through click's CliRunner: exact output, errors, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main

DATA = Path(__file__).parent / "data"


def kg(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return Path(shutil.copy(DATA / "golden_article.txt", tmp_path / "story.txt"))


def test_build_writes_turtle_and_html(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "out"
    result = kg("build", article, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        f"Wrote {out}/graph.ttl: 1 article, 4 facts, 5 entities"
    )
    assert result.stdout.splitlines()[1].startswith(f"Wrote {out}/graph.html: 5 nodes, 4 edges")
    assert (out / "graph.ttl").read_text().startswith("@prefix")
    assert "<html" in (out / "graph.html").read_text()


def test_build_from_stdin(tmp_path: Path) -> None:
    text = (DATA / "golden_article.txt").read_text()
    result = kg("build", "-", "-o", tmp_path, "--no-html", stdin=text)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {tmp_path}/graph.ttl: 1 article, 4 facts, 5 entities\n"


def test_a_bad_article_is_reported_and_the_rest_builds(tmp_path: Path, article: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = kg("build", article, bad, "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 1
    assert result.stdout == f"Wrote {tmp_path}/out/graph.ttl: 1 article, 4 facts, 5 entities\n"
    assert f"Skipped {bad}: binary file (contains NUL bytes)" in result.stderr
    assert "1 of 2 articles failed" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope/"], "Error: no such file or folder: 'nope/' (give a file, a folder, a glob or -)"),
        (
            ["{article}", "--model", "nope"],
            "Error: spaCy model 'nope' is not installed (installed: ",
        ),
        (
            ["{article}", "--ontology", "none.ttl"],
            "Error: ontology not found: 'none.ttl' (give a Turtle file with --ontology)",
        ),
        (
            ["{article}", "--into", "none.ttl"],
            "Error: graph not found: 'none.ttl' (give a graph file, e.g. from kg build)",
        ),
        (["{empty}"], "Error: no article could be read (see the messages above)"),
    ],
)
def test_build_errors(tmp_path: Path, article: Path, args: list[str], message: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    args = [a.format(article=article, empty=empty) for a in args]
    result = kg("build", *args, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(message)
    assert not (tmp_path / "out").exists()


def test_bad_ontology_names_the_file(tmp_path: Path, article: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle")
    result = kg("build", article, "--ontology", broken, "-o", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: ontology '{broken}' is not valid Turtle:")


def test_build_into_merges_and_is_idempotent(tmp_path: Path, article: Path) -> None:
    assert kg("build", article, "-o", tmp_path, "--no-html").exit_code == 0
    before = (tmp_path / "graph.ttl").read_text()
    again = kg("build", article, "--into", tmp_path / "graph.ttl", "-o", tmp_path, "--no-html")
    assert again.exit_code == 0, again.output
    assert (tmp_path / "graph.ttl").read_text() == before


def test_remerging_articles_with_amounts_keeps_the_bytes(tmp_path: Path) -> None:
    funding = Path(__file__).parent.parent / "examples" / "articles" / "02_brightmoor_funding.txt"
    assert kg("build", funding, "-o", tmp_path, "--no-html").exit_code == 0
    before = (tmp_path / "graph.ttl").read_bytes()
    assert b"kg:amount 180000000.0" in before
    for _ in range(2):
        again = kg("build", funding, "--into", tmp_path / "graph.ttl", "-o", tmp_path, "--no-html")
        assert again.exit_code == 0, again.output
        assert (tmp_path / "graph.ttl").read_bytes() == before


def test_stats(tmp_path: Path) -> None:
    result = kg("stats", DATA / "golden.ttl")
    assert result.exit_code == 0
    assert result.stdout == (
        "entities: 5\n"
        "  Organization          2\n"
        "  Person                1\n"
        "  Place                 2\n"
        "facts: 4\n"
        "  ceoOf                 1\n"
        "  headquarteredIn       1\n"
        "  operatesIn            1\n"
        "  partneredWith         1\n"
        "articles: 1\n"
    )


def test_stats_of_a_missing_graph() -> None:
    result = kg("stats", "missing.ttl")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: graph not found: 'missing.ttl' (give a graph file, e.g. from kg build)\n"
    )


def test_evaluate(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            {
                "article": "story.txt",
                "entities": [
                    {"label": "Pellwood Data", "type": "Organization", "aliases": []},
                    {"label": "Finland", "type": "Place", "aliases": []},
                    {"label": "Dublin", "type": "Place", "aliases": []},
                    {"label": "Siobhan Kearney", "type": "Person", "aliases": []},
                    {"label": "Norway", "type": "Place", "aliases": []},
                ],
                "triples": [
                    {"subject": "Pellwood Data", "predicate": "operatesIn", "object": "Finland"},
                    {"subject": "Pellwood Data", "predicate": "operatesIn", "object": "Norway"},
                    {
                        "subject": "Pellwood Data",
                        "predicate": "headquarteredIn",
                        "object": "Dublin",
                    },
                    {"subject": "Siobhan Kearney", "predicate": "ceoOf", "object": "Pellwood Data"},
                ],
            }
        )
    )
    result = kg("evaluate", DATA / "golden.ttl", gold)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "ALL                  3     1     1   0.750  0.750  0.750" in lines
    assert "  Harrowgate Thermal -partneredWith-> Pellwood Data" in lines
    assert "  Pellwood Data -operatesIn-> Norway" in lines


def test_evaluate_missing_gold(tmp_path: Path) -> None:
    result = kg("evaluate", DATA / "golden.ttl", tmp_path / "none.json")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "none.json" in result.stderr


def test_viz(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = kg("viz", DATA / "golden.ttl", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Wrote {out}: 5 nodes, 4 edges")
    assert "Siobhan Kearney" in out.read_text()


def test_viz_unknown_focus(tmp_path: Path) -> None:
    result = kg("viz", DATA / "golden.ttl", "--focus", "Pelwood", "-o", tmp_path / "v.html")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "Pellwood Data" in result.stderr


@pytest.mark.parametrize("command", ["build", "viz", "evaluate", "stats"])
def test_help_has_examples(command: str) -> None:
    result = kg(command, "--help")
    assert result.exit_code == 0
    assert "kg " + command in result.stdout


def test_jobs_give_the_same_graph(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parent.parent / "examples" / "articles"
    one = kg("build", examples, "-o", tmp_path / "one", "--no-html")
    two = kg("build", examples, "-o", tmp_path / "two", "--no-html", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.output
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (
        tmp_path / "two" / "graph.ttl"
    ).read_bytes()
