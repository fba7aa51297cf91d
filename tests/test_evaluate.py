"""Tests for kg.evaluate: the scoring rules of corpus/GOLD-FORMAT.md on small invented graphs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph

from kg.errors import KGError
from kg.evaluate import (
    CORE_PREDICATES,
    SYMMETRIC,
    EvaluationReport,
    PredicateScore,
    evaluate,
    format_report,
    load_gold,
    normalise,
)

PREFIXES = """\
@prefix kg: <https://kg.example.org/ontology#> .
@prefix id: <https://kg.example.org/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix ex: <http://other.example/vocab/> .
"""

ENTITIES: list[dict[str, Any]] = [
    {"label": "Norvale Systems", "type": "Organization", "aliases": ["Norvale", "NVS Holdings"]},
    {"label": "Quillfeather Labs", "type": "Organization", "aliases": []},
    {"label": "Corvid Dynamics", "type": "Organization", "aliases": []},
    {"label": "Norvale Cloud", "type": "Organization", "aliases": []},
    {"label": "Tarrow", "type": "Product", "aliases": ["Tarrow model"]},
    {"label": "Brenna Ostrowe", "type": "Person", "aliases": ["Ostrowe"]},
    {"label": "Lisvania", "type": "Place", "aliases": ["the Republic of Lisvania"]},
]
TRIPLES: list[dict[str, Any]] = [
    {"subject": "Norvale Systems", "predicate": "launched", "object": "Tarrow"},
    {"subject": "Brenna Ostrowe", "predicate": "ceoOf", "object": "Norvale Systems"},
    {"subject": "Norvale Systems", "predicate": "partneredWith", "object": "Quillfeather Labs"},
    {
        "subject": "Norvale Cloud",
        "predicate": "operatesIn",
        "object": "Lisvania",
        "also_subjects": ["Norvale Systems"],
    },
    {"subject": "Norvale Systems", "predicate": "developed", "object": "Tarrow", "optional": True},
    {
        "subject": "Brenna Ostrowe",
        "predicate": "worksFor",
        "object": "Norvale Systems",
        "optional": True,
    },
]
REQUIRED = 4

# Entity nodes as the project writes them (names via rdfs:label / skos:prefLabel / altLabel).
NODES = """\
id:norvale rdfs:label "Norvale Systems" ; skos:prefLabel "Norvale Systems" .
id:quill rdfs:label "Quillfeather Labs" .
id:corvid rdfs:label "Corvid Dynamics" .
id:cloud skos:prefLabel "Norvale Cloud" .
id:tarrow rdfs:label "Tarrow" .
id:brenna skos:prefLabel "Brenna Ostrowe" .
id:lisvania rdfs:label "Lisvania" .
id:zephyr rdfs:label "Zephyr Widgets" .
"""


# ---------------------------------------------------------------------------------------------
# helpers


def write_gold(
    tmp_path: Path,
    triples: list[dict[str, Any]] | None = None,
    entities: list[dict[str, Any]] | None = None,
    name: str = "gold.json",
) -> Path:
    record = {
        "article": "x.txt",
        "entities": ENTITIES if entities is None else entities,
        "triples": TRIPLES if triples is None else triples,
    }
    path = tmp_path / name
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def write_jsonl(tmp_path: Path, records: list[dict[str, Any]], name: str = "dev.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def write_graph(tmp_path: Path, body: str, nodes: str = NODES, name: str = "graph.ttl") -> Path:
    path = tmp_path / name
    path.write_text(PREFIXES + nodes + body, encoding="utf-8")
    return path


def run(tmp_path: Path, body: str, nodes: str = NODES, **kwargs: Any) -> EvaluationReport:
    return evaluate(write_graph(tmp_path, body, nodes), [write_gold(tmp_path)], **kwargs)


def counts(report: EvaluationReport) -> tuple[int, int, int]:
    return report.overall.tp, report.overall.fp, report.overall.fn


def row(report: EvaluationReport, predicate: str) -> PredicateScore:
    return next(r for r in report.per_predicate if r.predicate == predicate)


# ---------------------------------------------------------------------------------------------
# normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norvale Systems", "norvale systems"),
        ("  NORVALE   Systems ", "norvale systems"),
        ("Norvale Systems’s", "norvale systems"),
        ("Norvale Systems's", "norvale systems"),
        ("The Norvale Systems", "norvale systems"),
        ("the Republic of Lisvania", "republic of lisvania"),
        ("Norvale-Systems, Inc.", "norvale systems inc"),
        ("Ｎｏｒｖａｌｅ Systems", "norvale systems"),
        ("O’Rourke “Freight”", "o rourke freight"),
        ("Theodore", "theodore"),
        ("Qwen3-Max", "qwen3 max"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


# ---------------------------------------------------------------------------------------------
# basic scoring


def test_perfect_graph_scores_one(tmp_path: Path) -> None:
    body = """
id:norvale kg:launched id:tarrow ; kg:partneredWith id:quill ; kg:operatesIn id:lisvania .
id:brenna kg:ceoOf id:norvale .
"""
    report = run(tmp_path, body)
    assert counts(report) == (4, 0, 0)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (1.0, 1.0, 1.0)
    assert report.false_positives == () and report.misses == () and report.fragmented == ()
    assert report.predicates == CORE_PREDICATES
    assert report.overall.predicate == "ALL"


def test_empty_graph_zero_denominators_are_zero(tmp_path: Path) -> None:
    report = run(tmp_path, "")
    assert counts(report) == (0, 0, REQUIRED)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (0.0, 0.0, 0.0)
    assert row(report, "acquired") == PredicateScore("acquired", 0, 0, 0, 0.0, 0.0, 0.0)
    assert len(report.misses) == REQUIRED
    assert ("Norvale Systems", "launched", "Tarrow") in report.misses


def test_exact_precision_recall_f1(tmp_path: Path) -> None:
    body = """
id:norvale kg:launched id:tarrow ; kg:acquired id:corvid ; kg:supplies id:quill .
id:brenna kg:ceoOf id:norvale .
"""
    report = run(tmp_path, body)
    assert counts(report) == (2, 2, 2)
    assert report.overall.precision == pytest.approx(0.5)
    assert report.overall.recall == pytest.approx(0.5)
    assert report.overall.f1 == pytest.approx(0.5)
    assert row(report, "launched") == PredicateScore("launched", 1, 0, 0, 1.0, 1.0, 1.0)
    assert row(report, "acquired") == PredicateScore("acquired", 0, 1, 0, 0.0, 0.0, 0.0)
    assert row(report, "partneredWith") == PredicateScore("partneredWith", 0, 0, 1, 0.0, 0.0, 0.0)
    assert report.false_positives == (
        ("Norvale Systems", "acquired", "Corvid Dynamics"),
        ("Norvale Systems", "supplies", "Quillfeather Labs"),
    )
    assert report.misses == (
        ("Norvale Cloud", "operatesIn", "Lisvania"),
        ("Norvale Systems", "partneredWith", "Quillfeather Labs"),
    )


def test_unmapped_nodes_are_false_positives_shown_by_name(tmp_path: Path) -> None:
    body = """
id:zephyr kg:acquired id:corvid .
id:ghost kg:launched id:tarrow .
"""
    report = run(tmp_path, body)
    assert counts(report) == (0, 2, REQUIRED)
    assert report.false_positives == (
        ("Zephyr Widgets", "acquired", "Corvid Dynamics"),
        ("https://kg.example.org/id/ghost", "launched", "Tarrow"),
    )


# ---------------------------------------------------------------------------------------------
# names and aliases


@pytest.mark.parametrize(
    ("names", "tp"),
    [
        ('skos:prefLabel "NVS" ; skos:altLabel "Norvale"', 1),
        ('skos:prefLabel "NVS" ; skos:altLabel "NVS Holdings"', 1),
        ('rdfs:label "NVS" ; skos:hiddenLabel "norvale systems"', 1),
        ('schema:name "Norvale Systems"', 1),
        ('ex:alias "Norvale"', 1),
        ('rdfs:label "The Norvale Systems"', 1),
        ('rdfs:label "Norvale Systems’s"', 1),
        ('rdfs:label "NORVALE-SYSTEMS"', 1),
        ('rdfs:label "Ｎｏｒｖａｌｅ Systems"', 1),
        ('rdfs:label "Norvale   Systems!"', 1),
        ('rdfs:label "Norvale Systemz"', 0),
        ('rdfs:comment "Norvale Systems"', 0),
    ],
)
def test_node_names_and_normalisation(tmp_path: Path, names: str, tp: int) -> None:
    nodes = f'id:n {names} .\nid:t rdfs:label "Tarrow" .\n'
    report = run(tmp_path, "id:n kg:launched id:t .\n", nodes=nodes)
    assert counts(report) == (tp, 1 - tp, REQUIRED - tp)


def test_gold_alias_with_curly_quote_and_leading_the(tmp_path: Path) -> None:
    entities = [
        {"label": "Brenna’s Forge", "aliases": ["the Forge"]},
        {"label": "Lisvania", "aliases": []},
    ]
    triples = [{"subject": "Brenna’s Forge", "predicate": "operatesIn", "object": "Lisvania"}]
    gold = write_gold(tmp_path, triples, entities)
    nodes = 'id:f rdfs:label "FORGE" .\nid:l rdfs:label "The Lisvania" .\n'
    graph = write_graph(tmp_path, "id:f kg:operatesIn id:l .\n", nodes)
    assert counts(evaluate(graph, [gold])) == (1, 0, 0)


def test_triple_subject_given_by_alias_resolves_to_entity(tmp_path: Path) -> None:
    triples = [{"subject": "Norvale", "predicate": "launched", "object": "Tarrow model"}]
    gold = write_gold(tmp_path, triples)
    graph = write_graph(tmp_path, "id:norvale kg:launched id:tarrow .\n")
    report = evaluate(graph, [gold])
    assert counts(report) == (1, 0, 0)


# ---------------------------------------------------------------------------------------------
# optional, also_subjects, symmetric, direction


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("id:norvale kg:developed id:tarrow .", (0, 0, REQUIRED)),
        ("id:brenna kg:worksFor id:norvale .", (0, 0, REQUIRED)),
        ("id:norvale kg:developed id:tarrow ; kg:launched id:tarrow .", (1, 0, REQUIRED - 1)),
        ("id:tarrow kg:developed id:norvale .", (0, 1, REQUIRED)),
    ],
)
def test_optional_triples_are_ignored(
    tmp_path: Path, body: str, expected: tuple[int, int, int]
) -> None:
    assert counts(run(tmp_path, body)) == expected


@pytest.mark.parametrize(
    "body",
    [
        "id:cloud kg:operatesIn id:lisvania .",
        "id:norvale kg:operatesIn id:lisvania .",
        "id:cloud kg:operatesIn id:lisvania . id:norvale kg:operatesIn id:lisvania .",
    ],
)
def test_also_subjects_count_once(tmp_path: Path, body: str) -> None:
    report = run(tmp_path, body)
    assert counts(report) == (1, 0, REQUIRED - 1)
    assert row(report, "operatesIn").tp == 1


def test_also_subjects_do_not_extend_to_the_object(tmp_path: Path) -> None:
    assert counts(run(tmp_path, "id:lisvania kg:operatesIn id:cloud .")) == (0, 1, REQUIRED)


@pytest.mark.parametrize(
    "body",
    [
        "id:norvale kg:partneredWith id:quill .",
        "id:quill kg:partneredWith id:norvale .",
        "id:norvale kg:partneredWith id:quill . id:quill kg:partneredWith id:norvale .",
    ],
)
def test_symmetric_either_direction_counted_once(tmp_path: Path, body: str) -> None:
    report = run(tmp_path, body)
    assert counts(report) == (1, 0, REQUIRED - 1)


@pytest.mark.parametrize(
    ("body", "fp"),
    [
        ("id:norvale kg:competesWith id:corvid .", 1),
        ("id:norvale kg:competesWith id:corvid . id:corvid kg:competesWith id:norvale .", 1),
        ("id:norvale kg:acquired id:corvid . id:corvid kg:acquired id:norvale .", 2),
    ],
)
def test_false_positive_symmetric_counted_once(tmp_path: Path, body: str, fp: int) -> None:
    assert counts(run(tmp_path, body)) == (0, fp, REQUIRED)


def test_non_symmetric_wrong_direction_is_false_positive(tmp_path: Path) -> None:
    report = run(tmp_path, "id:norvale kg:ceoOf id:brenna .")
    assert counts(report) == (0, 1, REQUIRED)
    assert report.false_positives == (("Norvale Systems", "ceoOf", "Brenna Ostrowe"),)


def test_symmetric_predicates_are_the_documented_ones() -> None:
    assert frozenset({"partneredWith", "competesWith"}) == SYMMETRIC
    assert len(CORE_PREDICATES) == 14


# ---------------------------------------------------------------------------------------------
# fragmentation, reification, which triples count


def test_fragmented_entity_counted_once_and_reported(tmp_path: Path) -> None:
    nodes = NODES + 'id:norvale2 rdfs:label "Norvale" .\n'
    body = """
id:norvale kg:launched id:tarrow ; kg:acquired id:corvid .
id:norvale2 kg:launched id:tarrow ; kg:acquired id:corvid .
"""
    report = run(tmp_path, body, nodes=nodes)
    assert counts(report) == (1, 1, REQUIRED - 1)
    assert report.fragmented == ("Norvale Systems",)
    assert len(report.false_positives) == 1


def test_unrelated_entity_duplicates_are_not_reported(tmp_path: Path) -> None:
    nodes = NODES + 'id:x1 rdfs:label "Orphan Co" .\nid:x2 rdfs:label "Orphan Co" .\n'
    assert run(tmp_path, "", nodes=nodes).fragmented == ()


def test_reified_statements_alone_score_nothing(tmp_path: Path) -> None:
    body = """
id:fact-1 a rdf:Statement ;
    rdf:subject id:norvale ; rdf:predicate kg:launched ; rdf:object id:tarrow ;
    kg:confidence 0.9 .
id:fact-2 a rdf:Statement ;
    rdf:subject id:norvale ; rdf:predicate kg:acquired ; rdf:object id:corvid .
"""
    report = run(tmp_path, body)
    assert counts(report) == (0, 0, REQUIRED)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("id:norvale ex:launched id:tarrow .", (1, 0, REQUIRED - 1)),
        ("id:norvale <urn:x:Launched> id:tarrow .", (1, 0, REQUIRED - 1)),
        ("id:norvale <http://o.example/partnered_with> id:quill .", (1, 0, REQUIRED - 1)),
        ("id:norvale <http://o.example/PARTNERED-WITH> id:quill .", (1, 0, REQUIRED - 1)),
        ('id:norvale kg:launched "Tarrow" .', (0, 0, REQUIRED)),
        ("id:norvale kg:mentions id:tarrow .", (0, 0, REQUIRED)),
        ("id:norvale kg:launchedBy id:tarrow .", (0, 0, REQUIRED)),
        ("id:norvale kg:launched [ rdfs:label 'Tarrow' ] .", (1, 0, REQUIRED - 1)),
    ],
)
def test_which_triples_count(tmp_path: Path, body: str, expected: tuple[int, int, int]) -> None:
    assert counts(run(tmp_path, body)) == expected


# ---------------------------------------------------------------------------------------------
# predicate restriction and benchmarks


def test_predicate_restriction(tmp_path: Path) -> None:
    body = "id:norvale kg:launched id:tarrow ; kg:acquired id:corvid .\nid:norvale kg:uses id:x ."
    report = run(tmp_path, body, predicates=["launched", "acquired"])
    assert report.predicates == ("launched", "acquired")
    assert [r.predicate for r in report.per_predicate] == ["launched", "acquired"]
    assert counts(report) == (1, 1, 0)
    assert report.misses == ()


def test_predicate_restriction_tolerates_spelling(tmp_path: Path) -> None:
    report = run(tmp_path, "id:brenna kg:ceoOf id:norvale .", predicates=["CEO_of"])
    assert report.predicates == ("ceoOf",)
    assert counts(report) == (1, 0, 0)


def test_unknown_predicate_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="bought"):
        run(tmp_path, "", predicates=["bought"])


def _benchmark_records() -> list[dict[str, Any]]:
    return [
        {
            "id": "b-000",
            "text": "(not needed)",
            "triples": [
                {"subject": "Brenna Ostrowe", "predicate": "worksFor", "object": "Corvid Dynamics"},
                {"subject": "Brenna Ostrowe", "predicate": None, "object": "Lisvania"},
            ],
        },
        {
            "id": "b-001",
            "text": "(not needed)",
            "triples": [
                {"subject": "Corvid Dynamics", "predicate": "headquarteredIn", "object": "Halvik"},
                {"subject": "Corvid Dynamics", "predicate": None, "object": "Tarrow"},
            ],
        },
    ]


def test_benchmark_jsonl_restricts_to_its_predicates(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path, _benchmark_records())
    nodes = NODES + 'id:halvik rdfs:label "Halvik" .\n'
    body = """
id:brenna kg:worksFor id:corvid .
id:corvid kg:headquarteredIn id:lisvania ; kg:launched id:tarrow ; kg:developed id:tarrow .
"""
    report = evaluate(write_graph(tmp_path, body, nodes), [gold])
    assert report.predicates == ("worksFor", "headquarteredIn")
    assert counts(report) == (1, 1, 1)
    assert report.misses == (("Corvid Dynamics", "headquarteredIn", "Halvik"),)
    assert load_gold([gold]).benchmark_predicates == frozenset({"worksFor", "headquarteredIn"})


def test_benchmark_explicit_predicates_override(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path, _benchmark_records())
    body = "id:brenna kg:worksFor id:corvid .\nid:corvid kg:launched id:tarrow ."
    report = evaluate(write_graph(tmp_path, body), [gold], predicates=["worksFor", "launched"])
    assert report.predicates == ("launched", "worksFor")
    assert counts(report) == (1, 1, 0)


def test_benchmark_entities_with_aliases(tmp_path: Path) -> None:
    record = {
        "id": "r-0",
        "text": "(not needed)",
        "entities": [
            {"label": "Corvid Dynamics Corporation", "type": "ORG", "aliases": ["Corvid"]},
            {"label": "Tarrow Engine", "type": "MISC", "aliases": ["Tarrow"]},
        ],
        "triples": [
            {
                "subject": "Corvid Dynamics Corporation",
                "predicate": "developed",
                "object": "Tarrow Engine",
            }
        ],
    }
    gold = write_jsonl(tmp_path, [record])
    nodes = 'id:c rdfs:label "Corvid" .\nid:t rdfs:label "Tarrow" .\n'
    report = evaluate(write_graph(tmp_path, "id:c kg:developed id:t .", nodes), [gold])
    assert report.predicates == ("developed",)
    assert counts(report) == (1, 0, 0)


def test_json_gold_is_not_restricted_even_with_jsonl(tmp_path: Path) -> None:
    paths = [write_jsonl(tmp_path, _benchmark_records()), write_gold(tmp_path)]
    assert load_gold(paths).benchmark_predicates is None
    report = evaluate(write_graph(tmp_path, ""), paths)
    assert report.predicates == CORE_PREDICATES
    assert report.overall.fn == REQUIRED + 2


# ---------------------------------------------------------------------------------------------
# pooling over gold files


def test_gold_pooling_dedupes_and_merges_aliases(tmp_path: Path) -> None:
    first = write_gold(tmp_path, name="a.json")
    entities = [
        {"label": "Norvale Systems", "aliases": ["NVS"]},
        {"label": "Quillfeather Labs", "aliases": []},
        {"label": "Tarrow", "aliases": []},
    ]
    triples = [
        {"subject": "Norvale Systems", "predicate": "launched", "object": "Tarrow"},
        {"subject": "Quillfeather Labs", "predicate": "partneredWith", "object": "Norvale Systems"},
        {"subject": "Quillfeather Labs", "predicate": "acquired", "object": "Tarrow"},
        {"subject": "Norvale Systems", "predicate": "developed", "object": "Tarrow"},
    ]
    second = write_gold(tmp_path, triples, entities, name="b.json")
    gold = load_gold([first, second])
    # launched and partneredWith (reversed) are duplicates; developed becomes required
    assert len(gold.required) == REQUIRED + 2
    nodes = 'id:n rdfs:label "NVS" .\nid:t rdfs:label "Tarrow" .\n'
    body = "id:n kg:launched id:t ; kg:developed id:t ."
    report = evaluate(write_graph(tmp_path, body, nodes), [first, second])
    assert counts(report) == (2, 0, REQUIRED)


def test_same_file_twice_counts_once(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    report = evaluate(write_graph(tmp_path, ""), [gold, gold])
    assert report.overall.fn == REQUIRED


# ---------------------------------------------------------------------------------------------
# confidence threshold


CONFIDENCE_BODY = """
id:norvale kg:launched id:tarrow ; kg:acquired id:corvid .
id:brenna kg:ceoOf id:norvale .
id:quill kg:partneredWith id:norvale .
id:f1 a rdf:Statement ; rdf:subject id:norvale ; rdf:predicate kg:launched ;
    rdf:object id:tarrow ; kg:confidence 0.9 .
id:f2 a rdf:Statement ; rdf:subject id:norvale ; rdf:predicate kg:acquired ;
    rdf:object id:corvid ; kg:confidence 0.4 .
id:f3 a rdf:Statement ; rdf:subject id:quill ; rdf:predicate kg:partneredWith ;
    rdf:object id:norvale ; kg:confidence "0.3"^^<http://www.w3.org/2001/XMLSchema#decimal> .
id:f4 a rdf:Statement ; rdf:subject id:quill ; rdf:predicate kg:partneredWith ;
    rdf:object id:norvale ; kg:confidence 0.7 .
"""


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (0.0, (3, 1, 1)),
        (0.4, (3, 1, 1)),
        (0.5, (3, 0, 1)),
        (0.7, (3, 0, 1)),
        (0.8, (2, 0, 2)),
        (0.95, (1, 0, 3)),
        (1.0, (1, 0, 3)),
    ],
)
def test_min_confidence(tmp_path: Path, threshold: float, expected: tuple[int, int, int]) -> None:
    report = run(tmp_path, CONFIDENCE_BODY, min_confidence=threshold)
    assert counts(report) == expected


# ---------------------------------------------------------------------------------------------
# other RDF formats


@pytest.mark.parametrize(("fmt", "suffix"), [("nt", ".nt"), ("json-ld", ".jsonld")])
def test_other_rdf_formats(tmp_path: Path, fmt: str, suffix: str) -> None:
    body = "id:norvale kg:launched id:tarrow ; kg:acquired id:corvid ."
    graph = Graph().parse(data=PREFIXES + NODES + body, format="turtle")
    path = tmp_path / f"graph{suffix}"
    path.write_text(graph.serialize(format=fmt), encoding="utf-8")
    report = evaluate(path, [write_gold(tmp_path)])
    assert counts(report) == (1, 1, REQUIRED - 1)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("fmt", "suffix"), [("trig", ".trig"), ("nquads", ".nq")])
def test_named_graphs_are_merged(tmp_path: Path, fmt: str, suffix: str) -> None:
    trig = PREFIXES + "id:g1 {\n" + NODES + "}\nid:g2 { id:norvale kg:launched id:tarrow . }\n"
    dataset = Dataset()
    dataset.parse(data=trig, format="trig")
    path = tmp_path / f"graph{suffix}"
    path.write_text(dataset.serialize(format=fmt), encoding="utf-8")
    report = evaluate(path, [write_gold(tmp_path)])
    assert counts(report) == (1, 0, REQUIRED - 1)


# ---------------------------------------------------------------------------------------------
# errors


def _bad_json(tmp_path: Path) -> Path:
    path = tmp_path / "broken.json"
    path.write_text('{"triples": [', encoding="utf-8")
    return path


def _bad_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"triples": []}\n{oops\n', encoding="utf-8")
    return path


def _no_triples(tmp_path: Path) -> Path:
    path = tmp_path / "notriples.json"
    path.write_text('{"entities": []}', encoding="utf-8")
    return path


def _bad_predicate(tmp_path: Path) -> Path:
    triples = [{"subject": "A", "predicate": "boughtOut", "object": "B"}]
    return write_gold(tmp_path, triples, [], name="badpred.json")


def _bad_suffix(tmp_path: Path) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text("triples: []", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda p: p / "missing.json", "missing.json"),
        (_bad_json, "broken.json"),
        (_bad_jsonl, "broken.jsonl:2"),
        (_no_triples, "notriples.json"),
        (_bad_predicate, "boughtOut"),
        (_bad_suffix, "gold.yaml"),
    ],
)
def test_bad_gold_files(tmp_path: Path, make: Any, fragment: str) -> None:
    graph = write_graph(tmp_path, "")
    with pytest.raises(KGError, match=fragment):
        evaluate(graph, [make(tmp_path)])


def test_no_gold_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="gold"):
        load_gold([])


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("missing.ttl", None, "missing.ttl"),
        ("broken.ttl", PREFIXES + "id:a kg:launched id:b .\nid:a kg:launched ;; .\n", "line 9"),
        ("broken.nt", "<http://e/a> <http://e/b> .\n", "broken.nt"),
        ("broken.jsonld", "{not json", "broken.jsonld"),
        ("graph.xyz", "", "graph.xyz"),
    ],
)
def test_bad_graph_files(tmp_path: Path, name: str, text: str | None, fragment: str) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(KGError, match=fragment) as info:
        evaluate(path, [write_gold(tmp_path)])
    assert name in str(info.value)


def test_nan_confidence_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="min_confidence"):
        run(tmp_path, "", min_confidence=float("nan"))


# ---------------------------------------------------------------------------------------------
# text report


def test_format_report(tmp_path: Path) -> None:
    body = "id:norvale kg:launched id:tarrow ; kg:acquired id:corvid ."
    text = format_report(run(tmp_path, body, predicates=["launched", "acquired", "ceoOf"]))
    lines = text.splitlines()
    assert lines[0].split() == ["predicate", "tp", "fp", "fn", "P", "R", "F1"]
    assert lines[2].split() == ["launched", "1", "0", "0", "1.000", "1.000", "1.000"]
    assert lines[6].split() == ["ALL", "1", "1", "1", "0.500", "0.500", "0.500"]
    assert len({len(line) for line in lines[2:7] if not line.startswith("-")}) == 1
    fp_at, missed_at = lines.index("False positives:"), lines.index("Missed:")
    assert fp_at < missed_at
    assert lines[fp_at + 1] == "  Norvale Systems -acquired-> Corvid Dynamics"
    assert lines[missed_at + 1] == "  Brenna Ostrowe -ceoOf-> Norvale Systems"


def test_format_report_empty_lists(tmp_path: Path) -> None:
    text = format_report(run(tmp_path, "", predicates=["uses"]))
    assert "False positives:\n  (none)" in text
    assert "Missed:\n  (none)" in text


# ---------------------------------------------------------------------------------------------
# the real seed gold


SEED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds" / "gold"


def _pooled_required(paths: list[Path]) -> set[tuple[str, str, str]]:
    """Required (subject, predicate, object) keys, computed independently of kg.evaluate."""
    keys: set[tuple[str, str, str]] = set()
    for path in paths:
        for t in json.loads(path.read_text(encoding="utf-8"))["triples"]:
            if t.get("optional") or t["predicate"] is None:
                continue
            s, p, o = t["subject"], t["predicate"], t["object"]
            if p in ("partneredWith", "competesWith") and o < s:
                s, o = o, s
            keys.add((s, p, o))
    return keys


@pytest.mark.skipif(not SEED_GOLD.is_dir(), reason="shared corpus not beside the checkout")
def test_real_seed_gold(tmp_path: Path) -> None:
    paths = sorted(SEED_GOLD.glob("*.json"))
    required = sorted(_pooled_required(paths))
    labels = sorted({name for s, _, o in required for name in (s, o)})
    right = required[:2]
    s, p, o = required[0]
    wrong = (o, "acquired" if p != "acquired" else "supplies", s)
    assert wrong not in required
    node = {label: f"<https://kg.example.org/id/e{i}>" for i, label in enumerate(labels)}
    nodes = "".join(f"{node[label]} rdfs:label {json.dumps(label)} .\n" for label in labels)
    body = "".join(f"{node[a]} kg:{b} {node[c]} .\n" for a, b, c in [*right, wrong])
    report = evaluate(write_graph(tmp_path, body, nodes), paths)
    assert counts(report) == (2, 1, len(required) - 2)
    assert report.false_positives == (wrong,)
    assert len(report.misses) == len(required) - 2
    assert len(load_gold(paths).required) == len(required)
