"""Nothing in a text takes a build down, and the same articles always give the same graph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import kg.pipeline
from kg.ingest import Article
from kg.nlp import MAX_LINE, load_model, paragraphs, parse
from kg.ontology import Ontology
from kg.pipeline import _tapering_shares, build, read

NEWS_DEV = Path(__file__).parents[1].parent / "shared" / "corpus" / "news-dev" / "articles"
KG = Path(sys.executable).parent / "kg"

STORIES = {
    "a.txt": "Orvane Dynamics acquired Pellick Labs on Tuesday. Orvane is based in Tressford.\n",
    "b.txt": "Mira Castell, the chief executive of Quenby Foods, founded Halvik Farms in 2009.\n",
    "c.txt": "Tolvar Systems launched the Brisa 3 tablet. Tolvar partnered with Nexwell Grid.\n",
}
PIECES = [
    "Bosnian Serbs met.",
    "Northern Velorans marched.",
    "Orvane Dynamics acquired Pellick Labs.",
    "Mira Castell founded Halvik Farms (HF).",
    "It said its CEO, Dr. Anton Ruel, would lead machine learning (ML) work.",
    "Tolvar's Brisa 3 and Brisa 3 Pro ship in May 2026 for $400.",
    "OSLO, March 4 — ",
    "'s",
    "(",
    "\n",
]


def articles_of(texts: list[str]) -> list[Article]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.jsonl"
        path.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
        articles, _ = read([str(path)])
    return articles


@pytest.mark.parametrize(
    "text",
    [
        "Bosnian Serbs met.",
        "Northern Velorans marched on Sunday, and Southern Velorans stayed.",
        "(LLM)",
        "'s",
        "A" * 50,
        "Orvane Dynamics acquired Pellick Labs. It said its CEO, Dr. Anton Ruel, would stay.",
    ],
)
def test_crashers_build(text: str, nlp: Language, ontology: Ontology) -> None:
    result = build(articles_of([text]), ontology, nlp)
    assert result.problems == ()
    assert result.articles == 1


@settings(max_examples=30, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.one_of(st.text(max_size=40), st.sampled_from(PIECES)), max_size=8).map(
            " ".join
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_builds(texts: list[str], nlp: Language, ontology: Ontology) -> None:
    articles = articles_of(texts)
    result = build(articles, ontology, nlp)
    assert result.problems == ()
    assert result.added == len(articles)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_that_fails_is_reported_and_the_rest_build(
    nlp: Language, ontology: Ontology, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    good, bad, also_good = articles_of(list(STORIES.values()))
    real = kg.pipeline.extract

    def extract(parsed: kg.pipeline.ParsedArticle, onto: Ontology) -> Iterator[kg.pipeline.Fact]:
        if parsed.article.id == bad.id:
            raise RuntimeError("broken on purpose")
        return real(parsed, onto)

    monkeypatch.setattr(kg.pipeline, "extract", extract)
    result = build([good, bad, also_good], ontology, nlp, jobs=jobs)  # workers fork: patched too
    assert [p.source for p in result.problems] == [bad.source]
    reason = result.problems[0].reason
    assert f"article {bad.id} failed: RuntimeError: broken on purpose" in reason
    assert result.articles == 2
    assert result.facts == build([good, also_good], ontology, nlp).facts > 0


def test_an_article_resolution_fails_on_is_reported_and_the_rest_build(
    nlp: Language, ontology: Ontology, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resolution joins every article's names, so a bug some text sets off there is found by
    resolving each article alone: that article is reported, the others build as before."""
    good, bad, also_good = articles_of(list(STORIES.values()))
    real = kg.pipeline.resolve

    def resolve(facts: list[kg.pipeline.Fact], *args: object) -> kg.pipeline.Resolution:
        if any(f.subject.text == "Mira Castell" for f in facts):
            raise KeyError("broken on purpose")
        return real(facts, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.pipeline, "resolve", resolve)
    result = build([good, bad, also_good], ontology, nlp)
    assert [p.source for p in result.problems] == [bad.source]
    reason = result.problems[0].reason
    assert f"article {bad.id} failed in resolution: KeyError: 'broken on purpose'" in reason
    assert result.articles == 2
    assert result.facts == build([good, also_good], ontology, nlp).facts > 0


def test_a_line_spacy_fails_on_costs_only_its_article(ontology: Ontology) -> None:
    nlp = load_model()

    @Language.component("fails_on_kaboom")
    def fails_on_kaboom(doc: Doc) -> Doc:
        if "Kaboom" in doc.text:
            raise ValueError("cannot parse this")
        return doc

    nlp.add_pipe("fails_on_kaboom")
    texts = [*STORIES.values(), "Orvane hired Lia Brandt.\nKaboom Corp went bust.\n"]
    articles = articles_of(texts)
    result = build(articles, ontology, nlp)
    assert [p.source for p in result.problems] == [articles[3].source]
    assert result.problems[0].reason.startswith(
        f"article {articles[3].id} failed in 'Kaboom Corp went bust.': ValueError: cannot parse"
    )
    assert result.articles == 3
    assert result.facts == build(articles[:3], ontology, nlp).facts


def test_long_lines_come_in_pieces_at_their_offsets() -> None:
    text = "Orvane rose. Pellick fell!  Then a long run of words without an end " + "x" * 45
    text = f"OSLO, March 4 — {text}\n\nTail line."
    pieces = list(paragraphs(text, limit=20))
    assert all(text[at : at + len(piece)] == piece for at, piece in pieces)
    assert all(len(piece) <= 20 for _, piece in pieces)
    assert [p for _, p in pieces][:3] == ["Orvane rose. ", "Pellick fell!  ", "Then a long run of "]
    *line, last = pieces
    assert "".join(p for _, p in line) == text.split("— ", 1)[1].split("\n")[0]
    assert last == (len(text) - len("Tail line."), "Tail line.")


def test_spacy_gets_the_lines_alone_as_a_bare_pipe_would() -> None:
    seen: list[str] = []

    @Language.component("kg_test_seen")
    def record(doc: Doc) -> Doc:
        seen.append(doc.text)
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_test_seen")
    texts = ["", "Orvane rose.\n\nPellick fell.", "", " \n", "Tail line.", ""]
    articles = [Article(id=str(i), text=t, source=f"{i}.txt") for i, t in enumerate(texts)]
    parsed = list(parse(nlp, articles, batch_size=2))
    assert seen == ["Orvane rose.", "Pellick fell.", "Tail line."]  # no empty end markers
    assert [p.article.id for p in parsed] == ["0", "1", "2", "3", "4", "5"]
    assert [[(q.offset, q.doc.text) for q in p.paragraphs] for p in parsed] == [
        [],
        [(0, "Orvane rose."), (14, "Pellick fell.")],
        [],
        [],
        [(0, "Tail line.")],
        [],
    ]


def test_shares_taper_and_keep_every_article_in_order() -> None:
    articles = [Article(id=str(i), text="x" * (50 + i % 7), source="s") for i in range(400)]
    shares = _tapering_shares(articles, 2)
    assert [a for share in shares for a in share] == articles
    sizes = [sum(len(a.text) for a in share) for share in shares]
    assert sizes[0] > 10 * sizes[-1]  # long runs first, short ones last
    assert sizes[0] >= sum(sizes) / 4 - 60


def test_a_line_over_a_million_characters_builds(nlp: Language, ontology: Ontology) -> None:
    line = "Orvane Dynamics acquired Pellick Labs. " + " " * 1_000_000 + "x" * (3 * MAX_LINE)
    result = build(articles_of([line]), ontology, nlp)
    assert (result.problems, result.articles, result.facts) == ((), 1, 1)


def graph_bytes(inputs: Path, out: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [str(KG), "build", str(inputs), "-o", str(out), "--no-html"]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return (out / "graph.ttl").read_bytes()


def test_same_graph_under_any_hash_seed(tmp_path: Path) -> None:
    stories = tmp_path / "stories"  # not beside the outputs, which a folder build would report
    stories.mkdir()
    for name, text in STORIES.items():
        (stories / name).write_text(text)
    first = graph_bytes(stories, tmp_path / "one", "1")
    assert first == graph_bytes(stories, tmp_path / "two", "2")
    assert b"kg:acquired" in first


def test_same_news_graph_under_any_hash_seed(tmp_path: Path) -> None:
    if not NEWS_DEV.is_dir():
        pytest.skip(f"no shared corpus at {NEWS_DEV}")
    first = graph_bytes(NEWS_DEV, tmp_path / "one", "1")
    assert first == graph_bytes(NEWS_DEV, tmp_path / "two", "2")


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=200), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_file_is_read_or_reported(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        read([str(path)])


def test_reading_oddities_are_problems_not_tracebacks(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    lines = [
        "[" * 100_000,
        json.dumps({"text": "Orvane hired Lia Brandt.", "date": "Mon, 1 Jan 99999999999"}),
    ]
    path.write_text("\n".join(lines))
    articles, problems = read([str(path)])
    assert [(a.text, a.date) for a in articles] == [("Orvane hired Lia Brandt.", None)]
    assert [p.reason for p in problems] == [
        "JSON nested too deeply to read; fix or remove the line"
    ]


def test_every_shared_file_builds(tmp_path: Path) -> None:
    """Both splits of both benchmarks, news-train, news-dev and the seeds, in one build."""
    shared = Path(__file__).parents[1].parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"no shared corpus at {shared}")
    inputs = sorted(str(p) for p in shared.glob("corpus/*/articles"))
    inputs += sorted(str(p) for p in shared.glob("corpus/seeds/*.txt"))
    inputs += sorted(str(p) for p in shared.glob("benchmarks/*/*.jsonl"))
    assert len(inputs) >= 9
    done = subprocess.run(
        [str(KG), "build", *inputs, "-o", str(tmp_path), "--no-html"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Wrote {tmp_path}/graph.ttl: ")
    assert "Traceback" not in done.stderr
