"""The nlp stage's tokenizer: a dash written with no spaces beside a quote or a bracket."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.nlp import load_model, split_dashes


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("“Norvale”—a rival", ["“", "Norvale", "”", "—", "a", "rival"]),
        ("a rival—“Norvale”", ["a", "rival", "—", "“", "Norvale", "”"]),
        ("Quillfin (Oslo)–the lender", ["Quillfin", "(", "Oslo", ")", "–", "the", "lender"]),
        ("it—the firm—won", ["it", "—", "the", "firm", "—", "won"]),
        ("a well-known firm", ["a", "well", "-", "known", "firm"]),  # spaCy's own, unchanged
        ("pages 3—4", ["pages", "3—4"]),
    ],
)
def test_dashes_beside_quotes_and_brackets_split(
    nlp: Language, text: str, tokens: list[str]
) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_the_tokenizer_is_changed_once(nlp: Language) -> None:
    before = nlp.tokenizer.infix_finditer
    assert split_dashes(nlp).tokenizer.infix_finditer == before
    assert [t.text for t in load_model().make_doc("“A”—b")] == ["“", "A", "”", "—", "b"]
