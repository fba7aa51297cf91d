"""Sentence -> facts, through the real spaCy pipeline, extraction and resolution."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.ingest import Article
from kg.nlp import parse
from kg.ontology import Ontology
from kg.pipeline import read
from kg.resolve import resolve

Triple = tuple[str, str, str]


def facts_of(text: str, nlp: Language, ontology: Ontology) -> set[Triple]:
    article = Article(id="t", text=text, source="test")
    found = [f for parsed in parse(nlp, [article]) for f in extract(parsed, ontology)]
    resolution = resolve(found, ontology)
    return {(f.subject.label, f.predicate, f.object.label) for f in resolution.facts}


CASES: list[tuple[str, str, set[Triple]]] = [
    # verbs, active and passive
    (
        "active verb",
        "Norvale Systems launched the Tarnix-7 accelerator on Tuesday.",
        {("Norvale Systems", "launched", "Tarnix-7")},
    ),
    (
        "passive verb",
        "The Corvo X2 handset was unveiled by Brightmoor Labs in Berlin.",
        {("Brightmoor Labs", "launched", "Corvo X2")},
    ),
    (
        "phrasal verb",
        "Quillfin teamed up with Harrowgate Thermal to cool its servers.",
        {("Harrowgate Thermal", "partneredWith", "Quillfin")},
    ),
    (
        "verb with preposition",
        "Halvane Capital invested $40 million in Pellwood Data.",
        {("Halvane Capital", "investedIn", "Pellwood Data")},
    ),
    (
        "passive founder",
        "Brightmoor Labs was founded in 2021 by Priya Natarajan.",
        {("Priya Natarajan", "founderOf", "Brightmoor Labs")},
    ),
    (
        "inverse verb",
        "Sablecrest Holdings owns Ferrow, a shipping line.",
        {("Ferrow", "subsidiaryOf", "Sablecrest Holdings")},
    ),
    # nouns with prepositions, light verbs
    (
        "noun with",
        "Quillfin announced a partnership with Corvent Energy on Monday.",
        {("Corvent Energy", "partneredWith", "Quillfin")},
    ),
    (
        "noun in",
        "Halvane Capital made a $40 million investment in Pellwood Data.",
        {("Halvane Capital", "investedIn", "Pellwood Data")},
    ),
    (
        "noun of",
        "Tessaro Cloud completed its acquisition of Marrowby in May.",
        {("Tessaro Cloud", "acquired", "Marrowby")},
    ),
    ("shares are an investment", "Ostrander Ventures bought Aldane Auto shares in June.", set()),
    (
        "purchase of shares",
        "Ostrander Ventures made its first purchase of Aldane Auto shares.",
        {("Ostrander Ventures", "investedIn", "Aldane Auto")},
    ),
    (
        "facility in a place",
        "Arkwell Compute opened a new data centre in Finland.",
        {("Arkwell Compute", "operatesIn", "Finland")},
    ),
    (
        "funding round",
        "Ferrolith Energy raised $120 million in a round led by Halcyon Ridge Partners, "
        "with participation from Oakmere Ventures.",
        {
            ("Halcyon Ridge Partners", "investedIn", "Ferrolith Energy"),
            ("Oakmere Ventures", "investedIn", "Ferrolith Energy"),
        },
    ),
    (
        "backed by two",
        "Kavrio Pay, which is backed by Banco Ferrazul and by Orlin Capital, grew.",
        {
            ("Banco Ferrazul", "investedIn", "Kavrio Pay"),
            ("Orlin Capital", "investedIn", "Kavrio Pay"),
        },
    ),
    (
        "unit named after",
        "Marlowe Freight grew. Its lending arm, Marlowe Direct, hired staff.",
        {("Marlowe Direct", "subsidiaryOf", "Marlowe Freight")},
    ),
    # titles and appositions
    (
        "title before name",
        "Orrin Motors chief executive Lucien Marchetti said sales rose.",
        {("Lucien Marchetti", "ceoOf", "Orrin Motors")},
    ),
    (
        "title in apposition",
        "Arjun Mehta, chief executive of Sablecrest Holdings, said no.",
        {("Arjun Mehta", "ceoOf", "Sablecrest Holdings")},
    ),
    (
        "job at",
        "Tomas Brekke, an analyst at Skarvik Securities, expects more orders.",
        {("Tomas Brekke", "worksFor", "Skarvik Securities")},
    ),
    (
        "former job",
        "Former Harbourline Bank analyst Aisha Rahman joined Quillfin in May.",
        {("Aisha Rahman", "worksFor", "Quillfin")},
    ),
    (
        "unit in apposition",
        "Ferrow, a unit of Sablecrest Holdings, moves containers.",
        {("Ferrow", "subsidiaryOf", "Sablecrest Holdings")},
    ),
    (
        "based in",
        "Marrowby, a Leeds-based software maker, hired 40 engineers.",
        {("Marrowby", "headquarteredIn", "Leeds")},
    ),
    (
        "headquartered in",
        "Veyra Microdevices, which is headquartered in Hsinchu, cut prices.",
        {("Veyra Microdevices", "headquarteredIn", "Hsinchu")},
    ),
    # possessives
    (
        "possessive product",
        "Analysts praised Norvale's Tarnix accelerator family.",
        {("Norvale", "developed", "Tarnix")},
    ),
    (
        "product in apposition",
        "Quillcore, Quillfin's inference engine, runs on small servers.",
        {("Quillfin", "developed", "Quillcore")},
    ),
    (
        "its own",
        "Orrin Motors is building its own software (Wayline OS) for its cars.",
        {("Orrin Motors", "developed", "Wayline OS")},
    ),
    # coordination
    (
        "three objects",
        "Norvale Systems now competes with Veyra Microdevices, Solenne Foundry and Arkwell.",
        {
            ("Norvale Systems", "competesWith", "Veyra Microdevices"),
            ("Norvale Systems", "competesWith", "Solenne Foundry"),
            ("Arkwell", "competesWith", "Norvale Systems"),
        },
    ),
    (
        "examples after like",
        "Corvent Energy supplies carmakers like Orrin Motors and Aldane Auto.",
        {
            ("Corvent Energy", "supplies", "Orrin Motors"),
            ("Corvent Energy", "supplies", "Aldane Auto"),
        },
    ),
    (
        "two subjects",
        "Samsung and SK Hynix will invest in Rebellions.",
        {("Samsung", "investedIn", "Rebellions"), ("SK Hynix", "investedIn", "Rebellions")},
    ),
    (
        "two roles",
        "Arthur Mensch, co-founder and chief executive of Quillfin, said no.",
        {("Arthur Mensch", "founderOf", "Quillfin"), ("Arthur Mensch", "ceoOf", "Quillfin")},
    ),
    (
        "deal to acquire",
        "Norvale Systems signed a deal to acquire Marrowby for $90 million.",
        {("Norvale Systems", "acquired", "Marrowby")},
    ),
    (
        "light verb with into",
        "Microsoft has pledged to put $4 billion into Quillfin.",
        {("Microsoft", "investedIn", "Quillfin")},
    ),
    (
        "passive with agent",
        "Klarna, the Stockholm-based firm, was acquired by Adyen.",
        {("Adyen", "acquired", "Klarna"), ("Klarna", "headquarteredIn", "Stockholm")},
    ),
    (
        "versioned product",
        "Meta released Llama 3, its latest open-source model, in April.",
        {("Meta", "launched", "Llama 3")},
    ),
    (
        "money before the preposition",
        "Microsoft has invested $13 billion in OpenAI since 2019.",
        {("Microsoft", "investedIn", "OpenAI")},
    ),
    (
        "capitalised modifier",
        "Mistral AI was founded in 2023 by Arthur Mensch and Guillaume Lample.",
        {
            ("Arthur Mensch", "founderOf", "Mistral AI"),
            ("Guillaume Lample", "founderOf", "Mistral AI"),
        },
    ),
    (
        "coordinated partners",
        "Norvale and Quillfin teamed up last year.",
        {("Norvale", "partneredWith", "Quillfin")},
    ),
    (
        "they",
        "Ostrander Motors and Kaida Robotics said they had formed a partnership.",
        {("Ostrander Motors", "partneredWith", "Kaida Robotics")},
    ),
    (
        "version with a word",
        "Lumora Labs unveiled the Orbit 2 Pro on Tuesday.",
        {("Lumora Labs", "launched", "Orbit 2 Pro")},
    ),
    (
        "object of a relative clause",
        "Norvale showed the Tarnix-9, a faster chip that the company introduced in May.",
        {("Norvale", "launched", "Tarnix-9")},
    ),
    (
        "relative subject is not an object",
        "Rivals like Veyra and Solenne, who are themselves investing heavily in chips, lag.",
        set(),
    ),
    (
        "appointed as",
        "Orrin Motors named Priya Natarajan as its new chief executive on Monday.",
        {("Priya Natarajan", "ceoOf", "Orrin Motors")},
    ),
    (
        "succeeds as",
        "Priya Natarajan will succeed Lucien Marchetti as chief executive of Orrin Motors.",
        {("Priya Natarajan", "ceoOf", "Orrin Motors")},
    ),
    (
        "acquisition by",
        "The acquisition of Marrowby by Duskfield Analytics closed on Friday.",
        {("Duskfield Analytics", "acquired", "Marrowby")},
    ),
    (
        "the company, with no earlier subject",
        "Shares of Veyra Microdevices rose after the company said it had agreed to buy Solenne.",
        {("Veyra Microdevices", "acquired", "Solenne")},
    ),
    (
        "place in apposition",
        "Arkwell Compute will build two data centres in Johor, Malaysia.",
        {("Arkwell Compute", "operatesIn", "Johor"), ("Arkwell Compute", "operatesIn", "Malaysia")},
    ),
    (
        "makes for",
        "Solenne Foundry makes chips for Norvale Systems and Veyra Microdevices.",
        {
            ("Solenne Foundry", "supplies", "Norvale Systems"),
            ("Solenne Foundry", "supplies", "Veyra Microdevices"),
        },
    ),
    (
        "portfolio company",
        "Duskfield Analytics is a portfolio company of Halvane Capital.",
        {("Halvane Capital", "investedIn", "Duskfield Analytics")},
    ),
    (
        "technology terms",
        "Veyra Microdevices is investing heavily in artificial intelligence and quantum computing.",
        {
            ("Veyra Microdevices", "investedIn", "artificial intelligence"),
            ("Veyra Microdevices", "investedIn", "quantum computing"),
        },
    ),
    ("a term as a modifier is no name", "Norvale's AI chips sold well in Europe.", set()),
    (
        "rivals are not rivals of each other",
        "The launch puts Norvale in direct competition with Veyra and Solenne Foundry, both of "
        "which sell pricier chips.",
        {("Norvale", "competesWith", "Veyra"), ("Norvale", "competesWith", "Solenne Foundry")},
    ),
    (
        "phrasal verb with a particle",
        "Danish packaging maker Skovgaard Emballage took over its smaller rival Lumipak Oy.",
        {("Skovgaard Emballage", "acquired", "Lumipak Oy")},
    ),
    (
        "a product named for its kind",
        "Kavrio Pay said it would launch its Kavrio Wallet in Brazil next year.",
        {("Kavrio Pay", "launched", "Kavrio Wallet"), ("Kavrio Pay", "operatesIn", "Brazil")},
    ),
    (
        "rival of the company in focus",
        "Marlowe Freight grew. Dutch rival Kestvaart Logistics cut its prices.",
        {("Kestvaart Logistics", "competesWith", "Marlowe Freight")},
    ),
    (
        "taking part is no rivalry",
        "Ostrander Ventures and Stellagroen also took part in the round.",
        set(),
    ),
    (
        "a number versions the name before it",
        "Northfield Instruments launched the ProbeLine 9 tester in May.",
        {("Northfield Instruments", "launched", "ProbeLine 9")},
    ),
    # references
    (
        "it",
        "Pellwood Data builds data centres. In May it acquired Marrowby.",
        {("Pellwood Data", "acquired", "Marrowby")},
    ),
    (
        "the company",
        "Quillfin raised money in May. The company later adopted Tarnix-7.",
        {("Quillfin", "uses", "Tarnix-7")},
    ),
    # the entity's class decides the property; nothing forced
    (
        "person sets up a company",
        "Priya Natarajan set up Brightmoor Labs in 2021.",
        {("Priya Natarajan", "founderOf", "Brightmoor Labs")},
    ),
    ("a person launches no product", "Priya Natarajan launched the Foldwright 2 app.", set()),
    (
        "reported speech",
        "Norvale Systems said on Tuesday it would launch the Tarnix-9 chip.",
        {("Norvale Systems", "launched", "Tarnix-9")},
    ),
    (
        "three products",
        "Veyra launched three chips, including the Cirran X2 and the Cirran Z4.",
        {("Veyra", "launched", "Cirran X2"), ("Veyra", "launched", "Cirran Z4")},
    ),
    # nothing to extract
    ("negation", "Norvale Systems did not acquire Veyra Microdevices.", set()),
    ("no plans", "Ostrander Motors said it had no plans to take a stake in Kaida Robotics.", set()),
    (
        "rumour",
        "Halcyon Partners was reported to be weighing an investment in Corrova Energy.",
        set(),
    ),
    (
        "denial beside a fact",
        "Omnira, a subsidiary of Hoshimura Corp., denied the claims.",
        {("Omnira", "subsidiaryOf", "Hoshimura Corp.")},
    ),
    ("no cue", "Shares of Norvale Systems rose 3 per cent in Oslo on Friday.", set()),
    ("no antecedent", "It launched a new phone on Tuesday.", set()),
    ("nationality is not a place", "Norvale competes with Chinese rivals.", set()),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence_facts(
    text: str, expected: set[Triple], nlp: Language, ontology: Ontology
) -> None:
    got = facts_of(text, nlp, ontology)
    symmetric = {p.name for p in ontology.properties.values() if p.symmetric}
    assert {_canon(t, symmetric) for t in got} == {_canon(t, symmetric) for t in expected}


def _canon(triple: Triple, symmetric: set[str]) -> Triple:
    s, p, o = triple
    return (min(s, o), p, max(s, o)) if p in symmetric else triple


def test_markdown_reads_the_text_not_the_markup(
    tmp_path: Path, nlp: Language, ontology: Ontology
) -> None:
    page = tmp_path / "news.md"
    page.write_text(
        "# Norvale Systems Buys Marrowby In Surprise Deal\n\n"
        "*By Jane Roe, 4 May 2025*\n\n"
        "![Veyra Microdevices logo](https://img.example.com/veyra.png)\n\n"
        "Norvale Systems has acquired [Marrowby](https://news.example.com/marrowby).\n\n"
        "## What Else Happened\n\n"
        "- Quillfin teamed up with Corvent Energy\n"
        "- Halvane Capital invested in Pellwood Data\n"
    )
    articles, problems = read([str(page)])
    assert not problems
    found = [f for p in parse(nlp, articles) for f in extract(p, ontology)]
    got = {(f.subject.text, f.predicate, f.object.text) for f in found}
    assert got == {
        ("Norvale Systems", "acquired", "Marrowby"),
        ("Quillfin", "partneredWith", "Corvent Energy"),
        ("Halvane Capital", "investedIn", "Pellwood Data"),
    }
