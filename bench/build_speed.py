"""Build throughput as whole commands: `kg build` against the bare spaCy parse of the same text.

The corpus is news-dev, news-train, the seeds and the CoNLL04 and Re-DocRED test records (one
folder of plain-text articles written to a temporary folder; `--news` leaves the benchmark
records out, for an old kg that cannot read them). Each round runs every command once, in
turn, as its own process (model loading included); after several rounds it prints each
command's words per second and the ratios to the first command with min/median/max.

    .venv/bin/python bench/build_speed.py                      # bare parse, kg build, --jobs 2
    .venv/bin/python bench/build_speed.py --baseline OTHER/kg  # also another kg (an old commit)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KG = Path(sys.executable).parent / "kg"
BARE = """
import sys
from pathlib import Path
from kg.nlp import load_model, paragraphs
nlp = load_model()
lines = (line for f in sorted(Path(sys.argv[1]).iterdir())
         for _, line in paragraphs(f.read_text(encoding="utf-8")))
for _ in nlp.pipe(lines, batch_size=64):
    pass
"""


def corpus(folder: Path, news_only: bool) -> int:
    """Write the corpus as .txt files into `folder`; return its word count."""
    news = SHARED / "corpus"
    files = [
        *(news / "news-dev" / "articles").iterdir(),
        *(news / "news-train" / "articles").iterdir(),
    ]
    texts = [p.read_text(encoding="utf-8") for p in sorted(files)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((news / "seeds").glob("*.txt"))]
    for bench in () if news_only else ("conll04", "re-docred"):
        with open(SHARED / "benchmarks" / bench / "test.jsonl", encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    for i, text in enumerate(texts):
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return sum(len(t.split()) for t in texts)


def run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another kg executable to compare")
    parser.add_argument("--news", action="store_true", help="news articles only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts, out = Path(tmp) / "texts", Path(tmp) / "out"
        texts.mkdir()
        words = corpus(texts, args.news)
        build = ["build", str(texts), "-o", str(out), "--no-html"]
        commands = {
            "bare nlp.pipe": [sys.executable, "-c", BARE, str(texts)],
            "kg build": [str(KG), *build],
            "kg build --jobs 2": [str(KG), *build, "--jobs", "2"],
        }
        if args.baseline:
            commands["baseline kg build"] = [str(args.baseline), *build]
        print(f"{len(list(texts.iterdir()))} articles, {words:,} words; {args.rounds} rounds")
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                seconds[name].append(run(command))
    first = next(iter(seconds))
    print(f"{'command':<20} {'median s':>9} {'words/s':>8}   ratio to '{first}' min/median/max")
    for name, times in seconds.items():
        ratios = sorted(a / b for a, b in zip(seconds[first], times, strict=True))
        median = statistics.median(times)
        print(
            f"{name:<20} {median:>9.1f} {words / median:>8,.0f}   "
            f"{ratios[0]:.2f} / {statistics.median(ratios):.2f} / {ratios[-1]:.2f}"
        )
    if "baseline kg build" in seconds:
        ratios = sorted(
            b / a for a, b in zip(seconds["kg build"], seconds["baseline kg build"], strict=True)
        )
        print(
            f"kg build speed / baseline: {ratios[0]:.2f} / {statistics.median(ratios):.2f} / "
            f"{ratios[-1]:.2f} (min/median/max; above 1: faster)"
        )


if __name__ == "__main__":
    main()
