"""How names are compared: display form, normal form, identity key."""

from __future__ import annotations

import functools
import re
import unicodedata

# "Orbit 2 Pro", "Kestrel-4X", "Tarnix-7": a version number marks a product's name
VERSION = re.compile(r"(?:[A-Za-z]\d|\s\d+(?:\.\d+)?(?:\s|$)|-\d)")
TICKER = re.compile(r"\s*\((?:[A-Z]+\s*:\s*)?[A-Z.]{1,6}\)\s*$")
_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PLURAL_MODEL = re.compile(r"(\b[A-Z][A-Z0-9-]*\d)s$")  # "KX200s", "TQ-184s": the model
_PUNCTUATION = re.compile(r"[\W_]+")
_PLAIN = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")  # ASCII words, one space apart
STOP_INITIALS = frozenset({"of", "and", "the", "for", "&", "de", "la", "und"})
_WORD_BREAK = re.compile(r"[\s\-]+")


def clean_name(text: str) -> str:
    """The name as it should be shown: no leading 'the', possessive or ticker."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    text = TICKER.sub("", text)
    text = _THE.sub("", text)
    return _PLURAL_MODEL.sub(r"\1", _POSSESSIVE.sub("", text).strip())


@functools.lru_cache(maxsize=1 << 16)  # the extractor asks for the same names many times
def normalise(text: str) -> str:
    """Lower case, punctuation folded to single spaces."""
    if _PLAIN.fullmatch(text):  # most names: nothing to fold or compose; 'the' and plurals
        return _PLURAL_MODEL.sub(r"\1", _THE.sub("", text)).lower()
    text = unicodedata.normalize("NFKC", clean_name(text)).lower()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


@functools.lru_cache(maxsize=1 << 18)  # resolution asks for each name's key many times
def key_of(text: str, suffixes: frozenset[str]) -> str:
    """Identity key: normalised, less trailing corporate suffixes ('Veyra Corp.' -> 'veyra')."""
    words = normalise(text).split()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


@functools.lru_cache(maxsize=1 << 18)  # asked for every known name on every merge
def initials(text: str) -> str:
    """ "nai" of "Northfield Analytical Instruments": the first letters of a name of two
    words or more, less its little words; "" for a name of one word."""
    words = [w for w in _WORD_BREAK.split(text) if w and w.lower() not in STOP_INITIALS]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def is_acronym(name: str) -> bool:
    """ "NAI", "ESA": one word of two to six capitals."""
    return " " not in name and name.isupper() and 2 <= len(name) <= 6
