"""Stock changes only through the ledger: the stock always equals the sum of the movements,
and never goes below zero."""

import random

import pytest
from sqlalchemy import func, select

from storefront.inventory.errors import OutOfStock
from storefront.inventory.ledger import adjust_stock, open_stock, set_stock
from storefront.inventory.models import StockMovement
from tests.factories import ProductFactory
from tests.portal.helpers import product_of


def _ledger_sum(db, product) -> int:
    return db.session.scalar(
        select(func.coalesce(func.sum(StockMovement.delta), 0)).where(
            StockMovement.product_id == product.id
        )
    )


def test_after_random_changes_the_stock_is_the_ledgers_sum(db):
    product = ProductFactory(stock=0)
    open_stock(product, quantity=30, actor=None)
    rng = random.Random(3)
    for _ in range(200):
        try:
            if rng.random() < 0.2:
                set_stock(product, quantity=rng.randint(0, 60), reason="count", actor=None)
            else:
                adjust_stock(
                    product, delta=rng.choice([-9, -3, -1, 1, 4, 12]), reason="", actor=None
                )
        except OutOfStock:
            pass
    db.session.commit()

    db.session.expire_all()
    assert product.stock >= 0
    assert product.stock == _ledger_sum(db, product)
    last = db.session.scalar(select(StockMovement).order_by(StockMovement.id.desc()).limit(1))
    assert last.stock_after == product.stock


def test_going_below_zero_is_refused_and_changes_nothing(db):
    product = ProductFactory(stock=0)
    open_stock(product, quantity=2, actor=None)
    db.session.commit()

    with pytest.raises(OutOfStock):
        adjust_stock(product, delta=-3, reason="", actor=None)

    db.session.rollback()
    assert product.stock == 2 == _ledger_sum(db, product)
    assert db.session.scalar(select(func.count(StockMovement.id))) == 1


def test_the_stock_page_sets_and_adjusts_with_a_reason(client, login_as, make_member, db):
    member = login_as(make_member())
    product = product_of(member, stock=0)
    open_stock(product, quantity=10, actor=member)
    db.session.commit()
    url = f"/producer/stock/{product.id}"
    prefix = f"p{product.id}-"

    client.post(
        url, data={prefix + "change": "adjust", prefix + "amount": "5", prefix + "reason": "Vụ mới"}
    )
    client.post(
        url, data={prefix + "change": "set", prefix + "amount": "12", prefix + "reason": "Kiểm kho"}
    )
    refused = client.post(
        url, data={prefix + "change": "adjust", prefix + "amount": "-13", prefix + "reason": "Hỏng"}
    )
    no_reason = client.post(url, data={prefix + "change": "adjust", prefix + "amount": "1"})

    assert "stock cannot go below 0" in refused.get_data(as_text=True)
    assert "Give a reason" in no_reason.get_data(as_text=True)
    db.session.refresh(product)
    assert product.stock == 12 == _ledger_sum(db, product)
    deltas = db.session.scalars(select(StockMovement.delta).order_by(StockMovement.id)).all()
    assert deltas == [10, 5, -3]
    page = client.get("/producer/stock").get_data(as_text=True)
    assert "Kiểm kho" in page and "Vụ mới" in page
