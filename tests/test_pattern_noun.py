"""The noun family alone: "a partnership with X", "X's acquisition of Y", "X, a unit of Y"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.patterns import Family
from kg.extract.patterns.nouns import noun_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "a product made generally available is launched",
        "Norvale Systems today announced the general availability of Tarnix.",
        {("noun-verb", "Norvale Systems", "launched", "Tarnix")},
    ),
    (
        "the availability of money launches nothing",
        "Norvale Systems said the availability of credit fell.",
        set(),
    ),
    (
        "a stake in what a named owner holds",
        "Halvane Capital holds a 30 percent stake in Brisk Orchard's hotel chain.",
        {("noun-verb", "Halvane Capital", "investedIn", "Brisk Orchard")},
    ),
    (
        "noun with, subject of the light verb",
        "Quillfin announced a partnership with Corvent Energy on Monday.",
        {("noun-verb", "Quillfin", "partneredWith", "Corvent Energy")},
    ),
    (
        "noun in",
        "Halvane Capital made a $40 million investment in Pellwood Data.",
        {("noun-verb", "Halvane Capital", "investedIn", "Pellwood Data")},
    ),
    (
        "noun of",
        "Tessaro Cloud completed its acquisition of Marrowby in May.",
        {("noun-verb", "Tessaro Cloud", "acquired", "Marrowby")},
    ),
    (
        "owner of the noun",
        "Brisk Orchard's partnership with Ferngate Labs ended in March.",
        {("noun-owner", "Brisk Orchard", "partneredWith", "Ferngate Labs")},
    ),
    (
        "purchase of shares is an investment",
        "Ostrander Ventures made its first purchase of Aldane Auto shares.",
        {("noun-verb", "Ostrander Ventures", "investedIn", "Aldane Auto")},
    ),
    (
        "unit in apposition",
        "Ferrow, a unit of Sablecrest Holdings, moves containers.",
        {("noun-described", "Ferrow", "subsidiaryOf", "Sablecrest Holdings")},
    ),
    (
        "unit after a copula",
        "Hollin Works is a subsidiary of Ferngate Labs.",
        {("noun-described", "Hollin Works", "subsidiaryOf", "Ferngate Labs")},
    ),
    (
        "part of, in apposition",
        "Hollin Works, now part of Sablecrest Holdings, makes valves.",
        {("noun-described", "Hollin Works", "subsidiaryOf", "Sablecrest Holdings")},
    ),
    (
        "part of, after a copula",
        "Hollin Works became part of Sablecrest Holdings in 2019.",
        {("noun-described", "Hollin Works", "subsidiaryOf", "Sablecrest Holdings")},
    ),
    (
        "who sells part of a firm is no part of it",
        "Brisk Orchard sold part of Hollin Works to Tolvane Robotics.",
        set(),
    ),
    (
        "who buys a unit of a firm is no unit of it",
        "Brisk Orchard bought a unit of Hollin Works from Tolvane Robotics.",
        set(),
    ),
    (
        "one of the suppliers to a firm, after a copula",
        "Halvane Capital is one of the largest suppliers to Brisk Orchard.",
        {("noun-verb", "Halvane Capital", "supplies", "Brisk Orchard")},
    ),
    (
        "a rival taken from, past an adverb",
        "Brisk Orchard, which has won customers away from rival Tolvane Robotics, plans to expand.",
        {("noun-verb", "Brisk Orchard", "competesWith", "Tolvane Robotics")},
    ),
    (
        "taken from a firm that is no rival",
        "Brisk Orchard has won customers away from Tolvane Robotics.",
        set(),
    ),
    (
        "names set off by commas after a role noun, parsed as coordinated with it",
        "Brisk Orchard said its rivals, Halvane Capital and Tolvane Partners, cut prices.",
        {
            ("noun-owner", "Brisk Orchard", "competesWith", "Halvane Capital"),
            ("noun-owner", "Brisk Orchard", "competesWith", "Tolvane Partners"),
            ("noun-described", "Halvane Capital", "competesWith", "Brisk Orchard"),
        },
    ),
    (
        "a name coordinated with a role noun's own conjunction",
        "Brisk Orchard said its rivals, suppliers and Halvane Capital would gain.",
        set(),
    ),
    (
        "a name before an acquisition of a named firm is the buyer, not the one bought",
        "The Tolvane Robotics acquisition of Brisk Orchard closed in May.",
        {("noun-owner", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "a name before an acquisition with no object after it is the one bought",
        "Halvane Capital announced a Brisk Orchard acquisition.",
        {("noun-verb", "Halvane Capital", "acquired", "Brisk Orchard")},
    ),
    (
        "a rival that is the subject of a clause hung on another's verb",
        "Brisk Orchard Inc. will open 40 stores, while competitors Tolvane Inc. and Ferrow Corp. "
        "will close 20.",
        {
            ("noun-verb", "Brisk Orchard Inc.", "competesWith", "Tolvane Inc."),
            ("noun-verb", "Brisk Orchard Inc.", "competesWith", "Ferrow Corp."),
        },
    ),
    (
        "a rival in a clause a person's verb takes is no rival of the person",
        "Jane Roe said rival Tolvane Inc. would struggle.",
        set(),
    ),
    (
        "a memorandum of understanding with a firm",
        "Quillfin signed a memorandum of understanding with Corvent Energy on Monday.",
        {("noun-verb", "Quillfin", "partneredWith", "Corvent Energy")},
    ),
    (
        "an understanding of a firm is no agreement with it",
        "Quillfin showed a deep understanding of Corvent Energy's market.",
        set(),
    ),
    (
        "a price war with a rival",
        "Quillfin started a price war with Corvent Energy.",
        {("noun-verb", "Quillfin", "competesWith", "Corvent Energy")},
    ),
    (
        "a fight against no firm",
        "Quillfin joined the fight against climate change.",
        set(),
    ),
    (
        "inverse noun",
        "Ferngate Labs is the parent of Hollin Works.",
        {("noun-described", "Hollin Works", "subsidiaryOf", "Ferngate Labs")},
    ),
    (
        "portfolio company",
        "Duskfield Analytics is a portfolio company of Halvane Capital.",
        {("noun-described", "Halvane Capital", "investedIn", "Duskfield Analytics")},
    ),
    (
        "rival before a name",
        "Ferngate Labs rival Hollin Works cut prices.",
        {("noun-described", "Hollin Works", "competesWith", "Ferngate Labs")},
    ),
    (
        "acquisition by",
        "The acquisition of Brisk Orchard by Tolvane Robotics closed.",
        {("noun-agent", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "rivals are not rivals of each other",
        "The launch puts Norvale in direct competition with Veyra and Solenne Foundry, both of "
        "which sell pricier chips.",
        {
            ("noun-verb", "Norvale", "competesWith", "Veyra"),
            ("noun-verb", "Norvale", "competesWith", "Solenne Foundry"),
        },
    ),
    (
        "parties of a partnership",
        "Ostrander Motors and Kaida Robotics said they had formed a partnership.",
        {("noun-pair", "Ostrander Motors", "partneredWith", "Kaida Robotics")},
    ),
    (
        "the one acquired owns the acquisition",
        "Brisk Orchard's acquisition by Tolvane Robotics closed on Monday.",
        {("noun-agent", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "the parties of a symmetric relation",
        "The partnership between Ostrander Motors and Ferngate Labs was signed on Monday.",
        {("noun-between", "Ostrander Motors", "partneredWith", "Ferngate Labs")},
    ),
    (
        "an investment's owner is its investee when an agent is given",
        "Brisk Orchard's investment by Pendle Ventures was announced.",
        {("noun-agent", "Pendle Ventures", "investedIn", "Brisk Orchard")},
    ),
    (
        "a role noun's own name before it, its owner the parent",
        "Ostrander Motors sold its Kestrel division last year.",
        {("noun-owner", "Kestrel", "subsidiaryOf", "Ostrander Motors")},
    ),
    (
        "a relation noun's name before it is the other party",
        "Tolvane Robotics' Ferngate acquisition closed on Monday.",
        {("noun-owner", "Tolvane Robotics", "acquired", "Ferngate")},
    ),
    (
        "a rival named as a verb's object rivals the verb's subject",
        "Norvale Systems sued rival Brisk Foods over a patent.",
        {("noun-verb", "Norvale Systems", "competesWith", "Brisk Foods")},
    ),
    (
        "a rival named as the owner of a verb's object",
        "Norvale Systems agreed to buy rival Brisk Foods' European stores.",
        {("noun-verb", "Norvale Systems", "competesWith", "Brisk Foods")},
    ),
    (
        "a rival noun's examples rival the clause's subject",
        "Norvale Systems lost players to console rivals like Quillon maker Ferngate Labs and"
        " Kestrel maker Brisk Foods.",
        {
            ("noun-verb", "Norvale Systems", "competesWith", "Ferngate Labs"),
            ("noun-verb", "Norvale Systems", "competesWith", "Brisk Foods"),
            ("noun-described", "Ferngate Labs", "developed", "Quillon"),
            ("noun-described", "Brisk Foods", "developed", "Kestrel"),
        },
    ),
    (
        "taking control of a company",
        "Norvale Systems took control of Brisk Foods in 2019.",
        {("noun-verb", "Norvale Systems", "acquired", "Brisk Foods")},
    ),
    (
        "coordinated subjects called rivals",
        "Veyra and Norvale are fierce competitors.",
        {("noun-pair", "Veyra", "competesWith", "Norvale")},
    ),
    (
        "place cue noun whose place the parser hangs on the verb",
        "Norvale Systems set up a factory in Vietnam.",
        {("noun-verb", "Norvale Systems", "operatesIn", "Vietnam")},
    ),
    (
        "joint venture in a place",
        "Norvale Systems formed a joint venture in India.",
        {("noun-verb", "Norvale Systems", "operatesIn", "India")},
    ),
    (
        "headquarters moved to a place",
        "Brisk Foods moved its headquarters to Denver.",
        {("noun-verb", "Brisk Foods", "headquarteredIn", "Denver")},
    ),
    (
        "sales in a place",
        "Norvale Systems said its sales in Japan rose.",
        {("noun-owner", "Norvale Systems", "operatesIn", "Japan")},
    ),
    (
        "a place cue noun as the subject of a passive verb",
        "The plant in Ohio is operated by Norvale Systems.",
        {("noun-agent", "Norvale Systems", "operatesIn", "Ohio")},
    ),
    (
        "bought a majority of a firm's shares: bought the firm",
        "Norvale Systems bought a 60% stake in Brisk Foods.",
        {("noun-verb", "Norvale Systems", "acquired", "Brisk Foods")},
    ),
    (
        "the acquisition of a controlling stake",
        "Aldane Mining completed the acquisition of a controlling stake in Brisk Copper.",
        {("noun-verb", "Aldane Mining", "acquired", "Brisk Copper")},
    ),
    (
        "a minority stake bought is an investment",
        "Norvale Systems bought a 10% stake in Brisk Foods.",
        {("noun-verb", "Norvale Systems", "investedIn", "Brisk Foods")},
    ),
    (
        "a majority stake held, not bought, is an investment",
        "Norvale Systems holds a majority stake in Brisk Foods.",
        {("noun-verb", "Norvale Systems", "investedIn", "Brisk Foods")},
    ),
    (
        "the agent the parser hangs on the noun's object",
        "The launch of the Kestrel X2 drone by Norvale Systems surprised analysts.",
        {("noun-agent", "Norvale Systems", "launched", "Kestrel X2")},
    ),
    (
        "an adverb on the cue noun takes the cue's preposition again",
        "Quillfin has 200 stores in Mexico and others elsewhere in Latin America.",
        {
            ("noun-verb", "Quillfin", "operatesIn", "Mexico"),
            ("noun-verb", "Quillfin", "operatesIn", "Latin America"),
        },
    ),
    (
        "the plants of heavy industry are presence",
        "Halden Steel runs a steel mill in Ohio.",
        {("noun-verb", "Halden Steel", "operatesIn", "Ohio")},
    ),
    (
        "a licence in a place is presence",
        "Tarnix Mobile won a licence in Myanmar.",
        {("noun-verb", "Tarnix Mobile", "operatesIn", "Myanmar")},
    ),
    (
        "fabs a plural pronoun owns",
        "Quillfin and Tarnix use Brisk testers at their fabs in Taiwan.",
        {
            ("noun-verb", "Quillfin", "operatesIn", "Taiwan"),
            ("noun-verb", "Tarnix", "operatesIn", "Taiwan"),
        },
    ),
    (
        "a partitive in apposition to a name describes the name",
        "Halvane Bank, one of the largest lenders in Ontario, cut its rates.",
        {("noun-described", "Halvane Bank", "operatesIn", "Ontario")},
    ),
    (
        "a partitive in apposition, a symmetric cue",
        "Quillfin, one of the biggest rivals of Tarnix, cut prices.",
        {("noun-described", "Quillfin", "competesWith", "Tarnix")},
    ),
    # nothing to read
    (
        "a partitive in apposition to no name describes nothing",
        "The group, one of the largest lenders in Ontario, cut its rates.",
        set(),
    ),
    ("a plant no organisation runs", "The refinery in Texas closed after the storm.", set()),
    ("one firm called a rival of no one", "Veyra is a fierce competitor.", set()),
    ("control of no one named", "Norvale Systems regained control of its costs.", set()),
    (
        "examples of a rival noun with no one to rival",
        "Rivals such as Ferngate Labs cut prices.",
        set(),
    ),
    (
        "a capitalised cue word is part of a name",
        "Norvale Systems joined the Ferngate Partner Program last year.",
        set(),
    ),
    ("a rival of no one named", "Brisk Foods sued its rival over a patent.", set()),
    ("no parties", "The partnership ended quietly in March.", set()),
    ("one party", "The partnership between Ostrander Motors and its staff ended.", set()),
    (
        "between is not a party of what is not symmetric",
        "The acquisition of Brisk Orchard was agreed between Tolvane Robotics and Ferngate Labs.",
        set(),
    ),
    ("shares of no name", "Ferngate Labs' shares fell on Monday.", set()),
    ("a verb's cue is not a noun's", "Tolvane Robotics acquired Brisk Orchard last spring.", set()),
    (
        "where a participle cue puts the firm is not where the noun does",
        "Quillfin bought Brisk Foods, a company based in New Jersey.",
        set(),
    ),
    ("a place is no maker", "Japan's chip maker Veyra Microdevices cut prices.", set()),
    (
        "the vendor's name on a customer's equipment",
        "Brisk Telecom's Norvale gear will be removed.",
        {("noun-owner", "Norvale", "supplies", "Brisk Telecom")},
    ),
    (
        "a maker noun describes only the name right after it",
        "It lost players to rivals like Quillon maker Ferngate Labs and Kestrel maker Norvale"
        " Systems.",
        {
            ("noun-described", "Ferngate Labs", "developed", "Quillon"),
            ("noun-described", "Norvale Systems", "developed", "Kestrel"),
        },
    ),
    ("equipment with no vendor named", "Brisk Telecom's network gear will be removed.", set()),
    (
        "a product named before the product noun a cue takes",
        "Norvale Systems, the maker of Quillon phones, said sales rose.",
        {("noun-described", "Norvale Systems", "developed", "Quillon")},
    ),
    ("a term is no product's name", "Norvale Systems is the biggest maker of AI chips.", set()),
    # a firm's move to, reliance on or licence of a technology: it uses it
    (
        "a migration to a technology",
        "Brisk Foods completed its migration to Kestrel DB in May.",
        {("noun-verb", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "a switch to a technology",
        "Brisk Foods announced a switch to Kestrel DB.",
        {("noun-verb", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "a reliance on a technology",
        "Brisk Foods's reliance on Kestrel DB has grown.",
        {("noun-owner", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "a licensee of a technology",
        "Brisk Foods is a licensee of Kestrel DB.",
        {("noun-described", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "the implementation of a technology",
        "Brisk Foods began the implementation of Kestrel DB in March.",
        {("noun-verb", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "a named phone with a chip",
        "The Quillo phone with the Zentra X9 chip costs $400.",
        {("noun-owner", "Quillo", "uses", "Zentra X9")},
    ),
    (
        "a phone with a chip, in apposition",
        "The Quillo, a phone with the Zentra X9 chip, costs $400.",
        {("noun-described", "Quillo", "uses", "Zentra X9")},
    ),
    (
        "an unnamed phone with a chip",
        "Norvale unveiled a new laptop with the Zentra X9 chip.",
        set(),
    ),
    (
        "an owner's acquisition, described: the owner acquired it",
        "Brisk Foods, Norvale's latest acquisition, opened a store.",
        {("noun-described", "Norvale", "acquired", "Brisk Foods")},
    ),
    (
        "an owner's purchase after a copula: the owner bought it",
        "Brisk Foods is Norvale's biggest purchase so far.",
        {("noun-described", "Norvale", "acquired", "Brisk Foods")},
    ),
    (
        "an owner's supplier, described: it supplies the owner",
        "Brisk Foods, Norvale's main supplier, grew.",
        {("noun-described", "Brisk Foods", "supplies", "Norvale")},
    ),
    (
        "an owner's stake with its preposition",
        "Norvale's stake in Brisk Foods rose.",
        {("noun-owner", "Norvale", "investedIn", "Brisk Foods")},
    ),
    (
        "an owner's acquisition with its preposition",
        "Norvale's acquisition of Brisk Foods closed.",
        {("noun-owner", "Norvale", "acquired", "Brisk Foods")},
    ),
    (
        "an owner's deal without the cue's preposition",
        "Norvale's deal for Brisk Foods was approved.",
        set(),
    ),
    (
        "an owner's stake without the cue's preposition",
        "Norvale's stake was sold to Brisk Foods.",
        set(),
    ),
    (
        "a supplier before a name whose owner it supplies",
        "Norvale said its supplier Brisk Components would raise prices.",
        {("noun-described", "Brisk Components", "supplies", "Norvale")},
    ),
    (
        "a parent before a name: the owner of the name is the unit",
        "Norvale Systems's parent Ferrow Group cut jobs.",
        {("noun-described", "Norvale Systems", "subsidiaryOf", "Ferrow Group")},
    ),
    (
        "a relational word inside a name is part of the name",
        "With its Hardware Partner Program, Norvale Systems trains firms.",
        set(),
    ),
    (
        "an order placed with a firm: it supplies the one placing it",
        "Ferngate Labs placed an order with Norvale Systems.",
        {("noun-verb", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "a transition to a technology",
        "Brisk Foods completed its transition to Kestrel DB.",
        {("noun-verb", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "a migration with no named target",
        "Brisk Foods completed its migration to the cloud.",
        set(),
    ),
    (
        "a date on the verb is no place of the noun",
        "Norvale Systems set up a factory in March.",
        set(),
    ),
    (
        "the agent of a passive verb is no party to a deal noun it takes",
        "The acquisition of Brisk Foods was approved by Norvale Systems.",
        set(),
    ),
    (
        "headquarters sold to a firm is no place",
        "Norvale Systems sold its headquarters to Brisk Foods.",
        set(),
    ),
    (
        "a named person speaking from a firm's place says where the firm is",
        "Jane Roe, an engineer, spoke from Norvale Systems' headquarters in Harwick.",
        {("noun-owner", "Norvale Systems", "headquarteredIn", "Harwick")},
    ),
    (
        "the launch of an owner's named product: the owner launched it",
        "The launch of Norvale's Kestrel 7 drew crowds.",
        {("noun-owner", "Norvale", "launched", "Kestrel 7")},
    ),
    (
        "the takeover of an owner's firm is no takeover by the owner",
        "The takeover of Norvale's Brisk Labs closed.",
        set(),
    ),
    (
        "a longer cue on the same noun is the one meant",
        "Norvale Systems announced a supply deal with Brisk Auto.",
        {("noun-verb", "Norvale Systems", "supplies", "Brisk Auto")},
    ),
    (
        "outlets a firm has in a place, whatever brand they bear, are its own",
        "Halden Retail has 140 Brisk outlets in Ostravia.",
        {("noun-verb", "Halden Retail", "operatesIn", "Ostravia")},
    ),
    (
        "a brand's outlets named without an owner stay the brand's",
        "The Brisk stores in Ostravia are busy.",
        {("noun-owner", "Brisk", "operatesIn", "Ostravia")},
    ),
    (
        "an owned rival a verb takes is the owner's rival, not the subject's",
        "Norvale Systems invested in Brisk Labs' rival Ferrow Mobile.",
        {("noun-described", "Ferrow Mobile", "competesWith", "Brisk Labs")},
    ),
    (
        "an owner's unit named in apposition is the unit, not the owner",
        "Norvale Systems' sensor unit, Brisk Labs, grew fast.",
        {
            ("noun-owner", "Brisk Labs", "subsidiaryOf", "Norvale Systems"),
            ("noun-described", "Brisk Labs", "subsidiaryOf", "Norvale Systems"),
        },
    ),
    (
        "an owner's parent named in apposition owns the owner",
        "Norvale Systems' parent, Ferrow Holdings, grew fast.",
        {
            ("noun-owner", "Norvale Systems", "subsidiaryOf", "Ferrow Holdings"),
            ("noun-described", "Norvale Systems", "subsidiaryOf", "Ferrow Holdings"),
        },
    ),
    (
        "the one a verb puts in competition with a named rival",
        "The new chip places Norvale Systems in competition with Brisk Mobile.",
        {("noun-verb", "Norvale Systems", "competesWith", "Brisk Mobile")},
    ),
    (
        "firms a verb puts with unnamed partners are no pair",
        "Halden Telecom chose to replace Brisk Mobile and Ferrow Labs with new network partners.",
        set(),
    ),
    (
        "a cue's preposition hung on the verb that takes the noun",
        "Brisk Motors received an order from Norvale Systems for 20 trucks.",
        {("noun-verb", "Brisk Motors", "supplies", "Norvale Systems")},
    ),
    (
        "the verb's preposition before the noun is not the noun's",
        "With Norvale Systems, Brisk Motors signed a deal.",
        set(),
    ),
    (
        "the verb's preposition takes no name",
        "Brisk Motors won an order from a local carmaker.",
        set(),
    ),
    (
        "headquarters then a place, the place hung on the phrase before",
        "At a hearing at Norvale headquarters in nearby Harwick, Jane Roe said sales rose.",
        {("noun-owner", "Norvale", "headquarteredIn", "Harwick")},
    ),
    (
        "the company headquarters: the organisation the definite phrase stands for",
        "A visitor looks at a display in the Norvale museum at the company headquarters in Idaho.",
        {("noun-owner", "Norvale", "headquarteredIn", "Idaho")},
    ),
    (
        "a company headquarters: no organisation in particular",
        "A visitor looks at a display in the Norvale museum at a company headquarters in Idaho.",
        set(),
    ),
    (
        "a firm's name before headquarters is no place",
        "At a briefing at Brisk headquarters, Jane Roe said sales rose.",
        set(),
    ),
    (
        "a kind of firm in a place does business there",
        "Ostrava Foods is the largest grocer in Texas.",
        {("noun-described", "Ostrava Foods", "operatesIn", "Texas")},
    ),
    (
        "what a firm runs in a place",
        "Pellwood Mining has projects in Peru and Chile.",
        {
            ("noun-verb", "Pellwood Mining", "operatesIn", "Peru"),
            ("noun-verb", "Pellwood Mining", "operatesIn", "Chile"),
        },
    ),
    (
        "places given as examples of the place, hung on the noun",
        "Norvale Systems has operations in Latin America, including Brazil and Chile.",
        {
            ("noun-verb", "Norvale Systems", "operatesIn", "Latin America"),
            ("noun-verb", "Norvale Systems", "operatesIn", "Brazil"),
            ("noun-verb", "Norvale Systems", "operatesIn", "Chile"),
        },
    ),
    (
        "a place given as an example with its own preposition",
        "Norvale Systems has offices in Europe, including in Spain.",
        {
            ("noun-verb", "Norvale Systems", "operatesIn", "Europe"),
            ("noun-verb", "Norvale Systems", "operatesIn", "Spain"),
        },
    ),
    (
        "places given as examples right after the place, the parser hanging them elsewhere",
        "The pact with Norvale, which has large operations in Scandinavia, including Iceland, "
        "starts in May.",
        {
            ("noun-verb", "Norvale", "operatesIn", "Scandinavia"),
            ("noun-verb", "Norvale", "operatesIn", "Iceland"),
        },
    ),
    (
        "a place in an example that is no place is none of the firm's",
        "Norvale Systems has offices in Idaho, including staff from Vermont.",
        {("noun-verb", "Norvale Systems", "operatesIn", "Idaho")},
    ),
    (
        "an example that is no place is no place of the firm",
        "Norvale Systems has offices in Europe, including a new one in Brisk Foods' old site.",
        {("noun-verb", "Norvale Systems", "operatesIn", "Europe")},
    ),
    (
        "deliveries to a customer",
        "Norvale Systems resumed deliveries to Brisk Air.",
        {("noun-verb", "Norvale Systems", "supplies", "Brisk Air")},
    ),
    (
        "whom a firm serves across places",
        "Norvale Pay has 2 million users across Kenya and Ghana.",
        {
            ("noun-verb", "Norvale Pay", "operatesIn", "Kenya"),
            ("noun-verb", "Norvale Pay", "operatesIn", "Ghana"),
        },
    ),
    (
        "clients in a place",
        "Norvale Pay has clients in Kenya.",
        {
            ("noun-verb", "Norvale Pay", "operatesIn", "Kenya"),
        },
    ),
    (
        "the clients' lawyers are not the clients",
        "Norvale Pay hired clients' lawyers in Kenya.",
        set(),
    ),
    (
        "stores throughout places",
        "Brisk Foods has stores throughout Mexico and Peru.",
        {
            ("noun-verb", "Brisk Foods", "operatesIn", "Mexico"),
            ("noun-verb", "Brisk Foods", "operatesIn", "Peru"),
        },
    ),
    (
        "a footprint across a place",
        "Norvale Bank has a footprint across Africa.",
        {("noun-verb", "Norvale Bank", "operatesIn", "Africa")},
    ),
    (
        "the use of a named maker's product",
        "Norvale Systems' use of Tarnix Corp's chips grew.",
        {("noun-owner", "Norvale Systems", "uses", "Tarnix Corp")},
    ),
    (
        "a user of a product made by a named maker",
        "Norvale Systems is a big user of chips made by Tarnix Corp.",
        {("noun-described", "Norvale Systems", "uses", "Tarnix Corp.")},
    ),
    (
        "the launch of a named maker's product is no use",
        "The launch of Tarnix Corp's chips was delayed.",
        set(),
    ),
    (
        "the startup behind a product",
        "Norvale Systems, the startup behind Quillbot, raised $5 million.",
        {("noun-described", "Norvale Systems", "developed", "Quillbot")},
    ),
    (
        "the company behind a product, after a copula",
        "Norvale Systems is the company behind the Quillbot chatbot.",
        {("noun-described", "Norvale Systems", "developed", "Quillbot")},
    ),
    (
        "a company with nothing behind it",
        "Norvale Systems is a company that Brisk Inc bought.",
        set(),
    ),
    (
        "an order for a product: the buyer uses it",
        "Norvale Air has placed an order for 20 Kestrel 9 jets.",
        {("noun-verb", "Norvale Air", "uses", "Kestrel 9")},
    ),
    (
        "an order for a product, owned",
        "Norvale Air's order for the Kestrel 9 was delayed.",
        {("noun-owner", "Norvale Air", "uses", "Kestrel 9")},
    ),
    (
        "an order for what is unnamed",
        "Norvale Air has placed an order for 20 jets.",
        set(),
    ),
    (
        "sales to a customer: supplying it",
        "Tallow Corp.'s sales to Quillfin Ltd. rose.",
        {("noun-owner", "Tallow Corp.", "supplies", "Quillfin Ltd.")},
    ),
    (
        "the sale of a business to a buyer: the buyer acquired it",
        "Harwick Inc. completed the sale of Quillfin Ltd. to Tallow Corp.",
        {("noun-verb", "Tallow Corp.", "acquired", "Quillfin Ltd.")},
    ),
    (
        "a business's own sale to a buyer",
        "Quillfin Ltd.'s sale to Tallow Corp. closed on Monday.",
        {("noun-verb", "Tallow Corp.", "acquired", "Quillfin Ltd.")},
    ),
    (
        "the sale of an unnamed part of a business: no supplying",
        "Harwick Inc. announced the sale of its chip unit to Tallow Corp.",
        set(),
    ),
    (
        "a place the clause on it opens with where",
        "Brazil, where Tallow Corp. has 40 stores, grew fast.",
        {("noun-verb", "Tallow Corp.", "operatesIn", "Brazil")},
    ),
    (
        "where on what is no place",
        "The fair, where Tallow Corp. has 40 stands, grew fast.",
        set(),
    ),
    (
        "a noun cue the tokenizer split at its hyphen",
        "Tallow Corp. announced a tie-up with Quillfin Ltd. on Monday.",
        {("noun-verb", "Tallow Corp.", "partneredWith", "Quillfin Ltd.")},
    ),
    (
        "and its plural",
        "Tallow Corp.'s tie-ups with Quillfin Ltd. and Harwick Inc. drew attention.",
        {
            ("noun-owner", "Tallow Corp.", "partneredWith", "Quillfin Ltd."),
            ("noun-owner", "Tallow Corp.", "partneredWith", "Harwick Inc."),
        },
    ),
    (
        "a word after a spaced dash is no part of a hyphened noun",
        "Tallow Corp. announced a tie - up with Quillfin Ltd. on Monday.",
        set(),
    ),
    (
        "the noun's preposition after its agent, however hung",
        "The investment by Tallow Corp. in Quillfin Ltd. paid off.",
        {("noun-agent", "Tallow Corp.", "investedIn", "Quillfin Ltd.")},
    ),
    (
        "an agent's own preposition of another kind is not the noun's",
        "The investment by Tallow Corp. of Harwick paid off.",
        set(),
    ),
    (
        "the A and B partnership, which the parser joins wrongly",
        "Regulators will investigate the Tallow Corp. and Harwick Inc. partnership.",
        {("noun-pair", "Tallow Corp.", "partneredWith", "Harwick Inc.")},
    ),
    (
        "the A and B partnership, parsed right",
        "The Tallow Corp. and Harwick Inc. partnership began in May.",
        {("noun-pair", "Tallow Corp.", "partneredWith", "Harwick Inc.")},
    ),
    (
        "A and the B partnership: A is no party",
        "Tallow Corp. and the Harwick Inc. partnership were discussed.",
        set(),
    ),
    (
        "a singular apposition after coordinated names describes the nearest",
        "Harwick Inc. and Quillfin Ltd. — a subsidiary of Tallow Corp. — are the largest "
        "operators.",
        {("noun-described", "Quillfin Ltd.", "subsidiaryOf", "Tallow Corp.")},
    ),
    (
        "a plural one describes them all",
        "Harwick Inc. and Quillfin Ltd., both subsidiaries of Tallow Corp., are large.",
        {
            ("noun-described", "Harwick Inc.", "subsidiaryOf", "Tallow Corp."),
            ("noun-described", "Quillfin Ltd.", "subsidiaryOf", "Tallow Corp."),
        },
    ),
    (
        "rivals of a third are not rivals of each other",
        "Harwick Inc. and Quillfin Ltd., two rivals of Tallow Corp., are large.",
        {
            ("noun-described", "Harwick Inc.", "competesWith", "Tallow Corp."),
            ("noun-described", "Quillfin Ltd.", "competesWith", "Tallow Corp."),
        },
    ),
    (
        "rivals with no third are rivals of each other",
        "Harwick Inc. and Quillfin Ltd. are rivals.",
        {("noun-pair", "Harwick Inc.", "competesWith", "Quillfin Ltd.")},
    ),
    (
        "an apposition describes the name set off right before it, wherever the parser hangs it",
        "Analysts cited it as a potential rival to Tallow Corp., the company behind the Zentro X1.",
        {("noun-described", "Tallow Corp.", "developed", "Zentro X1")},
    ),
    (
        "a bracketed ticker is no party listed between two names",
        "Tallow Corp. (NYSE: TLW) and Harwick Inc. (NASDAQ: HRW) announced a partnership.",
        {("noun-pair", "Tallow Corp.", "partneredWith", "Harwick Inc.")},
    ),
    (
        "the names coordinated before a partnership are its parties, not the verb's subject's",
        "The regulator would examine the Google and Samsung partnership.",
        {("noun-pair", "Google", "partneredWith", "Samsung")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_noun_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(noun_candidates, text) == expected


def test_reference_owner_over_a_person_subject(
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "Jane Roe spoke from the company's headquarters in P": the company is there, not she."""
    found = resolved(
        "Norvale Systems reported a profit. "
        "Its chief executive Jane Roe spoke from the company's headquarters in Harwick."
    )
    assert ("Norvale Systems", "headquarteredIn", "Harwick") in found
    assert not any(s == "Jane Roe" and p == "headquarteredIn" for s, p, _ in found)
