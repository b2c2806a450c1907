# The Mutual Learning Platform. `make run` to try it, `make test` to check it.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= mutual-demo
# Test processes (pytest-xdist): one per CPU core; TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto
XDIST := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

.PHONY: run install migrate demo worker clock test test-fast lint format check messages clean bench

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalls only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo --password "$(DEMO_PASSWORD)"

## run: create the virtualenv, migrate, load the bilingual demo site, then run the
## site, the task worker and the clock together (Procfile.dev; Ctrl-C stops all three)
run: demo
	@echo "Starting web (http://$(HOST):$(PORT)/), worker (background tasks) and clock (scheduled jobs)"
	HOST=$(HOST) PATH="$(abspath $(BIN)):$$PATH" \
		TASKS_BACKEND=$${TASKS_BACKEND:-django_tasks_db.DatabaseBackend} \
		$(BIN)/honcho start --procfile Procfile.dev --port $(PORT)

## worker: run background tasks (emails, PDFs) queued with TASKS_BACKEND=django_tasks_db.DatabaseBackend
worker: migrate
	$(MANAGE) db_worker

## clock: enqueue the scheduled jobs (publishing, webhook retries, digests...) when due
clock: migrate
	$(MANAGE) scheduling_clock

## test: the whole suite with the coverage floor (browser tests need chromium)
test: install
	$(BIN)/python -m pytest $(XDIST) -m "not transactional" --cov --cov-report= --cov-fail-under=0 $(PYTEST_ARGS)
	$(BIN)/python -m pytest $(XDIST) -m transactional --cov --cov-append --cov-report=term $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest $(XDIST) -x -q -m "not e2e" --no-cov $(PYTEST_ARGS)

## bench: the API benchmark (bench/README.md); QUICK=1 for the quick mode
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y wrk; } || { echo "Install wrk (Debian: apt-get install wrk)"; exit 2; }
	$(BIN)/python -m bench.run $(if $(QUICK),--quick,)

## lint: ruff, import contracts, Django checks, migrations and translations up to date
lint: install
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(find frontend_templates learning -name "*.html" -path "*templates*")
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/python scripts/check_messages.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(find frontend_templates learning -name "*.html" -path "*templates*")

check: lint test

## messages: refresh the Spanish and French .po files from the code and compile them
messages: install
	$(BIN)/python scripts/check_messages.py --update

clean:
	rm -rf $(VENV) var static .coverage htmlcov test-artifacts
