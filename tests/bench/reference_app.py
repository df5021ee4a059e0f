"""The yardstick for `make bench`: a bare Flask + SQLAlchemy + Jinja page listing 24
products from the same database, with none of the store's work (no certificate rules, no
count, no filters, no translations). Served beside the store so each page's speed can be
read against it. Not part of the product.

    DATABASE_URL=sqlite:///instance/bench.db gunicorn tests.bench.reference_app:app
"""

import os

from flask import Flask, render_template_string
from sqlalchemy import create_engine, text

PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Products</title>
</head><body><ul>{% for p in products %}<li><a href="/p/{{ p.slug }}">{{ p.name }}</a>
{{ "{:,}".format(p.price_vnd).replace(",", ".") }} ₫ / {{ p.unit }}</li>{% endfor %}
</ul></body></html>"""

engine = create_engine(os.environ["DATABASE_URL"])
app = Flask(__name__)


@app.get("/")
def products() -> str:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT slug, name, price_vnd, unit FROM products ORDER BY id LIMIT 24")
        ).all()
    return render_template_string(PAGE, products=rows)
