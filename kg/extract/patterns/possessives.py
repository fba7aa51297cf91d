"""Who made a product, from possessives and appositions: "Veyra's Cirran", "Tarnix, Norvale's
chip family", "its own processors (Kestrel)", "its Tarnix console", "Cirran maker Veyra"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.model import WHOLE_NAMES, Candidate, Mention, View
from kg.extract.refer import (
    is_person_name,
    may_own,
    mention_of,
    names_product,
    not_place,
    prep_phrase,
    refer,
    refer_one,
)
from kg.ontology import cues_of


def possessive_candidates(view: View) -> Iterator[Candidate]:
    predicate = view.ontology.patterns["possessive"].yields
    roots = {t.i for t, _ in view.name_roots}
    for word in view.words:
        token, name = word.token, word.name
        if (
            name is not None
            and token.i in roots
            and token.dep_ != "compound"
            and (not _own_entity(name, "ORG") or _numbered(name))
            and (token.ent_type_ not in WHOLE_NAMES or _product_before(view, token) is not None)
            and not (token.ent_type_ == "PERSON" and len(name) > 1)
        ):
            noun = _product_before(view, token)  # "its experimental drug KP-12"
            described = noun is not None or _product_word_last(view, name)  # "its Tarn Wallet"
            held = [*token.children, *(noun.children if noun is not None else ())]
            owners = tuple(
                m
                for c in held
                if c.dep_ == "poss" and (c.i in view.names or described) and not_place(view, c)
                for m in refer(view, c, coordinate=False)
                if m.ner != "PERSON"
            )
            hint = "Product" if described else None
            yield Candidate(predicate, owners, (mention_of(view, name, hint),), "possessive")
        if name is None and view.ontology.class_of_head_noun(word.lemma) == "Product":
            yield from _product_noun(view, token, predicate)
        if name is None and word.lemma in view.ontology.noun_cues:  # else no maker noun
            yield from _maker_between(view, token, predicate)


def _maker_between(view: View, noun: Token, predicate: str) -> Iterator[Candidate]:
    """ "Cirran maker Veyra": a maker noun (a cue "maker of _" of the property) between the
    product's name right before it and the maker's name right after it."""
    cue = next(
        (
            c.text
            for prop, c in cues_of(view.ontology.noun_cues, noun.lemma_.lower())
            if prop == predicate
            and c.prep in view.ontology.grammar.genitive_prepositions  # "maker of _"
            and len(c.words) == 1
        ),
        "",
    )
    if not cue or noun.i == 0:
        return
    product, maker = view.names.get(noun.i - 1), view.names.get(noun.i + 1)
    if product is None or maker is None or maker.start != noun.i + 1:
        return
    if (
        product.end != noun.i
        or not not_place(view, product.root)
        or not not_place(view, maker.root)
    ):
        return
    if product.root.ent_type_ in ("PERSON", "NORP") or maker.root.ent_type_ == "NORP":
        return  # a maker labelled a person is left to the classes ("creator Jane Roe")
    yield Candidate(
        predicate,
        (mention_of(view, maker),),
        (mention_of(view, product, "Product"),),
        "apposition",
        noun,
        cue,
    )


def _product_before(view: View, token: Token) -> Token | None:
    """ "drug" of "its experimental drug KP-12", "chip" of "the company's chip Tarnix": a
    product noun right before the name, modifying it, says what it names; an owner of a name
    described so made it."""
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "compound"
            and c.i == view.names[token.i].start - 1
            and c.i not in view.names
            and view.ontology.class_of_head_noun(c.lemma_.lower()) == "Product"
        ),
        None,
    )


def _product_word_last(view: View, name: Span) -> bool:
    """ "Tarn Wallet", "Kestrel Phone": a name of two words or more that ends in a word for a
    kind of product names a product."""
    last = name[-1].lower_
    return len(name) > 1 and view.ontology.class_of_head_noun(last) == "Product"


def _numbered(name: Span) -> bool:
    """ "Kestrel 360", "Tarnix 5": a model number ends a product's name (an organisation's
    name, tagged the same, rarely ends in one)."""
    return len(name) > 1 and name[-1].like_num and name[-1].dep_ == "nummod"


def _own_entity(name: Span, label: str) -> bool:
    """Is the name an entity of this label in its own right (not split from a longer one)?"""
    return name[0].ent_iob_ == "B" and name[0].ent_type_ == label


def _product_noun(view: View, noun: Token, predicate: str) -> Iterator[Candidate]:
    """ "Quillcore, Quillfin's inference engine", "its own software (Wayline OS)", "the
    Wayline phone from Quillfin"."""
    owners = [c for c in noun.children if c.dep_ == "poss"] or _sources(view, noun)
    if not owners:
        return
    own_words = view.ontology.grammar.own_words
    cue = next((c.lower_ for c in noun.children if c.lower_ in own_words), "")  # "its own"
    own = bool(cue)
    makers = tuple(
        m for c in owners if not_place(view, c) for m in refer(view, c, coordinate=False)
    )
    named_owners = own or all(c.i in view.names for c in owners)
    apposed = noun.dep_ == "appos" or (noun.dep_ == "conj" and own)
    if apposed and noun.head.i in view.names and named_owners:
        product = mention_of(view, view.names[noun.head.i], "Product")
        yield Candidate(predicate, makers, (product,), "apposition", cue=cue)
    copula = noun.head
    if noun.dep_ == "attr" and copula.lemma_ in view.ontology.grammar.copulas and named_owners:
        subjects = [  # "Wayline is Quillfin's newest phone"
            view.names[c.i] for c in copula.children if c.dep_ == "nsubj" and c.i in view.names
        ]
        products = tuple(mention_of(view, n, "Product") for n in subjects)
        if products:
            yield Candidate(predicate, makers, products, "apposition", cue=cue)
    named = [
        c
        for c in noun.children
        if c.dep_ == "appos"
        or c.dep_ == "compound"
        and c.i > noun.i
        or c.i in view.names
        and c.i < noun.i
        and c.dep_ != "poss"
        and names_product(view, noun, c)
    ]
    named += [  # "its Tarnix and Kestrel consoles": names sharing the product noun
        j for c in named if c.i < noun.i for j in c.conjuncts if j.i < noun.i and j.i in view.names
    ]
    products = tuple(m for c in named for m in refer_one(view, c, apposed=True))
    if not products and named_owners and noun.tag_ == "NNS":  # "its models, including X and Y"
        products = tuple(replace(m, hint="Product") for m in _examples(view, noun))
    grammar = view.ontology.grammar
    pronouns = grammar.singular_pronouns | grammar.relative_pronouns  # "its", "whose"
    named_before = any(c.dep_ in ("compound", "appos") for c in named)
    # "its Tarnix console", "the company's Tarnix console", "its new model, Tarnix"
    if named_before and all(c.lower_ in pronouns or may_own(view, c) for c in owners):
        named_owners = True
    if products and named_owners:
        yield Candidate(predicate, makers, products, "apposition", cue=cue)


def _examples(view: View, noun: Token) -> list[Mention]:
    """The named examples of a plural product noun: "models such as X and Y"; not names of
    organisations, which the phrase may follow ("firms that use its chips, including X")."""
    return [
        m
        for p in noun.children
        if p.dep_ == "prep" and prep_phrase(p) in view.ontology.example_markers
        for o in p.children
        if o.dep_ == "pobj" and o.i in view.names
        if not_place(view, o)
        for m in refer(view, o)
        if not is_person_name(m, view.ontology) and not view.ontology.is_org_name(m.text)
    ]


def _sources(view: View, noun: Token) -> list[Token]:
    """ "the Wayline phone from Quillfin", "Wayline, a phone from Quillfin": the organisation a
    product noun comes from, named right after a `kg:sourcePreposition`."""
    return [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in view.ontology.grammar.source_prepositions
        for o in p.children
        if o.dep_ == "pobj" and o.i in view.names and _organisation(view, view.names[o.i])
    ]


def _organisation(view: View, name: Span) -> bool:
    return name.root.ent_type_ == "ORG" or view.ontology.is_org_name(name.text)
