# Two commands do all set-up on a fresh clone: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Tests run with production-like settings (DEBUG off), so they need a key and hosts.
TEST_ENV := SECRET_KEY=test-only-not-secret ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SECURE_HTTPS=0
RUN_ENV := DEBUG=1

.PHONY: install run test services lint format fuzz mutation bench clean

$(STAMP): pyproject.toml
	.ci/ensure_services --python
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The site, and beside it the worker of background tasks (django-tasks' db_worker: page PDFs
# of an import), stopped when the site stops. The seed issue gets its page PDF (数字报).
run: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_seed
	$(RUN_ENV) $(PY) manage.py load_seed_pdf
	$(RUN_ENV) $(PY) manage.py create_local_editor
	$(RUN_ENV) $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# axe-core and the Nu HTML Checker for the browser tests (--ignore-scripts: vnu-jar's
# postinstall would download a Java runtime; the system's Java 17 runs it).
tests/browser/node_modules: tests/browser/package-lock.json
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Redis, Chromium, Java, CJK fonts, npm (and PostgreSQL when DATABASE_URL names it): installed
# and started when missing if run as root, else the one command to run is printed.
services:
	.ci/ensure_services $(if $(filter postgres%,$(DATABASE_URL)),--postgres)

test: services lint tests/browser/node_modules
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(VENV)/bin/pytest

# The long fuzzing run: 300 generated requests per URL pattern (10 minutes on PostgreSQL), each
# pattern's count and statuses in bench/results/url_fuzz.tsv. `make test` runs 8 per pattern.
fuzz: install
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	mkdir -p bench/results && rm -f bench/results/url_fuzz.tsv
	FUZZ_EXAMPLES=300 FUZZ_REPORT=bench/results/url_fuzz.tsv $(TEST_ENV) \
		$(VENV)/bin/pytest tests/newsroom/test_url_fuzzing.py

# Mutation testing (issue 16): mutmut changes the rules people rely on one at a time and runs
# the tests that reach each change. One module at a time, each in its own copy under
# var/mutation/ against the test files bench/mutation_modules.toml lists for it (the modules are
# [tool.mutmut] only_mutate in pyproject.toml); on SQLite, whatever DATABASE_URL says.
# Incremental: a second run re-tests only what changed. MODULES="articles/search.py" runs some
# only; MUTATION_JOBS sets the workers. The score per module goes to bench/results/mutation.md.
# Not part of `make test`: every module takes a few hours on two cores.
MUTATION_JOBS ?= 2
mutation: install
	$(PY) bench/mutation_run.py --jobs $(MUTATION_JOBS) $(MODULES)
	mkdir -p bench/results
	$(PY) bench/mutation_report.py --survivors > bench/results/mutation.md
	cat bench/results/mutation.md

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles mutants
