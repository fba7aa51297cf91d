"""The parse cache: a rebuild parses only text it has not parsed, and builds the same graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

import kg.cache
from kg.cache import ParseCache
from kg.cli import main
from kg.ingest import Article
from kg.nlp import Model, load_model
from kg.ontology import Ontology, load_ontology
from kg.pipeline import build

STORIES = (
    "Brisk Foods bought Halden Dairy in May.\nHalden Dairy is based in Leeds.\n",
    "Orvane hired Lia Brandt as chief executive.\n",
    "Tessary Labs, based in Ghent, launched Quill-3 on Monday.\n",
)
parses: list[str] = []


@Language.component("count_parses")
def count_parses(doc: Doc) -> Doc:
    if doc.text:  # not the empty marker that ends an article
        parses.append(doc.text)
    return doc


@pytest.fixture(scope="module")
def counting() -> Language:
    nlp = load_model()
    nlp.add_pipe("count_parses")
    return nlp


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=t, source=f"a{i}.txt") for i, t in enumerate(texts)]


def test_a_warm_rebuild_parses_nothing_and_builds_the_same_graph(
    counting: Language, ontology: Ontology, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path / "cache")
    parses.clear()
    cold = build(articles(*STORIES), ontology, counting, cache=cache)
    assert len(parses) == 4  # one a paragraph
    warm = build(articles(*STORIES), ontology, counting, cache=cache)
    assert len(parses) == 4
    assert cold.facts == warm.facts > 0
    assert cold.graph.serialize(format="nt") == warm.graph.serialize(format="nt")


def test_a_rebuild_from_the_cache_never_loads_the_model(ontology: Ontology, tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "cache")
    cold = build(articles(*STORIES), ontology, Model.find(), cache=cache)
    model = Model.find()
    warm = build(articles(*STORIES), ontology, model, cache=cache)
    assert not model.loaded
    assert warm.model == cold.model == model.label
    assert cold.graph.serialize(format="nt") == warm.graph.serialize(format="nt")
    changed = build(articles(*STORIES, "Kelmor Steel opened a mill in Hull.\n"), ontology,
                    model, cache=cache)  # fmt: skip
    assert model.loaded
    assert changed.facts > warm.facts


def test_a_rebuild_after_an_ontology_change_parses_nothing(
    counting: Language, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path / "cache")
    build(articles(*STORIES), load_ontology(), counting, cache=cache)
    source = Path(__file__).parent.parent / "ontology" / "kg.ttl"
    touched = tmp_path / "kg.ttl"
    touched.write_text(source.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    parses.clear()
    again = build(articles(*STORIES), load_ontology(touched), counting, cache=cache)
    assert parses == []
    assert again.facts > 0


def test_facts_are_kept_for_the_ontology_they_were_read_with(
    ontology: Ontology, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path / "cache")
    first = build(articles(*STORIES), ontology, Model.find(), cache=cache)
    kept = sorted(cache.folder.glob("*/*.facts"))
    assert len(kept) == len(STORIES)
    again = build(articles(*STORIES), ontology, Model.find(), cache=cache)
    assert sorted(cache.folder.glob("*/*.facts")) == kept
    assert again.graph.serialize(format="nt") == first.graph.serialize(format="nt")
    source = Path(__file__).parent.parent / "ontology" / "kg.ttl"
    touched = tmp_path / "kg.ttl"
    touched.write_text(source.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    build(articles(*STORIES), load_ontology(touched), Model.find(), cache=cache)
    assert len(list(cache.folder.glob("*/*.facts"))) == 2 * len(STORIES)  # read again
    kept[0].write_bytes(b"not a pickle")
    damaged = build(articles(*STORIES), ontology, Model.find(), cache=cache)
    assert damaged.graph.serialize(format="nt") == first.graph.serialize(format="nt")


def test_only_new_or_changed_text_is_parsed(
    counting: Language, ontology: Ontology, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path / "cache")
    build(articles(*STORIES), ontology, counting, cache=cache)
    parses.clear()
    changed = STORIES[1].replace("Lia Brandt", "Ada Moss")
    build(articles(STORIES[0], changed, STORIES[2], "Kelmor Steel opened a mill in Hull.\n"),
          ontology, counting, cache=cache)  # fmt: skip
    assert parses == [changed.strip(), "Kelmor Steel opened a mill in Hull."]


def test_a_damaged_entry_is_parsed_again(
    counting: Language, ontology: Ontology, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path / "cache")
    first = build(articles(*STORIES), ontology, counting, cache=cache)
    entry = cache.path(cache.key(counting, articles(*STORIES)[1]))
    entry.write_bytes(b"not a DocBin")
    for facts in cache.folder.glob("*/*.facts"):  # so that the parses are read
        facts.unlink()
    parses.clear()
    again = build(articles(*STORIES), ontology, counting, cache=cache)
    assert parses == [STORIES[1].strip()]
    assert first.graph.serialize(format="nt") == again.graph.serialize(format="nt")
    assert cache.get(counting, articles(*STORIES)[1]) is not None  # written again


def test_another_pipeline_does_not_share_parses(counting: Language, nlp: Language) -> None:
    article = articles(STORIES[0])[0]
    cache = ParseCache(Path("unused"))
    assert cache.key(counting, article) != cache.key(nlp, article)


def test_other_code_running_the_rule_components_does_not_share_parses(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = articles(STORIES[0])[0]
    cache = ParseCache(Path("unused"))
    before = cache.key(Model.of(nlp), article)
    monkeypatch.setattr(kg.cache, "_pipes_digest", lambda: "other")
    assert cache.key(Model.of(nlp), article) != before


def test_the_cli_keeps_parses_under_the_output_folder(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORIES[0], encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(story), "-o", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out" / ".cache").glob("*/*.spacy"))) == 1
    result = runner.invoke(
        main, ["build", str(story), "-o", str(tmp_path / "bare"), "--no-html", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "bare" / ".cache").exists()
