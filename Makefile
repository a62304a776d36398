# forgeflow: `make run` and `make test` set everything up on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint format serve worker bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

MAIN_GOAL := label bc_pool.csv with weak supervision to AUC 0.95, hand labels in the label column, then train a classifier and evaluate it on bc_test.csv

run: setup
	$(BIN)/forgeflow sample-data
	$(BIN)/forgeflow run "$(MAIN_GOAL)"

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@$(BIN)/python -c "from tests.utils.postgres import postgres_error as e; m = e(); print('postgres: reachable, the Postgres tests run' if m is None else 'postgres: NOT reachable (' + m + '): the Postgres tests will be SKIPPED')"
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

serve: setup
	$(BIN)/forgeflow serve

worker: setup
	$(BIN)/forgeflow worker

bench: setup
	$(BIN)/python benchmarks/orchestration.py

clean:
	rm -rf $(VENV) .forgeflow .pytest_cache .ruff_cache
