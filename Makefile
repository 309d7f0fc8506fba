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

setup: system-deps $(STAMP)

# System tools for reading .doc/.odt/.rtf (LibreOffice), scans (Tesseract + Vietnamese model) and
# PDFs. Only on Debian, as root or with password-less sudo; otherwise says what to install and
# goes on (chidao then names the missing package when a file needs it). Cheap when installed.
SYSTEM_PACKAGES := libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie poppler-utils
system-deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then \
	  echo "system-deps: not Debian; install by hand:$$missing (needed for .doc, scans and PDFs)"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "system-deps: run as root to install:$$missing (sudo apt-get install$$missing)"; exit 0; fi; \
	echo "system-deps: installing$$missing"; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing \
	  || { $$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive \
	       apt-get install -y --no-install-recommends $$missing; } \
	  || echo "system-deps: apt-get failed; install by hand:$$missing"

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
	$(PY) bench/bench_readers.py
	@# bench-tracker: the store (ingest, task queries) on SQLite and PostgreSQL
	$(PY) bench/bench_ingest.py
	$(PY) bench/bench_tasks.py
