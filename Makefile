# Set-up and everyday commands. The virtual environment is (re)built from the
# pinned versions in constraints.txt whenever pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Every date the build writes comes from here (see docs/developers/architecture.md):
# the last commit's time, unless the caller sets it. Outside git (a source
# archive) it stays unset: an empty value would break setuptools' wheel builder.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(strip $(SOURCE_DATE_EPOCH)),)
export SOURCE_DATE_EPOCH
else
unexport SOURCE_DATE_EPOCH
endif

.PHONY: serve build test fast lint typeset bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Built beside site/ and swapped in only on success: a failed or killed build
# leaves the previous site/ as it was (src/marginalia/publish.py).
build: $(STAMP)
	$(BIN)/python -m marginalia build --site-dir site

lint: $(STAMP)
	$(BIN)/ruff check src hooks tests scripts
	$(BIN)/ruff format --check src hooks tests scripts
	$(BIN)/mypy
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/zizmor --offline --no-progress .github/workflows

test: lint
	$(BIN)/python -m pytest

# The fast loop: every test that needs no built site, browser or minute-long run (see tests/conftest.py).
fast: $(STAMP)
	$(BIN)/python -m pytest -m "not site and not browser and not slow"

# Round trips through Typst and two PDF extractions (tests/typeset/): 300 generated documents and the
# project's own texts, beyond the 40 of a plain test run (which draws the same 40 every time: this draws new
# ones, HYPOTHESIS_PROFILE=explore); TYPESET_EXAMPLES=N for another number.
typeset: $(STAMP)
	HYPOTHESIS_PROFILE=explore TYPESET_EXAMPLES=$${TYPESET_EXAMPLES:-300} $(BIN)/python -m pytest -m typeset tests/test_typeset_roundtrip.py

# Build times against plain Material for 10 to 1,000 texts (about an hour); SIZES=10,50 for a subset.
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py $(if $(SIZES),--sizes $(SIZES))
	$(BIN)/python scripts/ingest_benchmark.py

clean:
	rm -rf $(VENV) site site.partial site.previous
