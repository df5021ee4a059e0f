"""Server time and SQL queries of "Place order" (POST /checkout/place) for a cart of 5 lines.

Usage:
    .venv/bin/python tests/bench/place_order.py [--runs 50] [--warmup 5]
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_place_order \\
        .venv/bin/python tests/bench/place_order.py --fresh

Without DATABASE_URL it uses a new SQLite file, instance/bench-place-order.db. Any other
database must be one of its own: the script creates the tables on an empty database and,
with --fresh only, drops every table first.

A guest with Flask's test client (production config, CSRF off, so no network and no WSGI
server) puts 3 products and 2 gift combos of 2 products in the cart through the cart's
form and fills in the checkout form; only the "Place order" request is timed and its
statements counted (an SQLAlchemy before_cursor_execute listener). Prints
"place_order: N queries, median X ms (n=RUNS)".
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("SECRET_KEY", "bench-only")

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import inspect

from storefront import create_app
from storefront.extensions import db
from tests.bench.server_time import absolute_sqlite, counting_queries, percentile
from tests.shopping import (
    checkout_form,
    combo_key,
    combo_of,
    product_key,
    shipping_table,
    stocked_product,
)

ROOT = Path(__file__).resolve().parents[2]
STOCK = 100_000  # enough for every run: nothing sells out


def seed(app: Flask) -> list[str]:
    """The catalogue the cart is filled from; the encoded keys of the cart's 5 lines."""
    with app.app_context():
        shipping_table()
        first = stocked_product(STOCK, price_vnd=120_000)
        rest = [stocked_product(STOCK, producer=first.producer) for _ in range(6)]
        products = [first, *rest]
        combos = [
            combo_of((products[3], 1), (products[4], 2)),
            combo_of((products[5], 1), (products[6], 1)),
        ]
        db.session.commit()
        keys = [product_key(p) for p in products[:3]] + [combo_key(c) for c in combos]
        return [key.encode() for key in keys]


def bench_app(
    file_name: str, parser: argparse.ArgumentParser, *, fresh: bool, **settings: object
) -> Flask:
    """The app (production config, CSRF off) on DATABASE_URL, or on a new SQLite file
    instance/`file_name`, with empty tables; refuses (parser.error) a database that has
    tables unless `fresh`, which drops them."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        file = ROOT / "instance" / file_name
        file.parent.mkdir(exist_ok=True)
        for leftover in (file, *file.parent.glob(f"{file.name}-*")):
            leftover.unlink(missing_ok=True)
        url = f"sqlite:///{file}"
        os.environ["DATABASE_URL"] = url  # the production config insists on one
    app = create_app(
        "production",
        {
            "SQLALCHEMY_DATABASE_URI": absolute_sqlite(url),
            "WTF_CSRF_ENABLED": False,
            "SESSION_COOKIE_SECURE": False,  # the test client speaks plain http
            **settings,
        },
    )
    with app.app_context():
        if inspect(db.engine).get_table_names():
            if not fresh:
                parser.error("the database has tables: give --fresh to drop them")
            db.drop_all()
        db.create_all()
    return app


def fill_cart(client: FlaskClient, keys: list[str]) -> None:
    """Raises RuntimeError when the cart or the checkout form refuses."""
    for key in keys:
        response = client.post("/cart/add", data={"item": key, "quantity": 1})
        if response.status_code != 302:
            raise RuntimeError(f"/cart/add {key} answered {response.status_code}")
    response = client.post("/checkout", data=checkout_form())
    if not response.headers.get("Location", "").endswith("/checkout/review"):
        raise RuntimeError(f"/checkout answered {response.status_code}, not the review")


def place(client: FlaskClient) -> None:
    """Raises RuntimeError unless the order was placed (a redirect to it)."""
    response = client.post("/checkout/place")
    if "/orders/" not in response.headers.get("Location", ""):
        raise RuntimeError(f"/checkout/place answered {response.status_code}: not placed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--fresh", action="store_true", help="drop every table first")
    options = parser.parse_args()

    app = bench_app("bench-place-order.db", parser, fresh=options.fresh)
    keys = seed(app)
    client = app.test_client()
    print(f"database: {app.config['SQLALCHEMY_DATABASE_URI']}")

    for _ in range(options.warmup):
        fill_cart(client, keys)
        place(client)
    times, counts = [], []
    for _ in range(options.runs):
        fill_cart(client, keys)
        with counting_queries(app) as counter:
            started = time.perf_counter()
            place(client)
            times.append((time.perf_counter() - started) * 1000)
        counts.append(counter.count)

    queries = f"{min(counts)}" if min(counts) == max(counts) else f"{min(counts)}-{max(counts)}"
    print(
        f"place_order: {queries} queries, median {statistics.median(times):.1f} ms "
        f"(n={options.runs}); p90 {percentile(times, 0.9):.1f} ms, "
        f"min {min(times):.1f} ms, max {max(times):.1f} ms; cart of {len(keys)} lines "
        f"(3 products, 2 combos of 2 products)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
