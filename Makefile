# selank-bot tasks. `make run` and `make test` are all a newcomer needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck eval bench clean

# Create the virtualenv and install the project with pinned versions (constraints.txt).
$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Start every configured platform adapter; with no tokens set, a terminal chat.
run: $(STAMP)
	$(BIN)/selank-bot run

# Lint, type-check and run the whole test suite, as CI does.
test: lint typecheck
	$(BIN)/pytest

# Ruff over everything we ship or test.
lint: $(STAMP)
	$(BIN)/ruff check bot adapters tests bench

# mypy in strict mode over the core and the adapters.
typecheck: $(STAMP)
	$(BIN)/mypy

# Matching accuracy on the evaluation sets.
eval: $(STAMP)
	$(BIN)/selank-bot eval tests/eval/dev.yaml tests/eval/holdout.yaml

# Speed of loading and matching (prints figures; never part of the tests).
bench: $(STAMP)
	$(BIN)/python bench/bench_match.py

# Remove the virtualenv and caches.
clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
