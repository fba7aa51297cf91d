"""Sentence -> the names found in it (must find / must not find)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.names import _known_matters, find_names
from kg.ontology import Ontology

CASES: list[tuple[str, str, frozenset[str], set[str], set[str]]] = [
    # (id, sentence, words known as names elsewhere in the article, must find, must not find)
    (
        "number opens a name",
        "The round drew Kindred Harbor, Betaforge, 88 North, La Pellina and Duskfield Ventures.",
        frozenset(),
        {"88 North", "La Pellina", "Duskfield Ventures"},
        {"North"},
    ),
    (
        "a person the tagger labels right after another name is a name of their own",
        "The head of the Harwick Navy John Tallow spoke.",
        frozenset(),
        {"Harwick Navy", "John Tallow"},
        {"Harwick Navy John Tallow"},
    ),
    (
        "two organisation words joined end one name",
        "Halden Hotels and Resorts opened a lodge in Corrin.",
        frozenset(),
        {"Halden Hotels and Resorts"},
        {"Resorts", "Halden Hotels"},
    ),
    (
        "two organisations' names joined stay two",
        "Norvale Systems and Brisk Labs signed a deal.",
        frozenset(),
        {"Norvale Systems", "Brisk Labs"},
        {"Norvale Systems and Brisk Labs"},
    ),
    (
        "a model's letters and digits the tagger counts with",
        "Brisk Air ordered 20 R350 jets. Norvale unveiled its KX200 chip and the 4QX handheld.",
        frozenset(),
        {"R350", "KX200", "4QX"},
        {"20 R350", "20"},
    ),
    (
        "a capitalised word the tagger took for a noun, versioned by a number",
        "Brisk Air operates a fleet of 40 Tarnix 9 jets.",
        frozenset(),
        {"Tarnix 9"},
        {"40 Tarnix 9", "40"},
    ),
    (
        "a lower-case noun before a number is no model",
        "Brisk Air operates a fleet of 40 jets 9 years old.",
        frozenset(),
        set(),
        {"jets 9", "jets"},
    ),
    (
        "a lower-case letter before a capitalised word names a product",
        "Norvale launched iTarnix and the xOS system on Monday.",
        frozenset(),
        {"iTarnix", "xOS"},
        set(),
    ),
    (
        "units are no camel-case names",
        "The battery holds 5 kWh in 300 mAh cells.",
        frozenset(),
        set(),
        {"kWh", "mAh"},
    ),
    (
        "a number written together with letters after a name is no version of it",
        "Subscribers can stream games using a Brisk Mobile 5G network.",
        frozenset(),
        {"Brisk Mobile"},
        {"Brisk Mobile 5"},
    ),
    (
        "amounts and quarters with one capital are no models",
        "Profit rose in 2Q24 as sales of 4K sets and 10M units grew.",
        frozenset(),
        set(),
        {"2Q24", "4K", "10M"},
    ),
    (
        "two whole organisations' names the tagger ran together",
        "The round was led by Halvane Capital and Brisk Ventures.",
        frozenset(),
        {"Halvane Capital", "Brisk Ventures"},
        {"Halvane Capital and Brisk Ventures"},
    ),
    (
        "an organisation's name with two trades stays whole",
        "Brisk Oil and Gas Holdings sold a field.",
        frozenset(),
        {"Brisk Oil and Gas Holdings"},
        {"Gas Holdings"},
    ),
    (
        "a business event is no name",
        "Brisk Foods priced its IPO at $14 a share.",
        frozenset(),
        {"Brisk Foods"},
        {"IPO"},
    ),
    (
        "a word in capitals inside a name",
        "Brisk Auto chose the KESTREL SHIFT Vela platform for its vans.",
        frozenset(),
        {"Brisk Auto", "KESTREL SHIFT Vela"},
        {"Vela", "KESTREL"},
    ),
    (
        "a name in lower case the article capitalises elsewhere",
        "Payments start-up brisko closed a $12 million round led by Halvane Capital.",
        frozenset({"Brisko"}),
        {"brisko"},
        set(),
    ),
    ("a count is no name", "Norvale bought 3 Brisk units.", frozenset(), {"Norvale"}, {"3 Brisk"}),
    (
        "a spelled count is no name",
        "It gains nine Halden branches in the deal.",
        frozenset(),
        set(),
        {"nine Halden"},
    ),
    (
        "a sentence ends after Inc.",
        "Veyra lost share to rivals Quellnet and Tarnix Inc. Brightmoor is the largest client of "
        "Pellwood Corp., a maker of chips.",
        frozenset({"Tarnix"}),  # and "Tarnix" stands alone elsewhere: "Quellnet and Tarnix" are two
        {"Quellnet", "Tarnix Inc.", "Brightmoor", "Pellwood Corp."},
        {"Tarnix Inc. Brightmoor", "Quellnet and Tarnix Inc."},
    ),
    (
        "a department is no name",
        "Dana Holt, head of Engineering and chief architect at Norvale, spoke.",
        frozenset(),
        {"Dana Holt", "Norvale"},
        {"Engineering"},
    ),
    (
        "a two-word department",
        "Jane Roe, vice president of Product Management at Brisk Foods, said so.",
        frozenset(),
        {"Jane Roe", "Brisk Foods"},
        {"Product Management"},
    ),
    (
        "a company named with a department word",
        "Brisk Research said so.",
        frozenset(),
        {"Brisk Research"},
        set(),
    ),
    (
        "a name holding a contraction",
        "Gemalto and Let’s Fly Brisk signed a deal.",
        frozenset(),
        {"Let’s Fly", "Gemalto", "Brisk"},
        {"Fly", "Fly Brisk"},
    ),
    (
        "a possessive still splits",
        "Norvale's Brisk unit grew.",
        frozenset(),
        {"Norvale", "Brisk"},
        set(),
    ),
    (
        "a pronoun's contraction is no name",
        "It's Brisk that wins.",
        frozenset(),
        {"Brisk"},
        {"It's Brisk"},
    ),
    (
        "a common noun run into a name",
        "Halden agreed to buy Norvale Microsystems days after Brisk walked away.",
        frozenset(),
        {"Norvale Microsystems", "Brisk"},
        {"Norvale Microsystems days"},
    ),
    (
        "a lower-case defined term stays",
        "Norvale uses machine learning (ML).",
        frozenset(),
        {"machine learning"},
        set(),
    ),
    (
        "a nationality opens a name",
        "Last year, Danish Re invested in Brisk Assurance.",
        frozenset(),
        {"Danish Re", "Brisk Assurance"},
        set(),
    ),
    (
        "a nationality before a name used alone elsewhere",
        "Last year, German Norvale invested in Brisk Assurance.",
        frozenset({"Norvale"}),
        {"Norvale"},
        {"German Norvale"},
    ),
    (
        "a nationality before a noun",
        "The Danish insurer Brisk grew.",
        frozenset(),
        {"Brisk"},
        {"Danish insurer"},
    ),
    (
        "a funding round is no name",
        "Norvale raised $5 million in a Series B funding round led by Brisk Capital.",
        frozenset(),
        {"Norvale", "Brisk Capital"},
        {"Series B"},
    ),
    (
        "an acronym's expansion is no second name",
        "Norvale will deliver QXL/BRT (Quantum Xeno Link/Broad Radio Transport) to customers.",
        frozenset(),
        {"Norvale", "QXL/BRT"},
        {"Quantum Xeno Link", "Quantum Xeno Link/Broad Radio Transport"},
    ),
    (
        "a name in brackets stays",
        "Norvale (Brisk) said so.",
        frozenset(),
        {"Norvale", "Brisk"},
        set(),
    ),
    (
        "on inside an organisation's name",
        "Jane Roe of the Council on Foreign Relations said prices rose.",
        frozenset(),
        {"Council on Foreign Relations"},
        {"Council", "Foreign Relations"},
    ),
    (
        "on after a name is no part of it",
        "Halvane Labs on Monday said prices rose.",
        frozenset(),
        set(),
        {"Halvane Labs on Monday"},
    ),
    (
        "an honorific alone before a person's name is neither a name nor part of one",
        "Sen. Tom Hale, R-Ohio, and Rep. Lena Marsh, D-Fla., flew to Harwick.",
        frozenset(),
        {"Tom Hale", "Lena Marsh"},
        {"Sen.", "Rep.", "Rep. Lena Marsh"},
    ),
    (
        "an honorific before a surname alone stays with it",
        "Jane Roe said Mrs. Marsh, 37, flew to Harwick.",
        frozenset(),
        {"Mrs. Marsh"},
        {"Mrs."},
    ),
    (
        "a city and its US state after a comma are one place",
        "Brisk Foods opened a plant in Harwick, Idaho, and one in Corrinville, Tenn., last year.",
        frozenset(),
        {"Harwick, Idaho", "Corrinville, Tenn."},
        {"Idaho", "Tenn.", "Harwick", "Corrinville"},
    ),
    (
        "a list of states is no city and state",
        "Brisk Bank has branches in Idaho, Vermont, Utah and Maine.",
        frozenset(),
        {"Idaho", "Vermont", "Utah", "Maine"},
        {"Idaho, Vermont", "Utah, Maine"},
    ),
    (
        "a state's abbreviation after its city of the same name",
        "Brisk Bank, based in Wyoming, Mich., said sales rose.",
        frozenset(),
        {"Wyoming, Mich."},
        {"Mich."},
    ),
    (
        "a city and a country after a comma stay two places",
        "Brisk Foods opened a plant in Harwick, Norway, last year.",
        frozenset(),
        {"Harwick", "Norway"},
        {"Harwick, Norway"},
    ),
    (
        "a state abbreviation hyphened to a participle is no part of the name after it",
        "Staff at Harwick, Calif.-based Norvale Systems were told of the deal.",
        frozenset(),
        {"Norvale Systems"},
        {"Calif.-based Norvale Systems"},
    ),
    (
        "a saint's name with a possessive opens an institution's name",
        "Jane Roe was chief executive of St. Anne's Health Corrin Valley until May.",
        frozenset(),
        {"St. Anne's Health Corrin Valley"},
        {"St. Anne", "Health Corrin Valley"},
    ),
    (
        "a place in brackets inside a hospital's name",
        "Jane Roe ran Norvale Health Corrin Valley (Idaho) Hospital for ten years.",
        frozenset(),
        {"Norvale Health Corrin Valley (Idaho) Hospital"},
        {"Hospital", "Idaho"},
    ),
    (
        "a place in brackets after a whole name",
        "Jane Roe ran Norvale Health (Idaho) and Brisk Foods.",
        frozenset(),
        {"Norvale Health", "Brisk Foods"},
        {"Norvale Health (Idaho) and Brisk Foods"},
    ),
    (
        "a direction word sharing the place after the conjunction is no name",
        "Brisk Bank runs 30 branches in Northern and Central Corrinland.",
        frozenset(),
        {"Brisk Bank"},
        {"Northern"},
    ),
    (
        "an article on a possessor that needs none puts the possessive inside a name",
        "Halvane will franchise the Ostravia's Finest Tea brand in Corrin.",
        frozenset(),
        {"Ostravia's Finest Tea"},
        {"Finest Tea", "Ostravia"},
    ),
    (
        "an organisation's name may take an article before its possessive",
        "Leading the poll is the HPX's Jane Roe, its candidate.",
        frozenset(),
        {"Jane Roe", "HPX"},
        {"HPX's Jane Roe"},
    ),
    (
        "a number of the possessed noun before the possessor puts the possessive inside a name",
        "Brisk Foods will buy 40 company-run Corrin's Finest Tea cafés.",
        frozenset(),
        {"Corrin's Finest Tea"},
        {"Finest Tea"},
    ),
    (
        "a modifier of the possessor leaves it an owner",
        "Rival Norvale's Brisk unit grew fast.",
        frozenset(),
        {"Brisk"},
        {"Norvale's Brisk"},
    ),
    (
        "a model in the plural",
        "Brisk Air ordered 30 more TQ184s from Norvale.",
        frozenset(),
        {"TQ184s"},
        {"30 more TQ184s"},
    ),
    (
        "the words after a conjunction that modify a noun after them are a second name",
        "Its purchases have included Halvane Herbs and Tarnel tea, and Brisk Foods.",
        frozenset(),
        {"Halvane Herbs", "Tarnel"},
        {"Halvane Herbs and Tarnel"},
    ),
    (
        "a rank inside a run of proper nouns ends the service before it",
        "Police Major Tormund Halvik, the commander of the Norvale Border Guard, spoke.",
        frozenset(),
        {"Tormund Halvik"},
        {"Police Major Tormund Halvik", "Major Tormund Halvik"},
    ),
    (
        "a rank word before a single word is left in the name",
        "The Harwick General Hospital opened a new wing.",
        frozenset(),
        set(),
        {"Hospital"},
    ),
    (
        "a plural noun before people's names is no part of them",
        "Scientists Marcel Vifre and Karl Tuyls, who have already given notice to leave "
        "Tallow, met investors.",
        frozenset(),
        {"Marcel Vifre", "Karl Tuyls"},
        {"Scientists Marcel Vifre", "Scientists"},
    ),
]


@pytest.mark.parametrize(
    ("text", "known", "found", "not_found"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_names(
    text: str,
    known: frozenset[str],
    found: set[str],
    not_found: set[str],
    nlp: Language,
    ontology: Ontology,
) -> None:
    names = {span.text for span in find_names(nlp(text), ontology, known).values()}
    assert found <= names
    assert not (not_found & names)


def test_a_word_the_tagger_took_for_punctuation_stays_in_a_name(
    nlp: Language, ontology: Ontology
) -> None:
    """ "A fleet of KX200s", with the model tagged as a mark: it is still a name."""
    doc = nlp("Brisk Air's fleet of KX200s will grow.")
    model = next(t for t in doc if t.text == "KX200s")
    model.pos_ = "PUNCT"
    assert "KX200s" in {span.text for span in find_names(doc, ontology, frozenset()).values()}


def test_known_words_matter_only_where_find_names_reads_them(
    nlp: Language, ontology: Ontology
) -> None:
    """A second look with the article's known words is taken only where it can change the
    names: a known word after a conjunction inside one entity ("Norvale and Brisk Foods"), not
    after one between two names."""
    words = ["Norvale", "and", "Brisk", "Foods", "met", "Tolvar", "and", "Brisk", "."]
    spaces = [True] * 7 + [False, False]
    pos = ["PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    one = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    two = ["B-ORG", "O", "O", "O", "O", "B-ORG", "O", "B-ORG", "O"]
    inside = Doc(nlp.vocab, words, spaces, pos=pos, ents=one)
    apart = Doc(nlp.vocab, words, spaces, pos=pos, ents=two)
    known = frozenset({"Brisk"})
    assert _known_matters(inside, known)
    assert not _known_matters(apart, known)
    assert find_names(apart, ontology, known) == find_names(apart, ontology, frozenset())


def test_an_organisation_that_takes_the_possessive_marker_before_another_is_one_name(
    nlp: Language, ontology: Ontology
) -> None:
    """ "Corrin's Chicken" where the tagger labels "Corrin's" and "Chicken" two organisations:
    one name; where it labels only the first, "Corrin's" owns what follows."""
    words = ["Brisk", "owns", "Corrin", "'s", "Chicken", "and", "Tarnel", "."]
    spaces = [True, True, False, True, True, True, False, False]
    pos = ["PROPN", "VERB", "PROPN", "PART", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    heads = [1, 1, 4, 2, 1, 4, 4, 1]
    deps = ["nsubj", "ROOT", "poss", "case", "dobj", "cc", "conj", "punct"]
    both = ["B-ORG", "O", "B-ORG", "I-ORG", "B-ORG", "O", "B-ORG", "O"]
    first = ["B-ORG", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O"]

    def names(ents: list[str]) -> set[str]:
        doc = Doc(nlp.vocab, words, spaces, pos=pos, heads=heads, deps=deps, ents=ents)
        return {span.text for span in find_names(doc, ontology, frozenset()).values()}

    assert "Corrin's Chicken" in names(both)
    assert "Corrin's Chicken" not in names(first)
    # "Corrin's Chicken unit": the second name modifies a noun, and the first owns it
    unit = Doc(
        nlp.vocab,
        ["Brisk", "owns", "Corrin", "'s", "Chicken", "unit", "."],
        [True, True, False, True, True, False, False],
        pos=["PROPN", "VERB", "PROPN", "PART", "PROPN", "NOUN", "PUNCT"],
        heads=[1, 1, 5, 2, 5, 1, 1],
        deps=["nsubj", "ROOT", "poss", "case", "compound", "dobj", "punct"],
        ents=["B-ORG", "O", "B-ORG", "I-ORG", "B-ORG", "O", "O"],
    )
    found = {span.text for span in find_names(unit, ontology, frozenset()).values()}
    assert "Chicken" in found
    assert "Corrin's Chicken" not in found


def test_an_organisation_labelled_a_nationality_is_a_name_where_the_article_says_so(
    nlp: Language, ontology: Ontology
) -> None:
    """ "Quillfin president Jane Roe" with "Quillfin" labelled a people (NORP): where the
    article labels the word an organisation on its own elsewhere, it is a name here too."""
    words = ["Quillfin", "president", "Jane", "Roe", "spoke", "."]
    spaces = [True] * 4 + [False, False]
    pos = ["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O"]
    heads = [1, 3, 3, 4, 4, 4]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words, spaces, pos=pos, heads=heads, deps=deps, ents=ents)
    known, orgs = frozenset({"Quillfin", "Jane"}), frozenset({"Quillfin"})
    assert _known_matters(doc, known, orgs=orgs)
    assert not _known_matters(doc, known)
    assert "Quillfin" in {s.text for s in find_names(doc, ontology, known, orgs=orgs).values()}
    assert "Quillfin" not in {s.text for s in find_names(doc, ontology, known).values()}
