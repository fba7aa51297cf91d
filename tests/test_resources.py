"""The files kg ships are package data: read through importlib.resources, the same bytes as
the top-level ontology/ and queries/, and no module reaches outside the package for them."""

from __future__ import annotations

from pathlib import Path

from kg import resources
from kg.catalogue import named_queries

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_files_are_the_repository_files() -> None:
    assert resources.ontology().read_bytes() == (ROOT / "ontology" / "kg.ttl").read_bytes()
    assert resources.shapes().read_bytes() == (ROOT / "ontology" / "shapes.ttl").read_bytes()
    shipped = sorted(f.name for f in resources.queries().iterdir())
    assert shipped == sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
    assert [q.name for q in named_queries()] == [name.removesuffix(".rq") for name in shipped]


def test_no_module_finds_files_beside_itself() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "kg").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "__file__" in line
    ]
    assert found == []
