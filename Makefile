# Two commands do all set-up on a fresh machine with Python 3.11+:
#   make run    create .venv from the lock file and run the nightly pipeline once on raw/
#   make test   the same set-up, then lint and the test suite
# uv installs the locked dependencies; when it is not on PATH it is installed with pip
# into .tools/ (nothing outside this directory is touched).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV     := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
STAMP  := $(VENV)/.synced-stamp
RAW    ?= raw
DATA   ?= data
PORT   ?= 8080

export UV_PYTHON_DOWNLOADS := never
# Telemetry is switched off by the programs themselves (factcheck.settings.TELEMETRY_OFF):
# every target below runs `factcheck` or pytest, which set it before importing dbt, GX or
# Airflow.

ARTICLES ?= 20000
ARCHIVES ?= 20000 100000
NIGHT    ?= 200
GOLD     ?= tests/gold
LINKING  ?= tests/linking

.PHONY: setup run airflow test test-fast bench bench-one eval calibrate lint format clean help

help:
	@echo "make run     set up .venv and run the nightly pipeline once on $(RAW)/ into $(DATA)/"
	@echo "make airflow set up .venv and start Airflow's scheduler and UI on :$(PORT) (Ctrl-C stops)"
	@echo "make test    set up .venv, lint, and run the test suite"
	@echo "make test-fast  the same without the end-to-end runs (about 1 minute)"
	@echo "make bench   the same night of $(NIGHT) articles on archives of $(ARCHIVES), projected to 1,000,000"
	@echo "make bench-one  cold, +1% and nothing-new nights on ARTICLES (default $(ARTICLES))"
	@echo "make eval    extraction on GOLD=$(GOLD); grouping and matching on LINKING=$(LINKING)"
	@echo "make calibrate  fit the matching score on LINKING and write its seed"
	@echo "make lint    ruff check and format check"
	@echo "make format  ruff format and autofix"
	@echo "make clean   remove .venv, .tools and $(DATA)/"

setup: $(STAMP)

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

run: $(STAMP)
	$(BIN)/factcheck run --raw $(RAW) --data $(DATA)

airflow: $(STAMP)
	$(BIN)/factcheck airflow --raw $(RAW) --data $(DATA) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src dags expectations tests
	$(BIN)/ruff format --check src dags expectations tests

format: $(STAMP)
	$(BIN)/ruff check --fix src dags expectations tests
	$(BIN)/ruff format src dags expectations tests

test: lint
	$(BIN)/pytest -n 2 --dist worksteal

test-fast: lint
	$(BIN)/pytest -n 2 --dist worksteal -m "not e2e"

# The same night of NIGHT new articles on each archive size, projected to 1,000,000.
bench: $(STAMP)
	$(BIN)/factcheck bench --compare $(ARCHIVES) --night $(NIGHT) --json .bench/compare.json

bench-one: $(STAMP)
	$(BIN)/factcheck bench --articles $(ARTICLES) --json .bench/bench-$(ARTICLES).json

eval: $(STAMP)
	$(BIN)/factcheck eval --gold $(GOLD) --linking $(LINKING) --json .eval/eval.json

calibrate: $(STAMP)
	$(BIN)/factcheck eval --gold $(GOLD) --linking $(LINKING) --fit

clean:
	rm -rf $(VENV) .tools $(DATA) .bench .eval
