# The same commands for people and for CI. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
HOST_PORT ?= 127.0.0.1:8000

.PHONY: run test lint format setup messages system-deps bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The Thai message catalogues (locale/*/LC_MESSAGES/*.po) compiled to .mo with Babel: pure Python, so a fresh
# machine needs no gettext programs. The .mo files are build output and not committed.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

%.mo: %.po $(STAMP)
	$(VENV)/bin/pybabel compile --statistics -i $< -o $@

messages: $(CATALOGUES)

# Creates .venv, installs requirements, compiles the message catalogues, migrates the embedded database and
# loads the demo data.
setup: $(STAMP) messages
	$(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(PY) manage.py load_demo

# Debian packages the tests read PDFs and drive a browser with (poppler's pdftotext, Chromium),
# and the npm packages the browser tests inject (axe-core).
system-deps:
	bash scripts/system-deps.sh

# The development server, and beside it one worker of the background queue (PDF exports, e-mail, LINE):
# started with the server, stopped with it (Ctrl+C, or the server exiting).
run: setup
	DEBUG=$${DEBUG:-1} $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver $(HOST_PORT)

test: setup system-deps
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: setup system-deps
	bash bench/run.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules
