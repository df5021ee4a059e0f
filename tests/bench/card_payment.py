"""Server time and SQL queries of a card payment: "Place order" by card (which creates the
Stripe Checkout Session), the webhook applying `checkout.session.completed`, and the same
event delivered again.

Usage:
    .venv/bin/python tests/bench/card_payment.py [--runs 30] [--warmup 3]
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_card_payment \\
        .venv/bin/python tests/bench/card_payment.py --fresh

As tests/bench/place_order.py (its catalogue and cart of 5 lines), with the fake Stripe of
the tests (tests/fake_stripe) on 127.0.0.1: the times include the app's HTTP calls to it
(creating the session; reading it back before applying an event), not Stripe's own time.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("SECRET_KEY", "bench-only")

from werkzeug.test import TestResponse

from storefront.orders.models import PaymentMethod
from tests.bench.place_order import bench_app, seed
from tests.bench.server_time import counting_queries, percentile
from tests.fake_stripe import FakeStripe
from tests.shopping import checkout_form


def _summary(name: str, times: list[float], counts: list[int]) -> str:
    queries = f"{min(counts)}" if min(counts) == max(counts) else f"{min(counts)}-{max(counts)}"
    return (
        f"{name}: {queries} queries, median {statistics.median(times):.1f} ms "
        f"(n={len(times)}); p90 {percentile(times, 0.9):.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="drop every table first")
    options = parser.parse_args()

    with FakeStripe() as fake:
        app = bench_app(
            "bench-card-payment.db",
            parser,
            fresh=options.fresh,
            STRIPE_SECRET_KEY=fake.secret_key,
            STRIPE_WEBHOOK_SECRET=fake.webhook_secret,
            STRIPE_API_BASE=fake.api_base,
        )
        keys = seed(app)
        client = app.test_client()
        print(f"database: {app.config['SQLALCHEMY_DATABASE_URI']}")
        timed: dict[str, tuple[list[float], list[int]]] = {
            name: ([], []) for name in ("place_order_card", "webhook_completed", "webhook_repeat")
        }

        def measure(name: str, request: Callable[[], TestResponse]) -> TestResponse:
            with counting_queries(app) as counter:
                started = time.perf_counter()
                response = request()
                elapsed = (time.perf_counter() - started) * 1000
            times, counts = timed[name]
            times.append(elapsed)
            counts.append(counter.count)
            return response

        for run in range(options.warmup + options.runs):
            for key in keys:
                client.post("/cart/add", data={"item": key, "quantity": 1})
            client.post("/checkout", data=checkout_form(PaymentMethod.CARD))
            placed = measure("place_order_card", lambda: client.post("/checkout/place"))
            session_id = placed.headers["Location"].rsplit("/", 1)[-1]
            [completed] = [e for e in fake.pay(session_id) if e["type"].startswith("checkout")]
            body, headers = fake.signed_request(completed)
            deliver = partial(client.post, "/payments/stripe/webhook", data=body, headers=headers)
            applied = measure("webhook_completed", deliver)
            repeated = measure("webhook_repeat", deliver)
            if applied.json["result"] != "applied" or repeated.json["result"] != "duplicate":
                raise RuntimeError(f"webhook answered {applied.json} then {repeated.json}")
            if run < options.warmup:
                for times, counts in timed.values():
                    times.clear()
                    counts.clear()
        for name, (times, counts) in timed.items():
            print(_summary(name, times, counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
