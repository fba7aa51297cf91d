"""Stage 1: turn files, folders, globs or stdin into plain-text articles."""

from __future__ import annotations

import codecs
import email.utils
import glob
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.errors import KGError

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
STDIN = "<stdin>"


@dataclass(frozen=True)
class Article:
    """One article: its plain text, a content id and what is known about it."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Problem:
    """An input that could not be read, and how to fix it."""

    source: str
    reason: str


class _Bad(Exception):
    """Internal: the reason an input cannot be read."""


# ---------------------------------------------------------------- inputs


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Files, folders (recursively, known suffixes, sorted), globs or "-", without duplicates."""
    unique: dict[str, str] = {}
    for given in inputs:
        for path in _expand(given):
            unique.setdefault(path if path == "-" else os.path.realpath(path), path)
    return list(unique.values())


def _expand(given: str) -> list[str]:
    if given == "-" or os.path.isfile(given):
        return [given]
    if os.path.isdir(given):
        return _folder(given)
    if any(c in given for c in "*?["):
        matches = sorted(glob.glob(given, recursive=True))
        if matches:
            return [p for m in matches for p in (_folder(m) if os.path.isdir(m) else [m])]
        raise KGError(f"no files match {given!r} (give a file, a folder, a glob or -)")
    raise KGError(f"no such file or folder: {given!r} (give a file, a folder, a glob or -)")


def _folder(folder: str) -> list[str]:
    """Every file not hidden, sorted: one of an unknown type is reported when read."""
    root = Path(folder)
    found = (
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    return [str(p) for p in sorted(found)]


# ---------------------------------------------------------------- reading


def read_articles(
    inputs: Sequence[str], stdin: TextIO | None = None
) -> Iterator[Article | Problem]:
    """Every article, and a Problem for each unreadable one. Bad inputs raise KGError at once."""
    paths = expand_inputs(inputs)
    stream = stdin if stdin is not None else sys.stdin
    return (item for path in paths for item in _read(path, stream))


def _read(path: str, stdin: TextIO) -> Iterator[Article | Problem]:
    source = STDIN if path == "-" else path
    try:
        if path == "-":
            yield _plain(_read_stdin(stdin), source)
        elif (suffix := Path(path).suffix.lower()) == ".jsonl":
            yield from _jsonl(_read_file(path), path)
        else:
            reader = _READERS[_suffix_ok(suffix)]
            yield reader(_read_file(path), source)
    except Exception as err:
        yield Problem(source, _reason(err))


def _reason(err: Exception) -> str:
    """What to tell the user: the fix for a bad input, or a bug report for a bug in kg."""
    if isinstance(err, _Bad):
        return str(err)
    return f"could not be read ({type(err).__name__}: {err}); a bug in kg, please report it"


def _suffix_ok(suffix: str) -> str:
    if suffix in SUFFIXES:
        return suffix
    what = f"unknown file type {suffix!r}" if suffix else "no file suffix"
    raise _Bad(f"{what}; kg reads {', '.join(SUFFIXES)}: save it as one of them or leave it out")


def _read_file(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise _Bad(f"cannot read it ({e.strerror or e}); check it exists and is readable") from e
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Bad("UTF-16 text, not UTF-8; save it as UTF-8")
    if b"\x00" in data:
        raise _Bad(f"binary file (contains NUL bytes); give a text file ({', '.join(SUFFIXES)})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        at = f"byte 0x{data[e.start]:02x} at offset {e.start}"
        raise _Bad(f"not UTF-8 text ({at}); save it as UTF-8") from None
    if not text.strip():
        raise _Bad("empty file; add the article's text or leave the file out")
    return text


def _read_stdin(stdin: TextIO) -> str:
    try:
        text = stdin.read()
    except UnicodeDecodeError as e:
        raise _Bad(f"not UTF-8 text (at offset {e.start}); send UTF-8 text on stdin") from None
    if "\x00" in text:
        raise _Bad("binary input (contains NUL bytes); send plain text on stdin")
    if not text.strip():
        raise _Bad("no text on stdin; pipe an article's text in")
    return text


def _article(
    text: str,
    source: str,
    title: str | None = None,
    url: str | None = None,
    when: str | None = None,
) -> Article:
    text = _normalise(text)
    if not any(c.isalnum() for c in text):  # "|" left of a row of images is no article
        raise _Bad("no text left after removing the markup; check the file holds article text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(digest, text, source, _one_line(title), _one_line(url), iso_date(when))


def _normalise(text: str) -> str:
    """NFC, "\\n" line ends (for "\\r\\n", "\\r" and the Unicode line and paragraph separators,
    so that no name runs across a line), no BOM, no surrounding whitespace: the text ids are
    taken from."""
    text = "\n".join(unicodedata.normalize("NFC", text).splitlines())
    return text.lstrip("\ufeff").strip()


def _one_line(value: str | None) -> str | None:
    return (" ".join(value.split()) or None) if value else None


def iso_date(value: str | None) -> str | None:
    """An ISO "YYYY-MM-DD" from ISO, "24 September 2025", "Sep 24, 2025" or RFC 2822 dates."""
    if not value or not value.strip():
        return None
    if m := re.match(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", value):
        try:
            return date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    words = " ".join(re.sub(r"(\d)(st|nd|rd|th)\b|,", r"\1 ", value).split()[:3])
    for fmt in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return datetime.strptime(words, fmt).date().isoformat()
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# ---------------------------------------------------------------- plain text and JSONL


def _plain(text: str, source: str) -> Article:
    text = _unwrap(_normalise(text))
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    titled = len(first) <= 150 and not re.search(r"[.!?…][\"'”’)]*$", first)
    return _article(text, source, first if titled else None)


WRAP_WIDTHS = range(40, 101)  # the widths plain text is hard-wrapped at
WRAPPED_SHARE = 0.6  # of the lines followed by another that run close to the width
FULL_LINE = 0.75  # a line at least this share of the width was wrapped, not ended


def _unwrap(text: str) -> str:
    """Text hard-wrapped at a fixed width with each line break inside a paragraph made a
    space, so a paragraph reaches the parser whole (and offsets hold). A blank or short line
    ends a paragraph; text whose lines are paragraphs is returned as it is."""
    lines = text.split("\n")
    lengths = [len(line.strip()) for line in lines]
    width = max(lengths, default=0)
    followed = [n for n, after in zip(lengths, lengths[1:], strict=False) if n and after]
    near = sum(1 for n in followed if n >= FULL_LINE * width)
    if len(followed) < 3 or width not in WRAP_WIDTHS or near < WRAPPED_SHARE * len(followed):
        return text
    ends = [
        n < FULL_LINE * width or not after for n, after in zip(lengths, lengths[1:], strict=False)
    ]
    return (
        "".join(line + ("\n" if end else " ") for line, end in zip(lines, ends, strict=False))
        + lines[-1]
    )


def _jsonl(text: str, path: str) -> Iterator[Article | Problem]:
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            source = f"{path}:{number}"
            try:
                yield _json_line(line, source)
            except Exception as err:
                yield Problem(source, _reason(err))


def _json_line(line: str, source: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        at = "" if e.msg.endswith(" at") else " at"  # "Unterminated string starting at"
        raise _Bad(f"invalid JSON ({e.msg}{at} column {e.colno}); fix or remove the line") from None
    except RecursionError:
        raise _Bad("JSON nested too deeply to read; fix or remove the line") from None
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise _Bad(f'a JSON {kind}, not an object; write {{"text": "...", ...}}')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Bad('no "text" (a non-empty string) in the object; add the article\'s text')

    def field(name: str) -> str | None:
        value = record.get(name)
        return value if isinstance(value, str) else None

    return _article(text, source, field("title"), field("url"), field("date"))


# ---------------------------------------------------------------- Markdown

_BARE_URL = re.compile(r"\s*https?://\S*[^\s.,;:!?)\]'\"]")


@cache
def _commonmark() -> MarkdownIt:
    """CommonMark with the usual extensions for tables and strikethrough."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _markdown(text: str, source: str) -> Article:
    """The text of each paragraph, heading, list item and table row on a line of its own (cells
    joined by "; "); code, images and link targets left out, raw HTML read as HTML is."""
    front, body = _front_matter(_normalise(text))
    lines: list[str] = []
    headings: list[str] = []
    row: list[str] | None = None
    heading = False
    depth = 0  # of nested lists
    items: list[str] | None = None  # those of a list a line ending in a colon leads
    for token in _commonmark().parse(body):
        if token.type in ("heading_open", "heading_close"):
            heading = token.type == "heading_open"
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if depth == 1 and lines and lines[-1].endswith(":"):
                items = []
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0 and items is not None:
                lines += _led_list(lines.pop(), items)
                items = None
        elif token.type == "inline" and items is not None:
            items.append(_md_inline(token.children or []))
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append("; ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline" and row is not None:
            row.append(_md_inline(token.children or []))
        elif token.type == "inline":
            lines.append(_md_inline(token.children or []))
            if heading:
                headings.append(lines[-1])
        elif token.type == "html_block":
            lines += _html_lines(token.content)
    title = front.get("title") or next((h for h in headings if h), None)
    content = "\n".join(line for line in lines if line)
    return _article(content, source, title, front.get("url"), front.get("date"))


def _led_list(lead: str, items: list[str]) -> list[str]:
    """A list a line ending in a colon leads, as one sentence when its items are names or
    short phrases ("Investors include: X, Y, Z."); else the lead and each item on a line."""
    short = all(
        item and len(item.split()) <= _SHORT_ITEM and item[-1] not in ".!?;:" for item in items
    )
    if not short or not items:
        return [lead, *items]
    return [f"{lead} {', '.join(items)}."]


_SHORT_ITEM = 8  # words: a longer list item is read as a sentence of its own


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
    if not end:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if sep and value.strip():
            fields[key.strip().lower()] = value.strip().strip("'\"")
    return fields, "\n".join(lines[end + 1 :])


def _md_inline(children: Sequence[Token]) -> str:
    """The words of an inline run: text, code and link text kept; images, raw HTML and the
    addresses of links (autolinks, bare URLs) left out."""
    words: list[str] = []
    skip = 0  # inside an autolink
    for child in children:
        if child.type == "link_open" and child.markup == "autolink":
            skip += 1
        elif child.type == "link_close" and skip:
            skip -= 1
        elif skip:
            continue
        elif child.type in ("text", "text_special", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return " ".join(_BARE_URL.sub("", "".join(words)).split())


def _html_lines(markup: str) -> list[str]:
    """The lines of text in a block of raw HTML, as the HTML reader finds them."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    return [" ".join(_BARE_URL.sub("", line).split()) for line in parser.text().split("\n")]


# ---------------------------------------------------------------- HTML

_SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "svg",
    "template",
    "iframe",
    "button",
    "select",
    "textarea",
    "title",
}
_BLOCK = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "div",
    "br",
    "hr",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "body",
    "caption",
}


# Furniture a site puts around its stories, by the words of an element's class or id (the
# conventions readability and its kin go by); an element named by a story word stays.
_FURNITURE = {
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "gdpr",
    "menu",
    "nav",
    "navbar",
    "newsletter",
    "pagination",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "tags",
    "widget",
}
_STORY = {"article", "body", "content", "entry", "main", "post", "story", "text"}
_CONTAINERS = {"div", "section", "aside", "ul", "ol", "dl", "table", "header", "footer", "nav"}
_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
# where pages give their publication date, best first (meta names lower-cased; "ld:" JSON-LD)
_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "ld:datepublished",
    "og:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "time",
)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s+[|:]{2}\s+")


def _furniture(tag: str, attrs: dict[str, str]) -> bool:
    """Whether an element is a site's furniture (menus, ads, share bars, comments …)."""
    if attrs.get("role", "").lower() in _ROLES and tag not in ("article", "main"):
        return True
    if tag not in _CONTAINERS:
        return False
    words = set(re.split(r"[^a-z0-9]+", f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()))
    return bool(words & _FURNITURE) and not words & _STORY


class _HTMLText(HTMLParser):
    """Collects the visible text of the whole page, of <main> and of <article>, plus metadata;
    furniture (navigation, scripts, asides, and elements a site names as menus, ads, comments …)
    is left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: dict[str, list[str]] = {"body": [], "main": [], "article": []}
        self.depth = {"main": 0, "article": 0}
        self.skipping: list[list[str | int]] = []  # [tag, how deep it nests] left out
        self.found: dict[str, str] = {}
        self.capturing: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or ""
            self.found.setdefault(key.lower(), a.get("content", ""))
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.found.setdefault("canonical", a.get("href", ""))
        elif tag == "time" and a.get("datetime"):
            self.found.setdefault("time", a["datetime"])
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.capturing = ("script", [])
        elif tag in ("title", "h1") and not self.skipping and f"<{tag}>" not in self.found:
            self.capturing = (tag, [])
        if tag in self.depth:
            self.depth[tag] += 1
        in_story = self.depth["main"] or self.depth["article"]
        if self.skipping and self.skipping[-1][0] == tag:
            self.skipping[-1][1] = int(self.skipping[-1][1]) + 1
        elif (tag in _SKIP and not (tag == "header" and in_story)) or _furniture(tag, a):
            self.skipping.append([tag, 1])
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1][0] == tag:
            self.skipping[-1][1] = int(self.skipping[-1][1]) - 1
            if not self.skipping[-1][1]:
                self.skipping.pop()
        elif any(t == tag for t, _ in self.skipping):  # tags left open inside it
            while self.skipping.pop()[0] != tag:
                pass
        if self.capturing and self.capturing[0] == tag:
            text = "".join(self.capturing[1])
            if tag == "script":
                if match := _LD_DATE.search(text):
                    self.found.setdefault("ld:datepublished", match.group(1))
            else:
                self.found[f"<{tag}>"] = text
            self.capturing = None
        if self.depth.get(tag):
            self.depth[tag] -= 1
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self.capturing:
            self.capturing[1].append(data)
        if not self.skipping:
            self._emit(re.sub(r"\s+", " ", data))

    def _break(self, tag: str) -> None:
        if tag in _BLOCK:
            self._emit("\n")
        elif tag in ("td", "th"):
            self._emit("\t")

    def _emit(self, text: str) -> None:
        self.chunks["body"].append(text)
        for region, depth in self.depth.items():
            if depth:
                self.chunks[region].append(text)

    def text(self) -> str:
        """Lines of the <article>, else of <main>, else of the whole page; cells joined by "; "."""
        for region in ("article", "main", "body"):
            raw = "".join(self.chunks[region]).split("\n")
            lines = ["; ".join(_cell_texts(line)) for line in raw]
            if any(lines):
                return "\n".join(line for line in lines if line)
        return ""


def _cell_texts(line: str) -> list[str]:
    return [" ".join(cell.split()) for cell in line.split("\t") if cell.strip()]


def _headline(title: str | None, h1: str | None) -> str | None:
    """The story's headline from the page's <title> and first <h1>: the <h1> when the title
    holds it, else the longest part of a title such as "Headline | Site name"."""
    title, h1 = _one_line(title), _one_line(h1)
    if title and h1 and h1 in title:
        return h1
    if title:
        return max(_TITLE_PARTS.split(title), key=len)
    return h1


def _html(text: str, source: str) -> Article:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    f = parser.found
    title = f.get("og:title") or _headline(f.get("<title>"), f.get("<h1>"))
    when = next((iso for key in _DATE_KEYS if (iso := iso_date(f.get(key)))), None)
    lines = parser.text().split("\n")
    main, dated = _main_text(text)
    body = "\n".join(_main_lines(lines, main) if main else lines)
    url = f.get("canonical") or f.get("og:url")
    return _article(body, source, title, url, when or iso_date(dated))


def _main_text(page: str) -> tuple[str | None, str | None]:
    """The page's main text and date as trafilatura (with htmldate) finds them, where it is
    installed (`kg[html]`); it tells a story from the furniture around it better than kg's
    reader does, while kg's reader keeps each paragraph on a line of its own."""
    try:
        import trafilatura
    except ImportError:
        return None, None
    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_tables=True, include_comments=False
    )
    if found is None:
        return None, None
    fields = found if isinstance(found, dict) else found.as_dict()
    return fields.get("text") or None, fields.get("date") or None


def _main_lines(lines: list[str], main: str) -> list[str]:
    """The lines that are part of the `main` text, word for word (a table layout run together
    still matches); all of them where none is."""
    words = f" {_words(main)} "
    kept = [line for line in lines if f" {_words(line)} " in words]
    return kept or lines


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


_READERS = {
    ".txt": _plain,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
}
