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

.PHONY: run install migrate demo worker clock test test-fast lint format check messages clean bench \
	bench-growth lock upgrade audit wheel test-wheel example

# The lock (requirements/*.txt, exact versions with hashes, made by uv for every
# platform): dev.txt for `make run`/`make test` (runtime + demo + dev extras),
# runtime.txt for a deployment (the same versions, without the extras).
LOCK := requirements/dev.txt
LOCK_RUNTIME := requirements/runtime.txt
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --quiet --custom-compile-command "make lock"
PIP_VERSION := 26.3

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "pip==$(PIP_VERSION)"

# Reinstalls only when the lock or pyproject.toml changes: every version from the
# lock (hash-checked), then the project itself, editable, without resolving again.
$(VENV)/.installed: $(LOCK) pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check
	touch $@

install: $(VENV)/.installed

# uv, pinned with hashes, only for making the lock.
$(BIN)/uv: requirements/uv.txt | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/uv.txt
	touch $@

## lock: after editing pyproject.toml's dependencies, re-resolve the lock (keeping
## every version that still fits); upgrade: move everything (or PACKAGE=name) to
## the newest release its range allows. Then `make test` and commit requirements/.
lock: $(BIN)/uv
	$(UV_COMPILE) --extra dev $(UV_UPGRADE) -o $(LOCK)
	$(UV_COMPILE) -c $(LOCK) -o $(LOCK_RUNTIME)

upgrade: UV_UPGRADE = $(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade)
upgrade: lock

## audit: known vulnerabilities in every locked version (pip-audit, needs the
## network); fails when a package could not be checked. Not part of test or lint.
audit: install
	$(BIN)/python scripts/audit.py $(LOCK) $(AUDIT_ARGS)

## wheel: build the wheel into dist/ (templates, static files and translations included)
wheel: install
	rm -rf build dist
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .

## test-wheel: build the wheel, install it with the runtime lock into a fresh
## virtualenv, check --deploy and serve it with gunicorn outside the checkout (minutes)
test-wheel: install
	MLP_WHEEL_TEST=1 $(BIN)/python -m pytest tests/production/test_wheel.py -m wheel --no-cov -p no:xdist $(PYTEST_ARGS)

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

## example: serve the headless example frontend (examples/headless/) on EXAMPLE_PORT,
## reading the site at http://$(HOST):$(PORT) (run it beside `make run`)
EXAMPLE_PORT ?= 8001
example:
	@echo "Example frontend: http://127.0.0.1:$(EXAMPLE_PORT)/?api=http://$(HOST):$(PORT)"
	$(PYTHON) -m http.server $(EXAMPLE_PORT) --bind 127.0.0.1 --directory examples/headless

## worker: run background tasks (emails, PDFs) queued with TASKS_BACKEND=django_tasks_db.DatabaseBackend
worker: migrate
	$(MANAGE) db_worker

## clock: enqueue the scheduled jobs (publishing, webhook retries, digests...) when due
clock: migrate
	$(MANAGE) scheduling_clock

## test: the whole suite with the coverage floor (browser tests need chromium)
# Each session prints its slowest tests, so that the suite's time has a profile.
DURATIONS ?= 20
test: install
	$(BIN)/python -m pytest $(XDIST) -m "not transactional" --cov --cov-report= --cov-fail-under=0 --durations=$(DURATIONS) $(PYTEST_ARGS)
	$(BIN)/python -m pytest $(XDIST) -m transactional --cov --cov-append --cov-report=term --durations=$(DURATIONS) $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest $(XDIST) -x -q -m "not e2e" --no-cov $(PYTEST_ARGS)

## bench: the API benchmark (bench/README.md); QUICK=1 for the quick mode
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y wrk; } || { echo "Install wrk (Debian: apt-get install wrk)"; exit 2; }
	$(BIN)/python -m bench.run $(if $(QUICK),--quick,)
	$(BIN)/python -m bench.mel

## bench-growth: the benchmark's growth check alone (2,000 vs 20,000 pages per language)
bench-growth: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y wrk; } || { echo "Install wrk (Debian: apt-get install wrk)"; exit 2; }
	$(BIN)/python -m bench.growth

## lint: ruff, import contracts, bandit (fails on a high-severity finding), Django
## checks, migrations and translations up to date
lint: install
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(find frontend_templates learning -name "*.html" -path "*templates*")
	$(BIN)/lint-imports
	$(BIN)/bandit -c pyproject.toml -r . --severity-level high --quiet
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/python scripts/check_messages.py
	$(MAKE) --no-print-directory typecheck

## typecheck: mypy with django-stubs, strict for learning/ and every def annotated in api/ (pyproject.toml [tool.mypy];
## its cache in .mypy_cache makes a second run take seconds)
.PHONY: typecheck
typecheck: install
	$(BIN)/mypy learning/ api/

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(find frontend_templates learning -name "*.html" -path "*templates*")

check: lint test

## messages: refresh the Spanish and French .po files from the code and compile them
messages: install
	$(BIN)/python scripts/check_messages.py --update

clean:
	rm -rf $(VENV) var static .coverage htmlcov test-artifacts build dist
