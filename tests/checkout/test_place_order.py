"""Placing an order, the use case: re-priced, reserved, snapshotted, numbered, refused
whole when anything is wrong."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from storefront.cart.storage import SessionCart
from storefront.checkout.details import GiftOptions
from storefront.checkout.errors import CheckoutError, CheckoutErrorCode
from storefront.checkout.placing import place_order
from storefront.clock import today_in_vietnam
from storefront.combos.models import ComboPackaging
from storefront.inventory.models import MovementKind, StockMovement
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from tests.factories import PackagingFactory, expire
from tests.shopping import (
    combo_key,
    combo_of,
    details,
    ledger_sums,
    now,
    product_key,
    rules,
    shipping_table,
    stocked_product,
)

pytestmark = pytest.mark.usefixtures("on_both_databases")


@pytest.fixture(autouse=True)
def _shipping(app) -> None:
    shipping_table()


def _place(lines, payment=PaymentMethod.COD, **kwargs):
    cart = SessionCart({})
    for key, quantity in lines.items():
        cart.put(key, quantity)
    return place_order(
        cart.lines(),
        details(payment, **kwargs),
        buyer=None,
        cart=cart,
        locale="vi",
        rules=rules(),
        now=now(),
    )


def test_an_order_reserves_stock_and_snapshots_what_was_bought(db) -> None:
    honey = stocked_product(10, price_vnd=150_000, weight_grams=700)
    rice = stocked_product(20, price_vnd=80_000, weight_grams=1000, producer=honey.producer)
    combo = combo_of((honey, 1), (rice, 2))
    box = PackagingFactory(producer=honey.producer, stock=5)
    combo.packaging.append(ComboPackaging(item=box, position=0))
    db.session.commit()

    order = _place({combo_key(combo, packaging=box): 2, product_key(honey): 1})

    assert order.number == f"OCOP-{today_in_vietnam():%y}-{order.id:06d}"
    assert order.status is OrderStatus.CONFIRMED
    combo_line, honey_line = order.lines
    assert combo_line.item_price_vnd == round((150_000 + 2 * 80_000) * 0.9)
    assert combo_line.packaging_price_vnd == box.price_vnd
    assert [(c.name, c.quantity) for c in combo_line.components] == [
        (honey.name, 1),
        (rice.name, 2),
    ]
    assert honey_line.total_vnd == 150_000
    assert order.subtotal_vnd == combo_line.total_vnd + honey_line.total_vnd
    assert order.total_vnd == order.subtotal_vnd + order.shipping_vnd
    db.session.expire_all()
    assert (honey.stock, rice.stock, box.stock) == (7, 16, 3)
    assert ledger_sums()[honey.id] == 7 and ledger_sums()[rice.id] == 16
    reservations = db.session.scalars(
        select(StockMovement).where(StockMovement.kind == MovementKind.RESERVATION)
    ).all()
    assert {m.order_id for m in reservations} == {order.id}


def test_a_shortfall_rolls_everything_back_and_names_the_item(db) -> None:
    honey = stocked_product(3, name="Mật ong U Minh")
    rice = stocked_product(5)
    lines = {product_key(rice): 2, product_key(honey): 3}
    cart = SessionCart({})
    for key, quantity in lines.items():
        cart.put(key, quantity)
    honey.stock = 2  # sold elsewhere after the cart was priced: the UPDATE finds too few
    db.session.commit()

    with pytest.raises(CheckoutError) as refused:
        place_order(
            cart.lines(), details(), buyer=None, cart=cart, locale="vi", rules=rules(), now=now()
        )

    assert refused.value.code in (CheckoutErrorCode.CART_CHANGED, CheckoutErrorCode.OUT_OF_STOCK)
    assert "Mật ong U Minh" in refused.value.message()
    assert db.session.scalar(select(Order.id)) is None
    db.session.expire_all()
    assert rice.stock == 5
    assert cart.lines()  # the cart is kept


def test_a_certificate_that_expired_after_adding_is_refused_at_place_order(db) -> None:
    honey = stocked_product(3, name="Mật ong U Minh")
    lines = {product_key(honey): 1}
    expire(honey)
    db.session.commit()

    with pytest.raises(CheckoutError) as refused:
        _place(lines)

    assert refused.value.code is CheckoutErrorCode.CART_CHANGED
    assert "Mật ong U Minh" in refused.value.message()
    assert db.session.scalar(select(Order.id)) is None


def test_cash_on_delivery_stops_at_its_limit(app, db) -> None:
    app.config["COD_LIMIT_VND"] = 200_000
    honey = stocked_product(10, price_vnd=150_000)
    db.session.commit()

    with pytest.raises(CheckoutError) as refused:
        _place({product_key(honey): 2})

    assert refused.value.code is CheckoutErrorCode.COD_LIMIT
    assert _place({product_key(honey): 2}, PaymentMethod.BANK_TRANSFER).total_vnd > 200_000


def test_a_delivery_date_before_the_earliest_is_refused(db) -> None:
    honey = stocked_product(10)
    db.session.commit()
    too_soon = GiftOptions(deliver_on=today_in_vietnam())

    with pytest.raises(CheckoutError) as refused:
        _place({product_key(honey): 1}, gift=too_soon)

    assert refused.value.code is CheckoutErrorCode.DELIVERY_DATE_TOO_EARLY
    later = GiftOptions(deliver_on=today_in_vietnam() + timedelta(days=3), message="Chúc mừng")
    assert _place({product_key(honey): 1}, gift=later).gift_message == "Chúc mừng"


def test_shipping_is_free_above_the_configured_total(app, db) -> None:
    app.config["FREE_SHIPPING_ABOVE_VND"] = 300_000
    honey = stocked_product(10, price_vnd=150_000, weight_grams=500)
    db.session.commit()

    assert _place({product_key(honey): 1}).shipping_vnd == 20_000
    assert _place({product_key(honey): 2}).shipping_vnd == 0


def test_bank_transfer_orders_await_payment_until_their_deadline(db) -> None:
    honey = stocked_product(10)
    db.session.commit()

    order = _place({product_key(honey): 1}, PaymentMethod.BANK_TRANSFER)

    assert order.status is OrderStatus.AWAITING_PAYMENT
    assert order.payment_due_at - order.placed_at == timedelta(hours=72)
