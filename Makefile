# chidao: `make run` sets up .venv and runs the main job; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup system-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(VENV)/bin/chidao db upgrade
	-$(VENV)/bin/chidao ingest --if-empty ../shared/corpus/seeds
	$(VENV)/bin/chidao tasks list --overdue
	$(VENV)/bin/chidao summary

test: setup
	$(PY) -m pytest -n 2 -q

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

# Benchmarks (not part of the tests): the peers live in their own environment, never in chidao's.
bench/.venv/.installed:
	$(PYTHON) -m venv bench/.venv
	bench/.venv/bin/pip install --quiet underthesea
	touch $@

bench: setup bench/.venv/.installed
	$(PY) bench/bench_extract.py
