"""References through the whole pipeline: what "we", "it", "the company" and "the two
companies" stand for, and where they stand for nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract import View
from kg.extract.refer import refer_one

Triple = tuple[str, str, str]


CASES: list[tuple[str, str, set[Triple]]] = [
    (
        "a place hyphened to a participle is no antecedent, whatever its label",
        "The Oslo-headquartered company said it would build a second factory in Poland.",
        set(),
    ),
    (
        "a description's own modifier is not what it stands for",
        "Tallow Corp. makes batteries. The Ostrava-based firm said it had bought Quillfin Ltd.",
        {
            ("Tallow Corp.", "acquired", "Quillfin Ltd."),
            ("Tallow Corp.", "headquarteredIn", "Ostrava"),
        },
    ),
    (
        "where: the place a clause on it is about",
        "Tallow Corp. grew in Brazil, where it opened 40 stores last year.",
        {("Tallow Corp.", "operatesIn", "Brazil")},
    ),
    (
        "a relative pronoun a preposition fronts stands for what its clause is on",
        "Quillfin Ltd., in which Tallow Corp. holds a 20% stake, makes sensors.",
        {("Tallow Corp.", "investedIn", "Quillfin Ltd.")},
    ),
    (
        "a description a verb takes is not who does the verb",
        "Brisk Labs makes sensors. Norvale Systems said it would buy the sensor maker.",
        {("Norvale Systems", "acquired", "Brisk Labs")},
    ),
    (
        "a pronoun a verb takes is not the verb's subject",
        "Brisk Labs said its parent, Norvale Systems, would invest $5 million in it.",
        {
            ("Norvale Systems", "investedIn", "Brisk Labs"),
            ("Brisk Labs", "subsidiaryOf", "Norvale Systems"),
        },
    ),
    (
        "a possessive pronoun may be the subject's own",
        "Norvale Systems said it would expand its data centre in Ohio.",
        {("Norvale Systems", "operatesIn", "Ohio")},
    ),
    (
        "a description a verb takes is the other organisation in the sentence",
        "Brisk Labs said Norvale Systems would buy the company.",
        {("Norvale Systems", "acquired", "Brisk Labs")},
    ),
    (
        "we: the speaker's organisation before the title",
        "“We are glad to extend our partnership with Brisk Foods,” said Norvale Systems "
        "CEO Ana Lind.",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "ceoOf", "Norvale Systems"),
        },
    ),
    (
        "we: the speaker's organisation in apposition",
        "“We have worked with Brisk Foods for ten years,” said Ana Lind, chief executive of "
        "Norvale Systems.",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "ceoOf", "Norvale Systems"),
        },
    ),
    (
        "we: the speaker introduced before the quotation",
        "Tolvane Robotics chief executive Piet Vos said: “We have worked with Harrowgate "
        "Thermal Inc. for years.”",
        {
            ("Tolvane Robotics", "partneredWith", "Harrowgate Thermal Inc."),
            ("Piet Vos", "ceoOf", "Tolvane Robotics"),
        },
    ),
    (
        "we: the latest speaker when the quotation names none",
        "Ana Lind, chief executive of Norvale Systems, said the results were strong.\n"
        "“We have worked with Brisk Foods for ten years.”",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "ceoOf", "Norvale Systems"),
        },
    ),
    (
        "we: not a speaker named two paragraphs before",
        "Ana Lind, chief executive of Norvale Systems, said the results were strong.\n"
        "Analysts expected less.\n"
        "“We have worked with Brisk Foods for ten years.”",
        {("Ana Lind", "ceoOf", "Norvale Systems")},
    ),
    (
        "we: of several organisations in the speaker's phrase, the one the text is about",
        "Norvale Systems grew fast this year.\n"
        "“We have worked with Brisk Foods for ten years,” said Ana Lind, President, Cloud "
        "Services, Norvale Systems.",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "worksFor", "Norvale Systems"),
        },
    ),
    (
        "we: outside quotations, the organisation the text is about",
        "Quillfin released a new version on Monday.\nWe worked with Harrowgate Thermal on it.",
        {("Quillfin", "partneredWith", "Harrowgate Thermal")},
    ),
    (
        "we: outside quotations, the organisation last named as a subject, not names since",
        "Brisk Health has released a new patient portal.\n"
        "We rebuilt the portal with Postgres and Redis.\n"
        "We use Grafana to watch the service.",
        {("Brisk Health", "uses", "Grafana")},
    ),
    (
        "a possessive relative stands for the name its clause hangs on",
        "Norvale Systems, whose stores are in Ohio and Texas, reported results.",
        {("Norvale Systems", "operatesIn", "Ohio"), ("Norvale Systems", "operatesIn", "Texas")},
    ),
    (
        "we: a speaker with no organisation stands for none",
        "“We have worked with Brisk Foods for ten years,” said Ana Lind.",
        set(),
    ),
    (
        "we: the organisation a definite noun in the speaker's title stands for",
        "Fennick Bank reported a profit on Monday. “We now have 40 branches in Idaho,” said "
        "Ana Lind, the bank's chief executive.",
        {("Fennick Bank", "operatesIn", "Idaho"), ("Ana Lind", "ceoOf", "Fennick Bank")},
    ),
    (
        "we: an indefinite noun in the speaker's phrase stands for no organisation",
        "Fennick Bank reported a profit. “We have 40 branches in Idaho,” said Ana Lind, an "
        "analyst at a bank.",
        set(),
    ),
    (
        "the two companies: the last two organisations named",
        "Brisk Foods Ltd and Corvalis Cloud Inc. signed a deal.\n"
        "In 2019 the two companies opened a plant in Ghana.",
        {
            ("Brisk Foods Ltd", "partneredWith", "Corvalis Cloud Inc."),
            ("Brisk Foods Ltd", "operatesIn", "Ghana"),
            ("Corvalis Cloud Inc.", "operatesIn", "Ghana"),
        },
    ),
    (
        "both, alone as a subject: the last two organisations named",
        "Brisk Foods Ltd and Corvalis Cloud Inc. posted losses.\nBoth are owned by Tarrow Group.",
        {
            ("Brisk Foods Ltd", "subsidiaryOf", "Tarrow Group"),
            ("Corvalis Cloud Inc.", "subsidiaryOf", "Tarrow Group"),
        },
    ),
    (
        "its: the one given something, where no name is the subject",
        "The deal gave Brisk Foods Ltd 60% of Corvalis Cloud Inc., while its partners, Tarrow "
        "Group and Halvane Capital, kept the rest.",
        {
            ("Brisk Foods Ltd", "partneredWith", "Tarrow Group"),
            ("Tarrow Group", "partneredWith", "Brisk Foods Ltd"),
            ("Brisk Foods Ltd", "partneredWith", "Halvane Capital"),
        },
    ),
    (
        "both, of things no organisation: none",
        "Sales and profits rose at Tarrow Group; both are expected to grow.",
        set(),
    ),
    (
        "the companies: the names in brackets are the same organisations",
        "Brisk Foods Ltd (BRF.L) sold a plant to Corvalis Cloud Inc. (CVC.N).\n"
        "The companies also opened an office in Ghana.",
        {
            ("Brisk Foods Ltd", "supplies", "Corvalis Cloud Inc."),
            ("Brisk Foods Ltd", "operatesIn", "Ghana"),
            ("Corvalis Cloud Inc.", "operatesIn", "Ghana"),
        },
    ),
    (
        "its: the owner of the noun it is coordinated with",
        "Halvane Capital will buy Pellwood Data's two plants and its service business in Portugal.",
        {("Pellwood Data", "operatesIn", "Portugal")},
    ),
    (
        "its: the organisation subject of the governing clause",
        "Norvale Systems, which Brisk Foods backs, has named Ana Lind as its chief executive.",
        {("Ana Lind", "ceoOf", "Norvale Systems")},
    ),
    (
        "the company: the organisation named before it, not the focus",
        "Brisk Foods bought a stake in Corvalis Cloud Inc. last year.\n"
        "On the website of Corvalis Cloud Inc., the company said it is a subsidiary of Tarrow "
        "Group.",
        {
            ("Brisk Foods", "investedIn", "Corvalis Cloud Inc."),
            ("Corvalis Cloud Inc.", "subsidiaryOf", "Tarrow Group"),
        },
    ),
]


# "it", "its", "the company": the nearest organisation, in the sentence or the one before
# (a sentence naming none is passed over, but only one), never the organisation the text
# is about by default
NEARBY: list[tuple[str, str, set[Triple]]] = [
    (
        "its: the subject of the sentence before, not the organisation named most",
        "Norvale Systems reported results on Monday. Norvale Systems said sales rose. Brisk "
        "Labs, a rival, grew faster.\nIts largest shareholder is Tarrow Group.",
        {("Tarrow Group", "investedIn", "Brisk Labs")},
    ),
    (
        "its: past one sentence that names no organisation",
        "Norvale Systems reported results on Monday.\nAnalysts were surprised.\nIts largest "
        "shareholder is Tarrow Group.",
        {("Tarrow Group", "investedIn", "Norvale Systems")},
    ),
    (
        "its: none when two sentences name no organisation",
        "Norvale Systems reported results on Monday.\nAnalysts were surprised.\nTraders were "
        "not.\nIts largest shareholder is Tarrow Group.",
        set(),
    ),
    (
        "the company: the one the sentence before spoke of",
        "Norvale Systems reported results on Monday.\nThe company will buy Brisk Labs.",
        {("Norvale Systems", "acquired", "Brisk Labs")},
    ),
    (
        "the company: none when none is near",
        "Norvale Systems reported results on Monday.\nAnalysts were surprised.\nTraders were "
        "not.\nThe company will buy Brisk Labs.",
        set(),
    ),
    (
        "the company: a reference the sentence before made carries on",
        "Norvale Systems reported results on Monday.\nThe company said sales rose.\nIt will "
        "buy Brisk Labs.",
        {("Norvale Systems", "acquired", "Brisk Labs")},
    ),
    (
        "the company: not the person a title names before",
        "“We welcome rivals,” Brisk Labs chief executive Ana Lind said.\nShe added that the "
        "company would buy Tarrow Group.",
        {("Ana Lind", "ceoOf", "Brisk Labs"), ("Brisk Labs", "acquired", "Tarrow Group")},
    ),
    (
        "the bank: the organisation named with the noun, not the subject before",
        "Norvale Motors, a carmaker, signed a deal with Fennick Bank.\nThe bank will invest "
        "$5 million in Brisk Labs.",
        {
            ("Norvale Motors", "partneredWith", "Fennick Bank"),
            ("Fennick Bank", "investedIn", "Brisk Labs"),
        },
    ),
    (
        "the carmaker: the organisation described with the noun",
        "Fennick Bank signed a deal with Norvale Motors, a carmaker.\nThe carmaker will open "
        "a plant in Ohio.",
        {
            ("Fennick Bank", "partneredWith", "Norvale Motors"),
            ("Norvale Motors", "operatesIn", "Ohio"),
        },
    ),
    (
        "the group: the organisation in its sentence named with the noun",
        "Brisk Labs sold a stake to Tarrow Group, and the group will open a plant in Ohio.",
        {("Tarrow Group", "operatesIn", "Ohio")},
    ),
    (
        "the company: with neither named nor described so, the subject",
        "Brisk Labs sold a stake to Tarrow Group, and the company will open a plant in Ohio.",
        {("Brisk Labs", "operatesIn", "Ohio")},
    ),
    (
        "its: a subject a describing noun calls an organisation, whatever its label",
        "Halvane Capital led a round in Verdane Farms.\nDanish packaging maker Skovby "
        "Emballage took over its smaller Finnish rival Lumo Oy.",
        {
            ("Halvane Capital", "investedIn", "Verdane Farms"),
            ("Skovby Emballage", "acquired", "Lumo Oy"),
            ("Lumo Oy", "competesWith", "Skovby Emballage"),
            ("Skovby Emballage", "headquarteredIn", "Denmark"),  # the nationalities name countries
            ("Lumo Oy", "headquarteredIn", "Finland"),
        },
    ),
    (
        "the smaller company's: not who does what the verb says to its noun",
        "Tarrow Group signed a deal with Brisk Labs.\nBrisk Labs will develop the smaller "
        "company's drug Tarnivex.",
        {
            ("Tarrow Group", "partneredWith", "Brisk Labs"),
            ("Brisk Labs", "developed", "Tarnivex"),
            ("Tarrow Group", "developed", "Tarnivex"),
        },
    ),
    (
        "the company: a name after a noun that also names organisations is no person's",
        "Norvale Systems reported results on Monday.\nChip designer Brisk Labs said sales "
        "rose.\nThe company will buy Tarrow Group.",
        {("Brisk Labs", "acquired", "Tarrow Group")},
    ),
    (
        "the firm: the subject of what the sentence before reported, not the speaker's firm",
        "“Norvale Systems will grow fast this year,” said Ana Lind, an analyst at Tarrow "
        "Securities.\nShe expects the firm to win its first large orders from Kestrel Cloud.",
        {
            ("Ana Lind", "worksFor", "Tarrow Securities"),
            ("Norvale Systems", "supplies", "Kestrel Cloud"),
        },
    ),
    (
        "the company: not the titled speaker of the sentence before",
        "“We welcome rivals, but not copies,” Brisk Labs co-founder and chief executive Ana "
        "Lind said in an interview.\nShe added that the company would not be distracted from "
        "its planned expansion into Norway.",
        {("Brisk Labs", "operatesIn", "Norway")},
    ),
    (
        "the chip maker: the latest subject of the sentence before",
        "Norvale Systems makes sensors.\nBrisk Labs makes chips.\nThe chip maker said it "
        "would buy Tarrow Group.",
        {("Brisk Labs", "acquired", "Tarrow Group")},
    ),
]

# "we" outside quotations: the organisation the text is written by
AUTHOR: list[tuple[str, str, set[Triple]]] = [
    (
        "we: the organisation a text places itself at",
        "At Quillfin, we build tools for banks.\nTarnix Cloud released a new database last "
        "year.\nWe use Grafana to watch our servers.",
        {("Quillfin", "uses", "Grafana")},
    ),
    (
        "we: the organisation a text names far more than any other, not the latest subject",
        "Quillfin has released its new app. Quillfin grew fast in 2023.\nTarnix Cloud "
        "praised the app.\nWe use Grafana to watch the service.",
        {("Quillfin", "uses", "Grafana")},
    ),
    (
        "we: none when two organisations are named alike and none is near",
        "Norvale Systems and Brisk Labs announced a merger.\nAnalysts were surprised.\n"
        "Markets fell.\nWe use Grafana to watch prices.",
        set(),
    ),
    (
        "we: the organisation a post opens with, not a partner it praises or works with",
        "Tallow Corp. partners with Quillfin to bring Kalo to Europe\n"
        "Today we are excited to announce our partnership with Quillfin Ltd.\n"
        "“Quillfin has been a great partner,” said Jane Roe, our chief executive.\n"
        "We acquired Harwick Labs in 2021.",
        {
            ("Tallow Corp.", "partneredWith", "Quillfin Ltd."),
            ("Jane Roe", "ceoOf", "Tallow Corp."),
            ("Tallow Corp.", "acquired", "Harwick Labs"),
        },
    ),
]


# "we" in a quotation: the organisation of whoever speaks it, however the speaker is given
SPEAKERS: list[tuple[str, str, set[Triple]]] = [
    (
        "we: a title set off before the speaker's name",
        "“We have worked with Brisk Foods for ten years,” says Norvale Systems CEO, Ana Lind.",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "ceoOf", "Norvale Systems"),
        },
    ),
    (
        "we: a speaker introduced by a title set off before the name",
        "Norvale Systems CEO, Ana Lind, commented, “We have worked with Brisk Foods for ten "
        "years.”",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "ceoOf", "Norvale Systems"),
        },
    ),
    (
        "we: two titles before the speaker's name",
        "Norvale Systems CEO and president Ana Lind said: “We have worked with Brisk Foods for "
        "ten years.”",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "ceoOf", "Norvale Systems"),
            ("Ana Lind", "worksFor", "Norvale Systems"),
        },
    ),
    (
        "we: a clause saying what the speaker is",
        "“We have worked with Brisk Foods for ten years,” said Ana Lind, who has been Norvale "
        "Systems president since 2016.",
        {
            ("Norvale Systems", "partneredWith", "Brisk Foods"),
            ("Ana Lind", "worksFor", "Norvale Systems"),
        },
    ),
    (
        "we: the organisation the speaker places themselves at",
        "Ana Lind gave some background: “At Norvale Systems we have worked with Brisk Foods "
        "for ten years.”",
        {("Norvale Systems", "partneredWith", "Brisk Foods")},
    ),
    (
        "we: a bare title speaking, the organisation of the sentence before",
        "Norvale Systems reported results on Monday.\n“We have worked with Brisk Foods for "
        "ten years,” the chief executive said.",
        {("Norvale Systems", "partneredWith", "Brisk Foods")},
    ),
    (
        "we: a bare title speaking, none when no organisation is near",
        "Norvale Systems reported results on Monday.\nAnalysts were surprised.\nMarkets fell."
        "\n“We have worked with Brisk Foods for ten years,” the chief executive said.",
        set(),
    ),
    (
        "we: an analyst speaking, not the organisation of the sentence before",
        "Norvale Systems reported results on Monday.\n“We have worked with Brisk Foods for "
        "ten years,” an analyst said.",
        set(),
    ),
    (
        "we: a clause saying what the speaker did is no title",
        "“We have worked with Brisk Foods for ten years,” said Ana Lind, who visited Norvale "
        "Systems in May.",
        set(),
    ),
]

# "it is a ...": a pronoun said to be something no entity is stands for none
PREDICATED: list[tuple[str, str, set[Triple]]] = [
    (
        "it is a noun for an organisation: the organisation",
        "Brisk Labs was founded in 2001.\nIt is a unit of Norvale Systems.",
        {("Brisk Labs", "subsidiaryOf", "Norvale Systems")},
    ),
    (
        "it is one of a noun for an organisation: the organisation",
        "Brisk Labs was founded in 2001.\nIt is one of the suppliers of Norvale Systems.",
        {("Brisk Labs", "supplies", "Norvale Systems")},
    ),
]


# "CEO Jane Roe" with no organisation of its own: the one the context gives, else none
BARE_TITLES: list[tuple[str, str, set[Triple]]] = [
    (
        "a bare title: the organisation the sentence before spoke of",
        "Norvale Systems reported results on Monday.\nCEO Ana Lind said sales rose.",
        {("Ana Lind", "ceoOf", "Norvale Systems")},
    ),
    (
        "a bare title: the organisation its sentence names, not the one named most",
        "Norvale Systems reported results on Monday. Norvale Systems grew.\nBrisk Labs "
        "shrank, and CEO Ana Lind said sales fell.",
        {("Ana Lind", "ceoOf", "Brisk Labs")},
    ),
    (
        "a bare title: the latest subject of the sentence before, not the one named most",
        "Norvale Systems reported results on Monday. Norvale Systems grew.\nBrisk Labs "
        "shrank.\nCEO Ana Lind said sales fell.",
        {("Ana Lind", "ceoOf", "Brisk Labs")},
    ),
    (
        "a bare title: none when no organisation is near",
        "Norvale Systems reported results on Monday.\nAnalysts were surprised.\nMarkets "
        "fell.\nCEO Ana Lind said sales rose.",
        set(),
    ),
]


# "the headset": the nearest product, in its sentence or the one before, else none
PRODUCTS: list[tuple[str, str, set[Triple]]] = [
    (
        "the headset: the product the sentence before named",
        "Norvale Systems launched the Tarnix X1 headset on Monday.\nThe headset uses Kestrel OS.",
        {("Norvale Systems", "launched", "Tarnix X1"), ("Tarnix X1", "uses", "Kestrel OS")},
    ),
    (
        "the headset: the product its own sentence named, not one named before",
        "Brisk Labs designed the Kestrel headset. Norvale Systems launched the Tarnix X1 "
        "headset on Monday, and the headset uses Velmora OS.",
        {
            ("Brisk Labs", "developed", "Kestrel"),
            ("Norvale Systems", "launched", "Tarnix X1"),
            ("Tarnix X1", "uses", "Velmora OS"),
        },
    ),
    (
        "it opening a sentence: the product of a sentence whose noun was parsed onto its verb",
        "Norvale Systems unveiled the Tarnix X1 on Tuesday, a headset for pilots.\nThe headset "
        "runs on the Kestrel-4X, a chip designed by Brisk Labs. It ships with Velmora OS, a "
        "system Norvale Systems built.",
        {
            ("Norvale Systems", "launched", "Tarnix X1"),
            ("Brisk Labs", "developed", "Kestrel-4X"),
            ("Tarnix X1", "uses", "Velmora OS"),
            ("Norvale Systems", "developed", "Velmora OS"),
        },
    ),
    (
        "the headset: none when no product is near",
        "Norvale Systems launched the Tarnix X1 headset on Monday.\nAnalysts were surprised."
        "\nShares rose.\nThe headset uses Kestrel OS.",
        {("Norvale Systems", "launched", "Tarnix X1")},
    ),
]


# "she", "he": never a person an honorific gives the other gender
PEOPLE: list[tuple[str, str, set[Triple]]] = [
    (
        "she: not the subject named Mr., the other person named",
        "Tom Roe joined Norvale Systems in 2001.\nMr. Roe succeeds Ana Lind as head of "
        "Norvale Systems. She was promoted to president of Brisk Labs in April.",
        {
            ("Tom Roe", "worksFor", "Norvale Systems"),
            ("Ana Lind", "worksFor", "Brisk Labs"),
        },
    ),
    (
        "he: the subject named Mr.",
        "Tom Roe joined Norvale Systems in 2001.\nMr. Roe succeeds Ana Lind as head of "
        "Norvale Systems. He was promoted to president of Brisk Labs in April.",
        {
            ("Tom Roe", "worksFor", "Norvale Systems"),
            ("Tom Roe", "worksFor", "Brisk Labs"),
        },
    ),
    (
        "she: none when the only person is named Mr.",
        "Tom Roe joined Norvale Systems in 2001.\nMr. Roe said sales rose. She was promoted "
        "to president of Brisk Labs in April.",
        {("Tom Roe", "worksFor", "Norvale Systems")},
    ),
]


ALL = CASES + NEARBY + AUTHOR + SPEAKERS + PREDICATED + BARE_TITLES + PRODUCTS + PEOPLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is a breakthrough, Brisk Labs said.", []),
        ("It is a big step for the region, Brisk Labs said.", []),
        ("It is the largest shareholder in Tarrow Group, Brisk Labs said.", ["Brisk Labs"]),
        ("It is a unit of Tarrow Group, Brisk Labs said.", ["Brisk Labs"]),
    ],
    ids=["a noun of no entity", "another", "a relation noun", "an organisation noun"],
)
def test_it_said_to_be(text: str, expected: list[str], view: Callable[[str], View]) -> None:
    """ "It is a breakthrough": a pronoun said to be what no entity is stands for none."""
    v = view(text)
    assert [m.text for m in refer_one(v, v.sent[0])] == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ALL], ids=[c[0] for c in ALL])
def test_references(
    text: str, expected: set[Triple], resolved: Callable[[str], set[Triple]]
) -> None:
    assert resolved(text) == expected
