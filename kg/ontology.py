"""The ontology as the extractor sees it: classes, properties and the words that signal them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources.abc import Traversable
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg import resources
from kg.errors import KGError
from kg.names import normalise
from kg.vocab import KG

# classes the extractor and resolver name in Python; the ontology must define them
USED_CLASSES = ("Organization", "Person", "Product", "Technology")


@dataclass(frozen=True)
class Cue:
    """A word pattern: `words` (lemmas) and where the object sits.

    `prep` is the preposition that introduces the object ("partnership with _"), None for a
    direct object ("launch _"); `before` marks an object that precedes the word as a
    modifier ("_ partnership": "the Quillfin partnership"). `after`: words after a verb's
    object, that must go with the verb too, and are among `words` ("choose _ for": "chose X
    for its network"); such a verb may take anything, and states the property only of names
    that are no place or person. `text` is the cue as written.
    """

    words: tuple[str, ...]
    prep: str | None = None
    before: bool = False
    inverse: bool = False
    text: str = ""
    after: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, prepositions: frozenset[str], inverse: bool = False) -> Cue:
        parts = text.lower().split()
        if "_" not in parts:
            return cls(tuple(parts), inverse=inverse, text=text)
        slot = parts.index("_")
        if slot == 0:
            return cls(tuple(parts[1:]), before=True, inverse=inverse, text=text)
        words, prep, after = parts[:slot], None, parts[slot + 1 :]
        if len(words) > 1 and words[-1] in prepositions:
            words, prep = words[:-1], words[-1]
        return cls(tuple(words + after), prep, inverse=inverse, text=text, after=tuple(after))


@dataclass(frozen=True)
class Property:
    """An object property and its cues."""

    name: str
    iri: URIRef
    label: str
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool
    takes_status: bool  # an event ("acquired") that can be planned or done, not a state
    share_purchase: str | None  # the property buying shares states instead ("investedIn")
    verbs: tuple[Cue, ...]
    nouns: tuple[Cue, ...]
    titles: tuple[str, ...]
    lists: tuple[Cue, ...] = ()  # kg:listNoun, kg:inverseListNoun: "its backers include X"
    business_sale: str | None = None  # stated from the recipient when a firm is handed over
    provider_reading: str | None = None  # stated from the object when that is an organisation
    customer_reading: str | None = None  # stated to the owner of an unnamed product made
    past_verbs: frozenset[str] = frozenset()  # verb cues of a state ended: "leave _"


@dataclass(frozen=True)
class Pattern:
    """A pattern family the ontology enables (`a kg:Pattern`)."""

    name: str  # its kg:patternName, a key of the registry in kg/extract/patterns/
    yields: str  # the property it states (kg:yields); "" for a family that reads cues
    named_only: frozenset[str]  # properties it states only of an object the sentence names


@dataclass(frozen=True)
class OntologyClass:
    name: str
    iri: URIRef
    label: str
    ner_labels: frozenset[str]
    head_nouns: frozenset[str]
    terms: frozenset[str]  # lower-case names of members: "machine learning"


@dataclass(frozen=True)
class Grammar:
    """English function words the extractor reads: the ontology's grammar words."""

    singular_pronouns: frozenset[str]  # "it", "its": an organisation or product named before
    plural_pronouns: frozenset[str]  # "they": names coordinated before
    person_pronouns: frozenset[str]  # "she": the person the text is about
    feminine_words: frozenset[str]  # "she", "ms": not a person named "Mr"
    masculine_words: frozenset[str]  # "he", "mr": not a person named "Ms"
    product_pronouns: frozenset[str]  # "It ships with ...": the product of the sentence before
    relative_pronouns: frozenset[str]  # "which", "who"
    place_relatives: frozenset[str]  # "where": "in" the place its clause is on
    first_person_pronouns: frozenset[str]  # "we", "our": a speaker's organisation
    speech_verbs: frozenset[str]  # "say": its subject speaks a quotation
    pair_words: frozenset[str]  # "the two companies": the last two organisations named
    reflexive_endings: tuple[str, ...]  # "themselves" (a tuple, for str.endswith)
    copulas: frozenset[str]  # "X is a unit of Y"
    role_markers: frozenset[str]  # "named X as chief executive"
    conjunctions: frozenset[str]  # "A and B"
    definite_determiners: frozenset[str]  # "the company"
    negative_determiners: frozenset[str]  # "no plans to"
    partitives: frozenset[tuple[str, str]]  # ("one", "of"): "one of the largest lenders"
    place_nouns: frozenset[str]  # "the state of X": X is meant
    former_words: frozenset[str]  # "former chief executive"
    own_words: frozenset[str]  # "its own processors"
    possessive_markers: frozenset[str]  # "'s"
    name_adpositions: frozenset[str]  # "Bank of X"
    byline_words: frozenset[str]  # "By Jane Roe"
    # prepositions read in turn, in the ontology's order
    title_prepositions: tuple[str, ...]  # "analyst at X"
    affiliation_prepositions: tuple[str, ...]  # "Jane Roe of X"
    place_prepositions: tuple[str, ...]  # "Acme Corp. of Harwick"
    agent_prepositions: tuple[str, ...]  # "the acquisition of X by Y"
    parties_prepositions: tuple[str, ...]  # "a deal between X and Y"
    relation_prepositions: frozenset[str]  # "X, its unit": "unit of" with no object
    source_prepositions: frozenset[str]  # "with participation from X"
    scales: dict[str, int]  # "million" -> 10**6
    list_verbs: frozenset[str] = frozenset()  # "its backers include X": the members follow
    member_prepositions: frozenset[str] = frozenset()  # "X among its customers"
    workplace_prepositions: frozenset[str] = frozenset()  # "At X, we ...": the one "we" is
    possession_words: frozenset[str] = frozenset()  # "X has brands such as Y": X owns them
    quantity_nouns: frozenset[str] = frozenset()  # "a variety of chains": the chains are meant
    brand_nouns: frozenset[str] = frozenset()  # "its Brisk brand": Brisk is its own
    outlet_nouns: frozenset[str] = frozenset()  # "runs 40 Brisk stores": Brisk is its own
    rank_words: frozenset[str] = frozenset()  # "P's leading bank": it ranks in P
    run_verbs: frozenset[str] = frozenset()  # "operates 40 Brisk stores": they are its own
    brand_prepositions: frozenset[str] = frozenset()  # "under the Brisk brand"
    department_words: frozenset[str] = frozenset()  # "vice president of Engineering": no name
    round_words: frozenset[str] = frozenset()  # "a Series B round": a funding round, no name
    voice_titles: frozenset[str] = frozenset()  # "said Jane Roe, a spokeswoman": who she speaks for
    post_nouns: frozenset[str] = frozenset()  # "holds the post of chief executive"
    post_verbs: frozenset[str] = frozenset()  # "holds the post of chief executive"
    choice_verbs: frozenset[str] = frozenset()  # "picked X as its supplier"
    field_prepositions: frozenset[str] = frozenset()  # "head of research at X"
    majority_words: frozenset[str] = frozenset()  # "a majority stake": control of the firm
    event_words: frozenset[str] = frozenset()  # "its IPO": a business event or measure, no name
    tool_nouns: frozenset[str] = frozenset()  # "its 5G network": its owner uses the technology
    variant_nouns: frozenset[str] = frozenset()  # "a version of X": X is meant
    staff_nouns: frozenset[str] = frozenset()  # "its engineers use X": their organisation does
    genitive_prepositions: frozenset[str] = frozenset()  # "the expansion of X into P": X expands
    region_names: frozenset[str] = frozenset()  # "Harwick, Idaho": with the city, one place
    eponym_words: frozenset[str] = frozenset()  # "St. Anne's Hospital": the saint owns nothing
    direction_words: frozenset[str] = frozenset()  # "Northern and Eastern P": no name alone
    naming_verbs: frozenset[str] = frozenset()  # "an app called X": X is the app
    demonym_endings: frozenset[str] = frozenset()  # "Ostravia" + "n": a nationality adjective


# a cue's first (verb) or last (noun) word -> (its rank in the ontology, property, cue)
CueIndex = dict[str, tuple[tuple[int, str, Cue], ...]]
# a title's first word, up to a hyphen -> (title words, property), longest titles first
TitleIndex = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


@dataclass(frozen=True)
class Ontology:
    source: str
    digest: str  # of the ontology's text: what a fact read with it depends on
    classes: dict[str, OntologyClass]
    properties: dict[str, Property]
    corporate_suffixes: frozenset[str]
    name_words: frozenset[str]
    share_nouns: frozenset[str]
    honorifics: frozenset[str]  # "sen", "capt", "president": words before a person's name
    funding_verbs: frozenset[str]  # "raise": the subject takes money from investors
    funding_nouns: frozenset[str]  # "round", "funding": what is raised
    succession_verbs: frozenset[str]  # "succeed": its subject takes the role after "as"
    hedge_words: frozenset[str]  # "rumour", "weigh", "if": a fact under them is not stated
    coordinators: tuple[str, ...]
    example_markers: tuple[str, ...]
    common_words: frozenset[str]  # every word used as a cue or head noun: "Board" is no name
    status_words: dict[str, frozenset[str]]  # "planned" -> {"will", "plan", ...}
    currencies: dict[str, str]  # "$" -> "USD", "euro" -> "EUR"
    grammar: Grammar
    titles: dict[tuple[str, ...], str]  # title words (lower case, split) -> property; longest first
    title_index: TitleIndex
    verb_cues: CueIndex  # by first word
    noun_cues: CueIndex  # by last word
    list_nouns: CueIndex  # by last word
    patterns: dict[str, Pattern]  # the enabled families by name
    priors: dict[str, float]  # a pattern name ("verb-passive"), or one and a variant, -> confidence
    reference_factor: float  # the confidence kept when a pronoun stands for the subject
    round_verbs: frozenset[str] = frozenset()  # "X led Y's round": X invests in Y
    joint_adverbs: Mapping[str, str] = field(default_factory=dict)  # "jointly" -> its property
    term_starts: frozenset[str] = frozenset()  # the first words of the classes' terms
    head_noun_classes: dict[str, str] = field(default_factory=dict)  # "firm" -> Organization

    def is_org_name(self, text: str) -> bool:
        """ "Brightmoor Labs", "Veyra Corp.": a last word that marks an organisation's name."""
        words = normalise(text).split()
        return len(words) > 1 and words[-1] in self.name_words | self.corporate_suffixes

    def class_of_term(self, text: str) -> str | None:
        """The class a common name belongs to: "machine learning" is a Technology."""
        key = " ".join(text.lower().replace("-", " - ").split()).replace(" - ", "-")
        return self._term_classes.get(key)

    @cached_property
    def relation_nouns(self) -> frozenset[str]:
        """The nouns that end a cue or a title of a property between organisations or with
        people ("customer", "rival", "founder"): "X's biggest customer" is another party, not
        a part of X. Made once."""
        parties = {"Organization", "Person"}
        return frozenset(
            c.words[-1]
            for p in self.properties.values()
            if p.range & parties or "Person" in p.domain
            for c in (*p.nouns, *p.lists)
        ) | frozenset(t[-1] for t in self.titles)

    @cached_property
    def cue_nouns(self) -> frozenset[str]:
        """The nouns that end the properties' noun cues ("shareholder", "parent"), made once."""
        return frozenset(c.words[-1] for p in self.properties.values() for c in p.nouns)

    @cached_property
    def place_participles(self) -> frozenset[str]:
        """ "based", "headquartered": the participles of the one-word verb cues of properties
        whose objects are places ("Idaho-based"), made once."""
        return frozenset(
            f"{cue.words[0]}{ending}"
            for prop in self.properties.values()
            if "Place" in prop.range
            for cue in prop.verbs
            if cue.prep is None and len(cue.words) == 1
            for ending in ("d", "ed")
        )

    @cached_property
    def title_ends(self) -> frozenset[str]:
        """The last words of titles ("executive", "ceo"), made once."""
        return frozenset(words[-1] for words in self.titles)

    @cached_property
    def one_word_titles(self) -> frozenset[str]:
        """The titles of one word ("ceo", "chairman"), made once."""
        return frozenset(words[0] for words in self.titles if len(words) == 1)

    @cached_property
    def _term_classes(self) -> dict[str, str]:
        """Each term -> the first class (in the ontology's order) that has it."""
        found: dict[str, str] = {}
        for cls in self.classes.values():
            for term in cls.terms:
                found.setdefault(term, cls.name)
        return found

    def class_of_head_noun(self, lemma: str) -> str | None:
        return self.head_noun_classes.get(lemma)

    def classes_of_ner(self, label: str) -> tuple[str, ...]:
        return tuple(c.name for c in self.classes.values() if label in c.ner_labels)


def load_ontology(path: Path | None = None) -> Ontology:
    """Read an ontology in the form of `ontology/kg.ttl` (default: the bundled one); KGError
    when it cannot be used."""
    source: Path | Traversable = path or resources.ontology()
    if not source.is_file():
        raise KGError(f"ontology not found: '{source}' (give a Turtle file with --ontology)")
    graph = Graph()
    text = source.read_text(encoding="utf-8")
    try:
        graph.parse(data=text, format="turtle")
    except Exception as err:  # rdflib raises many parser types
        raise KGError(f"ontology '{source}' is not valid Turtle: {_one_line(err)}") from err
    classes = {c.name: c for c in _classes(graph)}
    prepositions = frozenset(_strings(graph, None, KG.preposition))
    properties = {p.name: p for p in _properties(graph, set(classes), prepositions)}
    if not properties:
        raise KGError(f"ontology '{source}' declares no owl:ObjectProperty in the kg: namespace")
    missing = [f"kg:{name}" for name in USED_CLASSES if name not in classes]
    if missing:
        raise KGError(f"ontology '{source}' lacks classes the extractor uses: {', '.join(missing)}")
    patterns, priors = _patterns(graph, properties, source)
    titles = _titles(properties.values())
    return Ontology(
        source=str(source),
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        classes=classes,
        properties=properties,
        corporate_suffixes=frozenset(_strings(graph, None, KG.corporateSuffix)),
        name_words=frozenset(_strings(graph, None, KG.nameWord)),
        share_nouns=frozenset(_strings(graph, None, KG.shareNoun)),
        honorifics=frozenset(_strings(graph, None, KG.honorific)),
        hedge_words=frozenset(_strings(graph, None, KG.hedgeWord)),
        succession_verbs=frozenset(_strings(graph, None, KG.successionVerb)),
        funding_verbs=frozenset(_strings(graph, None, KG.fundingVerb)),
        funding_nouns=frozenset(_strings(graph, None, KG.fundingNoun)),
        coordinators=tuple(sorted(_strings(graph, None, KG.coordinator), key=len, reverse=True)),
        example_markers=tuple(sorted(_strings(graph, None, KG.example), key=len, reverse=True)),
        common_words=_common_words(classes.values(), properties.values()),
        status_words={
            _local(s): frozenset(_strings(graph, s, KG.statusWord))
            for s in sorted(set(graph.subjects(KG.statusWord, None)), key=str)
        },
        currencies=_currencies(graph),
        grammar=_grammar(graph),
        titles=titles,
        title_index=_title_index(titles),
        verb_cues=_index([(p.name, c) for p in properties.values() for c in p.verbs], 0),
        noun_cues=_index([(p.name, c) for p in properties.values() for c in p.nouns], -1),
        list_nouns=_index([(p.name, c) for p in properties.values() for c in p.lists], -1),
        patterns=patterns,
        priors=priors,
        reference_factor=float(str(graph.value(KG[""], KG.referenceFactor) or 1)),
        round_verbs=frozenset(_strings(graph, None, KG.roundVerb)),
        joint_adverbs={
            word: name
            for name, prop in properties.items()
            for word in _strings(graph, prop.iri, KG.jointAdverb)
        },
        head_noun_classes=_head_noun_classes(classes.values()),
        term_starts=frozenset(
            t.split()[0].split("-")[0] for c in classes.values() for t in c.terms
        ),
    )


def _patterns(
    graph: Graph, properties: dict[str, Property], path: Path | Traversable
) -> tuple[dict[str, Pattern], dict[str, float]]:
    """The pattern families the ontology declares and the registry knows; a family whose
    property the ontology lacks is left out."""
    from kg.extract.patterns import PATTERNS  # the registry imports this module: import it late

    declared = sorted(graph.subjects(RDF.type, KG.Pattern), key=str)
    if not declared:
        raise KGError(
            f"ontology '{path}' declares no kg:Pattern, so nothing would be extracted "
            f"(copy the pattern declarations of {resources.ontology()})"
        )
    patterns: dict[str, Pattern] = {}
    priors: dict[str, float] = {}
    for iri in declared:
        name = str(graph.value(iri, KG.patternName) or "")
        where = f"kg:{_local(iri)} in ontology '{path}'"
        if name not in PATTERNS:
            raise KGError(
                f"unknown pattern '{name}' ({where}). Available names: {', '.join(PATTERNS)}"
            )
        yields = graph.value(iri, KG.yields)
        if (yields is None) == (graph.value(iri, KG.readsCue) is None):
            raise KGError(f"pattern '{name}' ({where}) needs one of kg:yields or kg:readsCue")
        found = _priors(graph, iri, where)
        readings = PATTERNS[name].readings
        if set(found) != set(readings):
            raise KGError(
                f"pattern '{name}' ({where}) needs a kg:prior for each of "
                f"{', '.join(readings)}; it gives {', '.join(found) or 'none'}"
            )
        priors |= found
        if yields is not None and _local(yields) not in properties:
            continue  # this ontology lacks the property the family states
        named_only = frozenset(_local(p) for p in graph.objects(iri, KG.namedObjectOnly))
        patterns[name] = Pattern(name, _local(yields) if yields else "", named_only)
    return patterns, priors


def _priors(graph: Graph, iri: Node, where: str) -> dict[str, float]:
    """kg:prior "verb-passive 0.8" -> {"verb-passive": 0.8}."""
    priors = {}
    for text in _strings(graph, iri, KG.prior):
        reading, _, value = text.rpartition(" ")
        try:
            priors[reading] = float(value)
        except ValueError:
            raise KGError(f"kg:prior '{text}' ({where}) is not a name and a number") from None
    return priors


def cues_of(index: CueIndex, *words: str) -> list[tuple[str, Cue]]:
    """(property, cue) of every cue indexed under one of `words`, in the ontology's order."""
    if len(words) == 1:  # most calls: one word, mostly no cue's
        return [(prop, cue) for _, prop, cue in index.get(words[0], ())]
    found = [index[word] for word in set(words) if word in index]
    if not found:  # most calls again
        return []
    entries = sorted({entry for indexed in found for entry in indexed})
    return [(prop, cue) for _, prop, cue in entries]


def _grammar(graph: Graph) -> Grammar:
    def words(prop: str) -> frozenset[str]:
        return frozenset(_strings(graph, None, KG[prop]))

    def ordered(prop: str) -> tuple[str, ...]:  # an rdf:List of words, in its order
        head = next(graph.objects(None, KG[prop]), None)
        return tuple(str(w).lower() for w in Collection(graph, head)) if head else ()

    scales = [text.rsplit(" ", 1) for text in _strings(graph, None, KG.scale)]
    return Grammar(
        singular_pronouns=words("singularPronoun"),
        plural_pronouns=words("pluralPronoun"),
        person_pronouns=words("personPronoun"),
        feminine_words=words("feminineWord"),
        masculine_words=words("masculineWord"),
        product_pronouns=words("productPronoun"),
        relative_pronouns=words("relativePronoun"),
        place_relatives=words("placeRelative"),
        first_person_pronouns=words("firstPersonPronoun"),
        speech_verbs=words("speechVerb"),
        pair_words=words("pairWord"),
        reflexive_endings=tuple(words("reflexiveEnding")),
        copulas=words("copula"),
        role_markers=words("roleMarker"),
        conjunctions=words("conjunction"),
        definite_determiners=words("definiteDeterminer"),
        negative_determiners=words("negativeDeterminer"),
        partitives=frozenset((w[0], w[-1]) for w in map(str.split, words("partitive"))),
        place_nouns=words("placeNoun"),
        former_words=words("formerWord"),
        own_words=words("ownWord"),
        possessive_markers=words("possessiveMarker"),
        name_adpositions=words("nameAdposition"),
        byline_words=words("bylineWord"),
        title_prepositions=ordered("titlePreposition"),
        affiliation_prepositions=ordered("affiliationPreposition"),
        place_prepositions=ordered("placePreposition"),
        agent_prepositions=ordered("agentPreposition"),
        parties_prepositions=ordered("partiesPreposition"),
        relation_prepositions=words("relationPreposition"),
        source_prepositions=words("sourcePreposition"),
        list_verbs=words("listVerb"),
        member_prepositions=words("memberPreposition"),
        workplace_prepositions=words("workplacePreposition"),
        possession_words=words("possessionWord"),
        quantity_nouns=words("quantityNoun"),
        brand_nouns=words("brandNoun"),
        outlet_nouns=words("outletNoun"),
        rank_words=words("rankWord"),
        run_verbs=words("runVerb"),
        brand_prepositions=words("brandPreposition"),
        department_words=words("departmentWord"),
        round_words=words("roundWord"),
        voice_titles=words("voiceTitle"),
        post_nouns=words("postNoun"),
        post_verbs=words("postVerb"),
        choice_verbs=words("choiceVerb"),
        field_prepositions=words("fieldPreposition"),
        majority_words=words("majorityWord"),
        event_words=words("eventWord"),
        tool_nouns=words("toolNoun"),
        variant_nouns=words("variantNoun"),
        staff_nouns=words("staffNoun"),
        genitive_prepositions=words("genitivePreposition"),
        region_names=words("regionName"),
        eponym_words=words("eponymWord"),
        direction_words=words("directionWord"),
        naming_verbs=words("namingVerb"),
        demonym_endings=words("demonymEnding"),
        scales={word: 10 ** int(power) for word, power in scales},
    )


def _titles(properties: Iterable[Property]) -> dict[tuple[str, ...], str]:
    pairs = [(tuple(t.split()), p.name) for p in properties for t in p.titles]
    return dict(sorted(pairs, key=lambda pair: -len(pair[0])))


def _head_noun_classes(classes: Iterable[OntologyClass]) -> dict[str, str]:
    """Each head noun's class: the first class, in the ontology's order, that lists it."""
    found: dict[str, str] = {}
    for cls in classes:
        for noun in sorted(cls.head_nouns):
            found.setdefault(noun, cls.name)
    return found


def _title_index(titles: dict[tuple[str, ...], str]) -> TitleIndex:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, prop in titles.items():
        index.setdefault(words[0].split("-")[0], []).append((words, prop))
    return {start: tuple(entries) for start, entries in index.items()}


def _index(cues: list[tuple[str, Cue]], word: int) -> CueIndex:
    index: dict[str, list[tuple[int, str, Cue]]] = {}
    for rank, (prop, cue) in enumerate(cues):
        index.setdefault(cue.words[word], []).append((rank, prop, cue))
    return {first: tuple(entries) for first, entries in index.items()}


def _currencies(graph: Graph) -> dict[str, str]:
    """kg:currencySign "$ USD" -> {"$": "USD"}; longer signs first ("us$" before "$")."""
    pairs = [text.rsplit(" ", 1) for text in _strings(graph, None, KG.currencySign)]
    return {sign: code.upper() for sign, code in sorted(pairs, key=lambda p: -len(p[0]))}


def _common_words(
    classes: Iterable[OntologyClass], properties: Iterable[Property]
) -> frozenset[str]:
    words = {w for c in classes for noun in c.head_nouns for w in noun.split()}
    for prop in properties:
        words |= {w for cue in (*prop.verbs, *prop.nouns) for w in cue.words}
        words |= {w for title in prop.titles for w in title.split()}
    return frozenset(words)


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())[:300]


def _local(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _strings(graph: Graph, subject: Node | None, prop: URIRef) -> list[str]:
    return sorted(str(o).lower() for o in graph.objects(subject, prop))


def _label(graph: Graph, node: Node) -> str:
    return str(graph.value(node, RDFS.label) or _local(node))


def _classes(graph: Graph) -> Iterable[OntologyClass]:
    for iri in sorted(graph.subjects(RDF.type, OWL.Class), key=str):
        entities = _local(iri) not in ("Sentence", "Pattern")  # the graph's own are not
        if isinstance(iri, URIRef) and str(iri).startswith(str(KG)) and entities:
            yield OntologyClass(
                name=_local(iri),
                iri=iri,
                label=_label(graph, iri),
                ner_labels=frozenset(str(o) for o in graph.objects(iri, KG.nerLabel)),
                head_nouns=frozenset(_strings(graph, iri, KG.headNoun)),
                terms=frozenset(_strings(graph, iri, KG["term"])),
            )


def _class_names(graph: Graph, node: Node | None, known: set[str]) -> frozenset[str]:
    """The class names a domain/range names: one class, or an owl:unionOf list of them."""
    if node is None:
        return frozenset(known)
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is None:
            return frozenset(known)
        return frozenset(_local(m) for m in Collection(graph, members))
    return frozenset({_local(node)})


def _properties(
    graph: Graph, classes: set[str], prepositions: frozenset[str]
) -> Iterable[Property]:
    for iri in sorted(graph.subjects(RDF.type, OWL.ObjectProperty), key=str):
        if not (isinstance(iri, URIRef) and str(iri).startswith(str(KG))):
            continue
        yield Property(
            name=_local(iri),
            iri=iri,
            label=_label(graph, iri),
            domain=_class_names(graph, graph.value(iri, RDFS.domain), classes),
            range=_class_names(graph, graph.value(iri, RDFS.range), classes),
            symmetric=(iri, RDF.type, OWL.SymmetricProperty) in graph,
            takes_status=bool(graph.value(iri, KG.takesStatus)),
            share_purchase=_reading(graph, iri, KG.sharePurchase),
            verbs=_cues(graph, iri, KG.verbCue, KG.inverseVerbCue, prepositions)
            + tuple(Cue.parse(t, prepositions) for t in _strings(graph, iri, KG.pastVerbCue)),
            nouns=_cues(graph, iri, KG.nounCue, KG.inverseNounCue, prepositions),
            titles=tuple(_strings(graph, iri, KG.titleCue)),
            lists=_cues(graph, iri, KG.listNoun, KG.inverseListNoun, prepositions),
            business_sale=_reading(graph, iri, KG.businessSale),
            provider_reading=_reading(graph, iri, KG.providerReading),
            customer_reading=_reading(graph, iri, KG.customerReading),
            past_verbs=frozenset(_strings(graph, iri, KG.pastVerbCue)),
        )


def _reading(graph: Graph, iri: URIRef, annotation: URIRef) -> str | None:
    """The property an annotation of `iri` names as what its words state instead
    (kg:sharePurchase, kg:businessSale, …), if the ontology declares that property."""
    target = graph.value(iri, annotation)
    if target is None or (target, RDF.type, OWL.ObjectProperty) not in graph:
        return None
    return _local(target)


def _cues(
    graph: Graph, iri: URIRef, direct: URIRef, inverse: URIRef, prepositions: frozenset[str]
) -> tuple[Cue, ...]:
    found = [Cue.parse(t, prepositions) for t in _strings(graph, iri, direct)]
    found += [Cue.parse(t, prepositions, True) for t in _strings(graph, iri, inverse)]
    return tuple(found)
