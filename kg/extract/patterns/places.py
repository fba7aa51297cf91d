"""Where an organisation is based, from how it is named: "X, a Hong Kong construction firm",
"Acme Corp. of Harwick", "Corrin's Acme Bank", "the Harwick-based lender X"; and where it
is present, from a copula: "X is present in P", "X's stores are in P"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import prep_objects, subjects_of
from kg.extract.demonyms import country_of
from kg.extract.model import SUBJECTS, Candidate, Mention, View
from kg.extract.refer import aged, mention_of, refer, variant_of
from kg.ontology import cues_of

PLACE_LABELS = ("GPE", "LOC")


def place_candidates(view: View) -> Iterator[Candidate]:
    ontology = view.ontology
    predicate = ontology.patterns["place"].yields
    roots = {t.i for t, _ in view.name_roots}
    for word in view.words:
        token, name = word.token, word.name
        if name is not None and token.i in roots and not is_place(view, token):
            if aged(name):  # "Jane Roe, 50, of Harwick" is a person from Harwick
                continue
            words: list[Token] = []
            if token.ent_type_ == "ORG":
                words += _prep_places(view, token, predicate)
                if name[-1].i != token.i:  # "the Bank of Corrin in P": on the name's last word
                    words += [
                        c
                        for c in _prep_places(view, name[-1], predicate)
                        if c.head.i == name.end  # the preposition right after the name
                    ]
            if _company_like(view, name):  # "Corrin's Acme Bank"
                words += [c for c in _possessors(view, name) if c.i in view.names]
                if ontology.is_org_name(name.text):  # "Acme Corp. (Harwick)"
                    words += _bracketed(view, token)
            places = tuple(
                m
                for c in words
                if is_place(view, c)
                for m in _place_mentions(view, c, coordinate=False)
            ) + _region_based(view, name, predicate)
            yield Candidate(predicate, (mention_of(view, name),), places, "name-place")
        if name is None and ontology.class_of_head_noun(word.lemma) == "Organization":
            described = _described(view, token)
            if described is not None:
                places = tuple(
                    m
                    for c in _place_words(view, token, predicate)
                    for m in _place_mentions(view, c)
                )
                subject = (mention_of(view, described),)
                yield Candidate(predicate, subject, places, "described-place")
            elif _definite(view, token):  # "the Harwick, Idaho, company said"
                places = tuple(
                    m
                    for c in _place_words(view, token, predicate, described=False)
                    for m in _place_mentions(view, c)
                )
                if places:
                    referents = tuple(refer(view, token, coordinate=False))
                    yield Candidate(predicate, referents, places, "described-place")


def is_place(view: View, token: Token) -> bool:
    """Labelled a place, or a nationality that names a country ("an Ostravian lender").
    (Distrusting the label where the word begins an organisation's name elsewhere in the
    article loses "Velmar" beside "Velmar Coffee Co.", and gains nothing.)"""
    return token.ent_type_ in PLACE_LABELS or _country(view, token) is not None


def _place_mentions(view: View, token: Token, coordinate: bool = True) -> list[Mention]:
    """The places a place word stands for (`refer`); a nationality, its country, named as the
    country is ("Ostravian": Ostravia)."""
    country = _country(view, token)
    if country is None:
        return refer(view, token, coordinate=coordinate)
    start = view.offset + token.idx
    return [Mention(country, start, start + len(token), "GPE")]


def _country(view: View, token: Token) -> str | None:
    if token.ent_type_ != "NORP":
        return None
    return country_of(token.text, view.ontology.grammar.demonym_endings)


def _region_based(view: View, name: Span, predicate: str) -> tuple[Mention, ...]:
    """ "Harwick, Calif.-based Norvale": a city, a comma and a US state hyphened to a
    participle of one of the property's verbs, one token, before the name: the city and the
    state, as written, are one place."""
    doc = name.doc
    if name.start < 3 or doc[name.start - 2].text != ",":
        return ()
    region, _, participle = doc[name.start - 1].text.rpartition("-")
    city = view.names.get(doc[name.start - 3].i)
    based = {c.words[0] for c in view.ontology.properties[predicate].verbs if c.prep is None}
    if (
        city is None
        or city.end != name.start - 2
        or city.root.ent_type_ == "PERSON"
        or region.lower() not in view.ontology.grammar.region_names
        or not any(participle.lower() in (f"{v}d", f"{v}ed") for v in based)
    ):
        return ()
    text = f"{city.text}, {region}"
    start = view.offset + city.start_char
    return (Mention(text, start, start + len(text), "GPE", alias=city.text),)


def _company_like(view: View, name: Span) -> bool:
    """An organisation's name, or a name nothing says is not one: "Ostravia's Quillfin"."""
    label = name.root.ent_type_
    if label == "ORG" or view.ontology.is_org_name(name.text):
        return True
    hint = view.hints.get(name.start)
    return (
        label == ""
        and hint in (None, "Organization")
        and not view.ontology.class_of_term(name.text)
    )


def _prep_places(view: View, name: Token, predicate: str) -> list[Token]:
    """ "Acme Corp. of Harwick", "X, which is headquartered in P": the name's own
    prepositions, or those of a clause on it whose verb is one of the property's (not "X,
    which was rooted in P")."""
    verbs = {c.words[0] for c in view.ontology.properties[predicate].verbs}
    found: list[Token] = []
    for prep in view.ontology.grammar.place_prepositions:
        if _verb_takes(view, name, prep):
            continue
        for child in name.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                found += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("acl", "relcl") and child.lemma_.lower() in verbs:
                found += prep_objects(view, child, prep)
    return found


def _verb_takes(view: View, name: Token, prep: str) -> bool:
    """ "The parts are made by X in P", "the drone was unveiled by X in P", "competes with X in
    P": after the agent of a passive verb, or the object of a verb cue's preposition, a
    preposition that the place properties' verb cues take ("operate in _") says where the verb
    happens (the verb family reads it where the verb is a cue), not where the agent is based;
    "made by X of P" still names X's place."""
    if name.dep_ != "pobj" or name.head.dep_ not in ("agent", "prep"):
        return False
    ontology = view.ontology
    if name.head.dep_ == "prep":  # a cue's own preposition, not "the CEO of X in P" nor
        verb, word = name.head.head, name.head.lower_  # "sent samples to X in P"
        cues = cues_of(ontology.verb_cues, verb.lemma_.lower()) if verb.pos_ == "VERB" else []
        if not any(cue.prep == word for _, cue in cues):
            return False
    return any(
        cue.prep == prep
        for prop in ontology.properties.values()
        if "Place" in prop.range
        for cue in prop.verbs
    )


def _bracketed(view: View, name: Token) -> list[Token]:
    """ "Acme Corp. (Harwick)": a place in brackets right after the name."""
    doc = name.doc

    def bracketed(span: Span) -> bool:
        inside = span.start > 0 and span.end < len(doc)
        return inside and doc[span.start - 1].text == "(" and doc[span.end].text == ")"

    return [
        c
        for c in name.children
        if c.dep_ == "appos" and c.i in view.names and bracketed(view.names[c.i])
    ]


def _possessors(view: View, name: Span) -> list[Token]:
    """ "Corrin's Acme Bank": the possessor of any word of a name, also where the parser
    calls it a modifier with a possessive marker."""
    markers = view.ontology.grammar.possessive_markers
    return [
        c
        for word in name
        for c in word.children
        if c.dep_ == "poss"
        or (c.dep_ == "nmod" and any(m.dep_ == "case" and m.lower_ in markers for m in c.children))
    ]


def _described(view: View, noun: Token) -> Span | None:
    """The name an organisation noun describes: "X, a Hong Kong firm", "the firm X",
    "Ostravia-based miner X", "X is a Boston-based company"."""
    names = view.names
    if noun.dep_ in ("appos", "compound") and noun.head.i in names:
        return names[noun.head.i]
    for child in noun.children:
        if child.dep_ == "appos" and child.i in names and child.i == names[child.i].root.i:
            return names[child.i]
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ in view.ontology.grammar.copulas:
        subjects = [c for c in head.children if c.dep_ in SUBJECTS and c.i in names]
        if subjects:
            return names[subjects[0].i]
    return None


def _definite(view: View, noun: Token) -> bool:
    """A definite description, no possessor before it: "the Harwick-based company", "the
    Harwick, Idaho, lender" stand for the organisation the text has just named."""
    ontology = view.ontology
    lemma = noun.lemma_.lower()
    if any(  # "the Idaho unit", "the Idaho rival": a relation to the firm, not the firm
        cue.before and cue.words == (lemma,)
        for prop in ontology.properties.values()
        if "Organization" in prop.range
        for cue in prop.nouns
    ):
        return False
    determiners = ontology.grammar.definite_determiners
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ in determiners for c in children) and not any(
        c.dep_ == "poss" for c in children
    )


def _set_off(view: View, word: Token, noun: Token) -> bool:
    """ "the Harwick, Idaho, company": a city and its state, set off by commas, right
    before the noun."""
    name = view.names.get(word.i)
    doc = noun.doc
    return (
        name is not None
        and name.end == noun.i - 1
        and doc[noun.i - 1].text == ","
        and "," in name.text
    )


def _place_words(view: View, noun: Token, predicate: str, described: bool = True) -> list[Token]:
    """The places that modify an organisation noun: "a Hong Kong firm", "Ostravia's maker",
    "the Harwick-based lender" (a participle of one of the property's verbs); not a dateline
    ("Harwick - Norwegian lender X"). Of a noun that describes no name ("the Harwick,
    Idaho, company" said), only a city with its state, or a participle: "the Idaho company"
    may say no more than where the firm is from."""
    doc = noun.doc
    found = [
        c
        for c in noun.children
        if (c.dep_ in ("compound", "nmod", "poss") or _country_adjective(view, c))
        and (
            _set_off(view, c, noun)
            or (described and not any(t.is_punct for t in doc[c.i + 1 : noun.i]))
        )
    ]
    sources = view.ontology.grammar.source_prepositions
    found += [  # "X, a software company from P"
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in sources and described
        for o in p.children
        if o.dep_ == "pobj"
    ]
    based = {c.words[0] for c in view.ontology.properties[predicate].verbs if c.prep is None}
    for child in noun.children:
        if child.dep_ == "amod" and child.lemma_.lower() in based:
            found += [c for c in child.children if c.dep_ in ("npadvmod", "compound")]
    return [c for c in found if is_place(view, c)]


def _country_adjective(view: View, word: Token) -> bool:
    """ "an Ostravian lender", "the Ostravian market": a nationality as an adjective."""
    return word.dep_ == "amod" and _country(view, word) is not None


def presence_candidates(view: View) -> Iterator[Candidate]:
    """A copula and a noun or adjective cue that takes "in": "X is present in P", "X's stores
    are in P", "most of X's branches are in P" ("and the rest in Q"); an owned noun cue
    with its places elsewhere: "X's P business", "X's branches stretching from P to Q"; and a
    place that owns a ranked noun cue: "X is P's largest bank"."""
    ontology = view.ontology
    yield from _owned_places(view)
    yield from _ranked_places(view)
    for copula in view.words:
        if copula.lemma not in ontology.grammar.copulas:
            continue
        verb = copula.token
        for word, owners in _copula_words(view, verb):
            words = (verb, word, *_gapped(verb))
            preps = [c for w in words for c in w.children if c.dep_ == "prep"]
            for predicate, cue in cues_of(ontology.noun_cues, word.lemma_.lower(), word.lower_):
                if cue.prep is None or cue.before or len(cue.words) != 1:
                    continue
                if ontology.properties[predicate].range != frozenset({"Place"}):
                    continue
                places = tuple(
                    m
                    for p in preps
                    if p.lower_ == cue.prep
                    for o in p.children
                    if o.dep_ == "pobj"
                    for m in _places(view, o)
                )
                if places and owners:
                    yield Candidate(predicate, owners, places, "presence", word, cue.text)


def _gapped(verb: Token) -> list[Token]:
    """A clause that leaves the copula out, its noun the verb's conjunct: "X's stores are in P,
    and the rest in Q"; or, where the copula's clause is reported ("Y said X's stores are in
    P, and the rest in Q"), a conjunct after it of a verb above it."""
    return [
        c
        for head in (verb, *verb.ancestors)
        for c in head.children
        if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > verb.i
    ]


def _copula_words(view: View, verb: Token) -> Iterator[tuple[Token, tuple[Mention, ...]]]:
    """What a copula says of its subject: the adjective ("X is present") with the subject as
    owner; the subject noun ("X's stores are", "90% of X's stores are") with its possessor."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    named = any(s.i in view.names or s.pos_ == "PRON" or variant_of(view, s) for s in subjects)
    for child in verb.children:
        # "X is present", "the brand of X is present", not "the brand is present"
        if child.dep_ == "acomp" and named:
            yield child, tuple(subjects_of(view, verb))
    for subject in subjects:
        yield from _owned(view, subject)


def _owned(view: View, noun: Token) -> Iterator[tuple[Token, tuple[Mention, ...]]]:
    """A noun and its owners: "X's stores", "90% of X's stores"; not a place ("Velmar's
    stores")."""
    nouns = [noun, *(o for p in noun.children if p.dep_ == "prep" for o in p.children)]
    for word in nouns:
        if word.pos_ != "NOUN":
            continue
        owners = [c for c in word.children if c.dep_ == "poss" and not is_place(view, c)]
        found = tuple(
            m
            for c in owners
            if c.i in view.names or c.pos_ == "PRON"
            for m in refer(view, c, coordinate=False)
        ) or tuple(m for c in owners for m in _relative_owner(view, c))
        if found:
            yield word, found


def _relative_owner(view: View, word: Token) -> list[Mention]:
    """ "X, whose stores are in P": a relative possessive stands for the name its clause is on."""
    if word.lower_ not in view.ontology.grammar.relative_pronouns:
        return []
    clause = next((t for t in word.ancestors if t.dep_ == "relcl"), None)
    if clause is None or clause.head.i not in view.names:
        return []
    return refer(view, clause.head, coordinate=False)


def _places(view: View, token: Token) -> list[Mention]:
    """A place and the places coordinated with it ("Ostravia, the Eastern Reach and parts of
    Marrowland")."""
    words = [token, *token.conjuncts]
    words += [o for w in words for p in w.children if p.lower_ == "of" for o in p.children]
    examples = [  # "present in 12 markets, including P and Q"
        m
        for w in words
        if w.pos_ == "NOUN" and w.i not in view.names
        for m in refer(view, w, coordinate=False)
        if m.ner in PLACE_LABELS
    ]
    places = [
        m for w in words if is_place(view, w) for m in _place_mentions(view, w, coordinate=False)
    ]
    return places + examples


def _owned_places(view: View) -> Iterator[Candidate]:
    """An owned noun cue of a place, the place a modifier of it ("X's P market", "its P
    business") or under a participle on it ("X's branches stretching from P to Q and R"); the
    owner may be the subject of a verb cue of the same property ("X entered the P market")."""
    ontology = view.ontology
    for word in view.words:
        if word.pos != "NOUN" or word.name is not None:
            continue
        if word.lemma not in ontology.noun_cues and word.lower not in ontology.noun_cues:
            continue  # most nouns: no cue's
        if ontology.class_of_head_noun(word.lemma) == "Person":
            continue
        noun = word.token
        for predicate, cue in cues_of(ontology.noun_cues, word.lemma, word.lower):
            if cue.prep is None or cue.before or len(cue.words) != 1:
                continue
            if ontology.properties[predicate].range != frozenset({"Place"}):
                continue
            owners = (
                tuple(
                    m
                    for c in noun.children
                    if c.dep_ == "poss" and not is_place(view, c) and _may_own(view, c)
                    for m in refer(view, c, coordinate=False)
                )
                or _entrants(view, noun, predicate)
                or _of_owners(view, noun)
            )
            words = [
                c
                for c in noun.children
                if (c.dep_ in ("compound", "nmod") or _country_adjective(view, c))
                and _modifies(view, c, noun, predicate)
            ]
            words += [
                o
                for c in noun.children
                if c.dep_ == "acl" and c.pos_ == "VERB"
                for p in c.children
                if p.dep_ == "prep"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            places = tuple(m for w in words for m in _places(view, w))
            if places and owners:
                yield Candidate(predicate, owners, places, "presence", noun, cue.text)
                break


def _of_owners(view: View, noun: Token) -> tuple[Mention, ...]:
    """ "the Dublin office of X": the owner named after a relation preposition."""
    grammar = view.ontology.grammar
    return tuple(
        m
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in grammar.relation_prepositions
        for o in p.children
        if o.dep_ == "pobj" and o.i in view.names and not is_place(view, o)
        for m in refer(view, o, coordinate=False)
    )


def _modifies(view: View, word: Token, noun: Token, predicate: str) -> bool:
    """A place word that qualifies the noun itself, with nothing between but the rest of its
    own name, adjectives and the other words of a cue ("its Velmar data center"): "its Corrin
    retail business", not "its Tarnix PC business"."""
    lemma = noun.lemma_.lower()
    cues = view.ontology.properties[predicate].nouns
    cue_words = {w for c in cues if c.words[-1] == lemma for w in c.words}
    between = word.doc[word.i + 1 : noun.i]
    # "the Idaho and Vermont markets": the places coordinated with it, and their marks
    listed = {
        t.i
        for c in word.conjuncts
        for t in c.subtree
        if t.ent_type_ in PLACE_LABELS or t.dep_ in ("cc", "punct")
    }
    listed |= {c.i for c in word.children if c.dep_ in ("cc", "punct")}
    return word.i < noun.i and all(
        t.ent_iob_ == "I" or t.pos_ == "ADJ" or t.lemma_.lower() in cue_words or t.i in listed
        for t in between
    )


def _may_own(view: View, word: Token) -> bool:
    """A name, a pronoun or an organisation noun ("the company's")."""
    if word.i in view.names or word.pos_ == "PRON":
        return True
    return view.ontology.class_of_head_noun(word.lemma_.lower()) == "Organization"


def _entrants(view: View, noun: Token, predicate: str) -> tuple[Mention, ...]:
    """The subject of a verb cue of the property whose object the noun is: "X plans to enter
    the P market", "X expanded into the P market"."""
    verb, prep = noun.head, None
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb, prep = verb.head, verb.lower_
    elif noun.dep_ != "dobj":
        return ()
    if verb.pos_ != "VERB":
        return ()
    lemma = verb.lemma_.lower()
    cues = cues_of(view.ontology.verb_cues, lemma)
    if any(p == predicate and c.words == (lemma,) and c.prep == prep for p, c in cues):
        return tuple(subjects_of(view, verb))
    return ()


def _ranked_places(view: View) -> Iterator[Candidate]:
    """ "X is Ostravia's largest bank", "X, Ostravia's leading carrier", "its position as
    Ostravia's biggest lender": a place that owns a ranked noun cue of a place is where the
    organisation the noun describes ranks, as "the largest bank in Ostravia" would say."""
    ontology = view.ontology
    for word in view.words:
        if word.pos != "NOUN" or word.name is not None:
            continue
        noun = word.token
        owners = [c for c in noun.children if c.dep_ == "poss" and is_place(view, c)]
        if not owners or not _ranked(view, noun):
            continue
        described = _described(view, noun)
        subjects = (mention_of(view, described),) if described else _in_role(view, noun)
        places = tuple(m for c in owners for m in refer(view, c, coordinate=False))
        for predicate, cue in cues_of(ontology.noun_cues, word.lemma, word.lower):
            if (
                cue.before
                or len(cue.words) != 1
                or cue.prep not in ontology.grammar.place_prepositions
            ):
                continue
            if ontology.properties[predicate].range == frozenset({"Place"}) and subjects:
                yield Candidate(predicate, subjects, places, "presence", noun, cue.text)
                break


def _ranked(view: View, noun: Token) -> bool:
    """Ranked among its kind by a superlative or a `kg:rankWord` before it ("Ostravia's
    largest bank", "its most popular chain", "the leading carrier")."""
    words = view.ontology.grammar.rank_words
    return any(
        t.tag_ in ("JJS", "RBS") or t.lower_ in words
        for c in noun.children
        if c.dep_ in ("amod", "advmod", "compound") and c.i < noun.i
        for t in c.subtree
    )


def _in_role(view: View, noun: Token) -> tuple[Mention, ...]:
    """Who a noun after a role marker is: "X, as P's largest bank", "its position as P's
    largest bank" (the owner of the noun the marker hangs on)."""
    marker = noun.head
    if noun.dep_ != "pobj" or marker.lower_ not in view.ontology.grammar.role_markers:
        return ()
    head = marker.head
    if head.pos_ in ("VERB", "AUX"):
        return tuple(subjects_of(view, head))
    return tuple(
        m
        for c in head.children
        if c.dep_ == "poss" and not is_place(view, c)
        for m in refer(view, c, coordinate=False)
    )
