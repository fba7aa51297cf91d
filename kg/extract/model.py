"""What the extractor passes around: mentions, facts, and what it knows of an article."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Span, Token

from kg.names import key_of
from kg.ontology import Ontology
from kg.qualifiers import NONE, Qualifiers

# spaCy labels that are not names of things the ontology knows
NOT_NAMES = frozenset(
    {
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "NORP",
        "LANGUAGE",
        "LAW",
    }
)
WHOLE_NAMES = frozenset({"GPE", "LOC", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
NOT_ORGS = frozenset({"LOC", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
ROMAN = re.compile(r"[IVXLC]+")  # "Pedro II": a regnal number is no name
PLACES = frozenset({"GPE", "LOC", "NORP"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acl", "relcl"})
NOUN_CLIMB = frozenset({"dobj", "pobj", "prep", "conj", "compound", "appos", "attr", "pcomp"})


@dataclass(frozen=True)
class Mention:
    """Words in an article that name an entity (for a pronoun: the name it stands for)."""

    text: str
    start: int
    end: int
    ner: str = ""
    hint: str | None = None  # a class the surrounding words suggest ("an open-source model")
    acronym: str | None = None  # as the text defines it: "machine learning (ML)"
    # another name of the entity, never its label: a shorter name the same words give
    # ("Harwick" of "Harwick, Idaho"), or the name an acronym stands for
    alias: str | None = None


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Shape:
    """How a fact sits in its sentence, for the fact scorer; never the words of its names.

    `path` is the dependency labels from the subject's head word up to the word that governs
    both arguments and down to the object's ("nsubj>VERB<dobj"); `distance` its length in arcs.
    """

    sentence: int = 0  # the sentence's place in the article body (0: the lead)
    tokens: int = 0  # the sentence's length
    distance: int = -1  # -1: the arguments were not found in the sentence
    path: str = ""
    governor: str = ""  # the lemma of the word governing both (a name's: its part of speech)
    subject_named: bool = True  # False: a pronoun or description stands for the subject
    object_named: bool = True


@dataclass(frozen=True)
class Fact:
    subject: Mention
    predicate: str
    object: Mention
    article: str
    evidence: Evidence
    pattern: str
    confidence: float
    qualifiers: Qualifiers = NONE
    cue: str = ""  # the cue that fired: "partner with _", "chief executive"; "" if none
    anchor: int = -1  # article offset of the verb or noun that states it; -1 if none
    shape: Shape = Shape()


@dataclass
class Focus:
    """What the text is talking about: the organisation named most as a subject, favouring
    the latest sentence that named one, and the latest person."""

    suffixes: frozenset[str]
    article: ArticleNames
    person: Mention | None = None
    people: tuple[Mention, ...] = ()  # the people the latest sentence naming any named
    genders: dict[str, str] = field(default_factory=dict)  # a surname -> "f" or "m"
    counts: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    latest: dict[str, Mention] = field(default_factory=dict)
    recent: set[str] = field(default_factory=set)
    recency: float = 3.0  # the bonus of the latest sentence's organisations
    kinds: dict[str, str] = field(default_factory=dict)  # what a name was seen to be
    product: Mention | None = None  # the latest product named, for "the headset"
    product_at: int = -1  # the sentence that named it
    sentences: int = 0  # the sentences read so far
    topic_product: Mention | None = None  # the product the last sentence was about, for "it"
    speaker: Mention | None = None  # the organisation of the latest speaker, for "we"
    speaker_at: int = -1  # the offset of the paragraph that named the speaker
    paragraphs: tuple[int, int] = (-1, -1)  # the offsets of the paragraph before and this one
    employers: dict[str, Mention] = field(default_factory=dict)  # a surname -> their organisation
    named: list[Mention] = field(default_factory=list)  # organisations in text order
    author: Mention | None = None  # the organisation the text speaks for as "we", if known
    # the organisations the sentence before named or spoke of, its subject first (or the one
    # before it, if that spoke of none): what "it" and "the company" may stand for beyond
    # their own sentence
    previous: tuple[Mention, ...] = ()
    silent: int = 0  # the sentences since the last that spoke of an organisation
    described: dict[str, set[str]] = field(default_factory=dict)  # the nouns a name was given with

    @property
    def org(self) -> Mention | None:
        keys = [k for k in self.counts if self.kinds.get(k, "Organization") == "Organization"]
        if not keys:
            return None
        best = max(keys, key=lambda k: (self.counts[k] + self.recency * (k in self.recent), k))
        return self.latest[best]

    def key(self, mention: Mention) -> str:
        return key_of(mention.text, self.suffixes)

    def saw(self, subjects: list[Mention], others: list[Mention]) -> None:
        """A sentence named these organisations; its subjects, if any, are the most recent."""
        for weight, mentions in ((1.0, subjects), (0.5, others)):
            for mention in mentions:
                key = self.key(mention)
                self.counts[key] += weight
                self.latest[key] = mention
        if subjects or others:
            self.recent = {self.key(m) for m in (subjects or others)}
            self.recency = 3.0 if subjects else 1.0

    def spoke_of(self, orgs: list[Mention]) -> None:
        """A sentence spoke of these organisations: a sentence with none keeps those of the
        one before it, but only for one sentence."""
        self.silent = 0 if orgs else self.silent + 1
        if orgs or self.silent > 1:
            self.previous = tuple(orgs)

    def learn(self, mention: Mention, classes: frozenset[str]) -> None:
        if mention.hint == "Product" or classes == {"Product"}:
            self.product, self.product_at = mention, self.sentences
        if mention.hint:
            self.kinds.setdefault(self.key(mention), mention.hint)
        elif len(classes) == 1:
            self.kinds.setdefault(self.key(mention), next(iter(classes)))


class Word(NamedTuple):
    """A token of a `View` and what the patterns test every word for, as plain values."""

    token: Token
    i: int
    lower: str  # `lower_`
    lemma: str  # `lemma_`, in lower case
    pos: str  # `pos_`
    name: Span | None  # the name it belongs to, if any


@dataclass(frozen=True)
class View:
    """One sentence as the patterns read it. Nothing in it changes while they read: `focus`,
    what the text is about so far, moves on only between sentences."""

    sent: Span
    offset: int  # of the sentence's paragraph in the article
    names: Mapping[int, Span]  # token index -> the name it belongs to
    hints: Mapping[int, str]  # a name's first token -> the class its describing words suggest
    ontology: Ontology
    focus: Focus
    paragraph: str  # the text of the doc the sentence is in, its `text` cut from it
    # the doc's tokens, if made: the sentence's are cut from them
    doc_tokens: tuple[Token, ...] = ()

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's tokens, made once: spaCy makes each anew when a span is walked."""
        if self.doc_tokens:
            return self.doc_tokens[self.sent.start : self.sent.end]
        return tuple(self.sent)

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """The sentence's tokens with what the patterns test every word for, read once: spaCy
        looks each attribute up anew whenever it is asked."""
        return tuple(
            Word(t, t.i, t.lower_, t.lemma_.lower(), t.pos_, self.names.get(t.i))
            for t in self.tokens
        )

    @cached_property
    def text(self) -> str:
        """The sentence's text, cut from the paragraph's: spaCy joins a span's words anew on
        every `text`."""
        return self.paragraph[self.sent.start_char : self.sent.end_char]

    @cached_property
    def name_roots(self) -> tuple[tuple[Token, Span], ...]:
        """(word, its name) for each word that is the root of the name it belongs to, in
        order: each name's root found once, not once for each pattern that asks."""
        roots: dict[tuple[int, int], int] = {}
        found = []
        for word in self.words:
            name = word.name
            if name is None:
                continue
            bounds = (name.start, name.end)
            if bounds not in roots:
                roots[bounds] = name.root.i
            if roots[bounds] == word.i:
                found.append((word.token, name))
        return tuple(found)

    @cached_property
    def mentions(self) -> dict[tuple[int, int, str | None], Mention]:
        """The mentions `refer.mention_of` has made, by span and hint."""
        return {}


@dataclass(frozen=True)
class Candidate:
    """What a pattern reads: `predicate` from each subject to each object; when `pairwise`,
    between every two subjects ("A and B teamed up"), if the property is symmetric."""

    predicate: str
    subjects: tuple[Mention, ...]
    objects: tuple[Mention, ...]
    pattern: str  # as recorded on the fact: "verb-passive"
    anchor: Token | None = None  # the verb or noun stating it, which may deny or qualify it
    cue: str = ""  # the cue that fired: "partner with _", "chief executive"
    variant: str = ""  # a reading of the pattern with a prior of its own: "topic"
    pairwise: bool = False
    status: str = ""  # a status the pattern reads itself: "former" (a job no longer held)


@dataclass(frozen=True)
class ArticleNames:
    """What the whole article says about its names, gathered before reading it."""

    known: frozenset[str]  # words that begin a name somewhere ("Pellwood" of "Pellwood Data")
    org_words: frozenset[str]  # words that begin an organisation's name
    surnames: frozenset[str]  # last words of people's full names ("Eikrem" of "Lars Eikrem")
    # an acronym -> the one organisation's name of its initials that the article also writes
    # out ("NAI" -> "Northfield Analytical Instruments"), with or without brackets
    expansions: Mapping[str, str] = field(default_factory=dict)
