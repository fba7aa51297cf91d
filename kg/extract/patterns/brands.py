"""Brands and units an organisation owns, from how they are named: "X operates 40 Brisk
stores", "X runs stations under the Brisk brand", "its Brisk brand": a name before a noun for a
brand (a `kg:brandNoun`), or before a plural noun for outlets (a `kg:outletNoun`), is the
organisation's own where the noun is its (a possessive), or what it has or runs (a
`kg:possessionWord` or `kg:runVerb`), or, for a brand, what it trades under (a
`kg:brandPreposition`). And units: "the Norvale Energy Division", a name that ends in a noun
that names a unit before its owner (a `kg:nounCue` "_ division" of the property) and begins
with the name of another organisation the text names, is a unit of that organisation; "X,
Norvale's Danish operator", an organisation noun of a nationality that an organisation owns,
is that organisation's unit in the country."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import subjects_of
from kg.extract.model import Candidate, Mention, View
from kg.extract.refer import is_person_name, mention_of, not_place, refer
from kg.ontology import cues_of


def brand_candidates(view: View) -> Iterator[Candidate]:
    grammar = view.ontology.grammar
    predicate = view.ontology.patterns["brand"].yields
    for word in view.words:
        if word.pos != "NOUN" or word.name is not None:
            continue
        noun = word.token
        brand = word.lemma in grammar.brand_nouns
        if not brand and (word.lemma not in grammar.outlet_nouns or noun.tag_ != "NNS"):
            continue
        brands = _brands(view, noun, brand)
        if not brands:
            continue
        owners = [
            m
            for m in (_possessors(view, noun) if brand else []) or _runners(view, noun, brand)
            if not is_person_name(m, view.ontology) and m.text not in {b.text for b in brands}
        ]
        if owners:
            yield Candidate(predicate, brands, tuple(owners), "brand", noun, noun.lemma_.lower())
    yield from _named_units(view, predicate)
    yield from _national_units(view, predicate)


def _named_units(view: View, predicate: str) -> Iterator[Candidate]:
    """ "CEO of Norvale Energy Division" (Norvale named in the text): a unit of Norvale."""
    nouns = view.ontology.properties[predicate].nouns
    units = {c.words[0] for c in nouns if c.before and not c.inverse}
    for root, name in view.name_roots:
        last = name[-1]
        if len(name) < 2 or last.lower_ not in units or root.ent_type_ not in ("ORG", ""):
            continue
        owner = _named_owner(view, name)
        if owner is not None:
            unit = mention_of(view, name, "Organization")
            yield Candidate(predicate, (unit,), (owner,), "unit", last, last.lower_)


def _named_owner(view: View, name: Span) -> Mention | None:
    """The longest start of the name, leaving out at least its last two words ("Norvale" of
    "Norvale Energy Division"), that is another organisation's name the text has given, in
    this sentence or before."""
    focus = view.focus
    known = {focus.key(m) for m in focus.named}
    known |= {
        focus.key(mention_of(view, other))
        for other in view.names.values()
        if other.start != name.start and other.root.ent_type_ == "ORG"
    }
    for end in range(name.end - 2, name.start, -1):
        owner = mention_of(view, name.doc[name.start : end], "Organization")
        if focus.key(owner) in known:
            return owner
    return None


def _brands(view: View, noun: Token, brand: bool) -> tuple[Mention, ...]:
    """The names that modify the noun, through the other words before it ("Brisk home
    improvement centres"); not places ("its Harwick stores"), nor, before a brand, products
    ("its Kestrel brand" of phones)."""
    found = []
    for child in _modifiers(noun):
        name = view.names.get(child.i)
        if name is None or name.root.i != child.i or not not_place(view, child):
            continue
        product = child.ent_type_ == "PRODUCT" or view.hints.get(name.start) == "Product"
        if brand and product:
            continue
        found.append(mention_of(view, name, "Organization"))
    return tuple(found)


def _modifiers(noun: Token) -> list[Token]:
    """The words before the noun that modify it, or modify such a word."""
    found = []
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < noun.i:
            found += [child, *_modifiers(child)]
    return found


def _possessors(view: View, noun: Token) -> list[Mention]:
    """ "its Brisk brand", "Norvale's Brisk brand"; not a place's ("Ostravia's Brisk brand")."""
    return [
        m
        for c in noun.children
        if c.dep_ == "poss" and not_place(view, c)
        for m in refer(view, c, coordinate=False)
    ]


def _runners(view: View, noun: Token, brand: bool) -> list[Mention]:
    """Who has or runs what the noun names ("operates Brisk stores and Quill centres"), or
    trades under a brand it names ("runs stations under the Brisk brand")."""
    grammar = view.ontology.grammar
    verbs = grammar.possession_words | grammar.run_verbs
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and brand and head.lower_ in grammar.brand_prepositions:
        head = head.head
    elif noun.dep_ != "dobj":
        return []
    if head.pos_ != "VERB" or head.lemma_.lower() not in verbs:
        return []
    return subjects_of(view, head)


def _national_units(view: View, predicate: str) -> Iterator[Candidate]:
    """ "X, Norvale's Danish operator", "X is its Danish business": an organisation noun of a
    nationality, owned by an organisation, that describes a name; not a noun that relates two
    organisations otherwise ("Norvale's Danish rival X")."""
    ontology = view.ontology
    for word in view.words:
        if word.pos != "NOUN" or ontology.class_of_head_noun(word.lemma) != "Organization":
            continue
        noun = word.token
        if _relation(view, word.lemma, predicate):
            continue
        if not any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in noun.children):
            continue
        described = _described(view, noun)
        if described is None:
            continue
        owners = [
            m
            for m in _possessors(view, noun)
            if not is_person_name(m, ontology) and m.text != described.text
        ]
        if owners:
            yield Candidate(predicate, (described,), tuple(owners), "unit", noun, word.lemma)


def _relation(view: View, lemma: str, predicate: str) -> bool:
    """Is the noun alone a cue of another property between organisations ("rival")?"""
    return any(
        p != predicate
        and c.words == (lemma,)
        and "Organization" in view.ontology.properties[p].range
        for p, c in cues_of(view.ontology.noun_cues, lemma)
    )


def _described(view: View, noun: Token) -> Mention | None:
    """The name the noun describes: "X, Norvale's operator", "X is Norvale's operator"."""
    names = view.names
    if noun.dep_ == "appos" and noun.head.i in names:
        return mention_of(view, names[noun.head.i])
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ in view.ontology.grammar.copulas:
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i in names]
        if subjects:
            return mention_of(view, names[subjects[0].i])
    return None
