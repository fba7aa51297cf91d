"""Funding rounds: "Ferrolith raised $120 million in a round led by Halcyon, with participation
from Oakmere": everyone who leads or joins a company's funding invests in it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.clauses import agents, negated, subjects_of
from kg.extract.model import PLACES, Candidate, Mention, View
from kg.extract.refer import refer


def funding_candidates(view: View) -> Iterator[Candidate]:
    """Every `kg:fundingVerb` that takes money or a `kg:fundingNoun`, with who gave it."""
    ontology = view.ontology
    predicate = ontology.patterns["funding"].yields
    round_words = _rounds(view)
    for word in view.words:
        lemma, verb = word.lemma, word.token
        if lemma not in ontology.funding_verbs or negated(verb):
            continue
        money = [c for c in verb.children if c.dep_ == "dobj"]
        if not any(c.ent_type_ == "MONEY" or c.i in round_words for c in money):
            continue
        investors: list[Mention] = []
        for token in verb.subtree:
            led = token.dep_ == "agent" and token.head.dep_ == "acl"  # "a round led by X"
            if led or token.lower_ in ontology.grammar.source_prepositions:
                investors += [m for c in token.children if c.dep_ == "pobj" for m in refer(view, c)]
        subjects = tuple(subjects_of(view, verb))
        yield Candidate(predicate, tuple(investors), subjects, "funding", verb, lemma)
    rounds = [w.token for w in view.words if w.i in round_words and w.name is None]
    yield from _round_subjects(view, predicate, rounds)
    yield from _joined_rounds(view, predicate, rounds)


def _round_subjects(view: View, predicate: str, rounds: list[Token]) -> Iterator[Candidate]:
    """ "The round was led by X", "its round drew participation from Y": a round that is the
    subject of its own clause is the round of its owner or, with no owner, of the
    organisation the text is about."""
    ontology = view.ontology
    for noun in rounds:
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or negated(verb):
            continue
        if verb.lemma_.lower() in ontology.funding_verbs:
            continue  # "the round raised $5m" is read with the funding verbs
        investors = agents(view, verb) + _sources(view, verb)
        if not investors:
            continue
        owners = tuple(m for c in noun.children if c.dep_ == "poss" for m in refer(view, c))
        owners = owners or _speakers(view, verb)  # "X said the round was led by Y": X's round
        if owners:
            yield Candidate(predicate, tuple(investors), owners, "funding", verb, "round")
        elif noun.lemma_.lower() not in ontology.funding_nouns:
            continue  # "the Series B was led by X": whose round, the noun does not say
        elif view.focus.org is not None and not _other_names(view, verb, investors):
            topic = (view.focus.org,)
            yield Candidate(predicate, tuple(investors), topic, "funding", verb, "round", "topic")


def _speakers(view: View, verb: Token) -> tuple[Mention, ...]:
    """The organisations that say what the verb says: "X said the round was led by Y"."""
    speech = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or speech.lemma_.lower() not in (
        view.ontology.grammar.speech_verbs
    ):
        return ()
    return tuple(
        m
        for c in speech.children
        if c.dep_ == "nsubj"
        for m in refer(view, c)
        if m.ner == "ORG" or view.ontology.is_org_name(m.text)
    )


def _sources(view: View, verb: Token) -> list[Mention]:
    """ "participation from X": who gives the money, under the verb."""
    return [
        m
        for token in verb.subtree
        if token.lower_ in view.ontology.grammar.source_prepositions
        for c in token.children
        if c.dep_ == "pobj"
        for m in refer(view, c)
    ]


def _other_names(view: View, verb: Token, investors: list[Mention]) -> bool:
    """Does the sentence name an organisation besides the investors and what describes them
    ("X (parent company of Y)")? Then the round may be that organisation's."""
    taken = {m.text for m in investors}
    described = {
        t.i for c in verb.children if c.dep_ in ("agent", "prep", "dobj") for t in c.subtree
    }
    for token in view.tokens:
        name = view.names.get(token.i)
        if name is None or name.text in taken or token.ent_type_ in PLACES:
            continue
        if token.i not in described:
            return True
    return False


def _rounds(view: View) -> set[int]:
    """The sentence's words that are rounds: a `kg:fundingNoun`, or a round named by a
    `kg:roundWord` and its letter ("Series B"), that word a compound of it."""
    ontology = view.ontology
    words = ontology.grammar.round_words
    found = {w.i for w in view.words if w.lemma in ontology.funding_nouns}
    found.update(
        w.token.head.i for w in view.words if w.lower in words and w.token.dep_ == "compound"
    )
    return found


def _joined_rounds(view: View, predicate: str, rounds: list[Token]) -> Iterator[Candidate]:
    """ "X led Y's Series B", "X participated in its round": who leads or joins a round
    someone owns (a `kg:roundVerb`) invests in the owner."""
    for noun in rounds:
        words = [noun, *(c for c in noun.children if c.dep_ == "compound")]  # "X's Series A round"
        owners = tuple(
            m for w in words for c in w.children if c.dep_ == "poss" for m in refer(view, c)
        )
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif noun.dep_ != "dobj":
            continue
        if verb.lemma_.lower() not in view.ontology.round_verbs or negated(verb):
            continue
        variant = ""
        if not owners:  # "X and Y also joined the round": the round of the text's organisation
            owners, variant = _topic_round(view, noun, verb), "topic"
        if not owners:
            continue
        taken = {m.text for m in owners}
        investors = tuple(m for m in subjects_of(view, verb) if m.text not in taken)
        if investors:
            cue = verb.lemma_.lower()
            yield Candidate(predicate, investors, owners, "funding", verb, cue, variant)


def _topic_round(view: View, noun: Token, verb: Token) -> tuple[Mention, ...]:
    """The organisation the text is about, for "the round" (a `kg:fundingNoun` with a definite
    determiner) where the sentence names no other organisation than the investors."""
    grammar, org = view.ontology.grammar, view.focus.org
    definite = any(
        c.dep_ == "det" and c.lower_ in grammar.definite_determiners for c in noun.children
    )
    if org is None or not definite or noun.lemma_.lower() not in view.ontology.funding_nouns:
        return ()
    investors = {m.text for m in subjects_of(view, verb)}
    others = {
        name.text
        for i, name in view.names.items()
        if view.sent.start <= i < view.sent.end and name.root.ent_type_ not in PLACES
    }
    return (org,) if investors and others <= investors else ()
