"""`kg query`'s own display of a collected `QueryResult`: an aligned table of rows (prefixed
names, values without quotes). Every standard format, in `kg query` and `kg serve`, is written
by Oxigraph's own serialisers (`kg.sparql.write_results`)."""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.sparql import QueryResult, Term, prefix_map, to_node

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


def format_graph(result: QueryResult) -> str:
    """Triples as Turtle with the standard prefixes, by Oxigraph's serialiser."""
    triples = [
        ox.Triple(to_node(s), to_node(p), to_node(o))  # type: ignore[arg-type]
        for s, p, o in result.triples
    ]
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefix_map())
    return (data or b"").decode("utf-8")


def format_result(result: QueryResult) -> str:
    """What `kg query` prints by default: a table of rows, true or false, or Turtle."""
    if result.kind == "graph":
        return format_graph(result)
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    return format_table(result)
