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
	$(VENV)/bin/chidao extract ../shared/corpus/seeds/*.txt

test: setup
	$(PY) -m pytest -n 2 -q

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
