# The two commands a newcomer needs: `make run` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test venv train bench bench-nlu validate purge clean

run: venv
	@bash scripts/run.sh

test: venv
	@bash scripts/test.sh

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt scripts/venv.sh
	@bash scripts/venv.sh

train: venv
	@$(PY) -m bot.model train

validate: venv
	@bash scripts/env.sh $(PY) -m rasa data validate

bench: venv
	@bash scripts/env.sh $(PY) bench/load.py $(ARGS)

purge: venv
	@bash scripts/env.sh $(PY) -m bot.retention $(ARGS)

bench-nlu: venv
	@bash scripts/env.sh $(PY) bench/nlu.py

clean:
	rm -rf $(VENV) models var .pytest_cache
