# The two set-up commands of the README are `make serve` and `make test`; both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-fast lint format bench pdf clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-virtualenv -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

serve: $(STAMP)
	KENNISBANK_SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --watch practices --watch scripts/kennisbank

build: $(STAMP)
	$(BIN)/kennisbank build

check: $(STAMP)
	$(BIN)/kennisbank check

# axe-core for the accessibility tests, pinned in package-lock.json. Without npm (a machine with only
# python3) this prints a note and the axe tests skip; on CI (CI=true) a missing axe is an error.
AXE := node_modules/axe-core/axe.min.js

$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1 && npm ci --ignore-scripts --no-audit --no-fund; then \
		touch $@; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "CI=true: npm is needed to install axe-core for the accessibility tests" >&2; exit 1; \
	else \
		echo "Note: axe-core not installed (npm missing or failed); the accessibility tests will be skipped."; \
	fi

test: $(STAMP) $(AXE)
	$(BIN)/pytest

test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser and not slow"

lint: $(STAMP)
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/mypy

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
