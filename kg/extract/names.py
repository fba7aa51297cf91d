"""Finding the names in a parsed paragraph: entities, proper-noun runs, defined terms."""

from __future__ import annotations

import bisect
import calendar
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.errors import located
from kg.extract.model import NOT_NAMES, ROMAN, WHOLE_NAMES, ArticleNames
from kg.names import clean_name, initials, is_acronym, key_of
from kg.nlp import Paragraph
from kg.ontology import Grammar, Ontology

SENTENCE_ENDS = tuple(".!?:;\"”’')")


def is_headline(paragraph: Paragraph, title: str, ontology: Ontology) -> bool:
    """A title in title case, section headings and bylines: their grammar is too terse to
    read facts from. An unpunctuated line that reads as a sentence (a list item, a title in
    sentence case) is kept."""
    text = paragraph.text.strip()
    if text != title and text.endswith(SENTENCE_ENDS):  # most paragraphs: no word to read
        return False
    words = [t for t in paragraph.tokens if t.is_alpha and not t.is_stop]
    title_case = all(t.text[:1].isupper() for t in words)
    if text == title:
        return title_case or len(words) < 4
    byline = any(text.startswith(f"{w.capitalize()} ") for w in ontology.grammar.byline_words)
    return len(words) < 4 or byline or title_case


def read_article_names(
    paragraphs: Sequence[Paragraph], ontology: Ontology
) -> tuple[ArticleNames, list[dict[int, Span]]]:
    """What the whole article says of its names, and each paragraph's names in its light: the
    same word is a name wherever it stands, even where the tagger calls it a noun; an
    organisation where "Pellwood Data" is labelled ORG or ends in an organisation word, even
    where "Pellwood" is labelled a place; a person where "Eikrem" stands alone."""
    alone: list[dict[int, Span]] = []
    words, org_words, surnames = set(), set(), set()
    for paragraph in paragraphs:
        tokens = paragraph.tokens
        with located(paragraph.text):
            alone.append(find_names(paragraph.doc, ontology, frozenset(), paragraph.text, tokens))
        for span in set(alone[-1].values()):
            first = span[0].text
            if not first[:1].isupper() or first.lower() in ontology.common_words:
                continue
            words.add(first)
            if span.root.ent_type_ == "ORG" or ontology.is_org_name(span.text):
                org_words.add(first)
            elif span.root.ent_type_ == "PERSON" and len(span) > 1:
                surnames.add(span.text.split()[-1])
    article = ArticleNames(frozenset(words), frozenset(org_words), frozenset(surnames))
    # one word the tagger labels an organisation somewhere is a name where it labels it a
    # nationality ("X president Jane Roe" with X taken for an adjective of a people)
    orgs = frozenset(
        s.text
        for names in alone
        for s in names.values()
        if len(s) == 1 and s.root.ent_type_ == "ORG"
    )
    found = []
    for paragraph, names in zip(paragraphs, alone, strict=True):
        if _known_matters(paragraph.doc, article.known, paragraph.tokens, orgs):
            with located(paragraph.text):
                known = article.known
                names = find_names(
                    paragraph.doc, ontology, known, paragraph.text, paragraph.tokens, orgs
                )
        found.append(names)
    expansions = _expansions({s for names in found for s in names.values()}, ontology)
    return replace(article, expansions=expansions), found


def _expansions(names: set[Span], ontology: Ontology) -> dict[str, str]:
    """Each acronym of three letters or more, not a known term, whose letters are the
    initials of exactly one organisation's name of the article ("Northfield Analytical
    Instruments" and "NAI"); names holding an acronym of their own ("BRK Partners") are no
    candidates."""
    suffixes = ontology.corporate_suffixes
    by_initials: dict[str, set[str]] = defaultdict(set)
    for span in names:
        text = clean_name(span.text)
        organisation = span.root.ent_type_ == "ORG" or ontology.is_org_name(text)
        if len(span) < 2 or not organisation or any(is_acronym(w) for w in text.split()):
            continue
        for form in {initials(text), initials(key_of(text, suffixes))} - {""}:
            by_initials[form].add(text)
    acronyms = sorted({s.text for s in names if is_acronym(s.text) and len(s.text) >= 3})
    return {
        a: next(iter(full))
        for a in acronyms
        if len(full := by_initials.get(a.lower(), set())) == 1 and not ontology.class_of_term(a)
    }


def _known_matters(
    doc: Doc,
    known: frozenset[str],
    tokens: Sequence[Token] = (),
    orgs: frozenset[str] = frozenset(),
) -> bool:
    """Could the article's `known` words, or its one-word organisations `orgs`, change the
    names `find_names` finds in `doc`? Only where such a word is no proper noun, or follows a
    conjunction inside the same entity (`_split_pair`) or a nationality while in no entity
    itself (`_nationality_led`), or is written in lower case ("brisko"), or where an
    organisation is labelled a nationality. `tokens`: the doc's, if made."""
    if not known:
        return False
    for t in tokens or doc:
        text = t.text
        if t.ent_type_ == "NORP" and text in orgs:
            return True
        if text in known and (
            t.pos_ != "PROPN"
            or (t.i > 0 and doc[t.i - 1].pos_ == "CCONJ" and t.ent_iob_ == "I")
            or (t.i > 0 and doc[t.i - 1].ent_type_ == "NORP" and not t.ent_type_)
        ):
            return True
        if not text[:1].isupper() and text.title() in known:
            return True
    return False


def find_names(
    doc: Doc,
    ontology: Ontology,
    known: frozenset[str],
    text: str | None = None,
    tokens: Sequence[Token] | None = None,
    orgs: frozenset[str] = frozenset(),
) -> dict[int, Span]:
    """Token index -> the name it belongs to: NER entities, proper-noun runs, defined terms,
    and words `known` as names elsewhere in the article, among them the one-word `orgs`
    wherever they are labelled a nationality. `text`, `tokens`: the doc's, if known (spaCy
    makes a token anew whenever a doc is walked)."""
    text = doc.text if text is None else text
    tokens = tuple(doc) if tokens is None else tokens
    spans: list[Span] = []
    titles = ontology.one_word_titles
    grammar = ontology.grammar
    ents = doc.ents
    entities = (part for e in ents for part in _split_after_suffix(e, ontology, tokens))
    for ent in (part for e in entities for part in _split_pair(e, known, ontology, tokens)):
        if ent.label_ in WHOLE_NAMES:  # "Grey's Anatomy", "Prince George's County"
            spans.extend(_split_names(ent, tokens, frozenset(), grammar, possessive=False))
        elif ent.label_ not in NOT_NAMES:
            spans.extend(_split_names(ent, tokens, titles, grammar))
        elif (ent.label_ == "NORP" and ent.text in orgs) or _version_number(ent):
            spans.append(ent)  # an organisation taken for a people; "9" of "ProbeLine 9"
        elif _counted_model(ent):
            spans.append(ent[-1:])  # "its KX200 chip", "20 R350 jets": a model, no count
        elif (led := _number_led(ent) or _nationality_led(ent, known)) is not None:
            spans.append(led)  # "88 North", "Danish Re"
        elif _mislabelled_name(ent):  # keep the proper nouns: "Lumen-7B" of "Lumen-7B last week"
            end = next((t.i for t in ent if t.pos_ not in ("PROPN", "NUM")), ent.end)
            if end > ent.start:  # none when the first word is no proper noun ("Northern Velorans")
                spans.append(doc[ent.start : end])
    contracted = list(_contracted(tokens, grammar, text.lower()))
    ends = {t.i: c.end for c in contracted for t in c[1:]}  # "Fly Brisk" of "Let's Fly Brisk"
    spans = [
        s if s.start not in ends else doc[ends[s.start] : s.end]
        for s in spans
        if ends.get(s.start, 0) < s.end
    ]
    spans.extend(contracted)
    taken = {i for span in spans for i in range(span.start, span.end)}
    numeric = {i for ent in ents if ent.label_ in NOT_NAMES for i in range(ent.start, ent.end)}
    spans.extend(
        part
        for run in _proper_runs(doc, tokens, taken | numeric, known, ontology.common_words)
        for ranked in _after_rank(run, ontology.honorifics)
        for part in _split_names(ranked, tokens, titles, grammar)
    )
    defined_terms = _defined_terms(doc, tokens, ontology) if "(" in text else ()
    terms = [*defined_terms, *_known_terms(doc, tokens, ontology)]
    spans.extend(terms)
    spans = [_with_version(span) for span in spans]
    trims = (_trim(span, tokens, ontology.honorifics, grammar.former_words) for span in spans)
    # in text order, the longest first where names start together (not in the set's order)
    trimmed = _with_nicknames(
        sorted({t for t in trims if t is not None}, key=lambda s: (s.start, -s.end)),
        tokens,
        quoted=any(mark in text for mark in CLOSING),
    )
    names: dict[int, Span] = {}
    brackets = [t.i for t in tokens if t.text in "()"] if "(" in text else []
    defined = {(t.start, t.end) for t in terms}
    joined = _join_bracketed(list(_join_eponyms(trimmed, grammar)), ontology)
    joined = list(_join_modified_possessives(joined, grammar))
    coordinated = _join_coordinated(list(_join_adjacent(joined)), ontology)
    for span in _join_regions(coordinated, grammar.region_names):
        # "brisko" where the article writes "Brisko" elsewhere: a name written in lower case
        words = tokens[span.start : span.end]
        proper = any(
            t.text[:1].isupper()
            or t.like_num
            or t.text.title() in known
            or _model_word(t.text)
            or _camel_case(t.text)
            for t in words
        )
        if (
            (proper or (span.start, span.end) in defined)
            and _looks_like_name(span, words, ontology)
            and not _abbreviation(span)
            and not _expansion(span, brackets)
            and not _shared_direction(span, grammar)
        ):
            for i in range(span.start, span.end):
                names.setdefault(i, span)
    return names


def _split_after_suffix(ent: Span, ontology: Ontology, tokens: Sequence[Token]) -> list[Span]:
    """ "Tarnix Inc. Brightmoor": a sentence the parser ran on after an abbreviated corporate
    suffix, so two names ("Norvale Co. Ltd." stays one). `tokens`: the document's."""
    suffixes = ontology.corporate_suffixes
    for token in tokens[ent.start : ent.end - 1]:
        if not token.text.endswith("."):  # the cheap test first: most words do not
            continue
        after = token.nbor(1)
        if (
            token.lower_.rstrip(".") in suffixes
            and after.lower_.rstrip(".") not in suffixes
            and after.text[:1].isupper()
        ):
            return [
                Span(ent.doc, ent.start, token.i + 1, ent.label_),
                *_split_after_suffix(
                    Span(ent.doc, token.i + 1, ent.end, ent.label_), ontology, tokens
                ),
            ]
    return [ent]


def _split_pair(
    ent: Span, known: frozenset[str], ontology: Ontology, tokens: Sequence[Token]
) -> list[Span]:
    """ "Norvale and Brisk Foods" -> two names where the article names "Brisk" on its own
    elsewhere, "Halvane Capital and Brisk Ventures" where both halves are whole organisations'
    names; "Halden Hotels and Resorts", "Brisk Oil and Gas Co." stay whole. `tokens`: the
    document's."""
    for token in tokens[ent.start + 1 : ent.end - 1]:
        if token.pos_ != "CCONJ":  # the cheap test first: most words are none
            continue
        after = token.nbor(1)
        if (
            (
                after.text in known
                or _two_names(ent, token.i, ontology)
                or _modifies_after(ent, token.i)
            )
            and after.text != ent[0].text
            and after.text[:1].isupper()
        ):
            return [
                Span(ent.doc, ent.start, token.i, ent.label_),
                Span(ent.doc, token.i + 1, ent.end, ent.label_),
            ]
    return [ent]


def _modifies_after(ent: Span, at: int) -> bool:
    """ "Norvale Foods and Brisk tea": the words after the conjunction modify a noun after
    the entity that the words before it do not, so two names."""
    doc = ent.doc
    before, after = doc[ent.start : at].root, doc[at + 1 : ent.end].root
    return (
        after.dep_ in ("compound", "amod", "nmod")
        and after.head.i >= ent.end
        and before.head != after.head
        and after.head.is_lower
    )


def _two_names(ent: Span, at: int, ontology: Ontology) -> bool:
    """Do the words either side of the conjunction at `at` each end an organisation's name
    ("Halvane Capital", "Brisk Ventures"), the second begun by a word of its own?"""
    words = ontology.name_words | ontology.corporate_suffixes
    before, after = ent.doc[ent.start : at], ent.doc[at + 1 : ent.end]
    return (
        len(before) > 1
        and len(after) > 1
        and before[-1].lower_.rstrip(".") in words
        and after[-1].lower_.rstrip(".") in words
        and after[0].lower_ not in words
    )


OPENING, CLOSING = ('"', "“"), ('"', "”")


def _with_nicknames(spans: list[Span], tokens: Sequence[Token], quoted: bool) -> list[Span]:
    """'Harlow "Big" Industries', 'Jane "JJ" Roe': a quoted nickname between two capitalised
    words joins them and the names they end or start into one name, so that no piece of it
    keeps a stray quote. `tokens`: the document's; `quoted`: whether the text holds a closing
    quote at all."""
    if not spans or not quoted:
        return spans
    doc = spans[0].doc
    by_token = {t.i: span for span in spans for t in span}
    joined: list[Span] = []
    for close in (t for t in tokens if t.text in CLOSING and 2 <= t.i < len(doc) - 1):
        opening = next((t.i for t in doc[max(close.i - 4, 0) : close.i] if t.text in OPENING), None)
        if opening is None or opening == 0 or opening + 1 == close.i:
            continue
        before, after = doc[opening - 1], doc[close.i + 1]
        words = [before, *doc[opening + 1 : close.i], after]
        left, right = by_token.get(before.i), by_token.get(after.i)
        if all(w.text[:1].isupper() and w.is_alpha for w in words) and (left or right):
            start = left.start if left is not None else before.i
            joined.append(doc[start : right.end if right is not None else after.i + 1])
    kept = [s for s in spans if not any(s.start < j.end and j.start < s.end for j in joined)]
    return sorted({*kept, *joined}, key=lambda s: (s.start, -s.end))


def _join_adjacent(spans: list[Span]) -> Iterator[Span]:
    """ "Wayline" + "OS" -> "Wayline OS": proper-noun pieces the NER split apart."""

    def adjacent(current: Span, span: Span) -> bool:
        return (
            span.start == current.end
            and not (len(current) == 1 and current.start == current[0].sent.start)
            and not span[0].is_sent_start  # "... Norvale Inc. Brisk is ..." are two names
            and (
                all(t.pos_ == "PROPN" for t in (*current, *span))
                or (len(span) == 1 and span[0].like_num and current[-1].pos_ == "PROPN")
            )
            and bool(current[-1].whitespace_)
            and not _person_after_other(current, span)
        )

    return _joined(spans, adjacent)


def _person_after_other(current: Span, span: Span) -> bool:
    """ "the head of the Harwick Navy Tom Hale": a person the tagger labels as such right
    after a name it labels otherwise are two names."""
    first, second = current[-1], span[0]
    labels = first.ent_type_, second.ent_type_
    return second.ent_iob_ == "B" and all(labels) and labels[0] != labels[1] and "PERSON" in labels


def _join_coordinated(spans: list[Span], ontology: Ontology) -> Iterator[Span]:
    """ "Halden Hotels and Resorts", "Brisk Oil & Gas": one organisation's name, where both
    words joined are words that end organisations' names and the second stands alone (not
    "Norvale Systems and Brisk Labs", two names)."""
    words = ontology.name_words | ontology.corporate_suffixes
    conjunctions = ontology.grammar.conjunctions

    def coordinated(current: Span, span: Span) -> bool:
        return (
            span.start == current.end + 1
            and span.doc[current.end].lower_ in conjunctions
            and len(span) == 1
            and len(current) > 1
            and span[0].lower_ in words
            and current[-1].lower_ in words
            and span[0].text[:1].isupper()
        )

    return _joined(spans, coordinated)


def _join_eponyms(spans: Iterable[Span], grammar: Grammar) -> Iterator[Span]:
    """ "St. Anne's" + "Medical Center": a saint's name with a possessive opens the name that
    follows it, of what is named after the saint."""

    def eponym(current: Span, span: Span) -> bool:
        return (
            span.start == current.end + 1
            and current[0].lower_.rstrip(".") in grammar.eponym_words
            and span.doc[current.end].lower_ in grammar.possessive_markers
            and span[0].text[:1].isupper()
        )

    return _joined(spans, eponym)


def _join_modified_possessives(spans: Iterable[Span], grammar: Grammar) -> Iterator[Span]:
    """ "the Harwick's Finest Tea brand", "40 Harwick's Finest Tea cafés": an article on a
    possessor that needs none, or a number or modifier of the possessed noun before it, says
    the possessive is inside one name ("Harwick's Finest Tea"), not its owner ("Harwick's
    Finest Tea unit", "the Harwick Group's Finest Tea unit" have one); so does an organisation
    the tagger ends with the marker before another it begins ("Corrin's" + "Chicken")."""

    def inside(current: Span, span: Span) -> bool:
        doc = span.doc
        if span.start != current.end + 1:
            return False
        owner, before = current.root, doc[max(current.start - 1, 0)]
        before = before if before.i < current.start else owner  # none: the owner stands for it
        # "51 company-operated Harwick's": the possessed noun's number or modifier before it
        modified = (
            before.dep_ in ("det", "nummod", "amod", "compound")
            and before.pos_ != "PROPN"
            and any(a == before.head for a in owner.ancestors)
        )
        early = any(
            c.dep_ in ("det", "nummod") and c.i < current.start for c in owner.head.children
        )
        # "the Harwick's": an article no entity takes, on a town's name, which needs none (an
        # organisation's may: "the PRX's")
        article = before.head == owner and before.dep_ == "det" and before.ent_iob_ == "O"
        article = article and owner.ent_type_ in ("GPE", "LOC", "") and current.text.istitle()
        # "Corrin's" + "Finest Tea": the tagger's organisation took the marker, another follows
        marker, first = doc[current.end], span[0]
        branded = marker.ent_iob_ == "I" and first.ent_iob_ == "B"
        branded = branded and marker.ent_type_ == first.ent_type_ == "ORG"
        branded = branded and span.root.dep_ != "compound"  # not "Corrin's Brisk Labs unit"
        return (
            doc[current.end].lower_ in grammar.possessive_markers
            and owner.dep_ == "poss"
            and (modified or early or article or branded)
            and before.lower_ not in grammar.possessive_markers
            and span[0].text[:1].isupper()
        )

    return _joined(spans, inside)


def _join_bracketed(spans: list[Span], ontology: Ontology) -> list[Span]:
    """ "Harwick General (Idaho) Hospital": a place in brackets between a name and a word that
    ends organisations' names is inside one name."""
    words = ontology.name_words | ontology.corporate_suffixes
    joined: list[Span] = []
    at = 0
    while at < len(spans):
        first = spans[at]
        if at + 2 < len(spans):
            place, last = spans[at + 1], spans[at + 2]
            doc = first.doc
            if (
                place.start == first.end + 1
                and doc[first.end].text == "("
                and last.start == place.end + 1
                and doc[place.end].text == ")"
                and place.root.ent_type_ in ("GPE", "LOC", "")
                and last[-1].lower_.rstrip(".") in words
                and last[0].text[:1].isupper()
            ):
                joined.append(doc[first.start : last.end])
                at += 3
                continue
        joined.append(first)
        at += 1
    return joined


def _join_regions(spans: Iterable[Span], regions: frozenset[str]) -> Iterator[Span]:
    """ "Harwick, Idaho", "Harwick, Calif.": a place and the US state written after it with a
    comma are one place's name (not two places); not a list of states ("Idaho, Vermont and
    Maine"), though a state's abbreviation may follow its city of the same name."""

    def region(current: Span, span: Span) -> bool:
        if span.start != current.end + 1 or span.doc[current.end].text != ",":
            return False  # the cheap tests first: most names follow no comma
        text = span.text
        listed = current.text.lower() in regions and "." not in text and len(text) > 2
        return (
            current.root.ent_type_ in ("GPE", "LOC", "")
            and "," not in current.text
            and text.lower() in regions
            and text[:1].isupper()
            and (len(text) != 2 or text.isupper())  # "OH", not "Oh"
            and not listed
        )

    return _joined(spans, region)


def _joined(spans: Iterable[Span], joins: Callable[[Span, Span], bool]) -> Iterator[Span]:
    """The spans in order, each run of them that `joins` links, pair by pair, made one."""
    current: Span | None = None
    for span in spans:
        if current is not None and joins(current, span):
            current = span.doc[current.start : span.end]
            continue
        if current is not None:
            yield current
        current = span
    if current is not None:
        yield current


def _with_version(span: Span) -> Span:
    """ "ProbeLine" + "9" -> "ProbeLine 9" when the number modifies what the name does."""
    doc = span.doc
    if span.end >= len(doc) or not span[-1].whitespace_:
        return span
    number = doc[span.end]
    if number.pos_ != "NUM" or number.dep_ != "nummod":  # the cheap tests first
        return span
    if _glued(number):
        return span  # "Brisk Mobile 5G": the number begins a word of its own
    dated = number.ent_type_ not in ("", "CARDINAL")
    same_phrase = number.head.i in range(span.start, span.end) or number.head == span.root.head
    if same_phrase and not dated:
        return doc[span.start : span.end + 1]
    return span


def _version_number(ent: Span) -> bool:
    """ "9" in "ProbeLine 9": a lone number right after a proper noun."""
    return (
        ent.label_ == "CARDINAL"
        and len(ent) == 1
        and ent.start > 0
        and (ent.doc[ent.start - 1].pos_ == "PROPN" or _numbered_noun(ent.doc[ent.start - 1]))
        and not _glued(ent[0])
    )


def _glued(number: Token) -> bool:
    """ "5" of "5G": a number written together with the letters after it, a word of its own
    that the tokenizer split, not a version of the name before it."""
    doc = number.doc
    return not number.whitespace_ and number.i + 1 < len(doc) and doc[number.i + 1].is_alpha


def _numbered_noun(token: Token) -> bool:
    """ "Tarnix" of "40 Tarnix 9 jets": a capitalised word inside a sentence that the tagger
    took for a common noun, with a number after it that versions it, names a model."""
    doc = token.doc
    return (
        token.pos_ == "NOUN"
        and token.is_title
        and token.is_alpha
        and not token.is_sent_start
        and token.i + 1 < len(doc)
        and doc[token.i + 1].like_num
        and doc[token.i + 1].dep_ == "nummod"
        and doc[token.i + 1].head.i == token.i
        and doc[token.i - 1].text not in CLOSING
        and doc[token.i - 1].text not in ':"“‘'
    )


def _number_led(ent: Span) -> Span | None:
    """ "88 North" in "backed by Brisk Ventures, 88 North and Norvale": a number that opens a
    proper noun no entity covers, where that noun heads its phrase, is part of the name."""
    doc = ent.doc
    if ent.label_ != "CARDINAL" or len(ent) != 1 or ent.end >= len(doc):
        return None
    token, head = ent[0], ent[0].head
    words = doc[ent.end : head.i + 1]
    if (
        token.dep_ != "nummod"
        or not token.text.isdigit()  # "nine Norvale branches" counts them
        or head.i < ent.end
        or head.dep_ in ("compound", "poss")
        or not all(t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in NOT_NAMES for t in words)
    ):
        return None
    return doc[ent.start : head.i + 1]


def _nationality_led(ent: Span, known: frozenset[str]) -> Span | None:
    """ "Danish Re invested": a nationality before a proper noun that heads its phrase, is in no
    entity and is not named alone elsewhere in the article, opens that name ("German Norvale"
    stays "Norvale" where the article names "Norvale")."""
    doc = ent.doc
    if ent.label_ != "NORP" or len(ent) != 1 or ent.end >= len(doc):
        return None
    head = doc[ent.end]
    if (
        ent[0].head != head
        or ent[0].dep_ not in ("amod", "compound")
        or head.pos_ != "PROPN"
        or not head.is_title
        or head.ent_type_
        or head.text in known
        or head.dep_ in ("compound", "amod", "poss")
    ):
        return None
    return doc[ent.start : ent.end + 1]


def _mislabelled_name(ent: Span) -> bool:
    """ "Cirran 3" labelled DATE, "Paylisto" labelled NORP: a proper noun heading its phrase is a
    name, unless the 'date' holds a month or a weekday."""
    if ent.root.pos_ != "PROPN" or ent.root.dep_ in ("amod", "compound", "npadvmod"):
        return False
    if ent.label_ == "NORP":
        return True
    calendar_words = _calendar_words()
    return ent.label_ == "DATE" and not any(t.lower_.rstrip(".") in calendar_words for t in ent)


@functools.cache
def _calendar_words() -> frozenset[str]:
    """The months' and weekdays' names and abbreviations, in lower case (made once: the
    calendar module formats each with strftime whenever it is asked)."""
    names = (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    return frozenset(w.lower() for w in names if w)


SEPARATORS = frozenset({",", "(", ")"})  # words that end a name and begin the next


def _split_names(
    span: Span,
    tokens: Sequence[Token],
    titles: frozenset[str],
    grammar: Grammar,
    possessive: bool = True,
) -> list[Span]:
    """ "Jane Roe's Halvane Capital", "Duskfield CEO Claire Okonjo" and "Quellnet into
    Hallstein Motion" -> two names each. `tokens`: the document's."""
    parts, start = [], span.start
    for token in tokens[span.start : span.end]:
        lower = token.lower_
        inner_adposition = token.pos_ == "ADP" and lower not in grammar.name_adpositions
        # "Veyra's Cirran" splits, "the Governors' Association" and "St. Anne's Clinic" do not
        owner = possessive and lower in grammar.possessive_markers
        owner = owner and tokens[start].lower_.rstrip(".") not in grammar.eponym_words
        if owner or lower in SEPARATORS or lower in titles or inner_adposition:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [p for p in parts if len(p)]


def _after_rank(run: Span, honorifics: frozenset[str]) -> list[Span]:
    """ "Police Major Jane Roe", "Army Colonel Tom Hale": an honorific inside a run of proper
    nouns, after the force or service it belongs to, ends what leads up to it; the name is the
    two words or more after it, or the person the tagger found right after the run."""
    doc = run.doc
    for token in reversed(run[1:]):
        if token.lower_.rstrip(".") not in honorifics:
            continue
        if run.end - token.i > 2:
            return [doc[run.start : token.i], doc[token.i + 1 : run.end]]
        after = doc[run.end] if run.end < len(doc) else None
        if token.i == run.end - 1 and after is not None and after.ent_iob_ == "B":
            return [doc[run.start : token.i]] if after.ent_type_ == "PERSON" else [run]
        return [run]
    return [run]


def _contracted(tokens: Sequence[Token], grammar: Grammar, lowered: str) -> Iterator[Span]:
    """ "Let's Fly" mid-sentence, its "'s" read as "us" and not as a possessive: one name of
    three words. `tokens`: the document's; `lowered`: its text in lower case."""
    if not any(marker in lowered for marker in grammar.possessive_markers):
        return
    for token in tokens[1:-1]:
        if token.lower_ not in grammar.possessive_markers:
            continue
        first, last = tokens[token.i - 1], tokens[token.i + 1]
        if (
            token.pos_ in ("PRON", "DET", "PROPN")
            and not first.whitespace_
            and first.is_title
            and first.is_alpha
            and first.pos_ not in ("PRON", "DET", "AUX")
            and last.is_title
            and last.is_alpha
        ):
            yield token.doc[first.i : last.i + 1]


def _proper_runs(
    doc: Doc,
    tokens: Sequence[Token],
    taken: set[int],
    known: frozenset[str],
    common: frozenset[str],
) -> Iterator[Span]:
    """Runs of proper nouns no entity covers, joined across hyphens ("Tarnix-7"), with the
    numbers that version them ("Tarnix 16") and capitalised words that modify them
    ("Brightmoor AI"). `tokens`: the document's."""
    start: int | None = None
    for token in tokens:
        inside = (  # the cheap tests first: most words are none of these
            token.i not in taken
            and (
                token.pos_ == "PROPN"
                or (  # "KESTREL SHIFT Vela": a word in capitals inside a run, whatever its tag
                    start is not None
                    and token.is_upper
                    and token.is_alpha
                    and len(token) > 1
                    and token.i + 1 < len(doc)
                    and (tokens[token.i + 1].pos_ == "PROPN" or tokens[token.i + 1].is_upper)
                )
                or _model_number(token.text)
                or _numbered_noun(token)
                or _camel_case(token.text)
                or token.text in known
                or (  # versioned
                    start is not None
                    and (
                        (
                            token.like_num
                            and token.dep_ in ("nummod", "compound")
                            and not _glued(token)
                        )
                        or (token.is_title and token.is_alpha and tokens[token.i - 1].like_num)
                    )
                )
                or (  # a modifier, not a plural noun ("Scientists Jane Roe and Tom Hale")
                    token.is_title
                    and token.is_alpha
                    and not token.is_stop
                    and token.tag_ != "NNS"
                    and token.lower_ not in common
                    and token.dep_ in ("compound", "amod")
                    and token.head.pos_ == "PROPN"
                    and 0 < token.head.i - token.i <= 2
                )
            )
            and token.text[0].isalnum()
            and all(c.isalnum() or c in ".-&'" for c in token.text)
        )
        glue = (
            start is not None
            and token.i + 1 < len(doc)
            and token.text in "-–/&"
            and not tokens[token.i - 1].whitespace_
            and (
                tokens[token.i + 1].pos_ in ("PROPN", "NUM")
                or _model_number(tokens[token.i + 1].text)
            )
        )
        if start is not None and token.is_sent_start:  # a run ends with its sentence
            yield doc[start : token.i]
            start = None
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
    if len(span) != 1:
        return False
    doc, letters = span.doc, span.text.lower()
    if not span.text.isupper() or span.start < len(letters) + 1:
        return False
    if doc[span.start - 1].text != "(":
        return False
    words = doc[span.start - 1 - len(letters) : span.start - 1]
    return "".join(w.text[0].lower() for w in words) == letters


def _expansion(span: Span, brackets: list[int]) -> bool:
    """ "Quantum Exchange" of "QXP (Quantum Exchange Protocol)": the words an acronym stands
    for, in brackets after it, are no second name. `brackets`: where the document's brackets
    stand."""
    doc = span.doc
    before = bisect.bisect_left(brackets, span.start)
    opening = doc[brackets[before - 1]] if before else None
    if opening is None or opening.text != "(" or opening.i == 0:
        return False
    start = opening.i - 1  # back over "QXL/BRT"-like runs written without spaces
    while start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text != "(":
        start -= 1
    acronyms = [t.text for t in doc[start : opening.i] if t.is_upper and t.is_alpha and len(t) >= 2]
    initials = "".join(t.text[0] for t in doc[opening.i + 1 : span.end] if t.text[:1].isupper())
    return bool(initials) and any(
        a.startswith(initials) or initials.startswith(a) for a in acronyms
    )


def _model_number(text: str) -> bool:
    """ "Tarnix-7", "X2": capitalised words with digits name things even when tagged ADJ;
    "KX200s", "TQ-184s": models in the plural too."""
    if len(text) > 2 and text.endswith("s") and text[-2].isdigit():
        text = text[:-1]
    return (
        any(c.isdigit() for c in text)
        and text.isascii()
        and (text[:1].isupper() or _model_word(text))
    )


def _counted_model(ent: Span) -> bool:
    """ "KX200" of "its KX200 chip", "R350" of "20 R350 jets": a model the tagger took for a
    number, or for a date where a count stands before it."""
    counted = len(ent) > 1 and ent[0].like_num
    return (ent.label_ == "CARDINAL" or (ent.label_ == "DATE" and counted)) and _model_word(
        ent[-1].text
    )


def _camel_case(text: str) -> bool:
    """ "iTarnix", "eKestrel", "xOS": a lower-case letter before a capitalised word, or before
    capitals alone, names a product; not a unit ("kWh", "mAh"), whose capital stands alone."""
    return (
        len(text) >= 3
        and text.isascii()
        and text.isalpha()
        and text[0].islower()
        and text[1].isupper()
        and (text[1:].isupper() or (len(text) >= 4 and text[2:].islower()))
    )


def _model_word(text: str) -> bool:
    """ "KX200", "TQ184", "4QX": one word of digits and capitals, which names a model even where
    the tagger counts with it. Not an amount or a quarter ("4K", "10M", "2Q24", "Q3"): those
    have one capital, a model two, or one before two digits or more."""
    if not text.isascii() or not all(c.isalnum() or c == "-" for c in text):
        return False
    capitals = sum(c.isupper() for c in text)
    digits = sum(c.isdigit() for c in text)
    if not digits or any(c.islower() for c in text):
        return False
    return capitals >= 2 or (capitals == 1 and text[0].isupper() and digits >= 2)


def _defined_terms(doc: Doc, tokens: Sequence[Token], ontology: Ontology) -> Iterator[Span]:
    """ "machine learning (ML)": lower-case words whose initials spell the acronym.
    `tokens`: the document's."""
    for token in tokens:
        if not (token.is_upper and 2 <= len(token) <= 6 and token.i >= 2):
            continue
        if (
            tokens[token.i - 1].text != "("
            or token.i + 1 >= len(doc)
            or tokens[token.i + 1].text != ")"
        ):
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


def _known_terms(doc: Doc, tokens: Sequence[Token], ontology: Ontology) -> Iterator[Span]:
    """The ontology's terms ("machine learning", "AI"), longest first, as names. `tokens`: the
    document's."""
    taken: set[int] = set()
    firsts = [t.i for t in tokens if t.lower_ in ontology.term_starts]
    for size in (4, 3, 2, 1):
        for start in firsts:
            if start + size > len(doc):
                continue
            span = doc[start : start + size]
            if taken & set(range(span.start, span.end)):
                continue
            lemma = " ".join(t.lemma_ if t.i == span.end - 1 else t.text for t in span)
            modifier = span.root.dep_ in ("compound", "amod")  # "AI chips", "cloud unit"
            if not modifier and (
                ontology.class_of_term(span.text) or ontology.class_of_term(lemma)
            ):
                taken.update(range(span.start, span.end))
                yield span


def _trim(
    span: Span, tokens: Sequence[Token], honorifics: frozenset[str], former: frozenset[str]
) -> Span | None:
    """Without leading articles and punctuation, a leading word of a past state ("Ex-" of
    "Ex-Norvale", "Retired" of "Retired Norvale engineer": the title's status, read with it),
    trailing possessives, and, on a person's name, leading honorifics ("Sen.", "Capt.",
    "President"). `tokens`: the document's."""
    start, end = span.start, span.end
    if end - start == 1 and tokens[start].lower_.rstrip(".") in honorifics and end < len(tokens):
        full = end + 1 < len(tokens) and tokens[end + 1].ent_iob_ == "I"  # not "Mrs. Marsh"
        if tokens[end].ent_iob_ == "B" and tokens[end].ent_type_ == "PERSON" and full:
            return None  # "Rep." alone before "Tom Hale": no name to join to his
    person = span.root.ent_type_ == "PERSON" or (
        end - start > 1 and tokens[start + 1].ent_type_ == "PERSON"
    )
    while start < end and (
        tokens[start].pos_ in ("DET", "ADP")
        or _punctuation(tokens[start])
        or tokens[start].is_space
        or _hyphened_modifier(tokens[start].text)  # "Calif.-based" of "Calif.-based Norvale"
        or (end - start > 1 and _past_state(tokens[start], former))
        or (start > span.start and tokens[start].text == "-")  # the hyphen of "Ex-Norvale"
        or (person and end - start > 1 and tokens[start].lower_.rstrip(".") in honorifics)
    ):
        start += 1
    proper = any(t.text[:1].isupper() for t in tokens[span.start : span.end])
    while end > start and (
        tokens[end - 1].pos_ in ("CCONJ", "ADP")
        or _punctuation(tokens[end - 1])
        or tokens[end - 1].tag_ == "POS"
        or tokens[end - 1].is_space
        # "Norvale Systems days after ...": a common noun the tagger ran into the name
        or (
            proper
            and tokens[end - 1].pos_ == "NOUN"
            and tokens[end - 1].is_lower
            and tokens[end - 1].is_alpha
        )
    ):
        end -= 1
    return span.doc[start:end] if end > start else None


def _past_state(token: Token, former: frozenset[str]) -> bool:
    """ "Ex" of "Ex-Norvale", "Retired" of "Retired Norvale": a word of a past state hyphened
    to a name or modifying a word after it, not a name's own first word."""
    if token.lower_ not in former:
        return False
    hyphened = token.i + 1 < len(token.doc) and token.nbor().text == "-" and not token.whitespace_
    return hyphened or token.pos_ in ("ADJ", "VERB", "ADV")


def _punctuation(token: Token) -> bool:
    """A mark, not a word the tagger took for one ("KX200s" of "its fleet of KX200s")."""
    return token.pos_ == "PUNCT" and not token.text[:1].isalnum()


def _shared_direction(span: Span, grammar: Grammar) -> bool:
    """ "Northern" of "Northern and Eastern Harwick": a direction word alone before a
    conjunction and another direction word shares the place named after them."""
    doc, words = span.doc, grammar.direction_words
    return (
        len(span) == 1
        and span.end + 1 < len(doc)
        and span[0].lower_ in words
        and doc[span.end].lower_ in grammar.conjunctions
        and doc[span.end + 1].lower_ in words
    )


def _hyphened_modifier(text: str) -> bool:
    """ "Calif.-based", "Tenn.-owned": an abbreviation hyphened to a lower-case word, one
    token, is a modifier, not a name's first word."""
    head, _, tail = text.rpartition("-")
    return head.endswith(".") and tail.isalpha() and tail.islower() and head[:1].isupper()


def _looks_like_name(span: Span, words: Sequence[Token], ontology: Ontology) -> bool:
    """`words`: the span's tokens."""
    text = span.text
    common = ontology.common_words
    return (
        text.lower().rstrip(".") not in ontology.corporate_suffixes
        and not (len(span) == 1 and text.lower() in common)
        and not ROMAN.fullmatch(text)
        and any(c.isalpha() for c in text)
        and "\n" not in text
        and text.count('"') % 2 == 0  # no stray quote: 'Big" Industries'
        and text.count("“") == text.count("”")
        and len(text) <= 80
        and not all(t.is_stop for t in words)
        and not (len(words) == 1 and words[0].pos_ == "PRON")
        and not all(t.lower_ in ontology.grammar.department_words for t in words)
        and not all(t.lower_ in ontology.grammar.event_words for t in words)
        and not _funding_round(span, ontology.grammar.round_words)
    )


def _funding_round(span: Span, round_words: frozenset[str]) -> bool:
    """ "Series B" of "raised $5 million in a Series B round": a round, not a name."""
    return (
        len(span) == 2
        and span[0].lower_ in round_words
        and len(span[1].text) <= 2
        and span[1].text[:1].isupper()
    )
