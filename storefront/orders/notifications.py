"""The buyer's e-mails as the order moves on: payment received, a part shipped, all of it
delivered, cancelled, refunded outside Stripe. Each queues one mail to the order's e-mail
address, in the order's language, within the caller's transaction (flushes, never commits),
so it is sent once, after the change that causes it commits.

Placing an order mails `order_placed` (checkout/placing.py; for a card order once it is
paid, payments/card_fulfilment.py), and a card refund mails `card_refund`.
"""

import enum

from sqlalchemy import select

from storefront.extensions import db
from storefront.mail.outbox import queue_mail
from storefront.orders.models import Fulfilment, FulfilmentStatus, Order, PaymentMethod

ON_ITS_WAY = frozenset({FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED})


class CancelCause(enum.StrEnum):
    """Why an order was cancelled, as the buyer is told."""

    BUYER = "buyer"  # they cancelled it themselves
    TRANSFER_NOT_RECEIVED = "transfer_not_received"  # not by its deadline
    CARD_NOT_PAID = "card_not_paid"  # Stripe's page expired, or the payment failed
    STAFF = "staff"  # with the reason staff typed


def unpaid_cause(order: Order) -> CancelCause:
    """The cause of cancelling an order unpaid at its deadline."""
    if order.payment_method is PaymentMethod.BANK_TRANSFER:
        return CancelCause.TRANSFER_NOT_RECEIVED
    return CancelCause.CARD_NOT_PAID


def order_confirmed(order: Order) -> None:
    """Staff received the bank transfer: the producers prepare the order."""
    _mail(order, "order_confirmed")


def order_shipped(part: Fulfilment) -> None:
    """One producer's part has shipped: its items, carrier and tracking number, and where
    the order's other parts stand."""
    order = part.order
    # Read again: other parts may have moved in other transactions since they were loaded.
    parts = db.session.scalars(
        select(Fulfilment)
        .where(Fulfilment.order_id == order.id, Fulfilment.status != FulfilmentStatus.CANCELLED)
        .order_by(Fulfilment.id)
        .execution_options(populate_existing=True)
    ).all()
    _mail(
        order,
        "order_shipped",
        part=part,
        others=[other for other in parts if other.id != part.id],
        parts_count=len(parts),
        shipped_count=sum(other.status in ON_ITS_WAY for other in parts),
    )


def order_delivered(order: Order) -> None:
    """Every part of the order has arrived."""
    _mail(order, "order_delivered")


def order_cancelled(order: Order, *, reason: CancelCause, staff_note: str = "") -> None:
    """The order was cancelled, for `reason`; `staff_note`, what staff typed, is quoted when
    they cancelled it. A paid order is told how its money comes back."""
    _mail(
        order,
        "order_cancelled",
        cause=reason.value,
        staff_note=staff_note.strip() if reason is CancelCause.STAFF else "",
        paid=order.paid_at is not None,
    )


def order_refunded(order: Order, *, amount_vnd: int, reason: str) -> None:
    """Staff refunded `amount_vnd` of a bank-transfer or cash-on-delivery order, for
    `reason`. Raises ValueError for a card order: its refunds mail `card_refund`."""
    if order.payment_method is PaymentMethod.CARD:
        raise ValueError("card refunds are mailed when Stripe makes them (card_refund)")
    _mail(order, "order_refunded", amount_vnd=amount_vnd, reason=reason.strip())


def _mail(order: Order, template: str, **context: object) -> None:
    queue_mail(to=order.email, template=template, locale=order.locale, order=order, **context)
