"""Build throughput as whole commands: `kg build` against the bare spaCy parse of the same text.

The bare command is spaCy's own `nlp.pipe` with the stock components; `kg build` parses the
same lines with the model's attribute ruler and lemmatizer run quick (`kg/pipes.py`, the same
parse), so the ratio holds both kg's extraction and that saving.

The corpus is news-dev, news-train, the seeds and the CoNLL04 and Re-DocRED test records (one
folder of plain-text articles written to a temporary folder; `--news` leaves the benchmark
records out, for an old kg that cannot read them). Each round runs every command once, in
turn, as its own process (model loading included); after several rounds it prints each
command's words per second and the ratios to the first command with min/median/max, then the
paired ratios that matter: `--jobs 2` against `--jobs 1`, a warm rebuild (every parse and its
facts in the cache) and a rebuild with the parses cached but every article read again (as after
an ontology change) against a cold one, and with `--dask` a build on a local Dask cluster (a
scheduler and two one-thread workers on 127.0.0.1, started here) against one process.

    .venv/bin/python bench/build_speed.py                      # bare parse, kg build, --jobs 2
    .venv/bin/python bench/build_speed.py --baseline OTHER/kg  # also another kg (an old commit)
    .venv/bin/python bench/build_speed.py --dask               # also kg build --scheduler
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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


@contextlib.contextmanager
def dask_cluster(workers: int = 2) -> Iterator[str]:
    """A Dask scheduler and `workers` one-thread workers on 127.0.0.1, for the bench's life."""
    from distributed import Client

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).parent / "dask")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    worker = [dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"]
    processes = [subprocess.Popen(scheduler, **quiet)]
    processes += [subprocess.Popen(worker, **quiet) for _ in range(workers)]
    try:
        time.sleep(2)
        with Client(address, timeout="30s", set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def paired(seconds: dict[str, list[float]], slow: str, fast: str, what: str) -> None:
    if slow in seconds and fast in seconds:
        ratios = sorted(a / b for a, b in zip(seconds[slow], seconds[fast], strict=True))
        print(
            f"{what}: {ratios[0]:.2f} / {statistics.median(ratios):.2f} / {ratios[-1]:.2f} "
            "(min/median/max of paired rounds; above 1: faster)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another kg executable to compare")
    parser.add_argument("--news", action="store_true", help="news articles only")
    parser.add_argument("--dask", action="store_true", help="also build on a local Dask cluster")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        texts, out, warm = Path(tmp) / "texts", Path(tmp) / "out", Path(tmp) / "warm"
        parses = Path(tmp) / "parses"  # a cache of the parses only, as after an ontology change
        texts.mkdir()
        words = corpus(texts, args.news)
        build = ["build", str(texts), "-o", str(out), "--no-html"]
        commands = {
            "bare nlp.pipe": [sys.executable, "-c", BARE, str(texts)],
            "kg build": [str(KG), *build, "--no-cache"],
            "kg build --jobs 2": [str(KG), *build, "--no-cache", "--jobs", "2"],
            "kg build, warm": [str(KG), *build, "--cache", str(warm)],
            "kg build, parses cached": [str(KG), *build, "--cache", str(parses)],
        }
        run(commands["kg build, warm"])  # fills the cache
        shutil.copytree(warm, parses)
        if args.dask:
            address = stack.enter_context(dask_cluster())
            commands["kg build --scheduler"] = [
                *commands["kg build"],
                "--scheduler",
                address,
            ]
        if args.baseline:
            commands["baseline kg build"] = [str(args.baseline), *build]
        print(f"{len(list(texts.iterdir()))} articles, {words:,} words; {args.rounds} rounds")
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                for facts in parses.glob("*/*.facts"):  # kept facts: read every article again
                    facts.unlink()
                seconds[name].append(run(command))
    first = next(iter(seconds))
    print(f"{'command':<22} {'median s':>9} {'words/s':>8}   ratio to '{first}' min/median/max")
    for name, times in seconds.items():
        ratios = sorted(a / b for a, b in zip(seconds[first], times, strict=True))
        median = statistics.median(times)
        print(
            f"{name:<22} {median:>9.1f} {words / median:>8,.0f}   "
            f"{ratios[0]:.2f} / {statistics.median(ratios):.2f} / {ratios[-1]:.2f}"
        )
    paired(seconds, "kg build", "kg build --jobs 2", "--jobs 2 / --jobs 1")
    paired(seconds, "kg build", "kg build, warm", "warm rebuild / cold build")
    paired(seconds, "kg build", "kg build, parses cached", "parses cached / cold build")
    paired(seconds, "kg build", "kg build --scheduler", "Dask, 2 workers / one process")
    paired(seconds, "baseline kg build", "kg build", "kg build / baseline")


if __name__ == "__main__":
    main()
