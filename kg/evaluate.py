"""Score a graph against gold facts: precision, recall and F1 per predicate.

The rules are those of the independent scorer (``corpus/GOLD-FORMAT.md``):

* a node's names are the literals of every property whose local name is ``label``,
  ``prefLabel``, ``altLabel``, ``hiddenLabel``, ``name`` or ``alias``;
* names and gold labels/aliases are compared after :func:`normalise`;
* only asserted triples count whose predicate's local name (case and non-letters ignored) is a
  core predicate and whose object is a node; reified statements do not count;
* facts are counted after mapping nodes to gold entities, so two nodes for one entity count once;
* a fact is a true positive when it matches a required gold triple, ignored when it matches only
  optional ones, a false positive otherwise; symmetric predicates match either way, count once.

Gold is pooled over files: entities merge by normalised label (aliases pooled), identical
required triples count once, and a triple required anywhere is required. When every gold file is
a ``.jsonl`` benchmark, only the predicates it annotates are scored unless told otherwise.
``EvaluationReport.fragmented`` lists the gold entities of the scored triples that several
nodes stand for.
Precision, recall and F1 are 0.0 when their denominator is 0.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KGError
from kg.rdfio import load_graph
from kg.vocab import KG

CORE_PREDICATES: tuple[str, ...] = (
    "launched",
    "developed",
    "partneredWith",
    "investedIn",
    "acquired",
    "competesWith",
    "ceoOf",
    "founderOf",
    "worksFor",
    "subsidiaryOf",
    "headquarteredIn",
    "operatesIn",
    "uses",
    "supplies",
)
SYMMETRIC: frozenset[str] = frozenset({"partneredWith", "competesWith"})
NAME_PROPERTIES: tuple[str, ...] = (
    "prefLabel",
    "label",
    "name",
    "altLabel",
    "hiddenLabel",
    "alias",
)

_CURLY = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_NON_WORD = re.compile(r"\W+")
_NON_LETTER = re.compile(r"[^a-z]")
_LOCAL = re.compile(r"[#/:]")

ScoredTriple = tuple[Node, str, Node]  # subject, core predicate, object


# ---------------------------------------------------------------------------------------------
# Public data


@dataclass(frozen=True)
class PredicateScore:
    """Counts and scores for one predicate (or ``ALL``)."""

    predicate: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class EvaluationReport:
    """The result of scoring one graph against pooled gold."""

    per_predicate: tuple[PredicateScore, ...]
    overall: PredicateScore
    false_positives: tuple[tuple[str, str, str], ...]
    misses: tuple[tuple[str, str, str], ...]
    fragmented: tuple[str, ...]
    predicates: tuple[str, ...]


@dataclass(frozen=True)
class GoldEntity:
    """A gold entity: its label and every normalised name (label and aliases)."""

    label: str
    names: frozenset[str]


@dataclass(frozen=True)
class GoldTriple:
    """A gold fact. Keys are normalised entity labels; ``subjects`` includes also_subjects."""

    subject: str
    predicate: str
    object: str
    subjects: frozenset[str]
    objects: frozenset[str]


@dataclass(frozen=True)
class Gold:
    """Gold facts pooled over files; ``benchmark_predicates`` is set when all are benchmarks."""

    entities: Mapping[str, GoldEntity]
    required: tuple[GoldTriple, ...]
    optional: tuple[GoldTriple, ...]
    benchmark_predicates: frozenset[str] | None = field(default=None)


# ---------------------------------------------------------------------------------------------
# Names and predicates


def normalise(text: str) -> str:
    """Normalise a name: NFKC, lower case, straight quotes, no trailing 's / leading the."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_CURLY).strip()
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    return _NON_WORD.sub(" ", text).strip()


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#``, ``/`` or ``:``."""
    return _LOCAL.split(iri)[-1]


def core_predicate(name: str) -> str | None:
    """The core predicate a local name stands for (case and non-letters ignored), or None."""
    key = _NON_LETTER.sub("", name.lower())
    for predicate in CORE_PREDICATES:
        if predicate.lower() == key:
            return predicate
    return None


def _scored_predicates(predicates: Collection[str] | None, gold: Gold) -> tuple[str, ...]:
    """Resolve the predicates to score, in core order."""
    if predicates is None:
        wanted = gold.benchmark_predicates
        if wanted is None:
            wanted = frozenset(CORE_PREDICATES)
        return tuple(p for p in CORE_PREDICATES if p in wanted)
    chosen = set()
    for name in predicates:
        predicate = core_predicate(name)
        if predicate is None:
            raise KGError(f"unknown predicate {name!r}; choose from {', '.join(CORE_PREDICATES)}")
        chosen.add(predicate)
    return tuple(p for p in CORE_PREDICATES if p in chosen)


# ---------------------------------------------------------------------------------------------
# Gold


@dataclass
class _GoldBuilder:
    """Mutable accumulator used while reading gold files."""

    labels: dict[str, str] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    required: dict[tuple[str, str, str], GoldTriple] = field(default_factory=dict)
    optional: dict[tuple[str, str, str], GoldTriple] = field(default_factory=dict)
    annotated: set[str] = field(default_factory=set)

    def add_entity(self, label: str, aliases: Iterable[str]) -> str:
        """Add (or merge by label) an entity; return its key."""
        key = normalise(label)
        self.labels.setdefault(key, label)
        self.names[key].add(key)
        self.names[key].update(normalise(alias) for alias in aliases)
        return key

    def add_triple(self, triple: GoldTriple, optional: bool) -> None:
        """Add a gold triple, merging duplicates; required ones win over optional ones."""
        key = _triple_key(triple)
        pool = self.optional if optional else self.required
        pool[key] = _merge(pool[key], triple) if key in pool else triple

    def build(self, benchmarks_only: bool) -> Gold:
        """Freeze into a :class:`Gold`."""
        entities = {k: GoldEntity(self.labels[k], frozenset(self.names[k])) for k in self.labels}
        optional = tuple(t for k, t in self.optional.items() if k not in self.required)
        annotated = frozenset(self.annotated) if benchmarks_only else None
        return Gold(entities, tuple(self.required.values()), optional, annotated)


def _triple_key(triple: GoldTriple) -> tuple[str, str, str]:
    """Dedupe key: (subject, predicate, object), unordered for symmetric predicates."""
    if triple.predicate in SYMMETRIC and triple.object < triple.subject:
        return (triple.object, triple.predicate, triple.subject)
    return (triple.subject, triple.predicate, triple.object)


def _merge(old: GoldTriple, new: GoldTriple) -> GoldTriple:
    """Merge two gold triples with the same key (also_subjects are pooled)."""
    if (old.subject, old.object) == (new.subject, new.object):
        subjects, objects = old.subjects | new.subjects, old.objects | new.objects
    else:  # a symmetric triple stated the other way round
        subjects, objects = old.subjects | new.objects, old.objects | new.subjects
    return GoldTriple(old.subject, old.predicate, old.object, subjects, objects)


def load_gold(paths: Sequence[Path]) -> Gold:
    """Read and pool ``.json`` gold files and ``.jsonl`` benchmark files."""
    if not paths:
        raise KGError("no gold files given; pass at least one .json or .jsonl gold file")
    builder = _GoldBuilder()
    for path in paths:
        for where, record in _read_records(Path(path)):
            _add_record(builder, record, where)
    return builder.build(all(Path(p).suffix.lower() == ".jsonl" for p in paths))


def _read_records(path: Path) -> list[tuple[str, Any]]:
    """The JSON records of a gold file, each with a location for error messages."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".jsonl"):
        raise KGError(f"gold file {path} must end in .json (one article) or .jsonl (benchmark)")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KGError(f"gold file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"cannot read gold file {path}: {exc}") from None
    if suffix == ".json":
        return [(str(path), _parse_json(text, str(path)))]
    lines = enumerate(text.splitlines(), start=1)
    return [(f"{path}:{n}", _parse_json(line, f"{path}:{n}")) for n, line in lines if line.strip()]


def _parse_json(text: str, where: str) -> Any:
    """Parse JSON, naming the file (and line) on error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise KGError(f"bad JSON in gold file {where}: {exc}") from None


def _add_record(builder: _GoldBuilder, record: Any, where: str) -> None:
    """Add one article's entities and triples."""
    if not isinstance(record, dict) or not isinstance(record.get("triples"), list):
        raise KGError(f"gold record in {where} must be an object with a 'triples' list")
    entities = record.get("entities", [])
    if not isinstance(entities, list):
        raise KGError(f"'entities' in {where} must be a list")
    aliases: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        label = _text(entity, "label", where)
        key = builder.add_entity(label, _texts(entity, "aliases", where))
        for name in builder.names[key]:
            aliases[name].add(key)
    for raw in record["triples"]:
        _add_raw_triple(builder, raw, aliases, where)


def _add_raw_triple(
    builder: _GoldBuilder, raw: Any, aliases: Mapping[str, set[str]], where: str
) -> None:
    """Validate one gold triple and add it; a null predicate is outside the vocabulary."""
    if not isinstance(raw, dict):
        raise KGError(f"a triple in {where} is not an object: {raw!r}")
    name = raw.get("predicate")
    if name is None:
        return
    predicate = core_predicate(name) if isinstance(name, str) else None
    if predicate is None:
        raise KGError(f"unknown predicate {name!r} in {where}; use one of the core vocabulary")
    builder.annotated.add(predicate)
    subject = _resolve(builder, _text(raw, "subject", where), aliases)
    obj = _resolve(builder, _text(raw, "object", where), aliases)
    also = {_resolve(builder, s, aliases) for s in _texts(raw, "also_subjects", where)}
    triple = GoldTriple(subject, predicate, obj, frozenset({subject} | also), frozenset({obj}))
    builder.add_triple(triple, bool(raw.get("optional", False)))


def _resolve(builder: _GoldBuilder, text: str, aliases: Mapping[str, set[str]]) -> str:
    """The key of the entity a triple's subject/object string names (new entity if none)."""
    key = normalise(text)
    if key not in builder.labels and len(aliases.get(key, ())) == 1:
        return next(iter(aliases[key]))
    return builder.add_entity(text, ())


def _text(obj: Any, key: str, where: str) -> str:
    """A required non-empty string field."""
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise KGError(f"{key!r} in {where} must be a non-empty string, got {value!r}")
    return value


def _texts(obj: Any, key: str, where: str) -> list[str]:
    """An optional list-of-strings field."""
    value = obj.get(key, []) if isinstance(obj, dict) else []
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KGError(f"{key!r} in {where} must be a list of strings, got {value!r}")
    return value


# ---------------------------------------------------------------------------------------------
# Graph


def node_names(graph: Graph) -> dict[Node, dict[str, set[str]]]:
    """Each node's names, grouped by the local name of the naming property."""
    names: dict[Node, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in graph.triples((None, None, None)):
        prop = local_name(str(p))
        if prop in NAME_PROPERTIES and isinstance(o, Literal) and _is_node(s):
            names[s][prop].add(str(o))
    return names


def display_name(node: Node, names: Mapping[Node, Mapping[str, set[str]]]) -> str:
    """The name a person would see: prefLabel, else label, else another name, else the IRI."""
    found = names.get(node, {})
    for prop in NAME_PROPERTIES:
        if found.get(prop):
            return min(found[prop])
    return str(node)


def asserted_facts(graph: Graph, predicates: Collection[str]) -> set[ScoredTriple]:
    """Asserted triples with a core predicate in ``predicates`` and a node as object."""
    facts: set[ScoredTriple] = set()
    for s, p, o in graph.triples((None, None, None)):
        predicate = core_predicate(local_name(str(p)))
        if predicate in predicates and _is_node(s) and _is_node(o):
            facts.add((s, str(predicate), o))
    return facts


def _is_node(term: object) -> bool:
    return isinstance(term, URIRef | BNode)


def confidences(graph: Graph) -> dict[ScoredTriple, float]:
    """The best ``kg:confidence`` of each reified statement, keyed by (s, core predicate, o)."""
    best: dict[ScoredTriple, float] = {}
    for statement in set(graph.subjects(RDF.subject, None)):
        fact = _reified_fact(graph, statement)
        for literal in graph.objects(statement, KG.confidence):
            value = _as_float(literal)
            if fact is not None and value is not None:
                best[fact] = max(value, best.get(fact, value))
    return best


def _reified_fact(graph: Graph, statement: Node) -> ScoredTriple | None:
    """The (subject, core predicate, object) a statement node describes, if any."""
    s = graph.value(statement, RDF.subject)
    p = graph.value(statement, RDF.predicate)
    o = graph.value(statement, RDF.object)
    predicate = core_predicate(local_name(str(p))) if p is not None else None
    if s is None or o is None or predicate is None:
        return None
    return (s, predicate, o)


def _as_float(term: Node) -> float | None:
    """A literal's numeric value, or None."""
    if not isinstance(term, Literal):
        return None
    try:
        return float(term.toPython())
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class _Context:
    """What scoring needs: the gold, the graph's names and the gold entities of each node."""

    gold: Gold
    names: Mapping[Node, Mapping[str, set[str]]]
    entities: Mapping[Node, frozenset[str]]


def _name_index(gold: Gold) -> dict[str, set[str]]:
    """Normalised name → keys of the gold entities with that label or alias."""
    index: dict[str, set[str]] = defaultdict(set)
    for key, entity in gold.entities.items():
        for name in entity.names:
            index[name].add(key)
    return index


def _node_entities(
    names: Mapping[Node, Mapping[str, set[str]]], gold: Gold
) -> dict[Node, frozenset[str]]:
    """Each named node → the gold entities it stands for (possibly several)."""
    index = _name_index(gold)
    result: dict[Node, frozenset[str]] = {}
    for node, by_prop in names.items():
        normalised = {normalise(name) for values in by_prop.values() for name in values}
        keys = {key for name in normalised for key in index.get(name, ())}
        if keys:
            result[node] = frozenset(keys)
    return result


def _matches(triple: GoldTriple, predicate: str, subj: str, obj: str) -> bool:
    """Whether one entity-level fact matches a gold triple (either way when symmetric)."""
    if predicate != triple.predicate:
        return False
    if subj in triple.subjects and obj in triple.objects:
        return True
    return predicate in SYMMETRIC and obj in triple.subjects and subj in triple.objects


def _matched(
    triples: Iterable[GoldTriple], predicate: str, subjs: frozenset[str], objs: frozenset[str]
) -> list[GoldTriple]:
    """The gold triples any (subject entity, object entity) pair of a fact matches."""
    return [t for t in triples if any(_matches(t, predicate, s, o) for s in subjs for o in objs)]


def _fp_key(ctx: _Context, fact: ScoredTriple) -> tuple[str, str, str]:
    """Identity of a false positive after mapping: entities if known, else normalised name."""
    s, predicate, o = fact
    left, right = _node_key(ctx, s), _node_key(ctx, o)
    if predicate in SYMMETRIC and right < left:
        left, right = right, left
    return (left, predicate, right)


def _node_key(ctx: _Context, node: Node) -> str:
    if node in ctx.entities:
        return "entity:" + "|".join(sorted(ctx.entities[node]))
    if node in ctx.names:
        return "name:" + normalise(display_name(node, ctx.names))
    return "node:" + str(node)


@dataclass(frozen=True)
class _Outcome:
    """Matched required gold triples and the false positives (key → displayed triple)."""

    matched: frozenset[GoldTriple]
    false_positives: Mapping[tuple[str, str, str], tuple[str, str, str]]


def _classify(ctx: _Context, facts: Iterable[ScoredTriple]) -> _Outcome:
    """Split facts into matches of required gold, ignored (optional only) and false positives."""
    matched: set[GoldTriple] = set()
    false_positives: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    by_predicate = _by_predicate(ctx.gold)
    for fact in sorted(facts, key=lambda f: (str(f[0]), f[1], str(f[2]))):
        s, predicate, o = fact
        subjs, objs = ctx.entities.get(s, frozenset()), ctx.entities.get(o, frozenset())
        required, optional = by_predicate.get(predicate, ((), ()))
        hits = _matched(required, predicate, subjs, objs)
        if hits:
            matched.update(hits)
        elif not _matched(optional, predicate, subjs, objs):
            shown = (display_name(s, ctx.names), predicate, display_name(o, ctx.names))
            false_positives.setdefault(_fp_key(ctx, fact), shown)
    return _Outcome(frozenset(matched), false_positives)


def _by_predicate(gold: Gold) -> dict[str, tuple[tuple[GoldTriple, ...], tuple[GoldTriple, ...]]]:
    """Required and optional gold triples grouped by predicate."""
    grouped: dict[str, tuple[tuple[GoldTriple, ...], tuple[GoldTriple, ...]]] = {}
    for predicate in {t.predicate for t in gold.required + gold.optional}:
        required = tuple(t for t in gold.required if t.predicate == predicate)
        optional = tuple(t for t in gold.optional if t.predicate == predicate)
        grouped[predicate] = (required, optional)
    return grouped


class Judge:
    """Verdicts on single facts by the scoring rules, for fitting a fact scorer."""

    def __init__(self, gold: Gold) -> None:
        self.predicates = frozenset(_scored_predicates(None, gold))
        self.index = _name_index(gold)
        self.by_predicate = _by_predicate(gold)

    def __call__(
        self, subject_names: Iterable[str], predicate: str, object_names: Iterable[str]
    ) -> bool | None:
        """True when the fact matches required gold, False when it is a false positive, None
        when the rules neither reward nor penalise it (optional gold, or a predicate the gold
        does not annotate)."""
        if predicate not in self.predicates:
            return None
        subjs, objs = self._entities(subject_names), self._entities(object_names)
        required, optional = self.by_predicate.get(predicate, ((), ()))
        if _matched(required, predicate, subjs, objs):
            return True
        return None if _matched(optional, predicate, subjs, objs) else False

    def _entities(self, names: Iterable[str]) -> frozenset[str]:
        return frozenset(k for n in names for k in self.index.get(normalise(n), ()))


def score(predicate: str, tp: int, fp: int, fn: int) -> PredicateScore:
    """Precision, recall and F1 from counts (0.0 when a denominator is 0)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PredicateScore(predicate, tp, fp, fn, precision, recall, f1)


def _restrict(gold: Gold, predicates: Collection[str]) -> Gold:
    """Gold limited to some predicates (entities kept)."""
    return Gold(
        gold.entities,
        tuple(t for t in gold.required if t.predicate in predicates),
        tuple(t for t in gold.optional if t.predicate in predicates),
        gold.benchmark_predicates,
    )


def _fragmented(ctx: _Context) -> tuple[str, ...]:
    """Labels of the gold entities (of the scored gold triples) that several nodes stand for."""
    relevant = {k for t in ctx.gold.required + ctx.gold.optional for k in t.subjects | t.objects}
    counts: dict[str, int] = defaultdict(int)
    for keys in ctx.entities.values():
        for key in keys & relevant:
            counts[key] += 1
    return tuple(sorted(ctx.gold.entities[k].label for k, n in counts.items() if n > 1))


def _label(gold: Gold, key: str) -> str:
    return gold.entities[key].label


def _report(ctx: _Context, outcome: _Outcome, predicates: tuple[str, ...]) -> EvaluationReport:
    """Assemble the report from the classified facts."""
    gold = ctx.gold
    rows = []
    for predicate in predicates:
        tp = sum(1 for t in outcome.matched if t.predicate == predicate)
        fn = sum(1 for t in gold.required if t.predicate == predicate) - tp
        fp = sum(1 for key in outcome.false_positives if key[1] == predicate)
        rows.append(score(predicate, tp, fp, fn))
    overall = score(
        "ALL", sum(r.tp for r in rows), sum(r.fp for r in rows), sum(r.fn for r in rows)
    )
    misses = sorted(
        (_label(gold, t.subject), t.predicate, _label(gold, t.object))
        for t in gold.required
        if t not in outcome.matched
    )
    return EvaluationReport(
        per_predicate=tuple(rows),
        overall=overall,
        false_positives=tuple(sorted(outcome.false_positives.values())),
        misses=tuple(misses),
        fragmented=_fragmented(ctx),
        predicates=predicates,
    )


def evaluate(
    graph_path: Path,
    gold_paths: Sequence[Path],
    predicates: Collection[str] | None = None,
    min_confidence: float = 0.0,
) -> EvaluationReport:
    """Score the graph at ``graph_path`` against the pooled gold in ``gold_paths``.

    ``predicates`` limits gold and predicted facts (default: all core predicates, or those a
    benchmark annotates when every gold file is a ``.jsonl`` benchmark). Facts whose best
    ``kg:confidence`` is below ``min_confidence`` are dropped; facts without one are kept.
    """
    if not math.isfinite(min_confidence):
        raise KGError(f"min_confidence must be a number, got {min_confidence!r}")
    gold = load_gold(gold_paths)
    scored = _scored_predicates(predicates, gold)
    gold = _restrict(gold, scored)
    graph = load_graph(Path(graph_path))
    names = node_names(graph)
    facts = asserted_facts(graph, scored)
    if min_confidence > 0:
        best = confidences(graph)
        facts = {f for f in facts if best.get(f, math.inf) >= min_confidence}
    ctx = _Context(gold, names, _node_entities(names, gold))
    return _report(ctx, _classify(ctx, facts), scored)


# ---------------------------------------------------------------------------------------------
# Error classes

ERROR_CLASSES = (
    "missed: no fact about an entity",
    "missed: relation not read",
    "false: a name not a gold entity",
    "false: relation not in gold",
)


def error_classes(graph: Graph, gold: Gold, report: EvaluationReport) -> dict[str, int]:
    """What went wrong, counted. A gold fact is missed either with no fact read about one of
    its entities (the graph holds only entities that facts name), or with both entities in
    other facts but this relation not read. A false positive joins a name that is no gold
    entity, or two gold entities the gold does not relate."""
    found = {
        normalise(n) for kinds in node_names(graph).values() for ns in kinds.values() for n in ns
    }
    gold_names = {n for e in gold.entities.values() for n in e.names}

    def known(name: str) -> bool:
        entity = gold.entities.get(normalise(name))
        return bool((entity.names if entity is not None else {normalise(name)}) & found)

    counts = dict.fromkeys(ERROR_CLASSES, 0)
    for subject, _, obj in report.misses:
        counts[ERROR_CLASSES[1] if known(subject) and known(obj) else ERROR_CLASSES[0]] += 1
    for subject, _, obj in report.false_positives:
        pair = normalise(subject) in gold_names and normalise(obj) in gold_names
        counts[ERROR_CLASSES[3] if pair else ERROR_CLASSES[2]] += 1
    return counts


# ---------------------------------------------------------------------------------------------
# Text output


def format_report(report: EvaluationReport) -> str:
    """A fixed-width table per predicate and ALL, then the false positives and misses."""
    width = max(len(p) for p in (*CORE_PREDICATES, *report.predicates))
    header = f"{'predicate':<{width}}  {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>6} {'R':>6} {'F1':>6}"
    lines = [header, "-" * len(header)]
    lines += [_row(row, width) for row in report.per_predicate]
    lines += ["-" * len(header), _row(report.overall, width), ""]
    lines += _listing("False positives:", report.false_positives)
    lines += _listing("Missed:", report.misses)
    if report.fragmented:
        lines += ["Fragmented (several nodes for one entity):"]
        lines += [f"  {label}" for label in report.fragmented]
    return "\n".join(lines).rstrip("\n") + "\n"


def _row(row: PredicateScore, width: int) -> str:
    return (
        f"{row.predicate:<{width}}  {row.tp:>5} {row.fp:>5} {row.fn:>5}  "
        f"{row.precision:>6.3f} {row.recall:>6.3f} {row.f1:>6.3f}"
    )


def _listing(title: str, triples: Sequence[tuple[str, str, str]]) -> list[str]:
    body = [f"  {s} -{p}-> {o}" for s, p, o in triples] or ["  (none)"]
    return [title, *body, ""]
