# The two commands a newcomer needs (see README):
#   make html   build the HTML book into _build/html (creates .venv on first use)
#   make test   run every test: data validation, helper package, build machinery, strict nbval
# And: make pdf, make check (the built site and PDF in a browser), make execute, make lock,
# make dictionary, make clean.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-requirements

.PHONY: html test pdf check execute lock dictionary clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/jupyter-book build . -W --keep-going

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

pdf: $(STAMP)
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null || { \
	  echo "PDF needs xelatex and latexmk, which are missing. On Debian/Ubuntu install them with:"; \
	  echo "  sudo apt-get install --no-install-recommends texlive-xetex texlive-latex-extra texlive-fonts-recommended latexmk fonts-freefont-otf"; \
	  exit 1; }
	$(BIN)/python scripts/build_pdf.py

check: $(STAMP)
	@test -x /usr/bin/chromium || { echo "make check needs Chromium: sudo apt-get install chromium"; exit 1; }
	$(BIN)/python -m pytest checks

execute: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py

dictionary: $(STAMP)
	$(BIN)/python scripts/data_dictionary.py

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --allow-unsafe -o requirements.txt requirements.in

clean:
	rm -rf _build
