"""Many buyers pressing "Place order" at the same moment on PostgreSQL: stock is never sold
twice, the buyers who lose are told what sold out, and nobody deadlocks.

Each buyer is a browser of its own (a test client in a thread of its own, so a database
session and connection of its own per request) that fills its cart and the checkout form,
then waits at one barrier with the others; a buyer still waiting after the timeout fails
the test instead of hanging it.
"""

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from storefront.extensions import db as _db
from storefront.inventory.models import MovementKind, StockMovement
from storefront.orders.models import Order
from storefront.orders.status import HOLDS_STOCK
from tests.conftest import POSTGRES_URL, _postgres_reachable, need_service
from tests.shopping import (
    Outcome,
    all_at_once,
    combo_key,
    combo_of,
    ledger_sums,
    product_key,
    shop_app,
    stocked_product,
    units_held_by_orders,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """The shared `app` fixture's PostgreSQL app, with a pool big enough for every buyer to
    hold a connection at once (as many gunicorn workers would)."""
    need_service(_postgres_reachable())
    pool = {"pool_pre_ping": True, "pool_size": 55}
    with shop_app(POSTGRES_URL, tmp_path, SQLALCHEMY_ENGINE_OPTIONS=pool) as application:
        yield application


def _crashes(outcomes: list[Outcome]) -> list[str]:
    return [outcome.crash for outcome in outcomes if outcome.crash]


def _reserved(product_id: int) -> int:
    """Units of a product the ledger says orders reserved."""
    return -_db.session.scalar(
        select(func.coalesce(func.sum(StockMovement.delta), 0)).where(
            StockMovement.product_id == product_id,
            StockMovement.kind == MovementKind.RESERVATION,
        )
    )


def test_fifty_buyers_of_a_combo_ten_can_be_made_of_get_ten_orders(app, db) -> None:
    honey = stocked_product(10, name="Mật ong U Minh")
    rice = stocked_product(25, name="Gạo ST25", producer=honey.producer)
    combo = combo_of((honey, 1), (rice, 2), name="Combo quà Tết Cà Mau")
    db.session.commit()
    names = (combo.name, combo.name_en, honey.name, rice.name)

    outcomes = all_at_once(app, [{combo_key(combo): 1}] * 50)

    assert _crashes(outcomes) == []  # no error page, no deadlock, nothing unexpected
    placed = [outcome.order_number for outcome in outcomes if outcome.order_number]
    refusals = [outcome.refusal for outcome in outcomes if outcome.refusal]
    assert len(placed) == 10 and len(set(placed)) == 10
    assert len(refusals) == 40
    assert all("sold out" in text.lower() for text in refusals), refusals[0]
    assert all(any(name in text for name in names) for text in refusals), refusals[0]
    db.session.expire_all()
    assert set(db.session.scalars(select(Order.number))) == set(placed)
    assert (honey.stock, rice.stock) == (0, 5)
    assert ledger_sums() == Counter({honey.id: 0, rice.id: 5})
    assert (_reserved(honey.id), _reserved(rice.id)) == (10 * 1, 10 * 2)
    assert units_held_by_orders(HOLDS_STOCK) == Counter({honey.id: 10, rice.id: 20})


def test_combos_and_single_units_sharing_a_product_never_oversell_it(app, db) -> None:
    x = stocked_product(20, name="Khô cá lóc")
    y = stocked_product(5, name="Mắm cá linh", producer=x.producer)
    z = stocked_product(20, name="Bánh pía", producer=x.producer)
    combo_a = combo_of((x, 1), (y, 1), name="Combo A")
    combo_b = combo_of((y, 1), (z, 1), name="Combo B")
    db.session.commit()
    carts = (
        [{combo_key(combo_a): 1}] * 10
        + [{combo_key(combo_b): 1}] * 10
        + [{product_key(y): 1}] * 10
        + [{combo_key(combo_a): 1}]
    )
    greedy = {len(carts) - 1: {product_key(y): 5}}  # and 5 of Y: 6 of Y in one cart

    outcomes = all_at_once(app, carts, added_after_details=greedy)

    assert _crashes(outcomes) == []
    assert outcomes[-1].refusal and y.name in outcomes[-1].refusal  # never 6 of Y
    placed = [outcome for outcome in outcomes if outcome.order_number]
    assert len(placed) == 5  # Y is the only short product, and each order takes one
    assert all(outcome.refusal for outcome in outcomes if not outcome.order_number)
    db.session.expire_all()
    assert y.stock == 0
    assert units_held_by_orders(HOLDS_STOCK)[y.id] == _reserved(y.id) == 5
    sums = ledger_sums()
    assert (x.stock, y.stock, z.stock) == (sums[x.id], sums[y.id], sums[z.id])
    after_each_move = db.session.scalars(
        select(StockMovement.stock_after).where(StockMovement.product_id == y.id)
    )
    assert min(after_each_move) == 0
