"""kg's HTML reader beside trafilatura + htmldate, on the news pages in tests/data/pages.

Each page is a news story written by the project inside the furniture of a news site (menus,
cookie banners, advertisements, share bars, related stories, newsletter boxes, comments,
sidebars, footers, scripts, JSON-LD), in five layouts: an <article> element, a <div> layout
with no semantic elements, a <main> element, a press release laid out in a <table>, and a
<div> layout of a paywalled site. `gold.json` lists, for each page, its headline, its date,
a piece of each paragraph of the story, and pieces of the furniture.

    .venv/bin/python bench/html_readers.py   # trafilatura too when it is installed

For each reader and page: story paragraphs found, and how many of them on a line of their own
(kg reads an article line by line, so a headline or a paragraph run into the next one costs
facts), pieces of furniture let in, headline and date right.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
sys.path.insert(0, str(ROOT))

from kg.ingest import read_articles  # noqa: E402


def kg_reader(path: Path) -> tuple[str, str | None, str | None]:
    (article,) = read_articles([str(path)])
    assert not isinstance(article, Exception) and hasattr(article, "text"), article
    return article.text, article.title, article.date


def trafilatura_reader(path: Path) -> tuple[str, str | None, str | None]:
    import trafilatura

    page = path.read_text(encoding="utf-8")
    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_tables=True, include_comments=False
    )
    if found is None:
        return "", None, None
    return found.text or "", found.title, found.date


def flat(text: str) -> str:
    return " ".join(text.split())


def score(reader: Any, name: str, gold: dict[str, Any]) -> tuple[int, int, int, bool, bool]:
    """Story paragraphs found, those on a line of their own, furniture let in, headline and
    date right."""
    text, title, when = reader(PAGES / name)
    lines = [flat(line) for line in text.split("\n")]
    pieces = [flat(piece) for piece in gold["text"]]
    found = sum(any(piece in line for line in lines) for piece in pieces)
    apart = sum(
        any(piece in line and sum(p in line for p in pieces) == 1 for line in lines)
        for piece in pieces
    )
    leaked = sum(flat(piece) in flat(text) for piece in gold["boilerplate"])
    return found, apart, leaked, flat(title or "") == gold["title"], when == gold["date"]


def main() -> None:
    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
    readers: dict[str, Any] = {"kg": kg_reader}
    try:
        import trafilatura

        readers[f"trafilatura {trafilatura.__version__}"] = trafilatura_reader
    except ImportError:
        print("(trafilatura is not installed: pip install trafilatura to compare)\n")
    print(
        "| page | reader | story paragraphs found | each on a line of its own | furniture let in "
        "| headline | date |"
    )
    print("|---|---|---|---|---|---|---|")
    totals: dict[str, list[int]] = {r: [0, 0, 0, 0, 0] for r in readers}
    paragraphs = furniture = 0
    for name, expected in gold.items():
        paragraphs += len(expected["text"])
        furniture += len(expected["boilerplate"])
        for label, reader in readers.items():
            found, apart, leaked, title, when = score(reader, name, expected)
            got = (found, apart, leaked, title, when)
            totals[label] = [a + b for a, b in zip(totals[label], got, strict=True)]
            print(
                f"| {name} | {label} | {found} of {len(expected['text'])} | {apart} | "
                f"{leaked} of {len(expected['boilerplate'])} | {'right' if title else 'wrong'} "
                f"| {'right' if when else 'wrong'} |"
            )
    for label, (found, apart, leaked, titles, dates) in totals.items():
        print(
            f"| all {len(gold)} | {label} | {found} of {paragraphs} | {apart} | "
            f"{leaked} of {furniture} | {titles} of {len(gold)} | {dates} of {len(gold)} |"
        )


if __name__ == "__main__":
    main()
