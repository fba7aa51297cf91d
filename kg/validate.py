"""Check a graph against the SHACL shapes in ontology/shapes.ttl (pyshacl) and report
violations readably: the focus node's label and IRI, the property path and the message."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

import rdflib
from rdflib.namespace import RDFS, SH

from kg import resources
from kg.errors import KGError
from kg.rdfio import load_graph
from kg.results import compact_iri
from kg.vocab import PREFIXES

DCTERMS_TITLE = rdflib.URIRef(str(PREFIXES["dcterms"]) + "title")


@dataclass(frozen=True)
class Violation:
    """One SHACL result."""

    focus: str
    label: str
    path: str
    message: str
    value: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int


def _show(node: object) -> str:
    if isinstance(node, rdflib.URIRef):
        return compact_iri(str(node))
    if isinstance(node, rdflib.BNode):
        return "[]"
    return str(node) if node is not None else ""


def _show_path(graph: rdflib.Graph, path: object) -> str:
    if isinstance(path, rdflib.BNode):
        inverse = graph.value(path, SH.inversePath)
        return f"^{_show(inverse)}" if inverse is not None else "(path)"
    return _show(path)


def _label(data: rdflib.Graph, node: rdflib.term.Node | None) -> str:
    if node is None:
        return ""
    for prop in (RDFS.label, DCTERMS_TITLE):
        value = data.value(node, prop)
        if value is not None:
            return str(value)
    return ""


def _violations(results: rdflib.Graph, data: rdflib.Graph) -> list[Violation]:
    found = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        found.append(
            Violation(
                focus=_show(focus),
                label=_label(data, focus),
                path=_show_path(results, results.value(result, SH.resultPath)),
                message=str(results.value(result, SH.resultMessage) or "violates a shape"),
                value=_show(results.value(result, SH.value)),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            )
        )
    unique = set(found)  # one line per distinct problem, however many constraints found it
    return sorted(unique, key=lambda v: (v.label.lower(), v.focus, v.path, v.message))


def validate_graph(graph: str | Path, shapes: str | Path | None = None) -> ValidationReport:
    """Validate a graph file against the shapes (default: ontology/shapes.ttl)."""
    import pyshacl

    source: Path | Traversable = Path(shapes) if shapes else resources.shapes()
    if not source.is_file():
        raise KGError(f"{source}: no such shapes file")
    try:
        text = source.read_text(encoding="utf-8")
        shapes_graph = rdflib.Graph().parse(data=text, format="turtle")
    except Exception as err:  # noqa: BLE001 - rdflib raises many kinds
        raise KGError(f"{source}: not valid Turtle: {err}") from None
    data = load_graph(graph)
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True
    )
    assert isinstance(results, rdflib.Graph)
    return ValidationReport(bool(conforms), tuple(_violations(results, data)), len(data))


def format_report(report: ValidationReport, graph: str | Path) -> str:
    """One line per violation, then a summary."""
    lines = []
    for v in report.violations:
        who = f"{v.label} ({v.focus})" if v.label else v.focus
        where = f" {v.path}:" if v.path else ""
        value = f" [value: {v.value}]" if v.value and v.value != v.focus else ""
        lines.append(f"{who}{where} {v.message}{value}")
    if report.conforms:
        lines.append(f"{graph}: conforms to the shapes ({report.triples} triples checked)")
    else:
        count = len(report.violations)
        nodes = len({v.focus for v in report.violations})
        lines.append(
            f"{graph}: does not conform: {count} violation{'s' * (count != 1)} on "
            f"{nodes} node{'s' * (nodes != 1)}"
        )
    return "\n".join(lines) + "\n"
