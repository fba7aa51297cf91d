"""Sentence -> facts, through the real spaCy pipeline, extraction and resolution."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract import View, extract, view_of
from kg.extract.model import Focus
from kg.extract.names import read_article_names
from kg.ingest import Article
from kg.nlp import parse
from kg.ontology import Ontology
from kg.pipeline import read
from kg.resolve import resolve

Triple = tuple[str, str, str]


CASES: list[tuple[str, str, set[Triple]]] = [
    # each pattern family alone is tested in tests/test_pattern_*.py; here, the whole pipeline
    ("shares are an investment", "Ostrander Ventures bought Aldane Auto shares in June.", set()),
    (
        "unit named after",
        "Marlowe Freight grew. Its lending arm, Marlowe Direct, hired staff.",
        {("Marlowe Direct", "subsidiaryOf", "Marlowe Freight")},
    ),
    # read by two families, kept once
    (
        "headquartered in",
        "Veyra Microdevices, which is headquartered in Hsinchu, cut prices.",
        {("Veyra Microdevices", "headquarteredIn", "Hsinchu")},
    ),
    (
        "former job",
        "Former Harbourline Bank analyst Aisha Rahman joined Quillfin in May.",
        {
            ("Aisha Rahman", "worksFor", "Quillfin"),
            ("Aisha Rahman", "worksFor", "Harbourline Bank"),  # a past job, read as one
        },
    ),
    # possessives, whose maker is no product of its own
    (
        "possessive product",
        "Analysts praised Norvale's Tarnix accelerator family.",
        {("Norvale", "developed", "Tarnix")},
    ),
    (
        "its own",
        "Orrin Motors is building its own software (Wayline OS) for its cars.",
        {("Orrin Motors", "developed", "Wayline OS")},
    ),
    # nouns, pairs, the company in focus
    (
        "acquisition by",
        "The acquisition of Marrowby by Duskfield Analytics closed on Friday.",
        {("Duskfield Analytics", "acquired", "Marrowby")},
    ),
    ("a term as a modifier is no name", "Norvale's AI chips sold well in Europe.", set()),
    (
        "rival of the company in focus",
        "Marlowe Freight grew. Dutch rival Kestvaart Logistics cut its prices.",
        {
            ("Kestvaart Logistics", "competesWith", "Marlowe Freight"),
            ("Kestvaart Logistics", "headquarteredIn", "Netherlands"),
        },
    ),
    (
        "taking part is no rivalry",
        "Ostrander Ventures and Stellagroen also took part in the round.",
        set(),
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
    (
        "the round of the company in focus",
        "Quillfin raised $4 million. The round was led by firms including Pendle Ventures "
        "(parent company of Tarrow Bank) and Halvane Capital.",
        {
            ("Pendle Ventures", "investedIn", "Quillfin"),
            ("Halvane Capital", "investedIn", "Quillfin"),
            ("Tarrow Bank", "subsidiaryOf", "Pendle Ventures"),
        },
    ),
    (
        "a round named beside another company is not the topic's",
        "Quillfin raised $4 million. The round, which Norvale Systems arranged, was led by "
        "Pendle Ventures.",
        set(),
    ),
    # the entity's class decides the property; nothing forced
    (
        "person sets up a company",
        "Priya Natarajan set up Brightmoor Labs in 2021.",
        {("Priya Natarajan", "founderOf", "Brightmoor Labs")},
    ),
    ("a person launches no product", "Priya Natarajan launched the Foldwright 2 app.", set()),
    (
        "each of two coordinated firms is based where its own participle says",
        "Denver-based Halvane Corp. and Boston-based Norvale Systems agreed to merge.",
        {
            ("Halvane Corp.", "headquarteredIn", "Denver"),
            ("Norvale Systems", "headquarteredIn", "Boston"),
        },
    ),
    (
        "a name the tagger calls a place, listed with two organisations, is one of them",
        "Brisk Labs raised $10 million from Halvane Ventures, Ostrander Capital, and Lake Tahoe.",
        {
            ("Halvane Ventures", "investedIn", "Brisk Labs"),
            ("Ostrander Capital", "investedIn", "Brisk Labs"),
            ("Lake Tahoe", "investedIn", "Brisk Labs"),
        },
    ),
    (
        "a place listed with a single organisation stays a place",
        "Brisk Labs raised $10 million from Halvane Ventures and Lake Tahoe.",
        {("Halvane Ventures", "investedIn", "Brisk Labs")},
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
    (
        "a participle describing a name is not under the hedge",
        "Ferngate Labs abandoned its plan to buy Tolvane-owned Brisk Orchard.",
        {("Brisk Orchard", "subsidiaryOf", "Tolvane")},
    ),
    (
        "a hedge word is no hedge of the verb coordinated with it",
        "Norvale Systems reported strong sales and acquired Brackmoor Labs.",
        {("Norvale Systems", "acquired", "Brackmoor Labs")},
    ),
    (
        "a reported profit and what the company said",
        "Norvale Systems reported a profit and said it had bought Brackmoor Labs.",
        {("Norvale Systems", "acquired", "Brackmoor Labs")},
    ),
    (
        "a report of a deal",
        "Bloomberg reported that Norvale Systems had bought Brackmoor Labs.",
        set(),
    ),
    (
        "who reports is stated: a hedge verb does not govern its subject",
        "Tallow Corp.'s parent, Harwick Inc., reported results.",
        {("Tallow Corp.", "subsidiaryOf", "Harwick Inc.")},
    ),
    (
        "but it governs a passive subject",
        "Tallow Corp.'s purchase of Quillfin Ltd. was rumoured.",
        set(),
    ),
    (
        "a negation governs the verbs coordinated with its own",
        "Norvale Systems did not buy Brackmoor Labs and sell Harwick Corp.",
        set(),
    ),
    ("unable to", "Norvale Systems was unable to buy Veyra Microdevices.", set()),
    ("unlikely to", "Norvale Systems is unlikely to acquire Veyra Microdevices.", set()),
    ("failed to", "Norvale Systems failed to buy Veyra Microdevices.", set()),
    (
        "declining to comment hedges no description",
        "Pellwood Data, based in Corrinville, declined to comment.",
        {("Pellwood Data", "headquarteredIn", "Corrinville")},
    ),
    ("no cue", "Shares of Norvale Systems rose 3 per cent in Oslo on Friday.", set()),
    (
        "a negation inside brackets denies the bracketed cue",
        "She advised Quillfin (which Norvale Systems did not acquire) on the deal.",
        set(),
    ),
]

# a cue in brackets is stated there, whatever hedges the words outside
BRACKETED = [
    (
        "whether, outside the brackets",
        "I spent years building tools, whether for Quillfin (acquired by Norvale Systems in "
        "2016) or at Brisk Labs where I worked on search.",
        {("Norvale Systems", "acquired", "Quillfin")},
    ),
    (
        "whether, outside the brackets, another verb",
        "She spent a decade in retail, whether at Quillfin (bought by Tarnix Group in 2012) or "
        "at Brisk Foods.",
        {("Tarnix Group", "acquired", "Quillfin")},
    ),
]
CASES += BRACKETED


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence_facts(
    text: str, expected: set[Triple], resolved: Callable[[str], set[Triple]], ontology: Ontology
) -> None:
    got = resolved(text)
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
    assert _file_facts(page, nlp, ontology) == {
        ("Norvale Systems", "acquired", "Marrowby"),
        ("Quillfin", "partneredWith", "Corvent Energy"),
        ("Halvane Capital", "investedIn", "Pellwood Data"),
    }


def test_a_fact_across_a_hard_line_break_is_read(
    tmp_path: Path, nlp: Language, ontology: Ontology
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Norvale to buy Brisk\n"
        "Norvale Systems said on Tuesday that it had agreed to buy\n"
        "Brisk Foods for $2 billion in cash, a deal that would give\n"
        "the software maker a foothold in retail logistics. The\n"
        "company expects the deal to close next year.\n"
    )
    assert ("Norvale Systems", "acquired", "Brisk Foods") in _file_facts(story, nlp, ontology)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Norvale Systems agrees to buy Brisk Foods",
            {("Norvale Systems", "acquired", "Brisk Foods")},
        ),
        ("Norvale Systems Agrees To Buy Brisk Foods", set()),
    ],
    ids=["sentence case is read", "title case is not"],
)
def test_a_title_in_sentence_case_is_read(
    tmp_path: Path, nlp: Language, ontology: Ontology, title: str, expected: set[Triple]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(f"{title}\n\nShares of both rose on Monday.\n")
    assert _file_facts(story, nlp, ontology) == expected


def _file_facts(path: Path, nlp: Language, ontology: Ontology) -> set[Triple]:
    """The facts extracted from one file, read as `kg build` reads it (no resolution)."""
    articles, problems = read([str(path)])
    assert not problems
    found = [f for parsed in parse(nlp, articles) for f in extract(parsed, ontology)]
    return {(f.subject.text, f.predicate, f.object.text) for f in found}


def test_a_views_plain_words_are_spacys(nlp: Language, ontology: Ontology) -> None:
    """`View.words`, `View.text` and `View.name_roots` hold what spaCy's tokens say, for every
    sentence of a paragraph, its text given or not."""
    text = (
        "Norvale Systems, a Danish packaging maker, said on Monday it had acquired Brisk Foods. "
        "  Chief executive Jane Roe (52) told Reuters the deal closed.  Its rival, Halvane "
        "Capital and Ostrander Ventures, declined to comment."
    )
    parsed = next(parse(nlp, [Article(id="t", text=text, source="test")]))
    paragraph = parsed.paragraphs[0]
    article_names, found = read_article_names(parsed.paragraphs, ontology)
    names = found[0]
    sents = list(paragraph.doc.sents)
    assert len(sents) == 3
    for sent in sents:
        for given in (paragraph.text, None):
            focus = Focus(ontology.corporate_suffixes, article_names)
            view = view_of(sent, paragraph.offset, names, ontology, focus, given)
            assert view.text == sent.text
            assert [(w.token.i, w.i, w.lower, w.lemma, w.pos, w.name) for w in view.words] == [
                (t.i, t.i, t.lower_, t.lemma_.lower(), t.pos_, names.get(t.i)) for t in sent
            ]
            roots = [(t.i, names[t.i]) for t in sent if t.i in names and t.i == names[t.i].root.i]
            assert [(t.i, name) for t, name in view.name_roots] == roots
    assert any(view_of(s, 0, names, ontology, focus).name_roots for s in sents)


@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        (
            "The round was backed by Denver, Halvane Ventures, Ostrander Capital and Marrowby "
            "Partners.",
            {"Denver"},
        ),
        (  # names the tagger calls organisations are the most of the list
            "The round was backed by Denver, Boston, Halvane Ventures and Ostrander Capital.",
            {"Denver", "Boston"},
        ),
        ("It has offices in Denver, Boston, Leeds and Halvane Ventures.", set()),
    ],
)
def test_a_place_listed_mostly_with_organisations_is_one(
    text: str, organisations: set[str], view: Callable[[str], View]
) -> None:
    found = view(text)
    hinted = {found.sent.doc[i].text for i, h in found.hints.items() if h == "Organization"}
    assert hinted == organisations


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The Northfield Analytical Institute grew. Jane Roe, an analyst at NAI, said so.",
            {"NAI", "Northfield Analytical Institute"},
        ),
        (  # written out with a corporate suffix
            "Northfield Analytical Instruments Inc. grew. Jane Roe, an analyst at NAI, said so.",
            {"NAI", "Northfield Analytical Instruments Inc."},
        ),
        (  # two names of those initials: neither
            "The Northfield Analytical Institute and Norvale Atlantic Industries met. "
            "Jane Roe, an analyst at NAI, said so.",
            {"NAI"},
        ),
        (  # two letters: too few to tell
            "Northfield Analytical grew. Jane Roe, an analyst at NA, said so.",
            {"NA"},
        ),
    ],
    ids=["one expansion", "with a suffix", "two expansions", "two letters"],
)
def test_an_acronym_is_also_called_by_the_name_it_stands_for(
    text: str, names: set[str], nlp: Language, ontology: Ontology
) -> None:
    article = Article(id="t", text=text, source="test")
    found = [f for parsed in parse(nlp, [article]) for f in extract(parsed, ontology)]
    jobs = [f for f in resolve(found, ontology).facts if f.predicate == "worksFor"]
    assert [set(f.object.names) for f in jobs] == [names]
