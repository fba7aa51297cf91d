"""Reading and writing RDF files: one format table, one loader, one Turtle writer, one atomic
writer.

Every command that reads a graph file goes through `load_store` (an in-memory Oxigraph store,
for querying: query, serve, export, push), `load_triples` (Oxigraph's parser into light
`Triples` of rdflib terms, for code that reads or adds to a whole graph: build --into, stats,
viz, export to Turtle) or `load_graph` (an rdflib `Graph`: validate, evaluate, `kg.load`). All
take the format from the file's suffix (`RDF_SYNTAXES`), merge named graphs into one and give
the same message for a missing file (a graph file kg wrote and indexed is also read a subject
at a time: `kg.filetriples`). Turtle is written by `write_turtle` (a block per subject,
`TurtleBlocks`): sorted, so the same triples always give the same bytes. Every file kg
writes appears whole or not at all (`atomic_output`, `write_atomic`), with the mode a new file
would get; a build's files are written as one set with build.json, which records their hashes
(`write_set`, `check_set`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import warnings
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KGError
from kg.triples import RDF_TYPE, GraphLike, Triples, collector_paused, iri_term, shared
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


def load_triples(path: str | Path) -> Triples:
    """Read a graph file with Oxigraph's parser into a light in-memory graph (`Triples`) of
    rdflib terms, named graphs merged: the same triples `load_graph` gives (literals keep the
    form they were written with), ten times faster. For code that reads or adds to a whole
    graph: build --into, stats, viz."""
    path, syntax = _graph_file(path)
    try:
        with collector_paused():
            by_subject, size = triples_of(ox.parse(path=str(path), format=syntax.oxigraph), path)
    except SyntaxError as err:
        raise KGError(_invalid(path, syntax, err)) from None
    except (OSError, ValueError) as err:
        raise KGError(f"cannot read '{path}': {err}") from None
    return Triples.indexed(by_subject, size)


def triples_of(
    quads: Iterable[ox.Quad], path: Path
) -> tuple[dict[Node, dict[Node, dict[Node, None]]], int]:
    """The triples Oxigraph parsed from `path`, by subject then predicate (as `Triples` holds
    them), and how many there are. Each term is made an rdflib term once, predicates and
    classes the shared ones (`kg.triples.shared`); a subject's triples usually come together
    (kg writes them so), and then it is looked up once."""
    made: dict[object, Node] = {}
    known = made.get
    by_subject: dict[Node, dict[Node, dict[Node, None]]] = {}
    predicates: dict[Node, dict[Node, None]] = {}
    size = 0
    last: object = None
    for quad in quads:
        s = quad.subject  # each part made when asked for: the graph name never is
        if s != last:
            last = s
            subject = known(s)
            if subject is None:
                subject = made[s] = _rdflib_term(s, path)
            found = by_subject.get(subject)
            if found is None:
                found = by_subject[subject] = {}
            predicates = found
        p, o = quad.predicate, quad.object
        predicate, obj = known(p), known(o)
        if predicate is None:
            predicate = made[p] = shared(p.value)  # a predicate is an IRI
        if obj is None:
            obj = made[o] = _rdflib_term(o, path)
            if predicate is RDF_TYPE and isinstance(obj, URIRef):
                obj = made[o] = shared(obj)  # a class
        objects = predicates.get(predicate)
        if objects is None:
            predicates[predicate] = {obj: None}
            size += 1
        else:
            before = len(objects)
            objects[obj] = None  # one hash of o: an rdflib Literal's is slow
            size += len(objects) - before
    return by_subject, size


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_str_new = str.__new__


def _rdflib_term(node: object, path: Path) -> Node:
    """An Oxigraph term as rdflib's Turtle parser makes it. IRIs and plain literals are made
    without rdflib's checks, which Oxigraph's parser has already made (the terms are equal
    to rdflib's own); typed literals by rdflib, which reads their value."""
    if isinstance(node, ox.NamedNode):
        return iri_term(node.value)
    if isinstance(node, ox.Literal):
        value = node.value
        if node.language:
            return Literal(value, lang=node.language)
        datatype = node.datatype.value
        if datatype == _XSD_STRING:
            plain = _str_new(Literal, value)
            plain._language = plain._datatype = plain._ill_typed = None
            plain._value = value
            return plain
        return Literal(value, datatype=_str_new(URIRef, datatype))
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    raise KGError(f"'{path}' holds a triple term, which kg does not read: {node}")


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


# Turtle, written by kg: sorted, so the same triples always give the same bytes


_PN_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS = _PN_BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
# a prefixed name's local part (PN_LOCAL, without ':' and escapes) and a blank node label
_LOCAL = re.compile(f"[{_PN_BASE}_0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?")
_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# datatypes written bare when their lexical form is Turtle's own number or boolean syntax
_BARE = {
    _XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    _XSD + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
    _XSD + "boolean": re.compile(r"true|false"),
}
SortKey = tuple[int, str, str]
Grouped = tuple[Node, Mapping[Node, Collection[Node]]]  # a subject, its predicates and objects


def _uchar(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04X}"


def _echar(match: re.Match[str]) -> str:
    return _ECHAR.get(match[0]) or f"\\u{ord(match[0]):04X}"


class _TurtleTerms:
    """Each term's text in Turtle and its sort key, worked out once per term; remembers which
    prefixes were used."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.namespaces = {str(ns): prefix for prefix, ns in prefixes.items()}
        self.used: set[str] = set()
        self.iris: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        text = self.iris.get(iri)
        return self._iri(iri) if text is None else text

    def _iri(self, iri: str) -> str:
        text = self.iris[iri] = self._iri_text(iri)
        return text

    def _iri_text(self, iri: str) -> str:
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        prefix = self.namespaces.get(iri[:cut])
        if prefix is not None and _LOCAL.fullmatch(iri, cut):
            self.used.add(prefix)
            return f"{prefix}:{iri[cut:]}"
        return f"<{_IRI_ESCAPE.sub(_uchar, iri)}>"

    def term(self, node: Node) -> str:
        if type(node) is URIRef:
            text = self.iris.get(node)
            return self._iri(node) if text is None else text
        if isinstance(node, URIRef):
            return self.iri(node)
        if isinstance(node, Literal):
            return self.literal(node)
        if isinstance(node, BNode):
            label = str(node)
            if not _LOCAL.fullmatch(label):
                label = "b" + hashlib.sha1(label.encode("utf-8")).hexdigest()
            return f"_:{label}"
        raise KGError(f"cannot write {node!r} in Turtle")

    def literal(self, node: Literal) -> str:
        text = str(node)
        datatype = node.datatype
        if datatype is not None:
            bare = _BARE.get(str(datatype))
            if bare is not None and bare.fullmatch(text):
                return text
        quoted = f'"{_STRING_ESCAPE.sub(_echar, text)}"'
        if node.language:
            return f"{quoted}@{node.language}"
        if datatype is not None:
            return f"{quoted}^^{self.iri(datatype)}"
        return quoted


def sort_key(node: Node) -> SortKey:
    """The order of terms in kg's Turtle: IRIs, then blank nodes, then literals, each by
    their text (literals then by language tag or datatype)."""
    if isinstance(node, URIRef):
        return (0, str(node), "")
    if isinstance(node, Literal):
        return (2, str(node), f"@{node.language}" if node.language else str(node.datatype or ""))
    return (1, str(node), "")


def write_turtle(graph: GraphLike, out: IO[bytes], prefixes: Mapping[str, str]) -> None:
    """Write `graph` as Turtle in one pass: the `prefixes` it uses, then each subject in order
    with its predicates (rdf:type first, as 'a') and their objects in order, grouped with ';'
    and ','. The same triples always give the same bytes."""
    with collector_paused():
        _write_turtle(graph, out, prefixes)


def _write_turtle(graph: GraphLike, out: IO[bytes], prefixes: Mapping[str, str]) -> None:
    grouped: Iterable[Grouped]
    if isinstance(graph, Triples):
        grouped = graph.subjects_and_predicates()
    else:
        grouped = _group(graph).items()
    writer = TurtleBlocks(prefixes)
    blocks = [writer.block(s, predicates) for s, predicates in sorted(grouped, key=_subject_key)]
    out.write(writer.header().encode("utf-8"))
    out.write("".join(blocks).encode("utf-8"))


class TurtleBlocks:
    """kg's Turtle a piece at a time: each subject's block (its predicates, rdf:type first as
    'a', with their objects in order, grouped with ';' and ','), and the header of the
    prefixes the blocks made so far used. A file is the header, then the blocks in the order
    of their subjects (`sort_key`); each block begins with a blank line, and no other line of
    it is blank (a literal's line breaks are escaped)."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = prefixes
        self._terms = _TurtleTerms(prefixes)
        self._verbs: dict[Node, tuple[tuple[bool, SortKey], str]] = {}  # order and text

    @property
    def used(self) -> set[str]:
        """The prefixes the blocks made so far used."""
        return self._terms.used

    def header(self, used: Iterable[str] = ()) -> str:
        """The prefix lines for the prefixes used, and any others named."""
        return "".join(
            f"@prefix {prefix}: <{_IRI_ESCAPE.sub(_uchar, str(self.prefixes[prefix]))}> .\n"
            for prefix in sorted(self._terms.used.union(used))
        )

    def block(self, subject: Node, predicates: Mapping[Node, Collection[Node]]) -> str:
        """The subject's block ('' when it has no triples)."""
        term, key, verbs = self._terms.term, sort_key, self._verbs
        for predicate in predicates:
            if predicate not in verbs:
                is_type = type(predicate) is URIRef and str(predicate) == str(_RDF_TYPE)
                verbs[predicate] = (
                    (not is_type, key(predicate)),
                    "a" if is_type else term(predicate),
                )
        lines = []
        for predicate in sorted(predicates, key=lambda p: verbs[p][0]):
            objects = predicates[predicate]
            if len(objects) == 1:
                lines.append(f"{verbs[predicate][1]} {term(next(iter(objects)))}")
            elif objects:
                values = " ,\n        ".join([term(o) for o in sorted(objects, key=key)])
                lines.append(f"{verbs[predicate][1]} {values}")
        return f"\n{term(subject)} " + " ;\n    ".join(lines) + " .\n" if lines else ""


def _subject_key(item: Grouped) -> SortKey:
    return sort_key(item[0])


def _group(graph: Graph) -> dict[Node, dict[Node, list[Node]]]:
    grouped: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in graph.triples((None, None, None)):
        grouped.setdefault(s, {}).setdefault(p, []).append(o)
    return grouped


def turtle_bytes(graph: GraphLike, prefixes: Mapping[str, str] | None = None) -> bytes:
    """`graph` as kg's Turtle (`write_turtle`), with kg's prefixes unless told others."""
    out = io.BytesIO()
    write_turtle(graph, out, PREFIXES if prefixes is None else prefixes)
    return out.getvalue()
