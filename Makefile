# Two commands on a fresh machine with Python 3.11 and make:
#   make run    set up .venv and build outputs/ from examples/articles/
#   make test   set up .venv and run the tests
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SHARED ?= ../shared
# what the shipped fact scorer is fitted on; news-dev is kept for measuring
FIT := $(SHARED)/corpus/news-train/gold $(SHARED)/corpus/seeds/gold \
	$(SHARED)/benchmarks/conll04/dev.jsonl $(SHARED)/benchmarks/re-docred/dev.jsonl

.PHONY: setup run test check bench scorer screenshot clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/kg build examples/articles -o outputs

test: setup
	$(BIN)/pytest

check: setup
	$(BIN)/ruff check kg tests bench scripts
	$(BIN)/ruff format --check kg tests bench scripts
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/quality.py

scorer: setup
	$(BIN)/kg train $(FIT) -o kg/scorer.json

screenshot: run
	$(BIN)/python scripts/screenshot.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
