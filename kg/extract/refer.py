"""What words refer to: names, pronouns and descriptions, and the article's focus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.model import (
    NOT_ORGS,
    PLACES,
    SUBJECTS,
    ArticleNames,
    Fact,
    Focus,
    Mention,
    View,
)
from kg.names import VERSION, key_of
from kg.ontology import Grammar, Ontology

QUOTES = frozenset('"“”„«»')  # the marks that open or close a quotation
PAIR_DEPS = frozenset({"nummod", "det", "predet", "preconj"})  # "the two", "both"
ASIDES = frozenset({"relcl", "acl", "advcl", "ccomp"})  # a clause about a speaker, not their name


def mention_of(view: View, span: Span, hint: str | None = None) -> Mention:
    """The mention a span of the view's sentence makes (made once a view: the patterns ask
    for the same names many times)."""
    key = (span.start, span.end, hint)
    found = view.mentions.get(key)
    if found is None:
        ner, text = _entity_label(span), span.text  # spaCy joins a span's words on each `text`
        start = view.offset + span.start_char
        hint = hint or view.hints.get(span.start) or view.ontology.class_of_term(text)
        found = Mention(text, start, start + len(text), ner, hint, _acronym(span))
        if "," in text:  # "Harwick, Idaho" is also called "Harwick"
            found = replace(found, alias=city_of(span, view.ontology.grammar.region_names))
        elif (expansion := view.focus.article.expansions.get(text)) is not None:
            found = replace(found, alias=expansion)  # "NAI", written out elsewhere
        view.mentions[key] = found
    return found


def _entity_label(span: Span) -> str:
    """The label of the first entity wholly inside `span` (spaCy's `span.ents[0]`, without
    walking every entity of the document)."""
    doc = span.doc
    opened = _opened_before(span)
    if opened is not None:  # "the Harwick Water Board": the entity took the article the name left
        return opened
    for token in span:
        if token.ent_iob_ == "B":
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= span.end:
                return token.ent_type_
    return ""


def _opened_before(span: Span) -> str | None:
    """The label of an entity that begins with determiners just before `span` and ends inside
    it: the name left out the article the tagger took in ("the Harwick Water Board")."""
    doc, first = span.doc, span[0]
    if first.ent_iob_ != "I":
        return None
    start = first.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = first.i
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end > span.end or any(t.pos_ != "DET" for t in doc[start : first.i]):
        return None
    return first.ent_type_


def city_of(span: Span, regions: frozenset[str]) -> str | None:
    """ "Harwick" of "Harwick, Idaho": the city of a place named with its US state."""
    comma = next((t.i for t in span if t.text == ","), span.end)
    state = span.doc[comma + 1 : span.end]
    return span.doc[span.start : comma].text if state.text.lower() in regions else None


def _acronym(span: Span) -> str | None:
    """The acronym in brackets right after a name, when its letters are the name's initials."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return None
    candidate = doc[span.end + 1].text
    words = [t.text for t in span if t.is_alpha and not t.is_stop]
    initials = "".join(w[0] for w in words).lower()
    return candidate if candidate.isupper() and candidate.lower() == initials else None


def refer(view: View, token: Token, coordinate: bool = True) -> list[Mention]:
    """The entities a token denotes: a name, a pronoun's antecedent, a noun's examples."""
    found = refer_one(view, token)
    if coordinate:
        name = view.names.get(token.i)
        words = list(name) if name is not None else [token]  # any word of a name may carry it
        for conj in (c for word in words for c in word.conjuncts):
            found += refer_one(view, conj)
        for listed in (c for word in words for c in _listed_appositions(view, word)):
            found += refer_one(view, listed)
        found += _coordinated_before(view, token)
        found += _place_examples(view, token)
    return unique_mentions(found)


def _place_examples(view: View, token: Token) -> list[Mention]:
    """ "in Ostravia, including Harwick and Corrin": the places a place is given with as
    examples stand beside it."""
    name = view.names.get(token.i)
    if name is None or name.root.ent_type_ not in ("GPE", "LOC"):
        return []
    markers = view.ontology.example_markers
    preps = [p for p in name.root.children if p.dep_ == "prep"]
    doc = token.doc
    if name.end + 1 < view.sent.end and doc[name.end].text == ",":  # hung elsewhere by the
        preps.append(doc[name.end + 1])  # parser, the example right after the place's comma
    return unique_mentions(
        [
            m
            for p in preps
            if p.dep_ == "prep" and prep_phrase(p) in markers
            for c in p.children
            if c.dep_ == "pobj" and c.i in view.names and c.ent_type_ in ("GPE", "LOC")
            for m in refer(view, c)
        ]
    )


def _listed_appositions(view: View, word: Token) -> list[Token]:
    """ "A, B, and C" parsed with B an apposition of A: names set off by commas between a word
    and its last conjunct are listed with it."""
    last = max((c.i for c in word.children if c.dep_ == "conj"), default=-1)
    if last < 0 or not any(c.dep_ == "cc" for c in word.children):
        return []
    doc = word.doc
    return [
        c
        for c in word.children
        if c.dep_ == "appos"
        and word.i < c.i < last
        and c.i in view.names
        and c.pos_ == "PROPN"
        and doc[view.names[c.i].start - 1].text == ","  # not a ticker in brackets
    ]


def _coordinated_before(view: View, token: Token) -> list[Mention]:
    """ "Zentara and Pellucid Vision" parsed as one phrase: the names coordinated before the
    name a token belongs to."""
    name = view.names.get(token.i)
    if name is None:
        return []
    found, i = [], name.start - 1
    conjunctions = view.ontology.grammar.conjunctions
    while i > view.sent.start and (
        view.sent.doc[i].lower_ == "," or view.sent.doc[i].lower_ in conjunctions
    ):
        previous = view.names.get(i - 1)
        if previous is None or previous.root.head.i not in range(name.start, name.end):
            break
        found.append(mention_of(view, previous))
        i = previous.start - 1
    return found


def refer_one(view: View, token: Token, apposed: bool = False) -> list[Mention]:
    name = view.names.get(token.i)
    if name is not None:  # with a place in apposition: "Velmar, Ostravia"
        places = [
            c
            for c in name.root.children
            if c.dep_ == "appos" and c.i in view.names and c.ent_type_ in ("GPE", "LOC")
        ]
        if name.root.ent_type_ in ("GPE", "LOC"):
            places = []  # "Harwick, Ostravia": the second place says which town, none of its own
        return [mention_of(view, name), *(mention_of(view, view.names[c.i]) for c in places)]
    lower, grammar = token.lower_, view.ontology.grammar
    if lower in grammar.first_person_pronouns and token.pos_ == "PRON":
        return _first_person(view, token)
    if lower in grammar.relative_pronouns and token.head.dep_ == "relcl":
        return refer_one(view, token.head.head, apposed)
    if lower in grammar.relative_pronouns and _fronted(token):  # "X, in which Y holds a stake"
        return refer_one(view, token.head.head.head, apposed)
    if lower in grammar.relative_pronouns and token.dep_ == "poss":
        return _whose(view, token, apposed)
    if lower in grammar.singular_pronouns:
        return _antecedent(view, token)
    if lower in grammar.plural_pronouns:
        return _plural_antecedent(view, token)
    if lower in grammar.person_pronouns:
        return _person_antecedent(view, token)
    if lower in grammar.pair_words and token.pos_ == "PRON" and token.dep_ in SUBJECTS:
        return _pair(view, token)  # "both are units of X": the last two organisations named
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    hint = view.ontology.class_of_head_noun(token.lemma_.lower())
    if token.dep_ == "appos" and token.head.i in view.names and not apposed:
        return [mention_of(view, view.names[token.head.i], hint)]
    partitive = (token.head.head.lower_, token.head.lower_)
    if token.dep_ == "pobj" and partitive in grammar.partitives:
        return refer_one(view, token.head.head, apposed)  # "one of the largest lenders"
    for child in token.children:
        if child.dep_ in ("appos", "compound", "nmod", "amod", "nummod") and child.i in view.names:
            before = (child.dep_ == "compound" and apposed) or (
                child.dep_ != "appos" and names_product(view, token, child)
            )
            if child.dep_ == "appos" or child.i > token.i or before:
                named = [child, *child.conjuncts] if child.dep_ == "appos" else [child]
                if before:  # "its Tarnix and Kestrel chips": names sharing the product noun
                    named += [c for c in child.conjuncts if c.i < token.i]
                return [  # "scientists Lars Eikrem and Sunniva Dahl"
                    mention_of(view, view.names[t.i], hint) for t in named if t.i in view.names
                ]
        if child.dep_ == "appos" and not apposed:
            found = refer_one(view, child, apposed=True)
            if found:
                return found
    examples = _examples(view, token, hint) or _called(view, token, hint)
    if examples:
        return examples
    variant = variant_of(view, token)
    if variant:
        return variant
    pairs = grammar.pair_words | grammar.definite_determiners
    if hint == "Organization" and token.tag_ == "NNS" and _paired(token, pairs):
        return _pair(view, token)
    definite = _is_definite(token, grammar.definite_determiners) or (
        token.dep_ == "compound"  # "the company headquarters": the phrase is definite
        and token.head.pos_ == "NOUN"
        and _is_definite(token.head, grammar.definite_determiners)
    )
    if token.dep_ == "compound" and token.head.pos_ == "VERB" and token.i > view.sent.start:
        # "The headset runs on X" parsed with the noun on the verb: its article is before it
        definite = definite or token.doc[token.i - 1].lower_ in grammar.definite_determiners
    if hint == "Organization" and definite:
        if _named_after(view, token):  # "the law firm of X": X, not one named before
            return []
        return _antecedent(view, token)
    if hint == "Product" and definite:
        return _product_antecedent(view, token)
    return []


def _fronted(token: Token) -> bool:
    """A relative pronoun a preposition fronts in its clause: "in which", "with whom"."""
    prep = token.head
    return token.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.dep_ == "relcl"


def _named_after(view: View, token: Token) -> bool:
    """A description followed by the name it describes ("the law firm of X", "the board of
    X"): it stands for no organisation named before it."""
    of = view.ontology.grammar.title_prepositions[0]
    return any(
        o.i in view.names
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == of
        for o in c.children
        if o.dep_ == "pobj"
    )


def _product_antecedent(view: View, token: Token) -> list[Mention]:
    """ "the headset": the name it is set off after ("X, the headset"); else the latest
    product named before it in its sentence, else in the sentence before (or the one before
    that, past a sentence naming none); else none."""
    focus = view.focus
    start = token.left_edge.i
    if start - 2 >= view.sent.start and token.doc[start - 1].text == ",":
        apposed = view.names.get(start - 2)  # "Quillware, the driving software": set off
        labels = PLACES | {"PERSON"}  # after a name, however it was parsed; not "In Harwick, the
        if apposed is not None and apposed.root.ent_type_ not in labels:  # headset sold"
            return [mention_of(view, apposed, "Product")]
    here = [
        m
        for t, name in view.name_roots
        if t.i < token.i
        for m in [mention_of(view, name)]
        if focus.kinds.get(focus.key(m), m.hint) == "Product"
        or (t.dep_ == "compound" and names_product(view, t.head, t))  # "the Tarnix X1 headset"
    ]
    if here:
        return [_reuse(here[-1], token, view)]
    if focus.product is not None and focus.sentences - focus.product_at <= 2:
        return [_reuse(focus.product, token, view)]
    return []


def names_product(view: View, noun: Token, name: Token) -> bool:
    """ "Tarnix-5 chips", "the Foldwright platform": a product's name before a product noun."""
    if view.ontology.class_of_head_noun(noun.lemma_.lower()) != "Product":
        return False
    if view.ontology.class_of_term(name.text):  # "AI chips" are not named "AI"
        return False
    determined = any(c.dep_ in ("det", "poss") for c in noun.children)
    if name.ent_type_ in ("PERSON", "NORP") and name.i in view.names:
        # "Zenith chips": the tagger's person or nationality before a product noun is the
        # product's name, unless it is a person's full name or a known person's surname
        mention = mention_of(view, view.names[name.i])
        return not is_person_name(mention, view.ontology) and (
            mention.text not in view.focus.article.surnames
        )
    if name.ent_type_ in ("GPE", "LOC"):  # "the Tarnix chip", not "the Ostravia version"
        return determined and not _variant_noun(view, noun)
    return name.ent_type_ not in ("PERSON", "NORP") and (determined or name.ent_type_ != "ORG")


def _variant_noun(view: View, noun: Token) -> bool:
    """ "version" of "the Ostravia version": a noun of the `kg:variantNoun`s, which a place
    before it may say where it is sold."""
    lemma = noun.lemma_.lower()
    return any(v.split()[0] == lemma for v in view.ontology.grammar.variant_nouns)


def _examples(view: View, token: Token, hint: str | None) -> list[Mention]:
    """ "rivals such as X and Y", "titans like X": the named examples of a noun."""
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ != "prep" or prep_phrase(child) not in view.ontology.example_markers:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj":
                found += [replace(m, hint=m.hint or hint) for m in refer(view, obj)]
    return found


def _called(view: View, token: Token, hint: str | None) -> list[Mention]:
    """ "a new app called X", "a chip dubbed X", "a model known as X": the name a participle of
    a `kg:namingVerb` gives the noun."""
    grammar = view.ontology.grammar
    return [
        mention_of(view, view.names[n.i], hint)
        for verb in token.children
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in grammar.naming_verbs
        for c in verb.children
        for n in (
            [c]
            if c.dep_ in ("oprd", "attr", "xcomp")
            else [o for o in c.children if o.dep_ == "pobj"]
            if c.dep_ == "prep" and c.lower_ in grammar.role_markers
            else []
        )
        if n.i in view.names and view.names[n.i].root.i == n.i
    ]


def variant_of(view: View, token: Token) -> list[Mention]:
    """ "the 64-bit edition of Tarnix OS", "a custom version of Kestrel": a variant noun and
    its preposition (a `kg:variantNoun`) stand for the product named after it."""
    return [
        m
        for p in token.children
        if p.dep_ == "prep"
        and f"{token.lemma_.lower()} {p.lower_}" in view.ontology.grammar.variant_nouns
        for o in p.children
        if o.dep_ == "pobj"
        for m in refer(view, o)  # "the likes of X and Y"
    ]


def prep_phrase(prep: Token) -> str:
    words = [c.lower_ for c in prep.lefts if c.dep_ in ("amod", "advmod")]
    return " ".join([*words, prep.lower_])


def _is_definite(token: Token, determiners: frozenset[str]) -> bool:
    return any(c.lower_ in determiners for c in token.children if c.dep_ == "det") and not any(
        c.dep_ == "poss" for c in token.children
    )


def _antecedent(view: View, token: Token) -> list[Mention]:
    """What "it", "its" or "the company" stands for: the product the last sentence was about
    when "it" opens a sentence ("The headset runs on X. It ships with ..."), else an
    organisation."""
    if _said_to_be_other(view, token):
        return []
    product = view.focus.topic_product
    opens = (
        token.lower_ in view.ontology.grammar.product_pronouns
        and token.dep_ in SUBJECTS
        and token.i < _first_name(view)
    )
    if product is not None and opens:
        return [_reuse(product, token, view)]
    return _org_antecedent(view, token)


def _said_to_be_other(view: View, token: Token) -> bool:
    """ "It is a breakthrough", "it is a big step": a pronoun said to be a noun that names no
    kind of entity (no `kg:headNoun`) nor a relation (no noun cue's: "the largest
    shareholder") stands for something else, or is empty."""
    if token.dep_ != "nsubj" or token.head.lemma_ not in view.ontology.grammar.copulas:
        return False
    for attr in (c for c in token.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
        noun = attr
        for prep in (c for c in attr.children if c.dep_ == "prep"):
            if (attr.lower_, prep.lower_) in view.ontology.grammar.partitives:
                noun = next((o for o in prep.children if o.dep_ == "pobj"), attr)
        lemma = noun.lemma_.lower()
        ontology = view.ontology
        return ontology.class_of_head_noun(lemma) is None and lemma not in ontology.cue_nouns
    return False


def _first_name(view: View) -> int:
    return min(
        (i for i in view.names if view.sent.start <= i < view.sent.end), default=view.sent.end
    )


def _org_antecedent(view: View, token: Token) -> list[Mention]:
    """The organisation "it", "its" or "the company" stands for.

    "its" in "gave Tessaro its first sites" is the one given to; "X's cafés and its
    business" is X's; "it" is the organisation subject of a clause governing it; "the
    chipmaker" is the organisation named last before it in the sentence; else one named
    earlier in the sentence as a subject (never a person or a place), else the last named
    before it, else the one the sentence before named or spoke of, its subject first; else
    none, rather than the organisation the text is about.
    """
    if token.dep_ == "poss" and token.head.dep_ == "dobj":
        given = [c for c in token.head.head.children if c.dep_ == "dative" and c.i < token.i]
        if given and refer(view, given[0]):
            return [_reuse(m, token, view) for m in refer(view, given[0])]
    doers = _doers(view, token)  # "X said it would buy the sensor maker", "... invest in it"
    if token.lower_ in view.ontology.grammar.singular_pronouns:
        governing = _parallel_owner(view, token) or _clause_subject(view, token, doers)
        if governing:
            return [_reuse(governing[0], token, view)]
    alike = _described_alike(view, token, doers) if token.pos_ == "NOUN" else None
    if alike is not None:  # "the bank" of "Fennick Bank", "the carmaker" of "carmaker X"
        return [_reuse(alike, token, view)]
    if token.pos_ == "NOUN" and token.dep_ not in SUBJECTS:  # "a stake in the chipmaker"
        inside = {t.i for t in token.subtree}
        named = [
            mention_of(view, view.names[t.i])
            for t in view.tokens
            if t.i < token.i
            and t.i not in inside
            and t.i in view.names
            and t.i == view.names[t.i].root.i
            and not _is_subjectish(t)
        ]
        orgs = [m for m in named if _org_candidate(m, view)]
        if orgs:
            return [_reuse(orgs[-1], token, view)]
    named_before: list[Mention] = []
    own = {t.i for t in token.subtree}  # "the Harwick-owned company" is not Harwick
    for earlier in view.tokens:
        if earlier.i >= token.i:
            break
        name = view.names.get(earlier.i)
        if name is None or earlier.i != name.root.i or earlier.i in own:
            continue
        if earlier.dep_ == "npadvmod" and earlier.head.lower_ in view.ontology.place_participles:
            continue  # "the Harwick-based company said it ...": a place, however labelled
        mention = mention_of(view, name)
        if mention.text in doers:
            continue
        recipient = name.root.dep_ == "dative"  # "gave X 62% of Y, while its partners ..."
        if (_is_subjectish(name.root) or recipient) and _fits(mention, view):
            return [_reuse(mention, token, view)]
        named_before += [mention] if _org_candidate(mention, view) else []
    if named_before:
        return [_reuse(named_before[-1], token, view)]
    before = [m for m in view.focus.previous if m.text not in doers]
    described = view.focus.described
    fitting = [m for m in before if token.lemma_.lower() in described.get(view.focus.key(m), ())]
    return [_reuse((fitting or before)[0], token, view)] if before else []


def _described_alike(view: View, token: Token, doers: set[str]) -> Mention | None:
    """The nearest organisation before a description in its sentence that is named or was
    described with the description's noun: "the bank" after "Fennick Bank", "the carmaker"
    after "carmaker Norvale" or "Norvale, a carmaker"."""
    lemma, focus = token.lemma_.lower(), view.focus
    inside = {t.i for t in token.subtree}
    here = [(t, n) for t, n in view.name_roots if t.i < token.i and t.i not in inside]
    for named, name in reversed(here):
        mention = mention_of(view, name)
        fits = mention.text not in doers and _org_candidate(mention, view)
        given = descriptions(named, name) | focus.described.get(focus.key(mention), set())
        if fits and lemma in given:
            return mention
    return None


def descriptions(token: Token, name: Span) -> set[str]:
    """The nouns a name is given with: its own last word ("Fennick Bank"), a noun before or
    beside it ("carmaker Norvale", "Norvale, a carmaker"), or the noun it qualifies ("the
    Norvale group")."""
    nouns = {name[-1].lemma_.lower()}
    nouns |= {
        c.lemma_.lower()
        for c in token.children
        if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN" and not name.start <= c.i < name.end
    }
    if token.dep_ in ("compound", "appos") and token.head.pos_ == "NOUN":
        nouns.add(token.head.lemma_.lower())
    return nouns


def may_own(view: View, word: Token) -> bool:
    """A pronoun or a definite organisation noun ("its", "the company's"): a word that may
    stand for an organisation named before."""
    grammar = view.ontology.grammar
    if word.pos_ == "PRON":
        return word.lower_ not in grammar.person_pronouns  # not "his chief of staff"
    determiners = grammar.definite_determiners
    return view.ontology.class_of_head_noun(word.lemma_.lower()) == "Organization" and any(
        c.dep_ == "det" and c.lower_ in determiners for c in word.children
    )


def local_org(view: View, before: int) -> Mention | None:
    """The organisation the local context gives a word at `before` that names none ("CEO
    Jane Roe"): one its sentence names before it, a subject first, else the latest; else the
    one the sentence before spoke of first; else none (not the one the text is about)."""
    orgs = [
        (token, mention_of(view, name))
        for token, name in view.name_roots
        if token.i < before and not _titled(view, name)
    ]
    orgs = [(t, m) for t, m in orgs if _org_candidate(m, view)]
    subjects = [m for t, m in orgs if _is_subjectish(t)]
    if subjects or orgs:
        return (subjects or [m for _, m in orgs])[-1]
    return next(iter(view.focus.previous), None)


def _doers(view: View, token: Token) -> set[str]:
    """Who does what the verb taking a description or pronoun as its object (or a description
    owning its object) says: that stands for another ("Norvale said it would buy the
    chipmaker", "... invest in it", "Norvale will sell the smaller firm's chips")."""
    from kg.extract.clauses import subjects_of  # clauses reads references through this module

    if token.pos_ not in ("NOUN", "PRON"):
        return set()
    if token.dep_ == "poss" and token.pos_ == "NOUN":  # "... develop the smaller company's drug"
        token = token.head
        while token.dep_ == "compound":
            token = token.head
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif token.dep_ != "dobj":
        return set()
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {m.text for m in subjects_of(view, verb)}


def _whose(view: View, token: Token, apposed: bool) -> list[Mention]:
    """ "Norvale, whose customers include X", "X, in whose stores ...": the possessive relative
    stands for the noun its clause hangs on."""
    clause = token.head
    for _ in range(3):
        if clause.dep_ == "relcl" or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ != "relcl":
        return []
    return refer_one(view, clause.head, apposed)


def _first_person(view: View, token: Token) -> list[Mention]:
    """ "we", "our": in a quotation, the organisation of whoever speaks it ("..., said X CEO
    Jane Roe"; when it names none, the latest speaker, named in this paragraph or the one
    before); elsewhere, the organisation the text is written by (`author_of`), else the one
    the sentence before spoke of first."""
    quote = _quotation(token)
    focus = view.focus
    last = focus.paragraphs[1]  # the paragraph of the sentence before
    recent = focus.paragraphs if view.offset == last else (last, view.offset)
    latest = focus.speaker if focus.speaker_at in recent else None
    # outside quotation marks, the organisation the text is by, else the one the sentence
    # before is about ("Norvale released X today. We built it on Y")
    writer = focus.author or next(iter(focus.previous), None)
    org = writer if quote is None else _attributed(view, quote) or latest
    org = _placed_at(view, token) or org  # "At Norvale, we ...", "we at Norvale"
    return [_reuse(org, token, view)] if org is not None else []


def author_of(
    docs: Sequence[tuple[int, Doc]],
    names: Sequence[Mapping[int, Span]],
    article: ArticleNames,
    ontology: Ontology,
) -> Mention | None:
    """The organisation a text speaks for as "we" outside quotations: the one it names beside
    the pronoun ("At Norvale, we ...", "we at Norvale"); else the one it names most (a subject
    or the text's first words counting twice), at least twice as often as any other; else
    none. People and places are not counted, nor names in quotations (another's voice), nor
    what a sentence in which the writer speaks as "we" takes as an object (another party)."""
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    others: set[str] = set()  # the other parties of the writer
    aliases: dict[str, str] = {}  # "NVL" of "Norvale Labs (NVL)": one organisation
    grammar, suffixes = ontology.grammar, ontology.corporate_suffixes
    for (offset, _), found in zip(docs, names, strict=True):
        for i, name in found.items():
            if i != name.root.i:
                continue
            start = offset + name.start_char
            mention = Mention(name.text, start, start + len(name.text), "ORG")
            if _beside_we(name, grammar):
                return mention
            if not _may_be_author(name, article) or _quotation(name.root) is not None:
                continue
            key = key_of(name.text, suffixes)
            if _with_we(name, grammar):  # "our partnership with Quillfin": another party
                others.add(key)
                continue
            key = aliases.get(key, key)
            acronym = _acronym(name)
            if acronym is not None:
                aliases[key_of(acronym, suffixes)] = key
            first_conjunct = name.root
            while first_conjunct.dep_ == "conj":  # "X and Y said": both are subjects
                first_conjunct = first_conjunct.head
            opening = start == docs[0][0] and name.start == 0  # the text's first words
            counts[key] += 2 if opening or _is_subjectish(first_conjunct) else 1
            first.setdefault(key, mention)
    for key in others:
        counts.pop(aliases.get(key, key), None)
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (best, most), (_, next_most) = ranked[:2]
    if most < max(2 * next_most, 2):
        return None
    return first[best]


def _may_be_author(name: Span, article: ArticleNames) -> bool:
    """Not a person's full name or surname, nor a place that begins no organisation's name."""
    label = name.root.ent_type_
    if (label == "PERSON" and len(name) > 1) or name.text in article.surnames:
        return False
    return label not in NOT_ORGS and (label not in PLACES or name[0].text in article.org_words)


def _with_we(name: Span, grammar: Grammar) -> bool:
    """A name a sentence whose writer speaks as "we" or "our" outside quotations takes as an
    object: another party ("our partnership with Quillfin", "we acquired Harwick Labs"; not
    "we built the Norvale app")."""
    return name.root.dep_ in ("dobj", "pobj") and any(
        t.lower_ in grammar.first_person_pronouns and _quotation(t) is None for t in name.sent
    )


def _beside_we(name: Span, grammar: Grammar) -> bool:
    """ "At Norvale, we ...", "we at Norvale": a name a first-person subject is placed at."""
    prep, we = name.root.head, grammar.first_person_pronouns
    if name.root.dep_ != "pobj" or prep.lower_ not in grammar.workplace_prepositions:
        return False
    holder = prep.head
    return holder.lower_ in we or any(
        c.dep_ in SUBJECTS and c.lower_ in we for c in holder.children
    )


def _placed_at(view: View, token: Token) -> Mention | None:
    """The organisation a first-person subject places itself at: "At Norvale, we ..."."""
    if token.dep_ not in SUBJECTS:
        return None
    grammar = view.ontology.grammar
    for prep in (
        c
        for c in token.head.children
        if c.dep_ == "prep" and c.lower_ in grammar.workplace_prepositions
    ):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.i in view.names):
            found = [m for m in refer_one(view, obj) if _org_candidate(m, view)]
            if found:
                return found[0]
    return None


def _quotation(token: Token) -> tuple[int, int] | None:
    """The token span of the quotation a token stands in, marks excluded; None outside one."""
    doc, start = token.doc, -1
    for t in doc[: token.i]:
        if t.text not in QUOTES:
            continue
        opens = t.is_left_punct and (start < 0 or not t.is_right_punct)
        start = t.i + 1 if opens else -1
    if start < 0:
        return None
    end = next((t.i for t in doc[token.i :] if t.text in QUOTES), len(doc))
    return start, end


def _attributed(view: View, quote: tuple[int, int]) -> Mention | None:
    """The organisation of the speaker a quotation's own sentences name, outside its marks."""
    doc = view.sent.doc
    around = {doc[max(quote[0] - 1, 0)].sent.start, doc[min(quote[1], len(doc) - 1)].sent.start}
    for sent in (s for s in doc.sents if s.start in around):
        outside = [t for t in sent if not quote[0] - 1 <= t.i <= quote[1]]
        org = _speaker_of(view, outside)
        if org is not None:
            return org
    return None


def _speaker_of(view: View, tokens: list[Token]) -> Mention | None:
    """The organisation of the subject of a speech verb among the tokens."""
    for verb in tokens:
        if verb.lemma_.lower() not in view.ontology.grammar.speech_verbs:
            continue
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
            org = _organisation_of(view, subject)
            if org is not None:
                return org
    return None


def _organisation_of(view: View, speaker: Token) -> Mention | None:
    """A speaker's organisation: an organisation itself ("the company said"), one named in the
    speaker's phrase ("X CEO Jane Roe", "Jane Roe, chief executive of X"), or the one the
    article gave the speaker before."""
    focus, grammar = view.focus, view.ontology.grammar
    if speaker.lower_ in grammar.person_pronouns:
        person = focus.person
        return focus.employers.get(person.text.split()[-1]) if person is not None else None
    name = view.names.get(speaker.i)
    if name is None:
        found = [m for m in refer_one(view, speaker) if _org_candidate(m, view)]
        found = found or _phrase_orgs(view, speaker, None)  # "Norvale CEO, Jane Roe, said"
        if not found and _bare_title(view, speaker):  # "the chief executive said"
            return next(iter(view.focus.previous), None)  # the sentence before's organisation
        return _most_named(view, found)
    mention = mention_of(view, name)
    itself = _org_candidate(mention, view) and mention.ner != "PERSON" and not _titled(view, name)
    if itself and (mention.ner == "ORG" or view.ontology.is_org_name(mention.text)):
        return mention  # "Norvale Systems said"
    orgs = _phrase_orgs(view, speaker, name)
    if orgs:  # "President, Mobility Unit, Norvale Systems": the one the text names most
        return _most_named(view, orgs)
    if itself and not person_like(mention, view):
        return mention
    return focus.employers.get(mention.text.split()[-1])


def represented(view: View, person: Token) -> Mention | None:
    """The organisation a person's own phrase names them with ("X CEO Jane Roe", "Jane Roe,
    chief executive of X"), for what only an organisation does; None for no such person."""
    name = view.names.get(person.i)
    if name is None or name.root.i != person.i:
        return None
    mention = mention_of(view, name)
    if mention.ner != "PERSON" or view.ontology.is_org_name(mention.text):
        return None
    return _most_named(view, _phrase_orgs(view, person, name))


def _bare_title(view: View, speaker: Token) -> bool:
    """ "the chief executive": a definite title that names no organisation of its own."""
    ontology = view.ontology
    return (
        speaker.lower_ in ontology.title_ends
        and ontology.class_of_head_noun(speaker.lemma_.lower()) != "Organization"
        and _is_definite(speaker, ontology.grammar.definite_determiners)
    )


def _most_named(view: View, orgs: list[Mention]) -> Mention | None:
    focus = view.focus
    return max(orgs, key=lambda m: focus.counts.get(focus.key(m), 0.0)) if orgs else None


def _phrase_orgs(view: View, speaker: Token, name: Span | None) -> list[Mention]:
    """The organisations named in a speaker's phrase, besides the speaker: names, or a word
    the article elsewhere begins an organisation's name with ("Norvale president Jane Roe")."""
    found = []
    for t in sorted(_phrase(speaker, view.ontology.grammar.copulas), key=lambda t: t.i):
        other = view.names.get(t.i)
        if (
            other is not None
            and other.root.i == t.i
            and (name is None or other.start != name.start)
        ):
            named = mention_of(view, other)
            if _names_title(view, t):  # "Halden Roe CEO": whatever the tagger says
                named = replace(named, hint="Organization")
                found.append(named)
            else:
                found += [named] if _org_candidate(named, view) else []
        elif other is None and t.dep_ == "compound" and t.text in view.focus.article.org_words:
            found.append(mention_of(view, t.doc[t.i : t.i + 1], "Organization"))
        elif other is None and t.dep_ in ("poss", "pobj") and _described_org(view, t):
            # "Jane Roe, the bank's chief executive": the organisation the noun stands for
            found += [m for m in refer_one(view, t) if _org_candidate(m, view)]
    return found


def _names_title(view: View, token: Token) -> bool:
    """ "Norvale" of "Norvale CEO": a name before a title names whom the title is held at."""
    return token.dep_ == "compound" and token.head.lower_ in view.ontology.title_ends


def _described_org(view: View, token: Token) -> bool:
    """A definite noun for an organisation: "the bank", "the company"."""
    return (
        token.pos_ == "NOUN"
        and view.ontology.class_of_head_noun(token.lemma_.lower()) == "Organization"
        and _is_definite(token, view.ontology.grammar.definite_determiners)
    )


def _phrase(token: Token, copulas: frozenset[str]) -> list[Token]:
    """A noun's words with its appositions, leaving out clauses about it, but for one saying
    what it is ("Jane Roe, who has been Norvale's president since 2016")."""
    words = [token]
    for child in token.children:
        if child.dep_ not in ASIDES or (child.dep_ == "relcl" and child.lemma_ in copulas):
            words += _phrase(child, copulas)
    return words


def _paired(token: Token, pair_words: frozenset[str]) -> bool:
    return any(c.lower_ in pair_words for c in token.children if c.dep_ in PAIR_DEPS)


def _person_antecedent(view: View, token: Token) -> list[Mention]:
    """ "she", "his": the person the text is about, else another the latest sentence naming
    people named; never one an honorific gives the other gender ("Mr. Roe succeeds Ana Lind.
    She ...": Ana Lind)."""
    focus = view.focus
    gender = _gender(view, token.lower_)
    for person in (focus.person, *focus.people):
        known = focus.genders.get(person.text.split()[-1]) if person is not None else None
        if person is not None and (gender is None or known in (None, gender)):
            return [_reuse(person, token, view)]
    return []


def _gender(view: View, word: str) -> str | None:
    """ "f" for a feminine word ("she", "ms"), "m" for a masculine one, else None."""
    grammar, word = view.ontology.grammar, word.lower().rstrip(".")
    if word in grammar.feminine_words:
        return "f"
    return "m" if word in grammar.masculine_words else None


def _honorific_gender(view: View, name: Span) -> str | None:
    """The gender an honorific before or opening a name gives: "Mr. Roe", "Ms Lind"."""
    before = name.doc[name.start - 1] if name.start > view.sent.start else None
    words = [name[0], *([before] if before is not None else [])]
    return next((g for w in words if (g := _gender(view, w.text)) is not None), None)


def _pair(view: View, token: Token) -> list[Mention]:
    """ "the two companies", "both firms": the last two organisations named, in this sentence
    or before it."""
    here = [
        mention_of(view, view.names[t.i])
        for t in view.tokens
        if t.i < token.i and t.i in view.names and view.names[t.i].root.i == t.i
    ]
    here = [m for m in here if _org_candidate(m, view)]
    named = _latest_each(view, [*view.focus.named, *here])
    return [_reuse(m, token, view) for m in named[-2:]] if len(named) >= 2 else []


def _latest_each(view: View, mentions: list[Mention]) -> list[Mention]:
    """The mentions, each organisation once, at its latest place."""
    latest: dict[str, Mention] = {}
    for m in mentions:
        latest.pop(view.focus.key(m), None)
        latest[view.focus.key(m)] = m
    return list(latest.values())


def _fits(mention: Mention, view: View) -> bool:
    """Not a person, nor a place unless known to begin an organisation's name."""
    if _is_person(mention, view.focus, view.ontology):
        return False
    return mention.ner not in PLACES or mention.text.split()[0] in view.focus.article.org_words


def _parallel_owner(view: View, token: Token) -> list[Mention]:
    """ "X's cafés and its franchise business": the owner of the noun it is coordinated with."""
    if token.dep_ != "poss":
        return []
    for sibling in (c for c in token.head.conjuncts if c.i < token.i):
        for owner in (c for c in sibling.children if c.dep_ == "poss" and c.i in view.names):
            found = [m for m in refer_one(view, owner) if _org_candidate(m, view)]
            if found:
                return found
    return []


def _clause_subject(view: View, token: Token, skip: set[str] | None = None) -> list[Mention]:
    """ "X said it would ...", "X has named Y as its chief executive": the organisation that
    is the subject of a clause governing the pronoun, nearest first; not one in `skip`."""
    for clause in token.ancestors:
        for subject in (c for c in clause.children if c.dep_ in SUBJECTS):
            if subject.i == token.i or token in subject.subtree:
                continue
            found = [
                m
                for m in refer_one(view, subject)
                if _org_candidate(m, view) and m.text not in (skip or set())
            ]
            if found:
                return found
    return []


def based_name(view: View, token: Token) -> Span | None:
    """ "chief executive of Harwick, Idaho-based Norvale": the name a place only qualifies,
    hyphened to a participle of a place property's verb ("based"), however it was parsed."""
    place = view.names.get(token.i)
    if place is None or place.root.ent_type_ not in PLACES:
        return None
    participles = view.ontology.place_participles
    doc, i, based = token.doc, place.end, False
    while i < view.sent.end and i not in view.names:
        word = doc[i].lower_
        if word.rpartition("-")[2] in participles:
            based = True
        elif word not in (",", "-") and not (doc[i].ent_type_ in PLACES and not based):
            return None  # "Harwick, Calif.-based": the state may stand apart from the city
        i += 1
    name = view.names.get(i)
    return name if based and name is not None and name.root.ent_type_ not in PLACES else None


def not_place(view: View, token: Token) -> bool:
    """Not labelled a place, known in this article to begin an organisation's name, or
    described as an organisation where it stands ("the carmaker Tallow")."""
    if token.ent_type_ not in PLACES or token.text in view.focus.article.org_words:
        return True
    name = view.names.get(token.i)
    return name is not None and view.hints.get(name.start) == "Organization"


def _plural_antecedent(view: View, token: Token) -> list[Mention]:
    """ "Ostrander and Kaida said they had formed ...": coordinated subjects earlier in the
    sentence; nothing when the sentence names no such pair."""
    for earlier in view.tokens:
        if earlier.i >= token.i:
            break
        if earlier.dep_ in SUBJECTS and (earlier.conjuncts or earlier.tag_ == "NNS"):
            found = [m for m in refer(view, earlier) if _org_candidate(m, view)]
            if len(found) > 1:
                return [_reuse(m, token, view) for m in found]
    return []


def _org_candidate(mention: Mention, view: View) -> bool:
    focus = view.focus
    key = focus.key(mention)
    kind = focus.kinds.get(key, mention.hint or "Organization")
    if kind != "Organization":
        return False
    shown = key in focus.kinds and mention.text.split()[0] in focus.article.org_words
    if mention.hint == "Organization" or shown:  # "packaging maker Skovby Emballage", or a
        return True  # name the article has shown to be an organisation: whatever its label
    if mention.ner in NOT_ORGS:
        return False
    if _is_person(mention, focus, view.ontology):
        return False
    return mention.ner not in PLACES or mention.text.split()[0] in focus.article.org_words


def _known_org(mention: Mention, view: View) -> bool:
    """An organisation the article's facts or describing words have shown to be one."""
    kind = view.focus.kinds.get(view.focus.key(mention))
    return kind == "Organization" and _org_candidate(mention, view)


def _is_subjectish(token: Token) -> bool:
    """A subject, its possessor ("Norvale's entry ... places it"), or the possessor of a
    sentence the parser left without a verb."""
    if token.dep_ in SUBJECTS:
        return True
    return token.dep_ == "poss" and (token.head.dep_ in SUBJECTS or token.head.dep_ == "ROOT")


def _is_main_subject(token: Token) -> bool:
    """Subject-like and in the main clause, not in "With X reporting growth, ..."."""
    head = token.head if token.dep_ in SUBJECTS else token.head.head
    if token.dep_ == "poss" and token.head.dep_ == "ROOT":
        return True
    return _is_subjectish(token) and (head.dep_ == "ROOT" or head.dep_ == "conj")


def _reuse(antecedent: Mention, token: Token, view: View) -> Mention:
    start = view.offset + token.idx
    return Mention(
        antecedent.text,
        start,
        start + len(token),
        antecedent.ner,
        antecedent.hint,
        antecedent.acronym,
    )


def is_reference(mention: Mention, view: View) -> bool:
    """True when the mention is a pronoun or description standing for an earlier name."""
    token_start = mention.start - view.offset
    span = view.sent.doc.char_span(token_start, mention.end - view.offset)
    return span is not None and span.text != mention.text


def unique_mentions(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[str, int], Mention] = {}
    for m in mentions:
        seen.setdefault((m.text, m.start), m)
    return list(seen.values())


def update_focus(view: View, facts: list[Fact]) -> None:
    """After a sentence: what its names, and its facts (every reading of each), say the text
    is about."""
    focus = view.focus
    about = _sentence_product(view)  # before this sentence's facts move the focus
    readings = Counter((f.subject.start, f.object.start) for f in facts)
    for fact in facts:
        if readings[(fact.subject.start, fact.object.start)] > 1:
            continue  # "launched X" read as a launch and as a founding: it says nothing of X
        prop = view.ontology.properties[fact.predicate]
        focus.learn(fact.subject, prop.domain)
        focus.learn(fact.object, prop.range)
        if prop.domain == {"Person"} and prop.range == {"Organization"}:
            focus.employers.setdefault(fact.subject.text.split()[-1], fact.object)
    subjects: list[Mention] = []
    others: list[Mention] = []
    people: list[tuple[bool, Mention]] = []
    for token, name in view.name_roots:
        mention = mention_of(view, name)
        if VERSION.search(mention.text) or mention.hint == "Product":
            focus.learn(mention, frozenset({"Product"}))
            continue
        if mention.hint not in (None, "Organization"):  # "cloud computing" is no company
            focus.learn(mention, frozenset({mention.hint}))
            continue
        if _is_person(mention, focus, view.ontology):
            # "its CEO, Jane Roe, has resigned": the subject's apposition is the one spoken of
            spoken_of = _is_subjectish(token) or (
                token.dep_ == "appos" and token.head.dep_ in SUBJECTS
            )
            if spoken_of:
                focus.person = mention
            people.append((not spoken_of, mention))
            focus.kinds[focus.key(mention)] = "Person"
            gender = _honorific_gender(view, name)
            if gender is not None:  # "Mr. Roe"
                focus.genders[mention.text.split()[-1]] = gender
        elif mention.ner not in NOT_ORGS and _is_main_subject(token):
            subjects.append(mention)
        elif mention.ner not in NOT_ORGS | PLACES:
            others.append(mention)
    focus.saw(subjects, others)
    if people:  # "Mr. Roe succeeds Ana Lind. She ...": the people "she" may stand for
        focus.people = tuple(m for _, m in sorted(people, key=lambda p: p[0]))
    for token, name in view.name_roots:
        nouns = focus.described.setdefault(focus.key(mention_of(view, name)), set())
        nouns |= descriptions(token, name)
    if any(w.pos in ("VERB", "AUX") for w in view.words):  # not a heading or a caption
        focus.spoke_of(_spoken_of(view))
    speech = view.ontology.grammar.speech_verbs
    told = {  # "told a news agency": a source, not a party
        view.offset + w.name.start_char
        for w in view.words
        if w.name is not None
        and w.token.dep_ not in SUBJECTS
        and w.token.head.lemma_.lower() in speech
    }
    told |= _bracketed(view)
    named = (m for m in subjects + others if m.start not in told)
    focus.named += sorted(named, key=lambda m: m.start)
    focus.topic_product = about
    focus.sentences += 1
    if view.offset != focus.paragraphs[1]:
        focus.paragraphs = (focus.paragraphs[1], view.offset)
    speaker = _speaker_of(view, [w.token for w in view.words if w.lemma in speech])
    if speaker is not None:
        focus.speaker, focus.speaker_at = speaker, view.offset


def _spoken_of(view: View) -> list[Mention]:
    """The organisations a sentence names or speaks of, what "it" in the next may stand for:
    the main clause's subject first ("Norvale", "the Norvale board", "the company", or a name
    opening the sentence however it was parsed), then other clauses' subjects, then any other
    organisation the article has shown to be one. Not a titled person ("chief executive Jane
    Roe"), nor a subject the article has shown to be something else."""
    ranked: list[tuple[int, int, Mention]] = []
    for token in view.tokens:
        name = view.names.get(token.i)
        if name is not None and name.root.i != token.i:
            continue
        head = token.head if token.dep_ in ("compound", "poss") else token
        opens = name is not None and name.start == view.sent.start and token.dep_ == "ROOT"
        rank = 0 if opens else _clause_rank(head)
        if name is None:  # "The company said ...", "It also ..."
            found = refer_one(view, token) if rank < 2 and token.dep_ in SUBJECTS else []
        elif _titled(view, name):
            found = []
        else:
            found = [mention_of(view, name)]
        for mention in found:
            if (rank < 2 and _org_candidate(mention, view)) or _known_org(mention, view):
                ranked.append((rank, token.i, mention))
    return unique_mentions([m for _, _, m in sorted(ranked, key=lambda r: r[:2])])


def _clause_rank(token: Token) -> int:
    """0 for the subject of a main clause ("X said ..., and it plans"), 1 for the subject of
    what a main clause reports ("“X has ..., but Y has ...,” said Jane Roe"), 2 for any other
    word."""
    if token.dep_ not in SUBJECTS:
        return 2
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ROOT":
        return 0
    return 1 if clause.dep_ == "ccomp" and clause.head.dep_ == "ROOT" else 2


def _titled(view: View, name: Span) -> bool:
    """ "chief executive Jane Roe": a name after a title is a person's, whatever its label;
    not after a noun that also names organisations ("chip designer Norvale")."""
    before = name.doc[name.start - 1] if name.start > view.sent.start else None
    if before is None or before.lower_ not in view.ontology.title_ends:
        return False
    return view.ontology.class_of_head_noun(before.lemma_.lower()) != "Organization"


def _bracketed(view: View) -> set[int]:
    """ "Norvale Systems (NVS.O)": the starts of names in brackets right after a name."""
    doc = view.sent.doc
    return {
        view.offset + doc[w.i + 1].idx
        for w in view.words
        if w.lower == "(" and w.i > 0 and w.i - 1 in view.names and w.i + 1 in view.names
    }


def _sentence_product(view: View) -> Mention | None:
    """The product a sentence is about, when its main subject names or describes one."""
    root = view.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is None:  # "The headset runs on ..." misparsed: the first noun before the verb
        subject = next(
            (t for t in view.tokens if t.i < root.i and t.pos_ in ("NOUN", "PROPN", "PRON")), None
        )
    if subject is None:
        return None
    if subject.lower_ in view.ontology.grammar.product_pronouns:
        return view.focus.topic_product
    kinds = view.focus.kinds
    for mention in refer_one(view, subject):
        if kinds.get(view.focus.key(mention), mention.hint) == "Product":
            return mention
    return None


def _is_person(mention: Mention, focus: Focus, ontology: Ontology) -> bool:
    """A person's full name, or a surname of one named in the article."""
    if mention.text in focus.article.surnames:
        return True
    return (
        mention.ner == "PERSON" and " " in mention.text and not ontology.is_org_name(mention.text)
    )


def is_person_name(mention: Mention, ontology: Ontology) -> bool:
    """Labelled PERSON and written as a full name: 'Claire Okonjo', not 'Duskfield' or
    'Corvalis Cloud'."""
    return (
        mention.ner == "PERSON" and " " in mention.text and not ontology.is_org_name(mention.text)
    )


def person_like(mention: Mention, view: View) -> bool:
    """A PERSON name, one shaped like a person's ('Jane Roe'), or a known person's surname."""
    words = mention.text.split()
    shaped = 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)
    return mention.ner == "PERSON" or shaped or mention.text in view.focus.article.surnames


def aged(span: Span) -> bool:
    """A name with an age set off after it, as news gives a person's: "Jane Roe, 47, of X"."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 2].text != ",":
        return False
    age = doc[span.end + 1]
    return age.is_digit and 0 < int(age.text) < 120
