"""The parse cache: each article's spaCy parse kept on disk, so a rebuild parses only new text;
and the facts read from it, so a rebuild with the same ontology and kg reads nothing again.

A parse is found by a hash of everything it depends on: the pipeline's name, version and
components, spaCy's version, kg's code that runs two of them (`kg/pipes.py`), and the
article's paragraphs as the nlp stage cuts them. Its facts
are found by that hash, the article's id and title, the ontology's text and kg's own code.
Change any of these and the key changes, so an entry never goes stale; a damaged entry counts
as a miss and is written again. The folder is safe to delete at any time.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.about import __version__ as spacy_version
from spacy.tokens import DocBin

from kg.extract import Fact
from kg.ingest import Article
from kg.nlp import DASH_INFIXES, Model, Paragraph, ParsedArticle, paragraphs, parse
from kg.ontology import Ontology


@dataclass(frozen=True)
class ParseCache:
    folder: Path

    def key(self, model: Model, article: Article) -> str:
        meta = model.meta
        parts = (
            meta.get("lang"),
            meta.get("name"),
            meta.get("version"),
            spacy_version,
            _pipes_digest(),
            *DASH_INFIXES,
        )
        return _parse_key((*map(str, parts), *meta.get("pipeline", ())), article.text)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.spacy"

    def get(self, model: Model, article: Article, key: str | None = None) -> ParsedArticle | None:
        """The article's cached parse, or None (not there, or not readable)."""
        lines = list(paragraphs(article.text))
        try:
            data = self.path(key or self.key(model, article)).read_bytes()
            docs = list(DocBin().from_bytes(data).get_docs(model.vocab))
        except (OSError, ValueError, KeyError):
            return None
        if len(docs) != len(lines):
            return None
        return ParsedArticle(
            article, tuple(Paragraph(o, d, t) for (o, t), d in zip(lines, docs, strict=True))
        )

    def put(self, model: Model, parsed: ParsedArticle, key: str | None = None) -> None:
        """Keep a parse (written atomically; a cache that cannot be written is no error)."""
        path = self.path(key or self.key(model, parsed.article))
        self._write(path, DocBin(docs=[p.doc for p in parsed.paragraphs]).to_bytes())

    def facts_path(self, model: Model, ontology: Ontology, article: Article) -> Path:
        digest = hashlib.sha256()
        for part in (self.key(model, article), article.id, article.title, ontology.digest):
            digest.update(f"{part}\0".encode())
        digest.update(_code_digest().encode())
        key = digest.hexdigest()
        return self.folder / key[:2] / f"{key}.facts"

    def facts(self, path: Path) -> list[Fact] | None:
        """The facts kept at `path`, or None (not there, or not readable)."""
        try:
            found = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            return None
        return found if isinstance(found, list) else None

    def put_facts(self, path: Path, facts: list[Fact]) -> None:
        self._write(path, pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)


def parse_cached(
    model: Model, articles: Sequence[Article], cache: ParseCache | None
) -> Iterator[ParsedArticle]:
    """`parse`, in order, with each parse taken from the cache where it is kept and kept
    there once made. Streaming: only a batch of articles is held at a time. The model is
    loaded only if some article is not in the cache."""
    if cache is None:
        yield from parse(model.load(), articles)
        return
    keys = [cache.key(model, a) for a in articles]
    kept = [cache.path(k).is_file() for k in keys]
    missing = (a for a, k in zip(articles, kept, strict=True) if not k)
    fresh = parse(model.load(), missing) if not all(kept) else iter(())
    for article, key, known in zip(articles, keys, kept, strict=True):
        parsed = cache.get(model, article, key) if known else None
        if parsed is None:
            parsed = next(fresh) if not known else next(parse(model.load(), [article]))
            cache.put(model, parsed, key)
        yield parsed


@functools.lru_cache(maxsize=4096)
def _parse_key(model: tuple[str, ...], text: str) -> str:
    """A hash of the model and the text as the nlp stage cuts it: made once however often a
    build asks for it (the facts' key holds it too)."""
    digest = hashlib.sha256()
    for part in model:  # name, version, the components that run
        digest.update(f"{part}\0".encode())
    for offset, line in paragraphs(text):
        digest.update(f"{offset}\0{line}\0".encode())
    return digest.hexdigest()


@functools.cache
def _pipes_digest() -> str:
    """A hash of the code that runs the pipeline's rule components (`kg.pipes`)."""
    return hashlib.sha256(resources.files("kg").joinpath("pipes.py").read_bytes()).hexdigest()


@functools.cache
def _code_digest() -> str:
    """A hash of kg's own code: facts read by other code are not reused."""
    digest = hashlib.sha256()
    stack = [resources.files("kg")]
    while stack:
        for entry in sorted(stack.pop().iterdir(), key=lambda e: e.name):
            if entry.is_dir() and entry.name != "__pycache__":
                stack.append(entry)
            elif entry.name.endswith(".py"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()
