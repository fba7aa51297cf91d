"""A build's per-article work on a Dask cluster (`kg build --scheduler ADDRESS`).

Each worker loads the spaCy pipeline once and parses and extracts the shares of articles it is
given; the client gets back only the facts, in article order, then resolves and writes as a
local build does, so the graph is the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.cache import ParseCache
from kg.errors import KGError
from kg.ingest import Article
from kg.ontology import Ontology
from kg.pipeline import Outcome, share_facts

CONNECT_TIMEOUT = "10s"


def on_cluster(
    address: str,
    shares: Sequence[Sequence[Article]],
    ontology: Ontology,
    model: str,
    cache: ParseCache | None,
) -> Iterator[list[Outcome]]:
    """Each share's outcomes, in order, worked out on the cluster at `address`."""
    try:
        from distributed import Client
    except ImportError as err:
        raise KGError("kg build --scheduler needs Dask: pip install 'kg[cluster]'") from err
    try:
        client = Client(  # type: ignore[no-untyped-call]
            address, timeout=CONNECT_TIMEOUT, set_as_default=False
        )
    except (OSError, TimeoutError) as err:
        raise KGError(
            f"no Dask scheduler answers at {address!r} ({err}); start one with "
            "'dask scheduler' and give its address, e.g. tcp://127.0.0.1:8786"
        ) from err
    with client:
        futures = client.map(
            share_facts, shares, ontology=ontology, model=model, cache=cache, pure=False
        )
        for future in futures:
            yield future.result()
            future.release()  # type: ignore[no-untyped-call]
