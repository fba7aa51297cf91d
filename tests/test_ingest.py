"""Tests for kg.ingest: every input format, every Problem, KGError cases, ids, stdin."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import textwrap
from pathlib import Path
from typing import TextIO

import pytest

from kg.errors import KGError
from kg.ingest import SUFFIXES, Article, Problem, _main_lines, expand_inputs, read_articles


def write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def read_all(*inputs: str, stdin: TextIO | None = None) -> list[Article | Problem]:
    return list(read_articles(list(inputs), stdin=stdin))


def article(path: str) -> Article:
    [item] = read_all(path)
    assert isinstance(item, Article), item
    return item


def problem(path: str) -> Problem:
    [item] = read_all(path)
    assert isinstance(item, Problem), item
    return item


# ---------------------------------------------------------------- plain text


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("Kestrel Motors opens a plant\n\nThe carmaker said so.", "Kestrel Motors opens a plant"),
        ("\n\n   Pellucid Bank cuts rates   \nIt did.", "Pellucid Bank cuts rates"),
        ("Kestrel Motors opened a plant in Ghent on Monday.\nMore text.", None),
        ("Is Pellucid Bank in trouble?\nAnalysts disagree.", None),
        ('The chief said "we will grow."\nMore.', None),
        ("A" * 151 + "\nBody.", None),
        ("A" * 150 + "\nBody.", "A" * 150),
    ],
)
def test_txt_title_is_a_short_unpunctuated_first_line(
    tmp_path: Path, content: str, title: str | None
) -> None:
    assert article(write(tmp_path, "a.txt", content)).title == title


def test_txt_text_is_kept_with_newlines_normalised_and_bom_stripped(tmp_path: Path) -> None:
    raw = "\ufeffOrlo Shipping buys two tankers\r\n\r\nOrlo  Shipping paid cash.\r\n".encode()
    item = article(write(tmp_path, "a.txt", raw))
    assert item.text == "Orlo Shipping buys two tankers\n\nOrlo  Shipping paid cash."
    assert item.source == str(tmp_path / "a.txt")
    assert (item.url, item.date) == (None, None)


# ---------------------------------------------------------------- ids


def test_id_is_sha256_prefix_of_text(tmp_path: Path) -> None:
    item = article(write(tmp_path, "a.txt", "Brindle Energy drills a new well.\n"))
    assert item.id == hashlib.sha256(item.text.encode()).hexdigest()[:16]
    assert len(item.id) == 16


def test_same_text_same_id_whatever_path_or_line_endings(tmp_path: Path) -> None:
    body = "Brindle Energy drills a new well.\nIt is deep."
    a = article(write(tmp_path, "one.txt", body))
    b = article(write(tmp_path, "deep/two.txt", body.replace("\n", "\r\n") + "\n\n"))
    jsonl = write(tmp_path, "c.jsonl", json.dumps({"text": body, "id": "ignored"}) + "\n")
    c = article(jsonl)
    other = article(write(tmp_path, "three.txt", body + " Very deep."))
    assert a.id == b.id == c.id
    assert other.id != a.id


def test_articles_are_frozen(tmp_path: Path) -> None:
    item = article(write(tmp_path, "a.txt", "Some text."))
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.text = "changed"  # type: ignore[misc]


# ---------------------------------------------------------------- Markdown

MARKDOWN = """\
---
title: "Quintet Labs joins Velora Foods"
date: 24 September 2025
url: https://news.example/velora-quintet
---

# Velora Foods buys *Quintet* Labs #

![A factory in Porto](https://img.example/factory.jpg)
By Jane Doe

Velora Foods said on Tuesday it would acquire [Quintet Labs](https://quintet.example)
for **$40 million**, see https://velora.example/press. The `deal` closes in _March_.

> Quintet's founder called it
> "a great fit".

- Velora makes sauces
* Quintet makes [sensors][q]
2. Both are __private__

| Company | Role |
|---------|:----:|
| Velora  | buyer |
| Quintet | target |

***

Next steps
----------

```python
print("not prose")
```

<div class="note">Regulators <b>must</b> approve &amp; sign off.</div>

<!-- an editor's comment -->
[q]: https://quintet.example/sensors
Her file_name_here stays ~~as~~ written.
"""


def test_markdown_text_has_no_markup(tmp_path: Path) -> None:
    item = article(write(tmp_path, "story.md", MARKDOWN))
    assert item.text.split("\n") == [
        "Velora Foods buys Quintet Labs",
        "By Jane Doe",
        "Velora Foods said on Tuesday it would acquire Quintet Labs for $40 million, see."
        " The deal closes in March.",
        'Quintet\'s founder called it "a great fit".',
        "Velora makes sauces",
        "Quintet makes sensors",
        "Both are private",
        "Company; Role",
        "Velora; buyer",
        "Quintet; target",
        "Next steps",
        "Regulators must approve & sign off.",
        "Her file_name_here stays as written.",
    ]
    for gone in ("factory", "http", "img.example", "#", "*", "`", ">", "|", "---", "print"):
        assert gone not in item.text


def test_markdown_front_matter_gives_title_date_url(tmp_path: Path) -> None:
    item = article(write(tmp_path, "story.markdown", MARKDOWN))
    assert item.title == "Quintet Labs joins Velora Foods"
    assert item.date == "2025-09-24"
    assert item.url == "https://news.example/velora-quintet"


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("Intro line.\n\n## Harbour *Ltd* grows\n\nText.", "Harbour Ltd grows"),
        ("Harbour Ltd grows\n=================\n\nText.", "Harbour Ltd grows"),
        ("Just a paragraph about Harbour Ltd.", None),
    ],
)
def test_markdown_title_is_first_heading(tmp_path: Path, content: str, title: str | None) -> None:
    item = article(write(tmp_path, "a.md", content))
    assert item.title == title
    assert item.date is None


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Look ![a chart of sales](chart.png) here.", "Look here."),
        ("[![logo](logo.png)](https://x.example) Lumo Ltd.", "Lumo Ltd."),
        ('Ask [Lumo Ltd](https://lumo.example "Lumo").', "Ask Lumo Ltd."),
        ("Visit <https://lumo.example> now.", "Visit now."),
        ("Call `lumo --help` now.", "Call lumo --help now."),
        ("***Big*** and *small* and **bold**.", "Big and small and bold."),
        ("1) first\n2) second", "first\nsecond"),
        ("> > nested quote", "nested quote"),
        ("Wrapped\nparagraph\nlines.\n\nNext block.", "Wrapped paragraph lines.\nNext block."),
        ("Price: 5 \\* 3 = 15.", "Price: 5 * 3 = 15."),
        ("Sales | Costs\n--- | ---\n10 | 4", "Sales; Costs\n10; 4"),
        ("Café &eacute; <br/> fin", "Café é fin"),
        # CommonMark, read by markdown-it-py (the regexes before it got these wrong)
        ("Intro.\n\n    code = 1\n    more()\n\nAfter.", "Intro.\nAfter."),
        (
            "<p>Orlen Ltd grew.</p>\n<p>Brisk Foods shrank.</p>",
            "Orlen Ltd grew.\nBrisk Foods shrank.",
        ),
        ("Read [Lumo [beta]](https://x.example) now.", "Read Lumo [beta] now."),
        ("- Orlen Ltd\n\n  sells pumps.\n- Brisk Foods", "Orlen Ltd\nsells pumps.\nBrisk Foods"),
        # a list a colon leads is one sentence with it, where its items are names or phrases
        (
            "Its backers include:\n\n- Orlen Ltd\n- Brisk Foods (lead)\n1. nested\n",
            "Its backers include: Orlen Ltd, Brisk Foods (lead).\nnested",
        ),
        (
            "Its backers include:\n\n1. Orlen Ltd\n   - a pump maker\n2. Brisk Foods",
            "Its backers include: Orlen Ltd, a pump maker, Brisk Foods.",
        ),
        (
            "What happened:\n\n- Orlen Ltd sold its pump unit.\n- Brisk Foods",
            "What happened:\nOrlen Ltd sold its pump unit.\nBrisk Foods",
        ),
        ("Backers\n\n- Orlen Ltd\n- Brisk Foods", "Backers\nOrlen Ltd\nBrisk Foods"),
    ],
)
def test_markdown_constructs(tmp_path: Path, markdown: str, text: str) -> None:
    assert article(write(tmp_path, "a.md", markdown)).text == text


# ---------------------------------------------------------------- HTML

PAGE = """<!doctype html>
<html><head>
<title>Orbix opens in Lisbon | The Daily Example</title>
<meta property="og:title" content="Orbix &amp; Partners open in Lisbon">
<meta property="article:published_time" content="2025-03-02T10:00:00Z">
<link rel="canonical" href="https://news.example/orbix-lisbon">
<script>var headline = "script text";</script>
<style>p { color: red }</style>
</head>
<body>
<header><a href="/">The Daily Example</a></header>
<nav><a>Home</a> <a>World</a></nav>
<main>
  <article>
    <header><h1>Orbix opens in Lisbon</h1><p class="byline">By A. Writer</p></header>
    <p>Orbix &amp; Partners opened an
       office in Lisbon.<br>It hired 40 people.</p>
    <figure><img src="office.jpg" alt="the office"><figcaption>The new office</figcaption></figure>
    <ul><li>Founded 2011</li><li>Based in Oslo</li></ul>
    <table><tr><th>City</th><th>Staff</th></tr><tr><td>Lisbon</td><td>40</td></tr></table>
    <aside>Read more: unrelated story</aside>
    <noscript>Enable JavaScript</noscript>
    <form><label>Subscribe</label></form>
  </article>
  <div class="related">Related teaser outside the article</div>
</main>
<footer>Copyright notice</footer>
</body></html>
"""


def test_html_main_text_only(tmp_path: Path) -> None:
    item = article(write(tmp_path, "page.html", PAGE))
    assert item.text.split("\n") == [
        "Orbix opens in Lisbon",
        "By A. Writer",
        "Orbix & Partners opened an office in Lisbon.",
        "It hired 40 people.",
        "Founded 2011",
        "Based in Oslo",
        "City; Staff",
        "Lisbon; 40",
    ]
    for gone in (
        "script",
        "color",
        "Daily",
        "Home",
        "office.jpg",
        "new office",
        "unrelated",
        "JavaScript",
        "Subscribe",
        "teaser",
        "Copyright",
    ):
        assert gone not in item.text


def test_html_metadata(tmp_path: Path) -> None:
    item = article(write(tmp_path, "page.htm", PAGE))
    assert item.title == "Orbix & Partners open in Lisbon"
    assert item.date == "2025-03-02"
    assert item.url == "https://news.example/orbix-lisbon"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ("<title>From  title</title>", "<h1>From h1</h1><p>x</p>", "From title"),
        ("", "<h1>From <em>h1</em></h1><p>x</p>", "From h1"),
        ("", "<nav><h1>Site name</h1></nav><p>x</p>", None),
        ('<meta property="og:title" content="From og">', "<h1>h</h1>", "From og"),
    ],
)
def test_html_title_fallbacks(tmp_path: Path, head: str, body: str, expected: str | None) -> None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert article(write(tmp_path, "a.html", page)).title == expected


def test_html_date_from_time_and_url_from_og(tmp_path: Path) -> None:
    page = """<html><head><meta property="og:url" content="https://news.example/t"></head>
    <body><p>Posted <time datetime="2024-11-05T08:00">Tuesday</time>.</p></body></html>"""
    item = article(write(tmp_path, "a.html", page))
    assert (item.date, item.url) == ("2024-11-05", "https://news.example/t")
    assert item.text == "Posted Tuesday."


def test_html_uses_main_when_no_article_and_body_when_neither(tmp_path: Path) -> None:
    with_main = "<body><div>Menu</div><main><p>Main story.</p></main><div>Ads</div></body>"
    plain = "<body><div>Menu</div><p>Only story.</p><script>x()</script></body>"
    assert article(write(tmp_path, "a.html", with_main)).text == "Main story."
    # the whole body, less what trafilatura takes for furniture
    assert article(write(tmp_path, "b.html", plain)).text == "Only story."


def test_html_article_is_preferred_over_main(tmp_path: Path) -> None:
    page = "<main><p>Main intro.</p><article><p>The story.</p></article></main>"
    assert article(write(tmp_path, "a.html", page)).text == "The story."


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ('<article><p>Story.</p><div class="ad-slot">Advertisement</div></article>', "Story."),
        (
            '<div class="related"><div><p>Teaser</p></div><p>More teaser</p></div><p>Story.</p>',
            "Story.",
        ),
        ('<div role="navigation"><a>Home</a></div><div id="content"><p>Story.</p></div>', "Story."),
        ('<div class="c-site-nav"><a>Latest</a></div><p>Story.</p>', "Story."),
        (
            '<div class="story-body"><p>Story.</p></div>'
            '<ul class="share-tools"><li>Tweet</li></ul>',
            "Story.",
        ),
        ('<div id="comments"><p>Nice one.</p></div><p>Story.</p>', "Story."),
        ('<div class="entry-content sidebar-left"><p>Story.</p></div>', "Story."),  # a story word
    ],
)
def test_html_leaves_out_what_a_site_names_as_furniture(
    tmp_path: Path, body: str, text: str
) -> None:
    assert article(write(tmp_path, "a.html", f"<html><body>{body}</body></html>")).text == text


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ('<meta name="date" content="2024-11-05">', "2024-11-05"),
        ('<meta itemprop="datePublished" content="2025-01-20">', "2025-01-20"),
        ('<meta name="dc.date" content="27 February 2025">', "2025-02-27"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2025-06-02T06:00:00Z"}</script>',
            "2025-06-02",
        ),
        (
            '<meta name="date" content="soon"><meta name="pubdate" content="2023-04-01">',
            "2023-04-01",
        ),
    ],
)
def test_html_date_from_the_places_pages_give_it(tmp_path: Path, head: str, date: str) -> None:
    page = f"<html><head>{head}</head><body><p>Story.</p></body></html>"
    item = article(write(tmp_path, "a.html", page))
    assert (item.date, item.text) == (date, "Story.")


@pytest.mark.parametrize(
    ("title", "h1", "headline"),
    [
        ("Orlen Ltd buys Brisk Foods | The Daily Example", "", "Orlen Ltd buys Brisk Foods"),
        ("The Daily Example - Orlen Ltd buys Brisk Foods", "", "Orlen Ltd buys Brisk Foods"),
        ("Orlen buys Brisk | Deals | Daily", "Orlen buys Brisk", "Orlen buys Brisk"),
        ("Co-op and Brisk merge", "", "Co-op and Brisk merge"),
    ],
)
def test_html_headline_without_the_site_name(
    tmp_path: Path, title: str, h1: str, headline: str
) -> None:
    page = f"<html><head><title>{title}</title></head><body><h1>{h1}</h1><p>x</p></body></html>"
    assert article(write(tmp_path, "a.html", page)).title == headline


PAGES = Path(__file__).parent / "data" / "pages"


def test_html_news_pages_side_by_side_figures() -> None:
    """The figures of kg's reader (with trafilatura, as `kg[html]` and CI install it) in the
    README's side-by-side (bench/html_readers.py): every story paragraph of the eight pages, each
    on a line of its own, and how much furniture, headlines and dates."""
    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
    leaked = titles = dates = 0
    for name, expected in gold.items():
        (item,) = read_articles([str(PAGES / name)])
        assert isinstance(item, Article), item
        text = " ".join(item.text.split())
        assert all(" ".join(p.split()) in text for p in expected["text"]), name
        pieces = [" ".join(p.split()) for p in expected["text"]]
        lines = [" ".join(line.split()) for line in item.text.split("\n")]
        alone = [line for line in lines if sum(q in line for q in pieces) == 1]
        assert all(any(p in line for line in alone) for p in pieces), name
        leaked += sum(piece in text for piece in expected["boilerplate"])
        titles += item.title == expected["title"]
        dates += item.date == expected["date"]
    assert (leaked, titles, dates) == (4, 7, 8)


def test_html_lines_stay_when_none_is_main_text() -> None:
    lines = ["Norvale Systems opened a plant in Leeds.", "Brisk Foods bought Halden Dairy."]
    assert _main_lines(lines, "Something else entirely.") == lines
    main = " ".join(lines)  # run together, as trafilatura does with a table layout
    assert _main_lines([*lines, "Sign up for our newsletter"], main) == lines


# ---------------------------------------------------------------- JSONL


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "text": "Tarn Mining struck gold.",
                "title": "Gold",
                "url": "https://t.example",
                "date": "5 May 2024",
                "id": "x1",
            }
        ),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        "   ",
        json.dumps({"text": "Tarn Mining hired staff.", "title": 7}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    items = read_all(path)
    assert [item.source for item in items] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7, 9)]
    first, *bad, last = items
    assert first == Article(
        hashlib.sha256(b"Tarn Mining struck gold.").hexdigest()[:16],
        "Tarn Mining struck gold.",
        f"{path}:1",
        "Gold",
        "https://t.example",
        "2024-05-05",
    )
    reasons = [p.reason for p in bad if isinstance(p, Problem)]
    assert len(reasons) == len(bad) == 5
    assert reasons[0].startswith("invalid JSON (Expecting property name")
    assert reasons[0].endswith("; fix or remove the line")
    assert reasons[1] == 'a JSON list, not an object; write {"text": "...", ...}'
    no_text = 'no "text" (a non-empty string) in the object; add the article\'s text'
    assert reasons[2:] == [no_text] * 3
    assert isinstance(last, Article)
    assert (last.text, last.title) == ("Tarn Mining hired staff.", None)


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2025-09-24", "2025-09-24"),
        ("2025-09-24T23:10:00+02:00", "2025-09-24"),
        ("2025/9/4", "2025-09-04"),
        ("24 September 2025", "2025-09-24"),
        ("Sep 24, 2025", "2025-09-24"),
        ("September 24th, 2025 10:30", "2025-09-24"),
        ("Wed, 24 Sep 2025 10:00:00 +0000", "2025-09-24"),
        ("2025-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_dates_are_normalised(tmp_path: Path, given: str, iso: str | None) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"text": "Some news.", "date": given}))
    assert article(path).date == iso


# ---------------------------------------------------------------- problems

VALID = ".txt, .md, .markdown, .html, .htm, .jsonl"
EMPTY = "empty file; add the article's text or leave the file out"
READS = f"kg reads {VALID}: save it as one of them or leave it out"
NO_TEXT = "no text left after removing the markup; check the file holds article text"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", EMPTY),
        ("blank.md", b" \n\t\n", EMPTY),
        ("bom.jsonl", b"\xef\xbb\xbf\n", EMPTY),
        ("bin.txt", b"abc\x00def", f"binary file (contains NUL bytes); give a text file ({VALID})"),
        (
            "latin.txt",
            b"Caf\xe9 Mira opened.",
            "not UTF-8 text (byte 0xe9 at offset 3); save it as UTF-8",
        ),
        ("wide.html", "Hi".encode("utf-16"), "UTF-16 text, not UTF-8; save it as UTF-8"),
        ("report.pdf", b"%PDF-1.4", f"unknown file type '.pdf'; {READS}"),
        ("README", b"text", f"no file suffix; {READS}"),
        (
            "only-nav.html",
            b"<nav>Home</nav><script>x()</script>",
            "no text left after removing the markup; check the file holds article text",
        ),
        (
            "meta-only.md",
            b"---\ntitle: Nothing\n---\n![pic](p.png)\n",
            "no text left after removing the markup; check the file holds article text",
        ),
        ("images-row.md", b"![a](a.png) ![b](b.png) |\n", NO_TEXT),
        ("image-brackets.md", b"# ![logo](logo(1).png)\n\n![chart](chart(2).svg)\n", NO_TEXT),
        ("rule.txt", b"* * *\n---\n", NO_TEXT),
    ],
)
def test_problems_have_a_one_line_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = write(tmp_path, name, content)
    assert problem(path) == Problem(path, reason)
    assert "\n" not in reason


def test_unreadable_file_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", "Secret news.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert problem(path).reason == (
        "cannot read it (Permission denied); check it exists and is readable"
    )


def test_bad_files_do_not_stop_the_rest(tmp_path: Path) -> None:
    good = write(tmp_path, "a.txt", "Fennel Air adds routes.")
    bad = write(tmp_path, "b.txt", b"\xff\xfe\xfa")
    also_good = write(tmp_path, "c.md", "# Fennel Air\n\nIt adds routes.")
    kinds = [(type(item).__name__, item.source) for item in read_all(good, bad, also_good)]
    assert kinds == [("Article", good), ("Problem", bad), ("Article", also_good)]


# ---------------------------------------------------------------- inputs


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(KGError) as info:
        expand_inputs([f"{tmp_path}/nope/"])
    assert str(info.value) == (
        f"no such file or folder: '{tmp_path}/nope/' (give a file, a folder, a glob or -)"
    )


def test_empty_glob_raises_at_call_time(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.txt")
    with pytest.raises(KGError, match=r"no files match '.*\*\.txt' \(give a file, a folder"):
        read_articles([pattern])  # no iteration needed


def test_folder_is_recursive_sorted_and_skips_only_hidden_files(tmp_path: Path) -> None:
    names = [
        "b.txt",
        "a.md",
        "sub/z.jsonl",
        "sub/deeper/c.HTML",
        "A.htm",
        "notes.pdf",
        "sub/image.png",
        ".hidden/x.txt",
        "sub/.draft.md",
        "d.markdown",
        "README",
    ]
    for name in names:
        write(tmp_path, name, "x")
    found = [os.path.relpath(p, tmp_path) for p in expand_inputs([str(tmp_path)])]
    assert found == [
        "A.htm",
        "README",
        "a.md",
        "b.txt",
        "d.markdown",
        "notes.pdf",
        "sub/deeper/c.HTML",
        "sub/image.png",
        "sub/z.jsonl",
    ]


def test_unknown_files_in_a_folder_are_reported_by_name(tmp_path: Path) -> None:
    good = write(tmp_path, "news/a.txt", "Fennel Air adds routes.")
    pdf = write(tmp_path, "news/b.pdf", b"%PDF-1.4")
    png = write(tmp_path, "news/pics/c.png", b"\x89PNG")
    found = [(type(x).__name__, x.source) for x in read_articles([str(tmp_path / "news")])]
    assert found == [("Article", good), ("Problem", pdf), ("Problem", png)]
    assert problem(png).reason == f"unknown file type '.png'; {READS}"


def test_globs_are_sorted_and_expand_folders(tmp_path: Path) -> None:
    for name in ["2.txt", "1.txt", "3.md", "dir/4.txt", "dir/5.pdf"]:
        write(tmp_path, name, "x")
    flat = expand_inputs([str(tmp_path / "*.txt")])
    assert flat == [str(tmp_path / n) for n in ("1.txt", "2.txt")]
    folder = [str(tmp_path / n) for n in ("dir/4.txt", "dir/5.pdf")]
    assert expand_inputs([str(tmp_path / "di*")]) == folder
    deep = expand_inputs([str(tmp_path / "**" / "*.txt")])
    assert deep == [str(tmp_path / n) for n in ("1.txt", "2.txt", "dir/4.txt")]


def test_explicit_paths_keep_order_and_spelling_without_duplicates(tmp_path: Path) -> None:
    b = write(tmp_path, "b.txt", "x")
    a = write(tmp_path, "a.pdf", "x")
    again = str(tmp_path / "." / "b.txt")
    assert expand_inputs([b, "-", a, again, str(tmp_path), "-"]) == [b, "-", a]


def test_all_suffixes_are_known() -> None:
    assert SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")


# ---------------------------------------------------------------- stdin


def test_stdin_is_one_plain_text_article() -> None:
    stdin = io.StringIO("Gantry Rail wins a contract\r\n\r\nGantry Rail will build a line.\n")
    [item] = read_all("-", stdin=stdin)
    assert isinstance(item, Article)
    assert item.source == "<stdin>"
    assert item.title == "Gantry Rail wins a contract"
    assert item.text == "Gantry Rail wins a contract\n\nGantry Rail will build a line."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("  \n", "no text on stdin; pipe an article's text in"),
        ("a\x00b", "binary input (contains NUL bytes); send plain text on stdin"),
    ],
)
def test_stdin_problems(data: str, reason: str) -> None:
    assert read_all("-", stdin=io.StringIO(data)) == [Problem("<stdin>", reason)]


def test_stdin_that_is_not_utf8() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8")
    assert read_all("-", stdin=stdin) == [
        Problem("<stdin>", "not UTF-8 text (at offset 3); send UTF-8 text on stdin")
    ]


# ---------------------------------------------------------------- hard-wrapped plain text

STORY = (
    "Norvale Systems said on Tuesday that it had agreed to buy Brisk Foods for $2 billion in "
    "cash, a deal that would give the software maker a foothold in retail logistics. The "
    "company expects the deal to close next year.\n\n"
    "Brisk Foods chief executive Ada Lind said the two firms had talked for months about a "
    "combination."
)


def _wrapped(width: int) -> str:
    return "Norvale to buy Brisk\n" + "\n\n".join(
        textwrap.fill(p, width) for p in STORY.split("\n\n")
    )


def _plain_text(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    articles = [a for a in read_articles([str(path)]) if isinstance(a, Article)]
    return articles[0]


@pytest.mark.parametrize("width", [52, 60, 72, 79])
def test_hard_wrapped_text_comes_a_paragraph_a_line(tmp_path: Path, width: int) -> None:
    text = _wrapped(width)
    article = _plain_text(tmp_path, text)
    assert article.text.split("\n") == [
        "Norvale to buy Brisk",
        *STORY.split("\n\n")[:1],
        "",
        STORY.split("\n\n")[1],
    ]
    assert len(article.text) == len(text)  # offsets into the file hold
    assert article.title == "Norvale to buy Brisk"


@pytest.mark.parametrize(
    "text",
    [
        "Norvale to buy Brisk\nNorvale Systems agreed to buy Brisk Foods.\nThe deal closes soon.",
        "A short line\nanother short line\nand one more\nand the last",
        STORY,
    ],
    ids=["headline and paragraphs", "short lines", "long paragraphs"],
)
def test_lines_that_are_paragraphs_stay_lines(tmp_path: Path, text: str) -> None:
    assert _plain_text(tmp_path, text).text == text
