"""Query parameters: `$name` placeholders filled from `--param name=VALUE` (an IRI, a
prefixed name, a number, a quoted string, or the name of exactly one node in the graph)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

from kg.errors import KGError
from kg.sparql import execute, prefix_map, string_literal

_TOKENS = re.compile(
    r"""(?P<skip>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|\#[^\n]*)"""
    r"|\$(?P<name>[A-Za-z_][\w]*)",
    re.S,
)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:([\w.-]*)")
NAME_PROPERTIES = (
    "rdfs:label",
    "skos:prefLabel",
    "skos:altLabel",
    "dcterms:title",
    "dcterms:source",
)


def placeholders(sparql: str) -> list[str]:
    """The `$name` placeholders of a query, in order of first use."""
    names: list[str] = []
    for match in _TOKENS.finditer(sparql):
        name = match.group("name")
        if name and name not in names:
            names.append(name)
    return names


def substitute(sparql: str, values: dict[str, str]) -> str:
    """Replace `$name` placeholders (outside strings, IRIs and comments) by SPARQL terms."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        return values.get(name, match.group(0)) if name else match.group(0)

    return _TOKENS.sub(replace, sparql)


def _find_by_name(store: ox.Store, name: str) -> list[str]:
    query = (
        "SELECT DISTINCT ?e WHERE { ?e " + "|".join(NAME_PROPERTIES) + " ?n . "
        f"FILTER(LCASE(STR(?n)) = LCASE({string_literal(name)})) }} ORDER BY ?e"
    )
    return [row[0].value for row in execute(store, query).rows if row[0] is not None]


def param_term(value: str, store: ox.Store | None) -> str:
    """The SPARQL term for a --param value: <iri>, a prefixed name, a number, a quoted
    string, or otherwise the name (label, title or source) of exactly one node."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value
    if re.match(r"(?i)(https?|urn|file):", value):
        return f"<{value}>"
    prefixed = _PREFIXED.fullmatch(value)
    if prefixed and (prefixed.group(1) or "") in prefix_map():
        return value
    if _NUMBER.fullmatch(value):
        return value
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return string_literal(value[1:-1])
    if store is None:
        raise KGError(f"cannot resolve the name {value!r} without a graph")
    found = _find_by_name(store, value)
    if not found:
        raise KGError(
            f"no node in the graph is named {value!r} (label, title or source); "
            "give an IRI such as id:acme or a quoted string '\"text\"'"
        )
    if len(found) > 1:
        raise KGError(
            f"{value!r} names {len(found)} nodes: "
            + ", ".join(found[:5])
            + "; give the IRI instead"
        )
    return f"<{found[0]}>"


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """`name=value` strings as a dict."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("$?")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise KGError(f"--param {pair!r}: write it as NAME=VALUE, e.g. entity=id:acme")
        params[name] = value
    return params


def bind_params(
    sparql: str, params: dict[str, str], store: ox.Store | None, required: Sequence[str] = ()
) -> str:
    """Substitute `params` into the query's `$name` placeholders; unknown or missing
    required parameters are errors. Placeholders left unbound stay variables."""
    names = placeholders(sparql)
    unknown = [n for n in params if n not in names]
    if unknown:
        have = ", ".join(names) or "none"
        raise KGError(f"unknown parameter {unknown[0]!r}; this query's parameters: {have}")
    missing = [n for n in required if n not in params]
    if missing:
        raise KGError(f"this query needs --param {missing[0]}=VALUE")
    return substitute(sparql, {n: param_term(v, store) for n, v in params.items()})
