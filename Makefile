# compare: `make report` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= reports
export SOURCE_DATE_EPOCH ?= 1603152000

.DEFAULT_GOAL := help
.PHONY: help report test lint bench eval clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# compileall: our own modules byte-compiled at set-up, as pip does for the
# dependencies; with PYTHONDONTWRITEBYTECODE set, every run would compile them.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

report: $(STAMP) ## compare the articles in seeds/ and write reports/<story>/report.{pdf,html,json}
	@if [ -n "$$SOURCE_DATE_EPOCH" ]; then echo "report dated $$(date -u -d "@$$SOURCE_DATE_EPOCH" '+%-d %b %Y' 2>/dev/null || echo "$$SOURCE_DATE_EPOCH") from SOURCE_DATE_EPOCH=$$SOURCE_DATE_EPOCH, so every run writes identical files; 'make report SOURCE_DATE_EPOCH=' dates it now"; fi
	$(BIN)/compare report seeds/ --out $(OUT); rc=$$?; \
	  if [ $$rc -eq 3 ]; then echo "report written; some inputs were skipped or set aside (exit 3)"; exit 0; fi; exit $$rc

test: $(STAMP) ## run the whole test suite
	$(BIN)/python -m pytest -q

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: $(STAMP) ## print benchmark figures, one `name: value` per line
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python bench/run.py

eval: $(STAMP) ## recall and precision of the classifier against tests/gold/seeds.yaml
	$(BIN)/python bench/eval.py

clean: ## remove the virtualenv, caches and generated reports
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build src/*.egg-info
	find $(OUT) -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
