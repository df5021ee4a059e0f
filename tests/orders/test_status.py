"""The order's state machine: only the moves in its table, each recorded once, and a
cancelled order's stock returned once."""

import itertools

import pytest
from sqlalchemy import select
from sqlalchemy.orm import attributes

from storefront.cart.storage import SessionCart
from storefront.checkout.placing import place_order
from storefront.extensions import db
from storefront.inventory.models import MovementKind, StockMovement
from storefront.orders.models import OrderEvent, OrderStatus, PaymentMethod
from storefront.orders.service import cancel_order, mark_transfer_received
from storefront.orders.status import ALLOWED, InvalidTransition, change_status
from tests.factories import UserFactory
from tests.shopping import details, now, product_key, rules, shipping_table, stocked_product

pytestmark = pytest.mark.usefixtures("on_both_databases")


@pytest.fixture
def honey(app):
    shipping_table()
    product = stocked_product(10)
    db.session.commit()
    return product


def _order(product, payment=PaymentMethod.BANK_TRANSFER, quantity=2):
    cart = SessionCart({})
    cart.put(product_key(product), quantity)
    return place_order(
        cart.lines(), details(payment), buyer=None, cart=cart, locale="vi", rules=rules(), now=now()
    )


@pytest.mark.parametrize(("start", "to"), list(itertools.product(OrderStatus, OrderStatus)))
def test_only_the_moves_in_the_table_are_made(honey, start, to) -> None:
    order = _order(honey)
    order.status = start
    db.session.commit()

    if to in ALLOWED[start]:
        change_status(order, to, actor=None, reason="test", now=now())
        assert order.status is to
    else:
        with pytest.raises(InvalidTransition):
            change_status(order, to, actor=None, reason="test", now=now())
        db.session.rollback()
        assert db.session.get(type(order), order.id).status is start


def test_a_stale_order_cannot_be_moved_twice(honey) -> None:
    order = _order(honey)
    stale = OrderStatus.AWAITING_PAYMENT
    cancel_order(order, actor=None, reason="changed my mind", now=now())
    # What a request that read the order earlier still believes (not a change to save).
    attributes.set_committed_value(order, "status", stale)

    with pytest.raises(InvalidTransition):
        change_status(order, OrderStatus.CANCELLED, actor=None, reason="again", now=now())
    db.session.rollback()

    releases = db.session.scalars(
        select(StockMovement).where(StockMovement.kind == MovementKind.RELEASE)
    ).all()
    assert [(m.product_id, m.delta) for m in releases] == [(honey.id, 2)]
    db.session.refresh(honey)
    assert honey.stock == 10


def test_staff_mark_a_bank_transfer_received_and_the_order_is_paid(honey) -> None:
    staff = UserFactory()
    order = _order(honey)

    mark_transfer_received(order, actor=staff, now=now())

    assert order.status is OrderStatus.PAID and order.paid_at is not None
    event = db.session.scalars(select(OrderEvent).order_by(OrderEvent.id.desc())).first()
    assert (event.from_status, event.to_status, event.actor_id) == (
        OrderStatus.AWAITING_PAYMENT,
        OrderStatus.PAID,
        staff.id,
    )


def test_cash_on_delivery_orders_are_not_marked_as_transferred(honey) -> None:
    order = _order(honey, PaymentMethod.COD)

    with pytest.raises(InvalidTransition):
        mark_transfer_received(order, actor=UserFactory(), now=now())
    assert order.status is OrderStatus.CONFIRMED
