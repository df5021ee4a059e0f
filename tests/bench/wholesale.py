"""What wholesale costs: each page a shop member sees, beside the same page for an
anonymous visitor (queries and server time), and a 500-line CSV upload.

Usage: DATABASE_URL=sqlite:///instance/bench.db .venv/bin/python tests/bench/wholesale.py
       [--runs 30]

The database must hold the demo catalogue (`flask seed-demo`). The script adds, once, an
approved shop with a member and wholesale tiers on the first 40 products; it measures
through Flask's test client, so the numbers are the app's own time.
"""

import argparse
import os
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("SECRET_KEY", "bench-only")

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete, select

from storefront import create_app
from storefront.accounts.models import Role, User
from storefront.accounts.passwords import hash_password
from storefront.cart.models import SavedCartLine
from storefront.catalog.models import Product
from storefront.catalog.pricing import Tier
from storefront.extensions import db
from storefront.wholesale.models import Shop, ShopKind, ShopStatus, WholesaleOffer
from storefront.wholesale.skus import sku_of
from storefront.wholesale.tiers import save_terms
from tests.bench.server_time import absolute_sqlite, counting_queries, get_ok, percentile

EMAIL, PASSWORD = "bench-shop@example.vn", "a bench password long enough"
TIERED = 40


def prepare(app: Flask) -> list[str]:
    """The bench shop, its member and the tiers, made once; the tiered products' codes."""
    with app.app_context():
        products = list(db.session.scalars(select(Product).order_by(Product.id).limit(TIERED)))
        if db.session.scalar(select(User).where(User.email == EMAIL)) is None:
            member = User(
                email=EMAIL, name="Bench", password_hash=hash_password(PASSWORD), role=Role.SHOP
            )
            db.session.add(member)
            db.session.flush()
            producer = products[0].producer
            shop = Shop(
                name="Bench shop",
                tax_code="6399999999",
                kind=ShopKind.SOUVENIR_SHOP,
                province_code=producer.province_code,
                ward_code=producer.ward_code,
                address="1 Bench",
                contact_name="Bench",
                contact_phone="+84912345678",
                status=ShopStatus.APPROVED,
                applicant_id=member.id,
                payment_terms_days=30,
                credit_limit_vnd=10_000_000_000,
            )
            db.session.add(shop)
            db.session.flush()
            member.shop_id = shop.id
        if db.session.scalar(select(WholesaleOffer.id).limit(1)) is None:
            for product in products:
                retail = product.price_vnd
                save_terms(
                    product,
                    retail_vnd=retail,
                    min_quantity=1,
                    tiers=[Tier(20, retail * 9 // 10), Tier(50, retail * 8 // 10)],
                )
                product.stock = max(product.stock, 100_000)
        db.session.commit()
        return [sku_of(product) for product in products]


def timed(call, runs: int) -> list[float]:
    call()  # warm
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        found.append((time.perf_counter() - started) * 1000)
    return found


def row(name: str, queries: int, times: list[float]) -> str:
    return (
        f"{name:<34} {queries:>7} {statistics.median(times):>9.2f} {percentile(times, 0.9):>7.2f}"
    )


def measure_pages(app: Flask, clients: dict[str, FlaskClient], runs: int) -> None:
    with app.app_context():
        product = db.session.scalars(select(Product).order_by(Product.id)).first()
        slug = product.slug
    paths = {
        "catalog": "/catalog/",
        "product": f"/catalog/products/{slug}",
        "combos": "/combos/",
        "api products": "/api/v1/products",
        "cart (10 lines)": "/cart",
        "quick order": "/wholesale/quick-order",
    }
    header = f"{'page, visitor':<34} {'queries':>7} {'median ms':>9} {'p90 ms':>7}"
    print(header)
    print("-" * len(header))
    for name, path in paths.items():
        for who, client in clients.items():
            if path.startswith("/wholesale") and who != "shop member":
                continue
            get_ok(client, path)
            with counting_queries(app) as counter:
                get_ok(client, path)
            times = timed(lambda client=client, path=path: get_ok(client, path), runs)
            print(row(f"{name}, {who}", counter.count, times))


def measure_upload(app: Flask, client: FlaskClient, skus: list[str], runs: int) -> None:
    lines = ["sku,quantity"]
    for n in range(500):  # 10 codes again and again, some bad lines among them
        if n % 25 == 7:
            lines.append("not-a-code,3")
        elif n % 25 == 13:
            lines.append("P99999,2")
        else:
            lines.append(f"{skus[n % 10]},1")
    body = ("\n".join(lines) + "\n").encode()
    with app.app_context():
        member_id = db.session.scalar(select(User.id).where(User.email == EMAIL))

    def upload() -> None:
        with app.app_context():
            db.session.execute(delete(SavedCartLine).where(SavedCartLine.user_id == member_id))
            db.session.commit()
        response = client.post(
            "/wholesale/quick-order/upload",
            data={"file": (BytesIO(body), "order.csv")},
            content_type="multipart/form-data",
        )
        if response.status_code != 200:
            raise RuntimeError(f"upload answered {response.status_code}")

    with counting_queries(app) as counter:
        upload()
    times = timed(upload, runs)
    print(row("CSV upload, 500 lines", counter.count, times))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL, e.g. sqlite:///instance/bench.db")
    url = absolute_sqlite(os.environ["DATABASE_URL"])
    app = create_app("production", {"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})
    skus = prepare(app)
    anonymous, member = app.test_client(), app.test_client()
    signed_in = member.post("/account/sign-in", data={"email": EMAIL, "password": PASSWORD})
    if signed_in.status_code != 302:
        raise RuntimeError("the bench member could not sign in")
    member.post("/wholesale/quick-order", data=dict.fromkeys(skus[:10], "25"))
    for n in range(10):
        anonymous.post("/cart/add", data={"item": f"p{n + 1}", "quantity": "2"})
    print(f"database: {app.config['SQLALCHEMY_DATABASE_URI']}, {options.runs} runs each")
    measure_pages(app, {"anonymous": anonymous, "shop member": member}, options.runs)
    measure_upload(app, member, skus, max(5, options.runs // 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
