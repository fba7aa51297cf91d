"""Facts from parsed text: ontology cues matched on spaCy's NER and dependency parse.

`extract(parsed, ontology)` yields candidate facts, each with its evidence. Each sentence is
read by the pattern families the ontology enables (`kg/extract/patterns/`), each a pure
function from a frozen `View` of the sentence to `Candidate`s; `facts.py` turns those into
facts. The patterns are general (verbs, nouns, titles, possessives, appositions); every word
that signals a property comes from the ontology. A fact may be proposed for several
properties when a cue is shared ("launch" a product or a company): resolve.py keeps those
whose entity classes fit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.errors import located
from kg.extract.facts import distinct, stated
from kg.extract.model import Candidate, Evidence, Fact, Focus, Mention, Shape, View
from kg.extract.names import is_headline, read_article_names
from kg.extract.patterns import candidates
from kg.extract.refer import author_of, update_focus
from kg.extract.shape import shape_of
from kg.nlp import ParsedArticle
from kg.ontology import Ontology

__all__ = ["Candidate", "Evidence", "Fact", "Mention", "Shape", "View", "extract", "view_of"]


def extract(parsed: ParsedArticle, ontology: Ontology) -> Iterator[Fact]:
    """Every fact the article states, in text order."""
    title = (parsed.article.title or "").strip()
    body = [p for p in parsed.paragraphs if not is_headline(p, title, ontology)]
    article_names, found = read_article_names(body, ontology)
    focus = Focus(ontology.corporate_suffixes, article_names)
    docs = [(p.offset, p.doc) for p in body]
    focus.author = author_of(docs, found, article_names, ontology)
    index = 0
    for paragraph, names in zip(body, found, strict=True):
        for sent in paragraph.doc.sents:
            # the paragraph's text is the doc's: a slice spares spaCy joining the words again
            with located(paragraph.text[sent.start_char : sent.end_char]):
                view = view_of(
                    sent,
                    paragraph.offset,
                    names,
                    ontology,
                    focus,
                    paragraph.text,
                    paragraph.tokens,
                )
                facts = stated(view, candidates(view), parsed.article.id)
                update_focus(view, facts)
                shaped = [
                    replace(fact, shape=shape_of(fact, view, index)) for fact in distinct(facts)
                ]
            yield from shaped
            index += 1


def view_of(
    sent: Span,
    offset: int,
    names: Mapping[int, Span],
    ontology: Ontology,
    focus: Focus,
    paragraph: str | None = None,
    tokens: tuple[Token, ...] = (),
) -> View:
    """The sentence as the patterns read it, with the classes its words suggest for names.
    `paragraph`, `tokens`: the text and the tokens of the sentence's doc, if known."""
    hints = _hints(sent, names, ontology, focus.article.known, tokens)
    text = sent.doc.text if paragraph is None else paragraph
    return View(sent, offset, names, hints, ontology, focus, text, tokens)


def _hints(
    sent: Span,
    names: Mapping[int, Span],
    ontology: Ontology,
    known: frozenset[str],
    tokens: tuple[Token, ...] = (),
) -> dict[int, str]:
    """Classes suggested by appositions and modifiers: "Tarnix-7X, an open-source model" is
    a Product, "packaging maker Skovgaard Emballage" an Organization."""
    hints: dict[int, str] = {}
    doc = sent.doc
    for i in range(sent.start, sent.end):  # spaCy makes a token only for the names' words
        name = names.get(i)
        if name is None or i != name.root.i:
            continue
        token = tokens[i] if tokens else doc[i]
        for child in token.children:
            described = child.dep_ == "appos" or (child.dep_ == "compound" and child.i < name.start)
            if described and child.i not in names and child.pos_ == "NOUN":
                cls = ontology.class_of_head_noun(child.lemma_.lower())
                if cls:
                    hints[name.start] = cls
        if token.dep_ == "appos" and token.head.i not in names:
            cls = ontology.class_of_head_noun(token.head.lemma_.lower())
            if cls:
                hints[name.start] = cls
        if token.ent_type_ in ("GPE", "LOC") and _listed_with_orgs(token, names):
            hints.setdefault(name.start, "Organization")  # "X Ventures, Y Capital and Z"
        if all(t.is_lower for t in name) and name[0].text.title() not in known:
            hints.setdefault(name.start, "Technology")  # not "brisko" written "Brisko" elsewhere
    return hints


def _listed_with_orgs(token: Token, names: Mapping[int, Span]) -> bool:
    """Is a name the tagger calls a place listed with two or more names it calls
    organisations, more than it calls anything else ("backed by Halvane Ventures, Ostrander
    Capital and Marrowby")? Then it is one of them."""
    others = [names[c.i] for c in token.conjuncts if c.i in names and names[c.i].root.i == c.i]
    orgs = sum(o.root.ent_type_ == "ORG" for o in others)
    return orgs > 1 and orgs > len(others) - orgs
