"""Reading and writing RDF files: one format table, one loader, one atomic writer.

Every command that reads a graph file goes through `load_store` (an in-memory Oxigraph store,
for querying: query, serve, export, push) or `load_graph` (an rdflib `Graph`, for code that
needs rdflib objects: build --into, viz, validate, stats, evaluate). Both take the format from
the file's suffix (`RDF_SYNTAXES`), merge named graphs into one and give the same message for
a missing file. Every file kg writes appears whole or not at all (`atomic_output`,
`write_atomic`), with the mode a new file would get; a build's files are written as one set
with build.json, which records their hashes (`write_set`, `check_set`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import KGError
from kg.vocab import PREFIXES


@dataclass(frozen=True)
class RdfSyntax:
    """One RDF syntax: its name in messages, `kg export --format` name ('' when kg does not
    write it) and Oxigraph format; `quads` when it can hold named graphs."""

    name: str
    export: str
    oxigraph: ox.RdfFormat
    rdflib: str
    quads: bool = False


TURTLE = RdfSyntax("Turtle", "ttl", ox.RdfFormat.TURTLE, "turtle")
N_TRIPLES = RdfSyntax("N-Triples", "nt", ox.RdfFormat.N_TRIPLES, "nt")
N_QUADS = RdfSyntax("N-Quads", "nq", ox.RdfFormat.N_QUADS, "nquads", quads=True)
TRIG = RdfSyntax("TriG", "trig", ox.RdfFormat.TRIG, "trig", quads=True)
JSON_LD = RdfSyntax("JSON-LD", "jsonld", ox.RdfFormat.JSON_LD, "json-ld", quads=True)
RDF_XML = RdfSyntax("RDF/XML", "", ox.RdfFormat.RDF_XML, "xml")
N3 = RdfSyntax("N3", "", ox.RdfFormat.N3, "n3")

RDF_SYNTAXES: dict[str, RdfSyntax] = {
    ".ttl": TURTLE,
    ".turtle": TURTLE,
    ".nt": N_TRIPLES,
    ".nq": N_QUADS,
    ".trig": TRIG,
    ".jsonld": JSON_LD,
    ".json-ld": JSON_LD,
    ".rdf": RDF_XML,
    ".owl": RDF_XML,
    ".xml": RDF_XML,
    ".n3": N3,
}


def rdf_syntax(path: Path) -> RdfSyntax:
    """The RDF syntax of `path`, from its suffix."""
    syntax = RDF_SYNTAXES.get(path.suffix.lower())
    if syntax is None:
        known = ", ".join(RDF_SYNTAXES)
        raise KGError(f"cannot tell the RDF format of '{path}' (name it {known})")
    return syntax


def new_graph() -> Graph:
    """An empty rdflib graph with the standard prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def _graph_file(path: str | Path) -> tuple[Path, RdfSyntax]:
    path = Path(path)
    if not path.is_file():
        raise KGError(f"graph not found: '{path}' (give a graph file, e.g. from kg build)")
    return path, rdf_syntax(path)


def load_store(path: str | Path) -> ox.Store:
    """Load a graph file into a new in-memory Oxigraph store, for querying. Triples in named
    graphs (TriG, N-Quads, JSON-LD) are also merged into the default graph, so queries without
    GRAPH see everything once."""
    path, syntax = _graph_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=syntax.oxigraph)
    except SyntaxError as err:
        raise KGError(_invalid(path, syntax, err)) from None
    except (OSError, ValueError) as err:
        raise KGError(f"cannot read '{path}': {err}") from None
    if syntax.quads:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def load_graph(path: str | Path) -> Graph:
    """Read a graph file as an rdflib Graph, named graphs merged. rdflib parses it, so
    literals keep the exact lexical form they were written with (Oxigraph makes them
    canonical), and re-writing a graph read here changes nothing."""
    path, syntax = _graph_file(path)
    graph = new_graph()
    try:
        if not syntax.quads:
            return graph.parse(path, format=syntax.rdflib)
        with warnings.catch_warnings():  # rdflib's quad parsers use its own deprecated API
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = Dataset(default_union=True)
            dataset.parse(path, format=syntax.rdflib)
    except Exception as err:  # noqa: BLE001 - rdflib raises many unrelated types for bad input
        said = _oxigraph_says(path, syntax)
        raise KGError(said or f"'{path}' is not valid {syntax.name}: {_why(err)}") from err
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


def _invalid(path: Path, syntax: RdfSyntax, err: SyntaxError) -> str:
    return f"'{path}' is not valid {syntax.name}: {' '.join(err.msg.split())}"


def _oxigraph_says(path: Path, syntax: RdfSyntax) -> str | None:
    """Oxigraph's message for a file rdflib could not parse: the same words as `load_store`,
    with the exact line and column (rdflib's line numbers are often off)."""
    try:
        for _ in ox.parse(path=str(path), format=syntax.oxigraph):
            pass
    except SyntaxError as err:
        return _invalid(path, syntax, err)
    except (OSError, ValueError):
        return None
    return None


def _why(err: Exception) -> str:
    """A short reason for a parse error."""
    why = getattr(err, "_why", None)
    text = why if isinstance(why, str) else (str(err).splitlines() or [type(err).__name__])[0]
    return " ".join(text.split())[:200]


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that appears at `path` only when complete: written to a temporary file
    beside it, synced, then renamed into place. Its mode follows the umask like any new file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise KGError(f"{path}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing, creating its folder when needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path) as out:
        out.write(data)


RECORD = "build.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_set(folder: Path, files: Mapping[str, bytes], record: Mapping[str, object]) -> Path:
    """Write `files` (name -> bytes) into `folder` as one set, with `record` and each file's
    sha256 as build.json. Everything is written to temporary files first; then the files are
    renamed into place and build.json last, so a set cut short by a kill keeps an old
    build.json whose hashes do not match (see `check_set`). Returns build.json's path."""
    folder.mkdir(parents=True, exist_ok=True)
    listed = {name: {"bytes": len(data), "sha256": sha256(data)} for name, data in files.items()}
    about = json.dumps({**record, "files": listed}, indent=2, sort_keys=True, ensure_ascii=False)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in [*files.items(), (RECORD, (about + "\n").encode("utf-8"))]:
            staged.append((_stage(folder / name, data), folder / name))
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    return folder / RECORD


def _stage(path: Path, data: bytes) -> str:
    """`data` in a synced temporary file beside `path`, with a new file's mode."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def check_set(path: Path) -> list[str]:
    """When build.json beside `path` lists it, what is wrong with the set it records: each
    listed file that is missing or whose sha256 differs. Empty when all match, or when `path`
    was not written by kg build."""
    record = path.parent / RECORD
    try:
        files = json.loads(record.read_text(encoding="utf-8"))["files"]
        listed = {name: str(entry["sha256"]) for name, entry in files.items()}
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        return [f"{record} cannot be read ({type(err).__name__}: {err})"]
    if path.name not in listed:
        return []
    problems = []
    for name, digest in sorted(listed.items()):
        try:
            data = (path.parent / name).read_bytes()
        except OSError:
            problems.append(f"{path.parent / name} is missing")
            continue
        if sha256(data) != digest:
            problems.append(f"{path.parent / name} is not the file {record} records")
    return problems


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
