"""Helpers for tests of Stripe's events, refunds and reconcile: a stocked product, a card
order placed without the pages, events Stripe could send (signed as it signs them), and
a footprint of everything the store records about card payments."""

from dataclasses import dataclass

import stripe
from sqlalchemy import func, select

from storefront.catalog.models import Product
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.inventory.models import StockMovement
from storefront.mail.models import OutboxMessage
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.payments.card_checkout import start_card_payment
from storefront.payments.card_records import checkout_of
from storefront.payments.models import CardPayment, CardRefund, StripeEvent
from tests.fake_stripe.events import AUTOMATIC, build
from tests.fake_stripe.objects import Object
from tests.shopping import buy, ledger_sums, product_key, stocked_product

RECORDS = (StripeEvent, CardPayment, CardRefund, OutboxMessage, StockMovement)


def honey(stock: int = 10, price_vnd: int = 150_000) -> Product:
    product = stocked_product(stock, name="Mật ong U Minh", name_en="U Minh honey")
    product.price_vnd = price_vnd
    db.session.commit()
    return product


def card_order(product: Product, *, email: str = "an@example.vn") -> tuple[Order, str]:
    """A card order of one unit, placed as the checkout does, with its Checkout Session
    created at Stripe: (order, session id)."""
    order = buy({product_key(product): 1}, PaymentMethod.CARD, email=email)
    start_card_payment(
        order,
        success_url=f"https://shop.test/orders/{order.number}/card-return?key=k",
        cancel_url=f"https://shop.test/orders/{order.number}?key=k",
        now=utcnow(),
    )
    return order, checkout_of(order).session_id


def mails(template: str, *, to: str) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.recipient == to, OutboxMessage.template == template)
    )


def synthetic(event_type: str, obj: Object) -> Object:
    """An event of `event_type` carrying `obj`, as Stripe builds them."""
    return build(event_type, obj, AUTOMATIC, stripe.api_version)


@dataclass(frozen=True)
class Footprint:
    """Row counts of every table card payments write, with the orders' statuses and the
    stock of every product, as the ledger adds it up and as the products hold it."""

    rows: dict[str, int]
    statuses: dict[str, OrderStatus]
    ledger: dict[int, int]
    stock: dict[int, int]


def footprint() -> Footprint:
    db.session.expire_all()
    return Footprint(
        rows={
            model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
            for model in RECORDS
        },
        statuses=dict(db.session.execute(select(Order.number, Order.status)).tuples().all()),
        ledger=dict(ledger_sums()),
        stock=dict(db.session.execute(select(Product.id, Product.stock)).tuples().all()),
    )
