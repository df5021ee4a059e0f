VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi:app

.PHONY: run test test-postgres install translations messages bench lint clean

$(STAMP): pyproject.toml
	test -d $(VENV) || python3 -m venv $(VENV)
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
