# The only entry points people need: `make serve`, `make test`, `make build`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test linkcheck properdocs-check benchmark system-deps clean

serve: $(READY)  ## set up .venv/ and serve the site with live reload
	ENABLE_PDF_EXPORT=0 ENABLE_OFFLINE_ARCHIVE=0 $(BIN)/mkdocs serve --livereload

build: $(READY) system-deps  ## build site/ (pages, search, PDFs, offline archive)
	$(BIN)/mkdocs build --strict

test: $(READY) system-deps  ## set up and run the whole test suite
	$(BIN)/pytest

linkcheck: $(READY)  ## check every outbound link of the built site (needs the internet)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[linkcheck]"
	test -d site || $(MAKE) build
	$(BIN)/python scripts/check_links.py

properdocs-check: $(READY)  ## build with MkDocs and with ProperDocs, its maintained fork, and compare the output
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[properdocs]"
	$(BIN)/python scripts/properdocs_check.py

benchmark: $(READY) system-deps  ## print build times, the ratio to plain Material, sizes and first-load figures
	$(BIN)/python scripts/benchmark.py

# Reinstalled only when the pins change.
$(READY): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $@

system-deps:  ## the browser, fonts and libraries the build and tests need, from Debian's packages
	@scripts/system-deps.sh

clean:
	rm -rf site $(VENV)
