VENV := .venv
# Python 3.12 where the machine has it (pyenv's on ours), else python3. CPython 3.11.7
# corrupts its heap (SIGSEGV under the cyclic GC) after a few hundred requests mixing the
# catalogue and the home page's combos; the same runs on 3.12.1 and 3.13.0 do not crash.
PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) python3)
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi:app

.PHONY: run test test-postgres install translations messages bench lint clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	$(VENV)/bin/pybabel compile -d storefront/translations -D messages --statistics

messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F storefront/babel.cfg -k _l -k lazy_gettext -o storefront/translations/messages.pot --no-location --sort-output .
	$(VENV)/bin/pybabel update -i storefront/translations/messages.pot -d storefront/translations -D messages --no-fuzzy-matching --ignore-obsolete

run: install
	mkdir -p instance
	$(FLASK) db upgrade
	$(FLASK) seed-demo
	$(FLASK) run --host 127.0.0.1 --port 5000

test: install
	$(VENV)/bin/pytest -m "not postgres" -q

test-postgres: install
	$(VENV)/bin/pytest -m postgres -q

bench: install
	bash tests/bench/run.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) instance .pytest_cache
