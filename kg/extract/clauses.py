"""Clause structure: subjects, objects, agents and prepositions of a verb or noun."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.model import CLIMB, PLACES, SUBJECTS, Mention, View
from kg.extract.refer import is_person_name, mention_of, not_place, prep_phrase, refer
from kg.ontology import cues_of


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return True
    return verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN"


def subjects_of(view: View, verb: Token, depth: int = 0) -> list[Mention]:
    """The grammatical subject of a verb, inherited through control, coordination, relatives."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in view.ontology.grammar.relative_pronouns and verb.dep_ == "relcl":
                return _relative_antecedent(view, verb.head) or _clause_examples(view, verb)
            return refer(view, child)
    for aux in verb.children:  # "The company was co-founded": a subject left on the auxiliary
        if aux.dep_ in ("aux", "auxpass"):
            found = [m for c in aux.children if c.dep_ in SUBJECTS for m in refer(view, c)]
            if found:
                return found
    if verb.dep_ in ("acl", "amod") and verb.tag_ in ("VBN", "VBG"):
        if _predicate_noun(view, verb.head) and depth < 4:
            return subjects_of(view, verb.head.head, depth + 1)  # "X is a firm founded by Y"
        return _member_of(view, verb.head) or refer(view, described_name(view, verb.head))
    if _copular_passive(view, verb) and depth < 4:
        return subjects_of(view, verb.head, depth + 1)  # "X is majority-owned by Y"
    if verb.dep_ in CLIMB and depth < 4 and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VB" and head.pos_ == "NOUN":
            owners = [m for c in head.children if c.dep_ == "poss" for m in refer(view, c)]
            if owners:  # "Norvale's plan to buy X": the owner of the plan buys
                return owners
        while head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        if head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr") and verb.dep_ in ("acl", "relcl"):
            head = head.head  # "signed a deal to acquire X": the signer acquires
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and verb.dep_ == "xcomp":
            head = head.head  # "X is proud to partner with Y": who is proud partners
        if head.pos_ in ("VERB", "AUX"):
            return subjects_of(view, head, depth + 1)
    return []


def described_name(view: View, noun: Token) -> Token:
    """The name a noun before it describes, or the noun: "the P-based payments start-up X"
    (the participle on "payments") is X."""
    head = noun
    while (
        head.i not in view.names
        and head.dep_ in ("compound", "amod", "nmod")
        and head.head.i > head.i
        and head.pos_ == "NOUN"
    ):
        head = head.head
    return head if head.i in view.names else noun


def _predicate_noun(view: View, noun: Token) -> bool:
    """The noun a copula says its subject is: "company" of "X is a P-based company"."""
    return noun.dep_ == "attr" and noun.head.lemma_ in view.ontology.grammar.copulas


def _copular_passive(view: View, verb: Token) -> bool:
    """A participle with an agent that the parser made the complement of a copula: "X is
    majority-owned by Y" (not "we are thrilled to", no agent)."""
    return (
        verb.dep_ == "acomp"
        and verb.tag_ == "VBN"
        and verb.head.lemma_ in view.ontology.grammar.copulas
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _relative_antecedent(view: View, head: Token) -> list[Mention]:
    """What "which" stands for: the noun its clause hangs on, but not a place that only says
    where a name is ("Brisk Inc. of Corrin, Esk County, which owns X": Brisk)."""
    token = head
    while token.i in view.names and token.ent_type_ in PLACES and token.dep_ in ("appos", "pobj"):
        token = token.head
        if token.pos_ == "ADP":
            token = token.head
    member = _member_of(view, head) or _set_off(view, head)
    if member:
        return member
    # "Brisk Bancorp. Inc.": a suffix the name was split from stands for it
    split = (c for c in token.children if c.dep_ == "compound")
    named = [t for t in (token, *split) if t.i in view.names]
    if token.i == head.i or not named or named[0].ent_type_ in PLACES:
        return refer(view, head)
    return [m for m in refer(view, named[0], coordinate=False) if m.ner not in PLACES]


def _clause_examples(view: View, verb: Token) -> list[Mention]:
    """ "carmakers that will use X's platform, including A and B": organisations given as
    examples inside a clause on a plural noun for organisations, where the parser hung them
    on the clause's object, are members of the noun's group."""
    noun = verb.head
    ontology = view.ontology
    if noun.tag_ != "NNS" or ontology.class_of_head_noun(noun.lemma_.lower()) != "Organization":
        return []
    return [
        m
        for p in verb.subtree
        if p.dep_ == "prep" and prep_phrase(p) in ontology.example_markers
        for o in p.children
        if o.dep_ == "pobj" and o.i in view.names
        for m in refer(view, o)
        if m.ner == "ORG" or m.hint == "Organization" or ontology.is_org_name(m.text)
    ]


def _set_off(view: View, noun: Token) -> list[Mention]:
    """ "a round in Brisk Farms, a startup that operates farms in P": an organisation noun set
    off by a comma right after a name is in apposition to it, where the parser hung it
    elsewhere."""
    if noun.dep_ == "appos" or noun.i in view.names or noun.pos_ != "NOUN":
        return []
    if view.ontology.class_of_head_noun(noun.lemma_.lower()) != "Organization":
        return []
    start = noun.left_edge.i
    name = view.names.get(start - 2) if start >= 2 else None
    if name is None or noun.doc[start - 1].text != "," or name.end != start - 1:
        return []
    if name.root.ent_type_ in PLACES:
        return []
    return refer(view, name.root, coordinate=False)


def _member_of(view: View, noun: Token) -> list[Mention]:
    """ "X is among the firms that use Y", "X is one of the firms that use Y": an unnamed
    group a copula's subject is said to belong to stands, in its relative clause, for that
    subject."""
    if noun.i in view.names or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return []
    grammar, prep = view.ontology.grammar, noun.head
    governor = prep.head
    if prep.lower_ in grammar.member_prepositions:
        pass
    elif (governor.lower_, prep.lower_) in grammar.partitives and governor.dep_ in ("attr",):
        governor = governor.head
    else:
        return []
    if governor.lemma_.lower() not in grammar.copulas:
        return []
    return [m for c in governor.children if c.dep_ == "nsubj" for m in refer(view, c)]


def agents(view: View, verb: Token) -> list[Mention]:
    """Who does a passive verb: "backed by X and by Y", "owned and operated by X"."""
    for child in verb.children:
        if child.dep_ == "agent":
            preps = [child, *child.conjuncts]
            return [
                m
                for p in preps
                for o in p.children
                if o.dep_ == "pobj"
                for m in refer(view, o) or _named_next(view, o)
            ]
    sharer = sharing(verb)
    return agents(view, sharer) if sharer is not None else []


# what a verb coordinated with the next may have and still take that one's object or agent
_BARE_VERB = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "cc", "conj", "punct", "advmod"})


def sharing(verb: Token) -> Token | None:
    """The verb a bare verb coordinated with it shares its object or agent with: "sold" of
    "developed and sold X", "operated" of "owned and operated by X". Not a verb with any
    argument of its own ("rose 5% and bought X"), nor one with a subject of its own."""
    if any(c.dep_ not in _BARE_VERB for c in verb.children):
        return None
    later = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if len(later) != 1 or any(c.dep_ in SUBJECTS for c in later[0].children):
        return None
    return later[0]


def _named_next(view: View, noun: Token) -> list[Mention]:
    """ "chosen by truck maker Verhaag", the name parsed apart from the noun that describes
    it: the name right after a noun for an organisation."""
    name = view.names.get(noun.i + 1)
    if name is None or name.start != noun.i + 1 or noun.i in view.names:
        return []
    if view.ontology.class_of_head_noun(noun.lemma_.lower()) != "Organization":
        return []
    return refer(view, name.root, coordinate=False) if not_place(view, name.root) else []


def prep_objects(view: View, head: Token, prep: str) -> list[Token]:
    """Objects of `head`'s preposition `prep`, looking one step into a participle too, and
    into an adverb on the head or coordinated with the preposition that takes the same
    preposition ("stores in P and others elsewhere in Q", "in P and elsewhere in Q")."""
    found = where(view, head, prep)
    for child in head.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
            preps = [child, *(c for c in child.conjuncts if c.lower_ == prep)]  # "to X and to Y"
            preps += [p for c in child.conjuncts if c.pos_ == "ADV" for p in _adverb_preps(c, prep)]
            found += [
                _place_of(view, _antecedent(view, head, c))
                for p in preps
                for c in p.children
                if c.dep_ in ("pobj", "pcomp")
            ]
        elif child.dep_ == "advmod" and child.pos_ == "ADV":
            found += [c for p in _adverb_preps(child, prep) for c in p.children if c.dep_ == "pobj"]
        elif (
            child.dep_ in ("acl", "relcl")
            and child.pos_ == "VERB"
            and not _reads(view, child, prep)
        ):
            found += prep_objects(view, child, prep)
        elif (
            child.dep_ == "dobj"
            and child.i not in view.names
            and head.pos_ == "VERB"
            and not _deal_word(view, child)
        ):
            found += prep_objects(view, child, prep)  # "invested $13 billion in Quillfin"
        elif (
            child.dep_ == "prep"
            and head.pos_ == "NUM"
            and head.dep_ == "dobj"
            and child.lower_ in view.ontology.grammar.genitive_prepositions
        ):  # "build five of its largest ships for Brisk": the ships the number counts
            found += [
                o for c in child.children if c.dep_ == "pobj" for o in prep_objects(view, c, prep)
            ]
    return found


def named_parts(view: View, nouns: list[Token]) -> list[Token]:
    """The names on nouns for organisations: "Brisk" of "its Brisk unit"."""
    return [
        c
        for noun in nouns
        if noun.i not in view.names
        and view.ontology.class_of_head_noun(noun.lemma_.lower()) == "Organization"
        for c in noun.children
        if c.dep_ == "compound" and c.i in view.names
    ]


def where(view: View, verb: Token, prep: str) -> list[Token]:
    """The place a clause on it opens with "where" stands for, as the object of "in":
    "Ostravia, where X opened a plant"."""
    grammar = view.ontology.grammar
    locative = prep in grammar.place_prepositions and prep not in grammar.genitive_prepositions
    if not locative or verb.dep_ != "relcl":
        return []
    opened = any(c.dep_ == "advmod" and c.lower_ in grammar.place_relatives for c in verb.children)
    return [verb.head] if opened and verb.head.ent_type_ in PLACES else []


def _antecedent(view: View, verb: Token, word: Token) -> Token:
    """ "X, in which Y invested": a relative pronoun its clause's verb takes stands for the
    name the clause is on, or, where the parser hung the clause elsewhere, for the name
    right before the comma and the preposition."""
    if word.lower_ not in view.ontology.grammar.relative_pronouns:
        return word
    if verb.dep_ == "relcl" and verb.head.i in view.names:
        return verb.head if verb.head.ent_type_ not in PLACES else word
    doc = word.doc
    name = view.names.get(word.i - 3) if word.i >= 3 else None
    if name is None or name.end != word.i - 2 or doc[word.i - 2].text != ",":
        return word
    return name.root if name.root.ent_type_ not in PLACES else word


def _place_of(view: View, word: Token) -> Token:
    """ "in the state of X": the place a noun for a kind of place (a `kg:placeNoun`) is
    named by after a genitive preposition, or the word."""
    if word.pos_ != "NOUN" or word.lemma_.lower() not in view.ontology.grammar.place_nouns:
        return word
    named = [
        o
        for p in word.children
        if p.dep_ == "prep" and p.lower_ in view.ontology.grammar.genitive_prepositions
        for o in p.children
        if o.dep_ == "pobj" and o.i in view.names and o.ent_type_ in PLACES
    ]
    return named[0] if named else word


def _adverb_preps(adverb: Token, prep: str) -> list[Token]:
    return [c for c in adverb.children if c.dep_ == "prep" and c.lower_ == prep]


def _deal_word(view: View, noun: Token) -> bool:
    """Is the object a word for a deal's status ("offer", "bid", "talks": a `kg:statusWord`)?
    Its preposition is its own: "made an offer for Brisk" supplies nothing to Brisk."""
    lemma = noun.lemma_.lower()
    return any(lemma in words for words in view.ontology.status_words.values())


def _reads(view: View, verb: Token, prep: str) -> bool:
    """Is the verb a cue with this preposition ("a company based in P")? Then its object is
    the verb's, read by the verb patterns, not the noun's it describes."""
    cues = cues_of(view.ontology.verb_cues, verb.lemma_.lower(), verb.lower_)
    return any(cue.prep == prep for _, cue in cues)


def coordinated(view: View, head: Token) -> list[Mention]:
    """Objects added by 'alongside', 'as well as' ... attached to a word."""
    found: list[Mention] = []
    for child in head.children:
        if child.dep_ == "prep" and prep_phrase(child) in view.ontology.coordinators:
            found += [m for c in child.children if c.dep_ == "pobj" for m in refer(view, c)]
    return found


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _named_product(view: View, noun: Token) -> list[Mention]:
    """ "the maker of Kestrel phones": the product named right before a product noun."""
    before = view.names.get(noun.i - 1) if noun.i > 0 else None
    if before is None or before.end != noun.i or before.root.head.i != noun.i:
        return []
    if view.ontology.class_of_head_noun(noun.lemma_.lower()) != "Product":
        return []
    if before.root.ent_type_ in PLACES or before.root.ent_type_ in ("PERSON", "NORP"):
        return []
    if view.ontology.class_of_term(before.text):  # "AI chips" are not named "AI"
        return []
    return [mention_of(view, before, "Product")]


def refer_or_owner(view: View, token: Token) -> list[Mention]:
    """What a cue's object denotes; for a thing that names nobody, its named owner: "a stake
    in Norvale's hotel chain" is a stake in Norvale, "turbines for Brisk's wind farms" go to
    Brisk. Not for an organisation's part: "Norvale's chip unit" is not Norvale."""
    found = refer(view, token)
    if found or token.i in view.names or token.pos_ != "NOUN":
        return found
    if view.ontology.class_of_head_noun(token.lemma_.lower()) is not None:
        return _named_product(view, token)
    return [
        m
        for c in token.children
        if c.dep_ == "poss" and c.i in view.names
        for m in refer(view, c, coordinate=False)
    ]


def makers_of(view: View, noun: Token, predicate: str) -> list[Mention]:
    """ "uses Brisk's chips", "our modules", "Brisk chips", "chips made by Brisk": who makes an
    unnamed product that a verb of use takes (a property with a `kg:providerReading`), named
    before it or by a participle after it; a firm that makes what another uses supplies it.
    Not "its own chips", nor a pronoun that may stand for the user itself."""
    if view.ontology.properties[predicate].provider_reading is None:
        return []
    return product_makers(view, noun)


def product_makers(view: View, noun: Token) -> list[Mention]:
    """Who makes an unnamed product or technology: "Brisk's chips", "Brisk chips", "chips
    made by Brisk", "Brisk technology"."""
    ontology = view.ontology
    kind = ontology.class_of_head_noun(noun.lemma_.lower())
    if noun.i in view.names or kind not in ("Product", "Technology"):
        return []
    if any(c.lower_ in ontology.grammar.own_words for c in noun.children):
        return []
    named = [
        c
        for c in noun.children
        if c.dep_ in ("poss", "compound")
        and c.i < noun.i
        and (c.i in view.names or c.lower_ in ontology.grammar.first_person_pronouns)
        and not_place(view, c)
    ]
    made = [
        m
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ontology.verb_cues
        for m in agents(view, c)
    ]
    found = [  # an owner of chips is their maker, a firm; a name before them may be theirs
        replace(m, hint=m.hint or "Organization") if c.dep_ == "poss" else m
        for c in named
        for m in refer(view, c, coordinate=False)
    ]
    return [m for m in found + made if not is_person_name(m, ontology)]
