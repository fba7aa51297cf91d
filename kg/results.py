"""Rendering a collected `QueryResult`: an aligned table, and for the endpoint CSV, TSV,
SPARQL 1.1 Results JSON/XML, or Turtle/N-Triples for graph results. (`kg query` streams
every format but the table with Oxigraph's own serialisers; see `kg.sparql.write_results`.)"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

from kg.errors import KGError
from kg.sparql import (
    FORMATS,
    GRAPH_FORMATS,
    SELECT_FORMATS,
    XSD_STRING,
    QueryResult,
    Term,
    prefix_map,
    string_literal,
    to_node,
)

TABLE_CELL_MAX = 80


def compact_iri(iri: str) -> str:
    """`iri` as a prefixed name when a standard prefix covers it, else <iri>."""
    best = ""
    for name, ns in prefix_map().items():
        if iri.startswith(ns) and len(ns) > len(prefix_map().get(best, "")):
            best = name
    if best:
        local = iri[len(prefix_map()[best]) :]
        if re.fullmatch(r"[\w-]([\w.-]*[\w-])?|", local):
            return f"{best}:{local}"
    return f"<{iri}>"


def compact(term: Term | None) -> str:
    """A term as shown in a table: prefixed names, literal values without quotes."""
    if term is None:
        return ""
    if term.kind == "uri":
        return compact_iri(term.value)
    if term.kind == "bnode":
        return f"_:{term.value}"
    return term.value


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL_MAX else text[: TABLE_CELL_MAX - 1] + "…"


def format_table(result: QueryResult) -> str:
    """Aligned columns with a header and a row count."""
    header = [f"?{v}" for v in result.variables]
    body = [[_cell(compact(t)) for t in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        for cells in [header, ["-" * w for w in widths], *body]
    ]
    count = len(result.rows)
    note = " (truncated)" if result.truncated else ""
    lines.append(f"({count} row{'s' if count != 1 else ''}{note})")
    return "\n".join(lines) + "\n"


def ntriples_term(term: Term | None) -> str:
    """A term in N-Triples/Turtle syntax (the SPARQL TSV encoding)."""
    if term is None:
        return ""
    if term.kind == "uri":
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    if term.kind == "triple":
        return term.value
    text = string_literal(term.value)
    if term.lang:
        return f"{text}@{term.lang}"
    if term.datatype and term.datatype != XSD_STRING:
        return f"{text}^^<{term.datatype}>"
    return text


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (values only, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(
            ["" if t is None else (f"_:{t.value}" if t.kind == "bnode" else t.value) for t in row]
        )
    return out.getvalue()


def format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV (terms in Turtle syntax)."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(ntriples_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def json_term(term: Term) -> dict[str, str]:
    """One binding in SPARQL 1.1 Results JSON."""
    if term.kind == "literal":
        out = {"type": "literal", "value": term.value}
        if term.lang:
            out["xml:lang"] = term.lang
        elif term.datatype and term.datatype != XSD_STRING:
            out["datatype"] = term.datatype
        return out
    return {"type": term.kind, "value": term.value}


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [
        {v: json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _xml_term(term: Term) -> str:
    if term.kind == "uri":
        return f"<uri>{xml_escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    attr = ""
    if term.lang:
        attr = f' xml:lang="{xml_escape(term.lang)}"'
    elif term.datatype and term.datatype != XSD_STRING:
        attr = f' datatype="{xml_escape(term.datatype)}"'
    return f"<literal{attr}>{xml_escape(term.value)}</literal>"


def format_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>" + "".join(f'<variable name="{v}"/>' for v in result.variables) + "</head>")
    if result.kind == "ask":
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in result.rows:
            cells = "".join(
                f'<binding name="{v}">{_xml_term(t)}</binding>'
                for v, t in zip(result.variables, row, strict=True)
                if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def format_graph(result: QueryResult, fmt: str) -> str:
    """Triples as Turtle (with the standard prefixes) or N-Triples."""
    triples = [
        ox.Triple(to_node(s), to_node(p), to_node(o))  # type: ignore[arg-type]
        for s, p, o in result.triples
    ]
    rdf = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    data = ox.serialize(triples, format=rdf, prefixes=prefix_map() if fmt == "turtle" else None)
    return (data or b"").decode("utf-8")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result; graph results take 'turtle' or 'nt' (table means Turtle)."""
    if fmt not in FORMATS:
        raise KGError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        if fmt == "table":
            fmt = "turtle"
        if fmt not in GRAPH_FORMATS:
            raise KGError(
                f"CONSTRUCT/DESCRIBE return triples: use --format turtle or nt, not {fmt}"
            )
        return format_graph(result, fmt)
    if fmt in GRAPH_FORMATS:
        raise KGError(
            f"--format {fmt} is for CONSTRUCT/DESCRIBE; SELECT and ASK take "
            + ", ".join(SELECT_FORMATS)
        )
    if result.kind == "ask" and fmt in ("table", "csv", "tsv"):
        return ("true" if result.boolean else "false") + "\n"
    renderers: dict[str, Callable[[QueryResult], str]] = {
        "table": format_table,
        "csv": format_csv,
        "tsv": format_tsv,
        "json": format_json,
        "xml": format_xml,
    }
    return renderers[fmt](result)
