"""Entity resolution: which names are one entity, and properties of the whole process."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import Evidence, Fact, Mention
from kg.names import _PUNCTUATION, clean_name, normalise
from kg.ontology import Ontology, load_ontology
from kg.resolve import Resolution, resolve

ONTOLOGY = load_ontology()


def fact(
    subject: str,
    predicate: str,
    obj: str,
    article: str = "a",
    at: int = 0,
    ner: tuple[str, str] = ("ORG", "ORG"),
) -> Fact:
    return Fact(
        Mention(subject, at, at + len(subject), ner[0]),
        predicate,
        Mention(obj, at + 50, at + 50 + len(obj), ner[1]),
        article,
        Evidence(f"{subject} {predicate} {obj}.", at, at + 100),
        "verb",
        0.9,
    )


def groups(resolution: Resolution) -> set[frozenset[str]]:
    return {frozenset(e.names) for e in resolution.entities}


def same_entity(names: list[str], ontology: Ontology = ONTOLOGY) -> bool:
    facts = [
        fact(name, "partneredWith", "Brightmoor Labs", at=i * 200) for i, name in enumerate(names)
    ]
    return frozenset(clean_name(n) for n in names) in groups(resolve(facts, ontology))


def test_corporate_forms_and_tickers_are_one_entity() -> None:
    assert same_entity(["Alibaba", "Alibaba Group", "Alibaba Group Holding (NYSE:BABA)"])


def test_case_and_punctuation_are_one_entity() -> None:
    assert same_entity(["SoftBank", "Softbank", "Oracle Corp.", "Oracle"]) is False
    assert same_entity(["SoftBank", "Softbank"])
    assert same_entity(["Oracle Corp.", "Oracle"])


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("KX200s", "KX200"),
        ("the TQ-184s", "TQ-184"),
        ("1990s", "1990s"),
        ("Brisk Labs", "Brisk Labs"),
    ],
)
def test_a_model_in_the_plural_is_the_model(name: str, clean: str) -> None:
    assert clean_name(name) == clean


def test_acronyms_are_one_entity() -> None:
    assert same_entity(["International Business Machines", "IBM"])
    assert same_entity(["Semiconductor Manufacturing International Corporation", "SMIC"])


def test_a_word_in_common_is_not_enough() -> None:
    facts = [
        fact("Alibaba", "partneredWith", "Nvidia"),
        fact("Alibaba Cloud", "operatesIn", "Brazil", at=200, ner=("ORG", "GPE")),
        fact("Alibaba Group", "partneredWith", "Nvidia", at=400),
    ]
    assert {"Alibaba Cloud"} in [set(g) for g in groups(resolve(facts, ONTOLOGY))]


def test_short_form_joins_its_only_long_form() -> None:
    assert same_entity(["Norvale Systems", "Norvale"])


def test_a_name_used_before_a_longer_one_is_another_entity() -> None:
    facts = [
        fact("Samsung", "partneredWith", "Nvidia"),
        fact("Samsung Foundry", "supplies", "Nvidia", at=200),
    ]
    assert {"Samsung Foundry"} in [set(g) for g in groups(resolve(facts, ONTOLOGY))]


def test_surname_joins_the_only_person_with_it() -> None:
    facts = [
        fact("Eddie Wu", "ceoOf", "Alibaba", ner=("PERSON", "ORG")),
        fact("Wu", "ceoOf", "Alibaba", at=200, ner=("PERSON", "ORG")),
    ]
    assert frozenset({"Eddie Wu", "Wu"}) in groups(resolve(facts, ONTOLOGY))


def test_a_city_named_with_its_state_is_also_called_by_the_city() -> None:
    """ "Harwick, Idaho" is also "Harwick", the same place as a later "Harwick"; named only so,
    it is labelled as written."""
    place = Mention("Harwick, Idaho", 50, 64, "GPE", alias="Harwick")
    first = fact("Norvale Systems", "headquarteredIn", "Harwick, Idaho", ner=("ORG", "GPE"))
    later = fact("Brisk Foods", "operatesIn", "Harwick", at=200, ner=("ORG", "GPE"))
    resolution = resolve([replace(first, object=place), later], ONTOLOGY)
    places = [e for e in resolution.entities if e.cls == "Place"]
    assert [set(e.names) for e in places] == [{"Harwick, Idaho", "Harwick"}]
    alone = resolve([replace(first, object=place)], ONTOLOGY)
    assert [e.label for e in alone.entities if e.cls == "Place"] == ["Harwick, Idaho"]


def test_a_city_in_two_states_is_neither_of_them_by_its_name_alone() -> None:
    """With "Harwick, Idaho" and "Harwick, Vermont" both named, a bare "Harwick" could be either:
    three places, the two states' never one."""
    idaho = Mention("Harwick, Idaho", 50, 64, "GPE", alias="Harwick")
    vermont = Mention("Harwick, Vermont", 50, 66, "GPE", alias="Harwick")
    first = fact("Norvale Systems", "headquarteredIn", "Harwick, Idaho", ner=("ORG", "GPE"))
    second = fact("Brisk Foods", "headquarteredIn", "Harwick, Vermont", "b", ner=("ORG", "GPE"))
    bare = fact("Tessaro", "operatesIn", "Harwick", "c", ner=("ORG", "GPE"))
    facts = [replace(first, object=idaho), replace(second, object=vermont), bare]
    places = [e for e in resolve(facts, ONTOLOGY).entities if e.cls == "Place"]
    assert sorted(e.label for e in places) == ["Harwick", "Harwick, Idaho", "Harwick, Vermont"]


def test_facts_that_do_not_fit_the_ontology_are_dropped() -> None:
    resolution = resolve(
        [
            fact("Costa Rica", "launched", "Tarnix-7", ner=("GPE", "")),
            fact("Eddie Wu", "acquired", "Marrowby", at=200, ner=("PERSON", "ORG")),
        ],
        ONTOLOGY,
    )
    assert resolution.facts == ()
    assert len(resolution.dropped) == 2


@pytest.mark.parametrize(
    ("used", "kind", "expected"),
    [
        # "Tarnix uses Norvale", Norvale a firm: Norvale supplies Tarnix
        ("Norvale Systems", "partneredWith", {("Norvale Systems", "supplies", "Tarnix Corp")}),
        # a product used stays a product used
        ("Kestrel-7", "launched", {("Tarnix Corp", "uses", "Kestrel-7")}),
    ],
)
def test_a_firm_used_by_a_firm_supplies_it(
    used: str, kind: str, expected: set[tuple[str, str, str]]
) -> None:
    typed = fact("Quillfin Ltd", kind, used, at=200)  # says what the used name is
    resolution = resolve([fact("Tarnix Corp", "uses", used), typed], ONTOLOGY)
    found = {(f.subject.label, f.predicate, f.object.label) for f in resolution.facts}
    assert (
        found
        - {(f.subject.label, f.predicate, f.object.label) for f in resolve([typed], ONTOLOGY).facts}
        == expected
    )


@pytest.mark.parametrize(
    ("owner", "owning", "owned"),
    [
        ("Norvale Systems", "acquired", "Brisk Inc"),
        ("Brisk Inc", "subsidiaryOf", "Norvale Systems"),
    ],
)
def test_a_firm_owned_or_bought_is_no_supplier_by_being_used(
    owner: str, owning: str, owned: str
) -> None:
    """ "Norvale is integrating Brisk, which it bought last year": no supply."""
    ownership = fact(owner, owning, owned, at=200)
    resolution = resolve([fact("Norvale Systems", "uses", "Brisk Inc"), ownership], ONTOLOGY)
    assert {f.predicate for f in resolution.facts} == {owning}


def test_a_firm_used_by_a_person_is_no_supply() -> None:
    typed = fact("Quillfin Ltd", "partneredWith", "Norvale Systems", at=200)
    used = fact("Jane Roe", "uses", "Norvale Systems", ner=("PERSON", "ORG"))
    resolution = resolve([used, typed], ONTOLOGY)
    assert {f.predicate for f in resolution.facts} == {"partneredWith"}


NAMES = [
    "Norvale Systems",
    "Norvale",
    "Norvale Systems Inc.",
    "NS",
    "Veyra Microdevices",
    "Veyra",
    "Quillfin",
    "Quillfin Ltd",
    "Solenne Foundry",
    "Solenne",
]
PREDICATES = ["partneredWith", "acquired", "investedIn", "competesWith", "supplies"]
facts_strategy = st.lists(
    st.builds(
        fact,
        st.sampled_from(NAMES),
        st.sampled_from(PREDICATES),
        st.sampled_from(NAMES),
        st.sampled_from(["a", "b", "c"]),
        st.integers(0, 5).map(lambda i: i * 200),
    ),
    min_size=1,
    max_size=25,
)


def _signature(resolution: Resolution) -> tuple[object, ...]:
    return (
        resolution.entities,
        sorted((f.subject.key, f.predicate, f.object.key) for f in resolution.facts),
    )


@settings(max_examples=60, deadline=None)
@given(facts_strategy, st.randoms(use_true_random=False))
def test_any_order_gives_the_same_entities_and_facts(facts: list[Fact], rnd: object) -> None:
    shuffled = list(facts)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _signature(resolve(facts, ONTOLOGY)) == _signature(resolve(shuffled, ONTOLOGY))


@settings(max_examples=60, deadline=None)
@given(facts_strategy)
def test_resolving_again_against_its_own_entities_changes_nothing(facts: list[Fact]) -> None:
    first = resolve(facts, ONTOLOGY)
    known = [
        e.__class__(e.key, e.label, e.names, e.cls, f"https://kg.example.org/id/{e.key}")
        for e in first.entities
    ]
    again = resolve(facts, ONTOLOGY, known)
    assert {(e.key, e.label, e.names, e.cls) for e in again.entities} == {
        (e.key, e.label, e.names, e.cls) for e in first.entities
    }


PLAIN_WORDS = ["The", "the", "THE", "Theory", "Norvale", "12", "x", "Inc", "of"]


@given(st.lists(st.sampled_from(PLAIN_WORDS), min_size=1, max_size=4).map(" ".join))
def test_plain_names_are_normalised_as_any_other(text: str) -> None:
    """ASCII words one space apart take a quick path: it must give the general answer."""
    general = unicodedata.normalize("NFKC", clean_name(text)).lower()
    assert normalise(text) == " ".join(_PUNCTUATION.sub(" ", general).split())
