"""One node per real-world entity: merge the many names of one thing, type it, check the facts.

Names are merged by general rules: case and punctuation, a leading "the", corporate suffixes
("Norvale Group Holding" = "Norvale"), acronyms ("Northfield Analytical Instruments" = "NAI"),
and a person's surname ("Roe" = "Jane Roe"). Names that only share a word stay apart
("Norvale Cloud" is not "Norvale"). Each entity gets the class its mentions and roles vote for,
and a fact survives only when its entities fit the property's domain and range.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from kg.aliases import AliasGroup
from kg.extract import Fact, Mention
from kg.names import VERSION, clean_name, initials, is_acronym, key_of, normalise
from kg.ontology import Ontology

ROLE_WEIGHT = 0.9  # one fact's role outweighs a doubtful spaCy label, not a confident one


@dataclass(frozen=True)
class Entity:
    key: str  # stable identity: the normalised preferred name (also the IRI slug)
    label: str  # preferred label
    names: tuple[str, ...]  # every surface name, sorted
    cls: str  # ontology class name
    iri: str | None = None  # set for entities that already exist in a graph being merged into
    same_as: tuple[str, ...] = ()  # the same entity elsewhere, from the user's alias file


@dataclass(frozen=True)
class ResolvedFact:
    subject: Entity
    predicate: str
    object: Entity
    fact: Fact


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    facts: tuple[ResolvedFact, ...]
    dropped: tuple[Fact, ...]  # facts whose entities do not fit the property's domain/range


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(
    facts: Iterable[Fact],
    ontology: Ontology,
    known: Sequence[Entity] = (),
    aliases: Sequence[AliasGroup] = (),
) -> Resolution:
    """Entities and checked facts, the same whatever the order of `facts`.

    `known` entities (from a graph being merged into) keep their IRIs and labels; `aliases`
    (the user's alias file) join names, set preferred labels and add owl:sameAs links.
    """
    facts = sorted(facts, key=_fact_order)
    suffixes = ontology.corporate_suffixes
    mentions = [m for f in facts for m in (f.subject, f.object)]
    groups = _group_names(facts, known, suffixes)
    for group in aliases:
        for name in group.names:
            groups.union(key_of(group.label, suffixes), key_of(name, suffixes))
    votes = _class_votes(facts, ontology, groups, suffixes)
    entities = _entities(mentions, groups, votes, known, suffixes)
    for group in aliases:
        found = entities.get(groups.find(key_of(group.label, suffixes)))
        if found is not None and found.iri is None:
            names = tuple(sorted(set(found.names) | {group.label}))
            same_as = tuple(sorted(set(found.same_as) | group.same_as))
            key = key_of(group.label, suffixes) or normalise(group.label)
            updated = replace(found, key=key, label=group.label, names=names, same_as=same_as)
            entities = {k: updated if e is found else e for k, e in entities.items()}
    kept, dropped, provided_facts = [], [], []
    for fact in facts:
        subject = entities[groups.find(key_of(fact.subject.text, suffixes))]
        obj = entities[groups.find(key_of(fact.object.text, suffixes))]
        prop = ontology.properties[fact.predicate]
        if subject.key == obj.key:
            dropped.append(fact)
        elif subject.cls in prop.domain and obj.cls in prop.range:
            kept.append(ResolvedFact(subject, fact.predicate, obj, fact))
        elif (provided := _provided(fact, subject, obj, ontology)) is not None:
            provided_facts.append(ResolvedFact(obj, provided.predicate, subject, provided))
        else:
            dropped.append(fact)
    owned = _owned_pairs(kept, ontology)
    for supply in provided_facts:  # "Norvale is integrating Brisk, which it bought": no supply
        if frozenset((supply.subject.key, supply.object.key)) in owned:
            dropped.append(supply.fact)
        else:
            kept.append(supply)
    unique = {e.key: e for e in entities.values()}
    used = {e.key for f in kept for e in (f.subject, f.object)}
    return Resolution(
        tuple(sorted((unique[k] for k in used), key=lambda e: e.key)), tuple(kept), tuple(dropped)
    )


def _provided(fact: Fact, subject: Entity, obj: Entity, ontology: Ontology) -> Fact | None:
    """ "Brisk uses Norvale", "relies on Norvale for chips": a fact of a product used (a
    property with a `kg:providerReading`) whose object is an organisation says that the
    organisation supplies the subject; that fact, or None."""
    reading = ontology.properties[fact.predicate].provider_reading
    if reading is None:
        return None
    prop = ontology.properties[reading]
    if obj.cls not in prop.domain or subject.cls not in prop.range:
        return None
    return replace(fact, subject=fact.object, predicate=reading, object=fact.subject)


def _owned_pairs(facts: Sequence[ResolvedFact], ontology: Ontology) -> set[frozenset[str]]:
    """The pairs of entities one of which owns or bought the other: a fact of a property
    stated instead by buying shares (a `kg:sharePurchase`: "acquired", "subsidiary of")."""
    return {
        frozenset((f.subject.key, f.object.key))
        for f in facts
        if ontology.properties[f.predicate].share_purchase is not None
    }


def _fact_order(fact: Fact) -> tuple[str, int, int, str, str, str]:
    return (
        fact.article,
        fact.evidence.start,
        fact.subject.start,
        fact.predicate,
        fact.subject.text,
        fact.object.text,
    )


def _group_names(
    facts: Sequence[Fact], known: Sequence[Entity], suffixes: frozenset[str]
) -> _UnionFind:
    """Names joined by the rules. A group's root is its least key, whatever the order of the
    unions, so a known entity's names are joined only where their keys differ."""
    mentions = [m for f in facts for m in (f.subject, f.object)]
    groups = _UnionFind()
    names = sorted({clean_name(m.text) for m in mentions} | {n for e in known for n in e.names})
    for entity in known:
        label = key_of(entity.label, suffixes)
        for name in entity.names:
            key = key_of(name, suffixes)
            if key != label:
                groups.union(label, key)
    defined = {m.acronym: clean_name(m.text) for m in mentions if m.acronym}
    _merge_aliases(groups, mentions, suffixes)
    _merge_acronyms(groups, names, defined, suffixes)
    _merge_surnames(groups, mentions, known, suffixes)
    _merge_short_names(groups, facts, suffixes)
    return groups


def name_links(name: str, suffixes: frozenset[str], person: bool) -> tuple[set[str], set[str]]:
    """What the rules below compare of a name, as tokens: those it is found under, and those
    it looks for. Two names a rule could join share a token, one found under it, one looking
    for it: the same key; an acronym and a name of those initials; a person's single name and
    a full name that ends in it. `kg.index` follows these to the entities of a graph that a
    merge can reach, and leaves the others unread."""
    key = key_of(name, suffixes)
    found, looked = {f"k {key}"}, {f"k {key}"}
    if is_acronym(name):
        found.add(f"a {name.lower()}")
        looked.add(f"i {name.lower()}")
    for form in {initials(name), initials(key)} - {""}:
        found.add(f"i {form}")
        looked.add(f"a {form}")
    words = name.split()
    if person and len(words) > 1:
        found.add(f"s {words[-1].lower()}")
        looked.add(f"n {words[-1].lower()}")
    elif person and words:
        found.add(f"n {name.lower()}")
        looked.add(f"s {name.lower()}")
    return found, looked


def _merge_aliases(
    groups: _UnionFind, mentions: Sequence[Mention], suffixes: frozenset[str]
) -> None:
    """A mention's other name joins its own when no other name gives it: 'Harwick' =
    'Harwick, Idaho' when that is the only name written with a state that gives 'Harwick'
    (with 'Harwick, Vermont' named too, a bare 'Harwick' joins neither); the name an acronym
    stands for, as its article writes it out, = the acronym."""
    full: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.alias:
            alias = key_of(clean_name(mention.alias), suffixes)
            full[alias].add(key_of(clean_name(mention.text), suffixes))
    for alias, names in sorted(full.items()):
        if len(names) == 1:
            groups.union(alias, next(iter(names)))


def _merge_acronyms(
    groups: _UnionFind, names: Sequence[str], defined: dict[str, str], suffixes: frozenset[str]
) -> None:
    """'NAI' = 'Northfield Analytical Instruments', 'ML' = 'machine learning'.

    A definition in the text ("machine learning (ML)") settles it; otherwise the
    acronym must fit exactly one name, and names that hold an acronym of their own
    ("BRK Partners") are not candidates.
    """
    for acronym, name in sorted(defined.items()):
        groups.union(key_of(acronym, suffixes), key_of(name, suffixes))
    acronyms = [n for n in names if is_acronym(n)]
    wanted = {a.lower() for a in acronyms}  # the only initials looked up below
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in names:
        stripped = key_of(name, suffixes)
        forms = {initials(name), initials(stripped)} & wanted
        if forms and not any(len(w) > 1 and w.isupper() for w in name.split()):
            for form in forms:
                by_initials[form].add(stripped)
    for name in acronyms:
        targets = by_initials.get(name.lower(), set())
        if len(targets) == 1:
            groups.union(key_of(name, suffixes), next(iter(targets)))


def _merge_surnames(
    groups: _UnionFind,
    mentions: Sequence[Mention],
    known: Sequence[Entity],
    suffixes: frozenset[str],
) -> None:
    """'Roe' = 'Jane Roe' when exactly one person's full name ends with it."""
    people = {clean_name(m.text) for m in mentions if m.ner == "PERSON" or m.hint == "Person"}
    people |= {n for e in known if e.cls == "Person" for n in e.names}
    by_surname: dict[str, set[str]] = defaultdict(set)  # a full name's last word -> its keys
    for full in people:
        words = full.split()
        if len(words) > 1:
            by_surname[words[-1].lower()].add(key_of(full, suffixes))
    for name in people:
        if " " in name:
            continue
        matches = by_surname.get(name.lower(), set())
        if len(matches) == 1:
            groups.union(key_of(name, suffixes), next(iter(matches)))


def _merge_short_names(groups: _UnionFind, facts: Sequence[Fact], suffixes: frozenset[str]) -> None:
    """'Norvale' = 'Norvale Systems' where an article names 'Norvale Systems' first and then
    says 'Norvale', and it is the only longer name there that begins so. 'Veyra' named
    before 'Veyra Cloud', or also called 'Veyra Group', stays apart."""
    first: dict[str, dict[str, int]] = defaultdict(dict)
    by_suffix = set()  # 'veyra' is an entity of its own when 'Veyra Group' is named
    for article, mention in ((f.article, m) for f in facts for m in (f.subject, f.object)):
        name = clean_name(mention.text)
        key = key_of(name, suffixes)
        seen = first[article]
        seen[key] = min(seen.get(key, mention.start), mention.start)
        if key != normalise(name):
            by_suffix.add(key)
    for _, seen in sorted(first.items()):
        for key, at in sorted(seen.items()):
            if " " in key or key in by_suffix:
                continue
            longer = [k for k in seen if k.startswith(key + " ")]
            if len(longer) == 1 and seen[longer[0]] < at:
                groups.union(key, longer[0])


def _product_shaped(name: str, ontology: Ontology) -> bool:
    """ "Kavrio Wallet", "Galaxy Tab": a name that ends in a word for a kind of product."""
    words = name.split()
    return len(words) > 1 and ontology.class_of_head_noun(words[-1].lower()) == "Product"


def _ner_weight(text: str) -> float:
    """Trust a PERSON/ORG label more on 'Jane Roe' than on 'Tarnix-7' or 'Tarnix'."""
    words = text.split()
    plain = len(words) > 1 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words
    )
    return 1.0 if plain else 0.5


Votes = dict[str, defaultdict[str, float]]


def _class_votes(
    facts: Sequence[Fact], ontology: Ontology, groups: _UnionFind, suffixes: frozenset[str]
) -> Votes:
    """Each entity's class by vote: the roles its facts give it (a cue read several ways
    votes once, shared among its readings), what the words around it say, its name's shape
    (an organisation's last word, a version number) and spaCy's labels."""
    votes: Votes = defaultdict(lambda: defaultdict(float))
    readings = Counter(_reading(f) for f in facts)
    seen: set[tuple[str, int, str]] = set()
    for fact in facts:
        prop = ontology.properties[fact.predicate]
        share = ROLE_WEIGHT * fact.confidence / readings[_reading(fact)]
        for mention, classes in ((fact.subject, prop.domain), (fact.object, prop.range)):
            group = groups.find(key_of(mention.text, suffixes))
            name = clean_name(mention.text)
            for cls in classes:
                votes[group][cls] += share
            if classes == {"Person"} and _ner_weight(name) == 1.0:
                votes[group]["Person"] += share  # 'Ada Lind' founded: a person's name
            if (fact.article, mention.start, mention.text) in seen:
                continue
            seen.add((fact.article, mention.start, mention.text))
            if mention.hint:
                votes[group][mention.hint] += 2.0
            if ontology.is_org_name(mention.text):
                votes[group]["Organization"] += 1.0
            if VERSION.search(name) or _product_shaped(name, ontology):
                votes[group]["Product"] += 1.0  # "Orbit 2 Pro", "Tarnix-7", "Kavrio Wallet"
            for cls in ontology.classes_of_ner(mention.ner):
                votes[group][cls] += _ner_weight(name)
    return votes


def _reading(fact: Fact) -> tuple[str, int, int, int]:
    """Facts read off the same words (one cue, several properties) share this."""
    return (fact.article, fact.evidence.start, fact.subject.start, fact.object.start)


def _entities(
    mentions: Sequence[Mention],
    groups: _UnionFind,
    votes: Votes,
    known: Sequence[Entity],
    suffixes: frozenset[str],
) -> dict[str, Entity]:
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        name = clean_name(mention.text)
        surfaces[groups.find(key_of(name, suffixes))][name] += 1
        if mention.alias:  # a name of the entity, never its label
            surfaces[groups.find(key_of(name, suffixes))][clean_name(mention.alias)] += 0
    existing = {groups.find(key_of(e.label, suffixes)): e for e in known}
    entities: dict[str, Entity] = {}
    for group, counts in surfaces.items():
        old = existing.get(group)
        names = tuple(sorted(set(counts) | set(old.names if old else ())))
        if old is not None:
            entities[group] = Entity(old.key, old.label, names, old.cls, old.iri)
            continue
        ranked = sorted(votes[group].items(), key=lambda kv: (-kv[1], kv[0]))
        cls = ranked[0][0] if ranked else "Organization"
        if cls == "Person":  # a person is best called by the full name: "Jane Roe", not "Roe"
            label = min(counts, key=lambda n: (-len(n.split()), -counts[n], n))
        else:  # an organisation by its most used name: "Norvale", not "Norvale Group"
            label = min(counts, key=lambda n: (-counts[n], len(n), n))
        entities[group] = Entity(key_of(label, suffixes) or normalise(label), label, names, cls)
    return entities
