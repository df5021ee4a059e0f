"""Server time of the catalogue page, in process, and SQL queries and time per page.

Usage: DATABASE_URL=sqlite:///instance/bench.db .venv/bin/python tests/bench/server_time.py
       [--runs 200] [--warmup 20]

Uses the production config (SECRET_KEY defaults to a throwaway value) and Flask's test
client, so the numbers are the app's own time: no network, no WSGI server.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("SECRET_KEY", "bench-only")

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from storefront import create_app
from storefront.extensions import db


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_: object) -> None:
        self.count += 1


@contextmanager
def counting_queries(app: Flask) -> Iterator[QueryCounter]:
    counter = QueryCounter()
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", counter)


def absolute_sqlite(url: str) -> str:
    """A relative SQLite path taken from where the script runs (Flask-SQLAlchemy would
    otherwise take it from the instance folder)."""
    prefix = "sqlite:///"
    path = url.removeprefix(prefix)
    if url.startswith(prefix) and path and not path.startswith("/") and path != ":memory:":
        return prefix + str(Path(path).resolve())
    return url


def get_ok(client: FlaskClient, path: str) -> bytes:
    """GET a page; raises RuntimeError unless it answers 200."""
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return response.data


def timings_ms(client: FlaskClient, path: str, *, runs: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        get_ok(client, path)
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        get_ok(client, path)
        found.append((time.perf_counter() - started) * 1000)
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def pages(client: FlaskClient) -> dict[str, str]:
    """The pages to measure, with real slugs taken from the API."""
    first = client.get("/api/v1/products?stars=4&per_page=1").get_json()["items"][0]
    detail = client.get(f"/api/v1/products/{first['slug']}").get_json()
    combo = client.get("/api/v1/combos?per_page=1").get_json()["items"][0]
    heritage = client.get(f"/api/v1/combos/{combo['slug']}").get_json()["heritage"]
    return {
        "home": "/",
        "catalog": "/catalog/",
        "filtered": f"/catalog/?stars=4&category={detail['category']['slug']}&sort=price_asc",
        "search": "/catalog/?q=gao+vi+thuy",
        "product": f"/catalog/products/{first['slug']}",
        "producer": f"/producers/{first['producer']['slug']}",
        "api products": "/api/v1/products",
        "combos": "/combos/",
        "combos filtered": "/combos/?occasion=tet&min_stars=3&sort=price_asc",
        "combo": f"/combos/{combo['slug']}",
        "story card": f"/combos/{combo['slug']}/story-card",
        "heritage": f"/combos/heritage/{heritage['slug']}",
        "api combos": "/api/v1/combos",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--runs-per-page", type=int, default=30, help="for the per-page table")
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL, e.g. sqlite:///instance/bench.db")

    url = absolute_sqlite(os.environ["DATABASE_URL"])
    app = create_app("production", {"SQLALCHEMY_DATABASE_URI": url})
    client = app.test_client()
    print(f"database: {app.config['SQLALCHEMY_DATABASE_URI']}")

    catalog = timings_ms(client, "/catalog/", runs=options.runs, warmup=options.warmup)
    print(
        f"/catalog/ over {options.runs} requests after {options.warmup} warm-up: "
        f"median {statistics.median(catalog):.2f} ms, p90 {percentile(catalog, 0.9):.2f} ms, "
        f"min {min(catalog):.2f} ms, max {max(catalog):.2f} ms"
    )
    print()
    header = f"{'page':<16} {'queries':>7} {'median ms':>9} {'p90 ms':>7}  path"
    print(header)
    print("-" * len(header))
    for name, path in pages(client).items():
        get_ok(client, path)  # warm the caches before counting and timing
        with counting_queries(app) as counter:
            get_ok(client, path)
        times = timings_ms(client, path, runs=options.runs_per_page, warmup=2)
        print(
            f"{name:<16} {counter.count:>7} {statistics.median(times):>9.2f} "
            f"{percentile(times, 0.9):>7.2f}  {path}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
