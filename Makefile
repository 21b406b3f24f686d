# selank-bot tasks. `make run` and `make test` are all a newcomer needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help run test ci lint lint-docker typecheck eval bench fit train-triage baselines clean
.DEFAULT_GOAL := help

# List the targets, each with the first line of the comment above it (a bare `make`).
help:
	@awk '/^# / { if (!d) d = substr($$0, 3); next } /^[a-z-]+:/ && d { t = $$1; \
		sub(/:.*/, "", t); printf "  %-13s %s\n", t, d } { d = "" }' $(MAKEFILE_LIST)


# Create the virtualenv and install the project with pinned versions (constraints.txt).
$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Start every configured platform adapter; with no tokens set, a terminal chat.
run: $(STAMP)
	$(BIN)/selank-bot run

# Lint (Python and the Dockerfile), type-check and run the whole test suite, as CI does.
test: lint lint-docker typecheck
	$(BIN)/pytest

# What CI runs: `make test` on a throwaway PostgreSQL, then the wheel installed fresh.
# PostgreSQL from .ci/postgres.sh; the wheel answers from an empty folder (.ci/package-check.sh).
ci:
	CI=true bash .ci/run

# Ruff over everything we ship or test.
lint: $(STAMP)
	$(BIN)/ruff check bot adapters app tests bench

# hadolint over the Dockerfile (the binary comes with the dev extra; no Docker needed).
lint-docker: $(STAMP)
	$(BIN)/hadolint Dockerfile

# mypy in strict mode over bot/, adapters/ and app/.
typecheck: $(STAMP)
	$(BIN)/mypy

# Matching accuracy on the blind set (nothing was fitted or curated on it), per voice.
eval: $(STAMP)
	$(BIN)/selank-bot eval tests/eval/blind.yaml

# Speed of loading, matching and crisis triage (prints figures; never part of the tests).
bench: $(STAMP)
	$(BIN)/python bench/bench_match.py
	$(BIN)/python bench/bench_triage.py

# Retrain both crisis classifiers (English embeddings; character n-grams for the other eight languages); prints out-of-fold figures.
train-triage: $(STAMP)
	$(BIN)/python bench/train_triage.py
	$(BIN)/python bench/train_chargrams.py

# Refit the scoring model and thresholds on dev + tuning; paste what it prints.
fit: $(STAMP)
	$(BIN)/python bench/fit_scorer.py

# The project's matcher against WRatio, BM25, MiniLM and BM25+MiniLM on the blind set, with a chart.
baselines: $(STAMP)
	$(BIN)/python bench/baselines.py

# Remove the virtualenv and caches.
clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
