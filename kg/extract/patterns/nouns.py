"""Nouns: "a partnership with X", "X's acquisition of Y", "X, a unit of Y", "rival X"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.clauses import (
    agents,
    makers_of,
    named_parts,
    prep_objects,
    refer_or_owner,
    subjects_of,
    where,
)
from kg.extract.model import NOUN_CLIMB, PLACES, Candidate, Mention, View
from kg.extract.refer import (
    is_person_name,
    is_reference,
    mention_of,
    not_place,
    prep_phrase,
    refer,
    unique_mentions,
)
from kg.ontology import Cue, cues_of


def noun_candidates(view: View) -> Iterator[Candidate]:
    """Every noun that matches a property's `kg:nounCue` or `kg:inverseNounCue`."""
    for word in view.words:
        if word.pos not in ("NOUN", "PROPN", "ADJ"):
            continue
        if word.name is not None and word.pos == "PROPN":
            continue
        noun = word.token
        forms = (word.lemma, word.lower, *_hyphened(noun))
        if not any(form in view.ontology.noun_cues for form in forms):
            continue  # most nouns: no cue's
        matched = [
            (predicate, cue)
            for predicate, cue in cues_of(view.ontology.noun_cues, *forms)
            if _cue_matches(noun, cue)
        ]
        preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        for predicate, cue in matched:
            # "a supply deal with X" is a supply deal, not any deal ("deal with _")
            if any(c.prep == cue.prep and len(c.words) > len(cue.words) for _, c in matched):
                continue
            # "the Norvale acquisition of X": with the cue's object after it, a name before the
            # noun is the subject, not the object ("Norvale acquisition"); "two rivals of X"
            # are rivals of X, not of each other ("rival to _", "rival _")
            if cue.prep not in preps and any(
                p == predicate and c.prep in preps for p, c in matched
            ):
                continue
            yield from _noun(view, noun, predicate, cue)


def _hyphened(noun: Token) -> tuple[str, ...]:
    """The word a noun ends, the tokenizer having split it at a hyphen: "tie-up", "spin-offs"
    ("tie", "-", "up")."""
    doc, i = noun.doc, noun.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return ()
    first = doc[i - 2].lower_
    return (f"{first}-{noun.lower_}", f"{first}-{noun.lemma_.lower()}")


def _cue_matches(token: Token, cue: Cue) -> bool:
    if len(cue.words) == 1:
        return True
    before = [t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod", "nmod")]
    return list(cue.words[:-1]) == before[-(len(cue.words) - 1) :]


def _noun(view: View, noun: Token, predicate: str, cue: Cue) -> Iterator[Candidate]:
    # "rivals X and Y": with no preposition the named apposition is the object, not the subject
    described = _described(view, noun) if cue.prep or cue.before else _describes(view, noun)
    owners = [  # "Ostravia's biggest maker" is no maker of Ostravia
        m for c in noun.children if c.dep_ == "poss" and not_place(view, c) for m in refer(view, c)
    ]
    relation = cue.prep in view.ontology.grammar.relation_prepositions
    if relation and not owners and noun.is_lower and _modifies_name(view, noun):
        owners = _name_owners(view, noun)  # "its supplier Brisk": the name's owner is the noun's
    if cue.prep and not owners and not _held(view, noun):  # "the Norvale headquarters in Harwick"
        # "the company headquarters in P": the company's, as "its" would be (not "the
        # airline customer for X", a customer that is an airline)
        placed = view.ontology.properties[predicate].range == frozenset({"Place"})
        owners = [
            m
            for c in noun.children
            if c.dep_ == "compound"
            and (c.i in view.names or (placed and c.pos_ == "NOUN"))
            and not_place(view, c)
            for m in refer(view, c, coordinate=False)
        ]
    if cue.before:
        targets = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "nmod") and c.i < noun.i and not_place(view, c)
        ]
        if view.ontology.properties[predicate].range == frozenset({"Place"}):
            targets = [  # "its Harwick headquarters"; not "the Norvale headquarters", Norvale's own
                c
                for c in noun.children
                if c.dep_ in ("compound", "nmod") and c.i < noun.i and c.ent_type_ in ("GPE", "LOC")
            ]
    elif cue.prep:
        targets = (
            prep_objects(view, noun, cue.prep)
            or _verb_places(view, noun, predicate, cue)
            or _verb_names(view, noun, cue)
            or _after_agent(view, noun, cue.prep)
        )
        targets += _place_examples(view, noun, predicate, targets)
    else:
        targets = [
            c for c in noun.children if c.dep_ == "appos" or c.i > noun.i and c.dep_ == "compound"
        ] or _apposed_list(view, noun)
        if not targets and _exemplified(view, noun):
            targets = [noun]  # "lost players to rivals like X and Y": the noun's examples
    agents = _by(view, noun) if cue.prep and not cue.inverse and not targets else []
    if not targets and cue.prep and view.ontology.properties[predicate].symmetric:
        yield from _between(view, predicate, noun, cue)  # "the partnership between A and B"
    if described and owners and relation and not targets:
        objects, subjects, pattern = owners, described, "noun-described"
        if not cue.inverse and _owner_holds(view, predicate, noun):
            # "Brisk, Norvale's latest acquisition": the owner acquired it, not the reverse
            objects, subjects = described, owners
    elif owners and agents:  # "Brisk's acquisition by Norvale": the owner is the one acquired
        objects, subjects, pattern = owners, agents, "noun-agent"
    elif cue.before and owners and targets and _holds_role(view, predicate, noun, cue):
        # "its Brisk unit": Brisk is the unit, of the owner (not "a unit of Brisk")
        subjects = [m for t in targets for m in refer(view, t)]
        objects, pattern = owners, "noun-owner"
    elif not (cue.prep or cue.before) and owners and targets and not _symmetric(view, predicate):
        # "Norvale's unit, Brisk", "its parent, Ferrow": the name holds the role the noun
        # names, towards the owner (Brisk is Norvale's unit; Ferrow is its parent)
        subjects = [m for t in targets for m in refer(view, t)]
        objects, pattern = owners, "noun-owner"
    else:
        objects = []
        for target in targets:
            objects += _share_holder(view, target) or (
                refer_or_owner(view, target) if cue.prep else refer(view, target)
            )
            if cue.prep and not cue.inverse and not objects:  # "its use of Brisk's chips"
                objects = makers_of(view, target, predicate)
        subjects, pattern = _operators(view, noun, predicate), "noun-agent"
        if owners or described or not subjects:
            subjects, pattern = _subjects(view, noun, owners, described, objects)
        # "a unit of X", "part of X", "a supplier to X": a noun naming the role of what it
        # describes (a `kg:inverseListNoun`) is held by no one who merely buys or sells it
        role = cue.prep is not None and _holds_role(view, predicate, noun, cue)
        if role and pattern == "noun-verb" and not _copular(view, noun):
            subjects = []  # "Brisk bought a unit of Norvale": Brisk is no unit of Norvale
        if pattern in ("noun-topic", "noun-verb") or not subjects:
            makers = _product_makers(view, predicate, targets)
            if makers:  # "the launch of Norvale's Kestrel 7": Norvale launched it
                subjects, pattern = makers, "noun-owner"
    if not objects and pattern in ("noun-verb", "noun-owner"):  # "A and B formed a partnership"
        subjects = _named_parties(view, noun) or subjects
        yield Candidate(predicate, tuple(subjects), (), "noun-pair", noun, cue.text, pairwise=True)
    elif not objects and not owners and pattern == "noun-described" and len(subjects) > 1:
        yield from _pair(view, predicate, subjects, noun, cue)  # "A and B are rivals"
    if not objects and not owners and _modifies_name(view, noun):
        rivals = list(_object_pair(view, predicate, noun, cue))  # "X bought rival Y"
        yield from rivals or _topic_pair(view, predicate, described, noun, cue)  # "rival Y said"
    sold = _sold(view, noun, predicate, cue, objects)
    if sold is not None:  # "the sale of Brisk to Ferrow": Ferrow took Brisk over
        yield from sold
        return
    if (
        cue.before
        and len(objects) > 1
        and not owners
        and noun.tag_ == "NN"
        and _symmetric(view, predicate)
    ):  # "investigate the A and B partnership": the names before it are its parties
        yield Candidate(predicate, tuple(objects), (), "noun-pair", noun, cue.text, pairwise=True)
        return
    if not objects or not subjects:
        return
    shares = view.ontology.properties[predicate].share_purchase
    if shares and any(_share_holder(view, t) for t in targets):
        predicate = shares  # "the purchase of Norvale shares" is an investment in Norvale
    if cue.inverse:
        subjects, objects = objects, subjects
    predicate = _control(view, noun, predicate) or predicate
    yield Candidate(
        predicate, tuple(subjects), tuple(unique_mentions(objects)), pattern, noun, cue.text
    )


def _sold(
    view: View, noun: Token, predicate: str, cue: Cue, recipients: list[Mention]
) -> list[Candidate] | None:
    """ "the sale of Brisk to Ferrow", "Brisk's sale to Ferrow", "the sale of its chip unit to
    Ferrow": a noun cue that hands what it names to its preposition's object, handing over an
    organisation or a part of one (after "of", else its possessor, the noun being singular),
    is the sale of a business: the property's `kg:businessSale` where the business is named,
    else nothing (None: no business sold)."""
    ontology = view.ontology
    sale = ontology.properties[predicate].business_sale
    if sale is None or cue.inverse or not cue.prep or not recipients:
        return None
    if _holds_role(view, predicate, noun, cue):  # "Norvale's main supplier" sells nothing off
        return None
    handed = [
        c
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in ontology.grammar.genitive_prepositions
        for c in p.children
        if c.dep_ == "pobj"
    ]
    if not handed and noun.tag_ == "NN":
        handed = [c for c in noun.children if c.dep_ == "poss"]
    handed += named_parts(view, handed)  # "its Brisk unit"
    firms = [
        m
        for c in handed
        if c.i in view.names
        for m in refer(view, c)
        if m.ner == "ORG" or m.hint == "Organization" or ontology.is_org_name(m.text)
    ]
    if firms:
        return [Candidate(sale, tuple(recipients), tuple(firms), "noun-verb", noun, cue.text)]
    parts = [c for c in handed if ontology.class_of_head_noun(c.lemma_.lower()) == "Organization"]
    return [] if parts else None


def _symmetric(view: View, predicate: str) -> bool:
    return view.ontology.properties[predicate].symmetric


def _held(view: View, noun: Token) -> bool:
    """ "Norvale has 300 Brisk stores in P": what a subject has or owns (a `kg:possessionWord`)
    is its own, whatever brand the noun bears."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in view.ontology.grammar.possession_words
        and bool(subjects_of(view, verb))
    )


def _control(view: View, noun: Token, predicate: str) -> str | None:
    """ "bought a 60% stake in X", "the acquisition of a majority stake in X": buying control
    of a firm is buying the firm (the property whose `kg:sharePurchase` this one is)."""
    ontology = view.ontology
    if noun.lemma_.lower() not in ontology.share_nouns or not _majority(view, noun):
        return None
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    lemma = governor.lemma_.lower()
    for prop in ontology.properties.values():
        if prop.share_purchase != predicate:
            continue
        if any(c.words[0] == lemma and not c.inverse for c in (*prop.verbs, *prop.nouns)):
            return prop.name
    return None


def _majority(view: View, noun: Token) -> bool:
    """A share noun for more than half a firm: "a majority stake", "an 80% stake"."""
    words = view.ontology.grammar.majority_words
    for token in noun.subtree:
        if token.i >= noun.i:
            break
        if token.lower_ in words:
            return True
        number = token.text.rstrip("%").replace(",", "")
        if token.ent_type_ == "PERCENT" and token.like_num and _number(number) > 50:
            return True
    return False


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _verb_places(view: View, noun: Token, predicate: str, cue: Cue) -> list[Token]:
    """ "X opened a factory in P", the place hung on the verb that takes the noun: a place
    cue's places, where the noun has none of its own."""
    if "Place" not in view.ontology.properties[predicate].range:
        return []
    if noun.dep_ != "dobj":
        return _next_places(noun, cue)
    return where(view, noun.head, cue.prep or "") + [
        o
        for p in noun.head.children
        if p.dep_ == "prep" and p.lower_ == cue.prep
        for o in p.children
        if o.dep_ == "pobj" and o.ent_type_ in PLACES
    ]


def _next_places(noun: Token, cue: Cue) -> list[Token]:
    """ "a briefing at the X headquarters in P": the cue's preposition right after the noun,
    hung by the parser on the noun the phrase depends on, is still the noun's."""
    doc = noun.doc
    if noun.dep_ != "pobj" or noun.i + 1 >= len(doc):
        return []
    prep = doc[noun.i + 1]
    if prep.dep_ != "prep" or prep.lower_ != cue.prep or prep.head.i != noun.head.head.i:
        return []
    return [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in PLACES]


def _verb_names(view: View, noun: Token, cue: Cue) -> list[Token]:
    """ "X won an order from Y", "X signed a deal with Y", "Y, in which X holds a stake": the
    cue's preposition hung on the verb that takes the noun, where the noun has none of its
    own; its object a name, not a place, or a relative pronoun before the verb."""
    if noun.dep_ != "dobj" or any(c.dep_ == "prep" and c.lower_ == cue.prep for c in noun.children):
        return []
    relatives = view.ontology.grammar.relative_pronouns
    return [
        o
        for p in noun.head.children
        if p.dep_ == "prep" and p.lower_ == cue.prep
        for o in p.children
        if o.dep_ == "pobj"
        and (  # "X, in which Y holds a stake": the relative before the verb stands for X
            (p.i > noun.i and o.i in view.names and o.ent_type_ not in PLACES)
            or (p.i < noun.i and o.lower_ in relatives)
        )
    ]


def _product_makers(view: View, predicate: str, targets: list[Token]) -> list[Mention]:
    """The named owners of the named products a cue's preposition takes, where the property
    goes from organisations to products only."""
    prop = view.ontology.properties[predicate]
    if prop.domain != {"Organization"} or "Organization" in prop.range:
        return []
    return [
        m
        for t in targets
        if t.i in view.names
        for word in view.names[t.i]
        for c in word.children
        if c.dep_ == "poss"
        and c.i in view.names
        and view.names[c.i] != view.names[t.i]
        and not_place(view, c)
        for m in refer(view, c, coordinate=False)
        if not is_person_name(m, view.ontology)
    ]


def _operators(view: View, noun: Token, predicate: str) -> list[Mention]:
    """ "The plant in P is run by X": who does the passive verb a place cue is the subject of;
    "the expansion of X into P", "the operations of X in P": whose the place cue's noun is."""
    if "Place" not in view.ontology.properties[predicate].range:
        return []
    if noun.dep_ == "nsubjpass":
        return agents(view, noun.head)
    return [
        m
        for prep in view.ontology.grammar.genitive_prepositions
        for t in prep_objects(view, noun, prep)
        if t.i in view.names and not_place(view, t)
        for m in refer(view, t)
    ]


def _named_parties(view: View, noun: Token) -> list[Mention]:
    """ "the A and B partnership": the parties the noun's own phrase names, whether the parser
    hangs A on the noun beside B or joins it to the noun that B modifies; none for "A and the
    B partnership", a plural noun or a noun with one name before it."""
    if noun.tag_ != "NN":
        return []  # "A and B partnerships" are A's and B's
    if noun.dep_ == "conj" and any(c.dep_ in ("det", "poss") for c in noun.children):
        return []  # "A and the B partnership"
    named = [c for c in noun.children if c.dep_ == "compound" and c.i in view.names]
    joined = [
        c
        for c in noun.children
        if c.dep_ in ("nmod", "compound") and c.i in view.names and _has_cc(c)
    ]
    head = noun.head
    if noun.dep_ == "conj" and head.i in view.names and head.i < noun.i and _has_cc(head):
        joined.append(head)
    if not named or not joined:
        return []
    return unique_mentions([m for t in (*joined, *named) for m in refer(view, t, coordinate=False)])


def _has_cc(token: Token) -> bool:
    return any(c.dep_ == "cc" for c in token.children)


def _pair(
    view: View, predicate: str, subjects: list[Mention], noun: Token, cue: Cue
) -> Iterator[Candidate]:
    if view.ontology.properties[predicate].symmetric:
        group = tuple(subjects)
        yield Candidate(predicate, group, (), "noun-pair", noun, cue.text, pairwise=True)


def _name_owners(view: View, noun: Token) -> list[Mention]:
    """The owner of the name a relational noun stands before: "its supplier Brisk Components",
    "Norvale's parent Ferrow" (the parser hangs the possessive on the name, not the noun)."""
    name = view.names[noun.head.i]
    return [
        m
        for c in name.root.children
        if c.dep_ == "poss" and c.i < noun.i and not_place(view, c)
        for m in refer(view, c, coordinate=False)
    ]


def _place_examples(view: View, noun: Token, predicate: str, targets: list[Token]) -> list[Token]:
    """ "operations in Ostravia, including Harwick and Corrin": places given as examples after
    the place a noun cue takes, where the parser hangs them on the noun."""
    if "Place" not in view.ontology.properties[predicate].range:
        return []
    places = [t for t in targets if t.ent_type_ in PLACES]
    if not places:
        return []
    markers = [
        p
        for p in noun.children
        if p.dep_ == "prep"
        and p.i > places[0].i
        and prep_phrase(p) in view.ontology.example_markers
    ]
    inner = [c for p in markers for c in p.children if c.dep_ == "prep"]  # "including in P"
    return [
        c
        for p in (*markers, *inner)
        for c in p.children
        if c.dep_ == "pobj" and c.ent_type_ in PLACES
    ]


def _apposed_list(view: View, noun: Token) -> list[Token]:
    """ "its partners, A, B and C, would own the rest": names set off by a comma after the noun
    that the parser coordinated with it are in apposition to it. Not "its partners and A": the
    noun's own conjunction coordinates."""
    doc, conjunctions = noun.doc, view.ontology.grammar.conjunctions
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != "," or not noun.is_lower:
        return []
    if any(c.dep_ == "cc" and c.lower_ in conjunctions for c in noun.children):
        return []
    first = next((c for c in noun.children if c.dep_ == "conj"), None)
    if first is None or first.i not in view.names or view.names[first.i].start != noun.i + 2:
        return []
    return [first] if not_place(view, first) else []


def _exemplified(view: View, noun: Token) -> bool:
    return any(
        c.dep_ == "prep" and prep_phrase(c) in view.ontology.example_markers for c in noun.children
    )


def _modifies_name(view: View, noun: Token) -> bool:
    return noun.dep_ in ("compound", "amod") and noun.head.i in view.names and noun.i < noun.head.i


def _object_pair(view: View, predicate: str, noun: Token, cue: Cue) -> Iterator[Candidate]:
    """ "Norvale sued rival Brisk", "bought rival Brisk's stores": a symmetric noun before a
    name that a verb takes (directly, or as owner of what it takes) pairs the name with the
    verb's subject."""
    if not view.ontology.properties[predicate].symmetric or not noun.is_lower:
        return  # "its Hardware Partner Program": a capital word is part of a name
    name = noun.head
    if any(c.dep_ == "poss" and c.i < noun.i for c in name.children):
        return  # "invested in Norvale's rival Brisk": Brisk is Norvale's rival, not the investor's
    taken = name.head if name.dep_ == "poss" else name
    verb = taken.head
    if taken.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
        if verb.dep_ == "advmod" and verb.pos_ == "ADV":
            verb = verb.head  # "took share away from rival Y"
    elif taken.dep_ == "nsubj" and verb.dep_ in CLAUSES and name.dep_ != "poss":
        verb = verb.head  # "X cut prices, while rival Y raised them", "X said rival Y would"
    elif taken.dep_ != "dobj":
        return
    if verb.pos_ not in ("VERB", "AUX"):
        return
    named = refer(view, name, coordinate=name.dep_ != "poss")
    subjects = [
        m
        for m in subjects_of(view, verb)
        if m.text not in {n.text for n in named} and not is_person_name(m, view.ontology)
    ]
    if subjects and named:
        yield Candidate(predicate, tuple(subjects), tuple(named), "noun-verb", noun, cue.text)


CLAUSES = frozenset({"advcl", "ccomp", "conj"})  # a clause that hangs on another's verb


def _topic_pair(
    view: View, predicate: str, named: list[Mention], noun: Token, cue: Cue
) -> Iterator[Candidate]:
    """A symmetric fact between a name called "rival" or "partner" and the organisation the
    text is about."""
    if not view.ontology.properties[predicate].symmetric:
        return
    if any(c.dep_ == "poss" for c in noun.head.children):
        return  # "its rival X": whose rival is for the noun patterns, when named
    topic = view.focus.org
    if topic is None or _other_names(view, named):
        return
    others = tuple(m for m in named if view.focus.key(m) != view.focus.key(topic))
    yield Candidate(predicate, others, (topic,), "noun-topic", noun, cue.text, variant="pair")


def _share_holder(view: View, target: Token) -> list[Mention]:
    """ "purchase of Norvale shares": the company whose shares are bought."""
    if target.lemma_.lower() not in view.ontology.share_nouns or target.i in view.names:
        return []
    return [
        m for c in target.children if c.dep_ in ("compound", "poss", "nmod") for m in refer(view, c)
    ]


def _described(view: View, noun: Token) -> list[Mention]:
    named = [c for c in noun.children if c.dep_ == "appos" and c.i in view.names]
    if named:  # "its e-commerce arm, Marlowe Direct"
        return [mention_of(view, view.names[c.i]) for c in named]
    return _describes(view, noun)


def _describes(view: View, noun: Token) -> list[Mention]:
    """The entity a noun describes: "X, a unit of Y", "X is a unit of Y", "As a unit of Y, X"."""
    if noun.dep_ == "appos" or (
        noun.dep_ in ("amod", "compound")
        and noun.i < noun.head.i
        and noun.head.i in view.names
        and view.names[noun.head.i].start == noun.i + 1  # "A maker X and B maker Y"
    ):
        described = _set_off_from(view, noun)
        return refer(view, described or noun.head, coordinate=described is None)
    head, grammar = noun.head, view.ontology.grammar
    if noun.dep_ == "attr" and head.lemma_ in grammar.copulas:
        return [m for c in head.children if c.dep_ == "nsubj" for m in refer(view, c)]
    one = head.head  # "X, one of the largest lenders in P"
    partitive = noun.dep_ == "pobj" and (one.lower_, head.lower_) in grammar.partitives
    if partitive and one.dep_ == "appos" and one.head.i in view.names:
        return refer(view, one.head, coordinate=False)
    role = head.lower_ in grammar.role_markers
    if noun.dep_ == "pobj" and role and head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(view, head.head)
    return []


def _set_off_from(view: View, noun: Token) -> Token | None:
    """What a noun set off after a name describes. After names joined by "and" the parser
    may hang it on the first, but "A and B — a unit of C —" says B is the unit, and "A and
    B, both units of C" says it of both (None)."""
    head = noun.head
    between = [c for c in head.conjuncts if head.i < c.i < noun.i and c.i in view.names]
    if between:
        return None if noun.tag_ == "NNS" else between[-1]
    # "cited it as a rival to X, the company behind Y": the parser may hang the apposition
    # on a word before; the name set off right before it is the one it describes
    first = min(t.i for t in noun.subtree)
    before = view.names.get(first - 2) if noun.doc[first - 1].text == "," else None
    if noun.dep_ == "appos" and before is not None and head.i < before.start:
        return before.root
    return head


def _subjects(
    view: View,
    noun: Token,
    owners: list[Mention],
    described: list[Mention],
    objects: list[Mention],
) -> tuple[list[Mention], str]:
    if owners:
        named = [m for m in owners if not is_reference(m, view)]
        if named or noun.dep_ not in ("dobj", "pobj"):
            return owners, "noun-owner"
    if described:
        return described, "noun-described"
    grammar = view.ontology.grammar
    by = _by(view, noun)
    if by:  # "the acquisition of Marrowby by Duskfield"
        return by, "noun-agent"
    between = [t for p in grammar.parties_prepositions for t in prep_objects(view, noun, p)]
    if between:
        return refer(view, between[0]), "noun-between"
    head, steps, via = noun, 0, noun.dep_
    while head.dep_ in NOUN_CLIMB and head.head.i != head.i and steps < 6:
        via, head, steps = head.dep_, head.head, steps + 1
        # "places it in competition with X": the object is the one in competition (with no X
        # named, "replaced A and B with new partners" makes no pair of A and B)
        direct = [c for c in head.children if c.dep_ == "dobj"] if via == "prep" and objects else []
        if direct and refer(view, direct[0]):
            return refer(view, direct[0]), "noun-verb"
        if head.pos_ in ("VERB", "AUX"):
            subjects = subjects_of(view, head)
            if owners and all(is_person_name(m, view.ontology) for m in subjects):
                break  # "Jane Roe spoke from the company's headquarters": the company's
            if subjects:
                return subjects, "noun-verb"
            break
    if owners:
        return owners, "noun-owner"
    if view.focus.org is None or _other_names(view, objects):
        return [], "noun-topic"
    return [view.focus.org], "noun-topic"


def _copular(view: View, noun: Token) -> bool:
    """Is the verb a noun hangs on a copula ("X is one of the largest suppliers to Y")?"""
    head, steps = noun, 0
    while head.dep_ in NOUN_CLIMB and head.head.i != head.i and steps < 6:
        head, steps = head.head, steps + 1
        if head.pos_ in ("VERB", "AUX"):
            return head.lemma_.lower() in view.ontology.grammar.copulas
    return False


def _holds_role(view: View, predicate: str, noun: Token, cue: Cue) -> bool:
    """Does the noun name the subject's role towards its owner (a `kg:inverseListNoun`:
    "unit", "supplier"), so that a name before it is the role's holder?"""
    lemma, lists = noun.lemma_.lower(), view.ontology.properties[predicate].lists
    return not cue.inverse and any(c.inverse and c.words[-1] == lemma for c in lists)


def _owner_holds(view: View, predicate: str, noun: Token) -> bool:
    """Is the noun a `kg:listNoun` of an asymmetric property ("acquisition"), whose owner is
    the property's subject ("Norvale's acquisitions"), so that what it describes is the object?"""
    prop, lemma = view.ontology.properties[predicate], noun.lemma_.lower()
    return not prop.symmetric and any(not c.inverse and c.words == (lemma,) for c in prop.lists)


def _after_agent(view: View, noun: Token, prep: str) -> list[Token]:
    """ "the investment by X in Y": the noun's own preposition, which the parser may hang on
    the agent after it."""
    return [
        t
        for by in noun.children
        if by.dep_ in ("prep", "agent") and by.lower_ in view.ontology.grammar.agent_prepositions
        for agent in by.children
        if agent.dep_ == "pobj"
        for t in prep_objects(view, agent, prep)
    ]


def _by(view: View, noun: Token) -> list[Mention]:
    """Who does what a noun names: "the acquisition of Marrowby by Duskfield"."""
    grammar = view.ontology.grammar
    found = [
        m
        for prep in grammar.agent_prepositions
        for t in prep_objects(view, noun, prep)
        for m in refer(view, t)
    ]
    # "the launch of the X drone by Y": the parser may hang the agent on the noun's object
    objects = [o for p in noun.children if p.dep_ == "prep" for o in p.children]
    return found or [
        m
        for o in objects
        if o.dep_ == "pobj"
        for c in o.children
        if c.dep_ in ("prep", "agent") and c.lower_ in grammar.agent_prepositions
        for t in c.children
        if t.dep_ == "pobj"
        for m in refer(view, t)
    ]


def _between(view: View, predicate: str, noun: Token, cue: Cue) -> Iterator[Candidate]:
    """ "the partnership between Norvale and Brisk": the parties of a symmetric relation."""
    grammar = view.ontology.grammar
    between = [t for p in grammar.parties_prepositions for t in prep_objects(view, noun, p)]
    parties = unique_mentions([m for t in between for m in refer(view, t)])
    if len(parties) > 1:
        group = tuple(parties)
        yield Candidate(predicate, group, (), "noun-between", noun, cue.text, pairwise=True)


def _other_names(view: View, objects: list[Mention]) -> bool:
    """Does the sentence name an organisation besides the objects? Then the topic is unsafe."""
    taken = {m.text for m in objects}
    for token in view.tokens:
        name = view.names.get(token.i)
        if name is not None and name.text not in taken and token.ent_type_ not in PLACES:
            return True
    return False
