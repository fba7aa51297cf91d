"""Quick equivalents of a spaCy pipeline's two rule components, for the nlp stage.

An `attribute_ruler` tries every one of its token patterns at every token, and a rule
`lemmatizer` works token by token in Python, checking candidate lemmas against word lists one
entry at a time: together, a fifth of a small English pipeline's time. Here the ruler's
patterns are indexed by the values they test, and which of them a token meets is worked out
once per kind of token (the tests its values pass), then set by the ruler's own code; each
lemma is kept by what it depends on (text, part of speech, morphology), the key of spaCy's own
lemma cache, and made by a twin lemmatizer whose word lists are sets. Both set exactly what the
components set (`tests/test_pipes.py` compares whole parses); a component whose patterns or
mode this does not cover runs as spaCy runs it.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

Quick = Callable[[Doc], Doc]

# token attributes whose values `Doc.to_array` gives as string hashes (IS_* flags come as 0/1)
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE"})
ANNOTATED = frozenset({"TAG", "DEP", "LEMMA"})  # attributes some component sets
LEMMATIZERS = (Lemmatizer, EnglishLemmatizer)  # classes whose lemma depends on the key only


def pipe(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """`nlp.pipe(texts)` in one process, with the rule components run quick where they can."""
    docs: Iterable[Doc] = (nlp.make_doc(text) for text in texts)
    for _, component in nlp.pipeline:
        quick = _quick(component)
        if quick is not None:
            docs = map(quick, docs)
        elif hasattr(component, "pipe"):
            docs = component.pipe(docs, batch_size=batch_size)
        else:
            docs = map(component, docs)
    yield from docs


_QUICK: weakref.WeakKeyDictionary[Any, Quick | None] = weakref.WeakKeyDictionary()


def _quick(component: Any) -> Quick | None:
    """The component's quick equivalent, made once, or None if it has none."""
    if type(component) not in (AttributeRuler, *LEMMATIZERS):
        return None  # before the weak dictionary: the parser and NER cannot be weakly referred to
    if component not in _QUICK:
        _QUICK[component] = quick_equivalent(component)
    return _QUICK[component]


def quick_equivalent(component: Any) -> Quick | None:
    """A new quick equivalent of a pipeline component (nothing kept yet), or None if it has
    none."""
    if type(component) is AttributeRuler:
        return QuickRuler.of(component)
    if type(component) in LEMMATIZERS and component.mode == "rule":
        return QuickLemmatizer(component)
    return None


@dataclass(frozen=True)
class _Test:
    """One attribute's test in one pattern token, on the value `Doc.to_array` gives."""

    attr: str
    kind: str  # "==", "IN", "NOT_IN" or "REGEX"
    values: frozenset[int]
    regex: re.Pattern[str] | None = None


class QuickRuler:
    """An `AttributeRuler`'s matches found through indexes; its own code sets them."""

    def __init__(self, ruler: AttributeRuler, patterns: list[tuple[int, int, list[list[_Test]]]]):
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.attrs = sorted(
            {t.attr for _, _, tokens in patterns for token in tokens for t in token}
        )
        self.columns = [IDS[a] for a in self.attrs]
        specs: dict[tuple[_Test, ...], int] = {}  # each distinct pattern token, numbered
        self.patterns: list[tuple[int, int, tuple[int, ...]]] = []  # group, match id, specs
        for group, match_id, tokens in patterns:
            numbers = tuple(specs.setdefault(tuple(t), len(specs)) for t in tokens)
            self.patterns.append((group, match_id, numbers))
        self.begins: dict[int, list[int]] = {}  # spec -> the patterns whose first token it is
        for number, (_, _, numbers) in enumerate(self.patterns):
            self.begins.setdefault(numbers[0], []).append(number)
        self.needs = [len(spec) for spec in specs]  # how many tests each spec has
        self.always = frozenset(n for n, spec in enumerate(specs) if not spec)
        # per column: value -> specs whose == or IN test there it passes; the other tests
        self.exact: list[dict[int, list[int]]] = [{} for _ in self.attrs]
        self.other: list[list[tuple[int, _Test]]] = [[] for _ in self.attrs]
        for spec, number in specs.items():
            for test in spec:
                column = self.attrs.index(test.attr)
                if test.kind in ("==", "IN"):
                    for value in test.values:
                        self.exact[column].setdefault(value, []).append(number)
                else:
                    self.other[column].append((number, test))
        self._kinds: list[dict[int, int]] = [{} for _ in self.attrs]  # value -> its kind
        self._numbers: dict[tuple[int, ...], int] = {}  # specs passed -> kind
        self._passing: list[tuple[int, ...]] = []  # kind -> specs passed
        self._rows: dict[tuple[int, ...], tuple[frozenset[int], tuple[int, ...]]] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler) -> QuickRuler | None:
        """The quick ruler, or None when some pattern uses what this does not index."""
        patterns = []
        entries: list[dict[str, Any]] = ruler.patterns
        for group, entry in enumerate(entries):
            for pattern in entry["patterns"]:
                tokens = [_tests(token, ruler.vocab.strings) for token in pattern]
                if not tokens or any(t is None for t in tokens):
                    return None
                match_id = ruler.vocab.strings[str(group)]
                patterns.append((group, match_id, [t for t in tokens if t is not None]))
        tested = any(spec for _, _, tokens in patterns for spec in tokens)
        return cls(ruler, patterns) if tested else None

    def __call__(self, doc: Doc) -> Doc:
        if not all(doc.has_annotation(a) for a in self.attrs if a in ANNOTATED):
            return self.ruler(doc)
        self.ruler.set_annotations(doc, self.matches(doc))  # type: ignore[no-untyped-call]
        return doc

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What `AttributeRuler.match` gives: (group, match id, start, end), sorted."""
        values = cast(
            list[list[int]],
            doc.to_array(self.columns).reshape(len(doc), len(self.columns)).tolist(),
        )
        rows = [self._row(tuple(r)) for r in values]
        found = []
        for start, (_, begun) in enumerate(rows):
            for number in begun:
                group, match_id, specs = self.patterns[number]
                end = start + len(specs)
                if end <= len(rows) and all(
                    s in rows[start + k][0] for k, s in enumerate(specs[1:], 1)
                ):
                    found.append((group, match_id, start, end))
        found.sort()
        return found

    def _row(self, row: tuple[int, ...]) -> tuple[frozenset[int], tuple[int, ...]]:
        """The specs a token with these values meets, and the patterns it can begin. Kept by
        what each value passes, not by the values: as many as there are kinds of token."""
        kinds = tuple(self._kind(column, value) for column, value in enumerate(row))
        known = self._rows.get(kinds)
        if known is None:
            passed = Counter(n for kind in kinds for n in self._passing[kind])
            met = self.always | {n for n, count in passed.items() if count == self.needs[n]}
            begun = tuple(sorted(p for n in met for p in self.begins.get(n, ())))
            known = self._rows[kinds] = (frozenset(met), begun)
        return known

    def _kind(self, column: int, value: int) -> int:
        """The number of the specs whose tests in `column` a value passes."""
        kind = self._kinds[column].get(value)
        if kind is None:
            passing = (
                *self.exact[column].get(value, ()),
                *(n for n, test in self.other[column] if self._passes(test, value)),
            )
            kind = self._numbers.setdefault(passing, len(self._passing))
            if kind == len(self._passing):
                self._passing.append(passing)
            self._kinds[column][value] = kind
        return kind

    def _passes(self, test: _Test, value: int) -> bool:
        if test.kind == "NOT_IN":
            return value not in test.values
        assert test.regex is not None
        return bool(test.regex.search(self.strings[value] if value else ""))


def _tests(token: dict[str, Any], strings: Any) -> list[_Test] | None:
    """A pattern token's tests, or None when it uses an operator or an attribute or a
    predicate not covered here."""
    tests = []
    for attr, wanted in token.items():
        attr = "ORTH" if attr.upper() == "TEXT" else attr.upper()
        if attr in STRING_ATTRS and isinstance(wanted, str):
            tests.append(_Test(attr, "==", frozenset({strings.as_int(wanted)})))
        elif attr.startswith("IS_") and attr in IDS and isinstance(wanted, bool):
            tests.append(_Test(attr, "==", frozenset({int(wanted)})))
        elif attr in STRING_ATTRS and isinstance(wanted, dict) and len(wanted) == 1:
            kind, value = next(iter(wanted.items()))
            if kind in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
                tests.append(_Test(attr, kind, frozenset(strings.as_int(v) for v in value)))
            elif kind == "REGEX" and isinstance(value, str):
                tests.append(_Test(attr, kind, frozenset(), re.compile(value)))
            else:
                return None
        else:
            return None
    return tests


class QuickLemmatizer:
    """A rule `Lemmatizer` whose lemmas are kept by (text, part of speech, morphology): the
    key spaCy's rule lemmatizer keeps them by. A lemma not yet kept comes from a twin of the
    lemmatizer whose word index is a set, not a list: the same words, found by a hash."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.overwrite = lemmatizer.overwrite
        twin = type(lemmatizer)(lemmatizer.vocab, None, lemmatizer.name, mode=lemmatizer.mode)
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            if name == "lemma_index":
                twin.lookups.add_table(name, {pos: frozenset(w) for pos, w in table.items()})
            else:
                twin.lookups.set_table(name, table)
        self.lemmatize = twin.lemmatize
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = strings.add(self.lemmatize(doc[i])[0])
                self._lemmas[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], cast(Any, lemmas.reshape(-1, 1)))
        return doc
