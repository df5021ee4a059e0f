"""Many buyers pressing "Place order" at the same moment on the embedded default, a SQLite
file: writers wait their turn (WAL and a busy timeout), so nobody gets an error page for
"database is locked", and stock is never sold twice. Each buyer is a test client in a
thread of its own (see tests.shopping.all_at_once)."""

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select, text

from storefront import create_app
from storefront.extensions import db as _db
from storefront.orders.models import Order
from tests.conftest import IsolatedClient
from tests.shopping import all_at_once, ledger_sums, product_key, shipping_table, stocked_product


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app on a SQLite file, as the store runs by default (the shared fixture's
    database is in memory, which only one connection can see)."""
    application = create_app(
        "testing",
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'shop.db'}",
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": 25},
            "UPLOAD_DIR": tmp_path / "uploads",
        },
    )
    application.test_client_class = IsolatedClient
    with application.app_context():
        _db.create_all()
        shipping_table()
        yield application
        _db.session.remove()
        _db.engine.dispose()


def test_the_file_database_runs_in_write_ahead_logging_mode(db) -> None:
    assert db.session.scalar(text("PRAGMA journal_mode")) == "wal"
    assert db.session.scalar(text("PRAGMA busy_timeout")) > 0


def test_twenty_buyers_of_five_units_get_five_orders_and_nobody_sees_a_locked_database(
    app, db
) -> None:
    honey = stocked_product(5, name="Mật ong U Minh")
    db.session.commit()

    outcomes = all_at_once(app, [{product_key(honey): 1}] * 20)

    assert [outcome.crash for outcome in outcomes if outcome.crash] == []
    placed = [outcome.order_number for outcome in outcomes if outcome.order_number]
    refusals = [outcome.refusal for outcome in outcomes if outcome.refusal]
    assert len(placed) == 5
    assert len(refusals) == 15
    assert all(honey.name in text and "sold out" in text.lower() for text in refusals)
    db.session.expire_all()
    assert set(db.session.scalars(select(Order.number))) == set(placed)
    assert honey.stock == 0
    assert ledger_sums() == Counter({honey.id: 0})
