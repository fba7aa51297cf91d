"""The ontology as the extractor sees it: classes, properties and the words that signal them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.errors import KGError
from kg.names import normalise
from kg.vocab import KG

DEFAULT_ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"


@dataclass(frozen=True)
class Cue:
    """A word pattern: `words` (lemmas) and where the object sits.

    `prep` is the preposition that introduces the object ("partnership with _"), None for a
    direct object ("launch _"); `before` marks an object that precedes the word as a
    modifier ("_ partnership": "the Quillfin partnership").
    """

    words: tuple[str, ...]
    prep: str | None = None
    before: bool = False
    inverse: bool = False

    @classmethod
    def parse(cls, text: str, inverse: bool = False) -> Cue:
        parts = text.lower().split()
        if "_" not in parts:
            return cls(tuple(parts), inverse=inverse)
        slot = parts.index("_")
        if slot == 0:
            return cls(tuple(parts[1:]), before=True, inverse=inverse)
        words, prep = parts[:slot], None
        if len(words) > 1 and words[-1] in _PREPOSITIONS:
            words, prep = words[:-1], words[-1]
        return cls(tuple(words), prep, inverse=inverse)


_PREPOSITIONS = frozenset(
    [
        "with",
        "in",
        "into",
        "to",
        "of",
        "for",
        "on",
        "from",
        "at",
        "against",
        "by",
        "about",
        "over",
        "through",
        "across",
    ]
)


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
    verbs: tuple[Cue, ...]
    nouns: tuple[Cue, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True)
class OntologyClass:
    name: str
    iri: URIRef
    label: str
    ner_labels: frozenset[str]
    head_nouns: frozenset[str]
    terms: frozenset[str]  # lower-case names of members: "machine learning"


@dataclass(frozen=True)
class Ontology:
    source: str
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

    def is_org_name(self, text: str) -> bool:
        """ "Brightmoor Labs", "Veyra Corp.": a last word that marks an organisation's name."""
        words = normalise(text).split()
        return len(words) > 1 and words[-1] in self.name_words | self.corporate_suffixes

    def class_of_term(self, text: str) -> str | None:
        """The class a common name belongs to: "machine learning" is a Technology."""
        key = " ".join(text.lower().replace("-", " - ").split()).replace(" - ", "-")
        for cls in self.classes.values():
            if key in cls.terms:
                return cls.name
        return None

    def class_of_head_noun(self, lemma: str) -> str | None:
        for cls in self.classes.values():
            if lemma in cls.head_nouns:
                return cls.name
        return None

    def classes_of_ner(self, label: str) -> tuple[str, ...]:
        return tuple(c.name for c in self.classes.values() if label in c.ner_labels)

    def title_cues(self) -> dict[tuple[str, ...], str]:
        """Title words (lower case, split) -> property name; longest titles first."""
        pairs = [(tuple(t.split()), p.name) for p in self.properties.values() for t in p.titles]
        return dict(sorted(pairs, key=lambda pair: -len(pair[0])))


def load_ontology(path: Path | None = None) -> Ontology:
    """Read an ontology in the form of `ontology/kg.ttl`; KGError when it cannot be used."""
    path = path or DEFAULT_ONTOLOGY
    if not path.is_file():
        raise KGError(f"ontology not found: '{path}' (give a Turtle file with --ontology)")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # rdflib raises many parser types
        raise KGError(f"ontology '{path}' is not valid Turtle: {_one_line(err)}") from err
    classes = {c.name: c for c in _classes(graph)}
    properties = {p.name: p for p in _properties(graph, set(classes))}
    if not properties:
        raise KGError(f"ontology '{path}' declares no owl:ObjectProperty in the kg: namespace")
    return Ontology(
        source=str(path),
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
    )


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
        if isinstance(iri, URIRef) and str(iri).startswith(str(KG)) and _local(iri) != "Sentence":
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


def _properties(graph: Graph, classes: set[str]) -> Iterable[Property]:
    for iri in sorted(graph.subjects(RDF.type, OWL.ObjectProperty), key=str):
        if not (isinstance(iri, URIRef) and str(iri).startswith(str(KG))):
            continue
        cues = [Cue.parse(t) for t in _strings(graph, iri, KG.verbCue)]
        cues += [Cue.parse(t, inverse=True) for t in _strings(graph, iri, KG.inverseVerbCue)]
        nouns = [Cue.parse(t) for t in _strings(graph, iri, KG.nounCue)]
        nouns += [Cue.parse(t, inverse=True) for t in _strings(graph, iri, KG.inverseNounCue)]
        yield Property(
            name=_local(iri),
            iri=iri,
            label=_label(graph, iri),
            domain=_class_names(graph, graph.value(iri, RDFS.domain), classes),
            range=_class_names(graph, graph.value(iri, RDFS.range), classes),
            symmetric=(iri, RDF.type, OWL.SymmetricProperty) in graph,
            takes_status=bool(graph.value(iri, KG.takesStatus)),
            verbs=tuple(cues),
            nouns=tuple(nouns),
            titles=tuple(_strings(graph, iri, KG.titleCue)),
        )
