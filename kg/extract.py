"""Facts from parsed text: ontology cues matched on spaCy's NER and dependency parse.

`extract(parsed, ontology)` yields candidate facts, each with its evidence. The patterns are
general (verbs, nouns, titles, possessives, appositions); every word that signals a property
comes from the ontology. A fact may be proposed for several properties when a cue is shared
("launch" a product or a company): resolve.py keeps those whose entity classes fit.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.ingest import Article
from kg.names import VERSION, key_of
from kg.nlp import Paragraph, ParsedArticle
from kg.ontology import Cue, Ontology
from kg.qualifiers import NONE, Qualifiers, denied, qualify

NOT_NAMES = frozenset(
    [
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
    ]
)
WHOLE_NAMES = frozenset({"GPE", "LOC", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
NOT_ORGS = frozenset({"LOC", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers"})
NAME_ADPOSITIONS = frozenset(
    {"of", "for", "de", "du", "des", "van", "von", "der", "la", "le", "di"}
)
ROMAN = re.compile(r"[IVXLC]+")  # "Pedro II": a regnal number is no name
PLACES = frozenset({"GPE", "LOC", "NORP"})
RELATIVE = frozenset({"which", "who", "that", "whose"})
AFFILIATION = ("of", "at", "with", "for")  # "analyst at X", "columnist for X"
COPULAS = frozenset({"be", "become", "remain"})
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


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


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


@dataclass
class _Focus:
    """What the text is talking about: the organisation named most as a subject, favouring
    the latest sentence that named one, and the latest person."""

    suffixes: frozenset[str]
    article: _ArticleNames
    person: Mention | None = None
    counts: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    latest: dict[str, Mention] = field(default_factory=dict)
    recent: set[str] = field(default_factory=set)
    recency: float = 3.0  # the bonus of the latest sentence's organisations
    kinds: dict[str, str] = field(default_factory=dict)  # what a name was seen to be
    product: Mention | None = None  # the latest product named, for "the headset"
    topic_product: Mention | None = None  # the product the last sentence was about, for "it"

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

    def learn(self, mention: Mention, classes: frozenset[str]) -> None:
        if mention.hint == "Product" or classes == {"Product"}:
            self.product = mention
        if mention.hint:
            self.kinds.setdefault(self.key(mention), mention.hint)
        elif len(classes) == 1:
            self.kinds.setdefault(self.key(mention), next(iter(classes)))


@dataclass
class _Sentence:
    """Per-sentence state shared by the patterns."""

    sent: Span
    offset: int
    names: dict[int, Span]
    hints: dict[int, str]
    ontology: Ontology
    focus: _Focus
    facts: list[Fact] = field(default_factory=list)


def extract(parsed: ParsedArticle, ontology: Ontology) -> Iterator[Fact]:
    """Every fact the article states, in text order."""
    title = (parsed.article.title or "").strip()
    body = [p for p in parsed.paragraphs if not _is_headline(p.doc, title)]
    article_names = _article_words(body, ontology)
    focus = _Focus(ontology.corporate_suffixes, article_names)
    for paragraph in body:
        names = _names(paragraph.doc, ontology, article_names.known)
        for sent in paragraph.doc.sents:
            state = _Sentence(sent, paragraph.offset, names, {}, ontology, focus)
            yield from _sentence_facts(state, parsed.article)
            _update_focus(state)


def _is_headline(doc: Doc, title: str) -> bool:
    """The title, section headings and bylines: their grammar is too terse to read facts from.
    An unpunctuated line that reads as a sentence (a list item) is kept."""
    text = doc.text.strip()
    if text == title:
        return True
    if text.endswith(tuple(".!?:;\"”’')")):
        return False
    words = [t for t in doc if t.is_alpha and not t.is_stop]
    title_case = all(t.text[:1].isupper() for t in words)
    return len(words) < 4 or text.startswith("By ") or title_case


# ---------------------------------------------------------------- names


@dataclass(frozen=True)
class _ArticleNames:
    """What the whole article says about its names, gathered before reading it."""

    known: frozenset[str]  # words that begin a name somewhere ("Pellwood" of "Pellwood Data")
    org_words: frozenset[str]  # words that begin an organisation's name
    surnames: frozenset[str]  # last words of people's full names ("Eikrem" of "Lars Eikrem")


def _article_words(paragraphs: list[Paragraph], ontology: Ontology) -> _ArticleNames:
    """So that the same word is a name wherever it stands, even where the tagger calls it a
    noun; an organisation where "Pellwood Data" is labelled ORG or ends in an organisation
    word, even where "Pellwood" is labelled a place; a person where "Eikrem" stands alone."""
    words, org_words, surnames = set(), set(), set()
    for paragraph in paragraphs:
        for span in set(_names(paragraph.doc, ontology, frozenset()).values()):
            first = span[0].text
            if not first[:1].isupper() or first.lower() in ontology.common_words:
                continue
            words.add(first)
            if span.root.ent_type_ == "ORG" or ontology.is_org_name(span.text):
                org_words.add(first)
            elif span.root.ent_type_ == "PERSON" and len(span) > 1:
                surnames.add(span.text.split()[-1])
    return _ArticleNames(frozenset(words), frozenset(org_words), frozenset(surnames))


def _names(doc: Doc, ontology: Ontology, known: frozenset[str]) -> dict[int, Span]:
    """Token index -> the name it belongs to: NER entities, proper-noun runs, defined terms,
    and words `known` as names elsewhere in the article."""
    spans: list[Span] = []
    titles = {words[0] for words in ontology.title_cues() if len(words) == 1}
    for ent in doc.ents:
        if ent.label_ in WHOLE_NAMES:  # "Grey's Anatomy", "Prince George's County"
            spans.append(ent)
        elif ent.label_ not in NOT_NAMES:
            spans.extend(_split_possessive(ent, titles))
        elif _mislabelled_name(ent):  # keep the proper nouns: "Lumen-7B" of "Lumen-7B last week"
            end = next((t.i for t in ent if t.pos_ not in ("PROPN", "NUM")), ent.end)
            spans.append(doc[ent.start : end])
    taken = {t.i for span in spans for t in span}
    numeric = {t.i for ent in doc.ents if ent.label_ in NOT_NAMES for t in ent if t.i not in taken}
    spans.extend(
        part
        for run in _proper_runs(doc, taken | numeric, known, ontology.common_words)
        for part in _split_possessive(run, titles)
    )
    spans.extend(_defined_terms(doc, ontology))
    trims = (_trim(span, ontology.honorifics) for span in spans)
    trimmed = sorted({t for t in trims if t is not None}, key=lambda s: s.start)
    names: dict[int, Span] = {}
    defined = {(t.start, t.end) for t in _defined_terms(doc, ontology)}
    for span in _join_adjacent(trimmed):
        proper = any(t.text[:1].isupper() or t.like_num for t in span)
        if (
            (proper or (span.start, span.end) in defined)
            and _looks_like_name(span, ontology)
            and not _abbreviation(span)
        ):
            for token in span:
                names.setdefault(token.i, span)
    return names


def _join_adjacent(spans: list[Span]) -> Iterator[Span]:
    """ "Wayline" + "OS" -> "Wayline OS": proper-noun pieces the NER split apart."""
    current: Span | None = None
    for span in spans:
        if (
            current is not None
            and span.start == current.end
            and not (len(current) == 1 and current.start == current[0].sent.start)
            and all(t.pos_ == "PROPN" for t in (*current, *span))
            and current[-1].whitespace_
        ):
            current = span.doc[current.start : span.end]
            continue
        if current is not None:
            yield current
        current = span
    if current is not None:
        yield current


def _version_number(ent: Span) -> bool:
    """ "9" in "ProbeLine 9": a lone number right after a proper noun."""
    return (
        ent.label_ == "CARDINAL"
        and len(ent) == 1
        and ent.start > 0
        and ent.doc[ent.start - 1].pos_ == "PROPN"
    )


def _mislabelled_name(ent: Span) -> bool:
    """ "Cirran 3" labelled DATE, "Paylisto" labelled NORP: a proper noun heading its phrase is a
    name, unless the 'date' holds a month or a weekday."""
    if ent.root.pos_ != "PROPN" or ent.root.dep_ in ("amod", "compound", "npadvmod"):
        return False
    if ent.label_ == "NORP":
        return True
    calendar_words = {
        w.lower()
        for w in (
            *calendar.month_name,
            *calendar.month_abbr,
            *calendar.day_name,
            *calendar.day_abbr,
        )
        if w
    }
    return ent.label_ == "DATE" and not any(t.lower_.rstrip(".") in calendar_words for t in ent)


def _split_possessive(span: Span, titles: set[str]) -> list[Span]:
    """ "Jane Roe's Halvane Capital" and "Duskfield CEO Claire Okonjo" -> two names each."""
    parts, start = [], span.start
    for token in span:
        inner_adposition = token.pos_ == "ADP" and token.lower_ not in NAME_ADPOSITIONS
        if (
            token.tag_ == "POS"
            or token.lower_ in ("'s", "’s", "’", ",", "(", ")", *titles)
            or inner_adposition  # "Quellnet into Hallstein Motion" is two names
        ):
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [p for p in parts if len(p)]


def _proper_runs(
    doc: Doc, taken: set[int], known: frozenset[str], common: frozenset[str]
) -> Iterator[Span]:
    """Runs of proper nouns no entity covers, joined across hyphens ("Tarnix-7"), with the
    numbers that version them ("iPhone 16") and capitalised words that modify them
    ("Brightmoor AI")."""
    start: int | None = None
    for token in doc:
        versioned = start is not None and (
            (token.like_num and token.dep_ in ("nummod", "compound"))
            or (token.is_title and token.is_alpha and doc[token.i - 1].like_num)
        )
        modifier = (
            token.is_title
            and token.is_alpha
            and not token.is_stop
            and token.lower_ not in common
            and token.dep_ in ("compound", "amod")
            and token.head.pos_ == "PROPN"
            and 0 < token.head.i - token.i <= 2
        )
        inside = (
            (
                token.pos_ == "PROPN"
                or _model_number(token.text)
                or token.text in known
                or versioned
                or modifier
            )
            and token.i not in taken
            and token.text[0].isalnum()
            and all(c.isalnum() or c in ".-&'" for c in token.text)
        )
        glue = (
            start is not None
            and token.i + 1 < len(doc)
            and token.text in "-–/&"
            and not doc[token.i - 1].whitespace_
            and (doc[token.i + 1].pos_ in ("PROPN", "NUM") or _model_number(doc[token.i + 1].text))
        )
        if inside or glue:
            start = token.i if start is None else start
            continue
        if start is not None:
            yield doc[start : token.i]
            start = None
    if start is not None:
        yield doc[start:]


def _abbreviation(span: Span) -> bool:
    """ "(LLM)" after "large language model": an abbreviation, not a name of its own."""
    doc, letters = span.doc, span.text.lower()
    if len(span) != 1 or not span.text.isupper() or span.start < len(letters) + 1:
        return False
    if doc[span.start - 1].text != "(":
        return False
    words = doc[span.start - 1 - len(letters) : span.start - 1]
    return "".join(w.text[0].lower() for w in words) == letters


def _model_number(text: str) -> bool:
    """ "Tarnix-7", "X2": capitalised words with digits name things even when tagged ADJ."""
    return text[:1].isupper() and any(c.isdigit() for c in text) and text.isascii()


def _defined_terms(doc: Doc, ontology: Ontology) -> Iterator[Span]:
    """ "machine learning (ML)": lower-case words whose initials spell the acronym."""
    for token in doc:
        if not (token.is_upper and 2 <= len(token) <= 6 and token.i >= 2):
            continue
        if token.nbor(-1).text != "(" or token.i + 1 >= len(doc) or token.nbor(1).text != ")":
            continue
        letters = token.text.lower()
        start = token.i - 1 - len(letters)
        if start < 0:
            continue
        words = doc[start : token.i - 1]
        if ontology.class_of_head_noun(words[-1].lemma_.lower()) in ("Product", "Organization"):
            continue
        if (
            all(w.is_alpha and w.is_lower for w in words)
            and "".join(w.text[0] for w in words) == letters
        ):
            yield words


def _trim(span: Span, honorifics: frozenset[str]) -> Span | None:
    """Without leading articles and punctuation, trailing possessives, and, on a person's
    name, leading honorifics ("Sen.", "Capt.", "President")."""
    start, end = span.start, span.end
    doc = span.doc
    person = span.root.ent_type_ == "PERSON"
    while start < end and (
        doc[start].pos_ in ("DET", "PUNCT", "ADP")
        or doc[start].is_space
        or (person and end - start > 1 and doc[start].lower_.rstrip(".") in honorifics)
    ):
        start += 1
    while end > start and (
        doc[end - 1].pos_ in ("PUNCT", "CCONJ", "ADP")
        or doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_space
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _looks_like_name(span: Span, ontology: Ontology) -> bool:
    text = span.text
    common = ontology.common_words
    return (
        text.lower().rstrip(".") not in ontology.corporate_suffixes
        and not (len(span) == 1 and text.lower() in common)
        and not ROMAN.fullmatch(text)
        and any(c.isalpha() for c in text)
        and "\n" not in text
        and len(text) <= 80
        and not all(t.is_stop for t in span)
        and not (len(span) == 1 and span[0].pos_ == "PRON")
    )


# ---------------------------------------------------------------- mentions


def _mention(state: _Sentence, span: Span, hint: str | None = None) -> Mention:
    ner = span.ents[0].label_ if span.ents else ""
    start = state.offset + span.start_char
    hint = hint or state.hints.get(span.start)
    return Mention(span.text, start, start + len(span.text), ner, hint, _acronym(span))


def _acronym(span: Span) -> str | None:
    """The acronym in brackets right after a name, when its letters are the name's initials."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return None
    candidate = doc[span.end + 1].text
    words = [t.text for t in span if t.is_alpha and not t.is_stop]
    initials = "".join(w[0] for w in words).lower()
    return candidate if candidate.isupper() and candidate.lower() == initials else None


def _refer(state: _Sentence, token: Token, coordinate: bool = True) -> list[Mention]:
    """The entities a token denotes: a name, a pronoun's antecedent, a noun's examples."""
    found = _refer_one(state, token)
    if coordinate:
        for conj in token.conjuncts:
            found += _refer_one(state, conj)
        found += _coordinated_before(state, token)
    return _unique(found)


def _coordinated_before(state: _Sentence, token: Token) -> list[Mention]:
    """ "Zentara and Pellucid Vision" parsed as one phrase: the names coordinated before the
    name a token belongs to."""
    name = state.names.get(token.i)
    if name is None:
        return []
    found, i = [], name.start - 1
    while i > state.sent.start and state.sent.doc[i].lower_ in (",", "and", "or"):
        previous = state.names.get(i - 1)
        if previous is None or previous.root.head.i not in range(name.start, name.end):
            break
        found.append(_mention(state, previous))
        i = previous.start - 1
    return found


def _refer_one(state: _Sentence, token: Token, apposed: bool = False) -> list[Mention]:
    name = state.names.get(token.i)
    if name is not None:
        return [_mention(state, name)]
    lower = token.lower_
    if lower in RELATIVE and token.head.dep_ == "relcl":
        return _refer_one(state, token.head.head, apposed)
    if lower in PRONOUNS:
        return _antecedent(state, token)
    if lower in PLURAL_PRONOUNS:
        return _plural_antecedent(state, token)
    if lower in PERSON_PRONOUNS and state.focus.person is not None:
        return [_reuse(state.focus.person, token, state)]
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    hint = state.ontology.class_of_head_noun(token.lemma_.lower())
    if token.dep_ == "appos" and token.head.i in state.names and not apposed:
        return [_mention(state, state.names[token.head.i], hint)]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one":
        return _refer_one(state, token.head.head, apposed)  # "one of the largest lenders"
    for child in token.children:
        if child.dep_ in ("appos", "compound", "nmod", "amod") and child.i in state.names:
            before = (child.dep_ == "compound" and apposed) or (
                child.dep_ != "appos" and _names_product(state, token, child)
            )
            if child.dep_ == "appos" or child.i > token.i or before:
                named = [child, *child.conjuncts] if child.dep_ == "appos" else [child]
                return [  # "scientists Lars Eikrem and Sunniva Dahl"
                    _mention(state, state.names[t.i], hint) for t in named if t.i in state.names
                ]
        if child.dep_ == "appos" and not apposed:
            found = _refer_one(state, child, apposed=True)
            if found:
                return found
    examples = _examples(state, token, hint)
    if examples:
        return examples
    if hint == "Organization" and _is_definite(token):
        return _antecedent(state, token)
    if hint == "Product" and _is_definite(token) and state.focus.product is not None:
        return [_reuse(state.focus.product, token, state)]  # "the headset"
    return []


def _names_product(state: _Sentence, noun: Token, name: Token) -> bool:
    """ "Tarnix-5 chips", "the Foldwright platform": a product's name before a product noun."""
    if state.ontology.class_of_head_noun(noun.lemma_.lower()) != "Product":
        return False
    determined = any(c.dep_ in ("det", "poss") for c in noun.children)
    return name.ent_type_ not in ("GPE", "PERSON", "NORP", "LOC") and (
        determined or name.ent_type_ != "ORG"
    )


def _examples(state: _Sentence, token: Token, hint: str | None) -> list[Mention]:
    """ "rivals such as X and Y", "titans like X": the named examples of a noun."""
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ != "prep" or _prep_phrase(child) not in state.ontology.example_markers:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj":
                found += [replace(m, hint=m.hint or hint) for m in _refer(state, obj)]
    return found


def _prep_phrase(prep: Token) -> str:
    words = [c.lower_ for c in prep.lefts if c.dep_ in ("amod", "advmod")]
    return " ".join([*words, prep.lower_])


def _is_definite(token: Token) -> bool:
    return any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det") and not any(
        c.dep_ == "poss" for c in token.children
    )


def _antecedent(state: _Sentence, token: Token) -> list[Mention]:
    """What "it", "its" or "the company" stands for: the product the last sentence was about
    when "it" opens a sentence ("The headset runs on X. It ships with ..."), else an
    organisation."""
    product = state.focus.topic_product
    opens = token.lower_ == "it" and token.dep_ in SUBJECTS and token.i < _first_name(state)
    if product is not None and opens:
        return [_reuse(product, token, state)]
    return _org_antecedent(state, token)


def _first_name(state: _Sentence) -> int:
    return min(
        (i for i in state.names if state.sent.start <= i < state.sent.end), default=state.sent.end
    )


def _org_antecedent(state: _Sentence, token: Token) -> list[Mention]:
    """The organisation "it", "its" or "the company" stands for.

    "its" in "gave Tessaro its first sites" is the one given to; "the chipmaker" is the
    organisation named last before it in the sentence; "it" is one named earlier in the
    sentence as a subject; otherwise the organisation the text is about.
    """
    if token.dep_ == "poss" and token.head.dep_ == "dobj":
        given = [c for c in token.head.head.children if c.dep_ == "dative" and c.i < token.i]
        if given and _refer(state, given[0]):
            return [_reuse(m, token, state) for m in _refer(state, given[0])]
    if token.pos_ == "NOUN" and token.dep_ not in SUBJECTS:  # "a stake in the chipmaker"
        inside = {t.i for t in token.subtree}
        named = [
            _mention(state, state.names[t.i])
            for t in state.sent
            if t.i < token.i
            and t.i not in inside
            and t.i in state.names
            and t.i == state.names[t.i].root.i
            and not _is_subjectish(t)
        ]
        orgs = [m for m in named if _org_candidate(m, state)]
        if orgs:
            return [_reuse(orgs[-1], token, state)]
    for earlier in state.sent:
        if earlier.i >= token.i:
            break
        name = state.names.get(earlier.i)
        if name is not None and earlier.i == name.root.i and _is_subjectish(name.root):
            mention = _mention(state, name)
            if not _is_person_name(mention, state.ontology):
                return [_reuse(mention, token, state)]
    return [_reuse(state.focus.org, token, state)] if state.focus.org else []


def _not_place(state: _Sentence, token: Token) -> bool:
    """Not labelled a place, or known in this article to begin an organisation's name."""
    return token.ent_type_ not in PLACES or token.text in state.focus.article.org_words


def _plural_antecedent(state: _Sentence, token: Token) -> list[Mention]:
    """ "Ostrander and Kaida said they had formed ...": coordinated subjects earlier in the
    sentence; nothing when the sentence names no such pair."""
    for earlier in state.sent:
        if earlier.i >= token.i:
            break
        if earlier.dep_ in SUBJECTS and earlier.conjuncts:
            found = [m for m in _refer(state, earlier) if _org_candidate(m, state)]
            if len(found) > 1:
                return [_reuse(m, token, state) for m in found]
    return []


def _org_candidate(mention: Mention, state: _Sentence) -> bool:
    focus = state.focus
    kind = focus.kinds.get(focus.key(mention), mention.hint or "Organization")
    if kind != "Organization" or mention.ner in NOT_ORGS:
        return False
    if _is_person(mention, focus, state.ontology):
        return False
    return mention.ner not in PLACES or mention.text.split()[0] in focus.article.org_words


def _is_subjectish(token: Token) -> bool:
    """A subject, its possessor ("Norvale's entry ... places it"), or the possessor of a
    sentence the parser left without a verb."""
    if token.dep_ in SUBJECTS:
        return True
    return token.dep_ == "poss" and (token.head.dep_ in SUBJECTS or token.head.dep_ == "ROOT")


def _is_main_subject(token: Token) -> bool:
    """Subject-like and in the main clause, not in "With X reporting growth, ..."."""
    head = token.head if token.dep_ in SUBJECTS else token.head.head
    if token.dep_ == "poss" and token.head.dep_ == "ROOT":
        return True
    return _is_subjectish(token) and (head.dep_ == "ROOT" or head.dep_ == "conj")


def _reuse(antecedent: Mention, token: Token, state: _Sentence) -> Mention:
    start = state.offset + token.idx
    return Mention(
        antecedent.text,
        start,
        start + len(token),
        antecedent.ner,
        antecedent.hint,
        antecedent.acronym,
    )


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[str, int], Mention] = {}
    for m in mentions:
        seen.setdefault((m.text, m.start), m)
    return list(seen.values())


def _update_focus(state: _Sentence) -> None:
    focus = state.focus
    about = _sentence_product(state)  # before this sentence's facts move the focus
    readings = Counter((f.subject.start, f.object.start) for f in state.facts)
    for fact in state.facts:
        if readings[(fact.subject.start, fact.object.start)] > 1:
            continue  # "launched X" read as a launch and as a founding: it says nothing of X
        prop = state.ontology.properties[fact.predicate]
        focus.learn(fact.subject, prop.domain)
        focus.learn(fact.object, prop.range)
    subjects: list[Mention] = []
    others: list[Mention] = []
    for token in state.sent:
        name = state.names.get(token.i)
        if name is None or token.i != name.root.i:
            continue
        mention = _mention(state, name)
        if VERSION.search(mention.text) or mention.hint == "Product":
            focus.learn(mention, frozenset({"Product"}))
            continue
        if _is_person(mention, focus, state.ontology):
            if _is_subjectish(token):
                focus.person = mention
            focus.kinds[focus.key(mention)] = "Person"
        elif mention.ner not in NOT_ORGS and _is_main_subject(token):
            subjects.append(mention)
        elif mention.ner not in NOT_ORGS | PLACES:
            others.append(mention)
    focus.saw(subjects, others)
    focus.topic_product = about


def _sentence_product(state: _Sentence) -> Mention | None:
    """The product a sentence is about, when its main subject names or describes one."""
    root = state.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is None:  # "The headset runs on ..." misparsed: the first noun before the verb
        subject = next(
            (t for t in state.sent if t.i < root.i and t.pos_ in ("NOUN", "PROPN", "PRON")), None
        )
    if subject is None:
        return None
    if subject.lower_ == "it":
        return state.focus.topic_product
    kinds = state.focus.kinds
    for mention in _refer_one(state, subject):
        if kinds.get(state.focus.key(mention), mention.hint) == "Product":
            return mention
    return None


def _is_person(mention: Mention, focus: _Focus, ontology: Ontology) -> bool:
    """A person's full name, or a surname of one named in the article."""
    if mention.text in focus.article.surnames:
        return True
    return (
        mention.ner == "PERSON" and " " in mention.text and not ontology.is_org_name(mention.text)
    )


# ---------------------------------------------------------------- clause structure


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return True
    return verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN"


def _subjects(state: _Sentence, verb: Token, depth: int = 0) -> list[Mention]:
    """The grammatical subject of a verb, inherited through control, coordination, relatives."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return _refer(state, verb.head)
            return _refer(state, child)
    for aux in verb.children:  # "The company was co-founded": a subject left on the auxiliary
        if aux.dep_ in ("aux", "auxpass"):
            found = [m for c in aux.children if c.dep_ in SUBJECTS for m in _refer(state, c)]
            if found:
                return found
    if verb.dep_ in ("acl", "amod") and verb.tag_ in ("VBN", "VBG"):
        return _refer(state, verb.head)
    if verb.dep_ in CLIMB and depth < 4 and verb.head.i != verb.i:
        head = verb.head
        while head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        if head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr") and verb.dep_ in ("acl", "relcl"):
            head = head.head  # "signed a deal to acquire X": the signer acquires
        if head.pos_ in ("VERB", "AUX"):
            return _subjects(state, head, depth + 1)
    return []


def _agents(state: _Sentence, verb: Token) -> list[Mention]:
    """Who does a passive verb: "backed by X and by Y"."""
    for child in verb.children:
        if child.dep_ == "agent":
            preps = [child, *child.conjuncts]
            return [
                m for p in preps for o in p.children if o.dep_ == "pobj" for m in _refer(state, o)
            ]
    return []


def _prep_objects(state: _Sentence, head: Token, prep: str) -> list[Token]:
    """Objects of `head`'s preposition `prep`, looking one step into a participle too."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
            found += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            found += _prep_objects(state, child, prep)
        elif child.dep_ == "dobj" and child.i not in state.names and head.pos_ == "VERB":
            found += _prep_objects(state, child, prep)  # "invested $13 billion in OpenAI"
    return found


def _coordinated(state: _Sentence, head: Token) -> list[Mention]:
    """Objects added by 'alongside', 'as well as' ... attached to a word."""
    found: list[Mention] = []
    for child in head.children:
        if child.dep_ == "prep" and _prep_phrase(child) in state.ontology.coordinators:
            found += [m for c in child.children if c.dep_ == "pobj" for m in _refer(state, c)]
    return found


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


# ---------------------------------------------------------------- patterns


def _sentence_facts(state: _Sentence, article: Article) -> Iterator[Fact]:
    evidence = Evidence(
        state.sent.text, state.offset + state.sent.start_char, state.offset + state.sent.end_char
    )
    _hints(state)
    for token in state.sent:
        if token.pos_ in ("VERB", "AUX"):
            _verb_facts(state, token)
        if token.pos_ in ("NOUN", "PROPN", "ADJ"):
            _noun_facts(state, token)
    _title_facts(state)
    _funding_facts(state)
    _affiliation_facts(state)
    _place_facts(state)
    _possessive_facts(state)
    seen: set[tuple[str, str, str]] = set()
    for fact in state.facts:
        key = (fact.subject.text, fact.predicate, fact.object.text)
        if fact.subject.text != fact.object.text and key not in seen:
            seen.add(key)
            yield replace(fact, article=article.id, evidence=evidence)


def _hints(state: _Sentence) -> None:
    """Classes suggested by appositions and modifiers: "Tarnix-7X, an open-source model" is
    a Product, "packaging maker Skovgaard Emballage" an Organization."""
    for token in state.sent:
        name = state.names.get(token.i)
        if name is None or token.i != name.root.i:
            continue
        for child in token.children:
            described = child.dep_ == "appos" or (child.dep_ == "compound" and child.i < name.start)
            if described and child.i not in state.names and child.pos_ == "NOUN":
                cls = state.ontology.class_of_head_noun(child.lemma_.lower())
                if cls:
                    state.hints[name.start] = cls
        if token.dep_ == "appos" and token.head.i not in state.names:
            cls = state.ontology.class_of_head_noun(token.head.lemma_.lower())
            if cls:
                state.hints[name.start] = cls
        if all(t.is_lower for t in name):
            state.hints.setdefault(name.start, "Technology")


def _add(
    state: _Sentence,
    predicate: str,
    subjects: list[Mention],
    objects: list[Mention],
    pattern: str,
    confidence: float,
    anchor: Token | None = None,
) -> None:
    """Record facts; `anchor` is the verb or noun stating them, which qualifies them."""
    if not subjects or not objects:
        return
    qualifiers = NONE
    if anchor is not None:
        if denied(anchor, state.ontology):
            return
        qualifiers = qualify(anchor, state.ontology)
        if not state.ontology.properties[predicate].takes_status:
            qualifiers = replace(qualifiers, status=None)
    for s in subjects:
        for o in objects:
            conf = confidence * (0.85 if _is_reference(s, state) else 1.0)
            fact = Fact(s, predicate, o, "", Evidence("", 0, 0), pattern, conf, qualifiers)
            state.facts.append(fact)


def _is_reference(mention: Mention, state: _Sentence) -> bool:
    """True when the mention is a pronoun or description standing for an earlier name."""
    token_start = mention.start - state.offset
    span = state.sent.doc.char_span(token_start, mention.end - state.offset)
    return span is not None and span.text != mention.text


def _cue_matches(token: Token, cue: Cue) -> bool:
    if token.lemma_.lower() != cue.words[0] and token.lower_ != cue.words[0]:
        return False
    rest = set(cue.words[1:])
    return rest <= {c.lower_ for c in token.children} | {c.lemma_.lower() for c in token.children}


def _verb_facts(state: _Sentence, verb: Token) -> None:
    if _negated(verb):
        return
    for prop in state.ontology.properties.values():
        for cue in prop.verbs:
            if _cue_matches(verb, cue):
                _verb_fact(state, verb, prop.name, cue)


def _verb_fact(state: _Sentence, verb: Token, predicate: str, cue: Cue) -> None:
    passive = _is_passive(verb)
    if cue.prep:
        subjects = _subjects(state, verb)
        objects = [m for t in _prep_objects(state, verb, cue.prep) for m in _refer(state, t)]
        if verb.dep_ == "amod":  # "the Oslo-based firm"
            objects += [
                m
                for c in verb.children
                if c.dep_ in ("npadvmod", "compound")
                for m in _refer(state, c)
            ]
    elif passive:
        subjects = _agents(state, verb)
        objects = _subjects(state, verb)
        if verb.dep_ == "amod":
            objects, subjects = (
                _subjects(state, verb),
                [
                    m
                    for c in verb.children
                    if c.dep_ in ("npadvmod", "compound")
                    for m in _refer(state, c)
                ],
            )
            if not cue.inverse:
                subjects, objects = objects, subjects
    else:
        subjects = _subjects(state, verb)
        objects = [
            m for c in verb.children if c.dep_ in ("dobj", "dative") for m in _refer(state, c)
        ]
        own_subject = any(  # "that the company introduced", not "who are themselves ..."
            c.dep_ in SUBJECTS
            and c.lower_ not in RELATIVE
            and not c.lower_.endswith(("self", "selves"))
            for c in verb.children
        )
        if (
            verb.dep_ == "relcl"
            and own_subject
            and not any(c.dep_ == "dobj" for c in verb.children)
        ):
            objects = _refer(state, verb.head)  # "a version that the company introduced"
    if not objects:
        _pairs(state, predicate, subjects, "verb-pair", 0.8, verb)  # "A and B teamed up"
        return
    objects += _coordinated(state, verb)
    if cue.inverse:
        subjects, objects = objects, subjects
    confidence = 0.8 if passive else 0.9
    _add(
        state,
        predicate,
        subjects,
        _unique(objects),
        "verb-passive" if passive else "verb",
        confidence,
        verb,
    )


def _noun_cue_matches(token: Token, cue: Cue) -> bool:
    if token.lemma_.lower() != cue.words[-1] and token.lower_ != cue.words[-1]:
        return False
    if len(cue.words) == 1:
        return True
    before = [t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod", "nmod")]
    return list(cue.words[:-1]) == before[-(len(cue.words) - 1) :]


def _noun_facts(state: _Sentence, noun: Token) -> None:
    if noun.i in state.names and noun.pos_ == "PROPN":
        return
    for prop in state.ontology.properties.values():
        for cue in prop.nouns:
            if _noun_cue_matches(noun, cue):
                _noun_fact(state, noun, prop.name, cue)


def _noun_fact(state: _Sentence, noun: Token, predicate: str, cue: Cue) -> None:
    described = _described(state, noun)
    owners = [m for c in noun.children if c.dep_ == "poss" for m in _refer(state, c)]
    if cue.prep and not owners:  # "the NRC headquarters in Rockville"
        owners = [
            m
            for c in noun.children
            if c.dep_ == "compound" and c.i in state.names and _not_place(state, c)
            for m in _refer(state, c, coordinate=False)
        ]
    if cue.before:
        targets = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "nmod") and c.i < noun.i and _not_place(state, c)
        ]
    elif cue.prep:
        targets = _prep_objects(state, noun, cue.prep)
    else:
        targets = [
            c for c in noun.children if c.dep_ == "appos" or c.i > noun.i and c.dep_ == "compound"
        ]
    if described and owners and cue.prep in ("of", "to", "for") and not targets:
        objects, subjects, pattern = owners, described, "noun-described"
    else:
        objects = []
        for target in targets:
            objects += _share_holder(state, target, predicate) or _refer(state, target)
        subjects, pattern = _noun_subjects(state, noun, owners, described, objects)
    if not objects and pattern != "noun-topic":  # "A and B formed a partnership"
        _pairs(state, predicate, subjects, "noun-pair", 0.75, noun)
    if not objects or not subjects:
        return
    if predicate == "acquired" and any(_share_holder(state, t, predicate) for t in targets):
        predicate = "investedIn"
    if cue.inverse:
        subjects, objects = objects, subjects
    confidence = {"noun-owner": 0.85, "noun-described": 0.8, "noun-verb": 0.8}.get(pattern, 0.55)
    _add(state, predicate, subjects, _unique(objects), pattern, confidence, noun)


def _pairs(
    state: _Sentence,
    predicate: str,
    parties: list[Mention],
    pattern: str,
    confidence: float,
    anchor: Token,
) -> None:
    """A symmetric property between every two of several coordinated parties."""
    if not state.ontology.properties[predicate].symmetric:
        return
    unique = _unique(parties)
    for i, first in enumerate(unique):
        _add(state, predicate, [first], unique[i + 1 :], pattern, confidence, anchor)


def _share_holder(state: _Sentence, target: Token, predicate: str) -> list[Mention]:
    """ "purchase of Norvale shares": the company whose shares are bought."""
    if target.lemma_.lower() not in state.ontology.share_nouns or target.i in state.names:
        return []
    return [
        m
        for c in target.children
        if c.dep_ in ("compound", "poss", "nmod")
        for m in _refer(state, c)
    ]


def _described(state: _Sentence, noun: Token) -> list[Mention]:
    named = [c for c in noun.children if c.dep_ == "appos" and c.i in state.names]
    if named:  # "its e-commerce arm, Marlowe Direct"
        return [_mention(state, state.names[c.i]) for c in named]
    return _describes(state, noun)


def _describes(state: _Sentence, noun: Token) -> list[Mention]:
    """The entity a noun describes: "X, a unit of Y", "X is a unit of Y", "As a unit of Y, X"."""
    if noun.dep_ == "appos" or (
        noun.dep_ in ("amod", "compound") and noun.i < noun.head.i and noun.head.i in state.names
    ):
        return _refer(state, noun.head, coordinate=False)
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ in COPULAS:
        return [m for c in head.children if c.dep_ == "nsubj" for m in _refer(state, c)]
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        return _subjects(state, head.head)
    return []


def _noun_subjects(
    state: _Sentence,
    noun: Token,
    owners: list[Mention],
    described: list[Mention],
    objects: list[Mention],
) -> tuple[list[Mention], str]:
    if owners:
        named = [m for m in owners if not _is_reference(m, state)]
        if named or noun.dep_ not in ("dobj", "pobj"):
            return owners, "noun-owner"
    if described:
        return described, "noun-described"
    between = _prep_objects(state, noun, "between")
    if between:
        return _refer(state, between[0]), "noun-between"
    head, steps, via = noun, 0, noun.dep_
    while head.dep_ in NOUN_CLIMB and head.head.i != head.i and steps < 6:
        via, head, steps = head.dep_, head.head, steps + 1
        # "places it in competition with X": the object is the one in competition
        direct = [c for c in head.children if c.dep_ == "dobj"] if via == "prep" else []
        if direct and _refer(state, direct[0]):
            return _refer(state, direct[0]), "noun-verb"
        if head.pos_ in ("VERB", "AUX"):
            subjects = _subjects(state, head)
            if subjects:
                return subjects, "noun-verb"
            break
    if owners:
        return owners, "noun-owner"
    if state.focus.org is None or _other_names(state, objects):
        return [], "noun-topic"
    return [state.focus.org], "noun-topic"


def _other_names(state: _Sentence, objects: list[Mention]) -> bool:
    """Does the sentence name an organisation besides the objects? Then the topic is unsafe."""
    taken = {m.text for m in objects}
    for token in state.sent:
        name = state.names.get(token.i)
        if name is not None and name.text not in taken and token.ent_type_ not in PLACES:
            return True
    return False


def _title_facts(state: _Sentence) -> None:
    """ "CEO Jane Roe", "Jane Roe, chief executive of X", "X's chief executive Jane Roe"."""
    titles = state.ontology.title_cues()
    sent = state.sent
    used: set[int] = set()
    for i in range(sent.start, sent.end):
        for words, predicate in titles.items():
            span = _title_span(sent, i, words)
            if span is None or i in used:
                continue
            if any(t.i in state.names for t in span):
                continue
            used.update(range(span.start, span.end))
            _title_fact(state, span, predicate)


def _title_span(sent: Span, start: int, words: tuple[str, ...]) -> Span | None:
    """The title `words` starting at token `start`, however hyphens were tokenised."""
    wanted = " ".join(words)
    if not sent.doc[start].lower_.startswith(wanted[:2]):
        return None
    for end in range(start + 1, min(start + 2 * len(words) + 2, sent.end) + 1):
        text = re.sub(r"\s*-\s*", "-", sent.doc[start:end].text.lower())
        if text == wanted:
            return sent.doc[start:end]
        if len(text) > len(wanted):
            return None
    return None


def _title_fact(state: _Sentence, title: Span, predicate: str) -> None:
    root = title.root
    if len(title) > 1:  # "co - founder" split by the tokenizer: the piece attached to a name
        root = next((t for t in title if t.head.i in state.names), title[-1])
    before = title.doc[max(title.sent.start, title.start - 4) : title.start]
    if any(t.lower_ in ("former", "ex", "then", "late") for t in before):
        return
    people = _title_people(state, root)
    if not people:
        return
    orgs = [m for t in title for m in _title_orgs(state, t, title.start)]
    if not orgs and root.dep_ == "conj":  # "co-founder and chief executive of X"
        orgs = _title_orgs(state, root.head, root.head.i)
    confidence = 0.85
    if not orgs and state.focus.org is not None and predicate != "worksFor":
        orgs, confidence = [state.focus.org], 0.6  # "CEO Jane Roe" of the company in focus
    people = [replace(p, hint="Person") for p in people if _person_like(p, state)]
    _add(state, predicate, people, orgs, "title", confidence)


def _title_orgs(state: _Sentence, root: Token, start: int) -> list[Mention]:
    """The organisation of a title: "CEO of X", "X's CEO", "X CEO Jane Roe"."""
    orgs = [
        m
        for prep in AFFILIATION
        for t in _prep_objects(state, root, prep)
        if _not_place(state, t)  # "vice-president for Asia" is not a job at Asia
        for m in _refer(state, t)
    ]
    orgs += [
        m
        for c in root.children
        if c.dep_ in ("poss", "compound", "nmod") and c.i < start and _not_place(state, c)
        for m in _refer(state, c)
        if not _is_person_name(m, state.ontology)
    ]
    head = root.head
    if not orgs and root.dep_ in ("compound", "nmod") and head.i in state.names:
        orgs = [  # "Veyra chief executive Wen-Hsu Lai": the organisation modifies the person
            m
            for c in head.children
            if c.dep_ in ("compound", "poss", "amod", "nmod")
            and c.i < root.i
            and _not_place(state, c)
            and c.i in state.names
            for m in _refer(state, c)
            if not _is_person_name(m, state.ontology)
        ]
    return orgs


def _funding_facts(state: _Sentence) -> None:
    """ "Ferrolith raised $120 million in a round led by Halcyon, with participation from
    Oakmere": everyone who leads or joins a company's funding invests in it."""
    ontology = state.ontology
    for verb in state.sent:
        if verb.lemma_.lower() not in ontology.funding_verbs or _negated(verb):
            continue
        money = [c for c in verb.children if c.dep_ == "dobj"]
        if not any(c.ent_type_ == "MONEY" or c.lemma_ in ontology.funding_nouns for c in money):
            continue
        investors: list[Mention] = []
        for token in verb.subtree:
            if token.dep_ == "agent" and token.head.dep_ == "acl" or token.lower_ == "from":
                investors += [
                    m for c in token.children if c.dep_ == "pobj" for m in _refer(state, c)
                ]
        _add(state, "investedIn", investors, _subjects(state, verb), "funding", 0.75, verb)


def _place_facts(state: _Sentence) -> None:
    """Where an organisation is based, from how it is named: "X, a Hong Kong construction firm",
    "Acme Corp. of Pittsburgh", "Giessen's Acme Bank"."""
    for token in state.sent:
        name = state.names.get(token.i)
        if name is not None and token.i == name.root.i and token.ent_type_ == "ORG":
            words = [c for prep in ("of", "in") for c in _prep_objects(state, token, prep)]
            words += [c for c in token.children if c.dep_ == "poss"]
            _add(
                state,
                "headquarteredIn",
                [_mention(state, name)],
                [
                    m
                    for c in words
                    for m in _refer(state, c, coordinate=False)
                    if m.ner in ("GPE", "LOC")
                ],
                "name-place",
                0.6,
            )
        if (
            name is None
            and token.dep_ == "appos"
            and token.head.i in state.names
            and state.ontology.class_of_head_noun(token.lemma_.lower()) == "Organization"
        ):
            places = [
                m
                for c in token.children
                if c.dep_ in ("compound", "nmod") and c.ent_type_ in ("GPE", "LOC")
                for m in _refer(state, c)
            ]
            subject = [_mention(state, state.names[token.head.i])]
            _add(state, "headquarteredIn", subject, places, "described-place", 0.7)


def _affiliation_facts(state: _Sentence) -> None:
    """Works for, from how a person is introduced: "Jane Roe of Norvale", "Quillfin's
    Sam Poe", "Ana Ferreira, a Halvane Capital analyst"."""
    for token in state.sent:
        name = state.names.get(token.i)
        if name is None or token.i != name.root.i or token.ent_type_ != "PERSON":
            continue
        orgs = [
            m
            for prep in ("of", "at")
            for t in _prep_objects(state, token, prep)
            for m in _refer(state, t, coordinate=False)
            if m.ner == "ORG"
        ]
        orgs += [
            m
            for c in token.children
            if c.dep_ == "poss" and c.i in state.names and c.ent_type_ == "ORG"
            for m in _refer(state, c, coordinate=False)
        ]
        for noun in token.children:  # an apposition naming a job with an organisation
            if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.i not in state.names:
                orgs += [
                    m
                    for c in noun.children
                    if c.dep_ in ("compound", "poss", "nmod")
                    and c.i in state.names
                    and _not_place(state, c)
                    for m in _refer(state, c, coordinate=False)
                    if not _is_person_name(m, state.ontology)
                ]
        _add(state, "worksFor", [_mention(state, name)], orgs, "affiliation", 0.6)


def _is_person_name(mention: Mention, ontology: Ontology) -> bool:
    """Labelled PERSON and written as a full name: 'Claire Okonjo', not 'Duskfield' or
    'Corvalis Cloud'."""
    return (
        mention.ner == "PERSON" and " " in mention.text and not ontology.is_org_name(mention.text)
    )


def _person_like(mention: Mention, state: _Sentence) -> bool:
    """A PERSON name, one shaped like a person's ('Jane Roe'), or a known person's surname."""
    words = mention.text.split()
    shaped = 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)
    return mention.ner == "PERSON" or shaped or mention.text in state.focus.article.surnames


def _title_people(state: _Sentence, root: Token) -> list[Mention]:
    head = root.head
    if root.dep_ == "conj" and head.i not in state.names:  # "co-founder and chief executive"
        return _title_people(state, head)
    if root.dep_ in ("compound", "appos", "nmod") and head.i in state.names:
        return [_mention(state, state.names[head.i])]
    for child in root.children:
        if child.dep_ in ("appos", "compound") and child.i in state.names and child.i > root.i:
            return [_mention(state, state.names[child.i])]
    if root.dep_ == "attr" and head.lemma_ in COPULAS:
        return [m for c in head.children if c.dep_ == "nsubj" for m in _refer(state, c)]
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
        verb = head.head  # "appointed Chen Wei-Ling as its chief executive", "joined as CEO"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return _refer(state, objects[0]) if objects else _subjects(state, verb)
    return []


def _possessive_facts(state: _Sentence) -> None:
    """ "Veyra's Cirran", "Tarnix, Norvale's chip family", "its own processors (Kestrel)"."""
    for token in state.sent:
        name = state.names.get(token.i)
        if (
            name is not None
            and token.i == name.root.i
            and token.dep_ != "compound"
            and not _own_entity(name, "ORG")
            and token.ent_type_ not in WHOLE_NAMES
            and not (token.ent_type_ == "PERSON" and len(name) > 1)
        ):
            owners = [
                m
                for c in token.children
                if c.dep_ == "poss" and c.i in state.names
                for m in _refer(state, c, coordinate=False)
                if m.ner != "PERSON"
            ]
            _add(state, "developed", owners, [_mention(state, name)], "possessive", 0.65)
        if name is None and state.ontology.class_of_head_noun(token.lemma_.lower()) == "Product":
            _product_noun(state, token)


def _own_entity(name: Span, label: str) -> bool:
    """Is the name an entity of this label in its own right (not split from a longer one)?"""
    return any(e.label_ == label and e.start == name.start for e in name.doc.ents)


def _product_noun(state: _Sentence, noun: Token) -> None:
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        return
    own = any(c.lower_ == "own" for c in noun.children)
    makers = [m for c in owners for m in _refer(state, c, coordinate=False)]
    named_owners = own or all(c.i in state.names for c in owners)
    apposed = noun.dep_ == "appos" or (noun.dep_ == "conj" and own)
    if apposed and noun.head.i in state.names and named_owners:
        products = [_mention(state, state.names[noun.head.i], "Product")]
        _add(state, "developed", makers, products, "apposition", 0.8)
    named = [
        c
        for c in noun.children
        if c.dep_ == "appos"
        or c.dep_ == "compound"
        and c.i > noun.i
        or c.i in state.names
        and c.i < noun.i
        and _names_product(state, noun, c)
    ]
    products = [m for c in named for m in _refer_one(state, c, apposed=True)]
    if products and (own or all(c.i in state.names for c in owners)):
        _add(state, "developed", makers, products, "apposition", 0.8)
