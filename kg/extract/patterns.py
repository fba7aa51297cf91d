"""The patterns: verbs, nouns, titles, possessives, funding rounds, places."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.clauses import (
    agents,
    coordinated,
    is_passive,
    negated,
    prep_objects,
    subjects_of,
)
from kg.extract.model import (
    NOUN_CLIMB,
    PLACES,
    SUBJECTS,
    WHOLE_NAMES,
    Evidence,
    Fact,
    Mention,
    Sentence,
)
from kg.extract.refer import (
    is_person_name,
    mention_of,
    names_product,
    not_place,
    person_like,
    refer,
    refer_one,
    unique_mentions,
)
from kg.ingest import Article
from kg.ontology import Cue
from kg.qualifiers import NONE, denied, qualify


def sentence_facts(state: Sentence, article: Article) -> Iterator[Fact]:
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


def _hints(state: Sentence) -> None:
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
    state: Sentence,
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


def _is_reference(mention: Mention, state: Sentence) -> bool:
    """True when the mention is a pronoun or description standing for an earlier name."""
    token_start = mention.start - state.offset
    span = state.sent.doc.char_span(token_start, mention.end - state.offset)
    return span is not None and span.text != mention.text


def _cue_matches(token: Token, cue: Cue) -> bool:
    if token.lemma_.lower() != cue.words[0] and token.lower_ != cue.words[0]:
        return False
    rest = set(cue.words[1:])
    return rest <= {c.lower_ for c in token.children} | {c.lemma_.lower() for c in token.children}


def _verb_facts(state: Sentence, verb: Token) -> None:
    if negated(verb):
        return
    for prop in state.ontology.properties.values():
        for cue in prop.verbs:
            if _cue_matches(verb, cue):
                _verb_fact(state, verb, prop.name, cue)


def _verb_fact(state: Sentence, verb: Token, predicate: str, cue: Cue) -> None:
    passive = is_passive(verb)
    if cue.prep and any(c.dep_ == "prt" and c.lower_ == cue.prep for c in verb.children):
        cue = Cue((*cue.words, cue.prep), inverse=cue.inverse)  # "took over X": a particle
    if cue.prep:
        subjects = subjects_of(state, verb)
        objects = [m for t in prep_objects(state, verb, cue.prep) for m in refer(state, t)]
        if verb.dep_ == "amod":  # "the Oslo-based firm"
            objects += [
                m
                for c in verb.children
                if c.dep_ in ("npadvmod", "compound")
                for m in refer(state, c)
            ]
    elif passive:
        subjects = agents(state, verb)
        objects = subjects_of(state, verb)
        if verb.dep_ == "amod":
            objects, subjects = (
                subjects_of(state, verb),
                [
                    m
                    for c in verb.children
                    if c.dep_ in ("npadvmod", "compound")
                    for m in refer(state, c)
                ],
            )
            if not cue.inverse:
                subjects, objects = objects, subjects
    else:
        subjects = subjects_of(state, verb)
        objects = [
            m for c in verb.children if c.dep_ in ("dobj", "dative") for m in refer(state, c)
        ]
        own_subject = any(  # "that the company introduced", not "who are themselves ..."
            c.dep_ in SUBJECTS
            and c.lower_ not in state.ontology.grammar.relative_pronouns
            and not c.lower_.endswith(state.ontology.grammar.reflexive_endings)
            for c in verb.children
        )
        if (
            verb.dep_ == "relcl"
            and own_subject
            and not any(c.dep_ == "dobj" for c in verb.children)
        ):
            objects = refer(state, verb.head)  # "a version that the company introduced"
    if not objects:
        if not any(c.dep_ in ("dobj", "prep") for c in verb.children):
            _pairs(state, predicate, subjects, "verb-pair", 0.8, verb)  # "A and B teamed up"
        return
    objects += coordinated(state, verb)
    if cue.inverse:
        subjects, objects = objects, subjects
    confidence = 0.8 if passive else 0.9
    _add(
        state,
        predicate,
        subjects,
        unique_mentions(objects),
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


def _noun_facts(state: Sentence, noun: Token) -> None:
    if noun.i in state.names and noun.pos_ == "PROPN":
        return
    for prop in state.ontology.properties.values():
        for cue in prop.nouns:
            if _noun_cue_matches(noun, cue):
                _noun_fact(state, noun, prop.name, cue)


def _noun_fact(state: Sentence, noun: Token, predicate: str, cue: Cue) -> None:
    # "rivals X and Y": with no preposition the named apposition is the object, not the subject
    described = _described(state, noun) if cue.prep or cue.before else _describes(state, noun)
    owners = [m for c in noun.children if c.dep_ == "poss" for m in refer(state, c)]
    if cue.prep and not owners:  # "the NRC headquarters in Rockville"
        owners = [
            m
            for c in noun.children
            if c.dep_ == "compound" and c.i in state.names and not_place(state, c)
            for m in refer(state, c, coordinate=False)
        ]
    if cue.before:
        targets = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "nmod") and c.i < noun.i and not_place(state, c)
        ]
    elif cue.prep:
        targets = prep_objects(state, noun, cue.prep)
    else:
        targets = [
            c for c in noun.children if c.dep_ == "appos" or c.i > noun.i and c.dep_ == "compound"
        ]
    relation = cue.prep in state.ontology.grammar.relation_prepositions
    if described and owners and relation and not targets:
        objects, subjects, pattern = owners, described, "noun-described"
    else:
        objects = []
        for target in targets:
            objects += _share_holder(state, target, predicate) or refer(state, target)
        subjects, pattern = _noun_subjects(state, noun, owners, described, objects)
    if not objects and pattern in ("noun-verb", "noun-owner"):  # "A and B formed a partnership"
        _pairs(state, predicate, subjects, "noun-pair", 0.75, noun)
    if not objects and not owners and _modifies_name(state, noun):  # "rival Kavrio Pay said"
        _topic_pair(state, predicate, described, noun)
    if not objects or not subjects:
        return
    if predicate == "acquired" and any(_share_holder(state, t, predicate) for t in targets):
        predicate = "investedIn"
    if cue.inverse:
        subjects, objects = objects, subjects
    confidence = {
        "noun-owner": 0.85,
        "noun-agent": 0.85,
        "noun-described": 0.8,
        "noun-verb": 0.8,
    }.get(pattern, 0.55)
    _add(state, predicate, subjects, unique_mentions(objects), pattern, confidence, noun)


def _modifies_name(state: Sentence, noun: Token) -> bool:
    return noun.dep_ in ("compound", "amod") and noun.head.i in state.names and noun.i < noun.head.i


def _topic_pair(state: Sentence, predicate: str, named: list[Mention], noun: Token) -> None:
    """A symmetric fact between a name called "rival" or "partner" and the organisation the
    text is about."""
    if not state.ontology.properties[predicate].symmetric:
        return
    if any(c.dep_ == "poss" for c in noun.head.children):
        return  # "its rival X": whose rival is for the noun patterns, when named
    topic = state.focus.org
    if topic is None or _other_names(state, named):
        return
    others = [m for m in named if state.focus.key(m) != state.focus.key(topic)]
    _add(state, predicate, others, [topic], "noun-topic", 0.6, noun)


def _pairs(
    state: Sentence,
    predicate: str,
    parties: list[Mention],
    pattern: str,
    confidence: float,
    anchor: Token,
) -> None:
    """A symmetric property between every two of several coordinated parties."""
    if not state.ontology.properties[predicate].symmetric:
        return
    unique = unique_mentions(parties)
    for i, first in enumerate(unique):
        _add(state, predicate, [first], unique[i + 1 :], pattern, confidence, anchor)


def _share_holder(state: Sentence, target: Token, predicate: str) -> list[Mention]:
    """ "purchase of Norvale shares": the company whose shares are bought."""
    if target.lemma_.lower() not in state.ontology.share_nouns or target.i in state.names:
        return []
    return [
        m
        for c in target.children
        if c.dep_ in ("compound", "poss", "nmod")
        for m in refer(state, c)
    ]


def _described(state: Sentence, noun: Token) -> list[Mention]:
    named = [c for c in noun.children if c.dep_ == "appos" and c.i in state.names]
    if named:  # "its e-commerce arm, Marlowe Direct"
        return [mention_of(state, state.names[c.i]) for c in named]
    return _describes(state, noun)


def _describes(state: Sentence, noun: Token) -> list[Mention]:
    """The entity a noun describes: "X, a unit of Y", "X is a unit of Y", "As a unit of Y, X"."""
    if noun.dep_ == "appos" or (
        noun.dep_ in ("amod", "compound") and noun.i < noun.head.i and noun.head.i in state.names
    ):
        return refer(state, noun.head, coordinate=False)
    head = noun.head
    grammar = state.ontology.grammar
    if noun.dep_ == "attr" and head.lemma_ in grammar.copulas:
        return [m for c in head.children if c.dep_ == "nsubj" for m in refer(state, c)]
    role = head.lower_ in grammar.role_markers
    if noun.dep_ == "pobj" and role and head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(state, head.head)
    return []


def _noun_subjects(
    state: Sentence,
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
    grammar = state.ontology.grammar
    by = [
        m
        for prep in grammar.agent_prepositions
        for t in prep_objects(state, noun, prep)
        for m in refer(state, t)
    ]
    if by:  # "the acquisition of Marrowby by Duskfield"
        return by, "noun-agent"
    between = [t for p in grammar.parties_prepositions for t in prep_objects(state, noun, p)]
    if between:
        return refer(state, between[0]), "noun-between"
    head, steps, via = noun, 0, noun.dep_
    while head.dep_ in NOUN_CLIMB and head.head.i != head.i and steps < 6:
        via, head, steps = head.dep_, head.head, steps + 1
        # "places it in competition with X": the object is the one in competition
        direct = [c for c in head.children if c.dep_ == "dobj"] if via == "prep" else []
        if direct and refer(state, direct[0]):
            return refer(state, direct[0]), "noun-verb"
        if head.pos_ in ("VERB", "AUX"):
            subjects = subjects_of(state, head)
            if subjects:
                return subjects, "noun-verb"
            break
    if owners:
        return owners, "noun-owner"
    if state.focus.org is None or _other_names(state, objects):
        return [], "noun-topic"
    return [state.focus.org], "noun-topic"


def _other_names(state: Sentence, objects: list[Mention]) -> bool:
    """Does the sentence name an organisation besides the objects? Then the topic is unsafe."""
    taken = {m.text for m in objects}
    for token in state.sent:
        name = state.names.get(token.i)
        if name is not None and name.text not in taken and token.ent_type_ not in PLACES:
            return True
    return False


def _title_facts(state: Sentence) -> None:
    """ "CEO Jane Roe", "Jane Roe, chief executive of X", "X's chief executive Jane Roe"."""
    titles = state.ontology.titles
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


def _title_fact(state: Sentence, title: Span, predicate: str) -> None:
    root = title.root
    if len(title) > 1:  # "co - founder" split by the tokenizer: the piece attached to a name
        root = next((t for t in title if t.head.i in state.names), title[-1])
    before = title.doc[max(title.sent.start, title.start - 4) : title.start]
    if any(t.lower_ in state.ontology.grammar.former_words for t in before):
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
    people = [replace(p, hint="Person") for p in people if person_like(p, state)]
    _add(state, predicate, people, orgs, "title", confidence)


def _title_orgs(state: Sentence, root: Token, start: int) -> list[Mention]:
    """The organisation of a title: "CEO of X", "X's CEO", "X CEO Jane Roe"."""
    orgs = [
        m
        for prep in state.ontology.grammar.title_prepositions
        for t in prep_objects(state, root, prep)
        if not_place(state, t)  # "vice-president for Asia" is not a job at Asia
        for m in refer(state, t)
    ]
    orgs += [
        m
        for c in root.children
        if c.dep_ in ("poss", "compound", "nmod") and c.i < start and not_place(state, c)
        for m in refer(state, c)
        if not is_person_name(m, state.ontology)
    ]
    head = root.head
    if not orgs and root.dep_ in ("compound", "nmod") and head.i in state.names:
        orgs = [  # "Veyra chief executive Wen-Hsu Lai": the organisation modifies the person
            m
            for c in head.children
            if c.dep_ in ("compound", "poss", "amod", "nmod")
            and c.i < root.i
            and not_place(state, c)
            and c.i in state.names
            for m in refer(state, c)
            if not is_person_name(m, state.ontology)
        ]
    return orgs


def _funding_facts(state: Sentence) -> None:
    """ "Ferrolith raised $120 million in a round led by Halcyon, with participation from
    Oakmere": everyone who leads or joins a company's funding invests in it."""
    ontology = state.ontology
    for verb in state.sent:
        if verb.lemma_.lower() not in ontology.funding_verbs or negated(verb):
            continue
        money = [c for c in verb.children if c.dep_ == "dobj"]
        if not any(c.ent_type_ == "MONEY" or c.lemma_ in ontology.funding_nouns for c in money):
            continue
        investors: list[Mention] = []
        for token in verb.subtree:
            if token.dep_ == "agent" and token.head.dep_ == "acl" or token.lower_ == "from":
                investors += [
                    m for c in token.children if c.dep_ == "pobj" for m in refer(state, c)
                ]
        _add(state, "investedIn", investors, subjects_of(state, verb), "funding", 0.75, verb)


def _place_facts(state: Sentence) -> None:
    """Where an organisation is based, from how it is named: "X, a Hong Kong construction firm",
    "Acme Corp. of Pittsburgh", "Giessen's Acme Bank"."""
    for token in state.sent:
        name = state.names.get(token.i)
        if name is not None and token.i == name.root.i and token.ent_type_ == "ORG":
            preps = state.ontology.grammar.place_prepositions
            words = [c for prep in preps for c in prep_objects(state, token, prep)]
            words += [c for c in token.children if c.dep_ == "poss" and c.i in state.names]
            _add(
                state,
                "headquarteredIn",
                [mention_of(state, name)],
                [
                    m
                    for c in words
                    for m in refer(state, c, coordinate=False)
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
                for m in refer(state, c)
            ]
            subject = [mention_of(state, state.names[token.head.i])]
            _add(state, "headquarteredIn", subject, places, "described-place", 0.7)


def _affiliation_facts(state: Sentence) -> None:
    """Works for, from how a person is introduced: "Jane Roe of Norvale", "Quillfin's
    Sam Poe", "Ana Ferreira, a Halvane Capital analyst"."""
    for token in state.sent:
        name = state.names.get(token.i)
        if name is None or token.i != name.root.i or token.ent_type_ != "PERSON":
            continue
        orgs = [
            m
            for prep in state.ontology.grammar.affiliation_prepositions
            for t in prep_objects(state, token, prep)
            for m in refer(state, t, coordinate=False)
            if m.ner == "ORG"
        ]
        orgs += [
            m
            for c in token.children
            if c.dep_ == "poss" and c.i in state.names and c.ent_type_ == "ORG"
            for m in refer(state, c, coordinate=False)
        ]
        for noun in token.children:  # an apposition naming a job with an organisation
            if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.i not in state.names:
                orgs += [
                    m
                    for c in noun.children
                    if c.dep_ in ("compound", "poss", "nmod")
                    and c.i in state.names
                    and not_place(state, c)
                    for m in refer(state, c, coordinate=False)
                    if not is_person_name(m, state.ontology)
                ]
        _add(state, "worksFor", [mention_of(state, name)], orgs, "affiliation", 0.6)


def _title_people(state: Sentence, root: Token) -> list[Mention]:
    head = root.head
    if root.dep_ == "conj" and head.i not in state.names:  # "co-founder and chief executive"
        return _title_people(state, head)
    if root.dep_ in ("compound", "appos", "nmod") and head.i in state.names:
        return [mention_of(state, state.names[head.i])]
    for child in root.children:
        if child.dep_ in ("appos", "compound") and child.i in state.names and child.i > root.i:
            return [mention_of(state, state.names[child.i])]
    grammar = state.ontology.grammar
    if root.dep_ == "attr" and head.lemma_ in grammar.copulas:
        return [m for c in head.children if c.dep_ == "nsubj" for m in refer(state, c)]
    if root.dep_ == "pobj" and head.lower_ in grammar.role_markers and head.head.pos_ == "VERB":
        verb = head.head  # "appointed Chen Wei-Ling as its chief executive", "joined as CEO"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and verb.lemma_.lower() not in state.ontology.succession_verbs:
            return refer(state, objects[0])
        return subjects_of(state, verb)  # "Jane Roe will succeed Sam Poe as chief executive"
    return []


def _possessive_facts(state: Sentence) -> None:
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
                for m in refer(state, c, coordinate=False)
                if m.ner != "PERSON"
            ]
            _add(state, "developed", owners, [mention_of(state, name)], "possessive", 0.65)
        if name is None and state.ontology.class_of_head_noun(token.lemma_.lower()) == "Product":
            _product_noun(state, token)


def _own_entity(name: Span, label: str) -> bool:
    """Is the name an entity of this label in its own right (not split from a longer one)?"""
    return any(e.label_ == label and e.start == name.start for e in name.doc.ents)


def _product_noun(state: Sentence, noun: Token) -> None:
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        return
    own = any(c.lower_ in state.ontology.grammar.own_words for c in noun.children)
    makers = [m for c in owners for m in refer(state, c, coordinate=False)]
    named_owners = own or all(c.i in state.names for c in owners)
    apposed = noun.dep_ == "appos" or (noun.dep_ == "conj" and own)
    if apposed and noun.head.i in state.names and named_owners:
        products = [mention_of(state, state.names[noun.head.i], "Product")]
        _add(state, "developed", makers, products, "apposition", 0.8)
    named = [
        c
        for c in noun.children
        if c.dep_ == "appos"
        or c.dep_ == "compound"
        and c.i > noun.i
        or c.i in state.names
        and c.i < noun.i
        and names_product(state, noun, c)
    ]
    products = [m for c in named for m in refer_one(state, c, apposed=True)]
    if products and (own or all(c.i in state.names for c in owners)):
        _add(state, "developed", makers, products, "apposition", 0.8)
