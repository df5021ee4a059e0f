"""Server time and SQL queries of staff's order list (GET /staff/orders) and its CSV export
over 100 000 orders.

Usage:
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_staff_orders \\
        .venv/bin/python tests/bench/staff_orders.py --fresh [--orders 100000] [--runs 30] \\
        [--csv-runs 3]

Without DATABASE_URL it uses a new SQLite file, instance/bench-staff-orders.db. Any other
database must be one of its own: the script creates the tables on an empty database and,
with --fresh only, drops every table first.

Seeds --orders realistic orders in bulk (executemany in chunks of CHUNK orders, which
SQLAlchemy sends to PostgreSQL as multi-row INSERTs), then VACUUM and ANALYZE as autovacuum
would: Vietnamese buyers and recipients with diacritics, eight provinces, every status and
payment method, 1-4 lines and 1-2 producers (fulfilments) each, placed over a year. Then
signs in as staff with Flask's test client (production config, CSRF off) and times each
case of the list (--runs each), and the CSV's first chunk, whole body and memory
(--csv-runs each). Prints a table: SQL queries per request, median and p95 in ms. Exits 1
when a case of the list has a median over 100 ms.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("SECRET_KEY", "bench-only")

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import insert

from storefront.accounts.contact import display_phone
from storefront.accounts.models import Role
from storefront.clock import today_in_vietnam, utcnow
from storefront.extensions import db
from storefront.orders.models import (
    Fulfilment,
    FulfilmentStatus,
    LineKind,
    Order,
    OrderLine,
    OrderStatus,
    PaymentMethod,
)
from storefront.producers.places import ward_choices
from storefront.text import fold
from tests.bench.place_order import bench_app
from tests.bench.server_time import counting_queries, percentile
from tests.factories import USER_PASSWORD, ProducerFactory, UserFactory

SEED = 2026
CHUNK = 5000  # orders inserted a statement batch at a time
FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Quốc", "Thuỳ", "Kim")
GIVEN = (
    "An",
    "Bình",
    "Hoà",
    "Hùng",
    "Lan",
    "Mai",
    "Nam",
    "Phương",
    "Sáu",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Yến",
    "Đạt",
    "Khoa",
    "Hạnh",
    "Lộc",
)
PROVINCES = (1, 79, 92, 82, 86, 91, 46, 48)  # Hà Nội, Hồ Chí Minh, Cần Thơ, Đồng Tháp...
PRODUCERS = (
    "HTX Nông nghiệp Vị Thủy",
    "Cơ sở Mật ong Tràm U Minh",
    "HTX Khóm Cầu Đúc",
    "Công ty Nước mắm Phú Quốc",
    "Cơ sở Bánh pía Sóc Trăng",
    "HTX Gạo ST25 Hồ Quang Cua",
    "Cơ sở Khô cá Đồng Tháp",
    "HTX Trà Shan tuyết Hà Giang",
    "Công ty Cà phê Buôn Ma Thuột",
    "Cơ sở Kẹo dừa Bến Tre",
    "HTX Bưởi Năm Roi",
    "Cơ sở Nem Lai Vung",
)
ITEMS = (
    ("Gạo ST25 túi 5 kg", 185_000),
    ("Mật ong hoa tràm 500 ml", 240_000),
    ("Khóm sấy dẻo 250 g", 65_000),
    ("Nước mắm 40 độ đạm", 120_000),
    ("Bánh pía sầu riêng", 90_000),
    ("Khô cá lóc 500 g", 210_000),
    ("Trà Shan tuyết 100 g", 150_000),
    ("Hộp quà Tết Mekong", 650_000),
)
FLOWS = {  # the order statuses each payment method reaches, with the parts' status
    PaymentMethod.COD: (
        OrderStatus.CONFIRMED,
        OrderStatus.PROCESSING,
        OrderStatus.SHIPPED,
        OrderStatus.DELIVERED,
        OrderStatus.COMPLETED,
        OrderStatus.CANCELLED,
    ),
    PaymentMethod.BANK_TRANSFER: (
        OrderStatus.AWAITING_PAYMENT,
        OrderStatus.PAID,
        OrderStatus.PROCESSING,
        OrderStatus.SHIPPED,
        OrderStatus.DELIVERED,
        OrderStatus.COMPLETED,
        OrderStatus.CANCELLED,
    ),
    PaymentMethod.CARD: (
        OrderStatus.AWAITING_PAYMENT,
        OrderStatus.PAID,
        OrderStatus.PROCESSING,
        OrderStatus.SHIPPED,
        OrderStatus.DELIVERED,
        OrderStatus.COMPLETED,
        OrderStatus.REFUNDED,
        OrderStatus.CANCELLED,
    ),
}
PART_STATUS = {
    OrderStatus.PROCESSING: FulfilmentStatus.PACKED,
    OrderStatus.SHIPPED: FulfilmentStatus.SHIPPED,
    OrderStatus.DELIVERED: FulfilmentStatus.DELIVERED,
    OrderStatus.COMPLETED: FulfilmentStatus.DELIVERED,
    OrderStatus.CANCELLED: FulfilmentStatus.CANCELLED,
}
SHIPPING_VND = 35_000


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _order_rows(
    count: int, producers: list[tuple[int, str]], rng: random.Random
) -> Iterator[tuple[list[dict], list[dict], list[dict]]]:
    """(orders, fulfilments, lines) CHUNK orders at a time, ids from 1, oldest first."""
    wards = {code: [ward for ward, _name in ward_choices(code)] for code in PROVINCES}
    start = utcnow() - timedelta(days=365)
    moments = sorted(start + timedelta(seconds=rng.randrange(365 * 86400)) for _ in range(count))
    part_id = line_id = 0
    orders, parts, lines = [], [], []
    for order_id, placed_at in enumerate(moments, start=1):
        payment = rng.choice(list(PaymentMethod))
        status = rng.choice(FLOWS[payment])
        buyer = _name(rng)
        recipient = _name(rng) if rng.random() < 0.4 else buyer  # most buy for themselves
        province = rng.choice(PROVINCES)
        subtotal, first_line = 0, len(lines)
        for producer_id, producer_name in rng.sample(producers, rng.choice((1, 1, 2))):
            part_id += 1
            part_total = 0
            for _ in range(rng.randint(1, 2)):
                line_id += 1
                name, price = rng.choice(ITEMS)
                quantity = rng.randint(1, 3)
                part_total += price * quantity
                lines.append(
                    {
                        "id": line_id,
                        "order_id": order_id,
                        "position": len(lines) - first_line,
                        "kind": LineKind.PRODUCT,
                        "name": name,
                        "producer_id": producer_id,
                        "producer_name": producer_name,
                        "item_price_vnd": price,
                        "unit_price_vnd": price,
                        "quantity": quantity,
                        "total_vnd": price * quantity,
                        "fulfilment_id": part_id,
                    }
                )
            subtotal += part_total
            parts.append(
                {
                    "id": part_id,
                    "order_id": order_id,
                    "producer_id": producer_id,
                    "producer_name": producer_name,
                    "status": PART_STATUS.get(status, FulfilmentStatus.PENDING),
                    "subtotal_vnd": part_total,
                    "collect_vnd": part_total if payment is PaymentMethod.COD else 0,
                }
            )
        handle = fold(buyer).replace(" ", ".")
        orders.append(
            {
                "id": order_id,
                "number": f"OCOP-{today_in_vietnam(placed_at):%y}-{order_id:06d}",
                "access_key": f"bench-{order_id}",
                "locale": "vi",
                "email": f"{handle}.{order_id}@{rng.choice(('gmail.com', 'yahoo.com.vn'))}",
                "buyer_name": buyer,
                "buyer_phone": f"+8490{order_id:07d}",
                "recipient_name": recipient,
                "recipient_phone": f"+8498{order_id:07d}",
                "province_code": province,
                "ward_code": rng.choice(wards[province]),
                "street": f"{rng.randint(1, 300)} Đường 30/4",
                "hide_prices": False,
                "payment_method": payment,
                "status": status,
                "subtotal_vnd": subtotal,
                "shipping_vnd": SHIPPING_VND,
                "total_vnd": subtotal + SHIPPING_VND,
                "weight_grams": 1500,
                "shipping_zone": "Liên vùng",
                "placed_at": placed_at,
                "search_folded": fold(f"{buyer} {recipient}")[:250],
            }
        )
        if len(orders) == CHUNK or order_id == count:
            yield orders, parts, lines
            orders, parts, lines = [], [], []


def seed(app: Flask, count: int) -> dict[str, str]:
    """Producers, a staff member and `count` orders; the cases to time (name -> path)."""
    rng = random.Random(SEED)
    with app.app_context():
        producers = [ProducerFactory(name=name) for name in PRODUCERS]
        staff = UserFactory(role=Role.STAFF, email="staff@example.vn")
        db.session.commit()
        pairs = [(producer.id, producer.name) for producer in producers]
        for orders, parts, lines in _order_rows(count, pairs, rng):
            db.session.execute(insert(Order), orders)
            db.session.execute(insert(Fulfilment), parts)
            db.session.execute(insert(OrderLine), lines)
            db.session.commit()
        # As autovacuum would: statistics for the planner, and the visibility map.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("ANALYZE")
        sample = db.session.get(Order, count // 3)
        month_ago = today_in_vietnam() - timedelta(days=30)
        return {
            "staff": staff.email,
            "no filter": "/staff/orders",
            "page 100": "/staff/orders?page=100",
            "status": "/staff/orders?status=delivered",
            "payment method": "/staff/orders?payment=card",
            "producer": f"/staff/orders?producer={pairs[3][0]}",
            "province": "/staff/orders?province=92",
            "date range": f"/staff/orders?from={month_ago - timedelta(days=30)}&to={month_ago}",
            "name search": f"/staff/orders?q={fold(sample.buyer_name).replace(' ', '+')}",
            "short search": "/staff/orders?q=an",  # two letters: no trigram, a full scan
            "e-mail search": f"/staff/orders?q={sample.email.split('@')[0]}",
            "phone search": f"/staff/orders?q={quote_plus(display_phone(sample.buyer_phone))}",
            "number search": f"/staff/orders?q={sample.number}",
            "all combined": (
                f"/staff/orders?q={fold(sample.buyer_name).split()[0]}&status=delivered"
                f"&payment=cod&producer={pairs[3][0]}&province=92&from={month_ago}"
            ),
        }


def sign_in(client: FlaskClient, email: str) -> None:
    """Raises RuntimeError when the sign-in form refuses."""
    response = client.post("/account/sign-in", data={"email": email, "password": USER_PASSWORD})
    if response.status_code != 302:
        raise RuntimeError(f"sign-in answered {response.status_code}")


def timed_get(client: FlaskClient, path: str) -> float:
    """Milliseconds to GET a page; raises RuntimeError unless it answers 200."""
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return elapsed


def resident_mb() -> float:
    """This process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def timed_download(client: FlaskClient, path: str) -> tuple[float, float, int, float]:
    """Milliseconds to the CSV's first chunk and to its end, its size in bytes, and how
    far resident memory rose above where it was at the first chunk (MB)."""
    started = time.perf_counter()
    response = client.get(path, buffered=False)
    chunks = iter(response.response)
    size = len(next(chunks))
    first = (time.perf_counter() - started) * 1000
    floor = highest = resident_mb()
    for chunk in chunks:
        size += len(chunk)
        highest = max(highest, resident_mb())
    response.close()
    return first, (time.perf_counter() - started) * 1000, size, highest - floor


def measure(app: Flask, runs: int, run: Callable[[], object]) -> tuple[int, list]:
    """The queries of one run (after a warm-up run), then `runs` results."""
    run()
    with counting_queries(app) as counter:
        run()
    return counter.count, [run() for _ in range(runs)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--csv-runs", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="drop every table first")
    options = parser.parse_args()

    app = bench_app("bench-staff-orders.db", parser, fresh=options.fresh)
    started = time.perf_counter()
    cases = seed(app, options.orders)
    print(f"database: {app.config['SQLALCHEMY_DATABASE_URI']}")
    print(f"seeded {options.orders} orders in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    sign_in(client, cases.pop("staff"))

    header = f"{'case':<16} {'queries':>7} {'median ms':>9} {'p95 ms':>7}  path"
    print()
    print(header)
    print("-" * len(header))
    slowest = 0.0
    for name, path in cases.items():
        queries, times = measure(app, options.runs, lambda path=path: timed_get(client, path))
        median = statistics.median(times)
        slowest = max(slowest, median)
        print(f"{name:<16} {queries:>7} {median:>9.1f} {percentile(times, 0.95):>7.1f}  {path}")
    for name, path in (
        ("csv (all)", "/staff/orders.csv"),
        ("csv (cod)", "/staff/orders.csv?payment=cod"),
    ):
        queries, results = measure(
            app, options.csv_runs, lambda path=path: timed_download(client, path)
        )
        firsts, totals, sizes, rises = zip(*results, strict=True)
        print(
            f"{name:<16} {queries:>7} first byte {statistics.median(firsts):.1f} ms, "
            f"whole {statistics.median(totals):.0f} ms, {sizes[0] / 1e6:.1f} MB, "
            f"memory +{max(rises):.1f} MB  {path}"
        )
    print(f"\nslowest list median: {slowest:.1f} ms (budget 100 ms)")
    return 0 if slowest < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
