"""General, not tuned: no name from the evaluation gold appears in kg/ or ontology/, not even
in a comment or docstring."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SHORTEST = 4  # characters: shorter names ("AI", "GM") are also ordinary words and acronyms


def _gold_names() -> set[str]:
    names: set[str] = set()
    for gold in sorted(CORPUS.glob("*/gold/*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for entity in data.get("entities", []):
            names.update([entity.get("label", ""), *entity.get("aliases", [])])
        for triple in data.get("triples", []):
            names.update([triple.get("subject", ""), triple.get("object", "")])
    return {n for n in names if len(n) >= SHORTEST and any(c.isupper() for c in n)}


def test_no_gold_name_in_the_code_or_ontology() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not beside the checkout")
    names = _gold_names()
    assert len(names) > 100  # the gold was read
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?!\w)"
    )
    files = [*ROOT.joinpath("kg").rglob("*.py"), *ROOT.joinpath("ontology").rglob("*.ttl")]
    found = [
        f"{path.relative_to(ROOT)}:{text[: m.start()].count(chr(10)) + 1}: {m.group()}"
        for path in sorted(files)
        for text in [path.read_text(encoding="utf-8")]
        for m in pattern.finditer(text)
    ]
    assert not found, "gold names in kg/ or ontology/:\n" + "\n".join(found)
