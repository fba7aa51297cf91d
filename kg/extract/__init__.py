"""Facts from parsed text: ontology cues matched on spaCy's NER and dependency parse.

`extract(parsed, ontology)` yields candidate facts, each with its evidence. The patterns are
general (verbs, nouns, titles, possessives, appositions); every word that signals a property
comes from the ontology. A fact may be proposed for several properties when a cue is shared
("launch" a product or a company): resolve.py keeps those whose entity classes fit.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.model import Evidence, Fact, Focus, Mention, Sentence
from kg.extract.names import find_names, is_headline, read_article_names
from kg.extract.patterns import sentence_facts
from kg.extract.refer import update_focus
from kg.nlp import ParsedArticle
from kg.ontology import Ontology

__all__ = ["Evidence", "Fact", "Mention", "extract"]


def extract(parsed: ParsedArticle, ontology: Ontology) -> Iterator[Fact]:
    """Every fact the article states, in text order."""
    title = (parsed.article.title or "").strip()
    body = [p for p in parsed.paragraphs if not is_headline(p.doc, title, ontology)]
    article_names = read_article_names(body, ontology)
    focus = Focus(ontology.corporate_suffixes, article_names)
    for paragraph in body:
        names = find_names(paragraph.doc, ontology, article_names.known)
        for sent in paragraph.doc.sents:
            state = Sentence(sent, paragraph.offset, names, {}, ontology, focus)
            yield from sentence_facts(state, parsed.article)
            update_focus(state)
