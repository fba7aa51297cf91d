"""The graph's index (`kg.index`, graph.index.json): adding articles with it reads only the
entities a new name can reach and counts only the facts it touched, and writes the very graph,
index and counts that adding without it (reading the whole graph) writes."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from kg.cli import main
from kg.graph import add_entities, graph_entities, slug, stats
from kg.index import index_of, index_path, read_index
from kg.nlp import Model
from kg.ontology import Ontology, load_ontology
from kg.pipeline import build, candidates, read
from kg.rdfio import load_triples, new_graph
from kg.resolve import Entity, name_links, resolve

ROOT = Path(__file__).resolve().parent.parent
BENCH = sorted((ROOT / "bench" / "articles").iterdir())
EXAMPLES = sorted((ROOT / "examples" / "articles").iterdir())


def kg(*args: object) -> None:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output


def every_entity(graph: object, ontology: Ontology) -> list[Entity]:
    """All the graph's entities as a merge knew them before the index: every one."""
    present = graph_entities(graph, ontology)  # type: ignore[arg-type]
    found = [
        Entity(iri.rsplit("/", 1)[-1], e.label, tuple(sorted(set(e.names))), e.cls, iri)
        for iri, e in present.items()
    ]
    return sorted(found, key=lambda e: e.key)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("NAI", "Northfield Analytical Instruments"),  # an acronym and its name
        ("NAI", "Northfield Analytical Instruments Ltd"),  # ... less a corporate suffix
        ("Roe", "Jane Roe"),  # a person's surname
        ("Veyra", "Veyra Corp."),  # one key
        ("the Veyra", "VEYRA"),
    ],
)
def test_names_a_rule_can_join_share_a_token(one: str, other: str, ontology: Ontology) -> None:
    suffixes = ontology.corporate_suffixes
    a, b = name_links(one, suffixes, person=True), name_links(other, suffixes, person=True)
    assert a[0] & b[1] and b[0] & a[1]


@pytest.mark.parametrize(
    ("one", "other", "person"),
    [
        ("Norvale Cloud", "Norvale", True),  # only a word shared
        ("Roe", "Jane Roe", False),  # not people: no surname rule
        ("NA", "Northfield Analytical Instruments", True),
    ],
)
def test_names_no_rule_joins_share_none(
    one: str, other: str, person: bool, ontology: Ontology
) -> None:
    suffixes = ontology.corporate_suffixes
    a, b = name_links(one, suffixes, person), name_links(other, suffixes, person)
    assert not a[0] & b[1] and not b[0] & a[1]


@pytest.mark.parametrize("article", range(len(BENCH)))
def test_the_entities_an_article_can_reach_resolve_it_as_all_of_them_do(
    article: int, nlp: Language, ontology: Ontology
) -> None:
    others, problems = read([str(p) for i, p in enumerate(BENCH) if i != article])
    assert not problems
    graph = build(others, ontology, nlp).graph
    added, _ = read([str(BENCH[article])])
    facts = candidates(added, ontology, Model.of(nlp)).facts
    index = index_of(graph, ontology)
    known, everything = (
        index.known(facts, (), ontology.corporate_suffixes),
        every_entity(graph, ontology),
    )
    assert len(known) < len(everything)
    assert resolve(facts, ontology, known) == resolve(facts, ontology, everything)


def test_some_article_reaches_entities_of_the_others(nlp: Language, ontology: Ontology) -> None:
    """The test above compares something: articles that share entities (an acronym among
    them) reach some."""
    reached = []
    for article in range(len(BENCH)):
        others, _ = read([str(p) for i, p in enumerate(BENCH) if i != article])
        graph = build(others, ontology, nlp).graph
        added, _ = read([str(BENCH[article])])
        facts = candidates(added, ontology, Model.of(nlp)).facts
        reached.append(len(index_of(graph, ontology).known(facts, (), ontology.corporate_suffixes)))
    assert sum(1 for n in reached if n) >= 3, reached


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("base")
    kg("build", *EXAMPLES[:4], "-o", out, "--no-html", "--no-cache")
    return out


@pytest.mark.parametrize("added", [EXAMPLES[4:], EXAMPLES[2:6], EXAMPLES[:1]])
def test_adding_with_the_index_writes_what_adding_without_it_writes(
    tmp_path: Path, built: Path, added: list[Path], ontology: Ontology
) -> None:
    written = {}
    for name, keep in (("with", True), ("without", False)):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(built / "graph.ttl", folder / "graph.ttl")
        if keep:
            shutil.copy(built / "graph.index.json", folder / "graph.index.json")
        assert (read_index(folder / "graph.ttl", ontology) is not None) is keep
        kg("build", *added, "--into", folder / "graph.ttl", "-o", folder, "--no-html")
        written[name] = folder
    for file in ("graph.ttl", "graph.index.json", "build.json"):
        assert (written["with"] / file).read_bytes() == (written["without"] / file).read_bytes()
    graph = load_triples(written["with"] / "graph.ttl")
    record = json.loads((written["with"] / "build.json").read_text())
    counts = {k: sum(v.values()) for k, v in stats(graph, ontology).items()}
    assert (record["articles"], record["facts"], record["entities"]) == (
        counts["articles"],
        counts["facts"],
        counts["entities"],
    )
    assert read_index(written["with"] / "graph.ttl", ontology) == index_of(graph, ontology)


def test_an_index_is_only_used_with_its_own_graph_and_ontology(
    tmp_path: Path, built: Path, ontology: Ontology
) -> None:
    graph = tmp_path / "graph.ttl"
    shutil.copy(built / "graph.ttl", graph)
    shutil.copy(built / "graph.index.json", index_path(graph))
    assert read_index(graph, ontology) is not None
    other = tmp_path / "other.ttl"
    other.write_text(Path(ontology.source).read_text(encoding="utf-8") + "# another\n")
    assert read_index(graph, load_ontology(other)) is None  # another ontology
    with graph.open("a", encoding="utf-8") as out:
        out.write("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    assert read_index(graph, ontology) is None  # the graph changed since
    shutil.copy(built / "graph.ttl", graph)
    index_path(graph).write_text("{not json", encoding="utf-8")
    assert read_index(graph, ontology) is None  # an index that cannot be read


def test_the_index_is_written_and_listed_with_the_graph(built: Path, ontology: Ontology) -> None:
    record = json.loads((built / "build.json").read_text())
    assert set(record["files"]) == {"graph.ttl", "graph.index.json"}
    index = read_index(built / "graph.ttl", ontology)
    assert index == index_of(load_triples(built / "graph.ttl"), ontology)


def test_entities_reached_through_another_known_entity_count_too(
    nlp: Language, ontology: Ontology
) -> None:
    """ "Jane Roe" reaches the known "Roe"; whether "Roe" is Jane Roe depends on the known
    "John Roe", whom only "Roe" reaches: he must be among the entities looked at."""
    graph = new_graph()
    people = [Entity(slug(n), n, (n,), "Person") for n in ("Jane Roe", "Roe", "John Roe")]
    add_entities(graph, people, ontology)
    added, _ = read(["-"], stdin=io.StringIO("Jane Roe founded Quillfin in 2019.\n"))
    facts = candidates(added, ontology, Model.of(nlp)).facts
    known = index_of(graph, ontology).known(facts, (), ontology.corporate_suffixes)
    assert [e.label for e in known] == ["Jane Roe", "John Roe", "Roe"]
    assert resolve(facts, ontology, known) == resolve(
        facts, ontology, every_entity(graph, ontology)
    )
