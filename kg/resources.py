"""The files kg ships and reads at run time: the ontology, its SHACL shapes and the named
queries. They are package data read with `importlib.resources`, so an installed wheel finds
them just as a checkout does. In the repository they live at the top level (`ontology/`,
`queries/`); `kg/data/ontology` and `kg/data/queries` link to those folders, and
pyproject.toml's package-data puts their files in the wheel."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def _data(folder: str) -> Traversable:
    return files("kg") / "data" / folder


def ontology() -> Traversable:
    """The bundled ontology (`ontology/kg.ttl`)."""
    return _data("ontology") / "kg.ttl"


def shapes() -> Traversable:
    """The bundled SHACL shapes (`ontology/shapes.ttl`)."""
    return _data("ontology") / "shapes.ttl"


def queries() -> Traversable:
    """The folder of bundled named queries (`queries/*.rq`)."""
    return _data("queries")
