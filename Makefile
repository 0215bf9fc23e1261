# The assistant's commands (see README). Everything installs into .venv at the repository root.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
SPACY_DIR := build/spacy-en
SYNONYMS := bot/data/entity_synonyms.yml

export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false
export PIP_DISABLE_PIP_VERSION_CHECK ?= 1

AXE_VERSION := 4.14.1
AXE := build/node/node_modules/axe-core/axe.min.js

.PHONY: setup spacy train baseline browser run run-cluster test lint eval replay bench purge lock clean

## setup: build .venv with Python 3.10 and the pinned dependencies
setup: $(VENV)/.installed
$(VENV)/.installed: requirements/lock.txt scripts/find-python310
	@py=$$(scripts/find-python310) && echo "Creating $(VENV) with $$py" && rm -rf $(VENV) && "$$py" -m venv $(VENV)
	$(PY) -m pip install --quiet "pip==24.0"
	$(PY) -m pip install --quiet -r requirements/lock.txt
	$(PY) -m pip check
	@touch $@

## spacy: build our spaCy pipeline and the entity synonyms from the knowledge files
spacy: $(SPACY_DIR)/.built $(SYNONYMS)
$(SPACY_DIR)/.built $(SYNONYMS) &: $(VENV)/.installed bot/knowledge/*.yml bot/kb/*.py bot/kb/divisions.yml bot/nlu/build_spacy.py
	$(PY) -m bot.nlu.build_spacy --out $(SPACY_DIR) --synonyms $(SYNONYMS)
	@touch $(SPACY_DIR)/.built

## train: train bot/models/assistant.tar.gz if its inputs changed (FORCE=1 to retrain anyway)
train: spacy
	$(PY) scripts/train.py $(if $(FORCE),--force)

## baseline: Rasa's default pipeline and policies on our data, for make eval and make bench
baseline: spacy
	$(PY) scripts/train.py --config benchmarks/baseline-config.yml --name baseline

## browser: Debian's Chromium and axe-core (npm) for the web widget's browser tests
browser: $(AXE)
	@scripts/ensure-chromium
$(AXE):
	npm install --prefix build/node --no-audit --no-fund --silent axe-core@$(AXE_VERSION)

## run: set up, train if needed, start the action server (5055) and Rasa (5005)
run: train
	@scripts/run.sh

## run-cluster: like run, with two Rasa processes (5005, 5006) sharing PostgreSQL and Redis
run-cluster: train
	@DATABASE_URL=$${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres} \
	 REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} RASA_PORTS="5005 5006" scripts/run.sh

## test: the whole suite, as CI runs it
# Two workers for the 2-core machines (pytest-xdist); each test file runs whole in one worker, so
# its servers and fixtures stay per file. TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 2
test: train lint browser
	$(PY) -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## eval: ours against the Rasa-default baseline on held-out messages, and CLINC150 (CLINC=0 skips
## it); reports/eval.md and reports/confusion.png
eval: train baseline
	$(PY) scripts/evaluate.py

## replay: the last N stored messages (default 500) on a candidate model and knowledge beside the
## deployed ones; every changed reply, urgency first, into reports/replay.md
replay: spacy
	$(PY) scripts/replay.py --last $(or $(N),500)

## bench: latency, throughput, memory and start-up, ours against the baseline; reports/bench.md
bench: train baseline
	$(PY) -m benchmarks.bench

## purge: delete stored conversation events older than DAYS days (default 90)
purge: setup
	$(PY) -m bot.stores purge --days $(or $(DAYS),90)

## lock: re-pin requirements/lock.txt from the dependencies listed in pyproject.toml
lock: setup
	@mkdir -p build
	$(PY) -c 'import tomli; p = tomli.load(open("pyproject.toml", "rb"))["project"]; \
	  print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' > build/requirements.in
	$(PY) -m pip install --quiet -r build/requirements.in
	$(PY) -m pip check
	$(PY) -m pip freeze --exclude-editable > requirements/lock.txt

clean:
	rm -rf $(VENV) build bot/models .rasa reports results $(SYNONYMS)
