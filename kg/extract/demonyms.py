"""The country a nationality adjective names ("an Ostravian lender": Ostravia), from
the names of countries and languages in the Unicode CLDR, as Babel ships them. A nationality is
read from a country's English name and the ontology's endings of a nationality adjective
(Ostravia + "n"), or is the English name of a language whose likely country begins with the
same letter or shares its code ("Dutch", "Danish"). An adjective that two countries could give
gives none."""

from __future__ import annotations

from collections import defaultdict
from functools import cache


def country_of(adjective: str, endings: frozenset[str]) -> str | None:
    """The English name of the country `adjective` names, or None."""
    return _countries(endings).get(adjective)


@cache
def _countries(endings: frozenset[str]) -> dict[str, str]:
    from babel import Locale  # CLDR's data is read when a nationality is first asked about
    from babel.core import get_global
    from babel.languages import get_territory_language_info

    english = Locale("en")
    countries = {  # two-letter codes with speakers: countries, not unions or placeholders
        code: name
        for code, name in english.territories.items()
        if len(code) == 2 and name.replace(" ", "").isalpha() and get_territory_language_info(code)
    }
    derived: dict[str, set[str]] = defaultdict(set)
    for name in countries.values():
        for stem in (name, name[:-1]):
            for ending in endings:
                derived[stem + ending].add(name)
    table: dict[str, str] = {}
    for word, names in derived.items():  # "Ostravia" + "n" or "Ostrav" + "ian": the longer
        longest = {n for n in names if not any(o != n and o.startswith(n) for o in names)}
        if len(longest) == 1:
            table[word] = longest.pop()
    likely = get_global("likely_subtags")
    for code, language in english.languages.items():
        territory = likely.get(code, "").rpartition("_")[2]
        name = countries.get(territory)
        if name is None or not language.isalpha():
            continue
        if territory.lower() == code or any(w[0] == language[0] for w in name.split()):
            table[language] = name
    return table
