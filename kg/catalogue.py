"""The named queries shipped in queries/*.rq: reading, listing and finding them."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from kg import resources
from kg.errors import KGError


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in queries/NAME.rq: first line '# description', then optional
    '# param NAME: help' lines ('# param NAME (required): help')."""

    name: str
    description: str
    sparql: str
    params: tuple[tuple[str, str], ...] = ()
    required: tuple[str, ...] = ()


def queries_dir() -> Path | Traversable:
    """The folder of named queries: the bundled `queries/`, or `KG_QUERIES` when set."""
    env = os.environ.get("KG_QUERIES")
    if env:
        return Path(env)
    return resources.queries()


_PARAM_LINE = re.compile(r"#\s*param\s+(\w+)\s*(\(required\))?\s*:\s*(.*)")


def read_named_query(path: Path | Traversable) -> NamedQuery:
    """Parse one .rq file."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    description = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else ""
    params: list[tuple[str, str]] = []
    required: list[str] = []
    for line in lines[1:]:
        match = _PARAM_LINE.match(line.strip())
        if match:
            params.append((match.group(1), match.group(3).strip()))
            if match.group(2):
                required.append(match.group(1))
    name = path.name.removesuffix(".rq")
    return NamedQuery(name, description, text, tuple(params), tuple(required))


def named_queries() -> list[NamedQuery]:
    """Every shipped named query, sorted by name."""
    folder = queries_dir()
    if not folder.is_dir():
        raise KGError(f"{folder}: the named-query folder is missing (set KG_QUERIES)")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return [read_named_query(f) for f in files]


def named_query(name: str) -> NamedQuery:
    """The named query `name`, or a KGError listing the valid names."""
    queries = named_queries()
    for query in queries:
        if query.name == name:
            return query
    valid = ", ".join(q.name for q in queries)
    raise KGError(f"no named query {name!r}; choose one of: {valid} (see kg query --list)")


def list_text(queries: Sequence[NamedQuery]) -> str:
    """The `kg query --list` listing: name, description and parameters."""
    width = max((len(q.name) for q in queries), default=0)
    out: list[str] = []
    for query in queries:
        out.append(f"{query.name:<{width}}  {query.description}")
        for pname, phelp in query.params:
            flag = " (required)" if pname in query.required else ""
            out.append(f"{'':<{width}}    --param {pname}=…{flag}  {phelp}")
    return "\n".join(out) + "\n"
