"""Lists: the named members of a group and who holds it. "Norvale's brands include Brisk and
Ferrow", "its backers include X, Y and Z", "Quillfin boasts X among its customers",
"Halvane owns chains such as X", "Tessaro is home to brands including X".

A `kg:listNoun` names a group whose members are the property's objects ("acquisitions"), a
`kg:inverseListNoun` one whose members are its subjects ("backers"); the holder of the group
(its possessor, the subject of the verb that has it, the agent of "a buying spree by X",
"is home to") is the other party. With no holder named ("other backers include X") none is
guessed: the organisation the text is about is too often the last one named; but a funding
round's investors are the investors of whoever the text is about ("investors in the round
include X").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.clauses import subjects_of
from kg.extract.model import PLACES, Candidate, Mention, View
from kg.extract.refer import is_reference, not_place, prep_phrase, refer, unique_mentions
from kg.ontology import Cue, cues_of


def list_candidates(view: View) -> Iterator[Candidate]:
    """Every `kg:listNoun` or `kg:inverseListNoun` with named members."""
    for word in view.words:
        if word.pos != "NOUN" or word.name is not None:
            continue
        noun = word.token
        matched = [
            (predicate, cue)
            for predicate, cue in cues_of(view.ontology.list_nouns, word.lemma)
            if _cue_matches(noun, cue)
        ]
        if not matched:
            continue
        members = _members(view, noun)
        if not members:
            continue
        holders, pattern = _holders(view, noun)
        if _self_held(view, holders, members):
            holders = _topic(view, holders[0], members)
        named = {m.text for m in members}
        holders = [h for h in holders if h.text not in named]  # no group holds its own member
        if not holders:
            continue
        for predicate, cue in matched:
            subjects, objects = holders, members
            if cue.inverse:
                subjects, objects = objects, subjects
            yield Candidate(predicate, tuple(subjects), tuple(objects), pattern, noun, cue.text)


def _self_held(view: View, holders: list[Mention], members: list[Mention]) -> bool:
    """ "X and Y are among its backers": a pronoun for the group's holder that stands for one
    of its members was bound to the wrong name (no firm backs itself)."""
    names = {m.text for m in members}
    return any(m.text in names and is_reference(m, view) for m in holders)


def _topic(view: View, pronoun: Mention, members: list[Mention]) -> list[Mention]:
    """The organisation the text is about, where it is none of the members, standing where the
    pronoun stands."""
    org = view.focus.org
    if org is None or org.text in {m.text for m in members}:
        return []
    return [replace(pronoun, text=org.text, ner=org.ner, hint=org.hint, acronym=org.acronym)]


def _cue_matches(noun: Token, cue: Cue) -> bool:
    if len(cue.words) == 1:
        return True
    before = [t.lemma_.lower() for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod")]
    return list(cue.words[:-1]) == before[-(len(cue.words) - 1) :]


def _members(view: View, noun: Token) -> list[Mention]:
    """The named members of the group a noun names."""
    grammar = view.ontology.grammar
    head = noun.head
    found: list[Mention] = []
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in grammar.list_verbs:
        return _objects(view, head)  # "its backers include X and Y"
    if noun.dep_ == "nsubj" and head.lemma_.lower() in grammar.copulas:  # "its top backer is X"
        return [m for c in head.children if c.dep_ == "attr" for m in refer(view, c)]
    agents = [  # "a buying spree by X that has included Y": the clause may hang on X
        c
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in grammar.agent_prepositions
        for c in p.children
        if c.dep_ == "pobj"
    ]
    for child in (c for t in (noun, *agents) for c in t.children):
        if child.dep_ == "relcl" and child.lemma_.lower() in grammar.list_verbs:
            relative = any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in grammar.relative_pronouns
                for c in child.children
            )
            if relative:
                found += _objects(view, child)
    for child in noun.children:  # "brands such as X", "firms including X"
        if child.dep_ == "prep" and prep_phrase(child) in view.ontology.example_markers:
            found += [m for c in child.children if c.dep_ == "pobj" for m in refer(view, c)]
    one = head.head
    partitive = noun.dep_ == "pobj" and (one.lower_, head.lower_) in grammar.partitives
    if partitive and one.dep_ == "attr" and one.head.lemma_.lower() in grammar.copulas:
        found += subjects_of(view, one.head)  # "X is one of its suppliers"
    if noun.dep_ == "pobj" and head.lower_ in grammar.member_prepositions:
        verb = head.head  # "boasts X among its customers", "X is among its customers"
        if verb.lemma_.lower() in grammar.copulas:  # "among its customers are X and Y"
            found += subjects_of(view, verb)
            found += [m for c in verb.children if c.dep_ == "attr" for m in refer(view, c)]
        elif verb.pos_ in ("VERB", "AUX"):
            found += _objects(view, verb)
    holding = head.head.lemma_.lower() in grammar.possession_words | grammar.choice_verbs
    owned = any(c.dep_ == "poss" for c in noun.children)
    if noun.dep_ == "pobj" and head.lower_ in grammar.role_markers and (holding or owned):
        found += _objects(view, head.head)  # "counts X as customers", "picked X as its supplier"
    return unique_mentions(found)


def _objects(view: View, verb: Token) -> list[Mention]:
    """What the verb takes, and the names on the bare common nouns coordinated with it
    ("included X and Brisk tea": Brisk; not "X and several Harwick stores")."""
    taken = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]  # "named X as"
    branded = [
        n
        for c in taken
        for j in c.conjuncts
        if j.pos_ == "NOUN" and j.i not in view.names and _bare(j)
        for n in j.children
        if n.dep_ == "compound" and n.i in view.names and n.i < j.i
    ]
    return [m for c in taken for m in refer(view, c)] + [
        m for n in branded if not_place(view, n) for m in refer(view, n, coordinate=False)
    ]


def _bare(noun: Token) -> bool:
    """A noun with no determiner, number or adjective: a kind of goods, as a brand's."""
    return not any(c.dep_ in ("det", "nummod", "amod", "quantmod") for c in noun.children)


def _holders(view: View, noun: Token) -> tuple[list[Mention], str]:
    """Who holds the group: its possessor, the agent of "a buying spree by X", or the subject
    of "have" or "is home to"."""
    grammar = view.ontology.grammar
    owners = [m for c in noun.children if c.dep_ == "poss" for m in refer(view, c)]
    if owners:
        return owners, "list-owner"
    named = [  # "the Norvale customers include X": a name before the noun owns it too
        m
        for c in noun.children
        if c.dep_ == "compound" and c.i in view.names
        for m in refer(view, c, coordinate=False)
        if m.ner not in PLACES  # "the Harwick customers" are customers in a place
    ]
    if named:
        return named, "list-owner"
    agents = [
        m
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in grammar.agent_prepositions
        for c in prep.children
        if c.dep_ == "pobj"
        for m in refer(view, c, coordinate=False)
    ]
    if agents:
        return agents, "list-agent"
    # the noun's own cue prepositions too: "investors in Norvale include X" ("investor in _")
    own = {c.prep for _, c in cues_of(view.ontology.noun_cues, noun.lemma_.lower()) if c.prep}
    related = [  # "the customers of Norvale include X", "suppliers to Norvale include X"
        m
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in grammar.relation_prepositions | own
        for c in prep.children
        if c.dep_ == "pobj" and c.i in view.names and c.ent_type_ not in PLACES
        for m in refer(view, c, coordinate=False)
    ]
    if related and noun.dep_ in ("nsubj", "nsubjpass"):
        return related, "list-owner"
    rounds = [  # "investors in the round include X": the round's, whose a funding noun says
        c
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in own
        for c in prep.children
        if c.dep_ == "pobj"
        and c.i not in view.names
        and c.lemma_.lower() in view.ontology.funding_nouns
    ]
    if rounds and noun.dep_ in ("nsubj", "nsubjpass"):
        owners = [m for r in rounds for c in r.children if c.dep_ == "poss" for m in refer(view, c)]
        if owners:  # "investors in its round"
            return owners, "list-owner"
        if view.focus.org is not None:  # "the round": of the organisation the text is about
            return [view.focus.org], "list-topic"
    holder = _holding_verb(view, noun)
    if holder is not None:
        return subjects_of(view, holder), "list-holder"
    return [], ""


def _holding_verb(view: View, noun: Token) -> Token | None:
    """ "X has brands such as Y", "X is home to brands including Y": the verb whose subject
    holds the group."""
    words = view.ontology.grammar.possession_words
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in words:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        owner = head.head  # "home to brands"
        grammar = view.ontology.grammar
        group = head.lower_ in grammar.role_markers | grammar.member_prepositions
        if group and owner.lemma_.lower() in words:
            return owner  # "counts X as customers", "counts X among customers"
        if head.lower_ in grammar.role_markers and owner.lemma_.lower() in grammar.choice_verbs:
            return owner  # "picked X as the supplier"
        copulas = grammar.copulas
        if owner.lemma_.lower() in words and owner.head.lemma_.lower() in copulas:
            return owner.head
    return None
