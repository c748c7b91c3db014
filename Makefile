# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= output

.PHONY: demo test lint install install-test wheel-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Runtime: the project and argostranslate's package manager. argostranslate is
# installed without its declared dependencies (stanza, spaCy and with them
# PyTorch, several GB) because zhreader translates with CTranslate2 and
# SentencePiece directly and only uses argostranslate.package.
$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps argostranslate==1.11.0
	touch $@

install: $(VENV)/.installed

# Tests also compare our batched translation with argostranslate.translate,
# which imports stanza and therefore PyTorch: install the CPU build first.
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]' argostranslate==1.11.0
	touch $@

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/zhreader build examples/linxiang-2020-04.txt --out $(OUT)

lint: install-test
	$(BIN)/ruff check zhreader pipeline reader tests benchmarks scripts

test: lint
	$(BIN)/pytest -q

# The wheel, installed outside the checkout, builds the example (CI runs it).
wheel-check: install
	bash scripts/check_wheel.sh $(BIN)/zhreader

clean:
	rm -rf $(VENV) $(OUT)
