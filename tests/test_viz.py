"""kg.viz: the data embedded in the page, what is selected, escaping, offline-ness, writing."""

from __future__ import annotations

import gc
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest
import rdflib.namespace
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from kg import viz, viz_page
from kg.errors import KGError
from kg.viz import VizOptions, VizReport, write_html
from kg.vocab import ID, KG, SCHEMA

HOSTILE = "<img src=x onerror=alert(1)>"


class Builder:
    """Graphs in the documented shape, made by hand."""

    def __init__(self) -> None:
        self.graph = Graph()
        self._facts = 0

    def entity(self, key: str, cls: str, label: str, *alt: str) -> URIRef:
        iri = ID[key]
        self.graph.add((iri, RDF.type, KG[cls]))
        self.graph.add((iri, RDFS.label, Literal(label)))
        self.graph.add((iri, SKOS.prefLabel, Literal(label)))
        for name in alt:
            self.graph.add((iri, SKOS.altLabel, Literal(name)))
        return iri

    def article(self, key: str, title: str, source: str, date: str) -> URIRef:
        iri = ID[f"article-{key}"]
        self.graph.add((iri, RDF.type, SCHEMA.NewsArticle))
        self.graph.add((iri, DCTERMS.title, Literal(title)))
        self.graph.add((iri, DCTERMS.source, Literal(source)))
        self.graph.add((iri, DCTERMS.date, Literal(date, datatype=rdflib.namespace.XSD.date)))
        return iri

    def fact(
        self,
        s: URIRef,
        prop: str,
        o: URIRef,
        *sentences: tuple[str, URIRef],
        confidence: str = "0.8",
        patterns: tuple[str, ...] = ("svo",),
    ) -> URIRef:
        self._facts += 1
        node = ID[f"fact-{self._facts:04d}"]
        g = self.graph
        g.add((s, KG[prop], o))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, KG[prop]))
        g.add((node, RDF.object, o))
        g.add((node, KG.confidence, Literal(confidence, datatype=rdflib.namespace.XSD.decimal)))
        for pattern in patterns:
            g.add((node, KG.pattern, Literal(pattern)))
        for n, (text, article) in enumerate(sentences):
            sentence = ID[f"sentence-{self._facts:04d}-{n}"]
            g.add((sentence, RDF.type, KG.Sentence))
            g.add((sentence, RDF.value, Literal(text)))
            g.add((sentence, KG.startOffset, Literal(10 * n)))
            g.add((sentence, KG.endOffset, Literal(10 * n + len(text))))
            g.add((sentence, DCTERMS.isPartOf, article))
            g.add((node, PROV.wasDerivedFrom, sentence))
        return node


def page_json(path: Path) -> dict[str, Any]:
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "no embedded data"
    data: dict[str, Any] = json.loads(match[1])
    return data


def labels(data: dict[str, Any]) -> set[str]:
    return {n["label"] for n in data["nodes"]}


@pytest.fixture
def town() -> Builder:
    """Four entities, three facts, two articles."""
    b = Builder()
    one = b.article("one", "Harbour news", "https://paper.example.net/harbour", "2024-03-01")
    two = b.article("two", "Mill report", "notes/mill.txt", "2024-05-20")
    mill = b.entity("mill", "Organization", "Riverside Mill", "The Mill")
    ada = b.entity("ada", "Person", "Ada Quill")
    port = b.entity("port", "Place", "Port Wren")
    loom = b.entity("loom", "Product", "Steam Loom")
    b.fact(ada, "worksFor", mill, ("Ada Quill runs the looms at Riverside Mill.", one))
    b.fact(
        mill,
        "locatedIn",
        port,
        ("Riverside Mill stands in Port Wren.", one),
        ("The Mill, in Port Wren, reopened.", two),
        confidence="0.95",
        patterns=("appos", "noun-prep"),
    )
    b.fact(mill, "makes", loom, ("The Mill makes the Steam Loom.", two), confidence="0.6")
    return b


def test_page_holds_every_entity_and_fact(town: Builder, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    report = write_html(town.graph, out)
    assert report == VizReport(nodes=4, edges=3, dropped_nodes=0, notes=())
    data = page_json(out)
    assert labels(data) == {"Riverside Mill", "Ada Quill", "Port Wren", "Steam Loom"}
    assert len(data["edges"]) == 3
    assert [c["name"] for c in data["classes"]] == ["Organization", "Person", "Product", "Place"]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c["color"]) for c in data["classes"])
    assert {p["name"]: p["count"] for p in data["properties"]} == {
        "locatedIn": 1,
        "makes": 1,
        "worksFor": 1,
    }


def test_nodes_carry_names_class_size_and_position(town: Builder, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    write_html(town.graph, out)
    nodes = {n["label"]: n for n in page_json(out)["nodes"]}
    mill = nodes["Riverside Mill"]
    assert mill["names"] == ["Riverside Mill", "The Mill"]
    assert mill["cls"] == "Organization"
    assert mill["degree"] == 3
    assert mill["size"] > nodes["Ada Quill"]["size"]  # size grows with degree
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in nodes.values())
    assert len({(n["x"], n["y"]) for n in nodes.values()}) == 4


def test_edges_carry_evidence_articles_pattern_confidence(town: Builder, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    write_html(town.graph, out)
    data = page_json(out)
    names = {n["id"]: n["label"] for n in data["nodes"]}
    edge = next(e for e in data["edges"] if e["prop"] == "locatedIn")
    assert (names[edge["from"]], names[edge["to"]]) == ("Riverside Mill", "Port Wren")
    assert edge["conf"] == 0.95
    assert edge["patterns"] == ["appos", "noun-prep"]
    texts = {ev["text"]: data["articles"][ev["article"]] for ev in edge["evidence"]}
    assert texts["Riverside Mill stands in Port Wren."]["title"] == "Harbour news"
    assert texts["Riverside Mill stands in Port Wren."]["url"] is True
    assert texts["The Mill, in Port Wren, reopened."]["url"] is False  # a file path, no link
    assert [a["date"] for a in data["articles"]] == ["2024-03-01", "2024-05-20"]


def test_focus_keeps_entities_within_depth(town: Builder, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    report = write_html(town.graph, out, VizOptions(focus="ada quill", depth=1))
    assert labels(page_json(out)) == {"Ada Quill", "Riverside Mill"}
    assert (report.nodes, report.edges, report.dropped_nodes) == (2, 1, 2)
    assert any("--focus" in note for note in report.notes)
    write_html(town.graph, out, VizOptions(focus="THE MILL", depth=0))  # an altLabel
    assert labels(page_json(out)) == {"Riverside Mill"}
    write_html(town.graph, out, VizOptions(focus="Ada Quill", depth=2))
    assert len(page_json(out)["nodes"]) == 4


def test_unknown_focus_names_the_closest_labels(town: Builder, tmp_path: Path) -> None:
    with pytest.raises(KGError, match=r"Ada Quil+.*closest: 'Ada Quill'"):
        write_html(town.graph, tmp_path / "g.html", VizOptions(focus="Ada Quil"))
    with pytest.raises(KGError, match="no entity has a similar name"):
        write_html(town.graph, tmp_path / "g.html", VizOptions(focus="zzzzqqq"))
    assert not (tmp_path / "g.html").exists()


def test_min_sources_keeps_well_attested_facts(town: Builder, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    report = write_html(town.graph, out, VizOptions(min_sources=2))
    data = page_json(out)
    assert [e["prop"] for e in data["edges"]] == ["locatedIn"]
    assert labels(data) == {"Riverside Mill", "Port Wren"}  # the others lost every fact
    assert report.dropped_nodes == 2
    assert any("--min-sources" in note for note in report.notes)


def test_min_sources_one_drops_facts_without_provenance(tmp_path: Path) -> None:
    b = Builder()
    x = b.entity("x", "Technology", "Quill Engine")
    y = b.entity("y", "Event", "Wren Fair")
    b.graph.add((x, KG.shownAt, y))  # asserted, no statement node
    out = tmp_path / "graph.html"
    assert write_html(b.graph, out).edges == 0
    assert write_html(b.graph, out, VizOptions(min_sources=0)).edges == 1


def test_max_nodes_keeps_the_most_connected(tmp_path: Path) -> None:
    b = Builder()
    news = b.article("a", "Fair", "https://paper.example.net/fair", "2024-01-01")
    hub = b.entity("hub", "Event", "Lantern Fair")
    for i in range(6):
        guest = b.entity(f"g{i}", "Person", f"Guest {i}")
        b.fact(guest, "attended", hub, (f"Guest {i} went to the Lantern Fair.", news))
    lone = b.entity("lone", "Place", "Empty Field")
    assert lone
    out = tmp_path / "graph.html"
    report = write_html(b.graph, out, VizOptions(max_nodes=3))
    assert report.nodes == 3 and report.dropped_nodes == 5
    assert "kept 3 of 8 nodes (--max-nodes)" in report.notes
    data = page_json(out)
    assert labels(data) == {"Lantern Fair", "Guest 0", "Guest 1"}  # ties broken by name
    assert len(data["edges"]) == 2
    assert "kept 3 of 8 nodes (--max-nodes)" in data["notes"]


def test_hostile_text_is_escaped_data(tmp_path: Path) -> None:
    b = Builder()
    news = b.article(
        "x", "Tom & Jerry </title><script>alert(3)</script>", "javascript:alert(4)", "2024-02-02"
    )
    bad = b.entity("bad", "Organization", HOSTILE, "line\u2028break")
    ok = b.entity("ok", "Person", "Plain Name")
    b.fact(ok, "met", bad, ("They met </script><script>alert(2)</script> & left.", news))
    out = tmp_path / "graph.html"
    write_html(b.graph, out)
    html = out.read_text(encoding="utf-8")
    assert "<img" not in html
    assert "<script>alert" not in html and "</title><script>" not in html
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(2)" in html  # escaped, inert
    assert "\u2028" not in html and "\u2029" not in html
    assert html.count("</script>") == 3  # the data, vis-network and the page script
    data = page_json(out)
    assert HOSTILE in labels(data)
    assert data["edges"][0]["evidence"][0]["text"].startswith("They met </script>")
    assert data["articles"][0]["url"] is False  # only http(s) sources become links


def test_missing_vis_library_is_a_kgerror(
    town: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(viz_page, "VIS_JS", ("lib", "vis-0.0.0", "missing.js"))
    with pytest.raises(KGError, match="pyvis"):
        write_html(town.graph, tmp_path / "g.html")


def test_script_json_escapes_markup_and_line_separators() -> None:
    text = viz_page.script_json({"a": "<b>&</b>\u2028\u2029é"})
    assert not set("<>&") & set(text)
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "<b>&</b>\u2028\u2029é"}


def test_page_is_self_contained(town: Builder, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    write_html(town.graph, out)
    html = out.read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img|iframe|source|embed|object|audio|video)\b[^>]*>", html)
    for tag in tags:
        assert not re.search(r"\b(?:src|href|data)\s*=\s*(?![\"']?data:)", tag), tag
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "new vis.Network" in html and "vis-network" in html  # the library is inlined


def test_output_is_deterministic(town: Builder, tmp_path: Path) -> None:
    first, second, third = (tmp_path / f"{n}.html" for n in ("a", "b", "c"))
    write_html(town.graph, first)
    write_html(town.graph, second)
    shuffled = Graph()
    for triple in sorted(town.graph, reverse=True):
        shuffled.add(triple)
    write_html(shuffled, third)
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


def test_write_is_atomic(town: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.html"
    out.write_text("old page", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk went away")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk went away"):
        write_html(town.graph, out)
    assert out.read_text(encoding="utf-8") == "old page"
    assert os.listdir(tmp_path) == ["graph.html"]  # no temp file left behind
    monkeypatch.undo()
    write_html(town.graph, out)
    assert sorted(os.listdir(tmp_path)) == ["graph.html"]
    assert out.stat().st_mode & 0o777 == 0o644


def test_creates_missing_directories(town: Builder, tmp_path: Path) -> None:
    out = tmp_path / "outputs" / "deep" / "graph.html"
    write_html(town.graph, out)
    assert out.is_file()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (VizOptions(depth=-1), "depth"),
        (VizOptions(min_sources=-1), "min_sources"),
        (VizOptions(max_nodes=0), "max_nodes"),
        (VizOptions(focus="  "), "focus"),
    ],
)
def test_bad_options_are_kgerrors(
    town: Builder, tmp_path: Path, options: VizOptions, message: str
) -> None:
    with pytest.raises(KGError, match=message):
        write_html(town.graph, tmp_path / "g.html", options)


def test_only_kg_typed_entities_and_entity_objects_count(tmp_path: Path) -> None:
    b = Builder()
    news = b.article("n", "Notes", "notes.txt", "2024-01-01")
    fox = b.entity("fox", "Person", "Fen Fox")
    b.graph.add((fox, KG.nickname, Literal("Foxy")))  # a literal: not a fact to draw
    b.graph.add((fox, KG.knows, URIRef("https://elsewhere.example/untyped")))  # not an entity
    b.graph.add((ID.thing, RDF.type, SCHEMA.Thing))  # not a kg: class
    hen = b.entity("hen", "Gadget", "Hen House")  # a kg: class outside the six: still drawn
    b.fact(fox, "visits", hen, ("Fen Fox visits the Hen House.", news))
    out = tmp_path / "graph.html"
    report = write_html(b.graph, out)
    data = page_json(out)
    assert (report.nodes, report.edges) == (2, 1)
    assert [c["name"] for c in data["classes"]] == ["Person", "Gadget"]
    assert not any(n["label"].startswith("sentence") for n in data["nodes"])


def test_parallel_facts_get_distinct_curves(tmp_path: Path) -> None:
    b = Builder()
    news = b.article("n", "Deal", "https://paper.example.net/deal", "2024-01-01")
    one = b.entity("one", "Organization", "Oak Works")
    two = b.entity("two", "Organization", "Elm Works")
    b.fact(one, "acquired", two, ("Oak Works bought Elm Works.", news))
    b.fact(one, "partneredWith", two, ("Oak Works and Elm Works teamed up.", news))
    b.fact(two, "sued", one, ("Elm Works sued Oak Works.", news))
    out = tmp_path / "graph.html"
    write_html(b.graph, out)
    curves = [e["curve"] for e in page_json(out)["edges"]]
    assert sorted(curves) == [0, 0.2, 0.4]


def test_empty_graph_still_writes_a_page(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    report = write_html(Graph(), out)
    assert (report.nodes, report.edges) == (0, 0)
    assert page_json(out)["nodes"] == []
    assert report.notes == ("the graph has no entities to draw",)


def test_symmetric_facts_are_one_undirected_edge(tmp_path: Path) -> None:
    b = Builder()
    news = b.article("n", "Allies", "https://paper.example.net/allies", "2024-01-01")
    oak = b.entity("oak", "Organization", "Oak Works")
    elm = b.entity("elm", "Organization", "Elm Works")
    ash = b.entity("ash", "Organization", "Ash Works")
    b.fact(elm, "partneredWith", oak, ("Elm Works and Oak Works joined forces.", news))
    b.graph.add((oak, KG.partneredWith, elm))  # the mirror, as the graph writer asserts it
    b.graph.add((KG.rivalOf, RDF.type, OWL.SymmetricProperty))  # declared: both sides merge
    b.fact(oak, "rivalOf", ash, ("Oak Works fights Ash Works.", news))
    b.fact(ash, "rivalOf", oak, ("Ash Works fights Oak Works.", news))
    b.fact(ash, "supplies", elm, ("Ash Works supplies Elm Works.", news))
    b.fact(elm, "supplies", ash, ("Elm Works supplies Ash Works.", news))  # not symmetric
    out = tmp_path / "graph.html"
    report = write_html(b.graph, out)
    assert (report.edges, report.notes) == (4, ())
    edges = page_json(out)["edges"]
    assert sorted((e["prop"], e["symmetric"], len(e["evidence"])) for e in edges) == [
        ("partneredWith", True, 1),
        ("rivalOf", True, 2),
        ("supplies", False, 1),
        ("supplies", False, 1),
    ]


def test_render_reports_each_step_and_leaves_the_collector_as_it_was(town: Builder) -> None:
    steps: list[str] = []
    assert gc.isenabled()
    viz.render_html(town.graph, VizOptions(), steps.append)
    assert steps == ["entities", "facts", "select", "articles", "layout", "data", "page"]
    assert gc.isenabled()
    with pytest.raises(KGError):
        viz.render_html(town.graph, VizOptions(focus="nobody at all"))
    assert gc.isenabled()
    gc.disable()
    try:
        viz.render_html(town.graph)
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()
