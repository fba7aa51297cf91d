"""The verb family alone: "X launched Y", "Y was unveiled by X", "A and B teamed up"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract import View
from kg.extract.patterns import Family
from kg.extract.patterns.verbs import verb_candidates

Reading = tuple[str, str, str, str]  # pattern, subject, predicate, object

CASES: list[tuple[str, str, set[Reading]]] = [
    (
        "a counted group's named examples",
        "Brisk Foods, which owns a variety of restaurant chains, including Ferrow Grill and "
        "Marrowby, plans a sale.",
        {
            ("verb", "Ferrow Grill", "subsidiaryOf", "Brisk Foods"),
            ("verb", "Marrowby", "subsidiaryOf", "Brisk Foods"),
        },
    ),
    (
        "the subject of an adjective's complement: who is proud to partner partners",
        "Norvale Systems is proud to partner with Veyra Microdevices.",
        {("verb", "Norvale Systems", "partneredWith", "Veyra Microdevices")},
    ),
    (
        "and who is eager to expand expands",
        "Norvale Systems is eager to expand into Brazil.",
        {("verb", "Norvale Systems", "operatesIn", "Brazil")},
    ),
    (
        "a counted group with an unnamed member",
        "Halvane acquired a number of stakes in 2021.",
        set(),
    ),
    (
        "the named owner of what is supplied to",
        "Tessaro will supply 300 turbines to Ferrow Energy's planned wind farms.",
        {("verb", "Tessaro", "supplies", "Ferrow Energy")},
    ),
    (
        "an organisation's part is not the organisation",
        "Tessaro will sell its sensors to Ferrow Energy's lighting unit.",
        set(),
    ),
    (
        "a relative clause on the place that says where a name is",
        "Brisk Holdings Inc. of Dunmore, Lackawanna County, which owns Brisk Savings Bank, "
        "and Ferrow Bank announced a merger on Tuesday.",
        {("verb", "Brisk Savings Bank", "subsidiaryOf", "Brisk Holdings Inc.")},
    ),
    (
        "a relative clause on a place alone",
        "The new plant is in Lackawanna County, which owns Brisk Savings Bank.",
        {("verb", "Brisk Savings Bank", "subsidiaryOf", "Lackawanna County")},
    ),
    (
        "a product delivered to its user",
        "So far, 40 Kestrel 300 jets have been delivered to Norvale Air.",
        {
            ("verb-passive", "Kestrel 300", "supplies", "Norvale Air"),
            ("verb-passive", "Norvale Air", "uses", "Kestrel 300"),
        },
    ),
    (
        "a participle on what a copula says its subject is",
        "Tarnix Corp is a Tampere-based company founded by Lia Brandt in 2019.",
        {
            ("verb-passive", "Lia Brandt", "founderOf", "Tarnix Corp"),
            ("verb-passive", "Tarnix Corp", "headquarteredIn", "Tampere"),
        },
    ),
    (
        "a participle on a noun no copula predicates",
        "A Tampere-based company founded by Lia Brandt bought Tarnix Corp.",
        set(),
    ),
    (
        "the firm a copula puts behind a product",
        "Norvale Inc is behind the Vela X2 model.",
        {("verb", "Norvale Inc", "developed", "Vela X2")},
    ),
    (
        "behind with no name",
        "The Vela X2 model is behind schedule, Norvale Inc said.",
        set(),
    ),
    (
        "active verb",
        "Norvale Systems launched the Tarnix-7 accelerator on Tuesday.",
        {("verb", "Norvale Systems", "launched", "Tarnix-7")},
    ),
    (
        "active verb, new names",
        "Tolvane Robotics acquired Brisk Orchard last spring.",
        {("verb", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "passive verb",
        "The Corvo X2 handset was unveiled by Brightmoor Labs in Berlin.",
        {("verb-passive", "Brightmoor Labs", "launched", "Corvo X2")},
    ),
    (
        "passive with agent",
        "Hollin Works was bought by Ferngate Labs in May.",
        {("verb-passive", "Ferngate Labs", "acquired", "Hollin Works")},
    ),
    (
        "phrasal verb",
        "Quillfin teamed up with Harrowgate Thermal to cool its servers.",
        {("verb", "Quillfin", "partneredWith", "Harrowgate Thermal")},
    ),
    (
        "verb with preposition",
        "Halvane Capital invested $40 million in Pellwood Data.",
        {("verb", "Halvane Capital", "investedIn", "Pellwood Data")},
    ),
    (
        "passive founder",
        "Brightmoor Labs was founded in 2021 by Priya Natarajan.",
        {("verb-passive", "Priya Natarajan", "founderOf", "Brightmoor Labs")},
    ),
    (
        "inverse verb",
        "Sablecrest Holdings owns Ferrow, a shipping line.",
        {("verb", "Ferrow", "subsidiaryOf", "Sablecrest Holdings")},
    ),
    (
        "inverse hiring",
        "Ferngate Labs has hired Marta Quell.",
        {("verb", "Marta Quell", "worksFor", "Ferngate Labs")},
    ),
    (
        "facility in a place",
        "Arkwell Compute opened a new data centre in Finland.",
        {("verb", "Arkwell Compute", "operatesIn", "Finland")},
    ),
    (
        "backed by two",
        "Kavrio Pay, which is backed by Banco Ferrazul and by Orlin Capital, grew.",
        {
            ("verb-passive", "Banco Ferrazul", "investedIn", "Kavrio Pay"),
            ("verb-passive", "Orlin Capital", "investedIn", "Kavrio Pay"),
        },
    ),
    (
        "based in",
        "Marrowby, a Leeds-based software maker, hired 40 engineers.",
        {("verb-passive", "Marrowby", "headquarteredIn", "Leeds")},
    ),
    (
        "three objects",
        "Norvale Systems now competes with Veyra Microdevices, Solenne Foundry and Arkwell.",
        {
            ("verb", "Norvale Systems", "competesWith", "Veyra Microdevices"),
            ("verb", "Norvale Systems", "competesWith", "Solenne Foundry"),
            ("verb", "Norvale Systems", "competesWith", "Arkwell"),
        },
    ),
    (
        "examples after like",
        "Corvent Energy supplies carmakers like Orrin Motors and Aldane Auto.",
        {
            ("verb", "Corvent Energy", "supplies", "Orrin Motors"),
            ("verb", "Corvent Energy", "supplies", "Aldane Auto"),
        },
    ),
    (
        "two subjects",
        "Samsung and SK Hynix will invest in Rebellions.",
        {
            ("verb", "Samsung", "investedIn", "Rebellions"),
            ("verb", "SK Hynix", "investedIn", "Rebellions"),
        },
    ),
    (
        "deal to acquire",
        "Norvale Systems signed a deal to acquire Marrowby for $90 million.",
        {("verb", "Norvale Systems", "acquired", "Marrowby")},
    ),
    (
        "light verb with into",
        "Microsoft has pledged to put $4 billion into Quillfin.",
        {("verb", "Microsoft", "investedIn", "Quillfin")},
    ),
    (
        "passive with agent and a place",
        "Klarna, the Stockholm-based firm, was acquired by Adyen.",
        {
            ("verb-passive", "Adyen", "acquired", "Klarna"),
            ("verb-passive", "Klarna", "headquarteredIn", "Stockholm"),
        },
    ),
    (
        "versioned product",
        "Meta released Llama 3, its latest open-source model, in April.",
        {("verb", "Meta", "launched", "Llama 3")},
    ),
    (
        "money before the preposition",
        "Microsoft has invested $13 billion in OpenAI since 2019.",
        {("verb", "Microsoft", "investedIn", "OpenAI")},
    ),
    (
        "capitalised modifier",
        "Mistral AI was founded in 2023 by Arthur Mensch and Guillaume Lample.",
        {
            ("verb-passive", "Arthur Mensch", "founderOf", "Mistral AI"),
            ("verb-passive", "Guillaume Lample", "founderOf", "Mistral AI"),
        },
    ),
    (
        "coordinated partners",
        "Norvale and Quillfin teamed up last year.",
        {("verb-pair", "Norvale", "partneredWith", "Quillfin")},
    ),
    (
        "version with a word",
        "Lumora Labs unveiled the Orbit 2 Pro on Tuesday.",
        {("verb", "Lumora Labs", "launched", "Orbit 2 Pro")},
    ),
    (
        "object of a relative clause",
        "Norvale showed the Tarnix-9, a faster chip that the company introduced in May.",
        {("verb", "Norvale", "launched", "Tarnix-9")},
    ),
    (
        "the company, with no earlier subject",
        "Shares of Veyra Microdevices rose after the company said it had agreed to buy Solenne.",
        {("verb", "Veyra Microdevices", "acquired", "Solenne")},
    ),
    (
        "a place in apposition to a place says which one it is, no second place",
        "Arkwell Compute will build two data centres in Johor, Malaysia.",
        {("verb", "Arkwell Compute", "operatesIn", "Johor")},
    ),
    (
        "makes for",
        "Solenne Foundry makes chips for Norvale Systems and Veyra Microdevices.",
        {
            ("verb", "Solenne Foundry", "supplies", "Norvale Systems"),
            ("verb", "Solenne Foundry", "supplies", "Veyra Microdevices"),
        },
    ),
    (
        "technology terms",
        "Veyra Microdevices is investing heavily in artificial intelligence and quantum computing.",
        {
            ("verb", "Veyra Microdevices", "investedIn", "artificial intelligence"),
            ("verb", "Veyra Microdevices", "investedIn", "quantum computing"),
        },
    ),
    (
        "phrasal verb with a particle",
        "Danish packaging maker Skovgaard Emballage took over its smaller rival Lumipak Oy.",
        {("verb", "Skovgaard Emballage", "acquired", "Lumipak Oy")},
    ),
    (
        "one cue, two properties",
        "Kavrio Pay said it would launch its Kavrio Wallet in Brazil next year.",
        {
            ("verb", "Kavrio Pay", "launched", "Kavrio Wallet"),
            ("verb", "Kavrio Pay", "operatesIn", "Brazil"),
        },
    ),
    (
        "a number versions the name before it",
        "Northfield Instruments launched the ProbeLine 9 tester in May.",
        {("verb", "Northfield Instruments", "launched", "ProbeLine 9")},
    ),
    (
        "reported speech",
        "Norvale Systems said on Tuesday it would launch the Tarnix-9 chip.",
        {("verb", "Norvale Systems", "launched", "Tarnix-9")},
    ),
    (
        "three products",
        "Veyra launched three chips, including the Cirran X2 and the Cirran Z4.",
        {
            ("verb", "Veyra", "launched", "Cirran X2"),
            ("verb", "Veyra", "launched", "Cirran Z4"),
        },
    ),
    (
        "a hyphened participle's name is who did it",
        "Pendle Ventures-backed Brisk Orchard raised $5 million.",
        {("verb-passive", "Pendle Ventures", "investedIn", "Brisk Orchard")},
    ),
    (
        "a hyphened participle in an apposition",
        "Brisk Orchard, a Tolvane-owned grocer, opened a store.",
        {("verb-passive", "Brisk Orchard", "subsidiaryOf", "Tolvane")},
    ),
    (
        "a hyphened participle on a named product",
        "The Norvale-developed Tarnix chip will ship in May.",
        {("verb-passive", "Norvale", "developed", "Tarnix")},
    ),
    (
        "a person's name read with the participle",
        "Orlin Vance-backed Brisk Orchard raised $5 million.",
        {("verb-passive", "Orlin Vance", "investedIn", "Brisk Orchard")},
    ),
    (
        "a participle in brackets after a name",
        "She worked for Brisk Orchard (acquired by Tolvane Robotics in 2016) and later at "
        "Ferngate Labs.",
        {("verb-passive", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "the owner of a plan to buy",
        "Tolvane Robotics' plan to buy Brisk Orchard was approved.",
        {("verb", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "an infinitive after its subject",
        "Tolvane Robotics is set to acquire Brisk Orchard, the companies said.",
        {("verb", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "a reduced relative",
        "Brisk Orchard, bought last year by Tolvane Robotics, opened a store.",
        {("verb-passive", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "a relative with its own subject",
        "Brisk Orchard, which Tolvane Robotics bought in 2019, opened a store.",
        {("verb", "Tolvane Robotics", "acquired", "Brisk Orchard")},
    ),
    (
        "the city a hyphened participle names is where, not who",
        "Norvale sells Oslo-made drones to Ferngate Labs.",
        {("verb", "Norvale", "supplies", "Ferngate Labs")},
    ),
    (
        "a customer picks its supplier",
        "Ferngate Labs picked Norvale Systems to supply its network.",
        {("verb", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "a customer awards its supplier a contract",
        "Ferngate Labs awarded Norvale Systems a contract to build ships.",
        {("verb", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "a customer grants a contract to its supplier",
        "Ferngate Labs has granted its biggest contract to Norvale Systems.",
        {("verb", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "losing customers to a rival",
        "Norvale Systems has lost customers to Brisk Foods this year.",
        {("verb", "Norvale Systems", "competesWith", "Brisk Foods")},
    ),
    (
        "overtaking a rival",
        "Norvale Systems overtook Brisk Foods as the largest chipmaker.",
        {("verb", "Norvale Systems", "competesWith", "Brisk Foods")},
    ),
    (
        "a supplier awarded a contract by its customer",
        "Norvale Systems was awarded a $40 million order by Ferngate Labs to build ships.",
        {("verb-passive", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "a customer commissions its supplier",
        "Ferngate Labs commissioned Norvale Systems to build five ships.",
        {("verb", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "coordinated subjects of a symmetric verb pair past another preposition",
        "Veyra and Norvale compete fiercely in the chip market.",
        {("verb-pair", "Veyra", "competesWith", "Norvale")},
    ),
    (
        "outbidding a rival",
        "Norvale Systems outbid Brisk Foods for the licence.",
        {("verb", "Norvale Systems", "competesWith", "Brisk Foods")},
    ),
    (
        "passive place cue: the agent is where the verb happens",
        "The parts are manufactured by Norvale Systems in Vietnam.",
        {("verb-passive", "Norvale Systems", "operatesIn", "Vietnam")},
    ),
    (
        "passive place cue, the place hung on the agent",
        "The plant was built by Norvale Systems in Vietnam in 2019.",
        {("verb-passive", "Norvale Systems", "operatesIn", "Vietnam")},
    ),
    (
        "employs staff in a place",
        "Norvale Systems employs 5,000 people in Poland.",
        {("verb", "Norvale Systems", "operatesIn", "Poland")},
    ),
    (
        "an adverb coordinated with the cue's preposition takes it again",
        "Quillfin operates in Mexico and elsewhere in Latin America.",
        {
            ("verb", "Quillfin", "operatesIn", "Mexico"),
            ("verb", "Quillfin", "operatesIn", "Latin America"),
        },
    ),
    (
        "an adverb's preposition that is not the cue's adds nothing",
        "Quillfin invested heavily in Brisk Labs early in 2020.",
        {("verb", "Quillfin", "investedIn", "Brisk Labs")},
    ),
    (
        "a relative on an organisation noun set off after a name the parser hung elsewhere",
        "Halden Harvest led a $22 million round in Verdalia Farms, a startup that operates "
        "indoor farms in Dubai.",
        {("verb", "Verdalia Farms", "operatesIn", "Dubai")},
    ),
    (
        "a relative pronoun the cue's preposition takes stands for the name its clause is on",
        "Quillfin bought Kindrel AI, in which Arkwell Compute invested $50 million last year.",
        {
            ("verb", "Quillfin", "acquired", "Kindrel AI"),
            ("verb", "Arkwell Compute", "investedIn", "Kindrel AI"),
        },
    ),
    (
        "a relative pronoun after a name, its clause hung elsewhere by the parser",
        "Quillfin competes with the San Francisco-based Kindrel AI, in which Arkwell Compute "
        "invested $50 million last year.",
        {
            ("verb", "Quillfin", "competesWith", "Kindrel AI"),
            ("verb", "Arkwell Compute", "investedIn", "Kindrel AI"),
            ("verb-passive", "Kindrel AI", "headquarteredIn", "San Francisco"),
        },
    ),
    (
        "a participle with an agent parsed as a copula's complement is passive",
        "Brisk Labs, which is majority-owned by Quillfin, cut prices.",
        {("verb-passive", "Brisk Labs", "subsidiaryOf", "Quillfin")},
    ),
    # nothing to read
    (
        "a participle with no agent after a copula lends the copula's subject to no verb",
        "Quillfin is thrilled to bring its chips to the customers of Tarnix Labs.",
        set(),
    ),
    (
        "a relative pronoun after a place stands for no name",
        "Quillfin opened a plant in Oslo, in which it invested $5 million.",
        {("verb", "Quillfin", "operatesIn", "Oslo")},
    ),
    (
        "a relative on another noun set off after a name is not the name's",
        "Halden Harvest led a $22 million round in Verdalia Farms, a record that will open in "
        "Dubai.",
        set(),
    ),
    (
        "coordinated subjects with a party of their own are no pair",
        "Veyra and Norvale partnered with a startup.",
        set(),
    ),
    ("one firm competes with no one named", "Norvale competes in the chip market.", set()),
    ("commissioned for no supply", "Ferngate Labs commissioned a study of the market.", set()),
    ("no contract by anyone", "Norvale Systems was awarded a prize by Ferngate Labs.", set()),
    ("lost to no one", "Norvale Systems lost $2 million in March.", set()),
    ("picked for no supply", "Ferngate Labs picked Norvale Systems as its partner.", set()),
    ("awarded no contract", "Ferngate Labs awarded Norvale Systems a prize.", set()),
    (
        "relative subject is not an object",
        "Rivals like Veyra and Solenne, who are themselves investing heavily in chips, lag.",
        set(),
    ),
    ("negation", "Tolvane Robotics did not acquire Brisk Orchard.", set()),
    ("no antecedent", "It launched a new phone on Tuesday.", set()),
    ("nationality is not a place", "Norvale competes with Chinese rivals.", set()),
    ("no cue", "Engineers at the Tolvane plant worked late on Friday.", set()),
    ("a noun's cue is no verb's", "Brisk Orchard's partnership with Ferngate Labs ended.", set()),
    (
        "an order: the buyer uses the product, the seller supplies the buyer",
        "Brisk Air ordered 14 Kestrel 500 jets from Norvale Systems.",
        {
            ("verb", "Brisk Air", "uses", "Kestrel 500"),
            ("verb", "Norvale Systems", "supplies", "Brisk Air"),
        },
    ),
    # a product or firm said to stand on, draw on or tap a technology: it uses it
    (
        "a product based on a technology",
        "The Brightdesk service is based on Kestrel DB, Norvale Systems said.",
        {("verb-passive", "Brightdesk", "uses", "Kestrel DB")},
    ),
    (
        "a product built around a technology",
        "The Brightdesk app is built around Kestrel DB.",
        {("verb-passive", "Brightdesk", "uses", "Kestrel DB")},
    ),
    (
        "a product built atop a technology",
        "The Brightdesk app is built atop Kestrel DB.",
        {("verb-passive", "Brightdesk", "uses", "Kestrel DB")},
    ),
    (
        "a firm taps into a technology",
        "Brisk Motors can tap into Kestrel Vision for its maps.",
        {("verb", "Brisk Motors", "uses", "Kestrel Vision")},
    ),
    (
        "a product draws on a technology",
        "The Brightdesk app draws on Kestrel DB to answer questions.",
        {("verb", "Brightdesk", "uses", "Kestrel DB")},
    ),
    (
        "a firm leans on a technology",
        "Brisk Motors leans on Kestrel Vision for its maps.",
        {("verb", "Brisk Motors", "uses", "Kestrel Vision")},
    ),
    (
        "a firm harnesses a technology",
        "Norvale Systems will harness Kestrel Vision in its apps.",
        {("verb", "Norvale Systems", "uses", "Kestrel Vision")},
    ),
    (
        "a model trained on chips",
        "Norvale Systems trained its Corvid model on Kestrel TPU chips.",
        {("verb", "Norvale Systems", "uses", "Kestrel TPU")},
    ),
    (
        "based in a place is where, not what it uses",
        "Norvale Systems is based in Harwick.",
        {("verb-passive", "Norvale Systems", "headquarteredIn", "Harwick")},
    ),
    ("walking around a place uses nothing", "Brisk Motors drove around Harwick.", set()),
    (
        "an offer's preposition is the offer's, not the light verb's",
        "Norvale made a $3 billion offer for Brisk Foods.",
        set(),
    ),
    ("a bid's preposition is the bid's", "Norvale made a bid for Brisk Foods.", set()),
    (
        "goods made for a firm are supplied to it",
        "Norvale makes seats for Brisk Foods.",
        {("verb", "Norvale", "supplies", "Brisk Foods")},
    ),
    # selling or buying a business is no dealing between seller and buyer
    (
        "a firm sold to another is no supply: the buyer acquires it",
        "Norvale Systems agreed to sell Brisk Foods to Ferrow Group.",
        {("verb", "Ferrow Group", "acquired", "Brisk Foods")},
    ),
    (
        "a unit sold to another is no supply",
        "Norvale Systems agreed to sell its chip unit to Ferrow Group.",
        set(),
    ),
    ("a stake sold is no supply", "Norvale Systems sold its 40% stake to Ferrow Group.", set()),
    (
        "stores sold by their owner are no supply",
        "Norvale Systems sold its retail stores to Ferrow Group.",
        set(),
    ),
    (
        "its own products sold are supplied",
        "Norvale Systems will sell its turbines to Ferrow Group.",
        {("verb", "Norvale Systems", "supplies", "Ferrow Group")},
    ),
    (
        "a firm bought from its owner: its owner supplies nothing",
        "Ferrow Group bought Brisk Foods from Norvale Systems.",
        {("verb", "Ferrow Group", "acquired", "Brisk Foods")},
    ),
    (
        "the firm a customer turns to supplies it (or, a product, is used)",
        "Ferngate Labs turned to Norvale Systems for its chips.",
        {
            ("verb", "Norvale Systems", "supplies", "Ferngate Labs"),
            ("verb", "Ferngate Labs", "uses", "Norvale Systems"),
        },
    ),
    (
        "work outsourced to a firm: it supplies the customer",
        "Ferngate Labs will outsource assembly to Norvale Systems.",
        {("verb", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "goods provided for a firm are supplied to it",
        "Norvale Systems will provide engines for Ferngate Labs.",
        {("verb", "Norvale Systems", "supplies", "Ferngate Labs")},
    ),
    (
        "a part used in a product: the product uses it",
        "The Kestrel X2 chip is used in the Orbis 7 phone.",
        {("verb-passive", "Orbis 7", "uses", "Kestrel X2")},
    ),
    (
        "a part integrated into a product: the product uses it",
        "The Kestrel X2 chip will be integrated into the Orbis 7 phone.",
        {("verb-passive", "Orbis 7", "uses", "Kestrel X2")},
    ),
    (
        "a firm hosting on a service uses it",
        "Ferngate Labs hosts its website on Kestrel Cloud.",
        {("verb", "Ferngate Labs", "uses", "Kestrel Cloud")},
    ),
    (
        "what an unnamed product of a firm runs on, the firm uses (a verb tagged as a noun)",
        "Brisk Foods's delivery app runs on Kestrel Cloud.",
        {("verb", "Brisk Foods", "uses", "Kestrel Cloud")},
    ),
    (
        "a product's owner relies on a product",
        "Brisk Foods said its new app relies on Kestrel DB.",
        {("verb", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "a firm that replaces a supplier with another is supplied by the new one",
        "Ferngate Labs replaced Ericsson with Norvale Systems.",
        {
            ("verb", "Norvale Systems", "supplies", "Ferngate Labs"),
            ("verb", "Ferngate Labs", "uses", "Norvale Systems"),
        },
    ),
    (
        "a firm's transition to a product",
        "Brisk Foods will transition to Kestrel DB next year.",
        {("verb", "Brisk Foods", "uses", "Kestrel DB")},
    ),
    (
        "a product integrated with another uses it",
        "Tarnix is integrated with Kestrel DB.",
        {("verb-passive", "Tarnix", "uses", "Kestrel DB")},
    ),
    (
        "money invested in a firm, through the amount",
        "Halvane Capital invested $40 million in Pellwood Data.",
        {("verb", "Halvane Capital", "investedIn", "Pellwood Data")},
    ),
    (
        "a passive verb that is no place cue says nothing of where its agent works",
        "The Kestrel drone was unveiled by Norvale Systems in Paris.",
        {("verb-passive", "Norvale Systems", "launched", "Kestrel")},
    ),
    (
        "a relative clause on a group the subject is one of",
        "Brisk Auto is one of several carmakers that have adopted Kestrel Drive.",
        {("verb", "Brisk Auto", "uses", "Kestrel Drive")},
    ),
    (
        "a relative clause on a group the subject is among",
        "Brisk Capital is among the investors that backed Pellwood Data.",
        {("verb", "Brisk Capital", "investedIn", "Pellwood Data")},
    ),
    (
        "a participle on a group the subject is among",
        "Brisk Capital was among the investors backing Pellwood Data.",
        {("verb", "Brisk Capital", "investedIn", "Pellwood Data")},
    ),
    (
        "a group that is no copula's complement stands for nobody",
        "Brisk Capital met the investors that backed Pellwood Data.",
        set(),
    ),
    (
        "an owner's unnamed product powered by a named one",
        "Halvane Motors unveiled its Kestrel-powered infotainment system.",
        {("verb-passive", "Halvane Motors", "uses", "Kestrel")},
    ),
    (
        "a named product said to be a product powered by another",
        "The Brisk X5 is a Kestrel-powered phone.",
        {("verb-passive", "Brisk X5", "uses", "Kestrel")},
    ),
    (
        "an unnamed product nobody owns",
        "Halvane Motors unveiled a Kestrel-powered infotainment system.",
        set(),
    ),
    (
        "what an owner's unnamed product is built on, the owner uses",
        "Vantor's new app is built on Kestrel DB.",
        {("verb-passive", "Vantor", "uses", "Kestrel DB")},
    ),
    (
        "an owner's unnamed thing based in a place uses nothing",
        "Vantor's new office is based in Harwick.",
        set(),
    ),
    (
        "the named examples of an unnamed group of firms that is the subject",
        "Leading automakers are adopting Kestrel Drive, including Halvane Motors and Brisk Auto.",
        {
            ("verb", "Halvane Motors", "uses", "Kestrel Drive"),
            ("verb", "Brisk Auto", "uses", "Kestrel Drive"),
        },
    ),
    (
        "examples of a group that is no subject",
        "Kestrel Drive is adopted in many markets, including Harwick and Corrin.",
        set(),
    ),
    (
        "an owner's product a participle says was launched: the owner launched it",
        "Norvale Systems' newly launched Kestrel 7 sells well.",
        {("verb-passive", "Norvale Systems", "launched", "Kestrel 7")},
    ),
    (
        "a firm a participle says was bought is not bought by its owner",
        "Norvale Systems' newly bought Brisk Labs grew fast.",
        set(),
    ),
    (
        "a firm that runs outlets in a place operates there",
        "Ferrow Energy runs two refineries in Ostravia.",
        {("verb", "Ferrow Energy", "operatesIn", "Ostravia")},
    ),
    (
        "what a firm runs on is no place",
        "Brisk Foods runs its stores on Kestrel Cloud.",
        {("verb", "Brisk Foods", "uses", "Kestrel Cloud")},
    ),
    (
        "who serves in a body works for it",
        "Jane Roe served ten years in the Harwick Assembly.",
        {("verb", "Jane Roe", "worksFor", "Harwick Assembly")},
    ),
    (
        "who teaches at a school works for it",
        "Tom Hale taught at Brisk University.",
        {("verb", "Tom Hale", "worksFor", "Brisk University")},
    ),
    (
        "who chairs a body works for it",
        "Jane Roe, who chairs the Harwick Trade Council, spoke.",
        {("verb", "Jane Roe", "worksFor", "Harwick Trade Council")},
    ),
    ("a firm that chairs a panel of no name", "Norvale Systems chairs the industry panel.", set()),
    (
        "what powers an organisation's unnamed product, the organisation uses",
        "Norvale Systems' new assistant is powered by Kestrel 4.",
        {("verb-passive", "Norvale Systems", "uses", "Kestrel 4")},
    ),
    (
        "an unowned unnamed product powered by a name says nothing",
        "The new assistant is powered by Kestrel 4.",
        set(),
    ),
    (
        "a name the tagger calls a person before a product noun is the product's",
        "The Halo laptop uses Zenith chips.",
        {("verb", "Halo", "uses", "Zenith")},
    ),
    (
        "a version of a named product stands for the product",
        "Norvale Systems uses a custom version of Android on its tablets.",
        {("verb", "Norvale Systems", "uses", "Android")},
    ),
    (
        "a version of an unnamed product names nothing",
        "Norvale Systems uses a custom version of the software.",
        set(),
    ),
    (
        "the other party to a deal is where the goods come from",
        "Brisk Air signed a deal with Norvale Systems to buy engines.",
        {("verb", "Norvale Systems", "supplies", "Brisk Air")},
    ),
    (
        "the other party to an agreement is who is provided for",
        "Norvale Systems reached an agreement with Brisk Air to provide software for its fleet.",
        {("verb", "Norvale Systems", "supplies", "Brisk Air")},
    ),
    (
        "a verb whose preposition names its own object takes no party of the deal",
        "Norvale Systems signed a partnership with Brisk Air to sell tickets to travellers.",
        set(),
    ),
    (
        "a deal to do what is no cue supplies nothing",
        "Brisk Air signed a deal with Norvale Systems to develop a new engine.",
        set(),
    ),
    (
        "brands on the sites a place verb takes are there too",
        "Halden Group already operates Brisko supermarkets and Quillo hardware stores in Chile.",
        {
            ("verb", "Halden Group", "operatesIn", "Chile"),
            ("verb", "Brisko", "operatesIn", "Chile"),
            ("verb", "Quillo", "operatesIn", "Chile"),
        },
    ),
    (
        "an organisation's people stand for it in what they use",
        "Brisk Foods' engineers use Tarnix every day.",
        {("verb", "Brisk Foods", "uses", "Tarnix")},
    ),
    (
        "an organisation's team relies on a product",
        "Norvale Systems said its team relies on Tarnix for reporting.",
        {("verb", "Norvale Systems", "uses", "Tarnix")},
    ),
    (
        "rivals are no part of an organisation",
        "Norvale Systems said its rivals use Tarnix.",
        set(),
    ),
    (
        "customers are no part of an organisation",
        "Norvale Systems said its customers use Tarnix.",
        set(),
    ),
    (
        "a term the parser takes for a clause is the object",
        "Brisk Foods uses machine learning to forecast demand.",
        {("verb", "Brisk Foods", "uses", "machine learning")},
    ),
    (
        "a product fitted with a component uses it",
        "The Halvane X2 is fitted with a Norvale Q5 processor.",
        {("verb-passive", "Halvane X2", "uses", "Norvale Q5")},
    ),
    (
        "a firm served is a customer, read also as a place for the classes to settle",
        "Norvale Systems serves Brisk Motors and Pellwood Auto.",
        {
            ("verb", "Norvale Systems", "supplies", "Brisk Motors"),
            ("verb", "Norvale Systems", "supplies", "Pellwood Auto"),
            ("verb", "Norvale Systems", "operatesIn", "Brisk Motors"),
            ("verb", "Norvale Systems", "operatesIn", "Pellwood Auto"),
        },
    ),
    (
        "software set up on a platform uses it",
        "Norvale Systems set up its whole stack on Tarnix OS.",
        {("verb", "Norvale Systems", "uses", "Tarnix OS")},
    ),
    (
        "the owner of an unnamed product a participle describes uses what it is fitted with",
        "Brisk Motors' new sedan, equipped with Norvale's Tarnix chip, goes on sale in May.",
        {("verb-passive", "Brisk Motors", "uses", "Tarnix")},
    ),
    (
        "the owner of an unnamed product a participle describes uses what powers it",
        "Pellwood's new app, powered by the Tarnix model, launches today.",
        {("verb-passive", "Pellwood", "uses", "Tarnix")},
    ),
    (
        "a participle on an organisation's person is no product's",
        "Pellwood's chief, backed by Norvale, resigned.",
        set(),
    ),
    (
        "a name the tagger calls a place before a determined product noun",
        "Brisk Foods adopted the Tarnix analytics suite.",
        {("verb", "Brisk Foods", "uses", "Tarnix")},
    ),
    (
        "a place before a variant noun says where it is sold",
        "Brisk Motors adopted the China version of its sedan.",
        set(),
    ),
    (
        "names sharing a product noun are each launched",
        "Norvale launched the Tarnix and Kestrel chips on Monday.",
        {("verb", "Norvale", "launched", "Tarnix"), ("verb", "Norvale", "launched", "Kestrel")},
    ),
    (
        "numbered names sharing a product noun",
        "Norvale launched its Tarnix 4 and Kestrel 2 chips on Monday.",
        {("verb", "Norvale", "launched", "Tarnix 4"), ("verb", "Norvale", "launched", "Kestrel 2")},
    ),
    (
        "names sharing a noun for people are no products",
        "Norvale hired Jane Roe and Brisk engineers.",
        set(),
    ),
    (
        "built on top of a product",
        "Brisk's middleware is built on top of Norvale's Kestrel language.",
        {("verb-passive", "Brisk", "uses", "Kestrel")},
    ),
    (
        "goods used from a firm are supplied by it",
        "Brisk Motors will use chips from Norvale Systems in its new sedans.",
        {("verb", "Norvale Systems", "supplies", "Brisk Motors")},
    ),
    (
        "piloting a product",
        "Brisk Bank is piloting Tarnix in ten branches.",
        {("verb", "Brisk Bank", "uses", "Tarnix")},
    ),
    (
        "a product noun given a name by a participle",
        "Norvale launched a new app called Tarnix on Monday.",
        {("verb", "Norvale", "launched", "Tarnix")},
    ),
    (
        "a product noun known as a name",
        "Norvale released a chip known as Orbis.",
        {("verb", "Norvale", "launched", "Orbis")},
    ),
    (
        "a participle that gives no name",
        "Norvale released a chip called for by regulators.",
        set(),
    ),
    (
        "an owner's product a participle after it describes",
        "Norvale Systems' Tarnix, released last year, sold well.",
        {("verb-passive", "Norvale Systems", "launched", "Tarnix")},
    ),
    (
        "a participle after an unowned product says nothing of its maker",
        "The Tarnix, released last year, sold well.",
        set(),
    ),
    (
        "marketing goods in a place",
        "Norvale Pharma markets its drugs in Japan.",
        {("verb", "Norvale Pharma", "operatesIn", "Japan")},
    ),
    (
        "operating throughout a place",
        "Brisk Foods operates stores throughout Mexico.",
        {("verb", "Brisk Foods", "operatesIn", "Mexico")},
    ),
    (
        "buying a minority of a firm is investing in it",
        "Halvane Holdings bought 30% of Brisk Foods in 2019.",
        {("verb", "Halvane Holdings", "investedIn", "Brisk Foods")},
    ),
    (
        "buying most of a firm is acquiring it",
        "Halvane Holdings acquired 80% of Brisk Foods in 2019.",
        {("verb", "Halvane Holdings", "acquired", "Brisk Foods")},
    ),
    (
        "owning most of a firm makes it a subsidiary",
        "Halvane Holdings, the group owning 77% of Brisk Foods, plans to expand.",
        {("verb", "Brisk Foods", "subsidiaryOf", "Halvane Holdings")},
    ),
    (
        "owning a minority of a firm is an investment, not a subsidiary",
        "Halvane Holdings owns 25 percent of Brisk Foods.",
        {("verb", "Halvane Holdings", "investedIn", "Brisk Foods")},
    ),
    (
        "selling a minority of a firm: the buyer invests in it",
        "Halvane Holdings sold 40% of Brisk Foods to Tolvane Robotics.",
        {("verb", "Tolvane Robotics", "investedIn", "Brisk Foods")},
    ),
    (
        "a firm sold to another, passive",
        "Brisk Foods was sold to Tolvane Robotics in 2020.",
        {("verb", "Tolvane Robotics", "acquired", "Brisk Foods")},
    ),
    (
        "goods sold to a firm are supplied to it",
        "Halvane Holdings sells Tarnix chips to Tolvane Robotics.",
        {("verb", "Halvane Holdings", "supplies", "Tolvane Robotics")},
    ),
    (
        "objects each with its own date, parsed as appositions",
        "Halvane Holdings bought Brisk Foods in 2006, Ferrow Networks in 2009 and Tolvane "
        "Robotics in 2012.",
        {
            ("verb", "Halvane Holdings", "acquired", "Brisk Foods"),
            ("verb", "Halvane Holdings", "acquired", "Ferrow Networks"),
            ("verb", "Halvane Holdings", "acquired", "Tolvane Robotics"),
        },
    ),
    (
        "a second object beside the first object's date",
        "Halvane Holdings, which bought Brisk Foods in 2019 and Ferrow Networks in 2021, grew.",
        {
            ("verb", "Halvane Holdings", "acquired", "Brisk Foods"),
            ("verb", "Halvane Holdings", "acquired", "Ferrow Networks"),
        },
    ),
    (
        "a place beside a date is no object",
        "Halvane Holdings bought Brisk Foods in 2019 and Texas in 2021.",
        {("verb", "Halvane Holdings", "acquired", "Brisk Foods")},
    ),
    (
        "an apposition with no date of its own is no second object",
        "Halvane Holdings bought Brisk Foods, Ferrow Networks' old unit, in 2019.",
        {("verb", "Halvane Holdings", "acquired", "Brisk Foods")},
    ),
    (
        "acquisitions made are not products made",
        "Halvane Holdings has made acquisitions, including Brisk Foods and Ferrow Networks.",
        set(),
    ),
    (
        "products made, with examples",
        "Halvane Holdings makes products such as Tarnix and Kestrel.",
        {
            ("verb", "Halvane Holdings", "developed", "Tarnix"),
            ("verb", "Halvane Holdings", "developed", "Kestrel"),
        },
    ),
    (
        "the likes of names stand for them",
        "Norvale Systems Inc. is competing with the likes of Tolvane Inc. and Ferrow Corp.",
        {
            ("verb", "Norvale Systems Inc.", "competesWith", "Tolvane Inc."),
            ("verb", "Norvale Systems Inc.", "competesWith", "Ferrow Corp."),
        },
    ),
    (
        "trailing a rival",
        "Norvale Systems Inc. trails Tolvane Corp. in the chip market.",
        {("verb", "Norvale Systems Inc.", "competesWith", "Tolvane Corp.")},
    ),
    (
        "trailing a forecast",
        "Norvale Systems Inc. trails its own forecast.",
        set(),
    ),
    (
        "liking a firm is no cue",
        "Halvane Capital said it likes Brisk Foods.",
        set(),
    ),
    (
        "an unnamed unit sold to a firm: nothing",
        "Halvane Holdings sold its chip unit to Tolvane Robotics.",
        set(),
    ),
    (
        "a percentage of what is no named firm",
        "Halvane Holdings bought 30% of the city's homes.",
        set(),
    ),
    (
        "some of what is built, for its buyer",
        "Norvale has won an order to build five of the largest ships for Tarnix Corp.",
        {("verb", "Norvale", "supplies", "Tarnix Corp.")},
    ),
    (
        "some of what is made, for its buyer",
        "Norvale will build 20 of the company's new trains for Tarnix Corp.",
        {("verb", "Norvale", "supplies", "Tarnix Corp.")},
    ),
    (
        "the maker of a product used, before it",
        "Norvale Systems uses Tarnix Corp's chips in its servers.",
        {("verb", "Norvale Systems", "uses", "Tarnix Corp")},
    ),
    (
        "the maker of a product used, as its modifier",
        "Norvale's servers use Tarnix Corp chips.",
        {("verb", "Norvale", "uses", "Tarnix Corp")},
    ),
    (
        "the maker of a product ordered, coordinated",
        "Norvale Air ordered 14 Tarnix Aero jets and six Brisk Aero helicopters.",
        {
            ("verb", "Norvale Air", "uses", "Tarnix Aero"),
            ("verb", "Norvale Air", "uses", "Brisk Aero"),
        },
    ),
    (
        "the maker of a product relied on, after it",
        "Norvale Systems relies on chips made by Tarnix Corp.",
        {("verb", "Norvale Systems", "uses", "Tarnix Corp.")},
    ),
    (
        "the maker of a product that powers another",
        "Norvale's phone is powered by Tarnix Corp's processors.",
        {("verb-passive", "Norvale", "uses", "Tarnix Corp")},
    ),
    (
        "the maker of a product used, in the passive",
        "Tarnix Corp's chips are used by Norvale Systems.",
        {("verb-passive", "Norvale Systems", "uses", "Tarnix Corp")},
    ),
    (
        "an unnamed owner's product used, in the passive",
        "Its chips are used by Norvale Systems.",
        set(),
    ),
    (
        "the maker of a technology used",
        "Norvale Systems uses Tarnix Corp's technology in its phones.",
        {("verb", "Norvale Systems", "uses", "Tarnix Corp")},
    ),
    (
        "a firm's own products used",
        "Norvale Systems uses its own chips in its servers.",
        set(),
    ),
    (
        "products from a place used",
        "Norvale Systems uses Utah chips in its servers.",
        set(),
    ),
    (
        "a firm's people used are no product",
        "Norvale Systems uses Tarnix Corp's engineers.",
        set(),
    ),
    (
        "engines supplied for a named owner's product",
        "Tarnix Corp will supply engines for Norvale's new jets.",
        {("verb", "Tarnix Corp", "supplies", "Norvale")},
    ),
    (
        "a named owner's network supplied",
        "Tarnix Corp supplies Norvale's RAN technology in Peru.",
        {("verb", "Tarnix Corp", "supplies", "Norvale")},
    ),
    (
        "engines supplied for the supplier's own product",
        "Tarnix Corp will supply engines for its own jets.",
        set(),
    ),
    (
        "engines supplied for a place's product",
        "Tarnix Corp will supply engines for Peru's new jets.",
        set(),
    ),
    (
        "a named owner's unnamed product made by another",
        "Tarnix Corp builds Norvale Systems' ships.",
        {("verb", "Tarnix Corp", "supplies", "Norvale Systems")},
    ),
    (
        "a named owner's unnamed product made by another, in the passive",
        "Norvale Systems' new ships are being built by Tarnix Corp.",
        {("verb-passive", "Tarnix Corp.", "supplies", "Norvale Systems")},
    ),
    (
        "a maker's own product",
        "Tarnix Corp builds its own ships.",
        set(),
    ),
    (
        "a place's product made",
        "Tarnix Corp builds Peru's ships.",
        set(),
    ),
    (
        "a product noun set off after a name, with a participle",
        "The venture will pair the Harlow platform with Quillware, the driving software "
        "developed by Norvale Systems.",
        {("verb-passive", "Norvale Systems", "developed", "Quillware")},
    ),
    (
        "a product noun set off after a place, with a participle",
        "In Kenya, software developed by Norvale Systems is popular.",
        set(),
    ),
    (
        "goods supplied in the passive, by an agent",
        "Chips will be supplied to Brisk Motors by Tarnix Steel.",
        {("verb-passive", "Tarnix Steel", "supplies", "Brisk Motors")},
    ),
    (
        "goods made by a firm, supplied in the passive",
        "Steel made by Tarnix Steel at its new plant will be supplied to Brisk Motors.",
        {("verb-passive", "Tarnix Steel", "supplies", "Brisk Motors")},
    ),
    (
        "goods of an unnamed owner, supplied in the passive",
        "Its chips will be sold to Brisk Motors.",
        set(),
    ),
    (
        "chosen by a firm parsed apart from the noun describing it",
        "Tarnix Steel has been chosen by Dutch truck maker Quellmar to provide steel for its "
        "cab frames.",
        {("verb-passive", "Tarnix Steel", "supplies", "Quellmar")},
    ),
    (
        "a firm's sites stand for it in what they run on",
        "Norvale Systems' data centres run on Kestrel OS.",
        {("verb", "Norvale Systems", "uses", "Kestrel OS")},
    ),
    (
        "unowned sites stand for no one",
        "The data centres run on Kestrel OS.",
        set(),
    ),
    (
        "parts supplied for a named owner's named product",
        "Tarnix Corp supplies displays for Norvale Systems' Kestrel phones.",
        {("verb", "Tarnix Corp", "supplies", "Norvale Systems")},
    ),
    (
        "delivery taken of a product, from its supplier",
        "Norvale Air took delivery of its first Kestrel 300 jet from Tarnix Corp.",
        {
            ("verb", "Norvale Air", "uses", "Kestrel 300"),
            ("verb", "Tarnix Corp.", "supplies", "Norvale Air"),
        },
    ),
    (
        "delivery made of a product is no use",
        "Tarnix Corp made the first delivery of its Kestrel 300 jet.",
        set(),
    ),
    (
        "a named owner's named product launched, with no object",
        "Norvale Systems' new Quillbot chatbot launched on Monday.",
        {("verb", "Norvale Systems", "launched", "Quillbot")},
    ),
    (
        "a named owner's product launching something else",
        "Norvale Systems' Quillbot chatbot launched a new feature.",
        set(),
    ),
    (
        "a product launched, with no owner",
        "The Quillbot chatbot launched on Monday.",
        set(),
    ),
    (
        "an owner's goods supplied by a firm named in a hyphened participle",
        "Norvale Air's Tarnix-supplied engines failed.",
        {("verb-passive", "Tarnix", "supplies", "Norvale Air")},
    ),
    (
        "unowned goods supplied by a firm named in a hyphened participle",
        "The Tarnix-supplied engines failed.",
        set(),
    ),
    (
        "a technology embraced",
        "Norvale Systems has embraced generative AI.",
        {("verb", "Norvale Systems", "uses", "generative AI")},
    ),
    (
        "a product upgraded to",
        "Norvale Systems upgraded to Tarnix-7 last year.",
        {("verb", "Norvale Systems", "uses", "Tarnix-7")},
    ),
    (
        "a product upgraded, not to",
        "Norvale Systems upgraded its forecast.",
        set(),
    ),
    (
        "a contract awarded in the passive, by its giver",
        "The contract was awarded to Tarnix Corp by Norvale Systems.",
        {("verb-passive", "Tarnix Corp", "supplies", "Norvale Systems")},
    ),
    (
        "goods bought in the passive, by the buyer",
        "Chips were bought from Tarnix Corp by Norvale Systems.",
        {("verb-passive", "Tarnix Corp", "supplies", "Norvale Systems")},
    ),
    (
        "a contract given to a firm",
        "Norvale Systems gave Tarnix Corp a contract to build its network.",
        {("verb", "Tarnix Corp", "supplies", "Norvale Systems")},
    ),
    (
        "a gift given to a firm",
        "Norvale Systems gave Tarnix Corp a discount.",
        set(),
    ),
    (
        "an owner's products based on a named product, hyphened",
        "Norvale Systems' Kestrel-based servers sold well.",
        {("verb-passive", "Norvale Systems", "uses", "Kestrel")},
    ),
    (
        "an unnamed product based on a named product, with no owner",
        "Norvale Systems unveiled a Kestrel-based laptop.",
        set(),
    ),
    (
        "an owner's unit based in a place",
        "Norvale Systems' Nevada-based servers sold well.",
        set(),
    ),
    (
        "a firm chosen for a job",
        "Norvale Systems has chosen Tarnix Corp for its new data centres.",
        {("verb", "Norvale Systems", "uses", "Tarnix Corp")},
    ),
    (
        "a product picked for a job",
        "Norvale Air picked the Kestrel 9 for its regional routes.",
        {("verb", "Norvale Air", "uses", "Kestrel 9")},
    ),
    (
        "a place chosen for a job",
        "Norvale Systems chose Oregon for its new plant.",
        set(),
    ),
    (
        "a person picked for a job",
        "Norvale Systems picked Jane Roe for the top job.",
        set(),
    ),
    (
        "a firm chosen, for nothing",
        "Norvale Systems chose Tarnix Corp.",
        set(),
    ),
    (
        "some of what is built, in a place",
        "Norvale has won an order to build five of the ships for export.",
        set(),
    ),
    (
        "organisations that jointly do something are partners",
        "Tallow Corp. and Quillfin Ltd. will jointly develop batteries.",
        {("verb-pair", "Tallow Corp.", "partneredWith", "Quillfin Ltd.")},
    ),
    (
        "one organisation alone has no partner",
        "Tallow Corp. will jointly develop batteries.",
        set(),
    ),
    (
        "nor do those that will not",
        "Tallow Corp. and Quillfin Ltd. will not jointly develop batteries.",
        set(),
    ),
    (
        "a named unit sold: its buyer acquired it",
        "Harwick Inc. agreed to sell its Quillfin unit to Tallow Corp.",
        {("verb", "Tallow Corp.", "acquired", "Quillfin")},
    ),
    (
        "a past form the lemmatizer gets wrong (installed: instal)",
        "Tallow Corp. installed the Kalo X9 platform last year.",
        {("verb", "Tallow Corp.", "uses", "Kalo X9")},
    ),
    (
        "and its passive (premiered: premier)",
        "The Zentro X1 was premiered by Tallow Corp. in May.",
        {("verb-passive", "Tallow Corp.", "launched", "Zentro X1")},
    ),
    (
        "and a verb written as one word (cofounded: cofounde)",
        "Jane Roe cofounded Tallow Corp. in 2010.",
        {("verb", "Jane Roe", "founderOf", "Tallow Corp.")},
    ),
    (
        "a bare verb coordinated with the next takes its agent",
        "Quillfin Ltd. is owned and operated by Tallow Corp.",
        {("verb-passive", "Quillfin Ltd.", "subsidiaryOf", "Tallow Corp.")},
    ),
    (
        "and a participle on a noun, its agent",
        "Zentro X1 is a game console developed and sold by Tallow Corp.",
        {("verb-passive", "Tallow Corp.", "developed", "Zentro X1")},
    ),
    (
        "a bare verb coordinated with the next takes its object",
        "Tallow Corp. acquired and later closed Quillfin Ltd.",
        {("verb", "Tallow Corp.", "acquired", "Quillfin Ltd.")},
    ),
    (
        "a verb with an object of its own shares none",
        "Tallow Corp. bought a plant and later closed Quillfin Ltd.",
        set(),
    ),
    (
        "nor one whose coordinated verb has a subject of its own",
        "Tallow Corp. acquired and Norvale Systems later closed Quillfin Ltd.",
        set(),
    ),
    (
        "coordinated subjects who join forces are partners: the cue's own object is no party",
        "Tallow Corp. and Harwick Inc. joined forces in May.",
        {("verb-pair", "Tallow Corp.", "partneredWith", "Harwick Inc.")},
    ),
    (
        "but not when they join something",
        "Tallow Corp. and Harwick Inc. joined the index in May.",
        set(),
    ),
    (
        "a place-based participle on a noun before the name describes the name",
        "Tallow walked away from a deal with Leeds-based payments start-up Quillfin Ltd.",
        {("verb-passive", "Quillfin Ltd.", "headquarteredIn", "Leeds")},
    ),
    (
        "a person named at an organisation acts for it in what only organisations do",
        "Tallow Corp. CEO Jane Roe unveiled the Zentro X1 on Monday.",
        {("verb", "Tallow Corp.", "launched", "Zentro X1")},
    ),
    (
        "the organisation set off after the person's name",
        "Jane Roe, chief executive of Tallow Corp., unveiled the Zentro X1 on Monday.",
        {("verb", "Tallow Corp.", "launched", "Zentro X1")},
    ),
    (
        "but a person founds for themselves",
        "Tallow Corp. CEO Jane Roe founded Harwick Inc. in May.",
        {("verb", "Jane Roe", "founderOf", "Harwick Inc.")},
    ),
    (
        "the place a noun for a kind of place is named by",
        "Tallow Corp. has opened a new plant in the northern state of Texas.",
        {("verb", "Tallow Corp.", "operatesIn", "Texas")},
    ),
    (
        "the city of a place",
        "Tallow Corp. has opened a new plant in the city of Leeds.",
        {("verb", "Tallow Corp.", "operatesIn", "Leeds")},
    ),
    (
        "a list whose second name the parser made an apposition of the first",
        "Tallow Corp. bought Harwick Inc., Quillfin Ltd., and Brisko Labs last year.",
        {
            ("verb", "Tallow Corp.", "acquired", "Harwick Inc."),
            ("verb", "Tallow Corp.", "acquired", "Quillfin Ltd."),
            ("verb", "Tallow Corp.", "acquired", "Brisko Labs"),
        },
    ),
    (
        "organisations given as examples in a clause on a plural noun for organisations",
        "Tallow Corp. listed several carmakers that will use Harwick's Zentro platform, "
        "including Quillfin Motors and Brisko Motors.",
        {
            ("verb", "Quillfin Motors", "uses", "Zentro"),
            ("verb", "Brisko Motors", "uses", "Zentro"),
        },
    ),
    (
        "but no product given as an example there",
        "Tallow Corp. listed carmakers that will use Harwick's chips, including the Zentro X1.",
        set(),
    ),
    (
        "a job left (a kg:pastVerbCue)",
        "Jane Roe left Tallow Corp. in 2019 to found Harwick Inc.",
        {
            ("verb", "Jane Roe", "worksFor", "Tallow Corp."),
            ("verb", "Jane Roe", "founderOf", "Harwick Inc."),
        },
    ),
    (
        "people who give notice to leave",
        "Jane Roe and Tom Hale, who have given notice to leave Tallow Corp., held talks.",
        {
            ("verb", "Jane Roe", "worksFor", "Tallow Corp."),
            ("verb", "Tom Hale", "worksFor", "Tallow Corp."),
        },
    ),
    (
        "leaving someone with something is no departure",
        "Harwick Inc. has left Tallow Corp. with the money.",
        set(),
    ),
    (
        "nor is leaving a deal",
        "Harwick Inc. leaves the $21m Tallow Corp. deal.",
        set(),
    ),
    (
        "a quoted name with a dash and no spaces after it",
        "Tallow unveiled “Quillfin Studio”—a new suite of tools for designers.",
        {("verb", "Tallow", "launched", "Quillfin Studio")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_verb_family(
    text: str, expected: set[Reading], reads: Callable[[Family, str], set[Reading]]
) -> None:
    assert reads(verb_candidates, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norvale Systems uses chips made by Tarnix Corp.", ("Tarnix Corp.", "Norvale Systems")),
        (
            "Norvale Systems relies on Tarnix Corp for its chips.",
            ("Tarnix Corp", "Norvale Systems"),
        ),
        ("Norvale Systems uses Tarnix Corp and Brisk Inc.", ("Brisk Inc.", "Norvale Systems")),
        ("Norvale Systems uses Tarnix's chips in its servers.", ("Tarnix", "Norvale Systems")),
    ],
)
def test_the_maker_of_what_a_firm_uses_supplies_it(
    text: str, expected: tuple[str, str], resolved: Callable[[str], set[tuple[str, str, str]]]
) -> None:
    assert (expected[0], "supplies", expected[1]) in resolved(text)


@pytest.mark.parametrize(
    "text",
    ["Norvale Systems serves customers in Japan.", "Brisk Foods serves on three markets."],
)
def test_serving_a_place_is_no_job(
    text: str, resolved: Callable[[str], set[tuple[str, str, str]]]
) -> None:
    """ "serve in _" is a job only where a person serves in an organisation."""
    assert not {t for t in resolved(text) if t[1] == "worksFor"}


def test_people_who_jointly_do_something_are_no_partners(
    resolved: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    assert resolved("Jane Roe and Tom Hale jointly wrote the report.") == set()


def test_a_job_left_has_ended(view: Callable[[str], View]) -> None:
    found = list(verb_candidates(view("Jane Roe quit Tallow Corp. last year.")))
    assert [(c.predicate, c.status) for c in found] == [("worksFor", "former")]
