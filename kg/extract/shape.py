"""Where a fact sits in its sentence: the dependency path between its arguments and the like."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.model import Fact, Mention, Shape, View

LONGEST_PATH = 4  # arcs; longer paths are all alike to the scorer


def shape_of(fact: Fact, view: View, index: int) -> Shape:
    """The shape of `fact`, found in the sentence of `view`, the `index`-th sentence of the
    article body."""
    sent, offset = view.sent, view.offset
    subject, obj = _head(fact.subject, sent, offset), _head(fact.object, sent, offset)
    distance, path, governor = -1, "", ""
    if subject is not None and obj is not None:
        distance, path, governor = _path(subject, obj)
    return Shape(
        sentence=index,
        tokens=len(sent),
        distance=distance,
        path=path,
        governor=governor,
        subject_named=_named(fact.subject, view),
        object_named=_named(fact.object, view),
    )


def _head(mention: Mention, sent: Span, offset: int) -> Token | None:
    span = sent.doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
    if span is None or span.start < sent.start or span.end > sent.end:
        return None
    return span.root


def _named(mention: Mention, view: View) -> bool:
    sent = view.sent
    start = mention.start - view.offset
    end = start + len(mention.text)
    if sent.start_char <= start and end <= sent.end_char:  # most are: spare the whole text
        return view.text[start - sent.start_char : end - sent.start_char] == mention.text
    return sent.doc.text[start:end] == mention.text


def _path(subject: Token, obj: Token) -> tuple[int, str, str]:
    up = [subject, *subject.ancestors]
    down = [obj, *obj.ancestors]
    above = {t.i for t in down}
    top = next((t for t in up if t.i in above), None)
    if top is None:
        return -1, "", ""
    rise = [t.dep_ for t in up[: [t.i for t in up].index(top.i)]]
    fall = [t.dep_ for t in down[: [t.i for t in down].index(top.i)]]
    distance = len(rise) + len(fall)
    governor = top.pos_ if top.pos_ in ("PROPN", "NUM", "X") else top.lemma_.lower()
    if distance > LONGEST_PATH:
        return distance, "long", governor
    return distance, ">".join([*rise, top.pos_]) + "<" + "<".join(reversed(fall)), governor
