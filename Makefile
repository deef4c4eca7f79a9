# Set-up, build, serve, test and bench; every target bootstraps .venv from the pinned requirements.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000

# Material 9.x prints a long notice about MkDocs 2.0 on every build.
export NO_MKDOCS_2_WARNING := 1

# The engine that builds what GitHub Pages publishes (make publish): mkdocs (MkDocs + Material)
# or zensical. The Pages workflow passes its own setting (README, "Publishing").
ENGINE ?= mkdocs

.PHONY: serve build build-zensical publish check article test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.site: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.site
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Build, then serve at http://$(ADDR)/ with live reload (site_url is local so the root works).
serve: $(VENV)/.site
	SITE_URL=http://$(ADDR)/ $(BIN)/mkdocs build --strict --quiet
	SITE_URL=http://$(ADDR)/ $(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

# The same stage built by Zensical, Material's successor, into site-zensical/ (Zensical writes
# inside the folder of its configuration, so the site is moved out of the stage).
build-zensical: $(VENV)/.site
	$(BIN)/python -m corpus.stage
	$(BIN)/zensical build --clean --strict --config-file build/stage/zensical.yml
	rm -rf site-zensical && mv build/stage/site site-zensical

# What the Pages workflow publishes: the site built by $(ENGINE) for $$SITE_URL, in public/.
publish: $(VENV)/.site
	@case "$(ENGINE)" in mkdocs|zensical) ;; *) echo "ENGINE: must be mkdocs or zensical, not '$(ENGINE)'"; exit 2 ;; esac
	rm -rf public
	if [ "$(ENGINE)" = zensical ]; then \
	  $(BIN)/python -m corpus.stage && \
	  $(BIN)/zensical build --clean --strict --config-file build/stage/zensical.yml && \
	  mv build/stage/site public; \
	else \
	  $(BIN)/mkdocs build --strict --site-dir public; \
	fi

# Every problem in the articles, the glossary and the curated data, one line each, without building.
check: $(VENV)/.site
	$(BIN)/python -m corpus.check

# Add an article from its original text: make article ORIGINAL=path/to/text.txt
article: $(VENV)/.site
	@test -n "$(ORIGINAL)" || { echo "ORIGINAL: required: make article ORIGINAL=path/to/text.txt"; exit 2; }
	$(BIN)/python -m corpus.new $(ORIGINAL)

# The whole suite; a failing browser test leaves a screenshot beside the report in test-results/.
test: $(VENV)/.dev node_modules/.installed
	$(BIN)/python -m pytest --junitxml=test-results/report.xml

bench: $(VENV)/.dev node_modules/.installed
	$(BIN)/python bench/build_cost.py
	$(BIN)/python bench/lighthouse.py
	$(BIN)/python bench/search_latency.py
	$(BIN)/python bench/analysis_glance.py
	$(BIN)/python bench/contexts_size.py

clean:
	rm -rf site site-zensical public build $(VENV) node_modules .pytest_cache test-results
