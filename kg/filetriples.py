"""A graph file kg wrote, read one subject at a time, and written back by splicing.

Adding articles to a graph touches few of its subjects: the entities they name, and the new
article, sentence and statement nodes. `FileTriples` keeps the file's bytes and reads a
subject's triples only when one is asked for: kg's Turtle (`kg.rdfio.TurtleBlocks`) holds each
subject in one block, in the order of their subjects, so a block is found by bisecting the
bytes. Written back (`FileTriples.turtle`), the blocks of the subjects read are made again and
the others copied: the same bytes as reading and writing the whole graph, in the time of a
copy. Anything that needs every subject (iterating, counting, the page) reads the rest first.

Only a file whose index matches it (`kg.index.indexed_graph`: kg wrote both, and nothing changed
the file since) is read so; any other goes through `kg.rdfio.load_triples`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.rdfio import SortKey, TurtleBlocks, sort_key, triples_of, turtle_bytes
from kg.triples import Triple, Triples, collector_paused
from kg.vocab import PREFIXES

_PREFIX = re.compile(rb"@prefix ([^:\s]*): <([^>]*)> \.\n")
_UCHAR = re.compile(r"\\u([0-9A-F]{4})|\\U([0-9A-F]{8})")
_Span = tuple[int, int]  # a block's start and end in the file; absent: where it would go, twice


class FileTriples(Triples):
    """The triples of a kg Turtle file, read a subject's block at a time when asked for."""

    def __init__(self, path: Path, data: bytes) -> None:
        """`data`: the bytes of the file at `path`."""
        super().__init__()
        self._path, self._data = path, data
        self._namespaces: dict[str, str] = {}
        at = 0
        while (line := _PREFIX.match(data, at)) is not None:
            self._namespaces[line[1].decode()] = line[2].decode()
            at = line.end()
        self._header, self._first = data[:at], at
        self._spans: dict[Node, _Span] = {}  # each subject read: where its block was
        self._whole = False  # every subject read

    @property
    def whole(self) -> bool:
        """Whether every subject has been read."""
        return self._whole

    @property
    def subjects_read(self) -> int:
        """How many subjects have been asked for (and read, when the file holds them)."""
        return len(self._spans)

    def turtle(self) -> bytes:
        """The graph as kg's Turtle (`kg.rdfio.turtle_bytes` gives the same bytes): the blocks
        of the subjects read made again, the rest copied from the file."""
        ours = {prefix: str(PREFIXES[prefix]) for prefix in self._namespaces if prefix in PREFIXES}
        if self._whole or ours != self._namespaces:
            return turtle_bytes(self._all())
        writer, was = TurtleBlocks(PREFIXES), TurtleBlocks(PREFIXES)
        pieces, at = [], self._first
        for subject in sorted(self._spans, key=sort_key):
            start, end = self._spans[subject]
            if start != end:
                was.block(subject, self._block(start, end))
            pieces += [self._data[at:start], writer.block(subject, self.about(subject)).encode()]
            at = end
        if was.used - writer.used:  # a prefix only those blocks used may be used no more
            return turtle_bytes(self._all())
        pieces.append(self._data[at:])
        return writer.header(self._namespaces).encode() + b"".join(pieces)

    # reading a subject

    def _read(self, subject: Node) -> None:
        if self._whole or subject in self._spans:
            return
        if not isinstance(subject, URIRef):  # a blank node's label may not be the file's
            self._all()
            return
        start, end = self._spans[subject] = self._find(subject)
        if start != end:
            block = self._by_subject[subject] = self._block(start, end)
            self._size += sum(len(objects) for objects in block.values())

    def _block(self, start: int, end: int) -> dict[Node, dict[Node, None]]:
        """The one subject's triples in the block between `start` and `end`."""
        quads = ox.parse(self._header + self._data[start:end], format=ox.RdfFormat.TURTLE)
        by_subject, _ = triples_of(quads, self._path)
        return next(iter(by_subject.values()), {})

    def _find(self, subject: Node) -> _Span:
        """The span of the subject's block, or the empty span where its block would go."""
        key, data = sort_key(subject), self._data
        low, high = self._first, len(data)  # block starts, or the end of the file
        while low < high:
            middle = data.rfind(b"\n\n", low, (low + high) // 2 + 1) + 1 or low
            end = data.find(b"\n\n", middle) + 1 or len(data)
            found = self._key(middle)
            if found == key:
                return middle, end
            if found < key:
                low = end
            else:
                high = middle
        return low, low

    def _key(self, start: int) -> SortKey:
        """The sort key of the subject of the block at `start`."""
        data = self._data
        text = data[start + 1 : data.index(b" ", start + 1)].decode()
        if text.startswith("<"):
            return (0, _UCHAR.sub(lambda m: chr(int(m[1] or m[2], 16)), text[1:-1]), "")
        if text.startswith("_:"):
            return (1, text[2:], "")
        prefix, local = text.split(":", 1)
        return (0, self._namespaces[prefix] + local, "")

    def _all(self) -> FileTriples:
        """Every subject read: the file's triples, with those already read as they are now."""
        if not self._whole:
            with collector_paused():
                quads = ox.parse(self._data, format=ox.RdfFormat.TURTLE)
                by_subject, _ = triples_of(quads, self._path)
                by_subject.update(self._by_subject)  # in the file's order, new ones after
                self._by_subject = by_subject
                self._size = sum(len(o) for ps in by_subject.values() for o in ps.values())
                self._typed, self._whole = None, True
        return self

    # what a subject's triples answer, read first

    def __contains__(self, triple: Triple) -> bool:
        self._read(triple[0])
        return super().__contains__(triple)

    def add(self, triple: Triple) -> None:
        self._read(triple[0])
        super().add(triple)

    def remove(self, subject: Node, predicate: Node) -> None:
        self._read(subject)
        super().remove(subject, predicate)

    def value(self, subject: Node, predicate: Node) -> Node | None:
        self._read(subject)
        return super().value(subject, predicate)

    def about(self, subject: Node) -> Mapping[Node, Collection[Node]]:
        self._read(subject)
        return super().about(subject)

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        self._read(subject)
        return super().objects(subject, predicate)

    def predicate_objects(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        self._read(subject)
        return super().predicate_objects(subject)

    # what needs every subject, read first

    def __len__(self) -> int:
        self._all()
        return super().__len__()

    def __iter__(self) -> Iterator[Triple]:
        self._all()
        return super().__iter__()

    def subjects_and_predicates(self) -> Iterator[tuple[Node, dict[Node, dict[Node, None]]]]:
        self._all()
        return super().subjects_and_predicates()

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        self._all()
        return super().subject_objects(predicate)

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        self._all()
        return super().subjects(predicate, obj)

    def extend(self, triples: Iterable[Triple]) -> None:
        for triple in triples:
            self.add(triple)
