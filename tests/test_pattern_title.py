"""The title family alone: "CEO Jane Roe", "Jane Roe, chief executive of X"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import view_of
from kg.extract.model import ArticleNames, Focus, Mention, View
from kg.extract.names import find_names, read_article_names
from kg.extract.patterns import Family
from kg.extract.patterns.titles import title_candidates
from kg.ingest import Article
from kg.nlp import parse
from kg.ontology import Ontology

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "title before name",
        "Orrin Motors chief executive Lucien Marchetti said sales rose.",
        {("title", "Lucien Marchetti", "ceoOf", "Orrin Motors")},
    ),
    (
        "abbreviated title",
        "Ferngate Labs CEO Oda Vinterberg spoke on Monday.",
        {("title", "Oda Vinterberg", "ceoOf", "Ferngate Labs")},
    ),
    (
        "possessive title",
        "Hollin Works's chief executive Marta Quell resigned.",
        {("title", "Marta Quell", "ceoOf", "Hollin Works")},
    ),
    (
        "a title of a part of the organisation a possessive names",
        "Jane Roe was promoted to president of Quillfin Health's Harwick market in April.",
        {("title", "Jane Roe", "worksFor", "Quillfin Health")},
    ),
    (
        "the organisation of a relation noun is another party",
        "Tom Hale, chief executive of Quillfin Health's biggest customer, spoke.",
        set(),
    ),
    (
        "title in apposition",
        "Arjun Mehta, chief executive of Sablecrest Holdings, said no.",
        {("title", "Arjun Mehta", "ceoOf", "Sablecrest Holdings")},
    ),
    (
        "job at",
        "Tomas Brekke, an analyst at Skarvik Securities, expects more orders.",
        {("title", "Tomas Brekke", "worksFor", "Skarvik Securities")},
    ),
    (
        "job for",
        "Marta Quell, a spokesperson for Hollin Works, declined to comment.",
        {("title", "Marta Quell", "worksFor", "Hollin Works")},
    ),
    (
        "two roles",
        "Arthur Mensch, co-founder and chief executive of Quillfin, said no.",
        {
            ("title", "Arthur Mensch", "founderOf", "Quillfin"),
            ("title", "Arthur Mensch", "ceoOf", "Quillfin"),
        },
    ),
    (
        "appointed as",
        "Orrin Motors named Priya Natarajan as its new chief executive on Monday.",
        {("title", "Priya Natarajan", "ceoOf", "Orrin Motors")},
    ),
    (
        "succeeds as",
        "Priya Natarajan will succeed Lucien Marchetti as chief executive of Orrin Motors.",
        {("title", "Priya Natarajan", "ceoOf", "Orrin Motors")},
    ),
    (
        "fronted at",
        "At Brisk Foods, chief executive Oda Vinterberg said sales rose.",
        {("title", "Oda Vinterberg", "ceoOf", "Brisk Foods")},
    ),
    (
        "titles coordinated before the name",
        "Norvale Systems CEO and president Tomas Brekke said orders grew.",
        {
            ("title", "Tomas Brekke", "ceoOf", "Norvale Systems"),
            ("title", "Tomas Brekke", "worksFor", "Norvale Systems"),
        },
    ),
    (
        "titles coordinated, the name after the organisation",
        "The chairman and chief executive of Sablecrest Holdings, Arjun Mehta, says it helps.",
        {
            ("title", "Arjun Mehta", "worksFor", "Sablecrest Holdings"),
            ("title", "Arjun Mehta", "ceoOf", "Sablecrest Holdings"),
        },
    ),
    (
        "a department of the organisation",
        "Marta Quell, vice president of Payment Operations at Hollin Works, said no.",
        {("title", "Marta Quell", "worksFor", "Hollin Works")},
    ),
    (
        "its: who names the person",
        "Orrin Motors has named former Ferngate Labs executive Priya Natarajan as its CEO.",
        {
            ("title", "Priya Natarajan", "ceoOf", "Orrin Motors"),
            ("title", "Priya Natarajan", "worksFor", "Ferngate Labs"),  # a past job
        },
    ),
    (
        "fronted at, the title apposed later",
        "And at Brisk Foods, CEO Oda Vinterberg will retire, to be replaced by Tomas Brekke, "
        "currently president.",
        {
            ("title", "Oda Vinterberg", "ceoOf", "Brisk Foods"),
            ("title", "Tomas Brekke", "ceoOf", "Brisk Foods"),
            ("title", "Tomas Brekke", "worksFor", "Brisk Foods"),
        },
    ),
    (
        "succeeded by",
        "Orrin Motors chief executive Lucien Marchetti will step down and will be succeeded "
        "by Priya Natarajan.",
        {
            ("title", "Lucien Marchetti", "ceoOf", "Orrin Motors"),
            ("title", "Priya Natarajan", "ceoOf", "Orrin Motors"),
        },
    ),
    (
        "a successor of someone else",
        "Orrin Motors chief executive Lucien Marchetti said the chair, who was replaced by "
        "Priya Natarajan, left.",
        {("title", "Lucien Marchetti", "ceoOf", "Orrin Motors")},
    ),
    (
        "whose title is",
        "Norvale Systems, whose chief executive is Oda Vinterberg, grew quickly.",
        {("title", "Oda Vinterberg", "ceoOf", "Norvale Systems")},
    ),
    (
        "title and organisation in apposition",
        "Demand is strong, said Jane Roe, Chief Economist, Halvane Capital.",
        {("title", "Jane Roe", "worksFor", "Halvane Capital")},
    ),
    (
        "a title and organisation set off in commas",
        "Jonas Berg, CEO, Norvale Inc, said sales rose.",
        {("title", "Jonas Berg", "ceoOf", "Norvale Inc")},
    ),
    (
        "a title, a department and the organisation last, closing the sentence",
        '"Sales rose," said Jonas Berg, President, Cloud Operations, Norvale Inc.',
        {("title", "Jonas Berg", "worksFor", "Norvale Inc.")},
    ),
    (
        "a title set off in commas with no organisation after it",
        "Jonas Berg, CEO, said sales rose.",
        set(),
    ),
    (
        "title and organisation in brackets",
        "Investors include Lars Eikrem (CTO, Quillfin) and Sam Poe (Founder, Brisk Foods).",
        {
            ("title", "Lars Eikrem", "worksFor", "Quillfin"),
            ("title", "Sam Poe", "founderOf", "Brisk Foods"),
        },
    ),
    (
        "appointment as",
        "Priya Natarajan's unveiling as Orrin Motors CEO surprised many.",
        {("title", "Priya Natarajan", "ceoOf", "Orrin Motors")},
    ),
    (
        "the appointment of a person as a title",
        "Investors cheered the appointment of Tom Hale as chief executive of Norvale Systems.",
        {("title", "Tom Hale", "ceoOf", "Norvale Systems")},
    ),
    (
        "named the organisation's title, passive",
        "Tom Hale was named Norvale Systems CEO in May.",
        {("title", "Tom Hale", "ceoOf", "Norvale Systems")},
    ),
    (
        "no holder for a title no one is named to",
        "The appointment of a new chief executive of Norvale Systems was delayed.",
        set(),
    ),
    (
        "a person apposed to a title",
        "Norvale Systems CEO, Marit Sand, said no.",
        {("title", "Marit Sand", "ceoOf", "Norvale Systems")},
    ),
    # nothing to read
    (
        "examples of a plural noun",
        "Tomas Brekke is an engineer with experience leading projects such as Quillfin.",
        set(),
    ),
    (
        "a former job, read with its status",
        "Oda Vinterberg, the former chief executive of Ferngate Labs, retired.",
        {("title", "Oda Vinterberg", "ceoOf", "Ferngate Labs")},
    ),
    (
        "a former job of no organisation is not the article's company's",
        "Brisk Foods hired Lina Sund. Former chief executive Oda Vinterberg retired.",
        set(),
    ),
    ("no person", "Ferngate Labs' chief executive spoke on Monday.", set()),
    ("a company's role", "Orrin Motors' role as market leader is secure.", set()),
    ("no title", "Tolvane Robotics acquired Brisk Orchard last spring.", set()),
    (
        "an organisation names a person to a title",
        "Norvale Systems named Tom Hale chief executive officer on Monday.",
        {("title", "Tom Hale", "ceoOf", "Norvale Systems")},
    ),
    (
        "an organisation's board appoints a person as a title",
        "Norvale Systems' board appointed Tom Hale as chief financial officer.",
        {("title", "Tom Hale", "worksFor", "Norvale Systems")},
    ),
    (
        "a plural title shared by the people coordinated after it",
        "Norvale Systems co-founders Tom Hale and Jane Roe spoke on Monday.",
        {
            ("title", "Tom Hale", "founderOf", "Norvale Systems"),
            ("title", "Jane Roe", "founderOf", "Norvale Systems"),
        },
    ),
    (
        "a singular title is the first person's alone",
        "Norvale Systems chief executive Tom Hale and Jane Roe spoke.",
        {("title", "Tom Hale", "ceoOf", "Norvale Systems")},
    ),
    (
        "coordinated titles before a name, the second an abbreviation",
        "Norvale Systems founder and CEO Tom Hale spoke on Monday.",
        {
            ("title", "Tom Hale", "founderOf", "Norvale Systems"),
            ("title", "Tom Hale", "ceoOf", "Norvale Systems"),
        },
    ),
    (
        "the founder behind an organisation",
        "Tom Hale, the founder behind Norvale Systems, spoke.",
        {("title", "Tom Hale", "founderOf", "Norvale Systems")},
    ),
    (
        "the chief of a field only works for the organisation",
        "Norvale Systems' AI chief Jane Roe said demand is high.",
        {("title", "Jane Roe", "worksFor", "Norvale Systems")},
    ),
    (
        "an organisation's chief leads it",
        "Norvale Systems chief Jane Roe said demand is high.",
        {("title", "Jane Roe", "ceoOf", "Norvale Systems")},
    ),
    (
        "an organisation called a developer is no employee",
        "Norvale Systems, the developer of Kestrel, reported a profit.",
        set(),
    ),
    ("a person who names is no employer", "Jane Roe named Tom Hale chief executive.", set()),
    ("a successor is no employer", "Tom Hale will succeed Jane Roe as chief executive.", set()),
    (
        "a title's field, then its organisation",
        "Lena Marsh, vice president of daytime programs for Norvale Media, said ratings rose.",
        {("title", "Lena Marsh", "worksFor", "Norvale Media")},
    ),
    (
        "a second title in apposition to the first",
        "Mira Tandel, leader of the farmers and vice-president of the Norvale Growers Union, "
        "said prices fell.",
        {("title", "Mira Tandel", "worksFor", "Norvale Growers Union")},
    ),
    (
        "a named thing after a title is no field",
        "Sam Poe, director of the Halvane camp at Harwick, said demand was strong.",
        set(),
    ),
    (
        "a field's place is no employer",
        "Sam Poe, director of sales in Germany, said demand was strong.",
        set(),
    ),
    (
        "the title of an organisation, then the person set off by commas",
        "The ship carried his wife, Lena Marsh and the deputy secretary of the Harwick Trade "
        "Ministry, Tom Hale, on the visit.",
        {("title", "Tom Hale", "worksFor", "Harwick Trade Ministry")},
    ),
    (
        "a name after the organisation that begins a list is no holder of the title",
        "He met the president of Brisk Foods, Tom Hale and Lena Marsh at the show.",
        set(),
    ),
    (
        "a surgeon at an organisation",
        "Tom Hale, a surgeon at the Harwick Clinic, said demand was strong.",
        {("title", "Tom Hale", "worksFor", "Harwick Clinic")},
    ),
    (
        "an organisation's representative",
        "Jane Roe, a Norvale Systems representative, said demand was strong.",
        {("title", "Jane Roe", "worksFor", "Norvale Systems")},
    ),
    (
        "a person's representative works for no organisation",
        "Jane Roe's son and representative in Harwick, Tom Hale, spoke.",
        set(),
    ),
    (
        "a title in apposition to a name in apposition to another: the nearer name's",
        "Regarding Velmar, Dmitry Halvorsen, a chemical stock analyst with Brisk Capital, says he "
        "sees the move as normal.",
        {("title", "Dmitry Halvorsen", "worksFor", "Brisk Capital")},
    ),
    (
        "a title only a person holds makes a person of a name the tagger doubts",
        "The Harwick-based Velmar Holding Company, whose chairman is Prince Aldo bin Varek, also "
        "backed the deal.",
        {("title", "Aldo bin Varek", "worksFor", "Velmar Holding Company")},
    ),
    (
        "a single name with such a title",
        "Halvorsen, a professor at Brisk University and president of the Harwick Rowing Club, "
        "died on Monday.",
        {
            ("title", "Halvorsen", "worksFor", "Brisk University"),
            ("title", "Halvorsen", "worksFor", "Harwick Rowing Club"),
        },
    ),
    (
        "a firm's chief rival holds no title",
        "Norvale, the chief rival of Brisk Foods, cut prices.",
        set(),
    ),
    ("a firm's partner is no person", "Brisk, a partner of Norvale Systems, cut prices.", set()),
    (
        "a title given in the passive goes to its subject",
        "Jane Roe was named chief executive of Brisk Foods.",
        {("title", "Jane Roe", "ceoOf", "Brisk Foods")},
    ),
    (
        "the organisation a city, its state and a participle qualify",
        "Jane Roe has been appointed the next president and CEO of Harwick, Idaho-based "
        "Brisk Foods.",
        {
            ("title", "Jane Roe", "ceoOf", "Brisk Foods"),
            ("title", "Jane Roe", "worksFor", "Brisk Foods"),
        },
    ),
    ("a passive naming of no title", "The award was named best product by Brisk Foods.", set()),
    (
        "a definite organisation noun owning the person a title names",
        "Brisk Foods reported a loss, the company's chief executive Jane Roe said.",
        {("title", "Jane Roe", "ceoOf", "Brisk Foods")},
    ),
    (
        "an indefinite organisation noun owning the person a title names",
        "Brisk Foods reported a loss, a company's chief executive Jane Roe said.",
        set(),
    ),
    (
        "promoted to a title, in the passive",
        "Jane Roe was promoted to chief executive of Brisk Foods.",
        {("title", "Jane Roe", "ceoOf", "Brisk Foods")},
    ),
    (
        "promoted to a title by the organisation",
        "Brisk Foods promoted Jane Roe to chief executive.",
        {("title", "Jane Roe", "ceoOf", "Brisk Foods")},
    ),
    (
        "who reports to a title does not hold it",
        "Jane Roe reported to the chief executive of Brisk Foods.",
        set(),
    ),
    (
        "a place with no participle after it qualifies no organisation",
        "Jane Roe is chief executive of Harwick, Idaho, which Brisk Foods serves.",
        set(),
    ),
    # a title only a person holds names a person, a one-word name too
    (
        "one-word name apposed to an official",
        "Halloran, a senior Tarnix Ministry official, declined to comment.",
        {("title", "Halloran", "worksFor", "Tarnix Ministry")},
    ),
    (
        "one-word name apposed to a professor of a field at an organisation",
        "Vendramin, a professor of history at Quillfin University, said the data was clear.",
        {("title", "Vendramin", "worksFor", "Quillfin University")},
    ),
    (
        "an organisation that is an official supplier is no person",
        "Quillfin, the official supplier of the Harwick Games, said sales rose.",
        set(),
    ),
    # more jobs
    (
        "a senior fellow at an institute",
        "Jane Roe, a senior fellow at the Norvale Institute, said the plan would fail.",
        {("title", "Jane Roe", "worksFor", "Norvale Institute")},
    ),
    (
        "an astronaut with an agency",
        "Jane Roe, an astronaut with the Harwick Space Agency, said the launch was delayed.",
        {("title", "Jane Roe", "worksFor", "Harwick Space Agency")},
    ),
    (
        "a legislator of a party",
        "Jane Roe, a legislator of the Norvale Party, said the plan would fail.",
        {("title", "Jane Roe", "worksFor", "Norvale Party")},
    ),
    (
        "a secretary general of a union",
        "Tom Hale, secretary general of the Norvale Union, said the strike would go on.",
        {("title", "Tom Hale", "worksFor", "Norvale Union")},
    ),
    (
        "a chief of staff is no chief executive",
        "Jane Roe, the chief of staff at Norvale Corp., said the plan would fail.",
        {("title", "Jane Roe", "worksFor", "Norvale Corp.")},
    ),
    (
        "fellow as an adjective is no job",
        "Jane Roe and her fellow workers at Norvale Corp. went on strike.",
        set(),
    ),
    # "in" an organisation
    (
        "an official in a ministry",
        "Tom Hale, an official in the Norvale Foreign Ministry, said the law was passed.",
        {("title", "Tom Hale", "worksFor", "Norvale Foreign Ministry")},
    ),
    (
        "a deputy in a parliament",
        "Tom Hale, a deputy in the Corrin Parliament, said the law was passed.",
        {("title", "Tom Hale", "worksFor", "Corrin Parliament")},
    ),
    (
        "an activist in a party",
        "Tom Hale, an activist in the Norvale Party, was arrested on Monday.",
        {("title", "Tom Hale", "worksFor", "Norvale Party")},
    ),
    ("a place one works in is no employer", "Tom Hale, an analyst in London, said so.", set()),
    (
        "a year one held a title in is no employer",
        "Tom Hale, who was chairman in 1985, left Norvale Corp. in 1990.",
        set(),
    ),
    # a unit of an organisation, named by a common noun
    (
        "chairman of the board of an organisation",
        "Tom Hale, chairman of the board of Norvale Corp., said sales rose.",
        {("title", "Tom Hale", "worksFor", "Norvale Corp.")},
    ),
    (
        "a member of an organisation's board",
        "Tom Hale, a member of the Norvale Corp. board, said sales rose.",
        {("title", "Tom Hale", "worksFor", "Norvale Corp.")},
    ),
    (
        "a director of an organisation's department",
        "Tom Hale, deputy director of the Norvale Institute's research department, said so.",
        {("title", "Tom Hale", "worksFor", "Norvale Institute")},
    ),
    (
        "a chief of a unit only works for the organisation",
        "Tom Hale, chief of the Norvale News Agency bureau in Harwick, said sales rose.",
        {("title", "Tom Hale", "worksFor", "Norvale News Agency")},
    ),
    (
        "a place before a common noun for a unit is no organisation",
        "Tom Hale, head of the Harwick police department, said crime fell.",
        set(),
    ),
    (
        "a critic of a board holds no job there",
        "Tom Hale, a critic of the Norvale Corp. board, said sales fell.",
        set(),
    ),
    # a unit's name, untyped, after its organisation's
    (
        "the organisation before a unit's name the tagger left untyped",
        "NVX Radiosafety Director Tomas Vell yesterday reported that the tests were clean.",
        {("title", "Tomas Vell", "worksFor", "NVX")},
    ),
    # a person's possession is no employer
    (
        "the surname of a person the article names is no organisation",
        "Jane Halloway will visit Harwick, said Halloway's son and representative in Corrin, "
        "Tom Hale.",
        set(),
    ),
    # a field after "for", before the organisation
    (
        "a field after for, its own field after of, then the organisation",
        "Tom Hale, vice president for development of new products at Quillfin Corp., said "
        "sales rose.",
        {("title", "Tom Hale", "worksFor", "Quillfin Corp.")},
    ),
    # a second title the parser coordinated with the first title's organisation
    (
        "a title coordinated with the organisation of the title before",
        "Tom Hale, a lecturer in law at the Quillfin Institute of the University of Harwick and "
        "treasurer of the Norvale Society, died on Monday.",
        {
            ("title", "Tom Hale", "worksFor", "Quillfin Institute of the University of Harwick"),
            ("title", "Tom Hale", "worksFor", "Norvale Society"),
        },
    ),
    (
        "a title coordinated with the organisation of a noun that is no title names no one",
        "Tom Hale praised the staff of Quillfin Corp. and the president of the Norvale Society.",
        set(),
    ),
    # who holds or takes the post of a title holds it
    (
        "holds the position of a title, in a relative clause",
        "Tom Hale, who currently holds the position of deputy head of the Harwick Water Board, "
        "said supplies were low.",
        {("title", "Tom Hale", "worksFor", "Harwick Water Board")},
    ),
    (
        "took the post of a title",
        "Jane Roe took the post of chief executive of Norvale Corp. in May.",
        {("title", "Jane Roe", "ceoOf", "Norvale Corp.")},
    ),
    (
        "who describes a job does not hold it",
        "Jane Roe described the job of an engineer at Norvale Corp.",
        set(),
    ),
    (
        "who criticises a role of many does not hold it",
        "Jane Roe criticised the role of chief executives at Norvale Corp.",
        set(),
    ),
    # a spokesperson given no organisation speaks for the subject of what they say
    (
        "spokesperson after a reported clause about an organisation",
        "Norvale Corp. will close two plants next year, said Jane Roe, a spokeswoman.",
        {("title", "Jane Roe", "worksFor", "Norvale Corp.")},
    ),
    (
        "spokesperson before the reported clause",
        "Tom Hale, a spokesman, said Quillfin Corp. would not sell the unit.",
        {("title", "Tom Hale", "worksFor", "Quillfin Corp.")},
    ),
    (
        "a spokesperson with an organisation of their own speaks for it",
        "Norvale Corp. will close two plants, said Jane Roe, a spokeswoman for Brisk Foods.",
        {("title", "Jane Roe", "worksFor", "Brisk Foods")},
    ),
    (
        "a title of an organisation right before its holder, the subject",
        "The memoirs by former commander of the Harwick Navy John Tallow were published.",
        {("title", "John Tallow", "worksFor", "Harwick Navy")},
    ),
    (
        "a manager given no organisation speaks for the one the clause is about",
        "Norvale Corp. sells trucks to farmers, said Jane Roe, an assistant product manager.",
        {("title", "Jane Roe", "worksFor", "Norvale Corp.")},
    ),
    (
        "so does a vice president",
        "Norvale Corp. will cut prices, said Jane Roe, a vice president.",
        {("title", "Jane Roe", "worksFor", "Norvale Corp.")},
    ),
    (
        "an analyst speaks for no organisation the clause is about",
        "Norvale Corp. will close two plants next year, said Jane Roe, an analyst.",
        set(),
    ),
    (
        "two organisations in the reported clause leave the spokesperson's unsaid",
        "Norvale Corp. and Brisk Foods will merge, said Jane Roe, a spokeswoman.",
        set(),
    ),
    (
        "a place in the reported clause is no employer",
        "Jane Roe, a spokeswoman, said Harwick would close two schools.",
        set(),
    ),
    (
        "a military rank after its service is no part of the name",
        "Police Major Tormund Halvik, the commander of the Norvale Border Guard, spoke.",
        {("title", "Tormund Halvik", "worksFor", "Norvale Border Guard")},
    ),
    (
        "chairperson, as chairman",
        "Tallow Corp. chairperson Jane Roe asked for the licence.",
        {("title", "Jane Roe", "worksFor", "Tallow Corp.")},
    ),
    (
        "a chief information officer by the acronym",
        "Jane Roe, CIO of Tallow Corp., said sales rose.",
        {("title", "Jane Roe", "worksFor", "Tallow Corp.")},
    ),
    (
        "a possessive owner over a department the title is of",
        "Jane Roe, Tallow Corp.'s Senior VP of Software Engineering, explained the plan.",
        {("title", "Jane Roe", "worksFor", "Tallow Corp.")},
    ),
    (
        "in charge of an organisation",
        "Jane Roe, the executive in charge of Tallow Corp., said so.",
        {("title", "Jane Roe", "worksFor", "Tallow Corp.")},
    ),
    (
        "in charge of an organisation's unit",
        "Jane Roe, the executive in charge of Tallow Corp.'s mobile division, said so.",
        {("title", "Jane Roe", "worksFor", "Tallow Corp.")},
    ),
    (
        "an organisation before a title that the tagger took for a noun, by its inner capitals",
        "Tallow Corp. named QuillTech executive Jane Roe as its new CEO.",
        {
            ("title", "Jane Roe", "ceoOf", "Tallow Corp."),
            ("title", "Jane Roe", "worksFor", "QuillTech"),
        },
    ),
    (
        "but not a capitalised department",
        "The board named Marketing executive Jane Roe as new CEO.",
        set(),
    ),
    (
        "a name alone in brackets before the title is an aside, not its organisation",
        "(Reuters) Tallow CEO Jane Roe said on Monday the plant would close.",
        {("title", "Jane Roe", "ceoOf", "Tallow")},
    ),
    (
        "an organisation the tagger takes for a place, described as one where it stands",
        "Jane Roe, chief executive of the ride-hailing company Tallow, resigned on Monday.",
        {("title", "Jane Roe", "ceoOf", "Tallow")},
    ),
    (
        "the same, after a title with another preposition",
        "Jane Roe, a senior engineer at the chipmaker Tallow, left.",
        {("title", "Jane Roe", "worksFor", "Tallow")},
    ),
    (
        "a place the same words describe as no organisation stays a place",
        "Jane Roe, vice-president for the region of Harwick, resigned on Monday.",
        set(),
    ),
    (
        "appointed to a title parsed as the verb's object, the person as its modifier",
        "Tallow Corp. appointed Jane Roe chief executive on Monday.",
        {("title", "Jane Roe", "ceoOf", "Tallow Corp.")},
    ),
    (
        "the same parse after a verb that gives no job gives nothing",
        "Tallow Corp. thanked Jane Roe chief executive yesterday.",
        set(),
    ),
    (
        "a place in brackets after the organisation is no organisation either",
        "Quillfin (Oslo) CEO Jane Roe said the plant would close.",
        {("title", "Jane Roe", "ceoOf", "Quillfin")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_title_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(title_candidates, text) == expected


def test_bare_title_takes_no_company_the_context_does_not_give(
    view: Callable[[str], View],
) -> None:
    """The company the text is about is not the one a bare title is held at by default."""
    v = view("CEO Oda Vinterberg said sales rose.")
    v.focus.saw([Mention("Brisk Foods", 0, 11, "ORG")], [])
    v.focus.spoke_of([])
    v.focus.spoke_of([])
    assert not [o for c in title_candidates(v) for o in c.objects]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CEO Oda Vinterberg said sales rose.",
            {("title", "Oda Vinterberg", "ceoOf", "Brisk Foods")},
        ),
        (
            "Ferngate Labs Inc. grew, with CEO Oda Vinterberg staying on.",
            {("title", "Oda Vinterberg", "ceoOf", "Ferngate Labs Inc.")},
        ),
        (
            "Ferngate Labs Inc. and Tarrow Group merged, with CEO Oda Vinterberg staying on.",
            set(),
        ),
        (
            "Sales fell, said Oda Vinterberg, a company spokeswoman.",
            {("title", "Oda Vinterberg", "worksFor", "Brisk Foods")},
        ),
        ("Sales fell, said Oda Vinterberg, a spokeswoman.", set()),
        (
            "Ferngate Labs Inc. grew, said Oda Vinterberg, a company spokeswoman.",
            {("title", "Oda Vinterberg", "worksFor", "Ferngate Labs Inc.")},
        ),
        (
            "Sales at Ferngate Labs Inc. fell, said Oda Vinterberg, a company director.",
            {("title", "Oda Vinterberg", "worksFor", "Ferngate Labs Inc.")},
        ),
    ],
    ids=[
        "no other organisation",
        "the sentence's own organisation",
        "two named",
        "a job at the company, of the company the sentence before spoke of",
        "a job with no word for its organisation, of none",
        "a spokesperson at the company speaks for the organisation of the statement",
        "a job at the company, of the organisation its sentence names",
    ],
)
def test_bare_title_takes_the_focus_only_alone(
    text: str, expected: set[Reading], view: Callable[[str], View]
) -> None:
    """A bare title belongs to the company its sentence names before it, else to the one the
    sentence before spoke of; to none if the sentence names two."""
    v = view(text)
    v.focus.spoke_of([Mention("Brisk Foods", 0, 11, "ORG")])
    found = {
        (c.pattern, s.text, c.predicate, o.text)
        for c in title_candidates(v)
        for s in c.subjects
        for o in c.objects
    }
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brisk Foods says its chief executive, Oda Vinterberg, has resigned. "
            "She has been replaced by Tomas Brekke, a longtime adviser.",
            {("title", "Tomas Brekke", "ceoOf", "Brisk Foods")},
        ),
        (
            "Brisk Foods reported higher sales on Monday. "
            "She has been replaced by Tomas Brekke, a longtime adviser.",
            set(),
        ),
    ],
    ids=["the titles of the person replaced", "no title before"],
)
def test_replaced_pronoun(
    text: str, expected: set[Reading], nlp: Language, ontology: Ontology
) -> None:
    """ "She has been replaced by X": X takes the titles the sentence before gave her."""
    parsed = next(parse(nlp, [Article(id="t", text=text, source="test")]))
    paragraph = parsed.paragraphs[0]
    article_names, found = read_article_names(parsed.paragraphs, ontology)
    names = found[0]
    focus = Focus(ontology.corporate_suffixes, article_names)
    second = list(paragraph.doc.sents)[1]
    v = view_of(second, paragraph.offset, names, ontology, focus)
    found = {
        (c.pattern, s.text, c.predicate, o.text)
        for c in title_candidates(v)
        if c.objects
        for s in c.subjects
        for o in c.objects
    }
    assert found == expected


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        # the tagger calls "Skogheim" a person here: the title says it is an organisation
        ('"We are pleased," said Skogheim CEO Sven Lindqvist.', {("Skogheim", "Organization")}),
        # an organisation the tagger got right keeps its own evidence
        ('"We are pleased," said Norvik CEO Sven Lindqvist.', {("Norvik", None)}),
    ],
    ids=["a person-labelled organisation", "an organisation-labelled one"],
)
def test_title_hints_its_organisation(
    text: str, hints: set[tuple[str, str | None]], view: Callable[[str], View]
) -> None:
    """Whom a title names ("X CEO Jane Roe") is an organisation, whatever spaCy labels it."""
    found = {(m.text, m.hint) for c in title_candidates(view(text)) for m in c.objects}
    assert found == hints


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        (
            "Oda Vinterberg, the former chief executive of Ferngate Labs, retired.",
            {("Ferngate Labs", "former")},
        ),
        (
            "Sales fell, said retired Ferngate Labs analyst Oda Vinterberg.",
            {("Ferngate Labs", "former")},
        ),
        (
            "Sales fell, said onetime Ferngate Labs analyst Oda Vinterberg.",
            {("Ferngate Labs", "former")},
        ),
        (
            "Ex-Quillfin president Tom Voe joined Brackmoor in May.",
            {("Quillfin", "former")},
        ),
        (
            "Retired Brackmoor engineer Bob Zoe was in the courtroom.",
            {("Brackmoor", "former")},
        ),
        ("Sales fell, said Ferngate Labs analyst Oda Vinterberg.", {("Ferngate Labs", "")}),
    ],
    ids=["former", "retired", "onetime", "ex-, hyphened to the name", "first word", "held now"],
)
def test_title_past_job_status(
    text: str, statuses: set[tuple[str, str]], view: Callable[[str], View]
) -> None:
    """A past job is read with the status "former", so a graph can tell it from a job held."""
    found = {(o.text, c.status) for c in title_candidates(view(text)) for o in c.objects}
    assert found == statuses


def test_a_title_parsed_onto_the_organisation_before_it(nlp: Language, ontology: Ontology) -> None:
    """ "X managing director Jane Roe said", parsed with the title in apposition to X and the
    person a second subject: the person right after the title holds it, at X."""
    words = ["Brisk", "Italy", "managing", "director", "Jane", "Roe", "said", "so", "."]
    spaces = [True] * 7 + [False, False]
    pos = ["PROPN", "PROPN", "VERB", "NOUN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"]
    tags = ["NNP", "NNP", "VBG", "NN", "NNP", "NNP", "VBD", "RB", "."]
    heads = [1, 6, 3, 1, 5, 6, 6, 6, 6]
    deps = ["compound", "nsubj", "compound", "appos", "compound", "nsubj", "ROOT", "advmod"]
    ents = ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    lemmas = ["Brisk", "Italy", "manage", "director", "Jane", "Roe", "say", "so", "."]
    doc = Doc(
        nlp.vocab,
        words,
        spaces,
        pos=pos,
        tags=tags,
        heads=heads,
        deps=[*deps, "punct"],
        ents=ents,
        lemmas=lemmas,
    )
    names = find_names(doc, ontology, frozenset())
    focus = Focus(ontology.corporate_suffixes, ArticleNames(frozenset(), frozenset(), frozenset()))
    view = view_of(next(iter(doc.sents)), 0, names, ontology, focus)
    found = {
        (c.pattern, s.text, c.predicate, o.text)
        for c in title_candidates(view)
        for s in c.subjects
        for o in c.objects
    }
    assert found == {("title", "Jane Roe", "worksFor", "Brisk Italy")}
