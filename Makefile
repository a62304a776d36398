# forgeflow: `make run` and `make test` set everything up on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint format serve worker migration bench clean screenshots

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The planner's router is fitted once at setup (minutes: its fine-tuned encoder), not at a new
# user's first plan; the stamp skips it while nothing it is fitted from changed (the fit itself is
# kept in the cache folder, named by its rows, so a changed row set refits once).
ROUTER_STAMP := $(VENV)/.router-warm
ROUTER_INPUTS := agents/router.py agents/router_encoder.py $(wildcard agents/data/*.tsv)

$(ROUTER_STAMP): $(STAMP) $(ROUTER_INPUTS)
	$(BIN)/forgeflow warm
	touch $(ROUTER_STAMP)

setup: $(STAMP) $(ROUTER_STAMP)

MAIN_GOAL := label bc_pool.csv with weak supervision to AUC 0.95, hand labels in the label column, then train a classifier and evaluate it on bc_test.csv

run: setup
	$(BIN)/forgeflow sample-data
	$(BIN)/forgeflow run "$(MAIN_GOAL)"

CHROMIUM ?= /usr/bin/chromium

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@$(BIN)/python -c "from tests.utils.postgres import postgres_error as e; m = e(); print('postgres: reachable, the Postgres tests run' if m is None else 'postgres: NOT reachable (' + m + '): the Postgres tests will be SKIPPED')"
	@if [ -x "$(CHROMIUM)" ]; then echo "browser tests: running in $(CHROMIUM) (headless)"; \
	else echo "browser tests: SKIPPED, $(CHROMIUM) not found (apt-get install chromium)"; fi
	$(BIN)/python -m pytest

# Regenerate the console screenshots shown in README (needs Chromium).
screenshots: setup
	CONSOLE_SCREENSHOT_DIR=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest tests/browser -q

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

# A new Alembic revision from the difference between the models and the migrations:
#   make migration m="add the widgets table"
migration: setup
	rm -f /tmp/forgeflow-autogen.db
	$(BIN)/python -c "from alembic import command; from alembic.config import Config; c = Config(); c.set_main_option('script_location', 'store/migrations'); c.set_main_option('sqlalchemy.url', 'sqlite:////tmp/forgeflow-autogen.db'); command.upgrade(c, 'head'); command.revision(c, message='$(m)', autogenerate=True)"

bench: setup
	$(BIN)/python benchmarks/orchestration.py

clean:
	rm -rf $(VENV) .forgeflow .pytest_cache .ruff_cache
