"""Verbs: "Norvale launched X", "X was unveiled by Norvale", "A and B teamed up"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.clauses import (
    agents,
    coordinated,
    described_name,
    is_passive,
    makers_of,
    named_parts,
    negated,
    prep_objects,
    product_makers,
    refer_or_owner,
    sharing,
    subjects_of,
)
from kg.extract.model import PLACES, SUBJECTS, Candidate, Mention, View
from kg.extract.refer import (
    is_person_name,
    mention_of,
    not_place,
    prep_phrase,
    refer,
    represented,
    unique_mentions,
)
from kg.ontology import Cue, cues_of
from kg.qualifiers import FORMER


def verb_candidates(view: View) -> Iterator[Candidate]:
    """Every verb that matches a property's `kg:verbCue` or `kg:inverseVerbCue`."""
    index = view.ontology.verb_cues
    for word in view.words:
        verb = word.token
        if word.pos in ("VERB", "AUX"):
            forms: tuple[str, ...] = (word.lemma, word.lower)
            if not any(form in index for form in forms):  # "installed", lemma "instal"
                forms = _past_forms(verb.tag_, word.lower)
        elif _predicate_noun(verb):
            forms = _present_forms(word.lower)
        else:
            continue
        if not any(form in index for form in forms):  # most verbs: no cue's
            continue
        cues = cues_of(index, *forms)
        if not cues or negated(verb):
            continue
        for predicate, cue in cues:
            if _cue_matches(verb, cue):
                yield from _verb(view, verb, predicate, cue)
    yield from _joint(view)


def _joint(view: View) -> Iterator[Candidate]:
    """ "X and Y will jointly develop batteries": organisations that together do what any verb
    says, by a `kg:jointAdverb`, are partners in it."""
    adverbs = view.ontology.joint_adverbs
    for word in view.words:
        predicate = adverbs.get(word.lower)
        verb = word.token.head
        if predicate is None or word.token.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX"):
            continue
        parties = [m for m in subjects_of(view, verb) if m.ner not in PLACES]
        if len(parties) > 1 and not negated(verb):
            yield Candidate(
                predicate, tuple(parties), (), "verb-pair", verb, word.lower, pairwise=True
            )


def _predicate_noun(token: Token) -> bool:
    """ "Brisk's app runs on X": a present-tense verb the tagger took for a plural noun, though
    the parser gave it a subject of its own."""
    return token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children)


def _present_forms(word: str) -> tuple[str, ...]:
    """The verbs a third-person present form may be of: "runs" run, "relies" rely."""
    forms = [word[:-1]] if word.endswith("s") else []
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    return tuple(forms)


def _past_forms(tag: str, word: str) -> tuple[str, ...]:
    """The verbs a past or -ing form may be of, where the lemmatizer missed it: "installed"
    install, "premiered" premiere, "cofounding" cofound."""
    for ending, tags in (("ed", ("VBD", "VBN")), ("ing", ("VBG",))):
        if tag in tags and word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return (stem, stem + "e")
    return ()


def _cue_matches(token: Token, cue: Cue) -> bool:
    rest = set(cue.words[1:])
    return rest <= {c.lower_ for c in token.children} | {c.lemma_.lower() for c in token.children}


def _verb(view: View, verb: Token, predicate: str, cue: Cue) -> Iterator[Candidate]:
    passive = is_passive(verb) or _hyphened(view, verb)
    prep = cue.prep
    if prep and any(c.dep_ == "prt" and c.lower_ == prep for c in verb.children):
        prep = None  # "took over X": a particle, not a preposition
    if prep:
        subjects = subjects_of(view, verb)
        places = prep_objects(view, verb, prep)
        if passive and _locative(view, predicate) and agents(view, verb):
            subjects = agents(view, verb)  # "the parts are made by X in P"
            places += [t for a in _agent_words(verb) for t in prep_objects(view, a, prep)]
        if passive and not subjects:  # "chips were supplied to X by Brisk"
            subjects = agents(view, verb)
        if passive and not subjects and _hands_over(view, predicate, cue):
            # "steel made by Brisk will be supplied to X"
            goods = [c for c in verb.children if c.dep_ == "nsubjpass"]
            subjects = [m for c in goods for m in product_makers(view, c)]
        objects = [m for t in places for m in refer_or_owner(view, t)]
        if not objects and not cue.inverse:  # "runs on Brisk's servers"
            objects = [m for t in places for m in makers_of(view, t, predicate)]
        if all(m.hint == "Product" for m in objects) and not cue.inverse:
            # "supplies engines for Brisk's jets", "for Brisk's Kestrel phones"
            objects = [m for t in places for m in _customers(view, t, predicate)] or objects
        if not places and "Organization" in view.ontology.properties[predicate].range:
            objects = _deal_party(view, verb)
        if not places and _based_product(view, verb, predicate, cue):  # "its Kestrel-based phones"
            subjects, objects = _holders(view, verb.head), _modifiers(view, verb)
            objects = [m for m in objects if m.ner not in PLACES]
        if verb.dep_ == "amod" and _locative(view, predicate):  # "the Harwick-based firm"
            objects += _modifiers(view, verb)
            subjects = [m for m in subjects if m.text not in _own_participles(view, verb)]
        if _hands_over_business(view, verb, predicate, cue):
            yield from _sale(view, verb, predicate, cue, objects)
            return
        brands = _brands(view, verb, predicate) if objects and _locative(view, predicate) else []
        if brands:  # "operates Brisko supermarkets and Quillo stores in P": the brands are there
            yield Candidate(predicate, tuple(brands), tuple(objects), "verb", verb, cue.text)
    elif passive:
        subjects = agents(view, verb) or _object_agents(view, verb)
        if not subjects and cue.inverse:  # "is powered by Brisk's chips"
            subjects = [m for t in _agent_words(verb) for m in makers_of(view, t, predicate)]
        objects = _bracketed(view, verb) or subjects_of(view, verb) or _apposed(view, verb)
        if not objects and not cue.inverse:  # "Brisk's chips are used by X"
            taken = [c for c in verb.children if c.dep_ == "nsubjpass"]
            objects = [m for c in taken for m in makers_of(view, c, predicate)]
        if not objects:  # "Brisk's ships are built by X"
            predicate, objects = _made_for(view, verb, predicate, cue, "nsubjpass")
        if not subjects and verb.dep_ == "acl":  # "Norvale's Kestrel, released last year"
            subjects = _maker(view, verb, predicate)
        if verb.dep_ == "amod":  # "the Norvale-owned chain": the modifier is the agent ...
            objects, subjects = _modified(view, verb.head), _modifiers(view, verb)
            objects = [m for m in objects if m.text not in _own_participles(view, verb)]
            subjects = subjects or _maker(view, verb, predicate)
            held = _product_or_maker(view, predicate) or _hands_over(view, predicate, cue)
            if not objects and held:  # "its Kestrel-powered cars", "its Brisk-supplied engines"
                objects = _holders(view, verb.head)
            if _locative(view, predicate):  # ... but "the Harwick-based firm" is where the firm is
                subjects, objects = objects, subjects
            else:  # "Ostravia-made cars" says where they are made, not who makes them
                subjects = [m for m in subjects if m.ner not in PLACES]
    else:
        subjects = subjects_of(view, verb) or _group_examples(view, verb)
        objects = [
            m
            for c in verb.children
            if c.dep_ in ("dobj", "dative") and not _other_group(view, verb, c, predicate)
            for m in refer(view, c)
        ]
        sharer = sharing(verb) if not objects else None
        if sharer is not None:  # "developed and sold X"
            objects = [m for c in sharer.children if c.dep_ == "dobj" for m in refer(view, c)]
        if cue.after:  # "chose Harwick for its plant": a place chosen is not used
            objects = [m for m in objects if m.ner not in PLACES and m.ner != "PERSON"]
        objects += _gapped(view, verb)
        if not objects and not cue.inverse:  # "uses Brisk's chips", "ordered 14 Brisk jets"
            taken = [c for c in verb.children if c.dep_ == "dobj"]
            taken += [j for c in taken for j in c.conjuncts]
            objects = [m for c in taken for m in makers_of(view, c, predicate)]
            objects = objects or [m for c in taken for m in _customers(view, c, predicate)]
        if not objects:  # "X builds Brisk's ships"
            predicate, objects = _made_for(view, verb, predicate, cue, "dobj")
        if not objects:  # "Norvale's Kestrel app launched in May"
            subjects, objects = _launched_itself(view, verb, predicate, cue) or (subjects, [])
        if not objects:  # "owns a variety of chains, including X"
            objects = [m for c in verb.children if c.dep_ == "dobj" for m in _counted(view, c)]
        if not objects and not any(c.dep_ == "dobj" for c in verb.children):
            objects = _misparsed_object(view, verb)
        if not objects and view.ontology.properties[predicate].share_purchase:
            objects = _portion(view, verb)  # "bought 30% of Brisk", "owns 60 percent of Brisk"
            if objects and not _controlling(verb):
                predicate, cue = _minority(view, predicate, cue)
        grammar = view.ontology.grammar
        own_subject = any(  # "that the company introduced", not "who are themselves ..."
            c.dep_ in SUBJECTS
            and c.lower_ not in grammar.relative_pronouns
            and not c.lower_.endswith(grammar.reflexive_endings)
            for c in verb.children
        )
        direct = any(c.dep_ == "dobj" for c in verb.children)
        if verb.dep_ == "relcl" and own_subject and not direct:
            objects = refer(view, verb.head)  # "a version that the company introduced"
    if _product_or_maker(view, predicate) and not cue.inverse and not subjects:
        # "Vantor's app runs on X", "Vantor's app is built on X": Vantor uses X
        if not passive:
            subjects = _product_owners(view, verb)
        elif prep:
            subjects = _product_owners(view, verb, "nsubjpass")
    if _product_or_maker(view, predicate) and cue.inverse and not prep and not objects:
        # "Vantor's app is powered by X", "X powers Vantor's app": Vantor uses X
        objects = _product_owners(view, verb, "nsubjpass" if passive else "dobj")
    if not objects:
        if not _takes_other(view, verb, predicate, cue):  # "A and B teamed up"
            parties = tuple(subjects)
            yield Candidate(predicate, parties, (), "verb-pair", verb, cue.text, pairwise=True)
        return
    objects += coordinated(view, verb)
    if not passive and not cue.inverse:
        subjects = _represented(view, verb, predicate, subjects)
    if cue.inverse:
        subjects, objects = objects, subjects
    pattern = "verb-passive" if passive else "verb"
    ended = FORMER if cue.text in view.ontology.properties[predicate].past_verbs else ""
    if ended and (
        not any(c.dep_ == "dobj" and c.i in view.names for c in verb.children)
        or any(c.dep_ in ("prep", "oprd", "xcomp") and not _says_when(c) for c in verb.children)
    ):
        return  # not "X leaves the Y deal", "X left Y with Z": a named place of work, left
    yield Candidate(
        predicate,
        tuple(subjects),
        tuple(unique_mentions(objects)),
        pattern,
        verb,
        cue.text,
        status=ended,  # "Jane Roe left X": a job that has ended
    )


def _says_when(prep: Token) -> bool:
    """ "in 2019", "in May": a preposition that only says when."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _represented(view: View, verb: Token, predicate: str, subjects: list[Mention]) -> list[Mention]:
    """ "X CEO Jane Roe unveiled Y": a person the subject's phrase names at an organisation
    acts for it in what only organisations do."""
    if "Person" in view.ontology.properties[predicate].domain:
        return subjects
    acting = {
        m.text: org
        for c in verb.children
        if c.dep_ == "nsubj"
        for t in (c, *c.conjuncts)
        if (org := represented(view, t)) is not None
        for m in [mention_of(view, view.names[t.i])]
    }
    return unique_mentions([acting.get(m.text, m) for m in subjects])


def _hands_over(view: View, predicate: str, cue: Cue) -> bool:
    """Does the cue hand goods to its preposition's object (a property with a
    `kg:businessSale`: "supply to _")?"""
    return view.ontology.properties[predicate].business_sale is not None and not cue.inverse


def _customers(view: View, noun: Token, predicate: str) -> list[Mention]:
    """ "supplies engines for Brisk's jets", "supplies Brisk's 5G network": the named owner of
    an unnamed product or technology that a verb handing goods over (a property with a
    `kg:businessSale`) supplies or is for, is the one supplied."""
    if view.ontology.properties[predicate].business_sale is None:
        return []
    return _owners(view, noun)


def _made_for(
    view: View, verb: Token, predicate: str, cue: Cue, dep: str
) -> tuple[str, list[Mention]]:
    """ "X builds Brisk's ships", "Brisk's ships are built by X": a verb of making (a property
    with a `kg:customerReading`) whose object (`dep`) is an unnamed product of a named owner
    states that property, the owner its object; else the predicate, and no one."""
    reading = view.ontology.properties[predicate].customer_reading
    if reading is None or cue.inverse or cue.prep:
        return predicate, []
    owners = [m for c in verb.children if c.dep_ == dep for m in _owners(view, c)]
    return (reading, owners) if owners else (predicate, [])


def _owners(view: View, noun: Token) -> list[Mention]:
    """The named owners of an unnamed product or technology: "Brisk's jets"."""
    ontology = view.ontology
    if noun.i in view.names:
        return []
    if ontology.class_of_head_noun(noun.lemma_.lower()) not in ("Product", "Technology"):
        return []
    return [
        m
        for c in noun.children
        if c.dep_ == "poss" and c.i in view.names and not_place(view, c)
        for m in refer(view, c, coordinate=False)
        if not is_person_name(m, ontology)
    ]


def _deal_party(view: View, verb: Token) -> list[Mention]:
    """ "signed a deal with X to supply engines", "an agreement with X to buy chips": the other
    party to the agreement an infinitive hangs on is the one its preposition leaves unsaid."""
    if verb.tag_ != "VB" or verb.dep_ not in ("acl", "advcl"):
        return []
    holders = [verb.head]  # "a deal with X to supply", or "signed a deal with X to supply"
    nouns = [verb.head]
    if verb.dep_ == "advcl":
        nouns = [c for c in verb.head.children if c.dep_ == "dobj"]
    nouns = [n for n in nouns if n.pos_ == "NOUN" and n.i not in view.names]
    ontology = view.ontology
    preps = {
        cue.prep
        for noun in nouns
        for prop, cue in cues_of(ontology.noun_cues, noun.lemma_.lower())
        if cue.prep and ontology.properties[prop].symmetric
    }
    words = {*holders, *nouns}
    return [
        m
        for p in sorted(preps)
        for t in sorted({t for w in words for t in prep_objects(view, w, p)})
        for m in refer(view, t)
    ]


def _maker(view: View, verb: Token, predicate: str) -> list[Mention]:
    """ "Norvale's newly launched Kestrel 7", "Norvale's Kestrel 7, launched in May": an
    organisation that owns the product a participle describes did what the participle says,
    where the property goes from organisations to products only."""
    prop = view.ontology.properties[predicate]
    if prop.domain != {"Organization"} or "Organization" in prop.range:
        return []
    if verb.dep_ not in ("amod", "acl") or verb.head.i not in view.names or _hyphened(view, verb):
        return []
    name = view.names[verb.head.i]
    return [
        m
        for word in name
        for c in word.children
        if c.dep_ == "poss" and c.i in view.names and not_place(view, c)
        for m in refer(view, c, coordinate=False)
        if not is_person_name(m, view.ontology)
    ]


def _launched_itself(
    view: View, verb: Token, predicate: str, cue: Cue
) -> tuple[list[Mention], list[Mention]] | None:
    """ "Norvale's Kestrel app launched in May": a verb with no object whose subject is a named
    product of a named owner says the owner did it to the product, where the property goes
    from organisations to products only; its makers and the products, or None."""
    prop = view.ontology.properties[predicate]
    if cue.prep or cue.inverse or prop.domain != {"Organization"} or "Organization" in prop.range:
        return None
    if any(c.dep_ in ("dobj", "nsubjpass", "attr") for c in verb.children):
        return None
    makers: list[Mention] = []
    products: list[Mention] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.i in view.names:
            words, named = list(view.names[subject.i]), [view.names[subject.i]]
        elif view.ontology.class_of_head_noun(subject.lemma_.lower()) == "Product":
            words = [subject]
            named = [
                view.names[c.i]
                for c in subject.children
                if c.dep_ == "compound" and c.i in view.names and view.names[c.i].root.i == c.i
            ]
        else:
            continue
        makers += [
            m
            for w in words
            for c in w.children
            if c.dep_ == "poss" and c.i in view.names and not_place(view, c)
            for m in refer(view, c, coordinate=False)
            if not is_person_name(m, view.ontology)
        ]
        products += [mention_of(view, n, "Product") for n in named if not_place(view, n.root)]
    return (makers, products) if makers and products else None


def _group_examples(view: View, verb: Token) -> list[Mention]:
    """ "Carmakers are adopting X, including A and B": the named examples of an unnamed group
    of organisations that is the subject, hung on the verb or its object."""
    ontology = view.ontology
    group = [
        c
        for c in verb.children
        if c.dep_ == "nsubj"
        and c.i not in view.names
        and c.tag_ == "NNS"
        and ontology.class_of_head_noun(c.lemma_.lower()) == "Organization"
    ]
    if not group:
        return []
    words = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        m
        for w in words
        for p in w.children
        if p.dep_ == "prep" and prep_phrase(p) in ontology.example_markers
        for o in p.children
        if o.dep_ == "pobj"
        for m in refer(view, o)
    ]


def _product_or_maker(view: View, predicate: str) -> bool:
    """Is the property's subject a product or an organisation ("uses")? Then what an unnamed
    product of an organisation does, the organisation does."""
    return {"Organization", "Product"} <= view.ontology.properties[predicate].domain


def _product_owners(view: View, verb: Token, dep: str = "nsubj") -> list[Mention]:
    """ "Vantor's new platform relies on X", "its engineers use X": the owner of the unnamed
    product, or of the people or sites, that are the verb's subject (`dep`); "Vantor's new
    sedan, equipped with X": of the product a participle describes."""
    ontology = view.ontology
    described = [verb.head] if verb.dep_ == "acl" and verb.tag_ == "VBN" else []
    return [
        m
        for c in [*(c for c in verb.children if c.dep_ == dep), *described]
        if c.i not in view.names
        and (
            ontology.class_of_head_noun(c.lemma_.lower()) == "Product"
            or (dep == "nsubj" and c.lemma_.lower() in ontology.grammar.staff_nouns)
        )
        for p in c.children
        if p.dep_ == "poss" and not_place(view, p)
        for m in refer(view, p, coordinate=False)
    ]


def _hands_over_business(view: View, verb: Token, predicate: str, cue: Cue) -> bool:
    """ "agreed to sell Brisk (its chip unit, its stake, its stores) to Ferrow", "bought Brisk
    from Norvale": what the verb hands to its preposition's object is an organisation, a part
    or shares of one, or, handed over by its owner, something of its own that is no product.
    That is the sale of a business, not dealings between two organisations (supplying)."""
    prop, ontology = view.ontology.properties[predicate], view.ontology
    if prop.symmetric or prop.domain != {"Organization"} or prop.range != {"Organization"}:
        return False
    if _portion(view, verb):  # "sold 40% of Brisk to Ferrow"
        return True
    for obj in _handed(verb):
        if obj.i in view.names:
            if any(m.ner == "ORG" or m.hint == "Organization" for m in refer(view, obj)):
                return True
            continue
        kind = ontology.class_of_head_noun(obj.lemma_.lower())
        if kind == "Organization" or obj.lemma_.lower() in ontology.share_nouns:
            return True
        owners = [c for c in obj.children if c.dep_ == "poss" and not_place(view, c)]
        if kind != "Product" and owners and not cue.inverse:  # not "granted its contract to"
            return True
    return False


def _sale(
    view: View, verb: Token, predicate: str, cue: Cue, recipients: list[Mention]
) -> Iterator[Candidate]:
    """ "sold Brisk to Ferrow", "sold 60% of Brisk to Ferrow": the one a firm, or a part of one,
    is handed to took it over (the property's `kg:businessSale`), or invested in it."""
    sale = view.ontology.properties[predicate].business_sale
    if sale is None or cue.inverse or not recipients:
        return
    handed = _handed(verb)
    firms = [
        m
        for c in handed + named_parts(view, handed)  # "sold its Brisk unit to Ferrow"
        if c.i in view.names
        for m in refer(view, c)
        if m.ner == "ORG" or m.hint == "Organization" or view.ontology.is_org_name(m.text)
    ]
    portion = _portion(view, verb)
    shares = view.ontology.properties[sale].share_purchase
    if portion and shares and not _controlling(verb):
        sale = shares
    bought = unique_mentions(firms + portion)
    if bought:
        yield Candidate(sale, tuple(recipients), tuple(bought), "verb", verb, cue.text)


def _handed(verb: Token) -> list[Token]:
    """What a verb hands over: its object, or its subject when passive ("Brisk was sold to X")."""
    dep = "nsubjpass" if is_passive(verb) else "dobj"
    return [c for c in verb.children if c.dep_ == dep]


def _takes_other(view: View, verb: Token, predicate: str, cue: Cue) -> bool:
    """Does the verb take a party of its own, so that its coordinated subjects are no pair?
    A symmetric verb still pairs them past other prepositions ("A and B compete in chips"),
    and past an object that is one of its cue's words ("A and B joined forces")."""
    prop = view.ontology.properties[predicate]
    preps = {c.prep for c in prop.verbs if c.prep} if prop.symmetric else None
    return any(
        (c.dep_ == "dobj" and not {c.lower_, c.lemma_.lower()} & set(cue.words[1:]))
        or (c.dep_ == "prep" and (preps is None or c.lower_ in preps))
        for c in verb.children
    )


def _agent_words(verb: Token) -> list[Token]:
    """The words a passive verb's agent preposition takes: "made by X in P" may hang "in P"
    on X."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def _object_agents(view: View, verb: Token) -> list[Mention]:
    """ "X was awarded a contract by Y": the agent the parser hangs on the retained object."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    preps = view.ontology.grammar.agent_prepositions
    return [
        m
        for obj in verb.children
        if obj.dep_ == "dobj" and obj.i not in view.names
        for p in obj.children
        if p.dep_ == "prep" and p.lower_ in preps
        for o in p.children
        if o.dep_ == "pobj"
        for m in refer(view, o)
    ]


def _hyphened(view: View, verb: Token) -> bool:
    """ "the Norvale-made drone": a participle joined to a name before it, whatever its tag."""
    return (
        verb.dep_ == "amod"
        and any(c.dep_ == "punct" and c.text == "-" and c.i == verb.i - 1 for c in verb.children)
        and bool(_modifiers(view, verb))
    )


def _modified(view: View, noun: Token) -> list[Mention]:
    """What a participle describes: "the Norvale-made Tarnix drone" is Tarnix."""
    named = refer(view, described_name(view, noun))
    if named or noun.i in view.names:
        return named
    return [
        m
        for c in noun.children
        if c.dep_ == "compound" and c.i in view.names
        for m in refer(view, c, coordinate=False)
    ]


def _own_participles(view: View, verb: Token) -> set[str]:
    """ "Denver-based A and Boston-based B": the names coordinated with the one a participle
    describes that carry a participle of their own of the same verb."""
    return {
        view.names[c.i].text
        for c in verb.head.conjuncts
        if c.i in view.names
        and any(p.dep_ == "amod" and p.lemma_ == verb.lemma_ and p.i != verb.i for p in c.children)
    }


def _holders(view: View, noun: Token) -> list[Mention]:
    """Whose unnamed product a participle describes: "its Kestrel-based phones" are the
    owner's, "Tarnix is a Kestrel-based phone" is Tarnix."""
    owners = [
        m
        for c in noun.children
        if c.dep_ == "poss" and not_place(view, c)
        for m in refer(view, c, coordinate=False)
    ]
    if owners or noun.dep_ != "attr" or noun.head.lemma_ not in view.ontology.grammar.copulas:
        return owners
    return [m for c in noun.head.children if c.dep_ == "nsubj" for m in refer(view, c)]


def _based_product(view: View, verb: Token, predicate: str, cue: Cue) -> bool:
    """ "its Kestrel-based phones", "a Kestrel-powered laptop": a hyphened participle of a
    preposition cue ("base on _") of a product's owner, on a product noun."""
    return (
        bool(cue.prep)
        and not cue.inverse
        and _product_or_maker(view, predicate)
        and _hyphened(view, verb)
        and view.ontology.class_of_head_noun(verb.head.lemma_.lower()) == "Product"
    )


def _bracketed(view: View, verb: Token) -> list[Mention]:
    """ "Brisk (acquired by Norvale in 2016)": a bracketed participle describes the name before."""
    doc = view.sent.doc
    if verb.tag_ != "VBN" or verb.i - 2 < view.sent.start or doc[verb.i - 1].text != "(":
        return []
    before = doc[verb.i - 2]
    return refer(view, before, coordinate=False) if before.i in view.names else []


MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "advmod"})


def _apposed(view: View, verb: Token) -> list[Mention]:
    """ "Tarnix, the driving software developed by Norvale": the name set off by a comma right
    before the product noun a participle describes, which the parser may not have hung on the
    name."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.i in view.names:
        return []
    if view.ontology.class_of_head_noun(noun.lemma_.lower()) != "Product":
        return []
    doc, start = noun.doc, noun.i
    while start > 0 and doc[start - 1].dep_ in MODIFIERS and doc[start - 1].i not in view.names:
        start -= 1  # "the driving software"
    if start < 2 or doc[start - 1].text != "," or start - 2 not in view.names:
        return []
    name = view.names[start - 2]
    if name.end != start - 1 or not not_place(view, name.root):
        return []
    return [mention_of(view, name, "Product")]


def _brands(view: View, verb: Token, predicate: str) -> list[Mention]:
    """ "operates Brisko supermarkets and Quillo stores in P": the names on the sites a verb
    takes, where the property has a noun cue for such sites ("supermarket in _")."""
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.i not in view.names]
    nouns += [j for n in nouns for j in n.conjuncts if j.i not in view.names]
    ontology = view.ontology
    sites = [
        n
        for n in nouns
        if any(p == predicate for p, _ in cues_of(ontology.noun_cues, n.lemma_.lower()))
    ]
    return [  # "Quillo home improvement centres": a compound on a compound too
        m
        for n in sites
        for c in n.subtree
        if c.i < n.i
        and c.dep_ == "compound"
        and c.i in view.names
        and not_place(view, c)
        and view.names[c.i].root.i == c.i
        for m in refer(view, c, coordinate=False)
    ]


def _misparsed_object(view: View, verb: Token) -> list[Mention]:
    """ "uses machine learning", "is piloting Tarnix": a name right after a verb with no
    object, that the parser took for a clause or an adverb of it, is its object."""
    return [
        m
        for c in verb.children
        if c.dep_ in ("xcomp", "advmod", "npadvmod", "oprd")
        and c.i in view.names
        and view.names[c.i].root.i == c.i
        and view.names[c.i].start == verb.i + 1
        for m in refer(view, c)
    ]


def _locative(view: View, predicate: str) -> bool:
    """Does the property say where its subject is? Then a participle's modifier is the place."""
    return "Place" in view.ontology.properties[predicate].range


def _modifiers(view: View, verb: Token) -> list[Mention]:
    """ "the Harwick-based firm": the name that modifies a participle."""
    found: list[Mention] = []
    for child in verb.children:
        if child.dep_ not in ("npadvmod", "compound"):
            continue
        name = view.names.get(child.i)
        if name is not None and name.start < verb.i - 1 < name.end:  # "Orlin Vance-backed"
            found.append(mention_of(view, view.sent.doc[name.start : verb.i - 1]))
        else:
            found += refer(view, child)
    return found


def _portion(view: View, verb: Token) -> list[Mention]:
    """ "bought 30% of Brisk", "owns 60 percent of Brisk": the named firm a percentage the verb
    takes is of."""
    return [
        m
        for c in verb.children
        if c.dep_ == "dobj" and c.ent_type_ == "PERCENT"
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in view.ontology.grammar.genitive_prepositions
        for o in p.children
        if o.dep_ == "pobj" and o.i in view.names and not_place(view, o)
        for m in refer(view, o)
    ]


def _controlling(verb: Token) -> bool:
    """Is the percentage a verb takes more than half ("acquired 80% of Brisk")?"""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for token in obj.subtree:
            number = token.text.rstrip("%").replace(",", "")
            if token.i < obj.i and token.ent_type_ == "PERCENT" and token.like_num:
                try:
                    return float(number) > 50
                except ValueError:
                    return False
    return False


def _minority(view: View, predicate: str, cue: Cue) -> tuple[str, Cue]:
    """Buying or owning a minority of a firm is investing in it (the property's
    `kg:sharePurchase`), the buyer or owner the investor whichever way the cue reads."""
    shares = view.ontology.properties[predicate].share_purchase
    assert shares is not None
    return shares, replace(cue, inverse=False)


def _other_group(view: View, verb: Token, noun: Token, predicate: str) -> bool:
    """ "has made several acquisitions, including X": a group of another property's (a
    `kg:listNoun`) that a verb of having takes; its members are that property's, not the verb's."""
    if verb.lemma_.lower() not in view.ontology.grammar.possession_words or noun.i in view.names:
        return False
    groups = cues_of(view.ontology.list_nouns, noun.lemma_.lower())
    return any(p != predicate for p, _ in groups)


def _gapped(view: View, verb: Token) -> list[Mention]:
    """ "bought A in 2006, B in 2009 and C in 2012": names with a date of their own that the
    parser set in apposition to the verb's named object, or beside the date of the verb's
    object ("A in 2019 and B in 2021"), are more objects of the verb."""
    if not any(c.dep_ == "dobj" and c.i in view.names for c in verb.children):
        return []
    doc, conjunctions = verb.doc, view.ontology.grammar.conjunctions
    apposed = [
        c
        for obj in verb.children
        if obj.dep_ == "dobj"
        for c in obj.children
        if c.dep_ == "appos" and _dated(c)
    ]
    dated = [
        o
        for p in verb.children
        if p.dep_ == "prep" and any(d.ent_type_ == "DATE" for d in p.children if d.dep_ == "pobj")
        for o in p.children
        if o.dep_ == "pobj"
        and o.i in view.names
        and o.ent_type_ != "DATE"
        and doc[view.names[o.i].start - 1].lower_ in conjunctions | {","}
    ]
    return [
        m
        for c in apposed + dated
        if c.i in view.names and not_place(view, c)
        for m in refer(view, c)
    ]


def _dated(token: Token) -> bool:
    """ "B in 2021" of "bought A in 2019 and B in 2021": a preposition on the word that
    only says when."""
    return any(p.dep_ == "prep" and _says_when(p) for p in token.children)


def _counted(view: View, noun: Token) -> list[Mention]:
    """ "a variety of chains, including X": what a `kg:quantityNoun` counts, when named."""
    if noun.lemma_.lower() not in view.ontology.grammar.quantity_nouns:
        return []
    return [
        m
        for p in noun.children
        if p.dep_ == "prep"
        for c in p.children
        if c.dep_ == "pobj" and c.i not in view.names
        for m in refer(view, c)
    ]
