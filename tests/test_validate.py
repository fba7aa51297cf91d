"""kg validate: the SHACL shapes accept the documented shape and report each kind of
violation readably, with exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_query import SAMPLE_TTL

from kg.cli_sparql import validate_command

REPO = Path(__file__).resolve().parent.parent

BROKEN = """
id:twin a kg:Organization, kg:Person ; rdfs:label "Twin" .
id:nameless a kg:Product .
id:dana-whitfield kg:launched id:oslo .
id:fact-bad a rdf:Statement ; rdf:subject id:twin ; rdf:predicate kg:acquired ;
    rdf:object id:oslo ; kg:confidence 1.5 .
id:sentence-bad a kg:Sentence ; rdf:value "Bad." ; kg:startOffset 10 ; kg:endOffset 4 ;
    dcterms:isPartOf id:article-a1 .
id:sentence-orphan a kg:Sentence ; rdf:value "Lost." ; kg:startOffset "3" ; kg:endOffset 9 .
"""


def validate(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(validate_command, [str(a) for a in args])
    return result.exit_code, result.output


def test_documented_shape_conforms(tmp_path: Path) -> None:
    graph = tmp_path / "graph.ttl"
    graph.write_text(SAMPLE_TTL)
    assert validate(graph) == (0, f"{graph}: conforms to the shapes (139 triples checked)\n")


def test_violations_are_reported_readably(tmp_path: Path) -> None:
    graph = tmp_path / "broken.ttl"
    graph.write_text(SAMPLE_TTL + BROKEN)
    assert validate(graph) == (
        1,
        f"""\
id:fact-bad describes a fact that is not asserted in the graph
id:fact-bad kg:confidence: needs exactly one kg:confidence, an xsd:decimal in [0, 1] [value: 1.5]
id:fact-bad prov:wasDerivedFrom: needs at least one prov:wasDerivedFrom pointing at a kg:Sentence
id:nameless rdfs:label: needs an rdfs:label (a literal)
id:sentence-bad kg:startOffset: kg:startOffset must be less than kg:endOffset [value: 10]
id:sentence-orphan dcterms:isPartOf: needs exactly one dcterms:isPartOf pointing at a \
schema:NewsArticle
id:sentence-orphan kg:startOffset: kg:startOffset must be less than kg:endOffset [value: 3]
id:sentence-orphan kg:startOffset: needs exactly one kg:startOffset, an xsd:integer >= 0 [value: 3]
Dana Whitfield (id:dana-whitfield) is the subject of kg:launched, so it must be an Organization
Dana Whitfield (id:dana-whitfield) kg:launched: kg:launched must point at a Product [value: id:oslo]
Twin (id:twin) rdf:type: needs exactly one class from the ontology (Organization, Person, \
Product, Technology, Place or Event)
{graph}: does not conform: 11 violations on 6 nodes
""",
    )


def test_every_property_has_domain_and_range_shapes() -> None:
    shapes = (REPO / "ontology" / "shapes.ttl").read_text()
    for prop in (
        "launched",
        "developed",
        "partneredWith",
        "investedIn",
        "acquired",
        "competesWith",
        "ceoOf",
        "founderOf",
        "worksFor",
        "subsidiaryOf",
        "headquarteredIn",
        "operatesIn",
        "uses",
        "supplies",
    ):
        assert f"sh:targetSubjectsOf kg:{prop} ;" in shapes
        assert f"sh:path kg:{prop} ;" in shapes


def test_union_domains_and_ranges(tmp_path: Path) -> None:
    graph = tmp_path / "g.ttl"
    graph.write_text(
        SAMPLE_TTL + "id:oslo kg:investedIn id:helix-assistant .\n"
        "id:helix-assistant kg:uses id:oslo .\n"
    )
    code, out = validate(graph)
    assert code == 1
    assert (
        "Oslo (id:oslo) is the subject of kg:investedIn, so it must be an Organization or "
        "Person\n" in out
    )
    assert (
        "Helix Assistant (id:helix-assistant) kg:uses: kg:uses must point at a Product or "
        "Technology [value: id:oslo]\n" in out
    )


def test_other_formats_and_errors(tmp_path: Path) -> None:
    from kg.export import export_graph

    source = tmp_path / "graph.ttl"
    source.write_text(SAMPLE_TTL)
    trig = tmp_path / "graph.trig"
    export_graph(source, "trig", trig)
    assert validate(trig)[0] == 0
    missing = tmp_path / "none.ttl"
    assert validate(missing) == (
        1,
        f"Error: graph not found: '{missing}' (give a graph file, e.g. from kg build)\n",
    )
    assert validate(source, "--shapes", tmp_path / "no-shapes.ttl") == (
        1,
        f"Error: {tmp_path / 'no-shapes.ttl'}: no such shapes file\n",
    )


def test_a_graph_built_by_kg_conforms() -> None:
    code, out = validate(REPO / "tests" / "data" / "golden.ttl")
    assert code == 0 and ": conforms to the shapes (" in out, out


def test_the_committed_example_graph_conforms() -> None:
    graph = REPO / "outputs" / "graph.ttl"
    if not graph.is_file():
        pytest.skip("outputs/graph.ttl is not built yet: make run")
    code, out = validate(graph)
    assert code == 0, out
