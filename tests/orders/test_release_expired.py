"""Unpaid bank transfers lapse: `release_expired` (and `flask orders release-expired`)
cancels them at their deadline and returns their stock exactly once, however many times
and in however many processes it runs; paid, cash-on-delivery and not-yet-due orders stay.
"""

import os
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import Engine, create_engine, select, text

from storefront.extensions import db as _db
from storefront.inventory.models import MovementKind, StockMovement
from storefront.orders.models import Order, OrderEvent, OrderStatus, PaymentMethod
from storefront.orders.service import mark_transfer_received, release_expired
from tests.conftest import POSTGRES_URL, _postgres_reachable, need_service
from tests.factories import UserFactory
from tests.shopping import (
    buy,
    combo_key,
    combo_of,
    ledger_sums,
    now,
    product_key,
    shop_app,
    stocked_product,
)

pytestmark = pytest.mark.usefixtures("on_both_databases")

ROOT = Path(__file__).resolve().parents[2]
HOLD = timedelta(hours=72)  # BANK_TRANSFER_HOLD_HOURS of the testing config
ORDER_NUMBER = re.compile(r"OCOP-\d{2}-\d{6}")


@pytest.fixture
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """PostgreSQL for `postgres` tests, else a SQLite file (not memory): the CLI test runs
    the real command in processes of its own, which must see the same database."""
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    if request.node.get_closest_marker("postgres"):
        need_service(_postgres_reachable())
        url = POSTGRES_URL
    with shop_app(url, tmp_path) as application:
        yield application


def _lapsed(lines, *, late: timedelta = timedelta(hours=1)) -> Order:
    """A bank-transfer order whose deadline passed `late` ago."""
    return buy(lines, PaymentMethod.BANK_TRANSFER, at=now() - HOLD - late)


def _releases() -> Counter[tuple[int, int]]:
    """How many RELEASE movements each (order, product) has."""
    rows = _db.session.execute(
        select(StockMovement.order_id, StockMovement.product_id).where(
            StockMovement.kind == MovementKind.RELEASE
        )
    )
    return Counter(tuple(row) for row in rows)


def _status(order: Order) -> OrderStatus:
    return _db.session.scalar(select(Order.status).where(Order.id == order.id))


def test_unpaid_bank_transfers_past_their_deadline_are_cancelled_and_their_stock_returns(
    db,
) -> None:
    honey = stocked_product(10)
    rice = stocked_product(20, producer=honey.producer)
    combo = combo_of((honey, 1), (rice, 2))
    db.session.commit()
    single = _lapsed({product_key(honey): 2})
    boxed = _lapsed({combo_key(combo): 3})
    db.session.expire_all()
    assert (honey.stock, rice.stock) == (5, 14)

    cancelled = release_expired(now=now())

    assert sorted(cancelled) == sorted([single.number, boxed.number])
    db.session.expire_all()
    assert (honey.stock, rice.stock) == (10, 20)
    assert ledger_sums() == Counter({honey.id: 10, rice.id: 20})
    for order in (single, boxed):
        assert order.status is OrderStatus.CANCELLED and order.cancelled_at is not None
        event = order.events[-1]
        assert (event.from_status, event.to_status, event.actor_id) == (
            OrderStatus.AWAITING_PAYMENT,
            OrderStatus.CANCELLED,
            None,
        )
        assert event.reason


def test_running_it_twice_returns_the_stock_once(db) -> None:
    honey = stocked_product(10)
    rice = stocked_product(20, producer=honey.producer)
    combo = combo_of((honey, 1), (rice, 2))
    db.session.commit()
    orders = [_lapsed({product_key(honey): 1, combo_key(combo): 2}) for _ in range(3)]

    first = release_expired(now=now())
    second = release_expired(now=now() + timedelta(minutes=5))

    assert len(first) == 3 and second == []
    assert _releases() == Counter(
        {(order.id, product.id): 1 for order in orders for product in (honey, rice)}
    )
    db.session.expire_all()
    assert (honey.stock, rice.stock) == (10, 20)
    assert ledger_sums() == Counter({honey.id: 10, rice.id: 20})
    events = db.session.scalars(
        select(OrderEvent).where(OrderEvent.to_status == OrderStatus.CANCELLED)
    ).all()
    assert sorted(event.order_id for event in events) == sorted(order.id for order in orders)


def test_paid_and_cash_on_delivery_orders_are_never_released(db) -> None:
    honey = stocked_product(10)
    db.session.commit()
    paid = _lapsed({product_key(honey): 2})
    mark_transfer_received(paid, actor=UserFactory(), now=now())
    cash = buy({product_key(honey): 3}, PaymentMethod.COD, at=now() - HOLD - HOLD)

    cancelled = release_expired(now=now() + timedelta(days=365))

    assert cancelled == []
    assert (_status(paid), _status(cash)) == (OrderStatus.PAID, OrderStatus.CONFIRMED)
    db.session.expire_all()
    assert honey.stock == 5
    assert _releases() == Counter()


def test_orders_not_yet_due_stay_until_their_deadline(db) -> None:
    honey = stocked_product(10)
    db.session.commit()
    order = buy({product_key(honey): 4}, PaymentMethod.BANK_TRANSFER)
    due = order.payment_due_at

    assert release_expired(now=now()) == []
    assert release_expired(now=due - timedelta(seconds=1)) == []
    assert _status(order) is OrderStatus.AWAITING_PAYMENT
    db.session.expire_all()
    assert honey.stock == 6

    assert release_expired(now=due) == [order.number]
    db.session.expire_all()
    assert honey.stock == 10


def test_two_processes_running_the_command_at_once_cancel_each_order_once(app, db) -> None:
    honey = stocked_product(50)
    rice = stocked_product(50, producer=honey.producer)
    combo = combo_of((honey, 1), (rice, 2))
    db.session.commit()
    orders = [_lapsed({product_key(honey): 1, combo_key(combo): 1}) for _ in range(12)]
    kept = buy({product_key(honey): 1}, PaymentMethod.BANK_TRANSFER)  # not due yet
    due = {order.id: order.number for order in orders}
    url = app.config["SQLALCHEMY_DATABASE_URI"]

    # Both commands wait on a lock the test holds on the first order until both have read
    # the due orders, so they really race for every one of them.
    runs: list[subprocess.Popen] = []
    try:
        with _holding_the_first_order(url, min(due)) as wait_until_both_wait:
            runs = [_release_expired_command(url, app.config["UPLOAD_DIR"]) for _ in range(2)]
            wait_until_both_wait(runs)
        outputs = [run.communicate(timeout=120) for run in runs]
    finally:
        for run in runs:
            if run.poll() is None:
                run.kill()

    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err
    first, second = (set(ORDER_NUMBER.findall(out)) for out, _err in outputs)
    assert first.isdisjoint(second)
    assert first | second == set(due.values())
    assert _releases() == Counter(
        {(order_id, product.id): 1 for order_id in due for product in (honey, rice)}
    )
    assert _status(kept) is OrderStatus.AWAITING_PAYMENT
    db.session.expire_all()
    assert (honey.stock, rice.stock) == (49, 50)
    assert ledger_sums() == Counter({honey.id: 49, rice.id: 50})


def _release_expired_command(url: str, upload_dir: Path) -> subprocess.Popen:
    """`flask orders release-expired` as cron runs it: a process of its own, production
    settings, the database from DATABASE_URL."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("FLASK_", "PYTEST"))
    }
    env.update(
        FLASK_APP="wsgi:app",
        FLASK_CONFIG="production",
        SECRET_KEY="release-expired-test",
        DATABASE_URL=url,
        UPLOAD_DIR=str(upload_dir),
    )
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("flask")), "orders", "release-expired"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def _holding_the_first_order(url: str, order_id: int) -> Iterator[Callable[[list], None]]:
    """Hold a write lock the command's first UPDATE needs (the order's row on PostgreSQL, the
    database's write lock on SQLite); gives a function that waits until the given commands
    are blocked on it. Leaving lets them go."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield partial(_wait_sqlite, path)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as holder:
            holder.execute(
                text("SELECT id FROM orders WHERE id = :id FOR UPDATE"), {"id": order_id}
            )
            yield partial(_wait_postgres, engine)
            holder.rollback()
    finally:
        engine.dispose()


def _wait_postgres(engine: Engine, runs: list[subprocess.Popen]) -> None:
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE orders%'"
    )
    # Autocommit: a transaction would see one snapshot of pg_stat_activity throughout.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher:
        _wait_until(lambda: watcher.execute(waiting).scalar() >= 2, runs)


def _wait_sqlite(path: str, runs: list[subprocess.Popen]) -> None:
    # A process that opened the database has read the due orders (readers never wait in
    # WAL mode) and is about to wait for the write lock, with its busy timeout.
    if not Path("/proc/self/fd").is_dir():  # no /proc to look in: give them time
        time.sleep(5)
        return
    _wait_until(lambda: all(_has_open(run.pid, path) for run in runs), runs)
    time.sleep(1)


def _has_open(pid: int, path: str) -> bool:
    try:
        return any(os.readlink(fd) == path for fd in Path(f"/proc/{pid}/fd").iterdir())
    except (FileNotFoundError, PermissionError):
        return False


def _wait_until(condition, runs: list[subprocess.Popen], timeout: float = 60) -> None:
    """Fails when a command ended before the lock (saying why) or never got to it."""
    deadline = time.monotonic() + timeout
    while not condition():
        for run in runs:
            assert run.poll() is None, f"the command ended early: {run.communicate()}"
        assert time.monotonic() < deadline, "the commands never got to the lock"
        time.sleep(0.05)
