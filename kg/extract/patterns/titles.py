"""People and their organisations: job titles ("CEO Jane Roe", "Jane Roe, chief executive of
X") and how a person is introduced ("Jane Roe of X", "X's Jane Roe").

A title is bound where it stands: an organisation in its own phrase ("X CEO", "CEO of X",
"X's CEO", "CEO, X"), one coordinated title's ("X founder and CEO Jane Roe"), a fronted
"At X,". Only a title with none of these, in a sentence naming no other organisation before
it, is read against the organisation the text is about."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.clauses import agents, is_passive, prep_objects, subjects_of
from kg.extract.model import SUBJECTS, Candidate, Mention, View
from kg.extract.refer import (
    aged,
    based_name,
    is_person_name,
    local_org,
    may_own,
    mention_of,
    not_place,
    person_like,
    refer,
    unique_mentions,
)
from kg.qualifiers import FORMER


def title_candidates(view: View) -> Iterator[Candidate]:
    """Every title of a property's `kg:titleCue`, longest first, with the person it names;
    and the titles a pronoun's person held, for whoever replaces them ("He will be replaced
    by Sam Poe" after "CEO Jane Roe will retire")."""
    yield from _titles(view)
    yield from _replaced_pronoun(view)


def _replaced_pronoun(view: View) -> Iterator[Candidate]:
    """ "He has been replaced by Sam Poe": the titles the sentence before gave him, with their
    organisations, go to Sam Poe."""
    sent, grammar = view.sent, view.ontology.grammar
    if sent.start == sent.doc[0].i:
        return
    for word in view.words:
        if word.lemma not in view.ontology.succession_verbs:
            continue
        verb = word.token
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects or subjects[0].lower_ not in grammar.person_pronouns:
            continue
        successors = [replace(m, hint="Person") for m in agents(view, verb) if m.ner == "PERSON"]
        if not successors:
            continue
        replaced = {m.text for m in refer(view, subjects[0])}
        before = replace(view, sent=sent.doc[sent.start - 1].sent)  # the sentence before
        held = [c for c in _titles(before) if c.objects and c.subjects and not c.variant]
        titled = {m.text for c in held for m in c.subjects}
        if not replaced & titled and len(titled) == 1:
            replaced = titled  # the one person the sentence before gave a title to
        for c in held:
            if replaced & {m.text for m in c.subjects}:
                yield replace(c, subjects=tuple(successors))


def _titles(view: View) -> Iterator[Candidate]:
    sent, titles = view.sent, view.ontology.title_index
    used: set[int] = set()
    for word in view.words:
        i = word.i
        for words, predicate in titles.get(word.lower.partition("-")[0], ()):
            span = _title_span(sent, i, words)
            if span is None or i in used:
                continue
            if any(t.i in view.names for t in span):
                continue
            used.update(range(span.start, span.end))
            yield from _title(view, span, predicate, " ".join(words))


def _title_span(sent: Span, start: int, words: tuple[str, ...]) -> Span | None:
    """The title `words` starting at token `start`, however hyphens were tokenised."""
    wanted = " ".join(words)
    if not wanted.startswith(sent.doc[start].lower_):
        return None
    for end in range(start + 1, min(start + 2 * len(words) + 2, sent.end) + 1):
        text = re.sub(r"\s*-\s*", "-", sent.doc[start:end].text.lower())
        if text == wanted:
            return sent.doc[start:end]
        if len(text) > len(wanted):
            return None
    return None


def _title(view: View, title: Span, predicate: str, cue: str) -> Iterator[Candidate]:
    root = title.root
    if len(title) > 1:  # "co - founder" split by the tokenizer: the piece attached to a name
        root = next((t for t in title if t.head.i in view.names), title[-1])
    before = title.doc[max(title.sent.start, title.start - 4) : title.start]
    # "former chief executive Jane Roe": a past job, stated with its status
    status = FORMER if any(t.lower_ in view.ontology.grammar.former_words for t in before) else ""
    if (_field_chief(view, title, predicate) or _of_unit(view, root)) and (
        "affiliation" in view.ontology.patterns
    ):  # "AI chief Jane Roe", "chief of the Norvale bureau": a chief of a part only works there
        predicate = view.ontology.patterns["affiliation"].yields
    bracketed = _bracketed(view, title)
    if bracketed is not None:  # "Jane Roe (CTO, Quillfin)"
        yield Candidate(predicate, *bracketed, "title", cue=cue)
        return
    people = _people(view, root)
    if not people:
        return
    if root.tag_ == "NNS":  # "co-founders Jane Roe and Tom Hale": each of them
        people = unique_mentions(people + _conjoined(view, people))
    orgs = [m for t in title for m in _title_orgs(view, t, title.start)]
    # "Skogheim CEO Jane Roe": whom a title names is an organisation, whatever the tagger says
    orgs = [replace(m, hint="Organization") if m.ner == "PERSON" else m for m in orgs]
    if not orgs:  # "co-founder and chief executive of X", "X CEO and president Jane Roe"
        orgs = _coordinated_orgs(view, root)
    if not orgs:  # "At X, CEO Jane Roe said"
        orgs = _fronted_orgs(view, root)
    if not orgs:  # "X named Jane Roe chief executive", "X's board appointed Jane Roe as CFO"
        orgs = _namers(view, root)
    if not orgs and cue in view.ontology.grammar.voice_titles:
        orgs = _spoken_for(view, root)  # "X will close the plant, said Jane Roe, a spokeswoman"
    # "a company's chief executive Jane Roe": an owner naming none gives none
    owned = any(c.dep_ == "poss" for t in title for c in t.children)
    variant, focus = "", None if owned else local_org(view, title.start)
    named_only = view.ontology.patterns["title"].named_only
    # "CEO Jane Roe" of the company the context gives, unless the sentence names another it
    # may lead; any title with a word for the company ("a company spokeswoman")
    bare = predicate not in named_only or _company_word(view, root)
    if not (orgs or status or focus is None or not bare) and not _other_orgs(view, focus, title):
        orgs, variant = [focus], "topic"
    people = [
        replace(p, hint="Person")
        for p in people
        if (person_like(p, view) or _person_title(view, root, p))
        and not view.ontology.is_org_name(p.text)  # "X Systems, the developer of Y" is no
    ]  # developer working for Y
    yield Candidate(
        predicate, tuple(people), tuple(orgs), "title", cue=cue, variant=variant, status=status
    )
    successors = [replace(m, hint="Person") for p in people for m in _successors(view, p)]
    if successors and orgs and not status:  # "CEO Jane Roe will retire, replaced by Sam Poe"
        yield Candidate(
            predicate, tuple(successors), tuple(orgs), "title", cue=cue, variant=variant
        )


def _person_title(view: View, root: Token, named: Mention) -> bool:
    """A title only a person holds, one that may stand before a name (a `kg:honorific`:
    "Halvorsen, president of X" names a person, whatever the tagger says), of a name that
    is no honorific itself ("Lt.")."""
    honorifics = view.ontology.honorifics
    if named.text.lower().rstrip(".") in honorifics:
        return False
    return root.pos_ in ("NOUN", "PROPN") and root.lower_ in honorifics


# what may close a title and organisation set off after a name, by what opens them
SET_OFF = {"(": (")",), ",": (",", ".", ";")}


def _bracketed(view: View, title: Span) -> tuple[tuple[Mention, ...], tuple[Mention, ...]] | None:
    """A person, then their title and organisation set off in brackets or commas: "Jane Roe
    (CTO, Quillfin)", "Jane Roe, CTO, Quillfin, said"."""
    doc, sent = title.doc, title.sent
    if title.start - 2 < sent.start or title.end + 1 >= sent.end:
        return None
    closers = SET_OFF.get(doc[title.start - 1].text)
    if closers is None or doc[title.end].text != ",":
        return None
    person, org = view.names.get(title.start - 2), view.names.get(title.end + 1)
    while org is not None and org.end + 1 < sent.end and doc[org.end].text == ",":
        after = view.names.get(org.end + 1)  # "CTO, Cloud Services, Quillfin": the last name
        if after is None or after.start != org.end + 1:
            break
        org = after
    if person is None or org is None:
        return None
    last = org.end == sent.end and "." in closers  # "..., said Jane Roe, CTO, Quillfin Inc."
    if not last and (org.end >= sent.end or doc[org.end].text not in closers):
        return None
    named = mention_of(view, person)
    owner = mention_of(view, org)
    if not person_like(named, view) or is_person_name(owner, view.ontology):
        return None
    return (replace(named, hint="Person"),), (owner,)


def _aside(view: View, word: Token) -> bool:
    """ "(Newswire) X CEO Jane Roe": a word or name alone in brackets, an aside to the title
    after it, not its organisation."""
    doc = word.doc
    name = view.names.get(word.i)
    start, end = (name.start, name.end) if name is not None else (word.i, word.i + 1)
    return start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"


def _coordinated_orgs(view: View, root: Token) -> list[Mention]:
    """The organisation of a title coordinated with another that names it."""
    if root.dep_ == "conj":  # "co-founder and chief executive of X"
        return _title_orgs(view, root.head, root.head.i)
    head = root.head
    if root.dep_ == "compound" and head.dep_ == "conj" and head.i in view.names:
        other = head.head  # "X CEO and president Jane Roe": the name coordinated with a title
        if other.i not in view.names and other.pos_ in ("NOUN", "PROPN"):
            return _title_orgs(view, other, other.i)
    for conj in root.conjuncts:  # "chairman and chief executive of X"
        if conj.i > root.i and conj.i not in view.names:
            found = _title_orgs(view, conj, conj.i)
            if found:
                return found
    return []


def _fronted_orgs(view: View, root: Token) -> list[Mention]:
    """A clause's organisation given before all else: "At X, CEO Jane Roe said", "And at X,
    Jane Roe, its president, ..."."""
    grammar = view.ontology.grammar
    first = next((t for t in root.sent if t.dep_ not in ("cc", "punct")), root)
    if first.lower_ not in grammar.affiliation_prepositions or first.i >= root.i:
        return []
    if first not in root.ancestors and first.head not in root.ancestors:
        return []  # not the title's clause
    return [
        m
        for t in first.children
        if t.dep_ == "pobj" and t.i in view.names and not_place(view, t)
        for m in refer(view, t, coordinate=False)
        if m.ner == "ORG"
    ]


def _company_word(view: View, root: Token) -> bool:
    """A title modified by a word that names an organisation as such, a
    `kg:corporateSuffix` ("a company spokeswoman", "a group director"): the organisation the
    text is about."""
    suffixes = view.ontology.corporate_suffixes
    return any(
        c.dep_ == "compound" and c.i not in view.names and c.lower_ in suffixes
        for c in root.children
    )


def _spoken_for(view: View, root: Token) -> list[Mention]:
    """The organisation a spokesperson who is given none speaks for: the one subject of what
    they are reported to say ("Norvale will close the plant, said Jane Roe, a spokeswoman";
    "Jane Roe, a spokeswoman, said Norvale would ...")."""
    person = root.head
    if root.dep_ not in ("appos", "compound") or person.i not in view.names:
        return []
    verb = person.head
    if person.dep_ != "nsubj" or verb.lemma_.lower() not in view.ontology.grammar.speech_verbs:
        return []
    subjects = [
        s
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for s in clause.children
        if s.dep_ in SUBJECTS and s.i in view.names
    ]
    if len(subjects) != 1 or subjects[0].conjuncts:  # "X and Y will merge": whose is unsaid
        return []
    return [
        m
        for m in refer(view, subjects[0], coordinate=False)
        if m.ner == "ORG" or view.ontology.is_org_name(m.text)
    ]


def _successors(view: View, person: Mention) -> list[Mention]:
    """Who takes a person's place: "Jane Roe will retire, to be replaced by Sam Poe"."""
    token = next(
        (
            name.root
            for name in view.names.values()
            if view.offset + name.start_char == person.start
        ),
        None,
    )
    while token is not None and token.dep_ in ("appos", "compound", "conj"):
        token = token.head  # "chairman and chief executive Jane Roe will retire"
    if token is None or token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = token.head
    return [  # a passive with no subject of its own: the person is the one replaced
        m
        for v in verb.subtree
        if v.lemma_.lower() in view.ontology.succession_verbs
        and is_passive(v)
        and (v.i == verb.i or not any(c.dep_ in SUBJECTS for c in v.children))
        for m in agents(view, v)
        if m.ner == "PERSON"
    ]


def _other_orgs(view: View, focus: Mention, title: Span) -> bool:
    """Whether the sentence names, before the title, an organisation other than the one in
    focus: the title may be that one's ("Tolvane said ..., with CEO Jane Roe staying on")."""
    key = view.focus.key(focus)
    names = {name for i, name in view.names.items() if i < title.start}
    mentions = (mention_of(view, name) for name in names)
    return any(
        (m.ner == "ORG" or view.ontology.is_org_name(m.text)) and view.focus.key(m) != key
        for m in mentions
    )


def _title_orgs(view: View, root: Token, start: int) -> list[Mention]:
    """The organisation of a title: "CEO of X", "X's CEO", "X CEO Jane Roe"."""
    by_prep: dict[int, list[Mention]] = {}
    for prep in view.ontology.grammar.title_prepositions:
        for t in prep_objects(view, root, prep):
            for inner, found in _field_orgs(view, t, prep):  # "head of sales at X"
                by_prep.setdefault(inner, []).extend(found)
            # "of the X board", "of X's Harwick market"
            by_prep.setdefault(t.head.i, []).extend(_unit_orgs(view, t) or _part_orgs(view, t))
            if t.tag_ == "NNS" and t.i not in view.names:
                continue  # "an engineer with experience leading projects such as X"
            if not_place(view, t):  # "vice-president for Ostravia" is not a job at Ostravia
                by_prep.setdefault(t.head.i, []).extend(refer(view, t))
            elif (based := based_name(view, t)) is not None:  # "CEO of Harwick-based X"
                by_prep.setdefault(t.head.i, []).append(mention_of(view, based))
    # "vice president of a division at X": the last preposition names the organisation
    orgs = next((by_prep[i] for i in sorted(by_prep, reverse=True) if by_prep[i]), [])
    named = _name_follows(view, root)  # "X CEO, Jane Roe": X is no person, whatever its label
    owners: list[Mention] = []  # the organisations written before the title
    owned = False  # "X's head of Y Engineering": a named possessor, and Y is a part of X
    for c in root.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < start and not_place(view, c):
            if _aside(view, c):
                continue
            for m in _owner(view, root, _unit_owner(view, c)):
                if not is_person_name(m, view.ontology) and not _personal(view, c, m):
                    owned = owned or (c.dep_ == "poss" and c.i in view.names)
                    owners.append(m)
                elif named and c.dep_ != "poss":  # not "Jane Roe's aide, Tom Hale"
                    owners.append(replace(m, hint="Organization"))
        if c.dep_ == "compound" and c.i == start - 1 and _untagged_name(view, c):
            # "X executive Jane Roe", X a word the tagger did not take for a name
            owners.append(mention_of(view, c.doc[c.i : c.i + 1], "Organization"))
    orgs = owners if owned else [*orgs, *owners]
    apposed = [c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.i in view.names]
    if not orgs and apposed:  # "Jane Roe, Chief Economist, Halvane Capital"
        last = apposed[-1]
        while nxt := [c for c in last.children if c.dep_ == "appos" and c.i in view.names]:
            last = nxt[-1]  # "Jane Roe, President, Retail Banking, Halvane Capital"
        orgs = [m for m in refer(view, last, coordinate=False) if m.ner == "ORG"]
    head = root.head
    before = view.names.get(head.i)
    if not orgs and root.dep_ == "appos" and before is not None and before.end == start:
        orgs = [  # "X managing director Jane Roe said", the title parsed onto X
            m for m in refer(view, head) if m.ner == "ORG" or view.ontology.is_org_name(m.text)
        ]
    if not orgs and root.dep_ in ("compound", "nmod") and head.i in view.names:
        orgs = [  # "Veyra chief executive Wen-Hsu Lai": the organisation modifies the person
            m  # ("the company's chief executive Jane Roe": the organisation it stands for)
            for c in head.children
            if c.dep_ in ("compound", "poss", "amod", "nmod")
            and c.i < root.i
            and not_place(view, c)
            and (c.i in view.names or c.dep_ == "poss" and may_own(view, c))
            for m in refer(view, c)
            if not is_person_name(m, view.ontology)
        ]
    return unique_mentions(orgs)


def _untagged_name(view: View, token: Token) -> bool:
    """A word outside any name that is one by its capitals inside ("TechCo", which the tagger
    may call a noun): not "Marketing executive"."""
    return (
        token.i not in view.names
        and any(ch.isupper() for ch in token.text[1:])
        and token.text[:1].isupper()
        and token.is_alpha
        and token.lower_ not in view.ontology.common_words
    )


def _field_orgs(view: View, field: Token, prep: str) -> list[tuple[int, list[Mention]]]:
    """A title's field, common nouns after a field preposition ("of", "for"), and the
    organisation a title preposition of the field's names: "vice president of consumer
    products for X", "head of research at X", "director of development of new drugs at X",
    "vice president for development of new products at X"."""
    fields = view.ontology.grammar.field_prepositions
    if prep not in fields or field.i in view.names or field.pos_ != "NOUN":
        return []
    if any(c.dep_ in ("det", "poss") for c in field.children):
        return []  # "director of the X camp at P": a thing, not a field
    found: list[tuple[int, list[Mention]]] = []
    for inner in view.ontology.grammar.title_prepositions:
        for t in prep_objects(view, field, inner):
            if t.i in view.names and not_place(view, t):
                orgs = [m for m in refer(view, t, coordinate=False) if m.ner == "ORG"]
                found.append((t.head.i, orgs))
            elif units := _unit_orgs(view, t):  # "in charge of X's mobile division"
                found.append((t.head.i, units))
            elif inner in fields:  # a field's own field: "of development of new drugs"
                found += _field_orgs(view, t, inner)
    return found


def _name_follows(view: View, root: Token) -> bool:
    """Whether a name follows the title as its person: "CEO Jane Roe", "CEO, Jane Roe"."""
    if root.dep_ == "compound" and root.head.i in view.names and root.head.i > root.i:
        return True
    return any(c.dep_ == "appos" and c.i > root.i and c.i in view.names for c in root.children)


def _owner(view: View, root: Token, owner: Token) -> list[Mention]:
    """Who a title's possessor or modifier names; "its" in "named Jane Roe as its CEO" is
    whoever does the naming."""
    grammar = view.ontology.grammar
    head = root.head
    if owner.lower_ in grammar.relative_pronouns and head.dep_ == "relcl":
        return refer(view, head.head)  # "X, whose chairman is Jane Roe"
    if (
        owner.lower_ in grammar.singular_pronouns
        and root.dep_ == "pobj"
        and _gives_role(view, head)
        and head.head.pos_ == "VERB"
    ):
        namers = [m for m in subjects_of(view, head.head) if not is_person_name(m, view.ontology)]
        if namers:
            return namers
        objects = {t.i for c in head.head.children if c.dep_ == "dobj" for t in c.subtree}
        return [m for m in refer(view, owner) if not _inside(view, m, objects)]
    return refer(view, owner)


def _unit_owner(view: View, word: Token) -> Token:
    """The organisation right before a unit's name that the tagger left untyped: "NVX
    Radiosafety Director Jane Roe" works for NVX."""
    if word.dep_ != "compound" or word.ent_type_ or word.i not in view.names:
        return word
    start = view.names[word.i].start
    before = word.doc[start - 1] if start > view.sent.start else word
    modifies = before.dep_ == "compound" and before.head.i in (word.i, word.head.i)
    return before if modifies and before.ent_type_ == "ORG" and before.i in view.names else word


def _personal(view: View, word: Token, mention: Mention) -> bool:
    """A person's name: a full name the tagger calls a person's ("Jane Roe's", its label on
    the possessive too), or the surname of a person the article names in full ("Roe's")."""
    if word.ent_type_ == "PERSON" and " " in mention.text:
        return not view.ontology.is_org_name(mention.text)
    return mention.ner != "ORG" and mention.text in view.focus.article.surnames


def _inside(view: View, mention: Mention, tokens: set[int]) -> bool:
    doc = view.sent.doc
    return any(t.idx + view.offset == mention.start for t in doc if t.i in tokens)


def _people(view: View, root: Token) -> list[Mention]:
    head, grammar = root.head, view.ontology.grammar
    if root.dep_ == "conj" and head.i not in view.names:  # "co-founder and chief executive"
        return _people(view, head)
    apposed = head.dep_ == "appos" and head.head.i in view.names
    if root.dep_ == "appos" and head.i not in view.names and apposed:
        return _people(view, head)  # "Jane Roe, head of X and vice-president of Y", misparsed
    after = view.names.get(root.i + 1)
    if after is not None and after.start == root.i + 1 and after.root.ent_type_ == "PERSON":
        return [mention_of(view, after)]  # "X managing director Jane Roe said", however parsed
    if root.dep_ in ("compound", "appos", "nmod") and head.i in view.names:
        return [mention_of(view, view.names[head.i])]
    appointed = _named_before(view, root)
    if appointed is not None:
        return [mention_of(view, appointed)]
    for child in root.children:
        if child.dep_ in ("appos", "compound") and child.i in view.names and child.i > root.i:
            return [mention_of(view, view.names[child.i])]
        if child.dep_ == "conj" and child.i in view.names and _titled(view, child):
            return [mention_of(view, view.names[child.i])]  # "X CEO and president Jane Roe"
    if root.dep_ == "conj" and head.i in view.names and head.dep_ == "pobj":
        title = head.head.head  # "Jane Roe, a professor at X and president of Y", misparsed:
        if title.pos_ == "NOUN" and title.i not in view.names:  # the title's, not X's
            return _people(view, title)
    for prep in view.ontology.grammar.title_prepositions:
        for org in prep_objects(view, root, prep):  # "The chief executive of X, Jane Roe,"
            if not not_place(view, org):
                continue  # "Roe's son and representative in Harwick, Tom Hale": his place
            for child in org.children:
                if child.dep_ == "appos" and child.i in view.names and child.ent_type_ == "PERSON":
                    return [mention_of(view, view.names[child.i])]
            set_off = _set_off_after(view, org)  # the same, the name parsed onto another word
            if set_off is not None:
                return [mention_of(view, set_off)]
    if root.dep_ == "attr" and head.lemma_ in grammar.copulas:
        return [m for c in head.children if c.dep_ == "nsubj" for m in refer(view, c)]
    if root.dep_ == "nsubj" and head.lemma_ in grammar.copulas:  # "whose chairman is Jane Roe"
        return [
            mention_of(view, view.names[c.i])
            for c in head.children
            if c.dep_ == "attr" and c.i in view.names and c.ent_type_ == "PERSON"
        ]
    if root.dep_ == "pobj" and head.lower_ in grammar.role_markers and head.head.pos_ == "NOUN":
        # "Jane Roe's appointment as chief executive", "the election of Jane Roe as chair"
        event = head.head
        held = [c for c in event.children if c.dep_ == "poss"] + prep_objects(view, event, "of")
        return [
            mention_of(view, view.names[c.i])
            for c in held
            if c.i in view.names and c.ent_type_ == "PERSON"
        ]
    if root.dep_ == "oprd" and head.pos_ == "VERB":  # "named Jane Roe chief executive"
        named = [  # not "Jane Roe was named Quillfin CEO": Quillfin is the title's
            c
            for c in root.children
            if c.dep_ in ("nmod", "compound") and c.i in view.names and c.ent_type_ != "ORG"
        ]
        objects = [c for c in head.children if c.dep_ == "dobj"]
        # "Jane Roe was named chief executive": the subject of the passive
        passive = [c for c in head.children if c.dep_ == "nsubjpass"]
        return [m for c in (named or objects or passive)[:1] for m in refer(view, c)]
    if root.dep_ == "pobj" and head.lower_ == grammar.title_prepositions[0]:
        post = head.head  # "Jane Roe, who holds the post of chief executive of X"
        if (
            post.lemma_.lower() in grammar.post_nouns
            and post.dep_ == "dobj"
            and post.head.lemma_.lower() in grammar.post_verbs
            and root.tag_ != "NNS"
            and not any(c.dep_ == "det" for c in root.children)  # "the job of an engineer"
        ):
            return subjects_of(view, post.head)
    if root.dep_ == "pobj" and _gives_role(view, head) and head.head.pos_ == "VERB":
        verb = head.head  # "appointed Chen Wei-Ling as its chief executive", "joined as CEO"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and verb.lemma_.lower() not in view.ontology.succession_verbs:
            return refer(view, objects[0])
        return subjects_of(view, verb)  # "Jane Roe will succeed Sam Poe as chief executive"
    return []


def _set_off_after(view: View, org: Token) -> Span | None:
    """A person's name set off by commas right after an organisation's name: "the deputy
    secretary of X, Jane Roe, ...", whatever word the parser hung the person on; or right
    after it, the subject of the sentence: "chief executive of X Jane Roe said"."""
    name = view.names.get(org.i)
    doc = org.doc
    if name is None or name.end + 1 >= view.sent.end:
        return None
    if doc[name.end].text != ",":
        person = view.names.get(name.end)
        if person is None or person.start != name.end or person.root.ent_type_ != "PERSON":
            return None
        return person if person.root.dep_ in ("nsubj", "nsubjpass") else None
    person = view.names.get(name.end + 1)
    if person is None or person.start != name.end + 1 or person.root.ent_type_ != "PERSON":
        return None
    closed = person.end >= view.sent.end or doc[person.end].text in (",", ".")
    return person if closed else None


def _field_chief(view: View, title: Span, predicate: str) -> bool:
    """Is a one-word title that begins a longer one of its property ("chief" of "chief
    executive") modified by a field ("AI chief", "finance chief"): a common noun or a known
    term, not an organisation's name ("Norvale chief")?"""
    root = title.root
    longer = any(
        len(words) > 1 and words[0] == root.lower_ and prop == predicate
        for words, prop in view.ontology.titles.items()
    )
    if len(title) != 1 or not longer or root.i == 0:
        return False
    before = root.doc[root.i - 1]
    if before.head.i != root.i or before.dep_ not in ("compound", "amod", "nmod"):
        return False
    if before.lower_ in view.ontology.grammar.former_words:
        return False
    name = view.names.get(before.i)
    if name is not None:
        return view.ontology.class_of_term(name.text) is not None
    return before.pos_ == "NOUN"


def _conjoined(view: View, people: list[Mention]) -> list[Mention]:
    """The names coordinated with the people a plural title names."""
    starts = {m.start - view.offset for m in people}
    found: list[Mention] = []
    for token, name in view.name_roots:
        if name.start_char not in starts:
            continue
        found += [mention_of(view, view.names[c.i]) for c in token.conjuncts if c.i in view.names]
    return found


def _namers(view: View, root: Token) -> list[Mention]:
    """Who names a person to a title, an organisation or its board: "X named Jane Roe chief
    executive", "X's board appointed Jane Roe as chief executive" (not "Jane Roe will succeed
    Sam Poe as chief executive", nor "Jane Roe joined as chief executive")."""
    head = root.head
    appointed = _named_before(view, root) is not None  # "X appointed Jane Roe chief executive"
    if (root.dep_ == "oprd" and head.pos_ == "VERB") or appointed:
        verb = head
    elif root.dep_ == "pobj" and _gives_role(view, head) and head.head.pos_ == "VERB":
        verb = head.head
    else:
        return []
    if verb.lemma_.lower() in view.ontology.succession_verbs:
        return []
    if not any(c.dep_ == "dobj" for c in verb.children) and root.dep_ != "oprd":
        return []
    found: list[Mention] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.i in view.names or subject.pos_ == "PRON":
            found += refer(view, subject)
        else:  # "Norvale's board", "the Norvale board"
            found += [
                m
                for c in subject.children
                if c.dep_ in ("poss", "compound") and c.i in view.names and not_place(view, c)
                for m in refer(view, c, coordinate=False)
            ]
    return [m for m in found if not is_person_name(m, view.ontology)]


def _named_before(view: View, root: Token) -> Span | None:
    """ "X appointed Jane Roe chief executive", the title parsed as the verb's object and the
    person as its modifier: the person, right before the title's words. (As a predicative
    complement, "named Jane Roe chief executive", the title is read where `_people` reads
    one.)"""
    verb = root.head
    if root.dep_ != "dobj" or verb.lemma_.lower() not in view.ontology.grammar.choice_verbs:
        return None
    for child in root.children:
        name = view.names.get(child.i)
        if child.dep_ not in ("nmod", "compound") or name is None or child.i > root.i:
            continue
        between = root.doc[name.end : root.i]
        if name.root.ent_type_ == "PERSON" and all(
            t.head.i == root.i and t.dep_ in ("amod", "compound") for t in between
        ):
            return name
    return None


def _gives_role(view: View, prep: Token) -> bool:
    """A role marker ("named X as chief executive"), or a preposition a verb gives a role
    with, as a role marker of both words ("promoted X to chief executive": "promote to")."""
    markers = view.ontology.grammar.role_markers
    return prep.lower_ in markers or f"{prep.head.lemma_.lower()} {prep.lower_}" in markers


def _titled(view: View, name: Token) -> bool:
    """A name with a common noun before it, as "president Jane Roe"."""
    return any(
        c.dep_ == "compound"
        and c.i < name.i
        and c.i not in view.names
        and (c.pos_ == "NOUN" or (c.lower_,) in view.ontology.titles)  # "CEO Jane Roe"
        for c in name.children
    )


def affiliation_candidates(view: View) -> Iterator[Candidate]:
    """Works for, from how a person is introduced: "Jane Roe of Norvale", "Quillfin's
    Sam Poe", "Ana Ferreira, a Halvane Capital analyst"."""
    predicate = view.ontology.patterns["affiliation"].yields
    for token, name in view.name_roots:
        if token.ent_type_ != "PERSON" and not aged(name):  # "Jane Roe, 47, of X"
            continue
        if _names_product(view, token):  # "Norvale's Kestrel and Tarnix models"
            continue
        orgs = [
            m
            for prep in view.ontology.grammar.affiliation_prepositions
            for t in _own_objects(view, token, prep)
            if prep not in view.ontology.grammar.relation_prepositions or not _in_clause(token, t)
            for m in refer(view, t, coordinate=False)
            # not "Jane Roe, who backed the findings of X"; "of Brisk Labs" whatever its label
            if m.ner == "ORG" or view.ontology.is_org_name(m.text)
        ]
        orgs += [
            m
            for c in token.children
            if c.dep_ == "poss" and c.i in view.names and c.ent_type_ == "ORG"
            for m in refer(view, c, coordinate=False)
        ]
        orgs += _led(view, token)  # "Jane Roe's Norvale Party"
        orgs += _unit_owners(view, token)  # "Jane Roe, of Norvale's research division"
        past: list[Mention] = []  # "a former Quillfin engineer": a job no longer held
        for noun in token.children:  # an apposition naming a job with an organisation
            if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.i not in view.names:
                if _former(view, noun) and (noun.lower_,) not in view.ontology.titles:
                    continue  # "a former Quillfin fan" was never a job
                (past if _former(view, noun) else orgs).extend(
                    m
                    for c in noun.children
                    if c.dep_ in ("compound", "poss", "nmod")
                    and c.i in view.names
                    and not_place(view, c)
                    for m in refer(view, c, coordinate=False)
                    if not is_person_name(m, view.ontology)
                )
        person = mention_of(view, name, "Person" if aged(name) else None)
        # "former chief executive Jane Roe of Norvale": a job she no longer holds
        status = FORMER if _former(view, token) else ""
        yield Candidate(predicate, (person,), tuple(orgs), "affiliation", status=status)
        if past:
            yield Candidate(predicate, (person,), tuple(past), "affiliation", status=FORMER)


def _own_objects(view: View, person: Token, prep: str) -> list[Token]:
    """The objects of `prep` that go with this person of coordinated people: each with the
    people named since the one before it, wherever the parser hung it ("Jane Roe of Norvale
    and Sam Poe, 47, of Quillfin": Quillfin is his, not hers; "Jane Roe and Sam Poe of
    Quillfin": theirs)."""
    first = person
    while first.dep_ == "conj" and first.head.i in view.names and first.head.i != first.i:
        first = first.head
    people = sorted(
        (p for p in (first, *first.conjuncts) if p.i in view.names and p.ent_type_ == "PERSON"),
        key=lambda p: p.i,
    )
    if person not in people or len(people) < 2:
        return prep_objects(view, person, prep)
    objects = sorted({o.i: o for h in people for o in prep_objects(view, h, prep)}.values())
    found: list[Token] = []
    for obj in objects:
        earlier = [o.i for o in objects if o.i < obj.i]
        before = [p for p in people if (earlier[-1] if earlier else -1) < p.i < obj.i]
        if before and (  # "Jane Roe and Sam Poe of Quillfin": both, unless she is described
            person == before[-1] or (person in before and not _described(person))
        ):
            found.append(obj)
    return found


def _described(person: Token) -> bool:
    """A person given an apposition of their own ("Jane Roe, the finance minister")."""
    return any(c.dep_ == "appos" for c in person.children)


def _unit_owners(view: View, person: Token) -> list[Mention]:
    """The organisation that owns the unit a person is of or at: "Jane Roe, of Norvale's
    research division", "Sam Poe of the Brisk lab", "of the law firm of Brisk" (a
    `kg:headNoun` of organisations)."""
    return [
        m
        for prep in view.ontology.grammar.affiliation_prepositions
        for t in prep_objects(view, person, prep)
        for m in _unit_orgs(view, t)
    ]


def _of_unit(view: View, root: Token) -> bool:
    """A title of a part of an organisation, a word for it no `kg:corporateSuffix` ("chief of
    the Norvale bureau", not "chief executive of the Norvale group")."""
    return any(
        t.lower_ not in view.ontology.corporate_suffixes
        and (_unit_orgs(view, t) or _part_orgs(view, t))
        for prep in view.ontology.grammar.title_prepositions
        for t in prep_objects(view, root, prep)
    )


def _unit_orgs(view: View, unit: Token) -> list[Mention]:
    """The organisation a common noun for an organisation or its unit (a `kg:headNoun` or
    `kg:nameWord` of organisations) is of: "the Brisk board", "Norvale's research division",
    "the board of Norvale"."""
    ontology = view.ontology
    lemma = unit.lemma_.lower()
    if unit.i in view.names or unit.pos_ != "NOUN":
        return []
    if ontology.class_of_head_noun(lemma) != "Organization" and lemma not in ontology.name_words:
        return []
    names = view.names
    owners = [  # "the Harwick police department" is no unit of Harwick's
        c
        for c in unit.children
        if c.i in names and (c.dep_ == "poss" or c.dep_ == "compound" and names[c.i].end == unit.i)
    ]
    owners += prep_objects(view, unit, ontology.grammar.title_prepositions[0])
    return [
        m
        for c in owners
        if c.i in view.names and c.ent_type_ == "ORG"
        for m in refer(view, c, coordinate=False)
    ]


def _part_orgs(view: View, part: Token) -> list[Mention]:
    """The organisation that a title's common noun, no word for an organisation, is a part
    of: "president of X's Harwick market", "head of X's cloud business" (not "X's
    biggest customer" nor "X's new phone": another party, a thing)."""
    ontology = view.ontology
    lemma = part.lemma_.lower()
    if part.i in view.names or part.pos_ != "NOUN" or lemma in ontology.relation_nouns:
        return []
    if ontology.class_of_head_noun(lemma) is not None:
        return []
    return [
        m
        for c in part.children
        if c.dep_ == "poss" and c.i in view.names and c.ent_type_ == "ORG"
        for m in refer(view, c, coordinate=False)
    ]


def _led(view: View, person: Token) -> list[Mention]:
    """The organisation a person's name owns, its name an organisation's ("Jane Roe's Norvale
    Party" is hers to lead; "Jane Roe's Kestrel Diaries" may be a book)."""
    head = person.head
    name = view.names.get(head.i)
    if person.dep_ != "poss" or name is None or name.root.i != head.i or head.ent_type_ != "ORG":
        return []
    if not view.ontology.is_org_name(name.text):  # not "Jane Roe's Kestrel", a work of hers
        return []
    return [m for m in refer(view, head, coordinate=False) if m.ner == "ORG"]


def _in_clause(name: Token, word: Token) -> bool:
    """Whether `word` hangs on a clause about the name rather than on the name itself."""
    head = word.head
    while head.i != name.i and head.head.i != head.i:
        if head.dep_ in ("acl", "relcl"):
            return True
        head = head.head
    return False


def _former(view: View, noun: Token) -> bool:
    """A job the person no longer holds: "a former Quillfin engineer"."""
    former = view.ontology.grammar.former_words
    return any(t.lower_ in former for t in noun.subtree if t.i < noun.i)


def _names_product(view: View, token: Token) -> bool:
    """Does the name modify a word for a product, itself or with others ("the Kestrel and
    Tarnix models")? Then it names no person, whatever its label."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    return (
        token.dep_ in ("compound", "nmod")
        and head.i not in view.names
        and view.ontology.class_of_head_noun(head.lemma_.lower()) == "Product"
    )
