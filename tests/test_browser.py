"""The generated page in a real (headless) Chromium, with the network cut off.

Needs /usr/bin/chromium (Debian's `chromium` package); CI installs it, so these must pass.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import rdflib.namespace
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.browser import CHROMIUM, CHROMIUM_ARGS
from kg.viz import VizOptions, write_html
from kg.vocab import ID, KG, SCHEMA

HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCE = "Gale met them </script><script>alert(2)</script> at noon."


# --- graphs -------------------------------------------------------------------------------------


def entity(g: Graph, key: str, cls: str, label: str, *alt: str) -> URIRef:
    iri = ID[key]
    g.add((iri, RDF.type, KG[cls]))
    g.add((iri, RDFS.label, Literal(label)))
    g.add((iri, SKOS.prefLabel, Literal(label)))
    for name in alt:
        g.add((iri, SKOS.altLabel, Literal(name)))
    return iri


def article(g: Graph, key: str, title: str, source: str, date: str) -> URIRef:
    iri = ID[f"article-{key}"]
    g.add((iri, RDF.type, SCHEMA.NewsArticle))
    g.add((iri, DCTERMS.title, Literal(title)))
    g.add((iri, DCTERMS.source, Literal(source)))
    g.add((iri, DCTERMS.date, Literal(date, datatype=rdflib.namespace.XSD.date)))
    return iri


def fact(
    g: Graph, s: URIRef, prop: str, o: URIRef, conf: str, *sentences: tuple[str, URIRef]
) -> None:
    node = ID[f"fact-{s[-6:]}-{prop}-{o[-6:]}"]
    g.add((s, KG[prop], o))
    for p, v in ((RDF.subject, s), (RDF.predicate, KG[prop]), (RDF.object, o)):
        g.add((node, p, v))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, KG.confidence, Literal(conf, datatype=rdflib.namespace.XSD.decimal)))
    g.add((node, KG.pattern, Literal("svo")))
    for n, (text, art) in enumerate(sentences):
        sentence = ID[f"sentence-{node[-20:]}-{n}"]
        g.add((sentence, RDF.type, KG.Sentence))
        g.add((sentence, RDF.value, Literal(text)))
        g.add((sentence, KG.startOffset, Literal(0)))
        g.add((sentence, KG.endOffset, Literal(len(text))))
        g.add((sentence, DCTERMS.isPartOf, art))
        g.add((node, PROV.wasDerivedFrom, sentence))


def harbour() -> Graph:
    """Five entities, four facts, two articles (one with a URL, one a local file)."""
    g = Graph()
    web = article(g, "web", "Harbour gazette", "https://gazette.example.net/harbour", "2024-03-01")
    memo = article(g, "memo", "Mill memo", "notes/mill-memo.txt", "2024-06-15")
    mill = entity(g, "mill", "Organization", "Riverside Mill", "The Mill")
    ada = entity(g, "ada", "Person", "Ada Quill")
    port = entity(g, "port", "Place", "Port Wren")
    loom = entity(g, "loom", "Product", "Steam Loom")
    gale = entity(g, "gale", "Person", HOSTILE)
    fact(g, ada, "worksFor", mill, "0.7", ("Ada Quill keeps the looms at Riverside Mill.", web))
    fact(
        g,
        mill,
        "locatedIn",
        port,
        "0.95",
        ("Riverside Mill stands on the quay of Port Wren.", web),
        ("The Mill, down in Port Wren, reopened.", memo),
    )
    fact(g, mill, "makes", loom, "0.6", ("The Mill makes the Steam Loom.", memo))
    fact(g, gale, "visited", port, "0.8", (HOSTILE_SENTENCE, web))
    return g


def clustered_graph(hubs: int = 6, spokes: int = 40) -> Graph:
    """Dense stars with long names: far more labels than fit at the first view."""
    g = Graph()
    news = article(g, "c", "Cluster wire", "https://wire.example.net/c", "2024-02-01")
    for h in range(hubs):
        hub = entity(g, f"hub{h}", "Organization", f"Holding Company Number {h}")
        for s in range(spokes):
            spoke = entity(g, f"s{h}x{s}", "Place", f"Township of Far Away Place {h}-{s}")
            fact(g, hub, "operatesIn", spoke, "0.8", (f"Hub {h} works in place {s}.", news))
    return g


def random_graph(size: int, seed: int = 3) -> Graph:
    rng = random.Random(seed)
    g = Graph()
    news = article(g, "r", "Random wire", "https://wire.example.net/r", "2024-01-01")
    nodes = [entity(g, f"n{i:05d}", "Organization", f"Firm {i}") for i in range(size)]
    for i in range(1, size):
        other = nodes[rng.randrange(i)]
        fact(g, nodes[i], "partneredWith", other, "0.9", (f"Firm {i} works with a peer.", news))
    return g


# --- the browser ------------------------------------------------------------------------------


@dataclass
class Opened:
    page: Any
    path: Path
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    routed: list[str] = field(default_factory=list)  # requests that reached the network layer

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node_id(self, label: str) -> int:
        found: int = self.js("(l) => kgView.data.nodes.find((n) => n.label === l).id", label)
        return found

    def visible(self) -> dict[str, int]:
        counts: dict[str, int] = self.js("kgView.visible()")
        return counts

    def details(self) -> str:
        text: str = self.page.inner_text("#details")
        return text

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.requests == [], self.requests
        assert self.routed == [], self.routed
        assert self.dialogs == [], self.dialogs


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    contexts: list[Any] = []

    def opener(graph: Graph | Path, options: VizOptions | None = None) -> Opened:
        if isinstance(graph, Path):
            path = graph.resolve()
        else:
            path = tmp_path / f"graph-{len(contexts)}.html"
            write_html(graph, path, options or VizOptions())
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path)

        def route(r: Any) -> None:
            if r.request.url == path.as_uri():
                r.continue_()
            else:
                opened.routed.append(r.request.url)
                r.abort()

        def on_request(request: Any) -> None:
            url = request.url
            if url != path.as_uri() and not url.startswith("data:"):
                opened.requests.append(url)

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.route("**/*", route)
        page.on("request", on_request)
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", on_dialog)
        page.goto(path.as_uri())
        page.wait_for_function("window.kgView && window.kgView.ready", timeout=30_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def canvas_point(opened: Opened, x: float, y: float) -> tuple[float, float]:
    """Page coordinates of a point of the graph's canvas space."""
    dom = opened.js("(p) => kgView.network.canvasToDOM(p)", {"x": x, "y": y})
    box = opened.page.locator("#graph").bounding_box()
    return box["x"] + dom["x"], box["y"] + dom["y"]


def node_point(opened: Opened, label: str) -> tuple[float, float]:
    pos = opened.js("(i) => kgView.network.getPositions([i])[i]", opened.node_id(label))
    return canvas_point(opened, pos["x"], pos["y"])


# --- tests --------------------------------------------------------------------------------------


def test_draws_every_node_and_edge_offline(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour())
    assert opened.visible() == {"nodes": 5, "edges": 4}
    assert opened.js("kgView.nodes.length") == 5 and opened.js("kgView.edges.length") == 4
    painted = opened.js(
        """() => { const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }"""
    )
    assert painted > 500  # something was drawn
    legend = opened.page.locator("#class-filter label").all_inner_texts()
    assert [t.split(" (")[0] for t in legend] == ["Organization", "Person", "Product", "Place"]
    assert opened.js("kgView.timings.firstDraw") is not None
    opened.clean()


def test_search_finds_by_any_name_and_focuses(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour())
    opened.page.fill("#search", "the mill")  # an altLabel, other case
    opened.page.press("#search", "Enter")
    assert opened.js("kgView.network.getSelectedNodes()") == [opened.node_id("Riverside Mill")]
    details = opened.details()
    assert details.startswith("Riverside Mill") and "The Mill" in details
    assert "locatedIn" in details and "Organization" in details
    opened.page.fill("#search", "nobody at all")
    opened.page.press("#search", "Enter")
    assert "No entity is named" in opened.page.inner_text("#search-msg")
    opened.clean()


def test_clicking_an_edge_shows_its_evidence(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour())
    edge = opened.js("kgView.data.edges.find((e) => e.prop === 'locatedIn')")
    ends = opened.js("(e) => kgView.network.getPositions([e.from, e.to])", edge)
    a, b = ends[str(edge["from"])], ends[str(edge["to"])]
    x, y = canvas_point(opened, (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
    opened.page.mouse.click(x, y)
    assert opened.js("kgView.network.getSelectedEdges()") == [edge["id"]]
    details = opened.details()
    assert "Riverside Mill stands on the quay of Port Wren." in details
    assert "The Mill, down in Port Wren, reopened." in details
    assert "Harbour gazette" in details and "Mill memo" in details
    assert "confidence 0.95" in details and "svo" in details
    links = opened.page.locator("#details a")
    assert links.count() == 1  # the local file is named, not linked
    assert links.first.get_attribute("href") == "https://gazette.example.net/harbour"
    assert links.first.inner_text() == "Harbour gazette"
    opened.clean()


def test_clicking_a_node_highlights_its_neighbourhood(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour())
    x, y = node_point(opened, "Ada Quill")
    opened.page.mouse.click(x, y)
    assert opened.js("kgView.network.getSelectedNodes()") == [opened.node_id("Ada Quill")]
    assert opened.details().startswith("Ada Quill")
    colours = opened.js("kgView.nodes.get().map((n) => [n.id, typeof n.color === 'string'])")
    bright = {i for i, is_class_colour in colours if is_class_colour}
    assert bright == {opened.node_id("Ada Quill"), opened.node_id("Riverside Mill")}
    box = opened.page.locator("#graph").bounding_box()
    opened.page.mouse.click(box["x"] + 5, box["y"] + 5)  # empty canvas: clear
    colours = opened.js("kgView.nodes.get().map((n) => typeof n.color === 'string')")
    assert all(colours)
    opened.clean()


def test_hover_shows_names(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour())
    x, y = node_point(opened, "Riverside Mill")
    opened.page.mouse.move(x, y)
    opened.page.wait_for_selector("#tooltip:not([hidden])")
    tip = opened.page.inner_text("#tooltip")
    assert "Riverside Mill" in tip and "Organization" in tip and "The Mill" in tip
    opened.clean()


def set_value(opened: Opened, selector: str, value: str, event: str = "change") -> None:
    opened.js(
        """([s, v, e]) => { const el = document.querySelector(s); el.value = v;
        el.dispatchEvent(new Event(e)); }""",
        [selector, value, event],
    )


def test_filters_hide_what_they_should(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour())
    page = opened.page
    page.locator("#class-filter input[value=Person]").uncheck()
    assert opened.visible() == {"nodes": 3, "edges": 2}
    page.fill("#search", "Ada Quill")
    page.press("#search", "Enter")
    assert "hidden by the current filters" in page.inner_text("#search-msg")
    page.locator("#class-filter input[value=Person]").check()
    assert opened.visible() == {"nodes": 5, "edges": 4}

    page.locator("#prop-filter input[value=makes]").uncheck()
    assert opened.visible() == {"nodes": 4, "edges": 3}  # the loom has no fact left
    page.locator("#prop-filter input[value=makes]").check()

    set_value(opened, "#min-conf", "0.9", "input")
    assert opened.visible() == {"nodes": 2, "edges": 1}
    assert page.inner_text("#min-conf-out") == "0.90"
    set_value(opened, "#min-conf", "0", "input")

    memo = opened.js("kgView.data.articles.find((a) => a.title === 'Mill memo').id")
    page.select_option("#article", str(memo))
    assert opened.visible() == {"nodes": 3, "edges": 2}  # locatedIn and makes
    page.select_option("#article", "")

    set_value(opened, "#date-from", "2024-04-01")
    assert opened.visible() == {"nodes": 3, "edges": 2}
    set_value(opened, "#date-to", "2024-05-01")
    assert opened.visible() == {"nodes": 0, "edges": 0}

    page.click("#reset")
    assert opened.visible() == {"nodes": 5, "edges": 4}
    assert "Showing 5 of 5 entities, 4 of 4 facts" in page.inner_text("#stats")
    opened.clean()


def test_hostile_text_shows_as_text_and_runs_nothing(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour())
    opened.page.fill("#search", HOSTILE)
    opened.page.press("#search", "Enter")
    assert opened.js("kgView.network.getSelectedNodes()") == [opened.node_id(HOSTILE)]
    assert opened.page.inner_text("#details h2") == HOSTILE
    edge = opened.js("kgView.data.edges.find((e) => e.prop === 'visited').id")
    opened.js("(i) => kgView.showEdge(i)", edge)
    assert HOSTILE_SENTENCE in opened.details()
    opened.page.wait_for_timeout(600)  # let the search's focus animation finish
    x, y = node_point(opened, HOSTILE)
    opened.page.mouse.move(x, y)
    opened.page.wait_for_selector("#tooltip:not([hidden])")
    assert HOSTILE in opened.page.inner_text("#tooltip")
    opened.page.wait_for_timeout(200)
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.js("document.scripts.length") == 3
    opened.clean()  # no dialog, no error, no request


def test_notes_are_shown(open_page: Callable[..., Opened]) -> None:
    opened = open_page(harbour(), VizOptions(max_nodes=2))
    assert opened.visible()["nodes"] == 2
    assert "kept 2 of 5 nodes (--max-nodes)" in opened.page.inner_text("#notes")
    opened.clean()


def test_two_thousand_nodes_draw_within_seconds(open_page: Callable[..., Opened]) -> None:
    opened = open_page(random_graph(2000))
    assert opened.visible() == {"nodes": 2000, "edges": 1999}
    assert opened.js("kgView.timings.firstDraw") < 5000
    draws = opened.js("kgView.timings.draws")
    opened.page.wait_for_timeout(500)
    assert opened.js("kgView.timings.draws") == draws  # nothing moves: no redraws
    opened.clean()


def test_page_policy_refuses_outside_requests(open_page: Callable[..., Opened]) -> None:
    """Even script injected into the page cannot reach the network: the page's
    Content-Security-Policy blocks it before any request leaves."""
    opened = open_page(harbour())
    opened.js("() => { const i = new Image(); i.src = 'https://images.example.net/x.png'; }")
    opened.js("() => fetch('https://api.example.net/').catch(() => null)")
    opened.page.wait_for_timeout(300)
    assert opened.routed == []
    blocked = [e for e in opened.errors if "Content Security Policy" in e]
    assert any("images.example.net" in e for e in blocked)
    assert any("api.example.net" in e for e in blocked)


def overlapping(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    def clash(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return bool(
            a["x"] < b["x"] + b["w"]
            and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"]
            and b["y"] < a["y"] + a["h"]
        )

    return [
        (a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1 :] if clash(a, b)
    ]


def drawn_after(opened: Opened, action: str) -> list[dict[str, Any]]:
    draws = opened.js("kgView.timings.draws")
    opened.js(action)
    opened.page.wait_for_function("(n) => kgView.timings.draws > n", arg=draws)
    labels: list[dict[str, Any]] = opened.js("kgView.labels()")
    return labels


def test_labels_never_overlap_and_zooming_in_shows_more(open_page: Callable[..., Opened]) -> None:
    opened = open_page(clustered_graph())
    first: list[dict[str, Any]] = opened.js("kgView.labels()")
    box = opened.page.locator("#graph").bounding_box()
    assert overlapping(first) == []
    assert all(b["x"] >= 0 and b["x"] + b["w"] <= box["width"] for b in first)  # none cut off
    assert all(b["y"] >= 0 and b["y"] + b["h"] <= box["height"] for b in first)
    assert all(b["px"] >= 12 for b in first if b["kind"] == "node")  # readable, not tiny
    shown = {b["text"] for b in first}
    assert {f"Holding Company Number {h}" for h in range(6)} <= shown  # the hubs first
    assert 6 < len(first) < 246  # a map's first view: some, not all
    hub = opened.node_id("Holding Company Number 0")
    zoomed = drawn_after(
        opened,
        f"kgView.network.moveTo({{position: kgView.network.getPositions([{hub}])[{hub}], "
        "scale: kgView.network.getScale() * 5})",
    )
    assert overlapping(zoomed) == []
    assert {b["text"] for b in zoomed if b["kind"] == "node"} - shown  # more names up close
    assert any(b["kind"] == "edge" and b["text"] == "operatesIn" for b in zoomed)
    opened.clean()


def test_a_hovered_entity_is_always_labelled(open_page: Callable[..., Opened]) -> None:
    opened = open_page(clustered_graph())
    unlabelled = opened.js(
        "(() => { const on = new Set(kgView.labels().map((b) => b.id));"
        " return kgView.data.nodes.find((n) => !on.has(n.id)).label; })()"
    )
    x, y = node_point(opened, unlabelled)
    opened.page.mouse.move(x, y)
    opened.page.wait_for_selector("#tooltip:not([hidden])")
    labels: list[dict[str, Any]] = opened.js("kgView.labels()")
    assert unlabelled[:39] in {b["text"][:39] for b in labels}
    assert overlapping(labels) == []
    opened.clean()


def test_the_first_view_of_the_built_example_has_no_overlapping_labels(
    open_page: Callable[..., Opened],
) -> None:
    opened = open_page(Path(__file__).parent.parent / "outputs" / "graph.html")
    labels: list[dict[str, Any]] = opened.js("kgView.labels()")
    assert len(labels) >= 20
    assert overlapping(labels) == []
    opened.clean()
